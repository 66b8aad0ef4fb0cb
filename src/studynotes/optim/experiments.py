"""The lecture's optimization experiments, reproducible and cached by their arguments.

Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from .._validate import as_float_array, check_array, check_int, check_real, check_rng, check_size
from .functions import Objective, ill_conditioned_quadratic, quadratic, rosenbrock, saddle
from .optimizers import adagrad, adam, adamw, nesterov_momentum, rmsprop, run, sgd, sgd_momentum
from .second_order import (
    contraction_factor,
    gd_optimal_rate,
    heavy_ball_parameters,
    momentum_rate,
    newton_method,
    steps_to_tolerance,
)

__all__ = [
    "RaceRun",
    "RotationRun",
    "constant_gradient_steps",
    "ema",
    "newton_vs_gd",
    "noisy_gradient",
    "optimizer_race",
    "polyak_average",
    "positive_definite_draws",
    "rotated_quadratic_runs",
    "saddle_escape_steps",
    "saddle_escape_theory",
    "weight_decay_runs",
]

_RULES: dict[str, Callable[..., Any]] = {
    "sgd": sgd,
    "sgd_momentum": sgd_momentum,
    "nesterov_momentum": nesterov_momentum,
    "adagrad": adagrad,
    "rmsprop": rmsprop,
    "adam": adam,
}


def _frozen(a: np.ndarray) -> np.ndarray:
    a.setflags(write=False)
    return a


@dataclass(frozen=True)
class RaceRun:
    """One optimizer's run in `optimizer_race`.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).

    Attributes
    ----------
    rule
        Name of the update rule in `studynotes.optim`.
    config
        Hyperparameters used, as `(key, value)` pairs.
    path
        Iterates, shape `(num_steps + 1, 2)` (read-only).
    loss
        $f$ along the path (read-only).
    rate
        Measured contraction factor over the last 20 steps (`contraction_factor`).
    theory
        Predicted factor from the iteration matrix (`momentum_rate`), `nan` for adaptive rules.
    """

    rule: str
    config: tuple[tuple[str, float], ...]
    path: np.ndarray
    loss: np.ndarray
    rate: float
    theory: float


@dataclass(frozen=True)
class RotationRun:
    """One update rule on the axis-aligned and on the rotated quadratic, each at its own best learning rate.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).

    Attributes
    ----------
    rule
        Name of the update rule in `studynotes.optim`.
    config
        Hyperparameters other than the learning rate, as `(key, value)` pairs.
    lr_aligned, lr_rotated
        Best learning rate of the grid on each problem.
    loss_aligned, loss_rotated
        $f(x_t)/f(x_0)$ along the best run on each problem, shape `(num_steps + 1,)` (read-only).
    """

    rule: str
    config: tuple[tuple[str, float], ...]
    lr_aligned: float
    lr_rotated: float
    loss_aligned: np.ndarray
    loss_rotated: np.ndarray

    def final(self, which: str) -> float:
        """Median of $f/f_0$ over the last 10 steps (``which`` is ``'aligned'`` or ``'rotated'``)."""
        loss = {"aligned": self.loss_aligned, "rotated": self.loss_rotated}[which]
        return float(np.median(loss[-10:]))


def _rotation(angle: float) -> np.ndarray:
    c, s = math.cos(angle), math.sin(angle)
    return np.array([[c, -s], [s, c]])


@functools.lru_cache(maxsize=4)
def rotated_quadratic_runs(
    kappa: float = 100.0,
    angle_degrees: float = 45.0,
    num_steps: int = 200,
    lrs: tuple[float, ...] = tuple(float(v) for v in np.geomspace(1e-3, 10.0, 17)),
) -> tuple[RotationRun, ...]:
    r"""Per-coordinate methods on $f = \tfrac12 x^\top A x$, $A = R\,\mathrm{diag}(1, \kappa)\,R^\top$, with and without rotation.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).

    The axis-aligned problem has $R = I$; the rotated one turns the bowl by `angle_degrees`. Both
    start at $R\,(-10, 1)$, the same point in the bowl's own axes, so any rotation-invariant method
    (gradient descent, momentum) follows the same path, rotated, and has the same loss curve.
    AdaGrad, RMSProp and Adam divide each *coordinate* by its own gradient scale, which matches the
    bowl's axes only when they are the coordinate axes. Each rule gets the learning rate from `lrs`
    with the lowest final loss (`RotationRun.final`) on each problem separately.

    Returns
    -------
    tuple of RotationRun
        Gradient descent, momentum ($\rho = 0.9$), AdaGrad, RMSProp ($\delta = 0.9$), Adam (default betas).
    """
    kappa = check_real("kappa", kappa, low=1.0)
    angle = math.radians(check_real("angle_degrees", angle_degrees))
    num_steps = check_int("num_steps", num_steps, minimum=10)
    grid = check_array("lrs", lrs, ndim=1)
    if grid.size == 0 or np.any(grid <= 0):
        raise ValueError("lrs must be a non-empty tuple of positive learning rates")
    setups = [("sgd", {}), ("sgd_momentum", {"momentum": 0.9}), ("adagrad", {}), ("rmsprop", {"decay_rate": 0.99}), ("adam", {})]
    problems = {}
    for which, R in (("aligned", np.eye(2)), ("rotated", _rotation(angle))):
        f = quadratic(R @ np.diag([1.0, kappa]) @ R.T)
        x0 = R @ np.array([-10.0, 1.0])
        problems[which] = (f, x0, float(f.value(x0)))
    runs = []
    for name, extra in setups:
        best = {}
        for which, (f, x0, f0) in problems.items():
            winner = (math.inf, math.nan, None)
            for lr in grid:
                with np.errstate(over="ignore", invalid="ignore"):
                    try:
                        path = run(_RULES[name], f.grad, x0, num_steps, {"learning_rate": float(lr), **extra})
                    except ValueError:  # the iterates overflowed: this rate diverges
                        continue
                    loss = f.value(path) / f0
                score = float(np.median(loss[-10:]))
                if np.isfinite(score) and score < winner[0]:
                    winner = (score, float(lr), loss)
            if winner[2] is None:
                raise RuntimeError(f"{name} diverged for every learning rate of the grid")
            best[which] = winner
        runs.append(
            RotationRun(
                name, tuple(extra.items()), best["aligned"][1], best["rotated"][1],
                _frozen(best["aligned"][2]), _frozen(best["rotated"][2]),
            )
        )
    return tuple(runs)


@functools.lru_cache(maxsize=4)
def weight_decay_runs(
    scales: tuple[float, ...] = (1e-3, 1e-1, 1.0, 10.0),
    lr: float = 1e-2,
    lam: float = 0.1,
    num_steps: int = 500,
    num_runs: int = 400,
    seed: int = 0,
) -> dict[str, np.ndarray]:
    r"""L2 penalty versus decoupled weight decay, under SGD and under Adam, on pure-noise gradients.

    Introduced in: [Regularization, Normalization](https://studynotes.github.io/studynotes/en/posts/regularization-normalization/).

    Every weight starts at 1 and its data gradient is zero-mean noise $s_j\,\xi$ with
    $\xi \sim \mathcal N(0, 1)$ and a scale $s_j$ per column, so the data pull nowhere and only the
    regularizer moves the weights on average. Decoupled decay shrinks by $1-\alpha\lambda$ per step
    and the noise enters symmetrically, so $\mathbb E[w_T] = (1-\alpha\lambda)^T$ for every scale. An L2
    penalty adds $\lambda w$ to the gradient; under SGD that is the same update, under Adam it is
    divided by $\sqrt{\hat v_t}$, about $s_j$: large-gradient weights barely decay and weights with
    tiny gradients lose about $\alpha$ per step. All four rules see the same noise.

    Returns
    -------
    dict
        ``'sgd_l2'``, ``'sgd_decay'``, ``'adam_l2'``, ``'adamw'``: final weights, shape
        ``(num_runs, len(scales))`` (read-only); ``'theory'``: $(1-\alpha\lambda)^T$ as a 0-d array.
    """
    s_arr = check_array("scales", scales, ndim=1)
    if s_arr.size == 0 or np.any(s_arr <= 0):
        raise ValueError("scales must be a non-empty tuple of positive numbers")
    lr = check_real("lr", lr, low=0.0, low_open=True)
    lam = check_real("lam", lam, low=0.0)
    if lr * lam >= 1:
        raise ValueError(f"lr * lam must be < 1 (the decay factor 1 - lr*lam must be positive), got {lr * lam}")
    num_steps = check_int("num_steps", num_steps, minimum=1)
    num_runs = check_int("num_runs", num_runs, minimum=1)
    check_size("num_runs * len(scales)", num_runs, s_arr.size)
    rng = np.random.default_rng(check_int("seed", seed, minimum=0))
    start = np.ones((num_runs, s_arr.size))
    w = {k: start.copy() for k in ("sgd_l2", "sgd_decay", "adam_l2", "adamw")}
    c_adam: dict[str, Any] = {"learning_rate": lr}
    c_adamw: dict[str, Any] = {"learning_rate": lr, "weight_decay": lam}
    for _ in range(num_steps):
        g = rng.standard_normal(start.shape) * s_arr
        w["sgd_l2"], _ = sgd(w["sgd_l2"], g + lam * w["sgd_l2"], {"learning_rate": lr})
        w["sgd_decay"] = (1.0 - lr * lam) * w["sgd_decay"] - lr * g
        w["adam_l2"], c_adam = adam(w["adam_l2"], g + lam * w["adam_l2"], c_adam)
        w["adamw"], c_adamw = adamw(w["adamw"], g, c_adamw)
    out = {k: _frozen(v) for k, v in w.items()}
    out["theory"] = _frozen(np.array((1.0 - lr * lam) ** num_steps))
    return out


@functools.lru_cache(maxsize=8)
def optimizer_race(kappa: float = 100.0, start: tuple[float, float] = (-10.0, 1.0), num_steps: int = 150) -> tuple[RaceRun, ...]:
    r"""Race the six update rules on $f = \tfrac12(x^2 + \kappa y^2)$ from `start`.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).

    Hyperparameters: gradient descent with the best constant step $2/(1+\kappa)$ and with a step
    just above the stability limit $2/\kappa$; heavy-ball momentum tuned as in
    `heavy_ball_parameters`; Nesterov with $\alpha = 1/\kappa$,
    $\rho = (\sqrt\kappa - 1)/(\sqrt\kappa + 1)$; AdaGrad with $\alpha = 1$; RMSProp with
    $\alpha = 0.1, \delta = 0.9$; Adam with $\alpha = 0.5$ and default betas.

    Returns
    -------
    tuple of RaceRun
        In the order: SGD, SGD (too large a step), SGD+Momentum, Nesterov, AdaGrad, RMSProp, Adam.
    """
    kappa = check_real("kappa", kappa, low=1.0, low_open=True)
    num_steps = check_int("num_steps", num_steps, minimum=21)
    x0 = check_array("start", start, ndim=1)
    f = ill_conditioned_quadratic(kappa)
    eig = [1.0, kappa]
    lr_gd, _ = gd_optimal_rate(1.0, kappa)
    lr_hb, rho_hb, _ = heavy_ball_parameters(1.0, kappa)
    rho_n = (math.sqrt(kappa) - 1.0) / (math.sqrt(kappa) + 1.0)
    setups = [
        ("sgd", {"learning_rate": lr_gd}, momentum_rate(lr_gd, 0.0, eig)),
        ("sgd", {"learning_rate": 2.01 / kappa}, momentum_rate(2.01 / kappa, 0.0, eig)),
        ("sgd_momentum", {"learning_rate": lr_hb, "momentum": rho_hb}, momentum_rate(lr_hb, rho_hb, eig)),
        (
            "nesterov_momentum",
            {"learning_rate": 1.0 / kappa, "momentum": rho_n},
            momentum_rate(1.0 / kappa, rho_n, eig, nesterov=True),
        ),
        ("adagrad", {"learning_rate": 1.0}, math.nan),
        ("rmsprop", {"learning_rate": 0.1, "decay_rate": 0.9}, math.nan),
        ("adam", {"learning_rate": 0.5}, math.nan),
    ]
    runs = []
    for name, config, theory in setups:
        path = run(_RULES[name], f.grad, x0, num_steps, config)
        runs.append(
            RaceRun(
                name,
                tuple(config.items()),
                _frozen(path),
                _frozen(f.value(path)),
                contraction_factor(path, f.minimizer),
                theory,
            )
        )
    return tuple(runs)


def noisy_gradient(objective: Objective, sigma: float, rng: np.random.Generator) -> Callable[[np.ndarray], np.ndarray]:
    r"""A minibatch-like gradient oracle: $\nabla f(x) + \sigma\,\xi$, $\xi \sim \mathcal N(0, I)$.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).
    """
    sigma = check_real("sigma", sigma, low=0.0)
    rng = check_rng("rng", rng)

    def grad(x: np.ndarray) -> np.ndarray:
        return objective.grad(x) + sigma * rng.standard_normal(np.shape(x))

    return grad


def saddle_escape_theory(lr: float, y0: float, threshold: float = 1.0) -> int:
    r"""Steps gradient descent needs to leave the saddle $x^2 - y^2$ without noise.

    Along $y$ the update is $y_{t+1} = (1 + 2\alpha)\,y_t$, so $\lvert y\rvert$ first
    reaches the threshold after

    $$
    t^\star = \Bigl\lceil \frac{\ln(\text{threshold}/y_0)}{\ln(1 + 2\alpha)} \Bigr\rceil \text{ steps.}
    $$

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).
    """
    lr = check_real("lr", lr, low=0.0, low_open=True)
    y0 = check_real("y0", y0, low=0.0, low_open=True)
    threshold = check_real("threshold", threshold, low=y0, low_open=True)
    return math.ceil(math.log(threshold / y0) / math.log1p(2.0 * lr))


def saddle_escape_steps(
    lr: float,
    y0: float,
    sigma: float,
    num_runs: int,
    rng: np.random.Generator,
    *,
    threshold: float = 1.0,
    max_steps: int = 5000,
) -> np.ndarray:
    r"""Steps until SGD on $x^2 - y^2$ from $(1, y_0)$ reaches $\lvert y\rvert \ge$ `threshold`.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).

    The gradient carries Gaussian noise of standard deviation `sigma` (`noisy_gradient`);
    `num_runs` independent runs are iterated together, as one array of parameters.

    Returns
    -------
    numpy.ndarray
        Escape step of each run (integers).

    Raises
    ------
    ValueError
        If some run has not escaped after `max_steps` steps.
    """
    num_runs = check_int("num_runs", num_runs, minimum=1)
    max_steps = check_int("max_steps", max_steps, minimum=1)
    check_size("num_runs", num_runs, 2)
    threshold = check_real("threshold", threshold, low=0.0, low_open=True)
    grad = noisy_gradient(saddle(), sigma, rng)
    x = np.tile([1.0, check_real("y0", y0)], (num_runs, 1))
    escaped = np.full(num_runs, -1)
    config = {"learning_rate": lr}
    for t in range(1, max_steps + 1):
        x, config = sgd(x, grad(x), config)
        escaped[(escaped < 0) & (np.abs(x[:, 1]) >= threshold)] = t
        if np.all(escaped >= 0):
            return escaped
    raise ValueError(f"{np.sum(escaped < 0)} run(s) did not escape within max_steps={max_steps}")


def positive_definite_draws(n: int, num: int, rng: np.random.Generator) -> np.ndarray:
    r"""Draw random symmetric "Hessians" and record whether each is positive definite (a minimum).

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).

    Matrices come from the Gaussian orthogonal ensemble, $H = (A + A^\top)/2$ with i.i.d.
    standard normal $A$. If each eigenvalue's sign were a fair coin, the chance that a critical
    point is a minimum would be $2^{-n}$; for the GOE it falls even faster.

    Returns
    -------
    numpy.ndarray
        `num` indicators (1.0 = all eigenvalues positive), for `studynotes.prob.mc_estimate`.
    """
    n = check_int("n", n, minimum=1)
    num = check_int("num", num, minimum=1)
    check_size("num * n * n", num, n, n)
    rng = check_rng("rng", rng)
    A = rng.standard_normal((num, n, n))
    return (np.linalg.eigvalsh((A + A.transpose(0, 2, 1)) / 2.0)[:, 0] > 0).astype(float)


@functools.lru_cache(maxsize=16)
def constant_gradient_steps(rule: str, num_steps: int, gradient: float = 1.0, **config: Any) -> np.ndarray:
    r"""Step sizes $\lvert x_{t} - x_{t-1}\rvert$ of a rule fed the same gradient at every step.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).

    With a constant gradient $g$, AdaGrad's step is $\alpha/\sqrt t$, RMSProp's tends to
    $\alpha$, Adam's is exactly $\alpha$ (up to $\epsilon$), and Adam without bias
    correction takes $\alpha(1-\beta_1^t)/\sqrt{1-\beta_2^t}$ ($\approx 3.16\alpha$ at $t=1$).

    Parameters
    ----------
    rule
        `"sgd"`, `"sgd_momentum"`, `"nesterov_momentum"`, `"adagrad"`, `"rmsprop"` or `"adam"`.
    num_steps
        Number of steps.
    gradient
        The constant gradient $g \ne 0$.
    **config
        Hyperparameters for the rule.

    Returns
    -------
    numpy.ndarray
        Step sizes for $t = 1, \dots,$ `num_steps` (read-only).
    """
    if rule not in _RULES:
        raise ValueError(f"rule must be one of {sorted(_RULES)}, got {rule!r}")
    g = np.array([check_real("gradient", gradient)])
    if g[0] == 0:
        raise ValueError("gradient must be nonzero")
    path = run(_RULES[rule], lambda x: g, np.zeros(1), num_steps, config)
    return _frozen(np.abs(np.diff(path[:, 0])))


@functools.lru_cache(maxsize=4)
def newton_vs_gd(
    start: tuple[float, float] = (-1.2, 1.0), lr: float = 1e-3, tol: float = 1e-6, max_steps: int = 50_000
) -> tuple[np.ndarray, np.ndarray, int, int | None]:
    r"""Newton's method against gradient descent on Rosenbrock's valley $(1-x)^2 + 100(y-x^2)^2$.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).

    Returns
    -------
    newton_path, gd_path, newton_steps, gd_steps
        Both paths (read-only) and the first step at which each is within `tol` of the minimum
        $(1, 1)$ (`None` if gradient descent has not arrived after `max_steps`).
    """
    f = rosenbrock()
    x0 = check_array("start", start, ndim=1)
    newton = newton_method(f, x0, tol=1e-12)
    gd = run(sgd, f.grad, x0, check_int("max_steps", max_steps, minimum=1), {"learning_rate": lr})
    return (
        _frozen(newton),
        _frozen(gd),
        steps_to_tolerance(newton, f.minimizer, tol),
        steps_to_tolerance(gd, f.minimizer, tol),
    )


def polyak_average(path: object) -> np.ndarray:
    r"""Running (Polyak) average of the iterates, $\bar x_t = \frac{1}{t+1}\sum_{s=0}^{t} x_s$.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).
    """
    path = as_float_array("path", path)
    counts = np.arange(1, len(path) + 1).reshape(-1, *([1] * (path.ndim - 1)))
    return np.cumsum(path, axis=0) / counts


def ema(path: object, decay: float = 0.99) -> np.ndarray:
    r"""Exponential moving average of the iterates, $\bar x_t = \beta\bar x_{t-1} + (1-\beta)x_t$, $\bar x_0 = x_0$.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).
    """
    path = as_float_array("path", path)
    decay = check_real("decay", decay, low=0.0, high=1.0, high_open=True)
    out = np.empty_like(path)
    out[0] = path[0]
    for t in range(1, len(path)):
        out[t] = decay * out[t - 1] + (1.0 - decay) * path[t]
    return out
