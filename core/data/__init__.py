"""The data-loading page's core: datasets, a DataLoader run epoch by epoch, padded sequences, and their views.

Everything here is plain torch, pandas and plotly (no streamlit); each value shown comes from iterating a real
`torch.utils.data.DataLoader` in the main process (num_workers=0).
"""
