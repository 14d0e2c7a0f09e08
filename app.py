"""Tensor Playground: the entry point. Page config, the language switch, and the navigation."""

import streamlit as st
import torch

from components.language import current_lang, language_switch
from components.page_list import session_pages

# Every tensor in the playground is tiny, so torch's intra-op threads buy nothing; with a browser on the same 2 cores,
# their spinning workers cut the Training lab's steps per frame from 8 to 5-7 (and slowed bench/train_race.py's
# fast path 2-3x under load). One thread for the whole server process.
torch.set_num_threads(1)
st.set_page_config(page_title="Tensor Playground", page_icon="🧮", layout="wide")
lang = current_lang()
navigation = st.navigation(session_pages(lang))
language_switch()
navigation.run()
