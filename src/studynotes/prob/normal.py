"""The normal distribution: density, CDF, MGF, and sums of independent normals.

Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/).
"""

from __future__ import annotations

import math

import numpy as np

from .._validate import check_finite_array, check_real, check_rng
from .montecarlo import check_draws

__all__ = [
    "normal_pdf",
    "normal_cdf",
    "normal_mgf",
    "empirical_mgf",
    "sum_of_independent_normals",
    "expected_abs_normal",
    "expected_abs_diff_iid_normals",
    "sample_abs_diff_iid_normals",
]

_erfc = np.vectorize(math.erfc, otypes=[float])


def normal_pdf(x: object, mu: float = 0.0, var: float = 1.0) -> np.ndarray:
    r"""Density of $N(\mu, \sigma^2)$: $\frac{1}{\sqrt{2\pi\sigma^2}}e^{-(x-\mu)^2/(2\sigma^2)}$.

    Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/).

    Parameters
    ----------
    x
        Points (any shape, finite).
    mu
        Mean.
    var
        Variance $\sigma^2 > 0$ (not the standard deviation).
    """
    x = check_finite_array("x", x)
    mu = check_real("mu", mu)
    var = check_real("var", var, low=0.0, low_open=True)
    return np.exp(-((x - mu) ** 2) / (2 * var)) / math.sqrt(2 * math.pi * var)


def normal_cdf(x: object, mu: float = 0.0, var: float = 1.0) -> np.ndarray:
    r"""CDF of $N(\mu, \sigma^2)$: $\Phi\big((x-\mu)/\sigma\big) = \tfrac12\operatorname{erfc}\big(-\tfrac{x-\mu}{\sigma\sqrt2}\big)$.

    Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/).

    The complementary error function keeps the lower tail accurate to a relative $10^{-13}$ or so
    down to the smallest float (about $x-\mu = -37.5\sigma$); the textbook form
    $\tfrac12(1+\operatorname{erf})$ loses the lower tail to cancellation (2% off at $-8\sigma$, 0 at $-10\sigma$).
    For an upper tail $1-\Phi(z)$, call it at $-z$ (symmetry) rather than subtracting.
    """
    x = check_finite_array("x", x)
    mu = check_real("mu", mu)
    var = check_real("var", var, low=0.0, low_open=True)
    return 0.5 * _erfc(-(x - mu) / math.sqrt(2 * var))


def normal_mgf(t: object, mu: float = 0.0, var: float = 1.0) -> np.ndarray:
    r"""MGF of $N(\mu, \sigma^2)$: $M(t) = E(e^{tX}) = e^{\mu t + \sigma^2 t^2/2}$.

    Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/).
    """
    t = check_finite_array("t", t)
    mu = check_real("mu", mu)
    var = check_real("var", var, low=0.0)
    return np.exp(mu * t + var * t**2 / 2)


def empirical_mgf(samples: object, t: float) -> float:
    r"""Sample estimate of the MGF, $\frac1n\sum_i e^{t x_i}$.

    Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/).
    """
    x = check_finite_array("samples", samples, ndim=1)
    t = check_real("t", t)
    if x.size == 0:
        raise ValueError("samples must not be empty")
    return float(np.mean(np.exp(t * x)))


def sum_of_independent_normals(
    mu1: float, var1: float, mu2: float, var2: float, sign: int = 1
) -> tuple[float, float]:
    r"""Mean and variance of $X \pm Y$ for independent $X\sim N(\mu_1,\sigma_1^2)$, $Y\sim N(\mu_2,\sigma_2^2)$.

    Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/).

    The product of the MGFs is again a normal MGF,

    $$
    M_{X+Y}(t) = e^{\mu_1 t+\sigma_1^2t^2/2}\,e^{\mu_2 t+\sigma_2^2t^2/2}
    = e^{(\mu_1+\mu_2)t+(\sigma_1^2+\sigma_2^2)t^2/2},
    $$

    and since $-Y\sim N(-\mu_2,\sigma_2^2)$, the difference has mean $\mu_1-\mu_2$ while the
    variances still **add**.

    Parameters
    ----------
    mu1, var1, mu2, var2
        Means and variances (variances >= 0).
    sign
        ``+1`` for $X+Y$, ``-1`` for $X-Y$.

    Returns
    -------
    (mean, variance)
    """
    mu1, mu2 = check_real("mu1", mu1), check_real("mu2", mu2)
    var1 = check_real("var1", var1, low=0.0)
    var2 = check_real("var2", var2, low=0.0)
    if sign not in (1, -1):
        raise ValueError(f"sign must be +1 or -1, got {sign!r}")
    return mu1 + sign * mu2, var1 + var2


def expected_abs_normal(var: float = 1.0) -> float:
    r"""$E|X|$ for $X\sim N(0,\sigma^2)$: $\sigma\sqrt{2/\pi}$ (about 0.798 for $\sigma=1$).

    Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/).
    """
    var = check_real("var", var, low=0.0)
    return math.sqrt(var) * math.sqrt(2 / math.pi)


def expected_abs_diff_iid_normals() -> float:
    r"""$E|Z_1-Z_2|$ for i.i.d. $N(0,1)$.

    Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/).

    $Z_1-Z_2\sim N(0,2)$, i.e. $\sqrt2 Z$, so
    $E|Z_1-Z_2| = \sqrt2\,E|Z| = \sqrt2\sqrt{2/\pi} = 2/\sqrt\pi \approx 1.128$.
    """
    return expected_abs_normal(2.0)


def sample_abs_diff_iid_normals(n: int, rng: np.random.Generator) -> np.ndarray:
    """Draw ``n`` values of $|Z_1 - Z_2|$ with $Z_1, Z_2$ i.i.d. standard normal.

    Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/).
    """
    n = check_draws("n", n, per_draw=2)
    rng = check_rng("rng", rng)
    z = rng.standard_normal((2, n))
    return np.abs(z[0] - z[1])
