"""Lp norms of vectors and matrices, unit balls, and the constrained view of L1 and L2 penalties.

Introduced in: [Regularization, Normalization](https://studynotes.github.io/studynotes/en/posts/regularization-normalization/).
"""

from __future__ import annotations

import numpy as np

from .._validate import check_array, check_int, check_real, check_size

__all__ = ["lp_norm", "matrix_norm", "unit_ball", "quadratic_loss", "min_on_ball"]


def _check_p(p: object) -> float:
    if isinstance(p, (int, float, np.integer, np.floating)) and not isinstance(p, bool) and p == np.inf:
        return np.inf
    return check_real("p", p, low=0.0, low_open=True)


def lp_norm(x: object, p: float = 2.0) -> float:
    r"""The Lp norm of a vector: $\|x\|_p = \big(\sum_i |x_i|^p\big)^{1/p}$, and $\|x\|_\infty = \max_i |x_i|$.

    For $0 < p < 1$ the same formula is returned, but it is not a norm: it breaks the
    triangle inequality (for $x = (1, 0)$, $y = (0, 1)$ and $p = 1/2$,
    $\|x + y\|_p = 4 > \|x\|_p + \|y\|_p = 2$), so its unit ball is not convex.
    Same values as ``np.linalg.norm(x, ord=p)`` for a vector.

    Introduced in: [Regularization, Normalization](https://studynotes.github.io/studynotes/en/posts/regularization-normalization/).

    Parameters
    ----------
    x
        One-dimensional array of finite values.
    p
        Order, $p > 0$ or ``np.inf``.
    """
    x = np.abs(check_array("x", x, ndim=1))
    p = _check_p(p)
    if x.size == 0:
        return 0.0
    if p == np.inf:
        return float(x.max())
    top = x.max()
    if top == 0:
        return 0.0
    # Dividing by the largest entry first keeps x**p from overflowing or underflowing.
    return float(top * np.sum((x / top) ** p) ** (1.0 / p))


def matrix_norm(A: object, p: float | str = 2) -> float:
    r"""Matrix norm induced by the vector Lp norm, $\|A\|_p = \max_{x \ne 0} \|Ax\|_p / \|x\|_p$, or Frobenius.

    $$
    \|A\|_1 = \max_j \sum_i |a_{ij}|, \qquad \|A\|_\infty = \max_i \sum_j |a_{ij}|, \qquad
    \|A\|_2 = \sigma_{\max}(A), \qquad \|A\|_F = \Big(\sum_{i,j} a_{ij}^2\Big)^{1/2}
    $$

    (largest column sum, largest row sum, largest singular value, entrywise L2).
    Note that ``np.linalg.norm(A)`` without ``ord`` is the Frobenius norm, not the spectral norm.

    Introduced in: [Regularization, Normalization](https://studynotes.github.io/studynotes/en/posts/regularization-normalization/).

    Parameters
    ----------
    A
        Two-dimensional array of finite values.
    p
        ``1``, ``2``, ``np.inf`` or ``"fro"``.
    """
    A = check_array("A", A, ndim=2)
    if A.size == 0:
        return 0.0
    if isinstance(p, str):
        if p != "fro":
            raise ValueError(f"p must be 1, 2, np.inf or 'fro', got {p!r}")
        return float(np.sqrt(np.sum(A**2)))
    p = _check_p(p)
    if p == 1:
        return float(np.abs(A).sum(axis=0).max())
    if p == np.inf:
        return float(np.abs(A).sum(axis=1).max())
    if p == 2:
        return float(np.linalg.svd(A, compute_uv=False)[0])
    raise ValueError(f"p must be 1, 2, np.inf or 'fro' for a matrix, got {p}")


def unit_ball(p: float, n_points: int = 721) -> np.ndarray:
    r"""Points on the boundary of the 2-D unit ball $\{x : \|x\|_p = 1\}$.

    Each direction $u = (\cos\theta, \sin\theta)$ is scaled to $u / \|u\|_p$; the angles
    are evenly spaced from 0 to $2\pi$ (both included), so with ``n_points - 1`` divisible
    by 4 the axis points (the corners of the L1 diamond) are on the curve.

    Introduced in: [Regularization, Normalization](https://studynotes.github.io/studynotes/en/posts/regularization-normalization/).

    Parameters
    ----------
    p
        Order, $p > 0$ or ``np.inf``.
    n_points
        Number of points, at least 5.

    Returns
    -------
    numpy.ndarray
        Array of shape ``(n_points, 2)``.
    """
    p = _check_p(p)
    n_points = check_int("n_points", n_points, minimum=5)
    check_size("n_points", n_points, 2)
    theta = np.linspace(0.0, 2.0 * np.pi, n_points)
    u = np.column_stack([np.cos(theta), np.sin(theta)])
    u[np.abs(u) < 1e-15] = 0.0
    a = np.abs(u)
    if p == np.inf:
        size = a.max(axis=1)
    else:
        top = a.max(axis=1, keepdims=True)
        size = top[:, 0] * np.sum((a / top) ** p, axis=1) ** (1.0 / p)
    return u / size[:, None]


def quadratic_loss(B: object, center: object, Q: object) -> np.ndarray:
    r"""The quadratic $(b - c)^\top Q (b - c)$ at each row ``b`` of ``B`` (a residual sum of squares up to a constant).

    For least squares, $\mathrm{RSS}(b) = \mathrm{RSS}(\hat b) + (b - \hat b)^\top X^\top X (b - \hat b)$,
    so its contours are ellipses centered at the unpenalized estimate $c = \hat b$ with shape $Q = X^\top X$.

    Introduced in: [Regularization, Normalization](https://studynotes.github.io/studynotes/en/posts/regularization-normalization/).

    Parameters
    ----------
    B
        Points, shape ``(..., k)``.
    center
        Center $c$, shape ``(k,)``.
    Q
        Symmetric positive semi-definite matrix, shape ``(k, k)``.
    """
    B = check_array("B", B)
    c = check_array("center", center, ndim=1)
    Q = check_array("Q", Q, ndim=2)
    if Q.shape != (c.size, c.size) or B.shape[-1] != c.size:
        raise ValueError(f"shapes do not match: B {B.shape}, center {c.shape}, Q {Q.shape}")
    D = B - c
    return np.einsum("...i,ij,...j->...", D, Q, D)


def min_on_ball(center: object, Q: object, p: float, radius: float = 1.0, n_points: int = 40001) -> np.ndarray:
    r"""Minimize $(b - c)^\top Q (b - c)$ over the 2-D ball $\|b\|_p \le t$ by scanning its boundary.

    This is the constrained form of the penalized problem: each $\lambda$ in
    $\mathrm{RSS}(b) + \lambda\|b\|_p^p$ corresponds to some radius $t$. When the center
    $c$ lies outside the ball the optimum is on the boundary, so a fine scan of
    `unit_ball` points finds it (to the scan's resolution). For $p = 1$ the optimum is
    often a corner, where one coordinate is exactly 0.

    Introduced in: [Regularization, Normalization](https://studynotes.github.io/studynotes/en/posts/regularization-normalization/).

    Parameters
    ----------
    center
        Unconstrained optimum $c$ (2 entries) outside the ball.
    Q
        Symmetric positive definite 2x2 matrix.
    p
        Order of the ball, $p > 0$ or ``np.inf``.
    radius
        Radius $t > 0$.
    n_points
        Boundary points scanned.

    Returns
    -------
    numpy.ndarray
        The minimizing point, shape ``(2,)``.
    """
    c = check_array("center", center, ndim=1)
    if c.size != 2:
        raise ValueError(f"center must have 2 entries, got {c.size}")
    radius = check_real("radius", radius, low=0.0, low_open=True)
    if lp_norm(c, p) <= radius:
        raise ValueError("center must lie outside the ball (otherwise the constraint is not active)")
    B = radius * unit_ball(p, n_points)
    return B[np.argmin(quadratic_loss(B, c, Q))]
