"""Every user-visible string of the app's chrome, in English and Simplified Chinese, in one place: this package.

Each page keeps its strings in a module here; MSG merges them, and a test checks that no key is defined twice and
that every string has both languages with the same {fields}. Op-specific texts (an op's summary, its presets'
titles, its shape rule) live in its catalog entry, also as `Text`.
"""

from core.messages import activations, containers, data, losses, ops, ops_compare, surface, training, training_engine

_MODULES = (ops, ops_compare, data, losses, activations, containers, training, training_engine, surface)

MSG = {}
for _module in _MODULES:
    _clash = MSG.keys() & _module.MSG.keys()
    if _clash:
        raise ValueError(f"message keys defined twice: {sorted(_clash)}")
    MSG.update(_module.MSG)
