"""Synthetic data for the regularization examples: a sparse linear model and polynomial features.

Introduced in: [Regularization, Normalization](https://studynotes.github.io/studynotes/en/posts/regularization-normalization/).
"""

from __future__ import annotations

import numpy as np

from .._validate import check_array, check_int, check_real, check_rng, check_size

__all__ = ["make_sparse_regression", "orthonormal_design", "polynomial_features", "make_sine_data"]


def make_sparse_regression(
    n_samples: int,
    n_features: int,
    n_nonzero: int,
    rng: np.random.Generator,
    *,
    noise: float = 1.0,
    correlation: float = 0.3,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""Draw $y = X\beta + \varepsilon$ where only ``n_nonzero`` entries of $\beta$ are non-zero.

    Rows of $X$ are Gaussian with unit variances and equal pairwise correlation
    ``correlation``; the columns are then standardized (mean 0, standard deviation 1), as a
    penalized fit expects. The non-zero coefficients are the first ``n_nonzero``, with magnitudes
    evenly spaced from 3 down to 0.5 and alternating signs. $\varepsilon \sim N(0, \text{noise}^2)$.

    Introduced in: [Regularization, Normalization](https://studynotes.github.io/studynotes/en/posts/regularization-normalization/).

    Returns
    -------
    X, y, beta
        Design ``(n_samples, n_features)``, target ``(n_samples,)``, true coefficients ``(n_features,)``.
    """
    n_samples = check_int("n_samples", n_samples, minimum=2)
    n_features = check_int("n_features", n_features, minimum=1)
    check_size("n_samples * n_features", n_samples, n_features)
    n_nonzero = check_int("n_nonzero", n_nonzero, minimum=0)
    if n_nonzero > n_features:
        raise ValueError(f"n_nonzero must be <= n_features={n_features}, got {n_nonzero}")
    noise = check_real("noise", noise, low=0.0)
    correlation = check_real("correlation", correlation, low=0.0, high=1.0, high_open=True)
    rng = check_rng("rng", rng)
    shared = rng.standard_normal((n_samples, 1))
    X = np.sqrt(correlation) * shared + np.sqrt(1 - correlation) * rng.standard_normal((n_samples, n_features))
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    beta = np.zeros(n_features)
    beta[:n_nonzero] = np.linspace(3.0, 0.5, n_nonzero) * np.where(np.arange(n_nonzero) % 2 == 0, 1.0, -1.0)
    y = X @ beta + noise * rng.standard_normal(n_samples)
    return X, y, beta


def orthonormal_design(n_samples: int, n_features: int, rng: np.random.Generator) -> np.ndarray:
    r"""A design with centered columns and $X^\top X / N = I$, where the Lasso and Ridge have closed forms.

    With OLS estimates $b_j = x_j^\top (y - \bar y)/N$, the post's objectives give
    $\hat\beta^{\text{lasso}}_j = \operatorname{sign}(b_j)(|b_j| - \lambda)_+$ and
    $\hat\beta^{\text{ridge}}_j = b_j / (1 + 2\lambda)$.
    Built from the QR decomposition of a centered Gaussian matrix, scaled by $\sqrt N$.

    Introduced in: [Regularization, Normalization](https://studynotes.github.io/studynotes/en/posts/regularization-normalization/).
    """
    n_samples = check_int("n_samples", n_samples, minimum=2)
    n_features = check_int("n_features", n_features, minimum=1)
    check_size("n_samples * n_features", n_samples, n_features)
    if n_features >= n_samples:
        raise ValueError(f"n_features must be < n_samples={n_samples} (centered columns), got {n_features}")
    rng = check_rng("rng", rng)
    A = rng.standard_normal((n_samples, n_features))
    Q, _ = np.linalg.qr(A - A.mean(axis=0))
    return Q * np.sqrt(n_samples)


def polynomial_features(x: object, degree: int) -> np.ndarray:
    r"""Columns $x, x^2, \dots, x^d$ (no constant column: the intercept is fitted separately).

    Introduced in: [Regularization, Normalization](https://studynotes.github.io/studynotes/en/posts/regularization-normalization/).
    """
    x = check_array("x", x, ndim=1)
    degree = check_int("degree", degree, minimum=1)
    check_size("len(x) * degree", x.size, degree)
    return x[:, None] ** np.arange(1, degree + 1)


def make_sine_data(n: int, rng: np.random.Generator, *, noise: float = 0.2, low: float = -1.0, high: float = 1.0) -> tuple[np.ndarray, np.ndarray]:
    r"""Draw ``n`` points $x \sim U(\text{low}, \text{high})$, $y = \sin(\pi x) + N(0, \text{noise}^2)$, sorted by $x$.

    Introduced in: [Regularization, Normalization](https://studynotes.github.io/studynotes/en/posts/regularization-normalization/).
    """
    n = check_int("n", n, minimum=1)
    check_size("n", n)
    rng = check_rng("rng", rng)
    noise = check_real("noise", noise, low=0.0)
    low = check_real("low", low)
    high = check_real("high", high)
    if not high > low:
        raise ValueError(f"high must be > low, got low={low}, high={high}")
    x = np.sort(rng.uniform(low, high, n))
    return x, np.sin(np.pi * x) + noise * rng.standard_normal(n)
