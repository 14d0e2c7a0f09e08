"""Loss functions made visible: a catalog of torch.nn losses, running them on the page's grids, their curves, the
outlier view, the errors torch raises explained, the figures, and the code that reproduces each state.

Pure core: torch, pandas and plotly only, never streamlit.
"""
