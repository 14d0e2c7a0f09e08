"""Where a tensor's cells go in a heatmap figure: 2-d panels laid out in rows that fit one page column.

A 0-d, 1-d or 2-d tensor is one panel (its last two dims: rows and columns). A tensor of 3 or more dims is one panel
per index of its leading dims (`[0, 1, :, :]`), in their order, a row of panels per index of all but the last few
leading dims when that row fits the column: a 4-d tensor is a grid with dim 0 down and dim 1 across. A side longer
than a column can hold at the smallest cell is cut into pieces (`[:, 90:180]`), each a panel of its own.
Only shapes are read here, so a click's (panel, row, column) maps back to a tensor index from the shape alone.
"""

from dataclasses import dataclass
import math

import numpy as np

CELL_PX = 46  # one cell's side when there is room
MIN_CELL_PX = 4  # the smallest cell drawn: a longer side is cut into pieces (a 64 x 64 grid still fits at 5 px)
MARGIN_LEFT, MARGIN_RIGHT = 60, 20  # room for the first panel's row axis, and a little air on the right
GAP_X = 60  # between two panels side by side: the right one's row ticks and axis title
GAP_Y = 84  # between two rows of panels: the lower one's labels, column axis title and ticks, and some air
LABEL_CHAR_PX = 7  # a character of a panel label (`[0, 1, :, :]`, 12 px): labels side by side must not touch
MAX_HEIGHT_PX = 1200  # a figure taller than this with values written in gets smaller cells (values in the hover)
MAX_PANELS = 64  # more panels (each with its own axes) would take the browser seconds to draw: the rest are left out


@dataclass(frozen=True)
class Panel:
    """One 2-d piece of a tensor: the index of its leading dims, and the rows and columns of the last two it shows."""

    lead: tuple[int, ...]
    rows: range
    cols: range


@dataclass(frozen=True)
class PanelLayout:
    """The panels of a tensor of `shape`, `per_row` to a row of panels, with cells `cell` pixels wide."""

    shape: tuple[int, ...]
    panels: tuple[Panel, ...]  # the panels drawn, at most MAX_PANELS
    per_row: int
    cell: int
    hidden: int = 0  # panels left out past MAX_PANELS

    @property
    def chunked(self) -> bool:
        """True when a side was cut into pieces (the panels then name the rows and columns they show)."""
        return len(self.panels) > math.prod(self.shape[:-2] if len(self.shape) >= 3 else ())

    @property
    def slot(self) -> tuple[int, int]:
        """The (rows, columns) of the largest panel: every panel gets that much room."""
        return max(len(p.rows) for p in self.panels), max(len(p.cols) for p in self.panels)

    @property
    def panel_rows(self) -> int:
        return math.ceil(len(self.panels) / self.per_row)

    def plot_size(self) -> tuple[int, int]:
        """Width and height in pixels of the panels with the gaps between them (margins not included)."""
        rows, cols = self.slot
        per_row = min(self.per_row, len(self.panels))
        return per_row * cols * self.cell + (per_row - 1) * GAP_X, self.panel_rows * rows * self.cell + (
            self.panel_rows - 1) * GAP_Y

    def box(self, p: int) -> tuple[int, int, int, int]:
        """Panel p's (left, top, width, height) in pixels from the plot area's top left corner."""
        rows, cols = self.slot
        row, col = divmod(p, self.per_row)
        panel = self.panels[p]
        return (col * (cols * self.cell + GAP_X), row * (rows * self.cell + GAP_Y),
                len(panel.cols) * self.cell, len(panel.rows) * self.cell)

    def position(self, index: tuple[int, ...]) -> tuple[int, int, int] | None:
        """(panel, row, column) where the element at a tensor index is drawn (row and column are the index's own),
        or None when its panel is left out."""
        lead, row, col = _split(self.shape, tuple(index))
        for p, panel in enumerate(self.panels):
            if panel.lead == lead and row in panel.rows and col in panel.cols:
                return p, row, col
        return None

    def index_at(self, panel: int, row: int, col: int) -> tuple[int, ...] | None:
        """The tensor index drawn at (panel, row, column), the inverse of `position`; None if nothing is drawn there."""
        if not 0 <= panel < len(self.panels):
            return None
        if row not in self.panels[panel].rows or col not in self.panels[panel].cols:
            return None
        return {0: (), 1: (col,)}.get(len(self.shape), (*self.panels[panel].lead, row, col))


def panel_layout(shape: tuple[int, ...], max_width: int, text_px: int = 30) -> PanelLayout:
    """The panels of a non-empty tensor of `shape` in a figure at most `max_width` pixels wide.

    A row holds as many panels as fit with cells of `text_px` (wide enough to write the values in), or, when that
    leaves no room or makes the figure taller than MAX_HEIGHT_PX, as many as fit at the smallest cell; rounded down
    to stay in step with the leading dims (see `_in_step`).
    """
    shape = tuple(shape)
    room = max_width - MARGIN_LEFT - MARGIN_RIGHT
    side = max(1, room // MIN_CELL_PX)  # the most cells along a panel's side
    rows, cols = {0: (1, 1), 1: (1, shape[0] if shape else 1)}.get(len(shape), shape[-2:])
    lead_shape = shape[:-2] if len(shape) >= 3 else ()
    row_pieces = [range(r, min(r + side, rows)) for r in range(0, rows, side)]
    col_pieces = [range(c, min(c + side, cols)) for c in range(0, cols, side)]
    count = math.prod(lead_shape) * len(row_pieces) * len(col_pieces)
    every = (Panel(tuple(int(i) for i in lead), r, c)
             for lead in np.ndindex(*lead_shape) for r in row_pieces for c in col_pieces)
    panels = tuple(panel for panel, _ in zip(every, range(MAX_PANELS)))
    width, height = min(cols, side), min(rows, side)

    label_px = LABEL_CHAR_PX * len(f"[{', '.join(str(size - 1) for size in lead_shape)}, :, :]") if lead_shape else 0

    def cell_for(per_row: int) -> int:
        """The cell side with `per_row` panels to a row; 0 when their labels would run into each other."""
        cell = min(CELL_PX, (room - GAP_X * (per_row - 1)) // (per_row * width))
        return cell if per_row == 1 or width * cell + GAP_X >= label_px else 0

    def figure_height(per_row: int) -> int:
        return math.ceil(len(panels) / per_row) * (height * cell_for(per_row) + GAP_Y)

    # rows of panels that stay in step with the leading dims: a piece's row of pieces, then one more leading dim at a
    # time from the last (all but the first: a 4-d tensor's grid keeps dim 0 down and dim 1 across)
    natural = [len(col_pieces)]
    if len(row_pieces) == 1:
        for size in reversed(lead_shape[1:] if len(lead_shape) > 1 else lead_shape):
            natural.append(natural[-1] * size)
    fits = [k for k in range(1, len(panels) + 1) if cell_for(k) >= MIN_CELL_PX] or [1]
    fits_text = [k for k in fits if cell_for(k) >= text_px]
    per_row = _in_step(natural, max(fits_text)) if fits_text else 0
    if not per_row or figure_height(per_row) > MAX_HEIGHT_PX:  # values to the hover, for a figure that fits
        per_row = _in_step(natural, max(fits))
    return PanelLayout(shape, panels, per_row, max(MIN_CELL_PX, cell_for(per_row)), count - len(panels))


def _in_step(natural: list[int], limit: int) -> int:
    """The most panels a row can hold (`limit`), rounded down to keep rows in step with the leading dims: the largest
    natural row length, or a part of the next one that divides it evenly; the whole `limit` (panels wrap) when in
    step would leave over half of each row empty."""
    below = max([k for k in natural if k <= limit], default=1)
    above = [k for k in natural if k > limit]
    if above:
        below = max(k for k in range(below, limit + 1) if k % below == 0 and above[0] % k == 0)
    return below if 2 * below >= limit else limit


def _split(shape: tuple[int, ...], index: tuple[int, ...]) -> tuple[tuple[int, ...], int, int]:
    """A tensor index as (leading index, row, column) of the 2-d view."""
    if len(shape) == 0:
        return (), 0, 0
    if len(shape) == 1:
        return (), 0, index[0]
    return index[:-2], index[-2], index[-1]
