"""Torch's errors on this page, explained with the shapes involved and a fix, in the user's language."""

from core.data.datasets import DATASETS
from core.data.loading import LoadResult
from core.data.params import DataSettings
from core.data.sequences import SequenceResult
from core.data.tables import shape_text
from core.messages import MSG


def explain_load_error(result: LoadResult, settings: DataSettings, lang: str) -> str:
    """What went wrong while building the dataset or loading a batch, with both shapes and a fix."""
    error, tensors = result.error, result.tensors
    shapes = {name: shape_text(t.shape) for name, t in tensors.items()}
    n, m = len(tensors["features"]), len(tensors["labels"])
    if error.kind == "size_mismatch":
        return MSG["data_size_mismatch"](lang, **shapes, n=n, m=min(n, m))
    if error.kind == "index_out_of_range" and m < n:
        return MSG["data_index_error"](
            lang, epoch=error.epoch, batch=error.batch, n=n, last=n - 1, m=m,
            labels=shapes["labels"], features=shapes["features"],
        )
    used = DATASETS[settings.dataset].tensors
    listed = ", ".join(f"`{name}` {shapes[name]}" for name in used)
    return MSG["data_other_error"](lang, epoch=error.epoch, batch=error.batch, type=error.type_name, shapes=listed)


def silent_mismatch(result: LoadResult, lang: str) -> str | None:
    """A warning when features and labels disagree in N but no error came (MyDataset never checks)."""
    features, labels = result.tensors["features"], result.tensors["labels"]
    if result.error is not None or len(features) == len(labels):
        return None
    return MSG["data_silent_mismatch"](lang, features=shape_text(features.shape), labels=shape_text(labels.shape))


def explain_default_collate(result: SequenceResult, lang: str) -> str:
    """Why the default collate_fn failed on ragged sequences (or why it happened to work)."""
    if result.default_error is None:
        shapes = ", ".join(shape_text(s) for s in result.default_shapes)
        return MSG["data_default_collate_ok"](lang, shapes=shapes)
    shapes = ", ".join(shape_text((n,)) for n in result.error_lengths)
    return MSG["data_default_collate_error"](lang, batch=len(result.default_shapes), shapes=shapes)
