"""The catalog of 2-d test functions f(x, y): one declarative entry each, written with torch ops.

Each function takes p, a tensor whose first dimension holds x and y: a (2,) point gives a 0-d value, and a (2, G, G)
grid gives a (G, G) surface, so the figure and the optimizers evaluate the very same code.
"""

from dataclasses import dataclass, field
import math
from typing import Callable

import torch

from core.text import Text


@dataclass(frozen=True)
class SurfaceOption:
    """A number the function depends on (the bowl's conditioning), with the page widget's bounds."""

    name: str
    default: float
    minimum: float
    maximum: float
    label: Text


@dataclass(frozen=True)
class SurfaceFunction:
    """One test function: its torch code, where to look at it, where to start and where its minima are."""

    name: str  # the URL's and the catalog's key
    f: Callable[..., torch.Tensor]  # f(p, **options): (2, ...) -> (...)
    source: str  # the same formula in x and y, for the page's code
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    start: tuple[float, float]
    minima: tuple[tuple[float, float], ...]
    title: Text
    note: Text
    log_levels: bool = False  # values span many decades: contour log10(1 + f)
    saddles: tuple[tuple[float, float], ...] = ()
    options: tuple[SurfaceOption, ...] = field(default=())

    def option_values(self, options: dict | None = None) -> dict:
        """Every option at its default, overridden by `options` (names it does not take are ignored)."""
        given = options or {}
        return {o.name: float(given.get(o.name, o.default)) for o in self.options}

    def value(self, p: torch.Tensor, options: dict | None = None) -> torch.Tensor:
        """f at p (a (2,) point or a (2, ...) grid), with the options filled in."""
        return self.f(p, **self.option_values(options))


def _rosenbrock(p):
    x, y = p[0], p[1]
    return (1 - x) ** 2 + 100 * (y - x ** 2) ** 2


def _beale(p):
    x, y = p[0], p[1]
    return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y ** 2) ** 2 + (2.625 - x + x * y ** 3) ** 2


def _himmelblau(p):
    x, y = p[0], p[1]
    return (x ** 2 + y - 11) ** 2 + (x + y ** 2 - 7) ** 2


def _rastrigin(p):
    x, y = p[0], p[1]
    return 20 + x ** 2 - 10 * torch.cos(2 * math.pi * x) + y ** 2 - 10 * torch.cos(2 * math.pi * y)


def _saddle(p):
    x, y = p[0], p[1]
    return x ** 2 - y ** 2


def _bowl(p, condition):
    x, y = p[0], p[1]
    return 0.5 * (x ** 2 + condition * y ** 2)


FUNCTIONS: dict[str, SurfaceFunction] = {
    entry.name: entry
    for entry in (
        SurfaceFunction(
            "bowl", _bowl, "0.5 * (x ** 2 + condition * y ** 2)", (-2.0, 2.0), (-2.0, 2.0), (-1.8, 1.2),
            ((0.0, 0.0),),
            Text("Quadratic bowl", "二次碗"),
            Text("f = 0.5 (x² + condition·y²). condition is the ratio of the curvatures: at 1 every step points to "
                 "the centre; at 50 the valley is narrow, and plain SGD with lr near 2 / condition bounces from wall "
                 "to wall across it while it crawls along it. Momentum and Adam smooth that out.",
                 "f = 0.5 (x² + condition·y²)。condition 是两个方向曲率之比：为 1 时每一步都指向中心；为 50 时山谷很窄，"
                 "lr 接近 2 / condition 的普通 SGD 会在两侧谷壁之间来回反弹，而沿谷底只是缓慢爬行。动量和 Adam 能缓解这一点。"),
            options=(SurfaceOption("condition", 10.0, 1.0, 100.0,
                                   Text("condition (curvature ratio)", "condition（曲率之比）")),),
        ),
        SurfaceFunction(
            "rosenbrock", _rosenbrock, "(1 - x) ** 2 + 100 * (y - x ** 2) ** 2", (-2.0, 2.0), (-1.0, 3.0),
            (-1.5, 2.0), ((1.0, 1.0),),
            Text("Rosenbrock", "Rosenbrock 函数"),
            Text("A curved, flat-bottomed banana valley: finding the valley is easy, following it to the minimum at "
                 "(1, 1) is slow. Contours are log-scaled.",
                 "一条弯曲、谷底平坦的“香蕉形”山谷：找到山谷很容易，沿着它走到 (1, 1) 处的最小值却很慢。等高线按对数刻度绘制。"),
            log_levels=True,
        ),
        SurfaceFunction(
            "beale", _beale,
            "(1.5 - x + x * y) ** 2 + (2.25 - x + x * y ** 2) ** 2 + (2.625 - x + x * y ** 3) ** 2",
            (-4.5, 4.5), (-4.5, 4.5), (1.0, 1.5), ((3.0, 0.5),),
            Text("Beale", "Beale 函数"),
            Text("Flat plateaus and steep walls whose gradients differ by orders of magnitude; the minimum is at "
                 "(3, 0.5). Contours are log-scaled.",
                 "平坦的高原和陡峭的谷壁，梯度相差好几个数量级；最小值在 (3, 0.5)。等高线按对数刻度绘制。"),
            log_levels=True,
        ),
        SurfaceFunction(
            "himmelblau", _himmelblau, "(x ** 2 + y - 11) ** 2 + (x + y ** 2 - 7) ** 2", (-5.0, 5.0), (-5.0, 5.0),
            (0.0, 0.0),
            ((3.0, 2.0), (-2.805118, 3.131312), (-3.779310, -3.283186), (3.584428, -1.848126)),
            Text("Himmelblau", "Himmelblau 函数"),
            Text("Four minima, all with f = 0: which one a racer reaches depends on where it starts and how it moves.",
                 "四个最小值，f 都等于 0：参赛者到达哪一个，取决于它的起点和它的走法。"),
        ),
        SurfaceFunction(
            "rastrigin", _rastrigin,
            "20 + x ** 2 - 10 * torch.cos(2 * math.pi * x) + y ** 2 - 10 * torch.cos(2 * math.pi * y)",
            (-5.12, 5.12), (-5.12, 5.12), (3.3, 2.7), ((0.0, 0.0),),
            Text("Rastrigin", "Rastrigin 函数"),
            Text("A bowl covered in ripples: a local minimum near every integer point, the global one at (0, 0). "
                 "Gradient methods get stuck in the nearest ripple unless the step is large.",
                 "布满波纹的碗：几乎每个整数点附近都有一个局部最小值，全局最小值在 (0, 0)。除非步长足够大，"
                 "梯度方法会困在最近的波纹里。"),
        ),
        SurfaceFunction(
            "saddle", _saddle, "x ** 2 - y ** 2", (-2.0, 2.0), (-2.0, 2.0), (1.5, 0.01), (),
            Text("Saddle", "鞍点"),
            Text("f = x² - y²: a minimum along x, a maximum along y, and no minimum at all. Started near y = 0, a "
                 "racer first slides towards the saddle point (0, 0), then escapes along y without end (reported as "
                 "divergence once |y| passes 1e6).",
                 "f = x² - y²：沿 x 是最小值，沿 y 是最大值，整体没有最小值。从 y≈0 附近出发，参赛者先滑向鞍点 (0, 0)，"
                 "然后沿 y 方向无止境地逃离（|y| 超过 1e6 后报告为发散）。"),
            saddles=((0.0, 0.0),),
        ),
    )
}
