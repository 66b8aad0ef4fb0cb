"""Second-order steps and convergence rates of first-order methods on quadratics.

Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).
"""

from __future__ import annotations

import numpy as np

from .._validate import as_float_array, check_array, check_int, check_real
from .functions import Objective

__all__ = [
    "contraction_factor",
    "gd_optimal_rate",
    "heavy_ball_parameters",
    "momentum_rate",
    "momentum_stability_limit",
    "newton_method",
    "sgd_noise_floor",
    "newton_step",
    "steps_to_tolerance",
]


def newton_step(objective: Objective, x: object) -> np.ndarray:
    r"""One Newton step: jump to the minimum of the local quadratic (second-order Taylor) model.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).

    $$
    f(x) \approx f(x_0) + (x - x_0)^\top \nabla f(x_0) + \tfrac12 (x - x_0)^\top H (x - x_0)
    \;\Rightarrow\; x_1 = x_0 - H^{-1}\nabla f(x_0)
    $$

    There is no learning rate. The linear system is solved, not inverted; for $N$ parameters the
    Hessian still has $N^2$ entries and the solve costs $O(N^3)$.

    Parameters
    ----------
    objective
        Function with `grad` and `hess`.
    x
        Current point, shape `(n,)`.

    Returns
    -------
    numpy.ndarray
        The next point.
    """
    if not isinstance(objective, Objective):
        raise TypeError(f"objective must be an Objective, got {type(objective).__name__}")
    x = check_array("x", x, ndim=1)
    return x - np.linalg.solve(objective.hess(x), objective.grad(x))


def newton_method(objective: Objective, x0: object, *, tol: float = 1e-10, max_iter: int = 100) -> np.ndarray:
    r"""Repeat `newton_step` until $\lVert\nabla f\rVert \le$ `tol` or `max_iter` steps.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).

    Returns
    -------
    numpy.ndarray
        The path, shape `(steps + 1, n)`.
    """
    tol = check_real("tol", tol, low=0.0, low_open=True)
    max_iter = check_int("max_iter", max_iter, minimum=1)
    path = [check_array("x0", x0, ndim=1)]
    while len(path) <= max_iter and np.linalg.norm(objective.grad(path[-1])) > tol:
        path.append(newton_step(objective, path[-1]))
    return np.array(path)


def steps_to_tolerance(path: object, x_star: object, tol: float) -> int | None:
    r"""First step $t$ with $\lVert x_t - x^\star\rVert \le$ `tol`, or `None` if never.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).
    """
    path = as_float_array("path", path)
    tol = check_real("tol", tol, low=0.0, low_open=True)
    dist = np.linalg.norm((path - as_float_array("x_star", x_star)).reshape(len(path), -1), axis=1)
    hit = np.flatnonzero(dist <= tol)
    return int(hit[0]) if hit.size else None


def gd_optimal_rate(mu: float, L: float) -> tuple[float, float]:
    r"""Best constant step of gradient descent on a quadratic with Hessian eigenvalues in $[\mu, L]$.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).

    $$
    \alpha^\star = \frac{2}{\mu + L},\qquad
    \lVert x_{t+1} - x^\star\rVert \le \frac{\kappa - 1}{\kappa + 1}\lVert x_t - x^\star\rVert,\quad \kappa = L/\mu
    $$

    Returns
    -------
    lr, rate
        The step size and the contraction factor per step.
    """
    mu = check_real("mu", mu, low=0.0, low_open=True)
    L = check_real("L", L, low=mu)
    kappa = L / mu
    return 2.0 / (mu + L), (kappa - 1.0) / (kappa + 1.0)


def heavy_ball_parameters(mu: float, L: float) -> tuple[float, float, float]:
    r"""Polyak's tuned heavy-ball (SGD+momentum) parameters on a quadratic with eigenvalues in $[\mu, L]$.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).

    $$
    \alpha = \Bigl(\frac{2}{\sqrt L + \sqrt\mu}\Bigr)^2,\qquad
    \rho = \Bigl(\frac{\sqrt\kappa - 1}{\sqrt\kappa + 1}\Bigr)^2,\qquad
    \text{rate} = \frac{\sqrt\kappa - 1}{\sqrt\kappa + 1}
    $$

    Returns
    -------
    lr, momentum, rate
        Learning rate, momentum and asymptotic contraction factor per step.
    """
    mu = check_real("mu", mu, low=0.0, low_open=True)
    L = check_real("L", L, low=mu)
    r = (np.sqrt(L / mu) - 1.0) / (np.sqrt(L / mu) + 1.0)
    return float((2.0 / (np.sqrt(L) + np.sqrt(mu))) ** 2), float(r * r), float(r)


def contraction_factor(path: object, x_star: object, *, window: int = 20) -> float:
    r"""Measured contraction per step over the last `window` steps of a path.

    $$
    \hat r = \Bigl(\frac{\lVert x_T - x^\star\rVert}{\lVert x_{T-w} - x^\star\rVert}\Bigr)^{1/w}
    $$

    A value above 1 means the iterates move away from $x^\star$ (divergence).

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).
    """
    path = as_float_array("path", path)
    window = check_int("window", window, minimum=1)
    if len(path) <= window:
        raise ValueError(f"window must be < number of points {len(path)}, got {window}")
    dist = np.linalg.norm((path - as_float_array("x_star", x_star)).reshape(len(path), -1), axis=1)
    if dist[-1 - window] == 0.0:  # already exactly at the minimum: nothing left to shrink
        return 0.0 if dist[-1] == 0.0 else float("inf")
    return float((dist[-1] / dist[-1 - window]) ** (1.0 / window))


def momentum_rate(lr: float, momentum: float, eigenvalues: object, *, nesterov: bool = False) -> float:
    r"""Asymptotic contraction factor of GD / heavy ball / Nesterov on a quadratic, from its iteration matrix.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).

    Along an eigenvector with Hessian eigenvalue $\lambda$, one step maps $(x, v)$ linearly:

    $$
    \text{heavy ball: }\begin{pmatrix} 1-\alpha\lambda & \rho \\ -\alpha\lambda & \rho \end{pmatrix},\qquad
    \text{Nesterov: }\begin{pmatrix} 1-(1+\rho)\alpha\lambda & \rho^2 \\ -\alpha\lambda & \rho \end{pmatrix}
    $$

    and the rate is the largest spectral radius over the eigenvalues (`momentum=0` gives plain
    gradient descent, $\max_\lambda \lvert 1-\alpha\lambda\rvert$). Above 1 the method diverges.

    Parameters
    ----------
    lr
        Learning rate $\alpha > 0$.
    momentum
        $\rho \in [0, 1)$.
    eigenvalues
        Eigenvalues of the Hessian.
    nesterov
        Use Nesterov's matrix instead of the heavy ball's.

    Returns
    -------
    float
        The spectral radius: the asymptotic contraction factor per step.
    """
    lr = check_real("lr", lr, low=0.0, low_open=True)
    rho = check_real("momentum", momentum, low=0.0, high=1.0, high_open=True)
    lam = check_array("eigenvalues", eigenvalues).ravel()
    a = lr * lam
    top_left = 1.0 - (1.0 + rho) * a if nesterov else 1.0 - a
    top_right = rho * rho if nesterov else rho
    M = np.empty((lam.size, 2, 2))
    M[:, 0, 0], M[:, 0, 1], M[:, 1, 0], M[:, 1, 1] = top_left, top_right, -a, rho
    return float(np.abs(np.linalg.eigvals(M)).max())


def momentum_stability_limit(momentum: float, L: float, *, nesterov: bool = False) -> float:
    r"""Largest stable learning rate of the heavy ball or of Nesterov on a quadratic with largest eigenvalue $L$.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).

    In the assignment's parametrization (the matrices of `momentum_rate`), an eigenvalue $\lambda$ is
    stable while the characteristic polynomial has no root at $z=-1$ or beyond:

    $$
    \text{heavy ball: } \alpha\lambda < 2(1+\rho),\qquad
    \text{Nesterov: } \alpha\lambda < \frac{2(1+\rho)}{1+2\rho}
    $$

    so the limit is set by $\lambda = L$. With $\rho = 0$ both reduce to gradient descent's $2/L$.

    Parameters
    ----------
    momentum
        $\rho \in [0, 1)$.
    L
        Largest Hessian eigenvalue, $L > 0$.
    nesterov
        Nesterov's limit instead of the heavy ball's.

    Returns
    -------
    float
        The learning rate at which the method stops converging.
    """
    rho = check_real("momentum", momentum, low=0.0, high=1.0, high_open=True)
    L = check_real("L", L, low=0.0, low_open=True)
    limit = 2.0 * (1.0 + rho)
    return limit / ((1.0 + 2.0 * rho) * L) if nesterov else limit / L


def sgd_noise_floor(lr: float, eigenvalues: object, sigma: float) -> tuple[float, float]:
    r"""Stationary loss and rms distance of SGD with gradient noise on $f(x) = \tfrac12 x^\top H x$.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).

    With the gradient $Hx + \sigma\xi$, $\xi \sim \mathcal N(0, I)$, each eigen-coordinate follows
    $c_{t+1} = (1-\alpha\lambda)c_t - \alpha\sigma\xi_t$, whose stationary variance is
    $\alpha\sigma^2/(\lambda(2-\alpha\lambda))$. Hence

    $$
    \mathbb E f = \sum_i \frac{\alpha\sigma^2}{2(2-\alpha\lambda_i)},\qquad
    \sqrt{\mathbb E\lVert x\rVert^2} = \Bigl(\sum_i \frac{\alpha\sigma^2}{\lambda_i(2-\alpha\lambda_i)}\Bigr)^{1/2}
    $$

    For small $\alpha$ the loss floor is proportional to $\alpha$ and the rms distance to $\sqrt\alpha$.

    Parameters
    ----------
    lr
        Learning rate, $0 < \alpha < 2/\lambda_{\max}$.
    eigenvalues
        Hessian eigenvalues, all positive.
    sigma
        Noise scale $\sigma \ge 0$.

    Returns
    -------
    loss, rms
        The expected loss and the root-mean-square distance to the minimum.
    """
    lr = check_real("lr", lr, low=0.0, low_open=True)
    lam = check_array("eigenvalues", eigenvalues).ravel()
    sigma = check_real("sigma", sigma, low=0.0)
    if lam.size == 0 or np.any(lam <= 0):
        raise ValueError("eigenvalues must be positive")
    if lr * lam.max() >= 2.0:
        raise ValueError(f"lr must be below 2/max(eigenvalues) = {2.0 / lam.max():g} for a stationary state, got {lr:g}")
    var = lr * sigma**2 / (lam * (2.0 - lr * lam))
    return float(np.sum(0.5 * lam * var)), float(np.sqrt(np.sum(var)))
