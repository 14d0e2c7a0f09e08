"""The page's tables: the dataset's rows, and the shape of every batch the loader yielded."""

import pandas as pd
import torch

from core.data.loading import LoadResult
from core.messages import MSG


def shape_text(shape) -> str:
    """(10, 5), (9,), (): a shape as a Python tuple."""
    return str(tuple(shape))


def dataset_table(tensors: dict[str, torch.Tensor]) -> pd.DataFrame:
    """One row per sample: its features and label (a missing one stays empty when their N disagree)."""
    features, labels = tensors["features"], tensors["labels"]
    columns = {f"features[:, {j}]": pd.Series(features[:, j].tolist()).round(4) for j in range(features.shape[1])}
    columns["labels"] = pd.Series(labels.tolist(), dtype="Int64")
    table = pd.DataFrame(columns)
    table.index.name = "idx"
    return table


def shape_table(result: LoadResult, batch_size: int, lang: str) -> pd.DataFrame:
    """Epoch 0's batches: the shapes of inputs, targets and indices, the samples, and which batch is short or
    dropped."""
    epoch = result.epochs[0]
    rows = []
    for k, batch in enumerate(epoch.batches):
        inputs, targets, indices = batch.shapes
        short = len(batch.indices) < batch_size
        rows.append({
            MSG["data_col_batch"](lang): str(k), "inputs.shape": shape_text(inputs), "targets.shape": shape_text(targets),
            "indices.shape": shape_text(indices), MSG["data_col_indices"](lang): str(batch.indices),
            MSG["data_col_note"](lang): MSG["data_note_short"](lang) if short else "",
        })
    if epoch.dropped:
        rows.append({
            MSG["data_col_batch"](lang): "—", "inputs.shape": "", "targets.shape": "", "indices.shape": "",
            MSG["data_col_indices"](lang): str(epoch.dropped), MSG["data_col_note"](lang): MSG["data_note_dropped"](lang),
        })
    return pd.DataFrame(rows)
