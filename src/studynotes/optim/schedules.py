"""Learning-rate decay schedules: step, exponential and 1/t.

Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).
"""

from __future__ import annotations

import numpy as np

from .._validate import as_float_array, check_int, check_real

__all__ = ["exponential_decay", "inverse_time_decay", "step_decay"]


def _steps(t: object) -> np.ndarray:
    t = as_float_array("t", t)
    if not np.all(np.isfinite(t)) or np.any(t < 0):
        raise ValueError("t must hold finite step counts >= 0")
    return t


def _lr0(lr0: object) -> float:
    return check_real("lr0", lr0, low=0.0, low_open=True)


def step_decay(lr0: float, t: object, *, drop: float = 0.5, every: int = 10) -> np.ndarray:
    r"""Step decay: multiply the learning rate by `drop` every `every` steps (or epochs).

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).

    $$
    \alpha_t = \alpha_0\,d^{\lfloor t / s \rfloor}
    $$

    Parameters
    ----------
    lr0
        Initial learning rate $\alpha_0 > 0$.
    t
        Step or epoch count(s) $\ge 0$, scalar or array. Fractional values are accepted on
        purpose: with ``t = iteration / iterations_per_epoch`` the rate stays constant within
        an epoch and drops exactly when ``t`` reaches a multiple of ``every``, as a per-epoch
        schedule does.
    drop
        Factor $d \in (0, 1]$ applied at each drop.
    every
        Steps $s \ge 1$ between drops.

    Returns
    -------
    numpy.ndarray
        $\alpha_t$, same shape as `t`.
    """
    lr0 = _lr0(lr0)
    drop = check_real("drop", drop, low=0.0, high=1.0, low_open=True)
    every = check_int("every", every, minimum=1)
    return lr0 * drop ** np.floor(_steps(t) / every)


def exponential_decay(lr0: float, t: object, *, k: float = 0.1) -> np.ndarray:
    r"""Exponential decay $\alpha_t = \alpha_0 e^{-kt}$.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).

    Parameters
    ----------
    lr0
        Initial learning rate $\alpha_0 > 0$.
    t
        Step or epoch count(s) $\ge 0$.
    k
        Decay rate $k \ge 0$.

    Returns
    -------
    numpy.ndarray
        $\alpha_t$, same shape as `t`.
    """
    lr0 = _lr0(lr0)
    k = check_real("k", k, low=0.0)
    return lr0 * np.exp(-k * _steps(t))


def inverse_time_decay(lr0: float, t: object, *, k: float = 0.1) -> np.ndarray:
    r"""1/t decay $\alpha_t = \alpha_0 / (1 + kt)$.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).

    Parameters
    ----------
    lr0
        Initial learning rate $\alpha_0 > 0$.
    t
        Step or epoch count(s) $\ge 0$.
    k
        Decay rate $k \ge 0$.

    Returns
    -------
    numpy.ndarray
        $\alpha_t$, same shape as `t`.
    """
    lr0 = _lr0(lr0)
    k = check_real("k", k, low=0.0)
    return lr0 / (1.0 + k * _steps(t))
