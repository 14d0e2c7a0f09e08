"""What the canvas chart components (live_chart.py, surface_chart.py) share: helper JavaScript put in front of each
chart's own script (so each stays one module), and the CSS of the elements that helper makes."""

from pathlib import Path

_HERE = Path(__file__).parent


def chart_script(name: str) -> str:
    """The component's JavaScript: chart_parts.js, then the file `name` beside it."""
    return (_HERE / "chart_parts.js").read_text() + "\n" + (_HERE / name).read_text()


def chart_css(name: str) -> str:
    """The CSS of a chart made by chartElements(root, `name`): its box, title, legend and hover tip."""
    return f"""
.{name} {{ position: relative; font: 12px sans-serif; color: #212529; }}
.{name}-title {{ font-size: 13px; margin-bottom: 2px; }}
.{name}-legend {{ display: flex; flex-wrap: wrap; gap: 2px 12px; font-size: 11px; min-height: 16px; }}
.{name}-legend i {{ display: inline-block; width: 14px; height: 3px; margin: 0 4px 3px 0; vertical-align: middle; }}
.{name}-legend b {{ margin-right: 4px; font-weight: normal; }}
.{name}-tip {{ display: none; position: absolute; pointer-events: none; background: rgba(255,255,255,0.95);
               border: 1px solid #ced4da; padding: 4px 6px; font-size: 11px; white-space: nowrap; }}
"""
