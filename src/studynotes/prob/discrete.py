"""Exact PMFs of discrete distributions, with Stat 110's conventions.

Introduced in: [20. Multinomial and Cauchy](../posts/stat110-lecture-20/) (marginals of a multinomial are binomial).
"""

from __future__ import annotations

import math

import numpy as np

from .._validate import check_int, check_probability

__all__ = ["binomial_pmf"]


def binomial_pmf(k: object, n: int, p: float) -> np.ndarray:
    r"""PMF of $\mathrm{Bin}(n, p)$: $P(X=k) = \binom nk p^k q^{n-k}$, zero outside $0..n$.

    Introduced in: [20. Multinomial and Cauchy](../posts/stat110-lecture-20/).

    Same convention as ``scipy.stats.binom.pmf(k, n, p)``.

    Parameters
    ----------
    k
        Integer point(s).
    n
        Number of trials, >= 0.
    p
        Success probability in [0, 1].
    """
    n = check_int("n", n, minimum=0)
    p = check_probability("p", p)
    k_arr = np.asarray(k)
    if not np.issubdtype(k_arr.dtype, np.integer):
        raise TypeError(f"k must hold integers, got dtype {k_arr.dtype}")
    flat = [
        math.comb(n, int(j)) * p ** int(j) * (1 - p) ** (n - int(j)) if 0 <= j <= n else 0.0
        for j in k_arr.ravel()
    ]
    return np.asarray(flat, dtype=float).reshape(k_arr.shape)
