"""The shape of one op catalog entry: everything a page needs to render, run and explain an op."""

from dataclasses import dataclass, field, replace
from typing import Any, Callable, Mapping

import torch

from core.grid import ALL_DTYPES
from core.text import Text

REQUIRED = object()  # an argument torch needs written out every time


@dataclass(frozen=True)
class TensorParam:
    """A tensor the op takes, by torch's argument name (`input`, `other`, `mat2`, `index`, `tensors`)."""

    name: str
    dtypes: tuple[str, ...] = ALL_DTYPES  # dtypes the user may choose for it
    count: tuple[int, int] | None = None  # a list of tensors (`tensors`): (fewest, most)
    aligned_with_output: bool = False  # result[i] reads index[i] (gather's `index`)
    # a 0-d grid is passed (and written) as a plain Python number, torch.pow(A, 2), when the number has the grid's
    # dtype; otherwise as the 0-d tensor, so the chosen dtype counts
    number_when_0d: bool = False
    star: bool = False  # a list passed unpacked: torch.einsum(equation, *operands)

    @property
    def is_list(self) -> bool:
        return self.count is not None


@dataclass(frozen=True)
class ArgParam:
    """A non-tensor argument (`dim`, `keepdim`, `size`), by torch's name."""

    name: str
    kind: str  # "dim", "bool", "size", "ints" (e.g. a view's shape), "int", "float", "text" or "choice"
    default: Any  # the value the page starts from
    torch_default: Any = REQUIRED  # what torch assumes when the argument is left out
    of: str = "input"  # the tensor whose number of dims sets a dim's range
    none_allowed: bool = False  # dim=None means every dim
    new_axis: bool = False  # the dim names a new axis: its range is -(n+1)..n
    help: str = "dim_help"  # key into MSG
    minimum: float | None = None  # for "int" / "float"
    maximum: float | None = None
    choices: tuple = ()  # for "choice"
    star: bool = False  # "ints" passed unpacked: input.view(2, -1)
    whole_as_int: bool = False  # a whole "float" is passed (and written) as an int: clamp(t, 0, 5) keeps int64


@dataclass(frozen=True)
class Preset:
    """A ready-made state: the guide's examples come first."""

    key: str
    title: Text
    inputs: Mapping[str, Any] = field(default_factory=dict)  # nested lists; a list of them for `tensors`
    args: Mapping[str, Any] = field(default_factory=dict)
    dtypes: Mapping[str, str] = field(default_factory=dict)  # when not what torch.tensor would infer
    error: bool = False  # a preset that shows an error on purpose (a lesson in what torch refuses)


@dataclass(frozen=True)
class OpSpec:
    """One op: how to call it, what it takes, its presets, and how to explain it."""

    name: str  # torch's name, also the URL's `op`
    function: str  # dotted path under torch, e.g. "torch.gather"
    signature: tuple[str, ...]  # parameter names in torch's order, tensors and arguments alike
    positional: int  # how many leading parameters are written positionally
    tensors: tuple[TensorParam, ...]
    args: tuple[ArgParam, ...]
    presets: tuple[Preset, ...]
    summary: Text
    shape_rule: Callable[["OpCall", tuple[int, ...], str], str]  # (call, result shape, lang) -> words
    marks: Callable[["OpCall"], Mapping[str, int]] = lambda call: {}  # tensor name -> the dim to mark
    same_scale: bool = True  # before and after share one colour scale
    method: bool = False  # called on the first signature entry: input.view(2, 3)
    random: bool = False  # draws random numbers: run with a private generator seeded by the `seed` argument
    deterministic: bool = True  # False for torch.empty: what it prints is whatever memory held
    show_inputs_after: bool = False  # draw the inputs again after the call (in-place ops and their copies)
    hint: Text | None = None  # the fix to suggest when torch refuses and no small change helps
    try_fixes: bool = True  # look for a small change torch accepts (off where the hint is the lesson)
    validate: Callable[["OpCall", str], str | None] | None = None  # a check before torch sees the call
    # (call, torch's message, lang) -> that refusal in plain words, or None when the message is not one it knows
    explain: Callable[["OpCall", str, str], str | None] | None = None
    notes: Callable[["OpCall", Any, str], str] | None = None  # extra words under the shape rule (einsum's loops)
    extras: Callable[["OpCall", Any, str], list] | None = None  # (call, result, lang) -> extra figures (randn's histogram)
    dim_map: Callable[["OpCall", int], Mapping[int, int]] | None = None  # input dim -> result dim, for colours
    # for ops that merge or split dims (view, reshape, flatten): (call, result shape) -> result dim -> input dims
    dim_sources: Callable[["OpCall", tuple[int, ...]], Mapping[int, tuple[int, ...]]] | None = None
    group: str = "basics"  # where the op sits in the picker
    implementation: Callable | None = None  # for a guide idiom that is not one torch call: (torch) code run instead
    code: Callable[["OpCall"], str] | None = None  # that idiom's source line, e.g. "(torch.sign(input) + 1) / 2"
    imports: tuple[str, ...] = ()  # extra imports its snippet needs, e.g. "import numpy as np"
    # (call) -> the result's shape from the inputs' shapes and the arguments, for an op whose size a dry run on meta
    # tensors cannot tell (data-dependent, or numpy); the size cap reads it before torch runs (core/ops/result_size.py)
    shape_of_result: Callable[["OpCall"], tuple[int, ...]] | None = None

    @property
    def label(self) -> str:
        """How the op picker names it: torch.sum, Tensor.view, F.one_hot, or a guide idiom as written."""
        if self.implementation:
            return self.name
        if self.method:
            return f"Tensor.{self.name}"
        return self.function.replace("torch.nn.functional.", "F.")

    def tensor(self, name: str) -> TensorParam:
        return next(p for p in self.tensors if p.name == name)

    def arg(self, name: str) -> ArgParam:
        return next(a for a in self.args if a.name == name)

    def preset(self, key: str) -> Preset:
        return next(p for p in self.presets if p.key == key)


@dataclass(frozen=True)
class OpCall:
    """An op with concrete inputs and arguments."""

    spec: OpSpec
    tensors: Mapping[str, Any]  # name -> Tensor, or a list of Tensors for `tensors`
    args: Mapping[str, Any]

    def shape(self, name: str) -> tuple[int, ...]:
        value = self.tensors[name]
        if isinstance(value, list):
            value = value[0]
        return tuple(value.shape) if isinstance(value, torch.Tensor) else ()

    def ndim(self, name: str) -> int:
        return len(self.shape(name))

    def with_tensors(self, fn: Callable[[torch.Tensor], Any]) -> "OpCall":
        """The same call with `fn` applied to each input tensor (to each tensor of a list); other inputs as they are."""
        return replace(self, tensors={name: _each_tensor(value, fn) for name, value in self.tensors.items()})

    def key(self, describe: Callable[[torch.Tensor], Any]) -> str:
        """A plain text naming the call, for a cache: the op, each input tensor as `describe` gives it, the
        arguments."""
        return repr((self.spec.name, dict(self.with_tensors(describe).tensors), sorted(self.args.items(), key=str)))


def _each_tensor(value, fn: Callable[[torch.Tensor], Any]):
    if isinstance(value, torch.Tensor):
        return fn(value)
    if isinstance(value, list):
        return [_each_tensor(v, fn) for v in value]
    return value


def dim_range(ndim: int, new_axis: bool = False) -> range:
    """Valid dims for a tensor of `ndim` dims: -n..n-1, or -(n+1)..n for a new axis (0-d counts as 1)."""
    n = ndim + 1 if new_axis else max(ndim, 1)
    return range(-n, n)


def resolve(function: str):
    """The torch function named by a catalog path such as "torch.nn.functional.one_hot"."""
    target = torch
    for part in function.split(".")[1:]:
        target = getattr(target, part)
    return target
