"""Exact PMFs and CDFs of lectures 7-10 (Stat 110 conventions): normalisation, recursions, means, bad input."""

import math

import numpy as np
import pytest

from studynotes.prob import (
    binomial_cdf,
    binomial_pmf,
    first_success_pmf,
    geometric_cdf,
    geometric_pmf,
    hypergeometric_cdf,
    hypergeometric_pmf,
    negative_binomial_pmf,
)


@pytest.mark.parametrize("n,p", [(0, 0.3), (1, 0.5), (10, 0.3), (25, 0.9), (7, 0.0), (7, 1.0)])
def test_binomial_sums_to_one_and_follows_its_recursion(n, p):
    k = np.arange(n + 1)
    pmf = binomial_pmf(k, n, p)
    assert pmf.sum() == pytest.approx(1.0, abs=1e-12)
    if 0 < p < 1:
        # P(k+1)/P(k) = (n-k)/(k+1) * p/q
        ratio = pmf[1:] / pmf[:-1]
        assert ratio == pytest.approx((n - k[:-1]) / (k[:-1] + 1) * p / (1 - p))
    assert float(k @ pmf) == pytest.approx(n * p)


def test_binomial_cdf_is_the_running_sum_and_a_right_continuous_step():
    n, p = 10, 0.3
    pmf = binomial_pmf(np.arange(n + 1), n, p)
    assert binomial_cdf(np.arange(n + 1), n, p) == pytest.approx(np.cumsum(pmf))
    assert binomial_cdf([2.0, 2.5, 2.999], n, p) == pytest.approx([pmf[:3].sum()] * 3)
    assert binomial_cdf([-0.5, 100.0], n, p) == pytest.approx([0.0, 1.0])


def test_sum_of_binomials_with_same_p_is_binomial():
    n, m, p = 6, 4, 0.35
    conv = np.convolve(binomial_pmf(np.arange(n + 1), n, p), binomial_pmf(np.arange(m + 1), m, p))
    assert conv == pytest.approx(binomial_pmf(np.arange(n + m + 1), n + m, p))


@pytest.mark.parametrize("w,b,n", [(4, 48, 5), (5, 3, 4), (2, 2, 4), (0, 5, 3), (6, 0, 2), (10, 7, 0)])
def test_hypergeometric_sums_to_one_recursion_and_mean(w, b, n):
    k = np.arange(-2, n + 3)
    pmf = hypergeometric_pmf(k, w, b, n)
    assert pmf.sum() == pytest.approx(1.0, abs=1e-12)  # Vandermonde
    assert float(k @ pmf) == pytest.approx(n * w / (w + b))  # linearity with indicators
    support = (k >= max(0, n - b)) & (k <= min(w, n))
    assert np.all(pmf[~support] == 0) and np.all(pmf[support] > 0)
    # P(k+1)/P(k) = (w-k)(n-k) / ((k+1)(b-n+k+1)) inside the support
    for j in range(max(0, n - b), min(w, n)):
        lhs = hypergeometric_pmf(j + 1, w, b, n) / hypergeometric_pmf(j, w, b, n)
        assert lhs == pytest.approx((w - j) * (n - j) / ((j + 1) * (b - n + j + 1)))


def test_aces_in_a_poker_hand_by_counting():
    pmf = hypergeometric_pmf(np.arange(5), 4, 48, 5)
    direct = [math.comb(4, k) * math.comb(48, 5 - k) / math.comb(52, 5) for k in range(5)]
    assert pmf == pytest.approx(direct)
    assert hypergeometric_cdf(np.arange(5), 4, 48, 5) == pytest.approx(np.cumsum(direct))


@pytest.mark.parametrize("p", [0.05, 0.3, 0.5, 1.0])
def test_geometric_counts_failures(p):
    k = np.arange(0, 2000)
    pmf = geometric_pmf(k, p)
    assert pmf.sum() == pytest.approx(1.0, abs=1e-12)
    assert pmf[1:] == pytest.approx((1 - p) * pmf[:-1])  # P(k+1) = q P(k)
    assert float(k @ pmf) == pytest.approx((1 - p) / p)
    assert geometric_pmf(-1, p) == 0.0
    assert geometric_cdf(np.arange(50), p) == pytest.approx(np.cumsum(pmf[:50]))
    assert first_success_pmf(k + 1, p) == pytest.approx(pmf)
    assert first_success_pmf(0, p) == 0.0
    assert float((k + 1) @ first_success_pmf(k + 1, p)) == pytest.approx(1 / p)


@pytest.mark.parametrize("r,p", [(1, 0.4), (3, 0.5), (5, 0.25)])
def test_negative_binomial_recursion_mean_and_geometric_case(r, p):
    k = np.arange(0, 3000)
    pmf = negative_binomial_pmf(k, r, p)
    assert pmf.sum() == pytest.approx(1.0, abs=1e-10)
    assert pmf[1:] == pytest.approx((k[:-1] + r) / (k[:-1] + 1) * (1 - p) * pmf[:-1])
    assert float(k @ pmf) == pytest.approx(r * (1 - p) / p)
    if r == 1:
        assert pmf == pytest.approx(geometric_pmf(k, p))


def test_numpy_conventions_match_the_docstrings():
    rng = np.random.default_rng(7)
    p = 0.3
    geom = rng.geometric(p, size=200_000) - 1  # NumPy counts trials; subtract 1 for Geom(p)
    freq = np.bincount(geom, minlength=5)[:5] / geom.size
    se = np.sqrt(geometric_pmf(np.arange(5), p) * (1 - geometric_pmf(np.arange(5), p)) / geom.size)
    assert np.all(np.abs(freq - geometric_pmf(np.arange(5), p)) <= 4 * se)
    hg = rng.hypergeometric(4, 48, 5, size=200_000)
    freq = np.bincount(hg, minlength=5)[:5] / hg.size
    exact = hypergeometric_pmf(np.arange(5), 4, 48, 5)
    assert np.all(np.abs(freq - exact) <= 4 * np.sqrt(exact * (1 - exact) / hg.size) + 1e-12)


@pytest.mark.parametrize(
    "call",
    [
        lambda: binomial_cdf(1, 5, 1.2),
        lambda: binomial_cdf(1, -1, 0.5),
        lambda: binomial_cdf(1, 2.5, 0.5),
        lambda: hypergeometric_pmf(1, -1, 5, 2),
        lambda: hypergeometric_pmf(1, 4, 48, 60),
        lambda: hypergeometric_pmf(1, 4.5, 48, 5),
        lambda: geometric_pmf(1, 0.0),
        lambda: geometric_pmf(1, -0.1),
        lambda: geometric_cdf(1, 1.5),
        lambda: negative_binomial_pmf(1, 0, 0.5),
        lambda: negative_binomial_pmf(1, 2.0, 0.5),
        lambda: first_success_pmf(1, 2.0),
    ],
)
def test_bad_parameters_raise_value_error(call):
    with pytest.raises(ValueError):
        call()


def test_non_integer_points_raise_type_error():
    with pytest.raises(TypeError):
        geometric_pmf(1.5, 0.5)
