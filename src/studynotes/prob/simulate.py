r"""Vectorised simulators for the classic problems of Stat 110 lectures 4-10.

Each function returns one value per simulated trial (a 0/1 indicator for a probability), so
`studynotes.prob.mc_estimate` turns the result into an estimate with a standard error.
The closed forms they check live in `studynotes.prob.classics` and
`studynotes.prob.conditioning`.

Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from .._validate import (
    check_finite_array,
    check_probability,
    check_probability_vector,
    check_real,
    check_rng,
)
from .classics import cap_exponent, check_monty_hall
from .discrete import check_count
from .montecarlo import Estimate, check_draws, mc_estimate

__all__ = [
    "simulate_newton_pepys",
    "simulate_birthday",
    "sample_two_card_hands",
    "simulate_disease_test",
    "simulate_monty_hall",
    "simulate_case_mix",
    "simulate_gamblers_ruin",
    "gamblers_ruin_experiment",
    "count_local_maxima",
    "simulate_local_maxima",
    "simulate_st_petersburg",
    "repeat_st_petersburg",
]


def simulate_newton_pepys(k: int, size: int, rng: np.random.Generator) -> np.ndarray:
    r"""Roll ``6k`` fair dice ``size`` times; 1 where at least ``k`` sixes came up, else 0.

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).

    Checks `studynotes.prob.newton_pepys_prob`.
    """
    k = check_count("k", k, minimum=1)
    size = check_draws("size", size, per_draw=6 * k)
    rng = check_rng("rng", rng)
    rolls = rng.integers(1, 7, size=(size, 6 * k), dtype=np.int8)
    return ((rolls == 6).sum(axis=1) >= k).astype(float)


def simulate_birthday(k: int, size: int, rng: np.random.Generator, days: int = 365) -> np.ndarray:
    r"""Draw ``size`` groups of ``k`` uniform birthdays; 1 where some birthday is shared.

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).

    Checks `studynotes.prob.birthday_match_prob`.
    """
    k = check_count("k", k)
    size = check_draws("size", size, per_draw=max(k, 1))
    days = check_count("days", days, minimum=1)
    rng = check_rng("rng", rng)
    if k < 2:
        return np.zeros(size)
    b = np.sort(rng.integers(0, days, size=(size, k)), axis=1)
    return (np.diff(b, axis=1) == 0).any(axis=1).astype(float)


def sample_two_card_hands(size: int, rng: np.random.Generator) -> np.ndarray:
    r"""Deal ``size`` hands of 2 cards from a shuffled 52-card deck (shape ``(size, 2)``).

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).

    Cards are numbered 0..51; cards 0..3 are the aces and card 0 is the ace of spades. The
    second card is uniform over the 51 cards left, so every unordered hand has probability
    $1/\binom{52}{2}$.
    """
    size = check_draws("size", size)
    rng = check_rng("rng", rng)
    first = rng.integers(0, 52, size=size)
    second = rng.integers(0, 51, size=size)
    second = second + (second >= first)  # skip the card already dealt
    return np.column_stack([first, second])


def simulate_disease_test(
    prevalence: float, sensitivity: float, specificity: float, size: int, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    r"""Simulate ``size`` people who take a test: returns boolean arrays ``(diseased, positive)``.

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).

    $D \sim \mathrm{Bern}(\text{prevalence})$, then
    $T \mid D \sim \mathrm{Bern}(\text{sensitivity})$ and
    $T \mid D^c \sim \mathrm{Bern}(1-\text{specificity})$.
    """
    prevalence = check_probability("prevalence", prevalence)
    sensitivity = check_probability("sensitivity", sensitivity)
    specificity = check_probability("specificity", specificity)
    size = check_draws("size", size)
    rng = check_rng("rng", rng)
    u = rng.random((2, size))
    diseased = u[0] < prevalence
    positive = np.where(diseased, u[1] < sensitivity, u[1] < 1.0 - specificity)
    return diseased, positive


def simulate_monty_hall(
    size: int,
    rng: np.random.Generator,
    n_doors: int = 3,
    opened: int | None = None,
    switch: bool = True,
) -> np.ndarray:
    r"""Play the ``n_doors`` Monty Hall game ``size`` times; 1 where the contestant wins the car.

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).

    The car and the first pick are uniform and independent. Monty opens ``opened`` goat doors
    among the doors that are neither picked nor hiding the car, uniformly at random; a switching
    contestant then moves to a uniformly random closed door other than the first pick.
    Checks `studynotes.prob.monty_hall_win_prob`.

    Parameters
    ----------
    size
        Number of games (integer >= 1).
    rng
        Random generator.
    n_doors
        Number of doors (integer >= 3).
    opened
        Doors Monty opens, in $1..n-2$; ``None`` means $n - 2$.
    switch
        Whether the contestant switches.
    """
    size = check_draws("size", size)
    rng = check_rng("rng", rng)
    n, opened = check_monty_hall(n_doors, opened, switch)
    rows = np.arange(size)
    car = rng.integers(0, n, size=size)
    pick = rng.integers(0, n, size=size)
    if not switch:
        return (pick == car).astype(float)
    # Monty's choice: the `opened` goat doors with the smallest random keys (a uniform subset).
    keys = rng.random((size, n))
    keys[rows, car] = np.inf
    keys[rows, pick] = np.inf
    monty = np.argsort(keys, axis=1)[:, :opened]
    # The contestant's new door: a uniform choice among the closed doors other than the pick.
    closed = np.ones((size, n), dtype=bool)
    closed[rows, pick] = False
    np.put_along_axis(closed, monty, False, axis=1)
    choice_keys = np.where(closed, rng.random((size, n)), np.inf)
    new = np.argmin(choice_keys, axis=1)
    return (new == car).astype(float)


def simulate_case_mix(
    weights: object, rates: object, size: int, rng: np.random.Generator
) -> tuple[np.ndarray, np.ndarray]:
    r"""Draw ``size`` cases: a category $C$ with probabilities ``weights``, then success with probability ``rates[C]``.

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).

    Returns ``(category, success)``. The overall success frequency estimates
    $\sum_j P(S\mid C_j)P(C_j)$ (law of total probability), which is how Simpson's paradox arises.
    """
    w = check_probability_vector("weights", weights)
    r = check_finite_array("rates", rates, ndim=1)
    if r.shape != w.shape or np.any((r < 0) | (r > 1)):
        raise ValueError(f"rates must be probabilities, one per category ({w.size}), got {r.tolist()}")
    size = check_draws("size", size)
    rng = check_rng("rng", rng)
    category = rng.choice(w.size, size=size, p=w)
    success = rng.random(size) < r[category]
    return category, success


def simulate_gamblers_ruin(i: int, N: int, p: float, size: int, rng: np.random.Generator, block: int = 256) -> np.ndarray:
    r"""Play ``size`` independent games of gambler's ruin; 1 where A (starting at ``i``) reaches ``N``.

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).

    A's wealth is a random walk with steps $+1$ (probability $p$) and $-1$,
    absorbed at 0 and $N$. All unfinished games advance ``block`` steps at a time.
    The game ends with probability 1, so the loop stops. Checks
    `studynotes.prob.gamblers_ruin_win_prob`.
    """
    N = check_count("N", N, minimum=1)
    i = check_count("i", i)
    if i > N:
        raise ValueError(f"i must be in 0..N = 0..{N}, got {i}")
    p = check_probability("p", p)
    size = check_draws("size", size)
    block = check_count("block", block, minimum=1)
    rng = check_rng("rng", rng)
    won = np.full(size, float(i == N))
    if i in (0, N):
        return won
    active = np.arange(size)
    wealth = np.full(size, i, dtype=np.int64)
    while active.size:
        steps = np.where(rng.random((active.size, block)) < p, 1, -1)
        path = wealth[:, None] + np.cumsum(steps, axis=1)
        hit = (path <= 0) | (path >= N)
        done = hit.any(axis=1)
        first = np.argmax(hit, axis=1)
        won[active[done]] = path[done, first[done]] >= N
        active, wealth = active[~done], path[~done, -1]
    return won


@lru_cache(maxsize=64)
def gamblers_ruin_experiment(i: int, N: int, p: float, size: int, seed: int) -> Estimate:
    r"""Monte Carlo estimate of A's winning probability from ``size`` games with ``default_rng(seed)``.

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).

    A cached wrapper of `simulate_gamblers_ruin`: long games (large ``N``, ``p`` near 1/2)
    take a while, and the site runs every example once per language.
    """
    seed = check_count("seed", seed)
    return mc_estimate(simulate_gamblers_ruin(i, N, p, size, np.random.default_rng(seed)))


def count_local_maxima(perms: object) -> np.ndarray:
    r"""Number of local maxima in each row: entries larger than their neighbors (one neighbor at the ends).

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).
    """
    x = np.asarray(perms, dtype=float)
    if x.ndim != 2 or x.shape[1] < 1:
        raise ValueError(f"perms must be a 2-D array with at least one column, got shape {x.shape}")
    pad = np.full((x.shape[0], 1), -np.inf)
    y = np.hstack([pad, x, pad])
    return ((y[:, 1:-1] > y[:, :-2]) & (y[:, 1:-1] > y[:, 2:])).sum(axis=1).astype(float)


def simulate_local_maxima(n: int, size: int, rng: np.random.Generator) -> np.ndarray:
    r"""Number of local maxima of ``size`` uniformly random permutations of $1..n$.

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).

    Checks `studynotes.prob.expected_local_maxima`.
    """
    n = check_count("n", n, minimum=1)
    size = check_draws("size", size, per_draw=n)
    rng = check_rng("rng", rng)
    # The ranks of i.i.d. uniforms form a uniformly random permutation; only their order matters.
    return count_local_maxima(rng.random((size, n)))


def simulate_st_petersburg(size: int, rng: np.random.Generator, cap: float | None = None) -> np.ndarray:
    r"""Payouts $\min(2^X, c)$ of ``size`` St. Petersburg games, $X \sim \mathrm{FS}(1/2)$.

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).

    ``rng.geometric(0.5)`` counts flips up to and including the first heads, which is exactly
    First Success. ``cap=None`` leaves the payout uncapped. Checks
    `studynotes.prob.st_petersburg_value`.
    """
    size = check_draws("size", size)
    rng = check_rng("rng", rng)
    payout = 2.0 ** rng.geometric(0.5, size=size)
    if cap is None:
        return payout
    return np.minimum(payout, check_real("cap", cap, low=2.0))


def repeat_st_petersburg(games: int, cap: float, runs: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    r"""Repeat a capped St. Petersburg experiment ``runs`` times: each run's sample mean and sample standard error.

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).

    One run plays ``games`` games with payout $\min(2^X, c)$ and reports $\bar x$ and $s/\sqrt n$,
    as `mc_estimate` would. The payout depends on $X$ only through the category
    $X = 1, \dots, K$ or $X > K$ ($K = \lfloor\log_2 c\rfloor$), so a run is one draw of the category
    counts, a multinomial with probabilities $2^{-1}, \dots, 2^{-K}, 2^{-K}$; this is exact and
    needs no per-game random numbers, so thousands of runs of a million games each are cheap.

    Parameters
    ----------
    games
        Games per run (integer >= 2).
    cap
        Maximum payout, a real number >= 2.
    runs
        Number of repeated experiments (integer >= 1).
    rng
        Random generator.

    Returns
    -------
    tuple of numpy.ndarray
        ``(means, standard_errors)``, one entry per run.
    """
    games = check_draws("games", games)
    if games < 2:
        raise ValueError(f"games must be >= 2 (a standard error needs two games), got {games}")
    cap = check_real("cap", cap, low=2.0)
    runs = check_draws("runs", runs)
    rng = check_rng("rng", rng)
    K = cap_exponent(cap)
    k = np.arange(1, K + 2)
    probs = 2.0 ** -np.minimum(k, K)  # P(X = k) for k <= K, then P(X > K) = 2^-K
    payout = np.minimum(2.0**k, cap)
    counts = rng.multinomial(games, probs, size=runs)
    means = counts @ payout / games
    var = np.maximum(counts @ payout**2 - games * means**2, 0.0) / (games - 1)
    return means, np.sqrt(var / games)
