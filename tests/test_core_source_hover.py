"""The result heatmap's hover lists each cell's sources: the same cells `sources` finds, up to a cap."""

import itertools
import math

import torch

from core.figures import index_at, tensor_figure
from core.ops.provenance import sources
from core.ops.run import run
from core.ops.source_hover import MAX_HOVER_CELLS, call_key, cell_name, hover_sources, sources_text
from tests.test_core_provenance import preset_call


def _hover_lines(figure) -> dict[tuple[int, int, int], str]:
    """(panel, row, column) -> the hover note of that cell, read off the click targets of a selectable figure."""
    lines = {}
    for trace in figure.data:
        if trace.type == "scatter" and trace.hovertext is not None:
            for data, note in zip(trace.customdata, trace.hovertext):
                lines[tuple(data)] = note
    return lines


def test_every_gather_cell_hovers_its_sources():
    """gather's 3 x 3 result: each cell's hover names exactly the cells `sources` finds, in its order."""
    call = preset_call("gather", "guide_dim0")
    result = run(call, "en").result  # (3, 3)
    texts, complete = hover_sources(call, tuple(result.shape))
    assert complete and len(texts) == 9
    for index in itertools.product(range(3), range(3)):
        expected = "← " + ", ".join(cell_name(n, i) for n, i in sources(call, index))
        assert texts[index] == expected
    assert texts[(0, 1)] == "← input[2, 1], index[0, 1]"  # index[0][1] = 2: row 2 of column 1


def test_the_figure_carries_the_hover_of_each_cell():
    """The hover text sits on the click target of the same cell, in the hover template's second line."""
    call = preset_call("sum", "cube")
    result = run(call, "en").result
    texts, _ = hover_sources(call, tuple(result.shape))
    figure = tensor_figure(result, "result", selectable=True, hover_notes=texts)
    lines = _hover_lines(figure)
    assert len(lines) == result.numel() == len(texts)
    for (panel, row, col), note in lines.items():
        assert note == texts[index_at(tuple(result.shape), panel, row, col)]
    for trace in figure.data:
        if trace.type == "scatter":
            assert "%{hovertext}" in trace.hovertemplate


def test_a_3d_result_maps_panels_back_to_indices():
    """bmm's (2, 2, 2) result: panel p holds result[p], and each cell's hover is that index's sources."""
    call = preset_call("bmm", "pair")
    result = run(call, "en").result  # (2, 2, 2)
    texts, complete = hover_sources(call, tuple(result.shape))
    assert complete
    lines = _hover_lines(tensor_figure(result, "result", selectable=True, hover_notes=texts))
    assert len(lines) == 8
    for (panel, row, col), note in lines.items():
        assert note == sources_text(sources(call, (panel, row, col)))


def test_big_results_are_capped_and_say_so():
    """Past MAX_HOVER_CELLS only the first cells (row-major) get a hover line, and the call says it is partial."""
    call = preset_call("t", "guide", input=[[str(i + j) for j in range(12)] for i in range(12)])
    shape = (12, 12)
    texts, complete = hover_sources(call, shape)
    assert not complete and len(texts) == MAX_HOVER_CELLS < math.prod(shape)
    assert list(texts)[:3] == [(0, 0), (0, 1), (0, 2)]
    assert texts[(0, 1)] == "← input[1, 0]"


def test_untraceable_and_sourceless_ops_claim_nothing():
    """argmax's integer result carries no gradient: no hover line rather than a false 'no source'."""
    call = preset_call("argmax", "rows")
    assert hover_sources(call, tuple(run(call, "en").result.shape)) == ({}, True)
    assert sources_text(None) is None and sources_text([]) == "← ∅"


def test_long_source_lists_are_cut():
    listed = sources_text([("input", (i,)) for i in range(20)])
    assert listed.count("input[") == 8 and listed.endswith("(+12)")


def test_call_key_tells_calls_apart():
    """The cache key changes with a value, a dtype or an argument, and not otherwise."""
    base = preset_call("gather", "guide_dim0")
    assert call_key(base) == call_key(preset_call("gather", "guide_dim0"))
    assert call_key(base) != call_key(preset_call("gather", "guide_dim1"))
    changed = preset_call("gather", "guide_dim0", input=[["10", "20", "30"], ["40", "50", "60"], ["70", "80", "91"]])
    assert call_key(base) != call_key(changed)
    floats = type(base)(base.spec, {**base.tensors, "input": base.tensors["input"].to(torch.float32)}, base.args)
    assert call_key(base) != call_key(floats)
