"""The optimizers a race can use: one entry each, with its hyper-parameters by torch's names and torch's defaults.

Defaults are read from torch itself (inspect.signature of the class), so they follow the installed version. `start`
is where the playground begins when torch's default is too timid for a few hundred steps on a toy problem.
"""

from dataclasses import dataclass
import inspect
from typing import Any

import torch

from core.text import Text
from core.training.ftrl import FTRL

TORCH_DEFAULT = object()  # start from whatever torch's signature says


@dataclass(frozen=True)
class Hyper:
    """One hyper-parameter, by torch's argument name; minimum and maximum bound the page's widget."""

    name: str
    kind: str  # "float", "int", "bool", "tuple" (betas: as long as torch's default) or "choice"
    start: Any = TORCH_DEFAULT
    minimum: float | None = None
    maximum: float | None = None
    log: bool = False  # a learning rate: steps on a log scale
    choices: tuple = ()
    # torch reads it only when it creates a parameter's state (amsgrad's max_exp_avg_sq, Rprop's first step_size):
    # a change mid-race builds a new optimizer over the current weights instead of editing param_groups
    state_bound: bool = False


def _lr(start=TORCH_DEFAULT, maximum=10.0, state_bound=False) -> Hyper:
    return Hyper("lr", "float", start, 1e-5, maximum, log=True, state_bound=state_bound)


_BETAS = Hyper("betas", "tuple", minimum=0.0, maximum=0.9999)
_EPS = Hyper("eps", "float", minimum=0.0, maximum=1.0, log=True)
_WEIGHT_DECAY = Hyper("weight_decay", "float", minimum=0.0, maximum=1.0)


@dataclass(frozen=True)
class OptimizerSpec:
    """One optimizer: its class, its hyper-parameters and how it has to be run."""

    name: str  # torch.optim class name (or FTRL), also the URL's name for it
    cls: type
    hypers: tuple[Hyper, ...]
    summary: Text
    own: bool = False  # written by this project because torch has none (FTRL)
    lr_name: str = "lr"  # the argument that sets the step size
    closure: bool = False  # step(closure) re-evaluates the loss (LBFGS)
    sparse: str = "no"  # gradients it takes: "no" (dense only), "yes" (dense or sparse), "only" (sparse only)
    fast: bool = True  # may share the batched forward/backward of the fast path (its rule is per coordinate)
    matrices_only: bool = False  # torch refuses any parameter that is not 2-d (Muon)

    @property
    def label(self) -> str:
        """How the code and the page name it: torch.optim.Adam, or FTRL for the project's own."""
        return self.name if self.own else f"torch.optim.{self.name}"

    def hyper(self, name: str) -> Hyper:
        return next(h for h in self.hypers if h.name == name)

    def torch_default(self, name: str):
        """The default of argument `name` as torch's (or FTRL's) signature declares it."""
        return inspect.signature(self.cls).parameters[name].default

    def start_values(self) -> dict:
        """Every hyper-parameter at the value the playground starts from."""
        return {h.name: self.torch_default(h.name) if h.start is TORCH_DEFAULT else h.start for h in self.hypers}

    def build(self, params, values: dict, foreach_off: bool = False) -> torch.optim.Optimizer:
        """The optimizer over `params`; torch's own checks raise ValueError for bad values. foreach_off passes
        foreach=False, torch's own choice on CPU anyway: said outright, torch skips re-deciding it at every step
        (about 5% of a fast-path race)."""
        options = {"foreach": False} if foreach_off and "foreach" in inspect.signature(self.cls).parameters else {}
        return self.cls(params, **{**self.start_values(), **values}, **options)

    def call_source(self, values: dict, params: str = "model.parameters()") -> str:
        """`torch.optim.Adam(model.parameters(), lr=0.01)`: the step size always, other arguments when not default."""
        values = {**self.start_values(), **values}
        shown = [f"{name}={value!r}" for name, value in values.items()
                 if name == self.lr_name or value != self.torch_default(name)]
        return f"{self.label}({', '.join([params, *shown])})"


OPTIMIZERS: dict[str, OptimizerSpec] = {
    spec.name: spec
    for spec in (
        OptimizerSpec(
            "SGD", torch.optim.SGD,
            (_lr(0.1), Hyper("momentum", "float", minimum=0.0, maximum=0.999), Hyper("nesterov", "bool"),
             _WEIGHT_DECAY),
            Text("Stochastic gradient descent: w -= lr * g, with optional momentum (nesterov looks ahead).",
                 "随机梯度下降：w -= lr * g，可选动量（nesterov 会先“向前看”一步）。"),
            sparse="yes",
        ),
        OptimizerSpec(
            "Adagrad", torch.optim.Adagrad,
            (_lr(0.1), Hyper("lr_decay", "float", minimum=0.0, maximum=1.0),
             Hyper("initial_accumulator_value", "float", minimum=0.0, maximum=1.0, state_bound=True), _EPS,
             _WEIGHT_DECAY),
            Text("Divides each coordinate's step by the root of the sum of its squared gradients: steps only shrink.",
                 "每个坐标的步长除以它历史梯度平方和的平方根：步长只会越来越小。"),
            sparse="yes",
        ),
        OptimizerSpec(
            "RMSprop", torch.optim.RMSprop,
            (_lr(), Hyper("alpha", "float", minimum=0.0, maximum=0.9999), Hyper("momentum", "float", minimum=0.0,
             maximum=0.999, state_bound=True), Hyper("centered", "bool", state_bound=True), _EPS, _WEIGHT_DECAY),
            Text("Like Adagrad, but a running average (alpha) of squared gradients, so steps do not die out.",
                 "类似 Adagrad，但用梯度平方的滑动平均（alpha），步长不会衰减到零。"),
        ),
        OptimizerSpec(
            "Rprop", torch.optim.Rprop,
            (_lr(state_bound=True), Hyper("etas", "tuple", minimum=0.0, maximum=10.0),
             Hyper("step_sizes", "tuple", minimum=0.0, maximum=1000.0)),
            Text("Resilient backpropagation: only the sign of each gradient counts. Each coordinate's own step grows "
                 "by etas[1] while its sign holds and shrinks by etas[0] when it flips, within step_sizes; lr is the "
                 "first step. Made for full batches: minibatch noise flips signs often.",
                 "弹性反向传播：只看每个梯度的符号。符号保持时该坐标的步长乘以 etas[1]，符号翻转时乘以 etas[0]，"
                 "并限制在 step_sizes 之内；lr 是第一步的步长。它是为全批量设计的：小批量的噪声会让符号频繁翻转。"),
        ),
        OptimizerSpec(
            "Adam", torch.optim.Adam,
            (_lr(0.01), _BETAS, _EPS, _WEIGHT_DECAY, Hyper("amsgrad", "bool", state_bound=True)),
            Text("Momentum (betas[0]) plus RMSprop-style scaling (betas[1]), with bias correction.",
                 "动量（betas[0]）加上 RMSprop 式的缩放（betas[1]），并做偏差修正。"),
        ),
        OptimizerSpec(
            "AdamW", torch.optim.AdamW,
            (_lr(0.01), _BETAS, _EPS, _WEIGHT_DECAY, Hyper("amsgrad", "bool", state_bound=True)),
            Text("Adam with decoupled weight decay: the decay shrinks the weights directly, not through the gradient.",
                 "解耦权重衰减的 Adam：衰减直接作用在权重上，而不是混进梯度里。"),
        ),
        OptimizerSpec(
            "Adamax", torch.optim.Adamax,
            (_lr(0.02), _BETAS, _EPS, _WEIGHT_DECAY),
            Text("Adam with the infinity norm: the step is scaled by a decaying maximum of |gradient| (exp_inf) "
                 "instead of a running average of its square.",
                 "使用无穷范数的 Adam：步长按 |梯度| 的衰减最大值（exp_inf）缩放，而不是梯度平方的滑动平均。"),
        ),
        OptimizerSpec(
            "Adadelta", torch.optim.Adadelta,
            (_lr(), Hyper("rho", "float", minimum=0.0, maximum=0.9999), _EPS, _WEIGHT_DECAY),
            Text("Adagrad's fix: running averages (rho) of squared gradients and of squared updates set the step.",
                 "Adagrad 的改进：用梯度平方和更新量平方的滑动平均（rho）来决定步长。"),
        ),
        OptimizerSpec(
            "NAdam", torch.optim.NAdam,
            (_lr(0.01), _BETAS, _EPS, _WEIGHT_DECAY, Hyper("momentum_decay", "float", minimum=0.0, maximum=0.1),
             Hyper("decoupled_weight_decay", "bool")),
            Text("Adam with Nesterov momentum.", "带 Nesterov 动量的 Adam。"),
        ),
        OptimizerSpec(
            "RAdam", torch.optim.RAdam,
            (_lr(0.01), _BETAS, _EPS, _WEIGHT_DECAY, Hyper("decoupled_weight_decay", "bool")),
            Text("Rectified Adam: plain momentum steps until the variance estimate is trustworthy.",
                 "修正的 Adam：在方差估计可靠之前先走普通的动量步。"),
        ),
        OptimizerSpec(
            "ASGD", torch.optim.ASGD,
            (_lr(0.1), Hyper("lambd", "float", minimum=0.0, maximum=1.0), Hyper("alpha", "float", minimum=0.0,
             maximum=1.0), Hyper("t0", "float", minimum=0.0, maximum=1e6), _WEIGHT_DECAY),
            Text("Averaged SGD: SGD steps, and from step t0 on it also keeps a running average of the weights.",
                 "平均随机梯度下降：走 SGD 的步子，并从第 t0 步起额外维护权重的滑动平均。"),
        ),
        OptimizerSpec(
            "Adafactor", torch.optim.Adafactor,
            (_lr(0.1), Hyper("beta2_decay", "float", minimum=-1.0, maximum=0.0),
             Hyper("eps", "tuple", minimum=0.0, maximum=1.0), Hyper("d", "float", minimum=1.0, maximum=100.0),
             _WEIGHT_DECAY),
            Text("Adam's second moment in little memory: for a weight matrix it keeps one average per row and one per "
                 "column (row_var, col_var), not one per entry; steps are relative to the weights' size (RMS) and "
                 "lr caps them. It measures each parameter whole, so it trains its own model (plain path).",
                 "用很少内存保存 Adam 的二阶矩：对权重矩阵只保存每行一个、每列一个平均值（row_var、col_var），"
                 "而不是每个元素一个；步长相对于权重本身的大小（RMS），由 lr 封顶。它按整个参数来度量，"
                 "因此单独训练自己的模型（普通路径）。"),
            fast=False,  # the RMS and the row / column factors are per parameter, not per coordinate
        ),
        OptimizerSpec(
            "LBFGS", torch.optim.LBFGS,
            # torch's defaults (20 iterations, no line search) overshoot on minibatches and often diverge here
            (_lr(), Hyper("max_iter", "int", 5, minimum=1, maximum=20), Hyper("history_size", "int", 10, minimum=1,
             maximum=100, state_bound=True), Hyper("line_search_fn", "choice", "strong_wolfe", choices=(None, "strong_wolfe"))),
            Text("A quasi-Newton method: it builds a curvature estimate from recent steps; each step(closure) may "
                 "evaluate the loss many times (max_iter).",
                 "拟牛顿法：用最近几步估计曲率；每次 step(closure) 可能多次计算损失（max_iter）。"),
            closure=True, sparse="yes", fast=False,
        ),
        OptimizerSpec(
            "SparseAdam", torch.optim.SparseAdam,
            (_lr(0.05), _BETAS, _EPS),
            Text("Adam for sparse gradients: only the embedding rows a batch touched get their moments and weights "
                 "updated.",
                 "用于稀疏梯度的 Adam：只更新一个批次用到的嵌入行的动量和权重。"),
            sparse="only", fast=False,
        ),
        OptimizerSpec(
            "Muon", torch.optim.Muon,
            (_lr(0.02), _WEIGHT_DECAY, Hyper("momentum", "float", minimum=0.0, maximum=0.999),
             Hyper("nesterov", "bool"), Hyper("ns_coefficients", "tuple", minimum=-10.0, maximum=10.0), _EPS,
             Hyper("ns_steps", "int", minimum=1, maximum=99),
             Hyper("adjust_lr_fn", "choice", choices=(None, "original", "match_rms_adamw"))),
            Text("Momentum, then orthogonalized: ns_steps Newton-Schulz iterations turn each weight matrix's update "
                 "into one whose singular values are all near 1. torch takes only 2-d parameters, so it cannot train "
                 "the MLP (its biases are 1-d; in practice biases go to AdamW, a second optimizer). It runs on the "
                 "clicks task, whose one parameter is the (30, 1) embedding matrix.",
                 "先做动量，再正交化：ns_steps 次 Newton-Schulz 迭代把每个权重矩阵的更新变成奇异值都接近 1 的矩阵。"
                 "torch 只接受二维参数，所以它无法训练 MLP（MLP 的偏置是一维的；实践中偏置交给第二个优化器 AdamW）。"
                 "它可以在 clicks 任务上运行，那里唯一的参数是 (30, 1) 的嵌入矩阵。"),
            fast=False, matrices_only=True,
        ),
        OptimizerSpec(
            "FTRL", FTRL,
            (Hyper("alpha", "float", minimum=1e-4, maximum=10.0, log=True), Hyper("beta", "float", minimum=0.0,
             maximum=10.0), Hyper("l1", "float", minimum=0.0, maximum=10.0), Hyper("l2", "float", minimum=0.0,
             maximum=10.0)),
            Text("FTRL-Proximal (McMahan et al. 2013), the project's own implementation: torch has no FTRL. A "
                 "per-coordinate step alpha / (beta + sqrt(n)); l1 sets weights exactly to zero. Made for linear "
                 "models on sparse ids that start at 0: on an MLP its first step pulls the initial weights towards 0, "
                 "and a small beta (e.g. 0) keeps them.",
                 "FTRL-Proximal（McMahan 等，2013），本项目自己的实现：torch 没有 FTRL。每个坐标的步长为 "
                 "alpha / (beta + sqrt(n))；l1 会把权重精确地压成 0。它是为从 0 开始、基于稀疏 id 的线性模型设计的："
                 "在 MLP 上，它的第一步会把初始权重拉向 0，把 beta 设小（例如 0）可以保留它们。"),
            own=True, lr_name="alpha", sparse="yes",
        ),
    )
}
