r"""Closed forms for the classic problems of Stat 110 lectures 4-10.

Each has a simulator in `studynotes.prob.simulate` that checks it.

Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).
"""

from __future__ import annotations

import math

import numpy as np

from .._validate import check_probability, check_real
from .discrete import binomial_pmf, check_count

__all__ = [
    "newton_pepys_prob",
    "birthday_match_prob",
    "monty_hall_win_prob",
    "gamblers_ruin_win_prob",
    "expected_local_maxima",
    "st_petersburg_value",
    "st_petersburg_variance",
]


def newton_pepys_prob(k: int) -> float:
    r"""Probability of at least ``k`` sixes when ``6k`` fair dice are rolled (Newton-Pepys, 1693).

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).

    The number of sixes is $\mathrm{Bin}(6k, 1/6)$, so

    $$
    P(\text{at least } k \text{ sixes}) = 1 - \sum_{j=0}^{k-1}\binom{6k}{j}\Big(\frac16\Big)^j\Big(\frac56\Big)^{6k-j}.
    $$

    It decreases in $k$: one six in 6 dice is the most likely of Pepys's three bets.

    Parameters
    ----------
    k
        Integer >= 1.
    """
    k = check_count("k", k, minimum=1)
    return float(1.0 - binomial_pmf(np.arange(k), 6 * k, 1 / 6).sum())


def birthday_match_prob(k: int, days: int = 365) -> float:
    r"""Probability that among ``k`` people at least two share a birthday (``days`` equally likely days).

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).

    By the chain rule, person $j+1$ avoids the $j$ earlier birthdays with probability
    $1 - j/\text{days}$ given that those were all different:

    $$
    P(\text{match}) = 1 - \prod_{j=0}^{k-1}\Big(1 - \frac{j}{\text{days}}\Big).
    $$

    It first exceeds 1/2 at $k = 23$ for 365 days, and equals 1 for $k > \text{days}$.

    Parameters
    ----------
    k
        Number of people, integer >= 0.
    days
        Number of days, integer >= 1.
    """
    k = check_count("k", k)
    days = check_count("days", days, minimum=1)
    if k > days:
        return 1.0
    return float(1.0 - np.prod(1.0 - np.arange(k) / days))


def monty_hall_win_prob(n_doors: int = 3, opened: int | None = None, switch: bool = True) -> float:
    r"""Probability of winning the car in the ``n_doors`` Monty Hall game.

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).

    The contestant picks a door; Monty, who knows where the car is, opens ``opened`` of the other
    doors, always goat doors, choosing at random among the goat doors he may open. A switching
    contestant then moves to one of the $n - 1 - \text{opened}$ other closed doors at random.
    Conditioning on whether the first pick hid the car (probability $1/n$),

    $$
    P(\text{win by staying}) = \frac1n,\qquad
    P(\text{win by switching}) = \frac{n-1}{n}\cdot\frac{1}{n-1-\text{opened}}.
    $$

    With 3 doors and one opened this is 2/3; when Monty opens all but one other door
    (``opened = n - 2``, the default) switching wins with probability $(n-1)/n$.

    Parameters
    ----------
    n_doors
        Number of doors, integer >= 3.
    opened
        Goat doors Monty opens, integer in $1..n-2$; ``None`` means $n - 2$.
    switch
        Whether the contestant switches.
    """
    n, opened = check_monty_hall(n_doors, opened, switch)
    return (n - 1) / (n * (n - 1 - opened)) if switch else 1.0 / n


def check_monty_hall(n_doors: object, opened: object, switch: object) -> tuple[int, int]:
    """Validate a Monty Hall game's arguments; return ``(n_doors, opened)`` with ``opened`` filled in."""
    n = check_count("n_doors", n_doors, minimum=3)
    opened = n - 2 if opened is None else check_count("opened", opened, minimum=1)
    if opened > n - 2:
        raise ValueError(f"opened must be in 1..{n - 2} (n_doors - 2), got {opened}")
    if not isinstance(switch, bool):
        raise TypeError(f"switch must be True or False, got {switch!r}")
    return n, opened


def gamblers_ruin_win_prob(i: int, N: int, p: float) -> float:
    r"""Probability that gambler A, starting with ``i`` of the ``N`` dollars in play, wins everything.

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).

    Each round A wins a dollar with probability $p$ and loses one with $q = 1-p$.
    First-step analysis gives $p_i = p\,p_{i+1} + q\,p_{i-1}$ with $p_0 = 0$,
    $p_N = 1$, whose solution is

    $$
    p_i = \begin{cases}\dfrac{1-(q/p)^i}{1-(q/p)^N} & p \ne q\\[1ex] \dfrac iN & p = q = \tfrac12.\end{cases}
    $$

    Parameters
    ----------
    i
        A's starting wealth, integer in $0..N$.
    N
        Total wealth of both players, integer >= 1.
    p
        Probability that A wins a round, in [0, 1].
    """
    N = check_count("N", N, minimum=1)
    i = check_count("i", i)
    if i > N:
        raise ValueError(f"i must be in 0..N = 0..{N}, got {i}")
    p = check_probability("p", p)
    if i in (0, N):
        return float(i == N)
    if p in (0.0, 1.0):
        return p
    if p == 0.5:
        return i / N
    # (1 - r^i)/(1 - r^N) overflows for large N when r > 1; divide through by r^N there.
    log_r = math.log((1 - p) / p)
    if log_r > 0:
        return float(-math.expm1(-i * log_r) * math.exp((i - N) * log_r) / -math.expm1(-N * log_r))
    return float(math.expm1(i * log_r) / math.expm1(N * log_r))


def expected_local_maxima(n: int) -> float:
    r"""Expected number of local maxima of a uniformly random permutation of $1..n$ (Putnam).

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).

    With indicators, an interior position is a local maximum with probability 1/3 (the largest of
    three) and each end with probability 1/2 (the larger of two), so by linearity

    $$
    E(\#\text{local maxima}) = (n-2)\cdot\frac13 + 2\cdot\frac12 = \frac{n+1}{3}\qquad(n \ge 2).
    $$

    For $n = 1$ the single entry counts as a local maximum, which is the value 1.

    Parameters
    ----------
    n
        Length of the permutation, integer >= 1.
    """
    n = check_count("n", n, minimum=1)
    return 1.0 if n == 1 else (n + 1) / 3


def st_petersburg_value(cap: float | None = None) -> float:
    r"""Expected payout of the St. Petersburg game, optionally capped.

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).

    A fair coin is flipped until the first heads; with $X \sim \mathrm{FS}(1/2)$ flips the game
    pays $2^X$. Uncapped, $E(2^X) = \sum_{k\ge1} 2^k 2^{-k} = \infty$. With the payout
    capped at $c$, and $K = \lfloor\log_2 c\rfloor$,

    $$
    E\big(\min(2^X, c)\big) = \sum_{k=1}^{K} 2^k 2^{-k} + c\,P(X > K) = K + c\,2^{-K},
    $$

    which is $m + 1$ for $c = 2^m$: 41 for a cap of $2^{40}$ (the tail adds the 1).

    Parameters
    ----------
    cap
        Maximum payout, a real number >= 2; ``None`` for no cap (returns ``inf``).
    """
    if cap is None:
        return math.inf
    cap = check_real("cap", cap, low=2.0)
    K = cap_exponent(cap)
    return K + cap * 2.0**-K


def cap_exponent(cap: float) -> int:
    r"""$K = \lfloor\log_2 c\rfloor$ for a cap $c \ge 2$, exact even where `math.log2` rounds."""
    K = math.floor(math.log2(cap))
    if 2.0 ** (K + 1) <= cap:  # guard against rounding in log2
        K += 1
    elif 2.0**K > cap:
        K -= 1
    return K


def st_petersburg_variance(cap: float | None = None) -> float:
    r"""Variance of the capped St. Petersburg payout $\min(2^X, c)$, $X \sim \mathrm{FS}(1/2)$.

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).

    With $K = \lfloor\log_2 c\rfloor$ the second moment is
    $\sum_{k=1}^{K} 4^k 2^{-k} + c^2 2^{-K} = 2^{K+1} - 2 + c^2 2^{-K}$, so for $c = 2^m$

    $$
    \mathrm{Var}\big(\min(2^X, 2^m)\big) = 3\cdot2^m - 2 - (m+1)^2 .
    $$

    The true standard error of a mean of $n$ games is $\sqrt{\mathrm{Var}/n}$: about 1.8 for
    $c = 2^{20}$ and 1816 for $c = 2^{40}$ with $n = 10^6$. Uncapped (``None``) it is infinite.

    Parameters
    ----------
    cap
        Maximum payout, a real number >= 2; ``None`` for no cap (returns ``inf``).
    """
    if cap is None:
        return math.inf
    cap = check_real("cap", cap, low=2.0)
    K = cap_exponent(cap)
    second = 2.0 ** (K + 1) - 2 + cap * cap * 2.0**-K
    return second - st_petersburg_value(cap) ** 2
