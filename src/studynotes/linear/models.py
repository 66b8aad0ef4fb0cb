r"""Penalized least squares: Lasso by coordinate descent, Ridge in closed form, and their paths.

Both use the objective of the post, with the residual sum of squares scaled by $1/(2N)$
and the intercept $\beta_0$ left out of the penalty:

$$
\frac{1}{2N}\sum_{i=1}^{N}\Big(y_i-\beta_0-\sum_{j=1}^{p}x_{ij}\beta_j\Big)^2 + \lambda\,R(\beta),
\qquad R(\beta) = \|\beta\|_1 \text{ (Lasso) or } \|\beta\|_2^2 \text{ (Ridge)}.
$$

Introduced in: [Regularization, Normalization](https://studynotes.github.io/studynotes/en/posts/regularization-normalization/).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np

from .._validate import check_array, check_int, check_real, check_size
from ._checks import center, check_design, check_lam, check_lams
from .data import polynomial_features
from .scaling import StandardScaler

__all__ = [
    "LinearFit",
    "soft_threshold",
    "ols",
    "lasso",
    "elastic_net",
    "elastic_net_kkt_violation",
    "lasso_lambda_max",
    "lasso_kkt_violation",
    "lasso_path",
    "ridge",
    "ridge_path",
    "lambda_grid",
    "polynomial_ridge_predict",
]


@dataclass(frozen=True)
class LinearFit:
    """A fitted linear model $\\hat y = \\beta_0 + X\\beta$, as returned by `ols`, `lasso` and `ridge`.

    Introduced in: [Regularization, Normalization](https://studynotes.github.io/studynotes/en/posts/regularization-normalization/).

    Attributes
    ----------
    coef
        $\\beta$, shape ``(p,)``.
    intercept
        $\\beta_0$ (0 when no intercept was fitted).
    lam
        The penalty strength $\\lambda$ used (0 for least squares).
    n_iter
        Coordinate-descent sweeps (0 for closed forms).
    converged
        Whether the stopping rule was met within ``max_iter`` sweeps (always true for closed forms).
    """

    coef: np.ndarray
    intercept: float
    lam: float
    n_iter: int = 0
    converged: bool = True

    def predict(self, X: object) -> np.ndarray:
        """Predictions $\\beta_0 + X\\beta$ for the rows of ``X``."""
        X = check_array("X", X, ndim=2)
        if X.shape[1] != self.coef.size:
            raise ValueError(f"X must have {self.coef.size} columns, got {X.shape[1]}")
        return X @ self.coef + self.intercept


def soft_threshold(z: object, t: float) -> np.ndarray:
    r"""Soft-thresholding $S(z, t) = \operatorname{sign}(z)\,(|z| - t)_+$, the proximal map of $t|\cdot|$.

    It solves $\min_b \tfrac12 (b - z)^2 + t|b|$: values within $t$ of zero become
    exactly zero, the rest move toward zero by $t$.

    Introduced in: [Regularization, Normalization](https://studynotes.github.io/studynotes/en/posts/regularization-normalization/).

    Parameters
    ----------
    z
        Values (any shape, finite).
    t
        Threshold $t \ge 0$.
    """
    z = check_array("z", z)
    t = check_lam(t, "t")
    return np.sign(z) * np.maximum(np.abs(z) - t, 0.0) + 0.0  # no negative zeros


def ols(X: object, y: object, *, fit_intercept: bool = True) -> LinearFit:
    r"""Ordinary least squares, the objective without its penalty term: $\min \frac{1}{2N}\|y - \beta_0 - X\beta\|^2$.

    Solved by `numpy.linalg.lstsq` on the centered data (the minimum-norm solution when
    $X$ is rank deficient). Same as scikit-learn's ``LinearRegression``.

    Introduced in: [Regularization, Normalization](https://studynotes.github.io/studynotes/en/posts/regularization-normalization/).
    """
    X, y = check_design(X, y)
    Xc, yc, x_mean, y_mean = center(X, y, fit_intercept)
    coef = np.linalg.lstsq(Xc, yc, rcond=None)[0]
    return LinearFit(coef, y_mean - float(x_mean @ coef), 0.0)


def lasso_lambda_max(X: object, y: object, *, fit_intercept: bool = True) -> float:
    r"""The smallest $\lambda$ at which every Lasso coefficient is zero: $\lambda_{\max} = \max_j |x_j^\top (y - \bar y)| / N$.

    At $\beta = 0$ the residual is $y - \bar y$ (just the intercept), and zero is optimal
    exactly when every $|x_j^\top r| / N \le \lambda$ (columns centered when an intercept is fitted).
    For the objective $\frac{1}{2N}\lVert y - \beta_0 - X\beta\rVert_2^2 + \lambda\lVert\beta\rVert_1$ of `lasso`;
    in scikit-learn's ``Lasso`` it is the smallest ``alpha`` with an all-zero fit.

    Introduced in: [Regularization, Normalization](https://studynotes.github.io/studynotes/en/posts/regularization-normalization/).
    """
    X, y = check_design(X, y)
    Xc, yc, _, _ = center(X, y, fit_intercept)
    return float(np.max(np.abs(Xc.T @ yc)) / X.shape[0])


def lasso_kkt_violation(X: object, y: object, fit: LinearFit, *, fit_intercept: bool = True) -> float:
    r"""Largest violation of the Lasso optimality (KKT) conditions by ``fit``.

    With $r = y - \beta_0 - X\beta$ and $g_j = x_j^\top r / N$, a solution satisfies
    $g_j = \lambda\operatorname{sign}(\beta_j)$ where $\beta_j \ne 0$ and
    $|g_j| \le \lambda$ where $\beta_j = 0$. Returns the largest amount by which any
    coordinate misses its condition (0 at an exact solution).

    Introduced in: [Regularization, Normalization](https://studynotes.github.io/studynotes/en/posts/regularization-normalization/).
    """
    X, y = check_design(X, y)
    Xc, yc, _, _ = center(X, y, fit_intercept)
    g = Xc.T @ (yc - Xc @ fit.coef) / X.shape[0]
    nz = fit.coef != 0
    viol = np.where(nz, np.abs(g - fit.lam * np.sign(fit.coef)), np.maximum(np.abs(g) - fit.lam, 0.0))
    return float(viol.max())


def _lasso_cd(
    G: np.ndarray, c: np.ndarray, lam: float, beta: np.ndarray, tol: float, max_iter: int, l2: float = 0.0
) -> tuple[np.ndarray, int, bool]:
    """Cyclic coordinate descent on 0.5 b'Gb - c'b + lam*|b|_1 + 0.5*l2*|b|^2 (G = X'X/N, c = X'y/N)."""
    diag = np.diag(G).copy()
    grad = c - G @ beta  # x_j' r / N for every j, kept up to date after each coordinate move
    scale = np.sqrt(diag * diag.max())
    active = diag > 0
    for sweep in range(1, max_iter + 1):
        biggest = 0.0
        for j in np.flatnonzero(active):
            old = beta[j]
            rho = grad[j] + diag[j] * old
            new = np.sign(rho) * max(abs(rho) - lam, 0.0) / (diag[j] + l2) + 0.0  # + 0.0 turns -0.0 into 0.0
            if new != old:
                grad -= G[:, j] * (new - old)
                beta[j] = new
                biggest = max(biggest, scale[j] * abs(new - old))
        if biggest < tol:
            return beta, sweep, True
    return beta, max_iter, False


def lasso(
    X: object,
    y: object,
    lam: float,
    *,
    fit_intercept: bool = True,
    tol: float = 1e-12,
    max_iter: int = 10_000,
    warm_start: object | None = None,
) -> LinearFit:
    r"""Lasso (L1-penalized least squares) by cyclic coordinate descent with soft-thresholding.

    $$
    \hat\beta^{\text{lasso}} = \arg\min_{\beta_0,\beta}\ \frac{1}{2N}\sum_{i=1}^{N}\Big(y_i-\beta_0-\sum_{j=1}^{p}x_{ij}\beta_j\Big)^2
    + \lambda\sum_{j=1}^{p}|\beta_j|
    $$

    The intercept is not penalized, so it is solved exactly by centering $X$ and $y$.
    Each step minimizes over one $\beta_j$ with the others fixed:
    $\beta_j \leftarrow S\big(x_j^\top r_{(j)}/N,\ \lambda\big) / (x_j^\top x_j / N)$, where
    $r_{(j)}$ is the residual without feature $j$ and $S$ is `soft_threshold`.
    The updates use the Gram matrix $X^\top X/N$, so a sweep costs $O(p^2)$.

    scikit-learn's ``Lasso(alpha=...)`` minimizes the same objective, so ``alpha`` equals $\lambda$.
    With $\lambda = 0$ the objective is plain least squares (see `ols`).

    Introduced in: [Regularization, Normalization](https://studynotes.github.io/studynotes/en/posts/regularization-normalization/).

    Parameters
    ----------
    X, y
        Design matrix ``(N, p)`` and target ``(N,)``, finite. Standardize the columns first:
        the penalty treats all coefficients alike, so it depends on the units of each feature.
    lam
        $\lambda \ge 0$. For $\lambda \ge$ `lasso_lambda_max` all coefficients are 0.
    fit_intercept
        Fit an unpenalized $\beta_0$ (default) or force it to 0.
    tol
        Stop when, in a full sweep, no coefficient moves the gradient of any coordinate by more
        than ``tol`` (changes are measured as $\sqrt{G_{jj}\max_k G_{kk}}\,|\Delta\beta_j|$).
    max_iter
        Maximum number of sweeps; a `RuntimeWarning` is issued if it is reached.
    warm_start
        Starting coefficients (for example the solution at a nearby $\lambda$), default zeros.

    Returns
    -------
    LinearFit
    """
    X, y = check_design(X, y)
    lam = check_lam(lam)
    tol = check_real("tol", tol, low=0.0, low_open=True)
    max_iter = check_int("max_iter", max_iter, minimum=1)
    p = X.shape[1]
    if warm_start is None:
        beta = np.zeros(p)
    else:
        beta = check_array("warm_start", warm_start, ndim=1).copy()
        if beta.size != p:
            raise ValueError(f"warm_start must have {p} entries (one per column of X), got {beta.size}")
    Xc, yc, x_mean, y_mean = center(X, y, fit_intercept)
    n = X.shape[0]
    beta, n_iter, ok = _lasso_cd(Xc.T @ Xc / n, Xc.T @ yc / n, lam, beta, tol, max_iter)
    if not ok:
        warnings.warn(f"lasso did not converge in max_iter={max_iter} sweeps (lam={lam})", RuntimeWarning, stacklevel=2)
    return LinearFit(beta, y_mean - float(x_mean @ beta), lam, n_iter, ok)


def elastic_net(
    X: object,
    y: object,
    lam: float,
    l1_ratio: float,
    *,
    fit_intercept: bool = True,
    tol: float = 1e-12,
    max_iter: int = 10_000,
) -> LinearFit:
    r"""Elastic net (L1 + L2 penalty) by cyclic coordinate descent.

    $$
    \hat\beta^{\text{enet}} = \arg\min_{\beta_0,\beta}\ \frac{1}{2N}\lVert y-\beta_0-X\beta\rVert_2^2
    + \lambda\Big(a\lVert\beta\rVert_1 + \frac{1-a}{2}\lVert\beta\rVert_2^2\Big)
    $$

    with $a$ = ``l1_ratio``: $a = 1$ is `lasso`, $a = 0$ is Ridge with strength $\lambda/2$ in the post's
    $\lambda\lVert\beta\rVert_2^2$ form. It is scikit-learn's ``ElasticNet(alpha=lam, l1_ratio=a)``.
    One coordinate step is $\beta_j \leftarrow S\big(x_j^\top r_{(j)}/N,\ \lambda a\big) / \big(x_j^\top x_j/N + \lambda(1-a)\big)$.
    The L2 part makes the objective strictly convex, so with two identical features the
    solution splits the weight equally between them, where the Lasso picks one.

    Introduced in: [Regularization, Normalization](https://studynotes.github.io/studynotes/en/posts/regularization-normalization/).

    Parameters
    ----------
    X, y
        Design ``(N, p)`` and target ``(N,)``, finite (standardize the columns first).
    lam
        $\lambda \ge 0$.
    l1_ratio
        $a \in [0, 1]$, the share of the L1 penalty.
    fit_intercept
        Fit an unpenalized $\beta_0$ (default) or force it to 0, as in `lasso`.
    tol
        Convergence tolerance of each sweep, as in `lasso`.
    max_iter
        Largest number of coordinate-descent sweeps, as in `lasso`.

    Returns
    -------
    LinearFit
        ``lam`` holds $\lambda$; check optimality with `elastic_net_kkt_violation`.
    """
    X, y = check_design(X, y)
    lam = check_lam(lam)
    a = check_real("l1_ratio", l1_ratio, low=0.0, high=1.0)
    tol = check_real("tol", tol, low=0.0, low_open=True)
    max_iter = check_int("max_iter", max_iter, minimum=1)
    Xc, yc, x_mean, y_mean = center(X, y, fit_intercept)
    n = X.shape[0]
    beta, n_iter, ok = _lasso_cd(Xc.T @ Xc / n, Xc.T @ yc / n, lam * a, np.zeros(X.shape[1]), tol, max_iter, lam * (1 - a))
    if not ok:
        warnings.warn(f"elastic_net did not converge in max_iter={max_iter} sweeps (lam={lam})", RuntimeWarning, stacklevel=2)
    return LinearFit(beta, y_mean - float(x_mean @ beta), lam, n_iter, ok)


def elastic_net_kkt_violation(X: object, y: object, fit: LinearFit, l1_ratio: float, *, fit_intercept: bool = True) -> float:
    r"""Largest violation of the elastic net's optimality (KKT) conditions by ``fit``.

    With $r = y - \beta_0 - X\beta$ and $g_j = x_j^\top r / N - \lambda(1-a)\beta_j$ (the smooth part's
    negative gradient), a solution satisfies $g_j = \lambda a\operatorname{sign}(\beta_j)$ where
    $\beta_j \ne 0$ and $|g_j| \le \lambda a$ where $\beta_j = 0$.

    Introduced in: [Regularization, Normalization](https://studynotes.github.io/studynotes/en/posts/regularization-normalization/).
    """
    X, y = check_design(X, y)
    if not isinstance(fit, LinearFit):
        raise TypeError(f"fit must be a LinearFit, got {type(fit).__name__}")
    a = check_real("l1_ratio", l1_ratio, low=0.0, high=1.0)
    if fit.coef.size != X.shape[1]:
        raise ValueError(f"fit has {fit.coef.size} coefficients but X has {X.shape[1]} columns")
    Xc, yc, _, _ = center(X, y, fit_intercept)
    g = Xc.T @ (yc - Xc @ fit.coef) / X.shape[0] - fit.lam * (1 - a) * fit.coef
    t = fit.lam * a
    viol = np.where(fit.coef != 0, np.abs(g - t * np.sign(fit.coef)), np.maximum(np.abs(g) - t, 0.0))
    return float(viol.max())


def lambda_grid(lam_max: float, n: int = 100, eps: float = 1e-3) -> np.ndarray:
    r"""A decreasing geometric grid from $\lambda_{\max}$ down to $\varepsilon\lambda_{\max}$ (``n`` values).

    Introduced in: [Regularization, Normalization](https://studynotes.github.io/studynotes/en/posts/regularization-normalization/).
    """
    lam_max = check_real("lam_max", lam_max, low=0.0, low_open=True)
    n = check_int("n", n, minimum=2)
    check_size("n", n)
    eps = check_real("eps", eps, low=0.0, high=1.0, low_open=True, high_open=True)
    return lam_max * np.geomspace(1.0, eps, n)


def lasso_path(
    X: object,
    y: object,
    lams: object,
    *,
    fit_intercept: bool = True,
    tol: float = 1e-12,
    max_iter: int = 10_000,
) -> np.ndarray:
    r"""Lasso coefficients along a path of $\lambda$ values, with warm starts.

    The values are solved from the largest $\lambda$ to the smallest, each starting from the
    previous solution (a nearby $\lambda$ has a nearby solution, so few sweeps are needed),
    and returned in the order given. Each row minimizes
    $\frac{1}{2N}\lVert y - \beta_0 - X\beta\rVert_2^2 + \lambda\lVert\beta\rVert_1$, as in `lasso`;
    scikit-learn's ``lasso_path`` takes the same values as ``alphas``.

    Introduced in: [Regularization, Normalization](https://studynotes.github.io/studynotes/en/posts/regularization-normalization/).

    Parameters
    ----------
    X, y
        Design ``(N, p)`` and target ``(N,)``.
    lams
        One-dimensional array of $\lambda \ge 0$, e.g. from `lambda_grid`.
    fit_intercept
        Fit an unpenalized $\beta_0$ (default) or force it to 0, as in `lasso`.
    tol
        Convergence tolerance of each sweep, as in `lasso`.
    max_iter
        Largest number of sweeps per $\lambda$.

    Returns
    -------
    numpy.ndarray
        Coefficients, shape ``(len(lams), p)``; row ``k`` belongs to ``lams[k]``.
    """
    X, y = check_design(X, y)
    lams = check_lams(lams)
    tol = check_real("tol", tol, low=0.0, low_open=True)
    max_iter = check_int("max_iter", max_iter, minimum=1)
    Xc, yc, _, _ = center(X, y, fit_intercept)
    n = X.shape[0]
    G, c = Xc.T @ Xc / n, Xc.T @ yc / n
    coefs = np.empty((lams.size, X.shape[1]))
    beta = np.zeros(X.shape[1])
    for k in np.argsort(-lams, kind="stable"):
        beta, _, ok = _lasso_cd(G, c, float(lams[k]), beta.copy(), tol, max_iter)
        if not ok:
            warnings.warn(f"lasso_path did not converge at lam={lams[k]}", RuntimeWarning, stacklevel=2)
        coefs[k] = beta
    return coefs


def ridge(X: object, y: object, lam: float, *, fit_intercept: bool = True) -> LinearFit:
    r"""Ridge (L2-penalized least squares) in closed form.

    $$
    \hat\beta^{\text{ridge}} = \arg\min_{\beta_0,\beta}\ \frac{1}{2N}\sum_{i=1}^{N}\Big(y_i-\beta_0-\sum_{j=1}^{p}x_{ij}\beta_j\Big)^2
    + \lambda\sum_{j=1}^{p}\beta_j^2
    = (X_c^\top X_c + 2N\lambda I)^{-1}X_c^\top y_c
    $$

    with centered $X_c, y_c$ (the intercept is not penalized). It is computed as the least-squares
    solution of the stacked system $[X_c;\ \sqrt{2N\lambda}\,I]\,\beta \approx [y_c;\ 0]$, which avoids
    forming $X^\top X$ and stays accurate for ill-conditioned designs such as polynomial features.

    scikit-learn's ``Ridge(alpha=...)`` minimizes $\|y - X\beta\|^2 + \alpha\|\beta\|^2$ without the
    $1/(2N)$, so ``alpha`` equals $2N\lambda$.

    Introduced in: [Regularization, Normalization](https://studynotes.github.io/studynotes/en/posts/regularization-normalization/).

    Parameters
    ----------
    X, y
        Design ``(N, p)`` and target ``(N,)``, finite.
    lam
        $\lambda \ge 0$ (0 gives least squares).
    fit_intercept
        Fit an unpenalized $\beta_0$ (default) or force it to 0.
    """
    X, y = check_design(X, y)
    lam = check_lam(lam)
    Xc, yc, x_mean, y_mean = center(X, y, fit_intercept)
    p = X.shape[1]
    A = np.vstack([Xc, np.sqrt(2 * X.shape[0] * lam) * np.eye(p)])
    b = np.concatenate([yc, np.zeros(p)])
    coef = np.linalg.lstsq(A, b, rcond=None)[0]
    return LinearFit(coef, y_mean - float(x_mean @ coef), lam)


def ridge_path(X: object, y: object, lams: object, *, fit_intercept: bool = True) -> np.ndarray:
    r"""Ridge coefficients for many $\lambda$ at once from one SVD, $X_c = U\,\mathrm{diag}(d)\,V^\top$.

    $$
    \hat\beta(\lambda) = V\,\mathrm{diag}\Big(\frac{d_k}{d_k^2 + 2N\lambda}\Big)\,U^\top y_c
    $$

    Each singular direction is shrunk by $d_k^2/(d_k^2 + 2N\lambda)$: smoothly, never to exactly 0.
    Each row minimizes $\frac{1}{2N}\lVert y - \beta_0 - X\beta\rVert_2^2 + \lambda\lVert\beta\rVert_2^2$, as in
    `ridge`; scikit-learn's ``Ridge(alpha=...)`` needs ``alpha`` $= 2N\lambda$.

    Introduced in: [Regularization, Normalization](https://studynotes.github.io/studynotes/en/posts/regularization-normalization/).

    Parameters
    ----------
    X, y
        Design ``(N, p)`` and target ``(N,)``, finite.
    lams
        One-dimensional array of $\lambda \ge 0$.
    fit_intercept
        As in `ridge`.

    Returns
    -------
    numpy.ndarray
        Coefficients, shape ``(len(lams), p)``.
    """
    X, y = check_design(X, y)
    lams = check_lams(lams)
    Xc, yc, _, _ = center(X, y, fit_intercept)
    U, d, Vt = np.linalg.svd(Xc, full_matrices=False)
    uy = U.T @ yc
    with np.errstate(divide="ignore", invalid="ignore"):
        shrink = d / (d**2 + 2 * X.shape[0] * lams[:, None])
    shrink = np.where(d > d.max() * 1e-12, shrink, 0.0)  # drop null directions (0/0 at lam = 0)
    return (shrink * uy) @ Vt


def polynomial_ridge_predict(x: object, y: object, x_new: object, *, degree: int, lams: object) -> np.ndarray:
    r"""Fit a degree-$d$ polynomial by Ridge for each $\lambda$ and predict at ``x_new``.

    The features $x, x^2, \dots, x^d$ are standardized with statistics of the training
    ``x`` only (the same scaler is applied to ``x_new``), then `ridge_path` fits the post's
    objective $\frac{1}{2N}\mathrm{RSS} + \lambda\|\beta\|_2^2$ with an unpenalized intercept.
    $\lambda = 0$ is plain least squares, which interpolates noise when $d$ is close to $N$.
    scikit-learn's ``Ridge(alpha=...)`` on the same standardized features needs ``alpha`` $= 2N\lambda$.

    Introduced in: [Regularization, Normalization](https://studynotes.github.io/studynotes/en/posts/regularization-normalization/).

    Parameters
    ----------
    x, y
        Training inputs and targets, one-dimensional, same length.
    x_new
        Inputs to predict at.
    degree
        Polynomial degree $d \ge 1$.
    lams
        Penalty strengths $\lambda \ge 0$.

    Returns
    -------
    numpy.ndarray
        Predictions, shape ``(len(lams), len(x_new))``.
    """
    x = check_array("x", x, ndim=1)
    x_new = check_array("x_new", x_new, ndim=1)
    F = polynomial_features(x, degree)
    check_design(F, y)
    scaler = StandardScaler().fit(F)
    Z = scaler.transform(F)
    coefs = ridge_path(Z, y, lams)
    # the columns of Z have mean 0 on the training set, so the intercept is mean(y)
    return coefs @ scaler.transform(polynomial_features(x_new, degree)).T + float(np.mean(y))
