r"""Exact PMFs and CDFs of discrete distributions, with Stat 110's conventions.

Stat 110 and the libraries name the same distributions differently:

| Stat 110 | NumPy ``Generator`` | SciPy ``scipy.stats`` |
|---|---|---|
| $\mathrm{Bin}(n,p)$ | ``binomial(n, p)`` | ``binom(n, p)`` |
| $\mathrm{HGeom}(w,b,n)$ | ``hypergeometric(w, b, n)`` | ``hypergeom(M=w+b, n=w, N=n)`` |
| $\mathrm{Geom}(p)$ | ``geometric(p) - 1`` | ``geom(p, loc=-1)`` |
| $\mathrm{NBin}(r,p)$ | ``negative_binomial(r, p)`` | ``nbinom(r, p)`` |
| $\mathrm{FS}(p)$ | ``geometric(p)`` | ``geom(p)`` |

Geometric counts *failures* before the first success (support $0, 1, \dots$), First
Success counts *trials* up to and including it (support $1, 2, \dots$).

Introduced in: [20. Multinomial and Cauchy](../posts/stat110-lecture-20.md) (marginals of a multinomial are binomial);
extended in: 4~10강 Review (Lectures 4-10 Review).
"""

from __future__ import annotations

import math
import numbers

import numpy as np

from .._validate import check_int, check_probability

__all__ = [
    "binomial_pmf",
    "binomial_cdf",
    "hypergeometric_pmf",
    "hypergeometric_cdf",
    "geometric_pmf",
    "geometric_cdf",
    "negative_binomial_pmf",
    "first_success_pmf",
]


def binomial_pmf(k: object, n: int, p: float) -> np.ndarray:
    r"""PMF of $\mathrm{Bin}(n, p)$: $P(X=k) = \binom nk p^k q^{n-k}$, zero outside $0..n$.

    Introduced in: [20. Multinomial and Cauchy](../posts/stat110-lecture-20.md).

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
    k_arr = _points(k)
    flat = [
        math.comb(n, int(j)) * p ** int(j) * (1 - p) ** (n - int(j)) if 0 <= j <= n else 0.0
        for j in k_arr.ravel()
    ]
    return np.asarray(flat, dtype=float).reshape(k_arr.shape)


_comb = np.frompyfunc(math.comb, 2, 1)


def check_count(name: str, value: object, *, minimum: int = 0) -> int:
    r"""Return a count as ``int``; a real number that is not an integer (2.5, 3.0) is a ValueError.

    Introduced in: [Lectures 4-10 Review](../posts/stat110-lectures-4-10.md).
    """
    if isinstance(value, numbers.Real) and not isinstance(value, (numbers.Integral, bool)):
        raise ValueError(f"{name} must be an integer >= {minimum}, got {value!r}")
    return check_int(name, value, minimum=minimum)


def _points(k: object) -> np.ndarray:
    k_arr = np.asarray(k)
    if not np.issubdtype(k_arr.dtype, np.integer):
        raise TypeError(f"k must hold integers, got dtype {k_arr.dtype}")
    return k_arr.astype(np.int64)


def _comb_array(n: object, k: object) -> np.ndarray:
    r"""Exact binomial coefficients (zero where k < 0 or k > n), as floats.

    Introduced in: [Lectures 4-10 Review](../posts/stat110-lectures-4-10.md).
    """
    n, k = np.broadcast_arrays(np.asarray(n, dtype=np.int64), np.asarray(k, dtype=np.int64))
    ok = (k >= 0) & (k <= n)
    out = np.zeros(n.shape, dtype=float)
    if ok.any():
        out[ok] = _comb(n[ok].astype(object), k[ok].astype(object)).astype(float)
    return out


def _cdf_from_pmf(x: object, pmf, lowest: int) -> np.ndarray:
    r"""$F(x)=\\sum_{k\\le x} P(X=k)$ at real points ``x`` (a step function, right-continuous).

    Introduced in: [Lectures 4-10 Review](../posts/stat110-lectures-4-10.md).
    """
    x_arr = np.asarray(x, dtype=float)
    if not np.all(np.isfinite(x_arr)):
        raise ValueError("x must contain only finite values")
    top = int(np.floor(x_arr.max())) if x_arr.size else lowest
    support = np.arange(lowest, max(top, lowest) + 1)
    cum = np.cumsum(pmf(support))
    idx = np.floor(x_arr).astype(np.int64) - lowest
    return np.where(idx < 0, 0.0, cum[np.clip(idx, 0, cum.size - 1)])


def binomial_cdf(x: object, n: int, p: float) -> np.ndarray:
    r"""CDF of $\mathrm{Bin}(n, p)$: $F(x) = \sum_{k \le x} \binom nk p^k q^{n-k}$ for real $x$.

    Introduced in: [Lectures 4-10 Review](../posts/stat110-lectures-4-10.md).

    Same as ``scipy.stats.binom.cdf(x, n, p)``.
    """
    n = check_count("n", n)
    p = check_probability("p", p)
    return np.minimum(_cdf_from_pmf(x, lambda k: binomial_pmf(k, n, p), 0), 1.0)


def hypergeometric_pmf(k: object, w: int, b: int, n: int) -> np.ndarray:
    r"""PMF of $\mathrm{HGeom}(w, b, n)$: white balls among ``n`` drawn without replacement from ``w`` white and ``b`` black.

    Introduced in: [Lectures 4-10 Review](../posts/stat110-lectures-4-10.md).

    $$
    P(X=k) = \frac{\binom wk\binom b{n-k}}{\binom{w+b}n}
    $$

    It sums to 1 by Vandermonde's identity $\sum_k\binom wk\binom b{n-k}=\binom{w+b}n$.
    NumPy: ``rng.hypergeometric(ngood=w, nbad=b, nsample=n)``; SciPy: ``hypergeom.pmf(k, M=w+b, n=w, N=n)``.

    Parameters
    ----------
    k
        Integer point(s); the PMF is zero outside $\max(0, n-b)..\min(w, n)$.
    w, b
        Numbers of white and black balls (integers >= 0).
    n
        Sample size, an integer in $0..w+b$.
    """
    w = check_count("w", w)
    b = check_count("b", b)
    n = check_count("n", n)
    if n > w + b:
        raise ValueError(f"n must be <= w + b = {w + b}, got {n}")
    k_arr = _points(k)
    return _comb_array(w, k_arr) * _comb_array(b, n - k_arr) / math.comb(w + b, n)


def hypergeometric_cdf(x: object, w: int, b: int, n: int) -> np.ndarray:
    r"""CDF of $\mathrm{HGeom}(w, b, n)$ at real points ``x``.

    Introduced in: [Lectures 4-10 Review](../posts/stat110-lectures-4-10.md).
    """
    hypergeometric_pmf(0, w, b, n)  # validates the parameters
    return np.minimum(_cdf_from_pmf(x, lambda k: hypergeometric_pmf(k, w, b, n), 0), 1.0)


def _check_success_probability(p: object) -> float:
    p = check_probability("p", p)
    if p == 0.0:
        raise ValueError("p must be in (0, 1]: with p = 0 the first success never comes")
    return p


def geometric_pmf(k: object, p: float) -> np.ndarray:
    r"""PMF of $\mathrm{Geom}(p)$, the number of **failures** before the first success.

    Introduced in: [Lectures 4-10 Review](../posts/stat110-lectures-4-10.md).

    $$
    P(X=k) = q^k p,\quad k = 0, 1, 2, \dots,\qquad E(X) = \frac qp
    $$

    NumPy's ``rng.geometric(p)`` counts trials instead (First Success), so ``rng.geometric(p) - 1``
    is $\mathrm{Geom}(p)$; in SciPy it is ``geom(p, loc=-1)``.

    Parameters
    ----------
    k
        Integer point(s); zero for $k < 0$.
    p
        Success probability in $(0, 1]$.
    """
    p = _check_success_probability(p)
    k_arr = _points(k)
    return np.where(k_arr >= 0, p * (1.0 - p) ** np.maximum(k_arr, 0), 0.0)


def geometric_cdf(x: object, p: float) -> np.ndarray:
    r"""CDF of $\mathrm{Geom}(p)$: $F(x) = 1 - q^{\lfloor x\rfloor + 1}$ for $x \ge 0$, else 0.

    Introduced in: [Lectures 4-10 Review](../posts/stat110-lectures-4-10.md).
    """
    p = _check_success_probability(p)
    x_arr = np.asarray(x, dtype=float)
    if not np.all(np.isfinite(x_arr)):
        raise ValueError("x must contain only finite values")
    return np.where(x_arr >= 0, 1.0 - (1.0 - p) ** (np.floor(np.maximum(x_arr, 0)) + 1), 0.0)


def negative_binomial_pmf(k: object, r: int, p: float) -> np.ndarray:
    r"""PMF of $\mathrm{NBin}(r, p)$, the number of failures before the ``r``-th success.

    Introduced in: [Lectures 4-10 Review](../posts/stat110-lectures-4-10.md).

    $$
    P(X=n) = \binom{n+r-1}{r-1} p^r q^n,\quad n = 0, 1, \dots,\qquad E(X) = \frac{rq}{p}
    $$

    Same convention as NumPy's ``rng.negative_binomial(r, p)`` and SciPy's ``nbinom(r, p)``.
    $\mathrm{NBin}(1, p) = \mathrm{Geom}(p)$.

    Parameters
    ----------
    k
        Integer point(s) (numbers of failures).
    r
        Number of successes to wait for, an integer >= 1.
    p
        Success probability in $(0, 1]$.
    """
    r = check_count("r", r, minimum=1)
    p = _check_success_probability(p)
    k_arr = _points(k)
    kk = np.maximum(k_arr, 0)
    return np.where(k_arr >= 0, _comb_array(kk + r - 1, r - 1) * p**r * (1.0 - p) ** kk, 0.0)


def first_success_pmf(k: object, p: float) -> np.ndarray:
    r"""PMF of $\mathrm{FS}(p)$, the number of **trials** up to and including the first success.

    Introduced in: [Lectures 4-10 Review](../posts/stat110-lectures-4-10.md).

    $$
    P(Y=k) = q^{k-1} p,\quad k = 1, 2, \dots,\qquad E(Y) = \frac1p
    $$

    $Y = X + 1$ with $X \sim \mathrm{Geom}(p)$. NumPy: ``rng.geometric(p)``; SciPy: ``geom(p)``.
    """
    k_arr = _points(k)
    return geometric_pmf(k_arr - 1, p)
