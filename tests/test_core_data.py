"""The data page's core, checked against torch itself: datasets, DataLoader epochs, padding, figures, snippets."""


import pytest
import torch
from torch.utils.data import DataLoader, TensorDataset

from tests.snippets import run_snippets
from core.data.codegen import loader_printed, loader_snippet, sequence_printed, sequence_snippet
from core.data.datasets import DATASETS, MyDataset, label_count, make_tensors
from core.data.explain import explain_default_collate, explain_load_error, silent_mismatch
from core.data.figures import MAX_WIDTH, batch_grid_figure
from core.data.loading import run_loader, short_batch
from core.data.params import PARAMS, PRESETS, DataSettings, matching_preset, preset_settings, preset_values
from core.data.sequences import collate_fn, padding_cells, run_sequences
from core.data.tables import dataset_table, shape_table
from core.page_params import decode


def settings(**changes) -> DataSettings:
    """The guide's example 1 with some parameters changed."""
    return DataSettings.from_values({**preset_values("guide_example_1"), **changes})


def torch_batches(s: DataSettings) -> list[list[tuple[torch.Tensor, ...]]]:
    """Every epoch's batches, straight from torch, built here without the core."""
    g = torch.Generator().manual_seed(s.seed)
    features = torch.randn(s.N, s.F, generator=g)
    labels = torch.randint(0, 2, (s.N,), generator=g)
    dataset = TensorDataset(features, labels, torch.arange(s.N))
    generator = torch.Generator().manual_seed(s.generator) if s.shuffle else None
    loader = DataLoader(dataset, batch_size=s.batch_size, shuffle=s.shuffle, drop_last=s.drop_last, generator=generator)
    return [[tuple(batch) for batch in loader] for _ in range(s.epochs)]


# --- datasets ------------------------------------------------------------------------------------------------------


def test_tensors_are_the_guides_drawn_from_a_private_generator():
    state = torch.get_rng_state()
    tensors = make_tensors(10, 5, 3, False)
    assert torch.equal(torch.get_rng_state(), state)  # the global RNG is untouched
    g = torch.Generator().manual_seed(3)
    assert torch.equal(tensors["features"], torch.randn(10, 5, generator=g))
    assert torch.equal(tensors["labels"], torch.randint(0, 2, (10,), generator=g))
    assert torch.equal(tensors["index"], torch.arange(10))


@pytest.mark.parametrize("n, mismatch, expected", [(10, False, 10), (10, True, 9), (1, True, 2), (1, False, 1)])
def test_label_count(n, mismatch, expected):
    assert label_count(n, mismatch) == expected
    assert make_tensors(n, 2, 0, mismatch)["labels"].shape == (expected,)


def test_my_dataset_is_the_guides_plus_idx():
    features, labels = torch.randn(4, 2), torch.tensor([0, 1, 1, 0])
    dataset = MyDataset(features, labels)
    assert len(dataset) == 4
    x, y, idx = dataset[2]
    assert torch.equal(x, features[2]) and torch.equal(y, labels[2]) and idx == 2
    assert DATASETS["MyDataset"].definition.startswith("class MyDataset(Dataset):")


# --- the loader ----------------------------------------------------------------------------------------------------

STATES = [
    settings(),
    settings(drop_last=True),
    settings(N=8, batch_size=4, shuffle=False),
    settings(N=64, F=8, batch_size=7, seed=5, generator=11),
    settings(N=5, batch_size=8),
    settings(N=1, batch_size=1, epochs=1),
]


@pytest.mark.parametrize("s", STATES, ids=lambda s: f"N{s.N}-b{s.batch_size}-sh{s.shuffle}-dl{s.drop_last}")
def test_batches_are_exactly_what_torch_yields(s):
    """Shapes and indices per batch and epoch equal a DataLoader built directly in torch, for both datasets."""
    expected = torch_batches(s)
    for kind in ("TensorDataset", "MyDataset"):
        result = run_loader(DataSettings.from_values({**s.__dict__, "dataset": kind}))
        assert result.error is None
        assert len(result.epochs) == s.epochs
        for epoch, batches in zip(result.epochs, expected):
            assert [b.indices for b in epoch.batches] == [batch[2].tolist() for batch in batches]
            assert [b.shapes for b in epoch.batches] == [tuple(t.shape for t in batch) for batch in batches]
            seen = sorted(i for batch in batches for i in batch[2].tolist())
            assert epoch.dropped == sorted(set(range(s.N)) - set(seen))


def test_the_index_tensor_names_the_samples_in_each_batch():
    """Each batch's inputs are the features rows its indices name."""
    s = settings(N=12, batch_size=5)
    features = run_loader(s).tensors["features"]
    for batch in torch_batches(s)[0]:
        assert torch.equal(batch[0], features[batch[2]])


def test_guide_example_1_gives_the_guides_shapes():
    result = run_loader(preset_settings("guide_example_1"))
    shapes = [b.shapes[:2] for b in result.epochs[0].batches]
    assert shapes == [((3, 5), (3,))] * 3 + [((1, 5), (1,))]
    assert (result.dataset_len, result.loader_len) == (10, 4)
    assert short_batch(result, 3) == 1


def test_shuffle_changes_the_order_from_epoch_to_epoch_and_off_keeps_it():
    shuffled = run_loader(settings())
    orders = [[i for b in e.batches for i in b.indices] for e in shuffled.epochs]
    assert len({tuple(o) for o in orders}) == 3 and all(sorted(o) == list(range(10)) for o in orders)
    ordered = run_loader(settings(shuffle=False))
    assert all([i for b in e.batches for i in b.indices] == list(range(10)) for e in ordered.epochs)


def test_drop_last_drops_the_short_batch():
    result = run_loader(settings(drop_last=True))
    assert result.loader_len == 3
    assert all(len(e.batches) == 3 and len(e.dropped) == 1 for e in result.epochs)
    assert short_batch(result, 3) is None


def test_batch_size_above_n_with_drop_last_yields_nothing():
    result = run_loader(preset_settings("nothing_left"))
    assert result.loader_len == 0 and len(list(DataLoader(range(5), batch_size=8, drop_last=True))) == 0
    assert all(e.batches == [] and e.dropped == list(range(5)) for e in result.epochs)


def test_tensordataset_size_mismatch_is_torchs_assertion_explained():
    result = run_loader(preset_settings("size_mismatch"))
    with pytest.raises(AssertionError) as raised:
        TensorDataset(torch.zeros(10, 5), torch.zeros(9), torch.zeros(10))
    assert result.error.kind == "size_mismatch" and result.error.torch_message == str(raised.value)
    text = explain_load_error(result, preset_settings("size_mismatch"), "en")
    assert "(10, 5)" in text and "(9,)" in text and "Fix:" in text
    assert "(9,)" in explain_load_error(result, preset_settings("size_mismatch"), "zh")


def test_my_dataset_mismatch_fails_mid_epoch_with_torchs_index_error():
    s = preset_settings("my_dataset_mismatch")
    result = run_loader(s)
    labels = result.tensors["labels"]
    with pytest.raises(IndexError) as raised:
        labels[9]
    assert result.error.kind == "index_out_of_range" and result.error.torch_message == str(raised.value)
    assert result.error.epoch == 0 and result.error.batch == len(result.epochs[0].batches)
    assert all(9 not in b.indices for b in result.epochs[0].batches)
    text = explain_load_error(result, s, "en")
    assert "(9,)" in text and "(10, 5)" in text and "`len(features) == len(labels)`" in text


def test_my_dataset_with_extra_labels_fails_silently_and_is_warned():
    result = run_loader(settings(dataset="MyDataset", N=1, batch_size=1, mismatch=True))
    assert result.error is None and len(result.tensors["labels"]) == 2
    assert "(2,)" in silent_mismatch(result, "en")
    assert silent_mismatch(run_loader(settings()), "en") is None


# --- variable-length sequences -------------------------------------------------------------------------------------


def test_padding_collate_pads_with_zeros_to_the_longest():
    result = run_sequences(5, 6, 0, 3)
    lengths = [len(x) for x, _ in result.samples]
    assert all(1 <= n <= 6 for n in lengths)
    for k, batch in enumerate(result.padded):
        samples = result.samples[k * 3:(k + 1) * 3]
        longest = max(len(x) for x, _ in samples)
        assert batch.inputs.shape == (len(samples), longest)
        for row, (x, y) in enumerate(samples):
            assert torch.equal(batch.inputs[row, :len(x)], x)
            assert batch.targets[row] == y
        for row, col in padding_cells(batch.lengths):
            assert batch.inputs[row, col] == 0 and col >= len(samples[row][0])
        assert len(padding_cells(batch.lengths)) == batch.inputs.numel() - sum(batch.lengths)


def test_default_collate_error_is_torchs_own():
    result = run_sequences(5, 6, 0, 3)
    with pytest.raises(RuntimeError) as raised:
        list(DataLoader(result.samples, batch_size=3))
    assert result.default_error == str(raised.value)
    assert result.error_lengths == [len(x) for x, _ in result.samples[:3]]
    assert "Fix:" in explain_default_collate(result, "en")


def test_default_collate_works_when_lengths_agree():
    result = run_sequences(4, 6, 0, 1)
    assert result.default_error is None and len(result.default_shapes) == 4
    assert "works" in explain_default_collate(result, "en")
    assert collate_fn([(torch.ones(2), 1)])[0].shape == (1, 2)


# --- views ---------------------------------------------------------------------------------------------------------


def test_batch_grid_shows_the_yielded_indices_and_marks_the_short_batch():
    result = run_loader(settings())
    figure = batch_grid_figure(result, 3, "en")
    heatmaps = [t for t in figure.data if t.type == "heatmap"]
    assert len(heatmaps) == 3
    for trace, epoch in zip(heatmaps, result.epochs):
        assert [[v for v in row if v is not None] for row in trace.z] == [b.indices for b in epoch.batches]
    outlines = [s for s in figure.layout.shapes if s.line.color == "#e8590c"]
    assert len(outlines) == 3 and outlines[0].x1 == 0.5  # the one-sample last batch, in each epoch
    assert [a.text for a in figure.layout.annotations] == ["short"] * 3


def test_batch_grid_has_a_dropped_row_and_stacks_wide_grids():
    result = run_loader(settings(drop_last=True))
    figure = batch_grid_figure(result, 3, "zh")
    dropped = [t for t in figure.data if t.y == (3,)]
    assert [[v for v in t.z[0] if v is not None] for t in dropped] == [e.dropped for e in result.epochs]
    assert "被丢弃" in figure.layout.yaxis.ticktext
    wide = batch_grid_figure(run_loader(settings(N=64, batch_size=64)), 64, "en")
    assert wide.layout.xaxis.domain == (0, 1) and wide.layout.yaxis.domain != (0, 1)  # stacked


@pytest.mark.parametrize("preset", [p for p in PRESETS if not p.error], ids=lambda p: p.key)
def test_every_presets_grid_fits_beside_the_controls(preset):
    """The first screen at 1440x900: the grid's column is MAX_WIDTH wide and starts ~300 px down."""
    s = preset_settings(preset.key)
    figure = batch_grid_figure(run_loader(s), s.batch_size, "en")
    assert figure.layout.width <= MAX_WIDTH and figure.layout.height <= 560
    assert figure.layout.xaxis.domain != (0, 1)  # the epochs side by side


def test_tables():
    result = run_loader(settings(drop_last=True))
    table = shape_table(result, 3, "en")
    assert list(table["inputs.shape"]) == ["(3, 5)"] * 3 + [""]
    assert table["note"].iloc[-1] == "dropped by drop_last=True"
    rows = dataset_table(run_loader(settings(mismatch=True)).tensors)
    assert rows.shape == (10, 6) and rows["labels"].isna().sum() == 1


def test_presets_and_params():
    assert matching_preset(preset_values("guide_example_1")) == "guide_example_1"
    assert matching_preset({**preset_values("guide_example_1"), "N": 11}) is None
    assert all(matching_preset(preset_values(p.key)) == p.key for p in PRESETS)
    values, warnings = decode(PARAMS, {"N": "65", "batch_size": "abc", "shuffle": "false"}, "en")
    assert values["N"] == 10 and values["batch_size"] == 3 and values["shuffle"] is False and len(warnings) == 2


# --- snippets ------------------------------------------------------------------------------------------------------

SNIPPET_STATES = {p.key: preset_settings(p.key) for p in PRESETS} | {
    "wide": settings(N=64, F=8, batch_size=7, seed=5, generator=11, drop_last=True, epochs=2),
    "single": settings(N=1, F=1, batch_size=1, sequences=1, max_len=1),
    "my_dataset_in_order": settings(dataset="MyDataset", shuffle=False, batch_size=4, sequences=8, max_len=10),
}


@pytest.fixture(scope="module")
def snippet_output(tmp_path_factory):
    """Each state's two snippets, run as __main__ one after the other in one fresh interpreter."""
    scripts = {}
    for name, s in SNIPPET_STATES.items():
        scripts[(name, "loader")] = loader_snippet(s)
        scripts[(name, "sequences")] = sequence_snippet(s)
    return run_snippets(tmp_path_factory.mktemp("data_snippets"), scripts, error_line="last_traceback_line")


@pytest.mark.parametrize("name", list(SNIPPET_STATES))
def test_snippets_print_exactly_what_the_page_shows(name, snippet_output):
    s = SNIPPET_STATES[name]
    assert snippet_output[(name, "loader")] == loader_printed(run_loader(s))
    sequences = run_sequences(s.sequences, s.max_len, s.seed, s.batch_size)
    assert snippet_output[(name, "sequences")] == sequence_printed(sequences)


def test_guide_snippet_reads_as_expected():
    code = loader_snippet(preset_settings("guide_example_1"))
    assert "dataset = TensorDataset(features, labels, index)\n" in code
    assert "loader = DataLoader(dataset, batch_size=3, shuffle=True, generator=torch.Generator().manual_seed(0))\n" in code
    assert "torch.manual_seed" not in code and "torch.manual_seed" not in sequence_snippet(preset_settings("my_dataset"))
    assert "class MyDataset(Dataset):" in loader_snippet(preset_settings("my_dataset"))
