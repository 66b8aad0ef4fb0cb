r"""Joint, marginal and conditional distributions of two random variables.

Three views of the same pair $(X, Y)$: the joint distribution says everything, a marginal
forgets one variable (sum or integrate it out), a conditional fixes one variable and renormalizes.

- Discrete joint tables: `joint_marginals`, `conditional_pmf`, `is_independent`,
  `joint_expectation`, `empirical_joint_pmf`.
- Continuous pairs: uniform points in a region by rejection (`sample_uniform_region`,
  `sample_unit_disc`), the disc's marginal density, 2-D LOTUS on a grid (`lotus_grid`),
  the joint PDF as a mixed partial of the joint CDF (`mixed_partial`).
- The chicken-egg story: `sample_hatching`, `sample_chicken_egg`, `poisson_pmf`.

Introduced in: [19. Joint, Conditional, and Marginal Distributions](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-19/).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import NamedTuple

import numpy as np

from .._validate import check_finite_array, check_int, check_probability, check_real, check_rng
from .montecarlo import Estimate, check_draws

__all__ = [
    "joint_marginals",
    "conditional_pmf",
    "is_independent",
    "joint_expectation",
    "empirical_joint_pmf",
    "RejectionSample",
    "sample_uniform_region",
    "sample_unit_disc",
    "disc_marginal_pdf",
    "disc_marginal_tail",
    "disc_conditional_var",
    "lotus_grid",
    "mixed_partial",
    "poisson_pmf",
    "sample_hatching",
    "sample_chicken_egg",
]

_TABLE_ATOL = 1e-9


def _check_table(name: str, table: object) -> np.ndarray:
    """A joint PMF table: rectangular, 2-D, non-empty, entries >= 0, total 1."""
    try:
        arr = np.asarray(table, dtype=float)
    except (ValueError, TypeError) as err:
        raise ValueError(f"{name} must be a rectangular 2-D table of numbers (rows of equal length)") from err
    arr = check_finite_array(name, arr, ndim=2)
    if arr.size == 0:
        raise ValueError(f"{name} must not be empty, got shape {arr.shape}")
    if np.any(arr < 0):
        raise ValueError(f"{name} entries must be >= 0, got minimum {arr.min()!r}")
    if abs(arr.sum() - 1.0) > _TABLE_ATOL:
        raise ValueError(f"{name} must sum to 1, got sum {arr.sum()!r}")
    return arr


def _check_values(name: str, values: object, size: int) -> np.ndarray:
    v = check_finite_array(name, values, ndim=1)
    if v.size != size:
        raise ValueError(f"{name} must have {size} entries (one per table {'row' if name.startswith('x') else 'column'}), got {v.size}")
    return v


def _check_callable(name: str, value: object) -> Callable:
    if not callable(value):
        raise TypeError(f"{name} must be callable, got {type(value).__name__}")
    return value


def joint_marginals(table: object) -> tuple[np.ndarray, np.ndarray]:
    r"""Marginal PMFs of a discrete joint table $p_{ij} = P(X=x_i, Y=y_j)$.

    Introduced in: [19. Joint, Conditional, and Marginal Distributions](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-19/).

    $$
    P(X=x_i) = \sum_j P(X=x_i, Y=y_j), \qquad P(Y=y_j) = \sum_i P(X=x_i, Y=y_j).
    $$

    Parameters
    ----------
    table
        2-D array, rows indexed by the values of $X$, columns by those of $Y$;
        entries >= 0 summing to 1.

    Returns
    -------
    (p_x, p_y)
        Row sums and column sums.
    """
    p = _check_table("table", table)
    return p.sum(axis=1), p.sum(axis=0)


def conditional_pmf(table: object, given: str = "x") -> np.ndarray:
    r"""Conditional PMFs from a joint table: joint divided by marginal.

    Introduced in: [19. Joint, Conditional, and Marginal Distributions](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-19/).

    $$
    P(Y=y_j \mid X=x_i) = \frac{P(X=x_i, Y=y_j)}{P(X=x_i)}
    $$

    A conditional distribution exists only where the condition has positive probability, so
    rows whose marginal is 0 are returned as NaN.

    Parameters
    ----------
    table
        Joint PMF table (rows: values of $X$, columns: values of $Y$).
    given
        ``"x"``: row $i$ of the result is the PMF of $Y$ given $X=x_i$
        (shape like ``table``). ``"y"``: row $j$ is the PMF of $X$ given
        $Y=y_j$ (shape of the transpose).

    Returns
    -------
    numpy.ndarray
        One conditional PMF per row; each defined row sums to 1.
    """
    p = _check_table("table", table)
    if given not in ("x", "y"):
        raise ValueError(f"given must be 'x' or 'y', got {given!r}")
    rows = p if given == "x" else p.T
    marg = rows.sum(axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(marg > 0, rows / np.where(marg > 0, marg, 1.0), np.nan)


def is_independent(table: object, atol: float = 1e-12) -> bool:
    r"""True if the joint table factorizes into its marginals for **every** cell.

    Introduced in: [19. Joint, Conditional, and Marginal Distributions](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-19/).

    $$
    P(X=x_i, Y=y_j) = P(X=x_i)\,P(Y=y_j) \quad \text{for all } i, j.
    $$

    One cell that fails is enough to make $X$ and $Y$ dependent.

    Parameters
    ----------
    table
        Joint PMF table.
    atol
        Absolute tolerance per cell (>= 0).
    """
    p = _check_table("table", table)
    atol = check_real("atol", atol, low=0.0)
    px, py = p.sum(axis=1), p.sum(axis=0)
    return bool(np.all(np.abs(p - np.outer(px, py)) <= atol))


def joint_expectation(table: object, g: Callable, x_values: object, y_values: object) -> float:
    r"""2-D LOTUS for a discrete pair: $E\,g(X,Y) = \sum_i\sum_j g(x_i, y_j)\,P(X=x_i, Y=y_j)$.

    Introduced in: [19. Joint, Conditional, and Marginal Distributions](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-19/).

    Parameters
    ----------
    table
        Joint PMF table, shape ``(len(x_values), len(y_values))``.
    g
        Vectorised function of two arrays, e.g. ``lambda x, y: x * y``.
    x_values, y_values
        The values of $X$ (rows) and $Y$ (columns).
    """
    p = _check_table("table", table)
    g = _check_callable("g", g)
    xv = _check_values("x_values", x_values, p.shape[0])
    yv = _check_values("y_values", y_values, p.shape[1])
    xx, yy = np.meshgrid(xv, yv, indexing="ij")
    gv = np.broadcast_to(np.asarray(g(xx, yy), dtype=float), p.shape)
    return float(np.sum(gv * p))


def empirical_joint_pmf(x: object, y: object, x_values: object, y_values: object) -> np.ndarray:
    r"""Relative frequencies $\hat p_{ij} = \frac1n\#\{k : x_k = x_i,\ y_k = y_j\}$ of paired draws.

    Introduced in: [19. Joint, Conditional, and Marginal Distributions](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-19/).

    Pairs whose values are not listed are not counted, so the table sums to the fraction of
    pairs that fall on the listed grid (1 if every value is listed).

    Parameters
    ----------
    x, y
        Paired draws, 1-D arrays of the same length.
    x_values, y_values
        Strictly increasing values that label the rows and columns.

    Returns
    -------
    numpy.ndarray
        Shape ``(len(x_values), len(y_values))``.
    """
    x = check_finite_array("x", x, ndim=1)
    y = check_finite_array("y", y, ndim=1)
    if x.size != y.size or x.size == 0:
        raise ValueError(f"x and y must be non-empty and of equal length, got {x.size} and {y.size}")
    idx = []
    for name, draws, values in (("x_values", x, x_values), ("y_values", y, y_values)):
        v = check_finite_array(name, values, ndim=1)
        if v.size == 0 or np.any(np.diff(v) <= 0):
            raise ValueError(f"{name} must be non-empty and strictly increasing")
        pos = np.clip(np.searchsorted(v, draws), 0, v.size - 1)
        idx.append(np.where(v[pos] == draws, pos, -1))
    ix, iy = idx
    keep = (ix >= 0) & (iy >= 0)
    nx, ny = np.asarray(x_values).size, np.asarray(y_values).size
    counts = np.bincount(ix[keep] * ny + iy[keep], minlength=nx * ny)
    return counts.reshape(nx, ny) / x.size


class RejectionSample(NamedTuple):
    """Accepted points (shape ``(n, 2)``) and the number of proposals drawn to get them.

    Introduced in: [19. Joint, Conditional, and Marginal Distributions](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-19/).
    """

    points: np.ndarray
    proposals: int

    @property
    def acceptance_rate(self) -> float:
        """Accepted / proposed; estimates area(region) / area(box)."""
        return self.points.shape[0] / self.proposals

    def acceptance_estimate(self) -> Estimate:
        r"""The acceptance rate $\hat r$ with its binomial standard error $\sqrt{\hat r(1-\hat r)/m}$ ($m$ proposals)."""
        r = self.acceptance_rate
        return Estimate(r, float(np.sqrt(r * (1.0 - r) / self.proposals)), self.proposals)


def sample_uniform_region(
    contains: Callable,
    low: Sequence[float],
    high: Sequence[float],
    n: int,
    rng: np.random.Generator,
) -> RejectionSample:
    r"""Uniform points in a planar region by rejection from a bounding box.

    Introduced in: [19. Joint, Conditional, and Marginal Distributions](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-19/).

    Propose $(U_1, U_2)$ uniform on the box $[a_1,b_1]\times[a_2,b_2]$ and keep it if it
    lies in the region $A$. The kept points are uniform on $A$, with joint density
    $f(x, y) = 1/\operatorname{area}(A)$ on $A$, and each proposal is kept with probability

    $$
    P(\text{accept}) = \frac{\operatorname{area}(A)}{(b_1-a_1)(b_2-a_2)}.
    $$

    Proposals are drawn in batches until ``n`` points are accepted; ``proposals`` counts them up to
    and including the ``n``-th acceptance.

    Parameters
    ----------
    contains
        Vectorised test ``contains(x, y) -> bool array``.
    low, high
        Corners $(a_1, a_2)$ and $(b_1, b_2)$ of the bounding box, ``low < high``.
    n
        Number of points to return (>= 1).
    rng
        Source of randomness.
    """
    contains = _check_callable("contains", contains)
    lo = check_finite_array("low", low, ndim=1)
    hi = check_finite_array("high", high, ndim=1)
    if lo.size != 2 or hi.size != 2 or np.any(hi <= lo):
        raise ValueError(f"low and high must be 2 corners with low < high in both coordinates, got {lo} and {hi}")
    n = check_draws("n", n, per_draw=4)
    rng = check_rng("rng", rng)
    batch = max(2 * n, 4096)
    kept: list[np.ndarray] = []
    n_kept = proposals = 0
    empty_batches = 0
    while n_kept < n:
        prop = lo + (hi - lo) * rng.random((batch, 2))
        inside = np.asarray(contains(prop[:, 0], prop[:, 1]), dtype=bool)
        if inside.shape != (batch,):
            raise ValueError(f"contains must return one boolean per point, got shape {inside.shape}")
        hits = np.flatnonzero(inside)
        if hits.size == 0:
            empty_batches += 1
            if empty_batches >= 100:
                raise ValueError("contains accepted no proposal in 100 batches: the region looks empty inside the box")
        need = n - n_kept
        if hits.size >= need:
            kept.append(prop[hits[:need]])
            proposals += int(hits[need - 1]) + 1
            n_kept = n
        else:
            kept.append(prop[hits])
            proposals += batch
            n_kept += hits.size
    return RejectionSample(np.concatenate(kept), proposals)


def sample_unit_disc(n: int, rng: np.random.Generator) -> RejectionSample:
    r"""Uniform points on the unit disc $x^2+y^2\le1$ (density $1/\pi$), by rejection from $[-1,1]^2$.

    Introduced in: [19. Joint, Conditional, and Marginal Distributions](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-19/).

    The acceptance rate estimates $\pi/4$.
    """
    return sample_uniform_region(lambda x, y: x * x + y * y <= 1.0, (-1.0, -1.0), (1.0, 1.0), n, rng)


def disc_marginal_pdf(x: object) -> np.ndarray:
    r"""Marginal density of $X$ for $(X, Y)$ uniform on the unit disc.

    Introduced in: [19. Joint, Conditional, and Marginal Distributions](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-19/).

    Integrating the joint density $1/\pi$ over the chord at $x$,

    $$
    f_X(x) = \int_{-\sqrt{1-x^2}}^{\sqrt{1-x^2}} \frac1\pi\,dy = \frac2\pi\sqrt{1-x^2},
    \qquad -1 \le x \le 1,
    $$

    and 0 outside: not uniform, highest at $x = 0$.
    """
    x = check_finite_array("x", x)
    return np.where(np.abs(x) <= 1.0, (2.0 / math.pi) * np.sqrt(np.clip(1.0 - x * x, 0.0, None)), 0.0)


def disc_marginal_tail(a: float) -> float:
    r"""$P(|X| > a)$ for $(X, Y)$ uniform on the unit disc, $0 \le a \le 1$.

    Introduced in: [19. Joint, Conditional, and Marginal Distributions](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-19/).

    Integrating the marginal density over both tails,

    $$
    P(|X|>a) = \frac4\pi\int_a^1\sqrt{1-x^2}\,dx = \frac2\pi\Big(\arccos a - a\sqrt{1-a^2}\Big),
    $$

    the area of the two caps cut off by the lines $x = \pm a$, divided by $\pi$. By symmetry $Y$ has the same tail.
    """
    a = check_real("a", a, low=0.0, high=1.0)
    return (2.0 / math.pi) * (math.acos(a) - a * math.sqrt(1.0 - a * a))


def disc_conditional_var(x: float) -> float:
    r"""Variance of $Y$ given $X = x$ on the unit disc.

    Introduced in: [19. Joint, Conditional, and Marginal Distributions](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-19/).

    $Y \mid X=x \sim \mathrm{Unif}\big(-\sqrt{1-x^2}, \sqrt{1-x^2}\big)$, and
    $\mathrm{Unif}(-a, a)$ has variance $(2a)^2/12 = a^2/3$, so the variance is $(1-x^2)/3$.

    Parameters
    ----------
    x
        A point with $-1 < x < 1$ (where $f_X(x) > 0$).
    """
    x = check_real("x", x, low=-1.0, high=1.0, low_open=True, high_open=True)
    return (1.0 - x * x) / 3.0


def lotus_grid(
    g: Callable,
    pdf: Callable | None = None,
    x_lim: tuple[float, float] = (0.0, 1.0),
    y_lim: tuple[float, float] = (0.0, 1.0),
    num: int = 1001,
) -> float:
    r"""2-D LOTUS on a grid: $E\,g(X,Y) = \iint g(x,y)\,f(x,y)\,dx\,dy$.

    Introduced in: [19. Joint, Conditional, and Marginal Distributions](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-19/).

    The double integral over the rectangle is computed with the trapezoid rule in $y$, then in
    $x$, on a ``num`` by ``num`` grid.

    Parameters
    ----------
    g
        Vectorised function of two arrays.
    pdf
        Vectorised joint density $f(x, y)$; ``None`` means the uniform density on the
        rectangle (1 / its area). It should vanish outside the rectangle's part that matters.
    x_lim, y_lim
        Integration limits ``(low, high)``, ``low < high``.
    num
        Grid points per axis (>= 2).
    """
    g = _check_callable("g", g)
    if pdf is not None:
        pdf = _check_callable("pdf", pdf)
    lims = []
    for name, lim in (("x_lim", x_lim), ("y_lim", y_lim)):
        a = check_finite_array(name, lim, ndim=1)
        if a.size != 2 or a[1] <= a[0]:
            raise ValueError(f"{name} must be (low, high) with low < high, got {tuple(a)}")
        lims.append(a)
    num = check_int("num", num, minimum=2)
    x = np.linspace(*lims[0], num)
    y = np.linspace(*lims[1], num)
    xx, yy = np.meshgrid(x, y, indexing="ij")
    if pdf is None:
        density = 1.0 / float(np.ptp(lims[0]) * np.ptp(lims[1]))
    else:
        density = np.asarray(pdf(xx, yy), dtype=float)
    integrand = np.broadcast_to(np.asarray(g(xx, yy), dtype=float) * density, xx.shape)
    return float(np.trapezoid(np.trapezoid(integrand, y, axis=1), x))


def mixed_partial(F: Callable, x: object, y: object, h: float = 1e-3) -> np.ndarray:
    r"""Joint PDF from a joint CDF by a central finite difference of $\partial^2 F/\partial x\,\partial y$.

    Introduced in: [19. Joint, Conditional, and Marginal Distributions](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-19/).

    $$
    f(x,y) \approx \frac{F(x+h,y+h) - F(x+h,y-h) - F(x-h,y+h) + F(x-h,y-h)}{4h^2}
    $$

    The numerator is $P\big((X,Y)\in \text{the } 2h\times2h \text{ square around } (x,y)\big)$, so the
    density is probability per unit area. The error is $O(h^2)$ for a smooth $F$.

    Parameters
    ----------
    F
        Vectorised joint CDF $F(x, y) = P(X\le x, Y\le y)$.
    x, y
        Points (broadcastable arrays).
    h
        Step (> 0).
    """
    F = _check_callable("F", F)
    x = check_finite_array("x", x)
    y = check_finite_array("y", y)
    h = check_real("h", h, low=0.0, low_open=True)
    return (F(x + h, y + h) - F(x + h, y - h) - F(x - h, y + h) + F(x - h, y - h)) / (4 * h * h)


def poisson_pmf(k: object, lam: float) -> np.ndarray:
    r"""PMF of $\mathrm{Pois}(\lambda)$: $P(X=k) = e^{-\lambda}\lambda^k/k!$, zero for $k<0$.

    Introduced in: [19. Joint, Conditional, and Marginal Distributions](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-19/).

    Parameters
    ----------
    k
        Integer point(s).
    lam
        Rate $\lambda > 0$.
    """
    lam = check_real("lam", lam, low=0.0, low_open=True)
    k_arr = np.asarray(k)
    if not np.issubdtype(k_arr.dtype, np.integer):
        raise TypeError(f"k must hold integers, got dtype {k_arr.dtype}")
    kk = np.maximum(k_arr, 0)
    log_fact = np.vectorize(math.lgamma, otypes=[float])(kk + 1.0)
    pmf = np.exp(kk * math.log(lam) - lam - log_fact)
    return np.where(k_arr >= 0, pmf, 0.0)


def sample_hatching(n_eggs: object, p: float, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    r"""Each of $N$ eggs hatches independently with probability $p$.

    Introduced in: [19. Joint, Conditional, and Marginal Distributions](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-19/).

    Given $N = n$, the hatched count is $X \sim \mathrm{Bin}(n, p)$ and the rest is
    $Y = n - X$. With a fixed $n$ the two are perfectly negatively dependent:
    $\mathrm{Cov}(X, n - X) = -\mathrm{Var}(X) = -npq$.

    Parameters
    ----------
    n_eggs
        Number of eggs per trial (non-negative integers, any shape).
    p
        Hatching probability in [0, 1].
    rng
        Source of randomness.

    Returns
    -------
    (hatched, not_hatched)
        Integer arrays shaped like ``n_eggs``.
    """
    n = np.asarray(n_eggs)
    if not np.issubdtype(n.dtype, np.integer):
        raise TypeError(f"n_eggs must hold integers, got dtype {n.dtype}")
    if np.any(n < 0):
        raise ValueError("n_eggs must be >= 0")
    p = check_probability("p", p)
    rng = check_rng("rng", rng)
    hatched = rng.binomial(n, p)
    return hatched, n - hatched


def sample_chicken_egg(lam: float, p: float, size: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    r"""The chicken-egg story: $N\sim\mathrm{Pois}(\lambda)$ eggs, each hatching with probability $p$.

    Introduced in: [19. Joint, Conditional, and Marginal Distributions](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-19/).

    Conditioning on $N = i + j$ gives

    $$
    P(X=i, Y=j) = \binom{i+j}{i}p^iq^j\,\frac{e^{-\lambda}\lambda^{i+j}}{(i+j)!}
    = \frac{e^{-\lambda p}(\lambda p)^i}{i!}\cdot\frac{e^{-\lambda q}(\lambda q)^j}{j!},
    $$

    so the hatched count $X\sim\mathrm{Pois}(\lambda p)$ and the unhatched count
    $Y\sim\mathrm{Pois}(\lambda q)$ are **independent**, although $X + Y = N$.

    Parameters
    ----------
    lam
        Mean number of eggs, > 0.
    p
        Hatching probability in [0, 1].
    size
        Number of independent repetitions (>= 1).
    rng
        Source of randomness.

    Returns
    -------
    (hatched, not_hatched)
        Two integer arrays of length ``size``.
    """
    lam = check_real("lam", lam, low=0.0, low_open=True)
    p = check_probability("p", p)
    size = check_draws("size", size, per_draw=3)
    rng = check_rng("rng", rng)
    return sample_hatching(rng.poisson(lam, size), p, rng)
