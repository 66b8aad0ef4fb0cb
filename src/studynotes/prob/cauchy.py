r"""The Cauchy distribution as the ratio $T = X/Y$ of i.i.d. standard normals.

Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/).
"""

from __future__ import annotations

import math

import numpy as np

from .._validate import check_finite_array, check_int, check_real, check_rng
from .montecarlo import check_draws
from .normal import normal_cdf

__all__ = ["cauchy_pdf", "cauchy_cdf", "cauchy_cdf_lotp", "sample_normal_ratio"]


def cauchy_pdf(t: object) -> np.ndarray:
    r"""Standard Cauchy density $f(t) = \dfrac{1}{\pi(1+t^2)}$.

    Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/).
    """
    t = check_finite_array("t", t)
    return 1.0 / (math.pi * (1.0 + t**2))


def cauchy_cdf(t: object) -> np.ndarray:
    r"""Standard Cauchy CDF $F(t) = \tfrac12 + \tfrac1\pi\arctan t$.

    Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/).

    Evaluated as $\tfrac1\pi\operatorname{atan2}(1, -t)$, the same function without the cancellation
    of $\tfrac12 + \tfrac1\pi\arctan t$ in the lower tail (where $F(t) \approx 1/(\pi|t|)$).
    """
    t = check_finite_array("t", t)
    return np.arctan2(1.0, -t) / math.pi


def cauchy_cdf_lotp(t: float, *, upper: float = 12.0, num: int = 60_001) -> float:
    r"""The CDF of $X/Y$ computed the lecture's way, by the law of total probability over $Y$.

    Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/).

    By symmetry $P(X/Y \le t) = P(X \le t|Y|)$, and conditioning on $Y$,

    $$
    F(t) = \int_{-\infty}^{\infty}\Phi(t|y|)\varphi(y)\,dy
    = \sqrt{\tfrac2\pi}\int_0^\infty e^{-y^2/2}\,\Phi(ty)\,dy .
    $$

    The integral is evaluated with the trapezoid rule on $[0, \text{upper}]$. Two errors remain:
    the neglected tail, below $\sqrt{2/\pi}\int_{\text{upper}}^\infty e^{-y^2/2}dy < e^{-\text{upper}^2/2}$
    (about $10^{-31}$ for the default ``upper = 12``), and the trapezoid error,
    $-\frac{h^2}{12}\big(g'(\text{upper}) - g'(0)\big)$ to leading order, with step
    $h = \text{upper}/(\text{num}-1)$ and $g$ the integrand. Since $g'(0) = \sqrt{2/\pi}\,\varphi(0)\,t$,
    the computed value falls short by about $1.1\times10^{-9}\,t$ with the defaults ($4\times10^{-9}$ at $t = 4$).
    The trapezoid error dominates: halving $h$ divides it by 4.

    Parameters
    ----------
    t
        Point at which to evaluate the CDF.
    upper
        Upper integration limit (> 0).
    num
        Number of grid points (>= 2).
    """
    t = check_real("t", t)
    upper = check_real("upper", upper, low=0.0, low_open=True)
    num = check_int("num", num, minimum=2)
    y = np.linspace(0.0, upper, num)
    integrand = np.exp(-(y**2) / 2) * normal_cdf(t * y)
    return float(math.sqrt(2 / math.pi) * np.trapezoid(integrand, y))


def sample_normal_ratio(n: int, rng: np.random.Generator) -> np.ndarray:
    r"""Draw ``n`` values of $X/Y$ with $X, Y$ i.i.d. $N(0,1)$ (standard Cauchy).

    Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/).

    $P(Y=0)=0$, so the ratio is well defined with probability 1.
    """
    n = check_draws("n", n, per_draw=2)
    rng = check_rng("rng", rng)
    x, y = rng.standard_normal((2, n))
    return x / y
