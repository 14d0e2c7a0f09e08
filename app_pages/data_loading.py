"""Data loading: a small dataset, a real DataLoader over it epoch by epoch, and padding variable-length sequences."""

import streamlit as st

from components.code_panel import code_panel
from components.heatmap import heatmap
from components.url_state import publish, restore, values
from core.data.codegen import loader_printed, loader_snippet, sequence_printed, sequence_snippet
from core.data.datasets import DATASETS
from core.data.explain import explain_default_collate, explain_load_error, silent_mismatch
from core.data.figures import batch_grid_figure
from core.data.loading import run_loader, short_batch
from core.data.params import DATASET_KINDS, PAGE, PARAMS, PRESETS, DataSettings, matching_preset, preset_values
from core.data.sequences import padding_cells, run_sequences
from core.data.tables import dataset_table, shape_table, shape_text
from core.figures import tensor_figure, value_range
from core.messages import MSG
from core.text import said

PARAM = {p.name: p for p in PARAMS}
lang = st.session_state.get("lang", "en")


def key(name: str) -> str:
    return f"{PAGE}.{name}"


def load_preset() -> None:
    for name, value in preset_values(st.session_state[key("preset")]).items():
        st.session_state[key(name)] = value


def number(column, name: str, label: str | None = None) -> None:
    param = PARAM[name]
    column.number_input(
        label or name, min_value=param.minimum, max_value=param.maximum, step=1, key=key(name),
        help=MSG[f"data_{name}_help"](lang),
    )


st.title(MSG["data_title"](lang))
st.write(MSG["data_intro"](lang))
restore(PAGE, PARAMS, lang)
st.session_state[key("preset")] = matching_preset(values(PAGE, PARAMS))  # None shows "(your edits)"
# One screen per interaction: the controls on the left, the batches they make on the right (at 1440x900 both fit
# without scrolling; on a phone the batches follow the controls); what explains them and the code come below.
controls, batches_column = st.columns([5, 7])  # 5/12: a third of it stays over 120 px, where number inputs keep +/-
batches = batches_column.container(key="data.batches")  # a key, so a browser test can find the result's box
with controls:
    st.selectbox(
        MSG["preset"](lang), [p.key for p in PRESETS], key=key("preset"), on_change=load_preset,
        format_func=lambda k: MSG[f"data_preset_{k}"](lang), placeholder=MSG["preset_custom"](lang),
    )
    st.markdown(f"##### {MSG['data_dataset_section'](lang)}")
    st.radio("dataset", DATASET_KINDS, key=key("dataset"), horizontal=True, help=MSG["data_dataset_help"](lang))
    st.toggle(MSG["data_mismatch"](lang), key=key("mismatch"), help=MSG["data_mismatch_help"](lang))
    n_column, f_column, seed_column = st.columns(3)
    number(n_column, "N")
    number(f_column, "F")
    number(seed_column, "seed")
    st.markdown(f"##### {MSG['data_loader_section'](lang)}")
    size_column, generator_column, epochs_column = st.columns(3)
    number(size_column, "batch_size")
    number(generator_column, "generator")
    number(epochs_column, "epochs", MSG["data_epochs"](lang))
    shuffle_column, drop_column = st.columns(2)
    shuffle_column.toggle("shuffle", key=key("shuffle"), help=MSG["data_shuffle_help"](lang))
    drop_column.toggle("drop_last", key=key("drop_last"), help=MSG["data_drop_last_help"](lang))

settings = DataSettings.from_values(values(PAGE, PARAMS))
result = run_loader(settings)
entry = DATASETS[settings.dataset]
with controls:
    if result.dataset_len is not None:
        st.markdown(MSG["data_lengths"](lang, dataset=result.dataset_len, loader=result.loader_len))
with batches:
    st.markdown(f"##### {MSG['data_grid_title'](lang)}")
    if result.error is not None:
        st.error(
            f"**{MSG['torch_says'](lang)}{MSG['colon'](lang)}** "
            f"{said(f'{result.error.type_name}: {result.error.torch_message}')}\n\n"
            + explain_load_error(result, settings, lang)
        )
    else:
        if warning := silent_mismatch(result, lang):
            st.warning(warning)
        if result.loader_len == 0:
            st.warning(MSG["data_nothing_left"](lang, batch_size=settings.batch_size, n=result.dataset_len))
        heatmap(batch_grid_figure(result, settings.batch_size, lang), key="data.chart.batches")
        short = short_batch(result, settings.batch_size)
        if short is not None:
            st.caption(MSG["data_short_batch"](lang, size=short, batch_size=settings.batch_size, n=result.dataset_len))
        if result.epochs[0].dropped and result.loader_len:
            st.caption(MSG["data_dropped"](lang, count=len(result.epochs[0].dropped)))
        st.caption(MSG["data_grid_caption"](lang))
    st.caption(MSG["data_shuffle_on" if settings.shuffle else "data_shuffle_off"](lang))

summary = "data_mydataset_summary" if entry.definition else "data_tensordataset_summary"
st.caption(MSG[summary](lang))
if entry.definition:
    st.code(entry.definition, language="python")
shapes = {name: shape_text(t.shape) for name, t in result.tensors.items()}
st.caption(MSG["data_tensors"](lang, features=shapes["features"], labels=shapes["labels"], seed=settings.seed))
st.dataframe(dataset_table(result.tensors), height=220)  # the whole width: F columns of features fit
if result.error is None:
    st.markdown(f"**{MSG['data_shapes_title'](lang)}**")
    st.dataframe(shape_table(result, settings.batch_size, lang), hide_index=True)
query = publish(PAGE, PARAMS, lang)
code_panel(loader_snippet(settings), loader_printed(result), query, lang)

st.subheader(MSG["data_seq_title"](lang))
count_column, length_column, _ = st.columns(3)
number(count_column, "sequences", MSG["data_sequences"](lang))
number(length_column, "max_len")
sequences = run_sequences(settings.sequences, settings.max_len, settings.seed, settings.batch_size)
lengths = [len(x) for x, _ in sequences.samples]
st.markdown(MSG["data_seq_intro"](lang, count=len(lengths), lengths=lengths, batch_size=settings.batch_size))
padded_column, default_column = st.columns(2)
with padded_column:
    st.markdown(f"**{MSG['data_seq_padded'](lang)}**")
    zrange = value_range(*[batch.inputs for batch in sequences.padded])
    for k, batch in enumerate(sequences.padded):
        figure = tensor_figure(
            batch.inputs, MSG["data_seq_batch"](lang, batch=k), zrange=zrange, highlights=padding_cells(batch.lengths)
        )
        heatmap(figure, key=f"data.chart.padded.{k}")
        st.caption(MSG["data_seq_padded_caption"](lang, targets=batch.targets.tolist()))
with default_column:
    st.markdown(f"**{MSG['data_seq_default'](lang)}**")
    if sequences.default_error is not None:
        st.error(f"{said(f'RuntimeError: {sequences.default_error}')}\n\n" + explain_default_collate(sequences, lang))
    else:
        st.info(explain_default_collate(sequences, lang))
st.markdown(f"**{MSG['data_seq_code'](lang)}**")  # the whole width: the code's lines and torch's error are long
st.code(sequence_snippet(settings), language="python")
st.markdown(f"**{MSG['printed'](lang)}**")
st.code(sequence_printed(sequences), language=None)

with st.expander(MSG["data_workers_title"](lang)):
    st.markdown(MSG["data_workers_text"](lang))
