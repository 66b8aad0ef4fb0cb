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

Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/) (marginals of a multinomial are binomial);
extended in: 4~10강 Review (Lectures 4-10 Review).
"""

from __future__ import annotations

import numbers

import numpy as np

from .._validate import check_finite_array, check_int, check_probability
from ._loader import log_dbinom

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

MAX_COUNT = 2**53
"""Largest count (n, w, b, r, k) the PMFs accept: integers above it are not exact as floats."""
MAX_CDF_TERMS = 10**7
"""Most PMF terms a CDF call sums (the support between its lowest value and the largest ``x``)."""


def binomial_pmf(k: object, n: int, p: float) -> np.ndarray:
    r"""PMF of $\mathrm{Bin}(n, p)$: $P(X=k) = \binom nk p^k q^{n-k}$, zero outside $0..n$.

    Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/).

    Same convention as ``scipy.stats.binom.pmf(k, n, p)``. Computed in log space by Loader's
    saddle-point form (Stirling's error plus deviance terms), so it stays accurate, to a relative
    $10^{-12}$ or better, for any $n \le 2^{53}$ and for values down to the smallest float,
    where $\binom nk$ alone would overflow and $p^k$ underflow.

    Parameters
    ----------
    k
        Integer point(s).
    n
        Number of trials, an integer in $0..2^{53}$.
    p
        Success probability in [0, 1].
    """
    n = check_count("n", n, maximum=MAX_COUNT)
    p = check_probability("p", p)
    k_arr = _points(k)
    return np.exp(log_dbinom(k_arr, n, p, 1.0 - p))




def check_count(name: str, value: object, *, minimum: int = 0, maximum: int | None = None) -> int:
    r"""Return a count as ``int``; a real number that is not an integer (2.5, 3.0) is a ValueError.

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).

    With ``maximum``, a larger count is a ValueError that states the limit.
    """
    if isinstance(value, numbers.Real) and not isinstance(value, (numbers.Integral, bool)):
        raise ValueError(f"{name} must be an integer >= {minimum}, got {value!r}")
    value = check_int(name, value, minimum=minimum)
    if maximum is not None and value > maximum:
        raise ValueError(f"{name} must be <= {maximum} (counts are computed in floating point), got {value}")
    return value


def _points(k: object) -> np.ndarray:
    try:
        k_arr = np.asarray(k)
    except ValueError as err:  # ragged nested sequences
        raise ValueError(f"k must be an integer or a rectangular array of integers: {err}") from None
    if k_arr.size == 0 and k_arr.dtype != object:
        return k_arr.astype(np.int64)
    if not np.issubdtype(k_arr.dtype, np.integer) or k_arr.dtype == bool:
        raise TypeError(f"k must hold integers, got dtype {k_arr.dtype}")
    return k_arr.astype(np.int64)


def _cdf_from_pmf(x: object, pmf, lowest: int, highest: int) -> np.ndarray:
    r"""$F(x)=\\sum_{k\\le x} P(X=k)$ at real points ``x`` (a step function, right-continuous).

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).

    The support ends at ``highest``: above it the CDF is 1 and no term is computed.
    """
    x_arr = check_finite_array("x", x)
    top = int(np.floor(min(x_arr.max(), highest))) if x_arr.size else lowest
    if top - lowest + 1 > MAX_CDF_TERMS:
        raise ValueError(f"x must be below {lowest + MAX_CDF_TERMS}: the CDF sums at most {MAX_CDF_TERMS} PMF terms")
    support = np.arange(lowest, max(top, lowest) + 1)
    cum = np.cumsum(pmf(support))
    idx = np.floor(x_arr).astype(np.int64) - lowest
    return np.where(idx < 0, 0.0, cum[np.clip(idx, 0, cum.size - 1)])


def binomial_cdf(x: object, n: int, p: float) -> np.ndarray:
    r"""CDF of $\mathrm{Bin}(n, p)$: $F(x) = \sum_{k \le x} \binom nk p^k q^{n-k}$ for real $x$.

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).

    Same as ``scipy.stats.binom.cdf(x, n, p)``. It sums the PMF from 0 to $\lfloor x\rfloor$, so it is
    accurate to a relative $10^{-12}$ wherever the CDF is not within rounding of 1 (use the
    complement's own sum for upper tails); at most ``MAX_CDF_TERMS`` terms, else a ValueError.
    """
    n = check_count("n", n, maximum=MAX_COUNT)
    p = check_probability("p", p)
    return np.minimum(_cdf_from_pmf(x, lambda k: binomial_pmf(k, n, p), 0, n), 1.0)


def hypergeometric_pmf(k: object, w: int, b: int, n: int) -> np.ndarray:
    r"""PMF of $\mathrm{HGeom}(w, b, n)$: white balls among ``n`` drawn without replacement from ``w`` white and ``b`` black.

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).

    $$
    P(X=k) = \frac{\binom wk\binom b{n-k}}{\binom{w+b}n}
    $$

    It sums to 1 by Vandermonde's identity $\sum_k\binom wk\binom b{n-k}=\binom{w+b}n$.
    NumPy: ``rng.hypergeometric(ngood=w, nbad=b, nsample=n)``; SciPy: ``hypergeom.pmf(k, M=w+b, n=w, N=n)``.

    Computed as a ratio of three binomial PMFs with $p = n/(w+b)$, each by Loader's saddle-point
    form, so it stays accurate (relative $10^{-12}$) for $w + b$ up to $2^{53}$.

    Parameters
    ----------
    k
        Integer point(s); the PMF is zero outside $\max(0, n-b)..\min(w, n)$.
    w, b
        Numbers of white and black balls (integers >= 0, with $w + b \le 2^{53}$).
    n
        Sample size, an integer in $0..w+b$.
    """
    w = check_count("w", w, maximum=MAX_COUNT)
    b = check_count("b", b, maximum=MAX_COUNT)
    n = check_count("n", n)
    if w + b > MAX_COUNT:
        raise ValueError(f"w + b must be <= {MAX_COUNT} (counts are computed in floating point), got {w + b}")
    if n > w + b:
        raise ValueError(f"n must be <= w + b = {w + b}, got {n}")
    k_arr = _points(k)
    total = w + b
    if total == 0:
        return (k_arr == 0).astype(float)
    # Each binomial coefficient times p^. q^. with p = n/(w+b): the powers cancel in the ratio.
    p, q = n / total, (total - n) / total
    log_pmf = log_dbinom(k_arr, w, p, q) + log_dbinom(n - k_arr, b, p, q) - log_dbinom(n, total, p, q)
    return np.exp(log_pmf)


def hypergeometric_cdf(x: object, w: int, b: int, n: int) -> np.ndarray:
    r"""CDF of $\mathrm{HGeom}(w, b, n)$ at real points ``x``.

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).
    """
    hypergeometric_pmf(0, w, b, n)  # validates the parameters
    return np.minimum(_cdf_from_pmf(x, lambda k: hypergeometric_pmf(k, w, b, n), 0, min(w, n)), 1.0)


def _check_success_probability(p: object) -> float:
    p = check_probability("p", p)
    if p == 0.0:
        raise ValueError("p must be in (0, 1]: with p = 0 the first success never comes")
    return p


def geometric_pmf(k: object, p: float) -> np.ndarray:
    r"""PMF of $\mathrm{Geom}(p)$, the number of **failures** before the first success.

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).

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

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).
    """
    p = _check_success_probability(p)
    x_arr = np.asarray(x, dtype=float)
    if not np.all(np.isfinite(x_arr)):
        raise ValueError("x must contain only finite values")
    return np.where(x_arr >= 0, 1.0 - (1.0 - p) ** (np.floor(np.maximum(x_arr, 0)) + 1), 0.0)


def negative_binomial_pmf(k: object, r: int, p: float) -> np.ndarray:
    r"""PMF of $\mathrm{NBin}(r, p)$, the number of failures before the ``r``-th success.

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).

    $$
    P(X=n) = \binom{n+r-1}{r-1} p^r q^n,\quad n = 0, 1, \dots,\qquad E(X) = \frac{rq}{p}
    $$

    Same convention as NumPy's ``rng.negative_binomial(r, p)`` and SciPy's ``nbinom(r, p)``.
    $\mathrm{NBin}(1, p) = \mathrm{Geom}(p)$. Computed as $\frac{r}{r+k}P(\mathrm{Bin}(r+k, p) = r)$ by
    Loader's saddle-point form, accurate for $r + k \le 2^{53}$.

    Parameters
    ----------
    k
        Integer point(s) (numbers of failures).
    r
        Number of successes to wait for, an integer >= 1.
    p
        Success probability in $(0, 1]$.
    """
    r = check_count("r", r, minimum=1, maximum=MAX_COUNT)
    p = _check_success_probability(p)
    k_arr = _points(k)
    kk = np.maximum(k_arr, 0).astype(float)
    # P(X = k) = r/(r+k) * P(Bin(r+k, p) = r): the last of the r+k trials is the r-th success
    log_pmf = np.log(r / (r + kk)) + log_dbinom(r, r + kk, p, 1.0 - p)
    return np.where(k_arr >= 0, np.exp(log_pmf), 0.0)


def first_success_pmf(k: object, p: float) -> np.ndarray:
    r"""PMF of $\mathrm{FS}(p)$, the number of **trials** up to and including the first success.

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).

    $$
    P(Y=k) = q^{k-1} p,\quad k = 1, 2, \dots,\qquad E(Y) = \frac1p
    $$

    $Y = X + 1$ with $X \sim \mathrm{Geom}(p)$. NumPy: ``rng.geometric(p)``; SciPy: ``geom(p)``.
    """
    k_arr = _points(k)
    return geometric_pmf(k_arr - 1, p)
