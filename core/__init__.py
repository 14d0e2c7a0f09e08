"""The playground's pure core: torch, pandas and plotly, never streamlit."""
