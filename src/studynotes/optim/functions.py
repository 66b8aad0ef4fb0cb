"""Test functions for optimizers, each with its gradient and Hessian.

`value` and `grad` accept a single point or a stack of points (last axis = coordinates), so a
contour plot can evaluate a whole grid at once; `hess` takes one point.

Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .._validate import as_float_array, check_array, check_real

__all__ = [
    "Objective",
    "condition_number",
    "ill_conditioned_quadratic",
    "quadratic",
    "rosenbrock",
    "saddle",
]


@dataclass(frozen=True)
class Objective:
    r"""A function to minimize with its derivatives.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).

    Attributes
    ----------
    name
        Short name for tables and legends.
    value
        $f(x)$, vectorised over leading axes.
    grad
        $\nabla f(x)$, same shape as `x`.
    hess
        $\nabla^2 f(x)$ at one point, shape `(n, n)`.
    minimizer
        A global minimizer, or `None` if the function is unbounded below.
    """

    name: str
    value: Callable[[np.ndarray], np.ndarray]
    grad: Callable[[np.ndarray], np.ndarray]
    hess: Callable[[np.ndarray], np.ndarray]
    minimizer: np.ndarray | None


def _xy(x: object) -> tuple[np.ndarray, np.ndarray]:
    x = as_float_array("x", x)
    if x.shape[-1:] != (2,):
        raise ValueError(f"x must have 2 coordinates on its last axis, got shape {x.shape}")
    return x[..., 0], x[..., 1]


def quadratic(A: object) -> Objective:
    r"""The quadratic bowl $f(x) = \tfrac12 x^\top A x$ for a symmetric positive definite `A`.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).

    $$
    \nabla f(x) = A x,\qquad \nabla^2 f(x) = A,\qquad x^\star = 0
    $$

    Parameters
    ----------
    A
        Symmetric positive definite matrix, shape `(n, n)`.

    Returns
    -------
    Objective
        The bowl with its gradient, Hessian and minimizer $0$.
    """
    A = check_array("A", A, ndim=2)
    if A.shape[0] != A.shape[1] or not np.allclose(A, A.T):
        raise ValueError(f"A must be a symmetric square matrix, got shape {A.shape}")
    if np.linalg.eigvalsh(A).min() <= 0:
        raise ValueError("A must be positive definite (all eigenvalues > 0)")
    n = A.shape[0]

    def check(x: object) -> np.ndarray:
        x = as_float_array("x", x)
        if x.shape[-1:] != (n,):
            raise ValueError(f"x must have {n} coordinates on its last axis, got shape {x.shape}")
        return x

    def value(x: object) -> np.ndarray:
        x = check(x)
        return 0.5 * np.einsum("...i,ij,...j->...", x, A, x)

    def grad(x: object) -> np.ndarray:
        return check(x) @ A  # A is symmetric, so x A = (A x)^T row by row

    def hess(x: object) -> np.ndarray:
        check(x)
        return A.copy()

    return Objective(f"quadratic(n={n})", value, grad, hess, np.zeros(n))


def ill_conditioned_quadratic(kappa: float = 100.0) -> Objective:
    r"""The lecture's taco-shell bowl $f(x, y) = \tfrac12 (x^2 + \kappa y^2)$.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).

    Its Hessian is $\operatorname{diag}(1, \kappa)$, so its condition number is $\kappa$.

    Parameters
    ----------
    kappa
        Curvature of the steep axis relative to the shallow one ($\ge 1$).

    Returns
    -------
    Objective
        The bowl with its gradient, Hessian and minimizer $(0, 0)$.
    """
    kappa = check_real("kappa", kappa, low=1.0)
    obj = quadratic(np.diag([1.0, kappa]))
    return Objective(f"quadratic(kappa={kappa:g})", obj.value, obj.grad, obj.hess, obj.minimizer)


def saddle() -> Objective:
    r"""The saddle $f(x, y) = x^2 - y^2$ (unbounded below, so no minimizer).

    $$
    \nabla f = (2x, -2y),\qquad \nabla^2 f = \operatorname{diag}(2, -2)
    $$

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).
    """

    def value(x: object) -> np.ndarray:
        a, b = _xy(x)
        return a**2 - b**2

    def grad(x: object) -> np.ndarray:
        a, b = _xy(x)
        return np.stack([2.0 * a, -2.0 * b], axis=-1)

    def hess(x: object) -> np.ndarray:
        _xy(x)
        return np.diag([2.0, -2.0])

    return Objective("saddle", value, grad, hess, None)


def rosenbrock(a: float = 1.0, b: float = 100.0) -> Objective:
    r"""Rosenbrock's banana valley $f(x, y) = (a - x)^2 + b\,(y - x^2)^2$, minimum at $(a, a^2)$.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).

    $$
    \nabla f = \begin{pmatrix} -2(a - x) - 4bx(y - x^2) \\ 2b(y - x^2) \end{pmatrix},\qquad
    \nabla^2 f = \begin{pmatrix} 2 - 4b(y - 3x^2) & -4bx \\ -4bx & 2b \end{pmatrix}
    $$

    Parameters
    ----------
    a
        Position of the minimum: $x = a$ on the valley floor $y = x^2$.
    b
        Steepness of the valley walls (`b > 0`).

    Returns
    -------
    Objective
        The valley with its gradient, Hessian and minimizer $(a, a^2)$.
    """
    a = check_real("a", a)
    b = check_real("b", b, low=0.0, low_open=True)

    def value(x: object) -> np.ndarray:
        u, w = _xy(x)
        return (a - u) ** 2 + b * (w - u**2) ** 2

    def grad(x: object) -> np.ndarray:
        u, w = _xy(x)
        return np.stack([-2.0 * (a - u) - 4.0 * b * u * (w - u**2), 2.0 * b * (w - u**2)], axis=-1)

    def hess(x: object) -> np.ndarray:
        u, w = _xy(x)
        if np.ndim(u) != 0:
            raise ValueError(f"hess takes one point of shape (2,), got shape {np.shape(x)}")
        return np.array([[2.0 - 4.0 * b * (w - 3.0 * u**2), -4.0 * b * u], [-4.0 * b * u, 2.0 * b]])

    return Objective(f"rosenbrock(a={a:g}, b={b:g})", value, grad, hess, np.array([a, a * a]))


def condition_number(H: object) -> float:
    r"""Condition number $\kappa(H) = \sigma_{\max}(H) / \sigma_{\min}(H)$, a ratio of singular values.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).

    Parameters
    ----------
    H
        Square matrix (typically a Hessian).

    Returns
    -------
    float
        $\kappa \ge 1$ (`inf` for a singular matrix).
    """
    H = check_array("H", H, ndim=2)
    if H.shape[0] != H.shape[1]:
        raise ValueError(f"H must be square, got shape {H.shape}")
    s = np.linalg.svd(H, compute_uv=False)
    return float(s[0] / s[-1]) if s[-1] > 0 else float("inf")
