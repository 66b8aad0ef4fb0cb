r"""Log binomial probabilities by Loader's saddle-point form, accurate for large $n$ and tiny values.

Catherine Loader, "Fast and Accurate Computation of Binomial Probabilities" (2000), the method behind
R's ``dbinom`` and SciPy's binomial PMF:

$$
\log\binom nk p^k q^{n-k} = \delta(n) - \delta(k) - \delta(n-k) - D(k, np) - D(n-k, nq)
- \tfrac12\log\Big(2\pi k\big(1-\tfrac kn\big)\Big),
$$

where $\delta(m) = \log m! - \big(m+\tfrac12\big)\log m + m - \tfrac12\log 2\pi$ is Stirling's error and
$D(x, \mu) = x\log\frac x\mu + \mu - x$ is the deviance, summed as a series when $x \approx \mu$.
Nothing here cancels catastrophically, so the log is accurate to a few units of
$|\log P|\cdot 2^{-52}$ and the probability to a relative $10^{-13}$ or so down to the smallest float.
Arguments are float arrays holding integers up to $2^{53}$.
"""

from __future__ import annotations

import math

import numpy as np

_LN_2PI = math.log(2 * math.pi)
# Stirling's error for m = 0..15 from log m! (exact to a few 1e-16 here); the series takes over above 15.
_STIRLERR_SMALL = np.array(
    [0.0] + [math.lgamma(m + 1) - (m + 0.5) * math.log(m) + m - 0.5 * _LN_2PI for m in range(1, 16)]
)
_S = (1 / 12, 1 / 360, 1 / 1260, 1 / 1680, 1 / 1188)


def stirlerr(m: np.ndarray) -> np.ndarray:
    """Stirling's error $\\delta(m)$ for integer-valued ``m >= 0``."""
    m = np.asarray(m, dtype=float)
    big = np.maximum(m, 16.0)
    mm = big * big
    series = (_S[0] - (_S[1] - (_S[2] - (_S[3] - _S[4] / mm) / mm) / mm) / mm) / big
    small = _STIRLERR_SMALL[np.clip(m, 0, 15).astype(np.int64)]
    return np.where(m <= 15, small, series)


def bd0(x: np.ndarray, mu: np.ndarray) -> np.ndarray:
    """Deviance $x\\log(x/\\mu) + \\mu - x$ for $x \\ge 0$, $\\mu > 0$, without cancellation near $x = \\mu$."""
    x, mu = np.broadcast_arrays(np.asarray(x, dtype=float), np.asarray(mu, dtype=float))
    near = np.abs(x - mu) < 0.1 * (x + mu)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):  # mu may be subnormal: D = inf, P = 0
        direct = np.where(x > 0, x * np.log(x / mu), 0.0) + mu - x
        v = (x - mu) / (x + mu)
    v = np.where(near, v, 0.0)
    s = (x - mu) * v
    ej = 2 * x * v
    v2 = v * v
    for j in range(1, 20):  # |v| < 0.1, so v**(2j) is below 1e-38 by j = 19
        ej = ej * v2
        s = s + ej / (2 * j + 1)
    return np.where(near, s, direct)


def log_dbinom(k: np.ndarray, n: np.ndarray, p: np.ndarray, q: np.ndarray) -> np.ndarray:
    r"""$\log P(\mathrm{Bin}(n, p) = k)$ with $q = 1 - p$ passed separately (it may be known more precisely).

    ``-inf`` where the probability is 0 (outside $0..n$, or $p = 0$ with $k > 0$, or $q = 0$ with $k < n$).
    """
    k, n, p, q = np.broadcast_arrays(*(np.asarray(a, dtype=float) for a in (k, n, p, q)))
    out = np.full(k.shape, -np.inf)
    inside = (k >= 0) & (k <= n)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        # the two ends: q^n and p^n, through the deviance when the base is close to 1
        at0 = inside & (k == 0)
        log_q_n = np.where(p < 0.1, -bd0(n, n * q) - n * p, n * np.log(q))
        out = np.where(at0, np.where(n == 0, 0.0, log_q_n), out)
        atn = inside & (k == n) & (k > 0)
        log_p_n = np.where(q < 0.1, -bd0(n, n * p) - n * q, n * np.log(p))
        out = np.where(atn, log_p_n, out)
        mid = inside & (k > 0) & (k < n) & (p > 0) & (q > 0)
        kk, nn = np.where(mid, k, 1.0), np.where(mid, n, 2.0)
        pp, qq = np.where(mid, p, 0.5), np.where(mid, q, 0.5)
        lc = stirlerr(nn) - stirlerr(kk) - stirlerr(nn - kk) - bd0(kk, nn * pp) - bd0(nn - kk, nn * qq)
        lf = _LN_2PI + np.log(kk) + np.log1p(-kk / nn)
        out = np.where(mid, lc - 0.5 * lf, out)
    return out
