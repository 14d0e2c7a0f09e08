"""The baseline for bench/ops_page_rerun.py: one data_editor and two plotly heatmaps, nothing else."""

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

frame = pd.DataFrame([["10", "20", "30"], ["40", "50", "60"], ["70", "80", "90"]], columns=["0", "1", "2"])
edited = st.data_editor(frame, key="grid")
values = edited.astype(float).values
dim = st.radio("dim", [0, 1], key="dim", horizontal=True)
st.plotly_chart(go.Figure(go.Heatmap(z=values, text=values, texttemplate="%{text}")), key="before")
st.plotly_chart(go.Figure(go.Heatmap(z=values.cumsum(axis=dim), texttemplate="%{z}")), key="after")
