"""The data page's state: its URL parameters (torch's argument names where torch has one) and its presets."""

from dataclasses import dataclass, fields

from core.page_params import Param

PAGE = "data"  # widget keys are "data.<name>"
DATASET_KINDS = ("TensorDataset", "MyDataset")
MAX_N = 64  # samples
MAX_F = 8  # features per sample
MAX_EPOCHS = 3
MAX_SEQUENCES = 8
MAX_SEQ_LEN = 10
MAX_SEED = 2**31 - 1

PARAMS = [
    Param("dataset", "choice", "TensorDataset", choices=DATASET_KINDS),
    Param("N", "int", 10, 1, MAX_N),
    Param("F", "int", 5, 1, MAX_F),
    Param("mismatch", "bool", False),  # give labels a first dim other than N
    Param("seed", "int", 0, 0, MAX_SEED),  # the data's torch.Generator
    Param("batch_size", "int", 3, 1, MAX_N),
    Param("shuffle", "bool", True),
    Param("drop_last", "bool", False),
    Param("generator", "int", 0, 0, MAX_SEED),  # DataLoader(generator=torch.Generator().manual_seed(generator))
    Param("epochs", "int", 3, 1, MAX_EPOCHS),
    Param("sequences", "int", 5, 1, MAX_SEQUENCES),  # how many variable-length sequences
    Param("max_len", "int", 6, 1, MAX_SEQ_LEN),  # the longest a sequence may be
]


@dataclass(frozen=True)
class DataSettings:
    """One state of the page, by the parameters' names."""

    dataset: str
    N: int
    F: int
    mismatch: bool
    seed: int
    batch_size: int
    shuffle: bool
    drop_last: bool
    generator: int
    epochs: int
    sequences: int
    max_len: int

    @classmethod
    def from_values(cls, values: dict) -> "DataSettings":
        """Settings from a {name: value} dict (extra keys ignored)."""
        return cls(**{f.name: values[f.name] for f in fields(cls)})


@dataclass(frozen=True)
class Preset:
    """A named state: only what differs from the parameters' defaults. Its title is MSG["data_preset_<key>"]."""

    key: str
    values: dict
    error: bool = False  # the state ends in an error from torch, on purpose


PRESETS = (
    Preset("guide_example_1", {}),  # the guide's example 1: 10 samples of 5 features, batch_size=3, shuffle=True
    Preset("drop_last", {"drop_last": True}),
    Preset("in_order", {"N": 8, "batch_size": 4, "shuffle": False}),
    Preset("my_dataset", {"dataset": "MyDataset"}),
    Preset("size_mismatch", {"mismatch": True}, error=True),
    Preset("my_dataset_mismatch", {"dataset": "MyDataset", "mismatch": True}, error=True),
    Preset("nothing_left", {"N": 5, "batch_size": 8, "drop_last": True}),
)


def preset_values(key: str) -> dict:
    """Every parameter's value in a preset."""
    preset = next(p for p in PRESETS if p.key == key)
    return {**{p.name: p.default for p in PARAMS}, **preset.values}


def preset_settings(key: str) -> DataSettings:
    """A preset as settings."""
    return DataSettings.from_values(preset_values(key))


def matching_preset(values: dict) -> str | None:
    """The key of the preset the state is exactly, or None for a state of the user's own."""
    state = {p.name: values[p.name] for p in PARAMS}
    return next((p.key for p in PRESETS if preset_values(p.key) == state), None)
