"""Monte Carlo estimates that carry their own standard error.

Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/).
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from .._validate import check_finite_array, check_int, check_real

__all__ = ["Estimate", "mc_estimate", "mc_variance", "mc_covariance", "mc_product", "mc_cell", "running_mean"]

MAX_DRAWS = 10**8
"""Most random numbers one simulator call holds in memory (about 0.8 GB as float64)."""


def check_draws(name: str, value: object, *, per_draw: int = 1) -> int:
    """Return a number of draws (>= 1), refusing one whose ``value * per_draw`` numbers would exceed `MAX_DRAWS`.

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).
    """
    value = check_int(name, value, minimum=1)
    if value * per_draw > MAX_DRAWS:
        limit = MAX_DRAWS // per_draw
        raise ValueError(
            f"{name} must be <= {limit} ({per_draw} random number(s) per draw, at most {MAX_DRAWS} held in memory), got {value}"
        )
    return value


class Estimate(NamedTuple):
    """A Monte Carlo estimate: the sample mean ``value``, its standard error ``se`` and the sample size ``n``.

    Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/).
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

    Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/).

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

    Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/) (the Cauchy's running mean never settles).
    """
    x = check_finite_array("samples", samples, ndim=1)
    return np.cumsum(x) / np.arange(1, x.size + 1)


def _paired(name_x: str, x: object, name_y: str, y: object) -> tuple[np.ndarray, np.ndarray]:
    a = check_finite_array(name_x, x, ndim=1)
    b = check_finite_array(name_y, y, ndim=1)
    if a.size != b.size:
        raise ValueError(f"{name_x} and {name_y} must have the same length, got {a.size} and {b.size}")
    if a.size < 2:
        raise ValueError(f"{name_x} must hold at least 2 draws, got {a.size}")
    return a, b


def mc_covariance(x: object, y: object) -> Estimate:
    r"""Estimate $\mathrm{Cov}(X, Y)$ from paired i.i.d. draws, with a standard error.

    Introduced in: [19. Joint, Conditional, and Marginal Distributions](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-19/).

    The sample covariance is a mean of products of deviations, rescaled by $\frac{n}{n-1}$:

    $$
    \widehat{c} = \frac{n}{n-1}\,\bar w,\qquad w_i = (x_i-\bar x)(y_i-\bar y),\qquad
    \widehat{\mathrm{se}} = \frac{n}{n-1}\,\frac{s_w}{\sqrt n},
    $$

    where $s_w$ is the sample standard deviation of the $w_i$. This is the delta-method standard
    error, $\sqrt{\big(E[(X-\mu_X)^2(Y-\mu_Y)^2]-\mathrm{Cov}(X,Y)^2\big)/n}$ to leading order; using
    $\bar x, \bar y$ in place of the true means changes it only by $O(1/n)$.
    """
    a, b = _paired("x", x, "y", y)
    n = a.size
    w = (a - a.mean()) * (b - b.mean())
    scale = n / (n - 1)
    return Estimate(float(scale * w.mean()), float(scale * w.std(ddof=1) / np.sqrt(n)), int(n))


def mc_variance(samples: object) -> Estimate:
    r"""Estimate $\mathrm{Var}(X)$ by the sample variance $s^2$, with a standard error.

    Introduced in: [19. Joint, Conditional, and Marginal Distributions](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-19/).

    The covariance of $X$ with itself (see `mc_covariance`): $s^2$ is $\frac{n}{n-1}$ times the mean of the
    squared deviations $d_i^2 = (x_i - \bar x)^2$, and its standard error is $\frac{n}{n-1}$ times the
    standard deviation of the $d_i^2$ over $\sqrt n$, i.e. $\sqrt{(\mu_4 - \sigma^4)/n}$ to leading order
    ($\mu_4$ the fourth central moment; $\sqrt{2/n}\,\sigma^2$ for a normal).
    """
    x = check_finite_array("samples", samples, ndim=1)
    return mc_covariance(x, x)


def mc_product(x: object, y: object) -> Estimate:
    r"""Estimate $E(X)\,E(Y)$ by $\bar x\,\bar y$ from paired draws of the same runs, with a standard error.

    Introduced in: [19. Joint, Conditional, and Marginal Distributions](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-19/).

    The two means come from the same simulated runs, so they are correlated. The delta method
    linearizes the product: $\bar x\bar y - \mu_X\mu_Y \approx \mu_Y(\bar x-\mu_X) + \mu_X(\bar y-\mu_Y)$,
    a mean of $v_i = \bar y\,x_i + \bar x\,y_i$, so $\widehat{\mathrm{se}} = s_v/\sqrt n$.
    For a product of two probabilities, pass the two 0/1 indicator arrays.
    """
    a, b = _paired("x", x, "y", y)
    v = b.mean() * a + a.mean() * b
    return Estimate(float(a.mean() * b.mean()), float(v.std(ddof=1) / np.sqrt(a.size)), int(a.size))


def mc_cell(estimate: Estimate, exact: float, *, heavy_tail: bool = False) -> str:
    r"""Format an estimate for a results table, tagged with the exact value it estimates.

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).

    Returns ``<span class="sn-mc" data-exact="...">value ± se</span>``: the reader sees
    ``value ± se`` (the SE to two significant digits, the value to the same decimal place; no-break
    spaces keep the pair on one line in a narrow table column), and the
    site test ``tests/site/test_mc_evidence.py`` reads the triple (value, se, exact) back from the
    built page and fails if the value is more than 4 SE from the exact value. ``heavy_tail=True``
    adds ``data-heavy-tail="1"``: the row deliberately shows an estimate whose SE cannot be
    trusted (an infinite or nearly infinite variance), and the page must say so.

    Parameters
    ----------
    estimate
        The `Estimate` to show.
    exact
        The exact value it estimates (finite).
    heavy_tail
        Mark a deliberate heavy-tail demonstration, exempt from the 4-SE check.
    """
    if not isinstance(estimate, Estimate):
        raise TypeError(f"estimate must be an Estimate (from mc_estimate and friends), got {type(estimate).__name__}")
    exact = check_real("exact", exact)
    se = estimate.se
    decimals = 4 if se <= 0 else min(max(1 - int(np.floor(np.log10(se))), 0), 12)
    flag = ' data-heavy-tail="1"' if heavy_tail else ""
    return (
        f'<span class="sn-mc" data-exact="{exact!r}"{flag}>'
        f"{estimate.value:.{decimals}f}\u00a0±\u00a0{se:.{decimals}f}</span>"
    )
