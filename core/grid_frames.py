"""Grid text <-> the pandas frames the grid editor shows: one frame per dim-0 slice of a 3-d tensor."""

import math

import pandas as pd

from core.grid import shape_of


def to_frames(text) -> list[pd.DataFrame]:
    """Frames of strings: a 0-d tensor is one cell, 1-d one row, 2-d a table, 3-d one table per slice."""
    ndim = len(shape_of(text))
    tables = {0: lambda: [[[text]]], 1: lambda: [[text]], 2: lambda: [text], 3: lambda: text}[ndim]()
    # plain object column names: Streamlit's editor checks its column names one by one, four times faster than
    # through pandas' default (Arrow-backed) string index
    return [pd.DataFrame(rows, columns=pd.Index([str(j) for j in range(len(rows[0]))], dtype=object), dtype=object)
            for rows in tables]


def from_frames(frames: list[pd.DataFrame], ndim: int):
    """The grid text the frames hold (a cleared cell comes back as an empty string)."""
    tables = [[[_cell(v) for v in row] for row in frame.to_numpy(dtype=object).tolist()] for frame in frames]
    if ndim == 0:
        return tables[0][0][0]
    if ndim == 1:
        return tables[0][0]
    if ndim == 2:
        return tables[0]
    return tables


def _cell(value) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(value)
