"""The op catalog: every op the Tensor ops page offers, the guide's first, in the order the guide meets them."""

from core.ops.entries import creation as c
from core.ops.entries import elementwise as e
from core.ops.entries import indexing as i
from core.ops.entries import joining as j
from core.ops.entries import products as p
from core.ops.entries import reduction as r
from core.ops.entries import shapes as s
from core.ops.spec import OpSpec

_GUIDE = (
    e.SIGN, e.UNIT_STEP, i.ONE_HOT_NUMPY, c.EYE_K, i.ONE_HOT, c.ONES, r.SUM, s.UNSQUEEZE, s.SQUEEZE,
    p.MM, p.MATMUL, p.MUL, e.CLAMP_, e.CLAMP, i.ITEM, s.VIEW, s.T_THEN_VIEW, i.GATHER, e.POW, j.STACK, j.CAT,
    s.T, c.MANUAL_SEED, c.EMPTY, p.EINSUM, c.RANDN, c.RANDINT, e.SOFTMAX,
)
_MORE = (
    s.RESHAPE, s.NARROW, s.PERMUTE, s.TRANSPOSE, s.FLATTEN, s.EXPAND, s.REPEAT, s.BROADCAST_TO, e.WHERE, e.MASKED_FILL,
    i.SCATTER, i.INDEX_SELECT, r.TOPK, r.ARGMAX, r.MAX, r.MEAN, r.CUMSUM, j.SPLIT, j.CHUNK, j.HSTACK, s.TRIL, s.TRIU,
    c.ARANGE, c.LINSPACE, c.ZEROS, c.FULL, c.EYE, p.OUTER, p.BMM,
)

OPS: dict[str, OpSpec] = {spec.name: spec for spec in _GUIDE + _MORE}
GUIDE_OPS = tuple(spec.name for spec in _GUIDE)  # the ops of the guide, in its order
