"""First-order update rules in the CS231n assignment's style: `rule(w, dw, config) -> (next_w, config)`.

Every rule takes the parameters `w` (any NumPy array), their gradient `dw` (same shape) and a
`config` dict holding the hyperparameters and the optimizer's state. It returns the next
parameters and a *new* config dict with the updated state; neither `w` nor the caller's dict is
modified. Missing keys get the defaults below (those of the lecture and of `cs231n/optim.py`);
missing state starts at zero, as in the assignment. A key the rule does not know (a typo such as
`"learnig_rate"`, or another library's name such as `"lr"`) raises `ValueError` naming it and the
accepted keys, instead of silently running with the default. `w`, `dw` and the state arrays must
be finite: NaN or infinity raises `ValueError`, as everywhere else in the package.

Momentum is stored in the assignment's convention, `v <- rho v - lr dw; w <- w + v`. The lecture
slide writes `v <- rho v + dw; w <- w - lr v` and PyTorch's `torch.optim.SGD` keeps that second
form (its `momentum_buffer` is the slide's `v`). With a constant learning rate the two give the
same iterates, and the velocities are related by `v_assignment = -lr * v_slide`.

Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from .._validate import check_array, check_int, check_real, check_size

__all__ = [
    "adagrad",
    "adam",
    "adamw",
    "nesterov_momentum",
    "rmsprop",
    "run",
    "sgd",
    "sgd_momentum",
]

Config = dict[str, Any]
Rule = Callable[[np.ndarray, np.ndarray, "Mapping[str, Any] | None"], tuple[np.ndarray, Config]]


def _arrays(w: object, dw: object) -> tuple[np.ndarray, np.ndarray]:
    w = check_array("w", w)
    dw = check_array("dw", dw)
    if dw.shape != w.shape:
        raise ValueError(f"dw must have the shape of w {w.shape}, got {dw.shape}")
    return w, dw


def _config(config: Mapping[str, Any] | None, defaults: Mapping[str, Any], state: tuple[str, ...] = ()) -> Config:
    """Defaults overridden by ``config``; a key that is neither a hyperparameter nor a state name is a typo."""
    if config is not None and not isinstance(config, Mapping):
        raise TypeError(f"config must be a dict or None, got {type(config).__name__}")
    accepted = (*defaults, *(k for k in state if k not in defaults))
    unknown = [k for k in (config or {}) if k not in accepted]
    if unknown:
        raise ValueError(f"config has unknown key {unknown[0]!r}; accepted keys: {', '.join(map(repr, accepted))}")
    out = dict(defaults)
    out.update(config or {})
    return out


def _lr(config: Config) -> float:
    return check_real("learning_rate", config["learning_rate"], low=0.0, low_open=True)


def _beta(config: Config, name: str) -> float:
    return check_real(name, config[name], low=0.0, high=1.0, high_open=True)


def _eps(config: Config) -> float:
    return check_real("epsilon", config["epsilon"], low=0.0, low_open=True)


def _state(config: Config, name: str, w: np.ndarray) -> np.ndarray:
    value = config.get(name)
    if value is None:
        return np.zeros_like(w)
    value = check_array(f"config['{name}']", value)
    if value.shape != w.shape:
        raise ValueError(f"config['{name}'] must have the shape of w {w.shape}, got {value.shape}")
    return value


def sgd(w: object, dw: object, config: Mapping[str, Any] | None = None) -> tuple[np.ndarray, Config]:
    r"""Vanilla stochastic gradient descent.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).

    $$
    w_{t+1} = w_t - \alpha\,\nabla f(w_t)
    $$

    Parameters
    ----------
    w, dw
        Parameters and their gradient (same shape).
    config
        `learning_rate` $\alpha > 0$ (default 1e-2).

    Returns
    -------
    next_w, config
        The updated parameters and a new config dict.
    """
    w, dw = _arrays(w, dw)
    config = _config(config, {"learning_rate": 1e-2})
    return w - _lr(config) * dw, config


def sgd_momentum(w: object, dw: object, config: Mapping[str, Any] | None = None) -> tuple[np.ndarray, Config]:
    r"""SGD with (heavy-ball) momentum, in the assignment's sign convention.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).

    $$
    v_{t+1} = \rho\,v_t - \alpha\,\nabla f(w_t),\qquad w_{t+1} = w_t + v_{t+1}
    $$

    PyTorch's `SGD(lr=alpha, momentum=rho)` keeps $b = -v/\alpha$ and gives the same iterates.

    Parameters
    ----------
    w, dw
        Parameters and their gradient (same shape).
    config
        `learning_rate` $\alpha > 0$ (default 1e-2), `momentum` $\rho \in [0, 1)$
        (default 0.9), `velocity` (state, default zeros).

    Returns
    -------
    next_w, config
        The updated parameters and a new config dict holding the new `velocity`.
    """
    w, dw = _arrays(w, dw)
    config = _config(config, {"learning_rate": 1e-2, "momentum": 0.9}, ("velocity",))
    v = _beta(config, "momentum") * _state(config, "velocity", w) - _lr(config) * dw
    config["velocity"] = v
    return w + v, config


def nesterov_momentum(w: object, dw: object, config: Mapping[str, Any] | None = None) -> tuple[np.ndarray, Config]:
    r"""Nesterov momentum after the change of variables $\tilde w_t = w_t + \rho v_t$.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).

    The original form evaluates the gradient at the look-ahead point,
    $v_{t+1} = \rho v_t - \alpha\nabla f(w_t + \rho v_t)$, $w_{t+1} = w_t + v_{t+1}$.
    Storing the look-ahead point $\tilde w$ instead, `dw` is the gradient at the stored
    parameters and

    $$
    v_{t+1} = \rho\,v_t - \alpha\,\nabla f(\tilde w_t),\qquad
    \tilde w_{t+1} = \tilde w_t + v_{t+1} + \rho\,(v_{t+1} - v_t)
    $$

    PyTorch's `SGD(lr=alpha, momentum=rho, nesterov=True)` is the same rule with $b = -v/\alpha$.

    Parameters
    ----------
    w, dw
        Stored (look-ahead) parameters and the gradient there (same shape).
    config
        `learning_rate` $\alpha > 0$ (default 1e-2), `momentum` $\rho \in [0, 1)$
        (default 0.9), `velocity` (state, default zeros).

    Returns
    -------
    next_w, config
        The updated parameters and a new config dict holding the new `velocity`.
    """
    w, dw = _arrays(w, dw)
    config = _config(config, {"learning_rate": 1e-2, "momentum": 0.9}, ("velocity",))
    rho = _beta(config, "momentum")
    v_old = _state(config, "velocity", w)
    v = rho * v_old - _lr(config) * dw
    config["velocity"] = v
    return w + v + rho * (v - v_old), config


def adagrad(w: object, dw: object, config: Mapping[str, Any] | None = None) -> tuple[np.ndarray, Config]:
    r"""AdaGrad: each coordinate's step is divided by the root of its summed squared gradients.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).

    $$
    G_t = G_{t-1} + g_t^2,\qquad w_{t+1} = w_t - \frac{\alpha\,g_t}{\sqrt{G_t} + \epsilon}
    $$

    Equal to PyTorch's `Adagrad(lr=alpha, eps=epsilon)` (`lr_decay=0`, zero initial accumulator).

    Parameters
    ----------
    w, dw
        Parameters and their gradient (same shape).
    config
        `learning_rate` $\alpha > 0$ (default 1e-2), `epsilon` $> 0$ (default 1e-7, the
        slide's value), `cache` $G$ (state, default zeros).

    Returns
    -------
    next_w, config
        The updated parameters and a new config dict holding the new `cache`.
    """
    w, dw = _arrays(w, dw)
    config = _config(config, {"learning_rate": 1e-2, "epsilon": 1e-7}, ("cache",))
    lr, eps = _lr(config), _eps(config)
    cache = _state(config, "cache", w) + dw * dw
    config["cache"] = cache
    return w - lr * dw / (np.sqrt(cache) + eps), config


def rmsprop(w: object, dw: object, config: Mapping[str, Any] | None = None) -> tuple[np.ndarray, Config]:
    r"""RMSProp: AdaGrad with a leaky (exponentially decaying) sum of squared gradients.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).

    $$
    G_t = \delta\,G_{t-1} + (1-\delta)\,g_t^2,\qquad w_{t+1} = w_t - \frac{\alpha\,g_t}{\sqrt{G_t} + \epsilon}
    $$

    Equal to PyTorch's `RMSprop(lr=alpha, alpha=delta, eps=epsilon)` (no momentum, not centered).

    Parameters
    ----------
    w, dw
        Parameters and their gradient (same shape).
    config
        `learning_rate` $\alpha > 0$ (default 1e-2), `decay_rate` $\delta \in [0, 1)$
        (default 0.99), `epsilon` $> 0$ (default 1e-8), `cache` $G$ (state, default zeros).

    Returns
    -------
    next_w, config
        The updated parameters and a new config dict holding the new `cache`.
    """
    w, dw = _arrays(w, dw)
    config = _config(config, {"learning_rate": 1e-2, "decay_rate": 0.99, "epsilon": 1e-8}, ("cache",))
    lr, delta, eps = _lr(config), _beta(config, "decay_rate"), _eps(config)
    cache = delta * _state(config, "cache", w) + (1.0 - delta) * dw * dw
    config["cache"] = cache
    return w - lr * dw / (np.sqrt(cache) + eps), config


def adam(w: object, dw: object, config: Mapping[str, Any] | None = None) -> tuple[np.ndarray, Config]:
    r"""Adam: momentum on the gradient, RMSProp on its square, and bias correction.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).

    The step counter is incremented *before* it is used, so the first step has $t = 1$:

    $$
    m_t = \beta_1 m_{t-1} + (1-\beta_1)g_t,\quad v_t = \beta_2 v_{t-1} + (1-\beta_2)g_t^2,\quad
    \hat m_t = \frac{m_t}{1-\beta_1^t},\quad \hat v_t = \frac{v_t}{1-\beta_2^t},\quad
    w_{t+1} = w_t - \frac{\alpha\,\hat m_t}{\sqrt{\hat v_t} + \epsilon}
    $$

    With `bias_correction=False` the raw $m_t, v_t$ are used instead of $\hat m_t, \hat v_t$.
    With bias correction it equals PyTorch's `Adam(lr=alpha, betas=(beta1, beta2), eps=epsilon)`.

    Parameters
    ----------
    w, dw
        Parameters and their gradient (same shape).
    config
        `learning_rate` $\alpha > 0$ (default 1e-3), `beta1` and `beta2` in $[0, 1)$
        (defaults 0.9 and 0.999), `epsilon` $> 0$ (default 1e-8), `bias_correction` (default
        `True`); state `m`, `v` (default zeros) and `t` (steps taken so far, default 0).

    Returns
    -------
    next_w, config
        The updated parameters and a new config dict holding the new `m`, `v` and `t`.
    """
    w, dw = _arrays(w, dw)
    config = _config(
        config,
        {"learning_rate": 1e-3, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8, "bias_correction": True, "t": 0},
        ("m", "v"),
    )
    lr, b1, b2, eps = _lr(config), _beta(config, "beta1"), _beta(config, "beta2"), _eps(config)
    t = check_int("t", config["t"], minimum=0) + 1
    m = b1 * _state(config, "m", w) + (1.0 - b1) * dw
    v = b2 * _state(config, "v", w) + (1.0 - b2) * dw * dw
    config.update(m=m, v=v, t=t)
    if not isinstance(config["bias_correction"], bool):
        raise TypeError(f"config['bias_correction'] must be True or False, got {config['bias_correction']!r}")
    if config["bias_correction"]:
        m, v = m / (1.0 - b1**t), v / (1.0 - b2**t)
    return w - lr * m / (np.sqrt(v) + eps), config


def adamw(w: object, dw: object, config: Mapping[str, Any] | None = None) -> tuple[np.ndarray, Config]:
    r"""AdamW: Adam with *decoupled* weight decay (Loshchilov and Hutter, 2019).

    Introduced in: [Regularization, Normalization](https://studynotes.github.io/studynotes/en/posts/regularization-normalization/).

    The weights shrink by the factor $1 - \alpha\lambda$ outside the adaptive step, and `dw` (the
    gradient of the data loss only) drives Adam's moments:

    $$
    w_{t+1} = (1 - \alpha\lambda)\,w_t - \frac{\alpha\,\hat m_t}{\sqrt{\hat v_t} + \epsilon}
    $$

    An L2 penalty $\tfrac{\lambda}{2}\lVert w\rVert^2$ under plain Adam instead adds $\lambda w$ to the
    gradient, so the decay term passes through $1/(\sqrt{\hat v_t}+\epsilon)$: weights with large
    gradients are decayed less, and a weight whose data gradient is zero moves by about
    $\alpha$ per step whatever $\lambda$ is. Under SGD the two coincide; under Adam they do not.
    Equal to PyTorch's `AdamW(lr=alpha, betas=(beta1, beta2), eps=epsilon, weight_decay=lambda)`.

    Parameters
    ----------
    w, dw
        Parameters and the gradient of the data loss (same shape).
    config
        As in `adam`, plus `weight_decay` $\lambda \ge 0$ (default 1e-2, PyTorch's).

    Returns
    -------
    next_w, config
        The updated parameters and a new config dict holding the new `m`, `v` and `t`.
    """
    w, dw = _arrays(w, dw)
    config = _config(
        config,
        {"learning_rate": 1e-3, "beta1": 0.9, "beta2": 0.999, "epsilon": 1e-8, "bias_correction": True, "t": 0,
         "weight_decay": 1e-2},
        ("m", "v"),
    )
    decay = check_real("weight_decay", config.pop("weight_decay"), low=0.0)
    shrunk = w * (1.0 - _lr(config) * decay)
    step, config = adam(w, dw, config)
    config["weight_decay"] = decay
    return shrunk + (step - w), config


def run(
    rule: Rule,
    grad: Callable[[np.ndarray], np.ndarray],
    x0: object,
    num_steps: int,
    config: Mapping[str, Any] | None = None,
    *,
    learning_rates: Sequence[float] | np.ndarray | None = None,
) -> np.ndarray:
    r"""Iterate an update rule and return the whole path.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).

    Parameters
    ----------
    rule
        One of the update rules of this module (or any function with the same signature).
    grad
        Function returning the gradient at a point (for noisy gradients, a closure over an `rng`).
    x0
        Starting parameters (any shape).
    num_steps
        Number of updates ($\ge 0$).
    config
        Initial hyperparameters and state for `rule`.
    learning_rates
        Optional schedule: `learning_rates[t]` replaces `config["learning_rate"]` at step `t`
        (length `num_steps`).

    Returns
    -------
    numpy.ndarray
        Shape `(num_steps + 1, *x0.shape)`: the starting point followed by every iterate.
    """
    num_steps = check_int("num_steps", num_steps, minimum=0)
    x = check_array("x0", x0)
    check_size("num_steps * x0.size", num_steps + 1, x.size)
    if learning_rates is not None:
        learning_rates = check_array("learning_rates", learning_rates)
        if learning_rates.shape != (num_steps,):
            raise ValueError(f"learning_rates must have length num_steps={num_steps}, got shape {learning_rates.shape}")
    return _iterate(rule, grad, x, num_steps, dict(config or {}), learning_rates)


def _iterate(
    rule: Rule,
    grad: Callable[[np.ndarray], np.ndarray],
    x: np.ndarray,
    num_steps: int,
    state: Config,
    learning_rates: np.ndarray | None = None,
    *,
    stop_when_diverged: bool = False,
) -> np.ndarray:
    """The loop of `run` on checked arguments. A gradient that is not finite is reported naming ``grad``
    (the function the caller passed), an iterate that has overflowed as a diverged run; with
    ``stop_when_diverged`` either one ends the run instead and the rest of the path is NaN."""
    path = np.full((num_steps + 1, *x.shape), np.nan)
    path[0] = x
    for t in range(num_steps):
        if learning_rates is not None:
            state["learning_rate"] = learning_rates[t]
        if not np.all(np.isfinite(x)):
            if stop_when_diverged:
                break
            raise ValueError(f"the run diverged: the iterate after step {t} is not finite (try a smaller learning rate)")
        g = grad(x)
        try:
            finite = bool(np.all(np.isfinite(np.asarray(g, dtype=float))))
        except (TypeError, ValueError):
            finite = True  # not numbers at all: the rule's own check names the problem
        if not finite:
            if stop_when_diverged:
                break
            size = float(np.max(np.abs(x), initial=0.0))
            hint = f"; the iterate has grown to {size:.3g}: the run is diverging (try a smaller learning rate)" if size > 1e100 else ""
            raise ValueError(f"grad returned non-finite values (NaN or infinity) at step {t}, at x = {x.tolist()}{hint}")
        x, state = rule(x, g, state)
        path[t + 1] = x
    return path
