r"""Conditional probability: Bayes' rule, its odds form, the law of total probability, and the
classic conditioning questions of Stat 110 lectures 4-6 in closed form.

Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import NamedTuple

import numpy as np

from .._validate import check_finite_array, check_probability
from .discrete import check_count
from .montecarlo import Estimate, mc_estimate

__all__ = [
    "bayes_rule",
    "posterior_odds",
    "total_probability",
    "disease_test_posterior",
    "TwoCardAnswers",
    "two_card_conditionals",
    "conditional_estimate",
    "SimpsonTable",
    "simpson_rates",
]


def _check_likelihoods(prior: object, likelihood: object, likelihood_complement: object) -> tuple[float, float, float]:
    prior = check_probability("prior", prior)
    likelihood = check_probability("likelihood", likelihood)
    likelihood_complement = check_probability("likelihood_complement", likelihood_complement)
    if likelihood * prior + likelihood_complement * (1.0 - prior) == 0.0:
        raise ValueError("the evidence B has probability 0, so P(A|B) is undefined")
    return prior, likelihood, likelihood_complement


def bayes_rule(prior: float, likelihood: float, likelihood_complement: float) -> float:
    r"""Posterior $P(A\mid B)$ from the prior $P(A)$ and the two likelihoods.

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).

    $$
    P(A\mid B) = \frac{P(B\mid A)P(A)}{P(B\mid A)P(A) + P(B\mid A^c)P(A^c)}
    $$

    The denominator is $P(B)$ by the law of total probability over $A, A^c$.

    Parameters
    ----------
    prior
        $P(A)$ in [0, 1].
    likelihood
        $P(B\mid A)$ in [0, 1].
    likelihood_complement
        $P(B\mid A^c)$ in [0, 1].
    """
    prior, likelihood, likelihood_complement = _check_likelihoods(prior, likelihood, likelihood_complement)
    joint = likelihood * prior
    return joint / (joint + likelihood_complement * (1.0 - prior))


def posterior_odds(prior: float, likelihood: float, likelihood_complement: float) -> float:
    r"""Odds form of Bayes' rule: posterior odds = likelihood ratio times prior odds.

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).

    $$
    \frac{P(A\mid B)}{P(A^c\mid B)} = \frac{P(B\mid A)}{P(B\mid A^c)}\cdot\frac{P(A)}{P(A^c)}
    $$

    Returns ``inf`` when $P(A^c\mid B) = 0$. Convert back with $p = o/(1+o)$.
    """
    prior, likelihood, likelihood_complement = _check_likelihoods(prior, likelihood, likelihood_complement)
    den = likelihood_complement * (1.0 - prior)
    return math.inf if den == 0.0 else likelihood * prior / den


def total_probability(conditionals: object, weights: object) -> float:
    r"""Law of total probability: $P(B) = \sum_i P(B\mid A_i)P(A_i)$ over a partition $A_1..A_n$.

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).

    Parameters
    ----------
    conditionals
        $P(B\mid A_i)$, each in [0, 1].
    weights
        $P(A_i)$, non-negative and summing to 1 (the $A_i$ partition the sample space).
    """
    c = check_finite_array("conditionals", conditionals, ndim=1)
    w = check_finite_array("weights", weights, ndim=1)
    if c.shape != w.shape or c.size == 0:
        raise ValueError(f"conditionals and weights must be non-empty and of equal length, got {c.size} and {w.size}")
    if np.any((c < 0) | (c > 1)):
        raise ValueError(f"conditionals must lie in [0, 1], got {c.tolist()}")
    if np.any(w < 0) or abs(w.sum() - 1.0) > 1e-12:
        raise ValueError(f"weights must be >= 0 and sum to 1, got {w.tolist()}")
    return float(c @ w)


def disease_test_posterior(prevalence: float, sensitivity: float, specificity: float) -> float:
    r"""$P(D\mid T)$: the chance of having the disease after a positive test.

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).

    $$
    P(D\mid T) = \frac{P(T\mid D)P(D)}{P(T\mid D)P(D) + P(T\mid D^c)P(D^c)},
    \qquad P(T\mid D^c) = 1 - \text{specificity}
    $$

    With prevalence 0.01 and a test that is right 95% of the time either way, this is about 0.16.

    Parameters
    ----------
    prevalence
        $P(D)$ in [0, 1].
    sensitivity
        $P(T\mid D)$ in [0, 1].
    specificity
        $P(T^c\mid D^c)$ in [0, 1].
    """
    specificity = check_probability("specificity", specificity)
    return bayes_rule(prevalence, sensitivity, 1.0 - specificity)


class TwoCardAnswers(NamedTuple):
    r"""Exact answers for a random 2-card hand from a standard 52-card deck.

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).
    """

    both_aces: Fraction
    both_given_at_least_one_ace: Fraction
    both_given_ace_of_spades: Fraction


def two_card_conditionals() -> TwoCardAnswers:
    r"""The two-card conditioning questions of lecture 5, as exact fractions.

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).

    A hand is 2 cards chosen without replacement from 52 (4 aces). Counting hands,

    $$
    P(\text{both aces}\mid\text{at least one ace})
    = \frac{\binom42}{\binom{52}2-\binom{48}2} = \frac1{33},\qquad
    P(\text{both aces}\mid\text{ace of spades}) = \frac{3}{51} = \frac1{17}.
    $$

    Knowing *which* ace is in the hand is more informative than knowing there is *some* ace.
    """
    hands = math.comb(52, 2)
    both = math.comb(4, 2)
    at_least_one = hands - math.comb(48, 2)
    with_spade = 51  # the ace of spades with any of the other 51 cards
    both_with_spade = 3  # the ace of spades with one of the other 3 aces
    return TwoCardAnswers(
        Fraction(both, hands),
        Fraction(both, at_least_one),
        Fraction(both_with_spade, with_spade),
    )


def conditional_estimate(event: object, given: object) -> Estimate:
    r"""Monte Carlo estimate of $P(A\mid B)$ as the frequency of $A$ among the draws where $B$ happened.

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).

    Given the number of draws in $B$, those draws are i.i.d. from the conditional
    distribution, so the standard error is that of a proportion on the kept draws.

    Parameters
    ----------
    event, given
        Boolean (or 0/1) arrays of the same length: $A$ and $B$ in each simulated trial.
        At least two trials must satisfy ``given``.
    """
    a = np.asarray(event)
    b = np.asarray(given)
    if a.shape != b.shape or a.ndim != 1:
        raise ValueError(f"event and given must be 1-D arrays of the same length, got shapes {a.shape} and {b.shape}")
    kept = a[b.astype(bool)]
    if kept.size < 2:
        raise ValueError(f"given must hold in at least 2 trials, got {kept.size}")
    return mc_estimate(kept.astype(float))


class SimpsonTable(NamedTuple):
    r"""Success rates per category and overall, and the share of cases in each category.

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).
    """

    rates: np.ndarray
    overall: float
    weights: np.ndarray


def simpson_rates(successes: object, totals: object) -> SimpsonTable:
    r"""Per-category and overall success rates of one doctor (or group).

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).

    The overall rate is the law of total probability with the doctor's own case mix as weights,

    $$
    P(S) = \sum_j P(S\mid C_j)\,P(C_j),
    $$

    so a doctor who is better in every category can still be worse overall when the case mixes
    differ (Simpson's paradox).

    Parameters
    ----------
    successes, totals
        Counts per category (non-negative integers, ``successes <= totals``, every total > 0).
    """
    s = [check_count(f"successes[{j}]", int(v) if isinstance(v, np.integer) else v) for j, v in enumerate(successes)]
    t = [check_count(f"totals[{j}]", int(v) if isinstance(v, np.integer) else v, minimum=1) for j, v in enumerate(totals)]
    if len(s) != len(t) or not s:
        raise ValueError(f"successes and totals must be non-empty and of equal length, got {len(s)} and {len(t)}")
    if any(a > b for a, b in zip(s, t)):
        raise ValueError(f"successes must not exceed totals, got {s} and {t}")
    s_arr, t_arr = np.array(s, dtype=float), np.array(t, dtype=float)
    return SimpsonTable(s_arr / t_arr, float(s_arr.sum() / t_arr.sum()), t_arr / t_arr.sum())
