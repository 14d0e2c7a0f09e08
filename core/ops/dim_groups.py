"""Where each dim of a result came from, for colouring axes: one input dim, several merged ones, or part of one.

A dim map (transpose, sum, unsqueeze ...) sends each input dim to one result dim. view / reshape / flatten do not:
they can merge dims ((2, 3, 4) -> (6, 4)), split one ((6,) -> (2, 3)), or lay several out again ((2, 3) -> (3, 2)).
Both are described here the same way, as result dim -> the input dims its elements run along, and turned into axis
colours and notes for the figures and into words for the page.
"""

from dataclasses import dataclass
import math
from typing import Mapping

from core.figures import DIM_COLOURS
from core.messages import MSG


def sources_of_map(mapping: Mapping[int, int]) -> dict[int, tuple[int, ...]]:
    """A dim map (input dim -> result dim) as result dim -> (input dim,)."""
    return {target: (source,) for source, target in mapping.items()}


def reshape_sources(before: tuple[int, ...], after: tuple[int, ...]) -> dict[int, tuple[int, ...]]:
    """For a reshape of shape `before` into `after`: result dim -> the input dims its elements run along.

    Both shapes are cut where their running products of sizes agree; within one piece the input dims merge into, or
    split into, the result dims (or are laid out again). Size-1 dims hold no order of elements and get no source;
    shapes with no elements, or with different element counts, get none at all.
    """
    if math.prod(before) != math.prod(after) or 0 in before:
        return {}
    ins = [d for d, size in enumerate(before) if size != 1]
    outs = [d for d, size in enumerate(after) if size != 1]
    sources, i, j = {}, 0, 0
    while i < len(ins):  # sizes above 1 and equal products: both lists run out together
        group_in, group_out = [ins[i]], [outs[j]]
        made, wanted = before[ins[i]], after[outs[j]]
        i, j = i + 1, j + 1
        while made != wanted:
            if made < wanted:
                group_in.append(ins[i])
                made, i = made * before[ins[i]], i + 1
            else:
                group_out.append(outs[j])
                wanted, j = wanted * after[outs[j]], j + 1
        for dim in group_out:
            sources[dim] = tuple(group_in)
    return sources


@dataclass(frozen=True)
class DimStyles:
    """Axis colours and notes: input dim d in colour d; a result dim in its source's colour when it has one source,
    with a note (coloured source dims) when it merges several or is one part of a split."""

    inputs: dict[int, str]
    results: dict[int, str]
    notes: dict[int, str]  # result dim -> HTML note for its axis title ("= input 0×1", "⊂ input 0"), never user text


def groups_of(sources: Mapping[int, tuple[int, ...]]) -> dict[tuple[int, ...], list[int]]:
    """`sources` turned around: each group of input dims -> the result dims made from it, in order."""
    groups: dict[tuple[int, ...], list[int]] = {}
    for dim, group in sorted(sources.items()):
        groups.setdefault(group, []).append(dim)
    return groups


def dim_styles(input_ndim: int, sources: Mapping[int, tuple[int, ...]], lang: str) -> DimStyles:
    """The colours and notes for an input of `input_ndim` dims whose result dims came from `sources`."""
    if not sources or input_ndim > len(DIM_COLOURS):  # more input dims than colours: axes keep their plain colour
        return DimStyles({}, {}, {})
    made_from = groups_of(sources)
    results, notes = {}, {}
    for dim, group in sources.items():
        if len(group) == 1:
            results[dim] = DIM_COLOURS[group[0]]
        dims = "×".join(f'<span style="color:{DIM_COLOURS[d]}">{d}</span>' for d in group)
        if len(made_from[group]) > 1:
            notes[dim] = MSG["dim_note_part"](lang, dims=dims)  # one part of a split
        elif len(group) > 1:
            notes[dim] = MSG["dim_note_merged"](lang, dims=dims)
    return DimStyles({d: DIM_COLOURS[d] for d in range(input_ndim)}, results, notes)


def group_words(before: tuple[int, ...], after: tuple[int, ...], sources: Mapping[int, tuple[int, ...]],
                lang: str) -> list[str]:
    """One sentence per merge, split or re-layout: which dims, with their sizes."""
    words = []
    for group, dims in groups_of(sources).items():
        if len(group) == 1 and len(dims) == 1:
            continue
        sizes_in = " × ".join(str(before[d]) for d in group)
        sizes_out = " × ".join(str(after[d]) for d in dims)
        names_in, names_out = ", ".join(map(str, group)), ", ".join(map(str, dims))
        kind = "merged" if len(dims) == 1 else "split" if len(group) == 1 else "relaid"
        words.append(MSG[f"dims_{kind}"](lang, ins=names_in, outs=names_out, sizes_in=sizes_in, sizes_out=sizes_out,
                                         total=math.prod(before[d] for d in group)))
    return words
