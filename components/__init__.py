"""Reusable Streamlit pieces: grid editor, heatmap view, code panel, language switch."""
