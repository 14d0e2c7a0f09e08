"""The Losses page's state as typed URL parameters, by torch's names: `loss`, `reduction`, `delta` / `beta`,
`input` and `target` as nested-list literals with their dtypes, and the comparison views' settings."""

from dataclasses import dataclass
from typing import Any, Callable

from core.losses.catalog import DEFAULT_LOSS, LOSSES
from core.losses.spec import REDUCTIONS, TENSOR_DTYPES, LossPreset, LossSpec
from core.messages import MSG
from core.page_params import BadParam, Param
from core.text import shown

DEFAULT_COMPARE = ("MSELoss", "L1Loss", "HuberLoss")
CURVE_TARGET_RANGE = (-2.0, 2.0)
OUTLIER_RANGE = (0.0, 10.0)


@dataclass(frozen=True)
class NamesParam(Param):
    """A list of names from `choices`, written comma-separated: MSELoss,L1Loss."""

    def parse(self, raw: str, lang: str):
        names = [name.strip() for name in raw.split(",") if name.strip()]
        unknown = [name for name in names if name not in self.choices]
        if unknown:
            raise BadParam(MSG["url_bad_choice"](lang, value=shown(unknown[0]), choices=", ".join(self.choices)))
        return list(dict.fromkeys(names))

    def dump(self, value) -> str:
        return ",".join(value)


TABS = ("values", "curves", "outlier")


def loss_in(query: dict, fallback: str | None) -> str:
    """The loss a URL names when it names a known one, else the session's, else the default."""
    name = query.get("loss")
    if name in LOSSES:
        return name
    return fallback if fallback in LOSSES else DEFAULT_LOSS


def page_params(loss: str) -> list[Param]:
    """Every parameter of the page for this loss; defaults are its first preset's."""
    spec = LOSSES[loss]
    values = preset_values(spec, spec.presets[0])
    params = [
        Param("loss", "choice", loss, choices=tuple(LOSSES)),
        Param("reduction", "choice", values["reduction"], choices=REDUCTIONS),
    ]
    params += [Param(a.name, "int" if a.integer else "float", values[a.name], minimum=a.minimum, maximum=a.maximum)
               for a in spec.args]
    for name in ("input", "target"):
        params += [Param(name, "matrix", values[name]),
                   Param(f"{name}_dtype", "choice", values[f"{name}_dtype"], choices=TENSOR_DTYPES)]
    params += [
        NamesParam("compare", "names", list(DEFAULT_COMPARE), choices=tuple(LOSSES)),
        Param("curve_target", "float", 1.0, minimum=CURVE_TARGET_RANGE[0], maximum=CURVE_TARGET_RANGE[1]),
        Param("outlier", "float", 0.0, minimum=OUTLIER_RANGE[0], maximum=OUTLIER_RANGE[1]),
        Param("tab", "choice", TABS[0], choices=TABS),  # the open tab
    ]
    return params


def preset_values(spec: LossSpec, preset: LossPreset) -> dict:
    """The parameter values a preset sets (the comparison views keep theirs)."""
    values = {"loss": spec.name, "reduction": preset.reduction, "input": preset.input, "target": preset.target,
              "input_dtype": preset.input_dtype, "target_dtype": preset.target_dtype}
    return values | {a.name: a.value(preset.args.get(a.name, a.default)) for a in spec.args}


def matching_preset(spec: LossSpec, value_of: Callable[[str], Any]) -> str | None:
    """The key of the preset whose values the page holds (`value_of(name)`), so the example picker names what is
    on screen."""
    for preset in spec.presets:
        if all(value_of(name) == value for name, value in preset_values(spec, preset).items()):
            return preset.key
    return None
