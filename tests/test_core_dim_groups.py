"""Where each result dim came from: the reshape groups checked against torch.reshape itself, and the colours and
words built from them."""

import itertools
import math
import random

import pytest
import torch

from core.figures import DIM_COLOURS
from core.ops.dim_groups import DimStyles, dim_styles, group_words, groups_of, reshape_sources, sources_of_map


def group_index(shape: tuple[int, ...], dims: tuple[int, ...]) -> torch.Tensor:
    """For every element of a tensor of `shape`: its row-major position within the dims `dims` alone."""
    index = torch.zeros(shape, dtype=torch.int64)  # (*shape)
    for dim in dims:
        along = [1] * len(shape)
        along[dim] = shape[dim]
        index = index * shape[dim] + torch.arange(shape[dim]).view(along)
    return index


def _factorisations(n: int, parts: int) -> list[tuple[int, ...]]:
    return [s for s in itertools.product(range(1, n + 1), repeat=parts) if math.prod(s) == n]


SHAPE_PAIRS = sorted({
    (before, after)
    for n in (1, 6, 8, 12, 24)
    for before in _factorisations(n, 3) + _factorisations(n, 2) + [(n,)]
    for after in _factorisations(n, 3) + _factorisations(n, 2) + [(n,)]
})


def test_every_group_is_what_torch_reshape_does():
    """For each group, an element's position within the group's input dims, carried through torch.reshape, is its
    position within the group's result dims: the group really is where those elements went."""
    assert len(SHAPE_PAIRS) > 300
    for before, after in SHAPE_PAIRS:
        sources = reshape_sources(before, after)
        groups = _groups(sources)
        for dims, group in groups.items():
            moved = group_index(before, group).reshape(after)
            assert torch.equal(moved, group_index(after, dims)), (before, after, group, dims)
            cuts_in = {math.prod(before[d] for d in group[:k]) for k in range(1, len(group))}
            cuts_out = {math.prod(after[d] for d in dims[:k]) for k in range(1, len(dims))}
            assert not cuts_in & cuts_out, ("a group that could be cut smaller", before, after, group, dims)
        used = sorted(d for group in groups.values() for d in group)
        assert used == [d for d, size in enumerate(before) if size != 1], (before, after)
        assert sorted(sources) == [d for d, size in enumerate(after) if size != 1], (before, after)


@pytest.mark.parametrize("before, after, expected", [
    ((2, 3, 4), (6, 4), {0: (0, 1), 1: (2,)}),  # merge
    ((6,), (2, 3), {0: (0,), 1: (0,)}),  # split
    ((2, 3), (3, 2), {0: (0, 1), 1: (0, 1)}),  # laid out again
    ((2, 1, 3), (2, 3), {0: (0,), 1: (2,)}),  # a size-1 dim dropped
    ((2, 3), (2, 3, 1), {0: (0,), 1: (1,)}),
    ((2, 0), (0, 2), {}),  # no elements: no order to follow
])
def test_examples(before, after, expected):
    assert reshape_sources(before, after) == expected


def test_styles_colour_one_to_one_dims_and_note_merges_and_splits():
    merged = dim_styles(3, reshape_sources((2, 3, 4), (6, 4)), "en")
    assert merged.inputs == {0: DIM_COLOURS[0], 1: DIM_COLOURS[1], 2: DIM_COLOURS[2]}
    assert merged.results == {1: DIM_COLOURS[2]} and list(merged.notes) == [0]
    assert merged.notes[0] == (f'= input <span style="color:{DIM_COLOURS[0]}">0</span>×'
                               f'<span style="color:{DIM_COLOURS[1]}">1</span>')
    split = dim_styles(1, reshape_sources((6,), (2, 3)), "en")
    assert split.results == {0: DIM_COLOURS[0], 1: DIM_COLOURS[0]}
    assert set(split.notes) == {0, 1} and all(n.startswith("⊂ input ") for n in split.notes.values())
    plain = dim_styles(2, sources_of_map({0: 1, 1: 0}), "en")  # a transpose: colours only
    assert plain.results == {1: DIM_COLOURS[0], 0: DIM_COLOURS[1]} and plain.notes == {}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_words_name_the_dims_and_sizes(lang):
    words = group_words((2, 3, 4), (6, 4), reshape_sources((2, 3, 4), (6, 4)), lang)
    assert len(words) == 1 and "0, 1" in words[0] and "2 × 3 = 6" in words[0]
    split = group_words((6,), (2, 3), reshape_sources((6,), (2, 3)), lang)
    assert len(split) == 1 and "2 × 3" in split[0] and "(6)" in split[0].replace("（6）", "(6)")
    assert group_words((2, 3), (2, 3), reshape_sources((2, 3), (2, 3)), lang) == []


def test_random_shapes_agree_with_torch_too():
    rng = random.Random(0)
    for _ in range(200):
        before = tuple(rng.choice([1, 2, 3, 4]) for _ in range(rng.randint(1, 4)))
        n, after, rest = math.prod(before), [], math.prod(before)
        while rest > 1 and len(after) < 3:
            size = rng.choice([d for d in range(1, rest + 1) if rest % d == 0])
            after.append(size)
            rest //= size
        after = tuple(after + [rest]) if rest > 1 or not after else tuple(after)
        assert math.prod(after) == n
        for group_out, group in _groups(reshape_sources(before, after)).items():
            moved = group_index(before, group).reshape(after)
            assert torch.equal(moved, group_index(after, group_out)), (before, after)


def _groups(sources) -> dict[tuple[int, ...], tuple[int, ...]]:
    """result dims -> the input dims they came from, one entry per group."""
    return {tuple(dims): group for group, dims in groups_of(sources).items()}


def test_more_input_dims_than_colours_leave_the_axes_plain():
    """The palette has a colour per input dim the grid editor allows; an input with more dims gets no colours
    (and no notes) rather than an error."""
    sources = {d: (d,) for d in range(len(DIM_COLOURS) + 1)}
    assert dim_styles(len(DIM_COLOURS) + 1, sources, "en") == DimStyles({}, {}, {})
