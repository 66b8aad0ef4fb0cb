"""Bayes' rule, the law of total probability and the conditioning questions of lectures 4-6."""

import itertools
import math
from fractions import Fraction

import numpy as np
import pytest

from studynotes.prob import (
    bayes_rule,
    conditional_estimate,
    disease_test_posterior,
    mc_estimate,
    posterior_odds,
    sample_two_card_hands,
    simpson_rates,
    simulate_case_mix,
    simulate_disease_test,
    total_probability,
    two_card_conditionals,
)


def test_disease_test_posterior_is_about_0_161():
    exact = 0.95 * 0.01 / (0.95 * 0.01 + 0.05 * 0.99)
    assert disease_test_posterior(0.01, 0.95, 0.95) == pytest.approx(exact)
    assert round(disease_test_posterior(0.01, 0.95, 0.95), 3) == 0.161


@pytest.mark.parametrize("prior,l1,l0", [(0.01, 0.95, 0.05), (0.5, 0.2, 0.7), (0.3, 1.0, 0.0), (0.9, 0.1, 0.4)])
def test_odds_form_agrees_with_bayes_rule(prior, l1, l0):
    post = bayes_rule(prior, l1, l0)
    odds = posterior_odds(prior, l1, l0)
    if math.isinf(odds):
        assert post == 1.0
    else:
        assert odds / (1 + odds) == pytest.approx(post)
    # P(B) by the law of total probability
    assert total_probability([l1, l0], [prior, 1 - prior]) * post == pytest.approx(l1 * prior)


def test_two_card_answers_by_enumerating_every_hand():
    aces, spade = {0, 1, 2, 3}, 0
    hands = list(itertools.combinations(range(52), 2))
    both = [h for h in hands if set(h) <= aces]
    any_ace = [h for h in hands if set(h) & aces]
    with_spade = [h for h in hands if spade in h]
    ans = two_card_conditionals()
    assert ans.both_aces == Fraction(len(both), len(hands))
    assert ans.both_given_at_least_one_ace == Fraction(len(both), len(any_ace)) == Fraction(1, 33)
    assert ans.both_given_ace_of_spades == Fraction(sum(set(h) <= aces for h in with_spade), len(with_spade)) == Fraction(1, 17)


def test_two_card_simulation_within_four_standard_errors():
    hands = sample_two_card_hands(400_000, np.random.default_rng(5))
    assert np.all(hands[:, 0] != hands[:, 1]) and hands.min() >= 0 and hands.max() <= 51
    n_aces = (hands < 4).sum(axis=1)
    ans = two_card_conditionals()
    assert conditional_estimate(n_aces == 2, n_aces >= 1).agrees_with(float(ans.both_given_at_least_one_ace))
    assert conditional_estimate(n_aces == 2, (hands == 0).any(axis=1)).agrees_with(float(ans.both_given_ace_of_spades))


def test_disease_simulation_within_four_standard_errors():
    d, t = simulate_disease_test(0.01, 0.95, 0.95, 1_000_000, np.random.default_rng(3))
    assert conditional_estimate(d, t).agrees_with(disease_test_posterior(0.01, 0.95, 0.95))


def test_simpson_reversal_in_the_lecture_numbers():
    hibbert = simpson_rates([70, 10], [90, 10])
    nick = simpson_rates([2, 81], [10, 90])
    assert np.all(hibbert.rates > nick.rates)
    assert hibbert.overall == pytest.approx(0.80) and nick.overall == pytest.approx(0.83)
    assert hibbert.overall < nick.overall
    assert total_probability(hibbert.rates, hibbert.weights) == pytest.approx(hibbert.overall)
    cat, ok = simulate_case_mix(nick.weights, nick.rates, 200_000, np.random.default_rng(11))
    assert mc_estimate(ok.astype(float)).agrees_with(nick.overall)
    assert conditional_estimate(ok, cat == 1).agrees_with(nick.rates[1])


@pytest.mark.parametrize(
    "call",
    [
        lambda: bayes_rule(1.2, 0.5, 0.5),
        lambda: bayes_rule(0.5, -0.1, 0.5),
        lambda: bayes_rule(0.0, 0.5, 0.0),
        lambda: disease_test_posterior(0.01, 0.95, 1.5),
        lambda: total_probability([0.5, 0.5], [0.7, 0.7]),
        lambda: total_probability([1.5, 0.5], [0.5, 0.5]),
        lambda: simpson_rates([11], [10]),
        lambda: simpson_rates([-1], [10]),
        lambda: simpson_rates([1.5], [10]),
        lambda: simpson_rates([1], [0]),
        lambda: conditional_estimate(np.ones(5), np.zeros(5)),
        lambda: simulate_disease_test(0.01, 0.95, 0.95, 0, np.random.default_rng(0)),
        lambda: sample_two_card_hands(-3, np.random.default_rng(0)),
    ],
)
def test_bad_input_raises_value_error(call):
    with pytest.raises(ValueError):
        call()


def test_rng_must_be_a_generator():
    with pytest.raises(TypeError):
        sample_two_card_hands(10, 0)
