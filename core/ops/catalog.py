"""The op catalog: every op the Tensor ops page offers, in the order the guide meets them."""

from core.ops.entries.creation import ONES
from core.ops.entries.indexing import GATHER
from core.ops.entries.joining import CAT, STACK
from core.ops.entries.products import MATMUL, MM, MUL
from core.ops.entries.reduction import SUM
from core.ops.spec import OpSpec

OPS: dict[str, OpSpec] = {spec.name: spec for spec in (ONES, SUM, MM, MATMUL, MUL, GATHER, STACK, CAT)}
