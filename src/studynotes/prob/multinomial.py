r"""The multinomial distribution $\mathrm{Mult}_k(n, \mathbf p)$.

Story: $n$ objects fall independently into $k$ categories, category $j$ with
probability $p_j$; $X_j$ counts the objects in category $j$.

Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from .._validate import check_int, check_probability_vector, check_rng
from ._loader import log_dbinom
from .discrete import MAX_COUNT
from .montecarlo import check_draws

__all__ = [
    "multinomial_pmf",
    "multinomial_marginal",
    "multinomial_lump",
    "multinomial_conditional",
    "multinomial_cov",
    "sample_multinomial",
]


def multinomial_pmf(counts: Sequence[int], p: object) -> float:
    r"""Joint PMF $P(X_1=n_1,\dots,X_k=n_k)=\frac{n!}{n_1!\cdots n_k!}p_1^{n_1}\cdots p_k^{n_k}$, with $n=\sum_j n_j$.

    Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/).

    Computed as a chain of binomial PMFs, one category at a time (the conditional law of the rest
    given the first counts is again multinomial),

    $$
    P(\mathbf X=\mathbf n)=\prod_{j=1}^{k-1}P\Big(\mathrm{Bin}\big(n-n_1-\dots-n_{j-1},\
    \tfrac{p_j}{p_j+\dots+p_k}\big)=n_j\Big),
    $$

    each in log space by Loader's saddle-point form, so no factorial is formed: it is accurate to a
    relative $10^{-12}$ or so for any total $n \le 2^{53}$, and returns 0.0 only where the value
    underflows.

    Parameters
    ----------
    counts
        Non-negative integer counts $n_1..n_k$, with total $n \le 2^{53}$.
    p
        Category probabilities (length $k$, summing to 1).
    """
    p = check_probability_vector("p", p)
    counts = [check_int(f"counts[{j}]", c, minimum=0) for j, c in enumerate(counts)]
    if len(counts) != p.size:
        raise ValueError(f"counts has {len(counts)} entries but p has {p.size}")
    total = sum(counts)
    if total > MAX_COUNT:
        raise ValueError(f"sum(counts) must be <= {MAX_COUNT} (counts are computed in floating point), got {total}")
    tail = np.cumsum(p[::-1])[::-1]  # p_j + ... + p_k, summed from the small end
    log_pmf, left = 0.0, total
    for j in range(p.size - 1):
        if tail[j] == 0.0:
            return 0.0 if left > 0 else 1.0
        share = min(p[j] / tail[j], 1.0)
        log_pmf += float(log_dbinom(counts[j], left, share, tail[j + 1] / tail[j]))
        left -= counts[j]
    if left != counts[-1] or (left > 0 and p[-1] == 0.0):
        return 0.0
    return math.exp(log_pmf)


def multinomial_marginal(n: int, p: object, j: int) -> tuple[int, float]:
    r"""Marginal of one count: $X_j \sim \mathrm{Bin}(n, p_j)$. Returns ``(n, p_j)``.

    Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/).
    """
    n = check_int("n", n, minimum=0)
    p = check_probability_vector("p", p)
    j = check_int("j", j, minimum=0)
    if j >= p.size:
        raise ValueError(f"j must be < {p.size} (the number of categories), got {j}")
    return n, float(p[j])


def multinomial_lump(p: object, groups: Sequence[Sequence[int]]) -> np.ndarray:
    r"""Lumping: merging categories adds their probabilities.

    Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/).

    $(X_1+X_2, X_3, \dots, X_k) \sim \mathrm{Mult}_{k-1}(n, (p_1+p_2, p_3, \dots, p_k))$.

    Parameters
    ----------
    p
        Category probabilities.
    groups
        A partition of ``range(len(p))``: every index exactly once.

    Returns
    -------
    numpy.ndarray
        The probabilities of the merged categories, in the order of ``groups``.
    """
    p = check_probability_vector("p", p)
    flat = sorted(i for g in groups for i in g)
    if flat != list(range(p.size)):
        raise ValueError(f"groups must use every index 0..{p.size - 1} exactly once, got {list(groups)}")
    return np.array([p[list(g)].sum() for g in groups])


def multinomial_conditional(n: int, p: object, j: int, n_j: int) -> tuple[int, np.ndarray]:
    r"""The other counts given $X_j = n_j$.

    Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/).

    $$
    (X_2,\dots,X_k)\mid X_1=n_1 \sim
    \mathrm{Mult}_{k-1}\Big(n-n_1, \big(\tfrac{p_2}{1-p_1},\dots,\tfrac{p_k}{1-p_1}\big)\Big)
    $$

    (written for $j = 1$; any $j$ works the same way).

    Returns
    -------
    (n - n_j, probabilities of the remaining categories, renormalized)
    """
    n = check_int("n", n, minimum=0)
    p = check_probability_vector("p", p)
    j = check_int("j", j, minimum=0)
    if j >= p.size:
        raise ValueError(f"j must be < {p.size} (the number of categories), got {j}")
    n_j = check_int("n_j", n_j, minimum=0)
    if n_j > n:
        raise ValueError(f"n_j must be <= n = {n}, got {n_j}")
    if p[j] == 1.0:
        raise ValueError("p[j] must be < 1 so that the other categories have positive probability")
    rest = np.delete(p, j)
    return n - n_j, rest / (1.0 - p[j])


def multinomial_cov(n: int, p: object) -> np.ndarray:
    r"""Covariance matrix: $\mathrm{Var}(X_j)=np_j(1-p_j)$, $\mathrm{Cov}(X_i,X_j)=-np_ip_j$.

    Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/).

    The counts compete for the same $n$ objects, so they are negatively correlated
    (derived in lecture 21).
    """
    n = check_int("n", n, minimum=0)
    p = check_probability_vector("p", p)
    return n * (np.diag(p) - np.outer(p, p))


def sample_multinomial(n: int, p: object, size: int, rng: np.random.Generator) -> np.ndarray:
    """Draw ``size`` multinomial vectors (shape ``(size, k)``), using ``rng.multinomial``.

    Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/).
    """
    n = check_int("n", n, minimum=0)
    p = check_probability_vector("p", p)
    size = check_draws("size", size, per_draw=p.size)
    rng = check_rng("rng", rng)
    return rng.multinomial(n, p, size=size)
