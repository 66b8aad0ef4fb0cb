"""Monte Carlo estimates that carry their own standard error.

Introduced in: [20. Multinomial and Cauchy](../posts/stat110-lecture-20.md).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from .._validate import check_finite_array

__all__ = ["Estimate", "mc_estimate", "running_mean"]


class Estimate(NamedTuple):
    """A Monte Carlo estimate: the sample mean ``value``, its standard error ``se`` and the sample size ``n``.

    Introduced in: [20. Multinomial and Cauchy](../posts/stat110-lecture-20.md).
    """

    value: float
    se: float
    n: int

    def agrees_with(self, exact: float, k: float = 4.0) -> bool:
        """True if ``exact`` lies within ``k`` standard errors of the estimate."""
        return abs(self.value - exact) <= k * self.se

    def __str__(self) -> str:
        return f"{self.value:.4f} ± {self.se:.4f}"


def mc_estimate(samples: object) -> Estimate:
    r"""Estimate $E[X]$ from i.i.d. draws with the standard error $s/\sqrt{n}$.

    Introduced in: [20. Multinomial and Cauchy](../posts/stat110-lecture-20.md).

    $$
    \hat\mu = \frac1n\sum_{i=1}^n x_i,\qquad
    \widehat{\mathrm{se}} = \frac{1}{\sqrt n}\sqrt{\frac{1}{n-1}\sum_{i=1}^n (x_i-\hat\mu)^2}
    $$

    For a probability, pass the 0/1 indicator draws.

    Parameters
    ----------
    samples
        One-dimensional array of at least two finite draws.

    Returns
    -------
    Estimate
    """
    x = check_finite_array("samples", samples, ndim=1)
    if x.size < 2:
        raise ValueError(f"samples must hold at least 2 draws, got {x.size}")
    return Estimate(float(x.mean()), float(x.std(ddof=1) / np.sqrt(x.size)), int(x.size))


def running_mean(samples: object) -> np.ndarray:
    r"""Running averages $\bar x_k = \frac1k\sum_{i\le k} x_i$ for $k = 1..n$.

    Introduced in: [20. Multinomial and Cauchy](../posts/stat110-lecture-20.md) (the Cauchy's running mean never settles).
    """
    x = check_finite_array("samples", samples, ndim=1)
    return np.cumsum(x) / np.arange(1, x.size + 1)
