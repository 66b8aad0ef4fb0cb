"""Exact PMFs and CDFs stay right for large n and tiny values (against SciPy and exact rationals); no call hangs;
bad input names the argument; the Monte Carlo helpers' standard errors cover the truth as often as they claim."""

from __future__ import annotations

import math
import time
from decimal import Context, Decimal
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from studynotes.prob import (
    Estimate,
    binomial_cdf,
    binomial_pmf,
    cauchy_cdf,
    cauchy_cdf_lotp,
    hypergeometric_pmf,
    mc_cell,
    mc_covariance,
    mc_estimate,
    mc_product,
    mc_variance,
    multinomial_pmf,
    negative_binomial_pmf,
    normal_cdf,
    sample_normal_ratio,
)

TINY = np.finfo(float).tiny  # smallest normal float: the accuracy promise holds down to here
# the same examples on every run (no random seed, no example database): a failure reproduces, a pass stays a pass
FAST = settings(max_examples=60, deadline=None, derandomize=True, database=None)

probabilities = st.one_of(
    st.floats(0.0, 1.0),
    st.floats(-14, 0).map(lambda e: 10.0**e),  # tiny p
    st.floats(-14, 0).map(lambda e: 1.0 - 10.0**e),  # p close to 1
)


def rel_err(ours: np.ndarray, ref: np.ndarray) -> float:
    keep = ref >= TINY
    return float(np.max(np.abs(ours[keep] / ref[keep] - 1.0), initial=0.0))


def spread(n: int, data, size: int = 200) -> np.ndarray:
    """Points over the whole support, plus its ends."""
    k = data.draw(st.lists(st.integers(0, n), min_size=1, max_size=size))
    return np.unique(np.array(k + [0, n]))


# --- against SciPy ------------------------------------------------------------------------------

# SciPy 1.17's binom.pmf is wrong for p below about 1.4e-305: it raises OverflowError (ibeta_derivative) from
# p = TINY/2 up to there, and returns 0 for subnormal p where n p (1-p)^(n-1) is a normal float. Below this
# bound the reference is the exact value instead (test_binomial_pmf_at_the_smallest_floats_equals_the_exact_value).
SCIPY_PMF_MIN_P = 1e-300
_WIDE = Context(prec=50, Emin=-(10**7), Emax=10**7)


def exact_binomial_tiny_p(k: np.ndarray, n: int, p: float) -> np.ndarray:
    """P(Bin(n, p) = k) to 50 digits for 0 < p < 1e-300, from the exact binary value of p."""
    big_p = Decimal(p)
    log_q = -(big_p + big_p * big_p / 2)  # log(1 - p); the next term is below 1e-900 relative
    out = []
    for kk in (int(j) for j in k):
        # far below the smallest normal float (by more than e^50): 0, without the huge exact binomial coefficient
        log_term = math.lgamma(n + 1) - math.lgamma(kk + 1) - math.lgamma(n - kk + 1) + kk * math.log(p)
        if log_term < math.log(TINY) - 50:
            out.append(0.0)
            continue
        term = _WIDE.exp(_WIDE.multiply(Decimal(n - kk), log_q))
        if kk > 0:
            term = _WIDE.multiply(_WIDE.multiply(Decimal(math.comb(n, kk)), _WIDE.power(big_p, kk)), term)
        out.append(float(term))
    return np.array(out)


def reference_binomial_pmf(k: np.ndarray, n: int, p: float) -> np.ndarray:
    if 0 < p < SCIPY_PMF_MIN_P:
        return exact_binomial_tiny_p(k, n, p)
    stats = pytest.importorskip("scipy.stats")
    return stats.binom.pmf(k, n, p)


@FAST
@given(n=st.integers(0, 1000), p=probabilities)
@example(n=1000, p=TINY)
def test_binomial_pmf_matches_scipy_to_1e12_up_to_n_1000(n, p):
    k = np.arange(n + 1)
    assert rel_err(binomial_pmf(k, n, p), reference_binomial_pmf(k, n, p)) <= 1e-12


@FAST
@given(n=st.integers(1000, 10**6), p=probabilities, data=st.data())
def test_binomial_pmf_matches_scipy_to_1e9_up_to_n_1e6(n, p, data):
    k = spread(n, data)
    mode = np.clip(np.round(n * p + np.arange(-50, 51) * math.sqrt(n * p * (1 - p) + 1)), 0, n).astype(np.int64)
    k = np.unique(np.concatenate([k, mode]))
    assert rel_err(binomial_pmf(k, n, p), reference_binomial_pmf(k, n, p)) <= 1e-9


@pytest.mark.parametrize(
    ("n", "p"),
    [(1000, TINY), (10**6, TINY), (935_137, 2.44580559394967e-309), (1000, 1e-307), (10**6, 1.3e-305), (1000, 5e-324)],
)
def test_binomial_pmf_at_the_smallest_floats_equals_the_exact_value(n, p):
    # where SciPy raises or returns 0 (the regime a full run once hit at n = 1000, p = TINY)
    k = np.array([0, 1, 2, 3, n // 2, n])
    exact = exact_binomial_tiny_p(k, n, p)
    ours = binomial_pmf(k, n, p)
    assert rel_err(ours, exact) <= 1e-12
    assert np.all(ours[exact < TINY] <= 1e-300)
    if p >= TINY:
        assert exact[1] >= TINY  # the case is a real one: P(X = 1) is a normal float


@FAST
@given(n=st.integers(0, 1000), p=probabilities, data=st.data())
def test_binomial_cdf_matches_scipy(n, p, data):
    stats = pytest.importorskip("scipy.stats")
    x = np.array(data.draw(st.lists(st.floats(-2.0, n + 2.0), min_size=1, max_size=20)))
    ours, ref = binomial_cdf(x, n, p), stats.binom.cdf(x, n, p)
    assert rel_err(ours, ref) <= 1e-11
    assert np.all(ours[ref < TINY] <= 1e-300)


@FAST
@given(w=st.integers(0, 600), b=st.integers(0, 600), data=st.data())
def test_hypergeometric_pmf_matches_scipy_small(w, b, data):
    stats = pytest.importorskip("scipy.stats")
    n = data.draw(st.integers(0, w + b))
    k = np.arange(0, n + 1)
    assert rel_err(hypergeometric_pmf(k, w, b, n), stats.hypergeom.pmf(k, w + b, w, n)) <= 1e-12


@FAST
@given(w=st.integers(1000, 10**6), b=st.integers(1000, 10**6), data=st.data())
def test_hypergeometric_pmf_matches_scipy_large(w, b, data):
    stats = pytest.importorskip("scipy.stats")
    n = data.draw(st.integers(0, w + b))
    k = spread(min(w, n), data, size=100)
    mean = n * w / (w + b)
    k = np.unique(np.concatenate([k, np.clip(np.round(mean + np.arange(-30, 31) * 20), 0, min(w, n)).astype(np.int64)]))
    assert rel_err(hypergeometric_pmf(k, w, b, n), stats.hypergeom.pmf(k, w + b, w, n)) <= 1e-9


@FAST
@given(r=st.integers(1, 10**6), p=st.one_of(st.floats(1e-6, 1.0), st.floats(-12, 0).map(lambda e: 10.0**e)), data=st.data())
def test_negative_binomial_pmf_matches_scipy(r, p, data):
    stats = pytest.importorskip("scipy.stats")
    k = np.array(data.draw(st.lists(st.integers(0, 10**7), min_size=1, max_size=100)))
    tol = 1e-12 if r + k.max() <= 1000 else 1e-9
    assert rel_err(negative_binomial_pmf(k, r, p), stats.nbinom.pmf(k, r, p)) <= tol


def test_normal_cdf_lower_tail_matches_scipy_down_to_the_smallest_float():
    stats = pytest.importorskip("scipy.stats")
    z = np.linspace(-37.5, 8.0, 2001)
    assert rel_err(normal_cdf(z), stats.norm.cdf(z)) <= 1e-12
    assert rel_err(normal_cdf(-z), stats.norm.sf(z)) <= 1e-12


def test_cauchy_cdf_lower_tail_matches_scipy():
    stats = pytest.importorskip("scipy.stats")
    t = -np.logspace(-3, 15, 400)
    assert rel_err(cauchy_cdf(t), stats.cauchy.cdf(t)) <= 1e-14
    assert rel_err(cauchy_cdf(-t), stats.cauchy.cdf(-t)) <= 1e-14


# --- against exact rationals (no SciPy needed) --------------------------------------------------


def exact_binomial(k: int, n: int, p: float) -> Fraction:
    p_ = Fraction(p)
    return math.comb(n, k) * p_**k * (1 - p_) ** (n - k)


@pytest.mark.parametrize(("k", "n", "p"), [(330, 1000, 0.1), (0, 1000, 1e-3), (1000, 1000, 0.5), (3, 1031, 0.5), (7, 200, 0.9)])
def test_binomial_pmf_equals_the_exact_rational_value(k, n, p):
    assert float(binomial_pmf(k, n, p)) == pytest.approx(float(exact_binomial(k, n, p)), rel=1e-12)


def test_issue_examples_no_longer_overflow_or_underflow():
    # 1031 choose 515 passes the largest float; the old code raised OverflowError there
    k = np.arange(0, 1101)
    pmf = binomial_pmf(k, 1100, 0.5)
    assert pmf.sum() == pytest.approx(1.0, rel=1e-12)
    assert float(binomial_pmf(330, 1000, 0.1)) > 1e-87  # p**330 alone underflows below the smallest float
    assert float(hypergeometric_pmf(1000, 2000, 2000, 2000)) == pytest.approx(
        float(Fraction(math.comb(2000, 1000) ** 2, math.comb(4000, 2000))), rel=1e-12
    )
    assert float(negative_binomial_pmf(1500, 1500, 0.5)) == pytest.approx(
        float(Fraction(math.comb(2999, 1499), 2**3000)), rel=1e-12
    )
    # Phi(-8) and Phi(-10) by the series of the Mills ratio, independent of erf/erfc
    for z in (8.0, 10.0):
        mills = sum((-1) ** j * math.prod(range(1, 2 * j, 2)) / z ** (2 * j + 1) for j in range(12))
        assert float(normal_cdf(-z)) == pytest.approx(math.exp(-z * z / 2) / math.sqrt(2 * math.pi) * mills, rel=1e-9)


def exact_multinomial(counts: list[int], p: list[float]) -> Fraction:
    coef = math.factorial(sum(counts))
    for c in counts:
        coef //= math.factorial(c)
    out = Fraction(coef)
    for c, pj in zip(counts, p):
        out *= Fraction(pj) ** c
    return out


@FAST
@given(data=st.data(), k=st.integers(2, 5))
def test_multinomial_pmf_equals_the_exact_rational_value(data, k):
    weights = data.draw(st.lists(st.integers(0, 50), min_size=k, max_size=k).filter(lambda w: sum(w) > 0))
    p = [w / sum(weights) for w in weights]
    p[-1] = 1.0 - math.fsum(p[:-1])  # sums to 1 within the tolerance the function allows
    if p[-1] < 0:
        p[-1] = 0.0
    counts = data.draw(st.lists(st.integers(0, 300), min_size=k, max_size=k))
    exact = float(exact_multinomial(counts, p))
    ours = multinomial_pmf(counts, p)
    if exact >= TINY:
        assert ours == pytest.approx(exact, rel=1e-11)
    else:
        assert ours <= 1e-300


def test_large_arguments_return_quickly():
    start = time.perf_counter()
    assert multinomial_pmf([10**12, 1], [0.5, 0.5]) == 0.0  # 1e12 * log 2 below the smallest float
    assert float(hypergeometric_pmf(5, 10**9, 10**9, 10**6)) == 0.0
    # representable values at the same sizes: the middle of the distribution
    half = float(binomial_pmf(5 * 10**11, 10**12, 0.5))
    assert multinomial_pmf([5 * 10**11, 5 * 10**11], [0.5, 0.5]) == pytest.approx(half, rel=1e-9)
    assert half == pytest.approx(math.sqrt(2 / (math.pi * 10**12)), rel=1e-9)  # Stirling, error O(1/n)
    centre = float(hypergeometric_pmf(500_000, 10**9, 10**9, 10**6))
    assert centre == pytest.approx(math.sqrt(2 / (math.pi * 10**6 * (1 - 10**6 / (2 * 10**9)))), rel=1e-5)
    assert time.perf_counter() - start < 5.0


def test_counts_beyond_float_precision_are_refused_with_the_limit():
    with pytest.raises(ValueError, match=r"sum\(counts\) must be <= 9007199254740992"):
        multinomial_pmf([2**53, 1], [0.5, 0.5])
    with pytest.raises(ValueError, match=r"n must be <= 9007199254740992"):
        binomial_pmf(3, 2**53 + 1, 0.5)
    with pytest.raises(ValueError, match=r"w \+ b must be <="):
        hypergeometric_pmf(3, 2**52 + 1, 2**52, 10)
    with pytest.raises(ValueError, match="x must be below"):
        binomial_cdf(10**9, 10**12, 0.5)


def test_cauchy_cdf_lotp_error_is_the_documented_trapezoid_error():
    h = 12.0 / 60_000
    for t in (0.5, 1.0, 4.0):
        predicted = -(h**2) / 12 * math.sqrt(2 / math.pi) * t / math.sqrt(2 * math.pi)
        assert cauchy_cdf_lotp(t) - float(cauchy_cdf(t)) == pytest.approx(predicted, rel=0.01)


# --- bad input names the argument ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: cauchy_cdf(None), TypeError, "t must be a real number"),
        (lambda: mc_estimate("abc"), TypeError, "samples must be a real number"),
        (lambda: mc_estimate([[1.0, 2.0], [3.0]]), TypeError, "samples must be"),
        (lambda: normal_cdf([1.0, None]), TypeError, "x must be a real number"),
        (lambda: binomial_pmf([0.5], 10, 0.5), TypeError, "k must hold integers"),
        (lambda: sample_normal_ratio(10**12, np.random.default_rng(0)), ValueError, r"n must be <= 50000000"),
        (lambda: mc_cell(0.5, 0.5), TypeError, "estimate must be an Estimate"),
        (lambda: mc_covariance([1.0, 2.0], [1.0]), ValueError, "x and y must have the same length"),
    ],
)
def test_bad_input_names_the_argument(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_empty_points_give_an_empty_result():
    assert binomial_pmf([], 10, 0.5).shape == (0,)
    assert hypergeometric_pmf(np.array([], dtype=int), 3, 4, 5).shape == (0,)


# --- Monte Carlo helpers: the SE is honest ------------------------------------------------------


def coverage(estimates: list[Estimate], exact: float) -> float:
    return float(np.mean([abs(e.value - exact) <= 1.96 * e.se for e in estimates]))


def test_variance_covariance_and_product_ses_cover_at_the_stated_rate():
    rng = np.random.default_rng(2026)
    reps, n = 400, 2000
    var_est, cov_est, prod_est = [], [], []
    for _ in range(reps):
        z = rng.standard_normal((2, n))
        x = 2.0 * z[0]  # Var 4
        y = 0.6 * z[0] + 0.8 * z[1]  # Cov(x, y) = 1.2
        var_est.append(mc_variance(x))
        cov_est.append(mc_covariance(x, y))
        a, b = x > 1.0, y > 0.0  # correlated indicators from the same runs
        prod_est.append(mc_product(a, b))
    p_a = float(normal_cdf(-0.5))
    # 95% intervals: over 400 replicates the coverage is 0.95 +- 0.011 (one SD)
    for estimates, exact in ((var_est, 4.0), (cov_est, 1.2), (prod_est, p_a * 0.5)):
        assert 0.91 <= coverage(estimates, exact) <= 0.985
    # and the SE is the spread of the estimates, not just wide enough
    assert np.mean([e.se for e in var_est]) == pytest.approx(np.std([e.value for e in var_est]), rel=0.1)
    assert np.mean([e.se for e in var_est]) == pytest.approx(math.sqrt(2 / n) * 4.0, rel=0.05)


def test_mc_cell_shows_two_significant_digits_of_the_se_and_tags_the_exact_value():
    cell = mc_cell(Estimate(10.8314, 0.05312, 10**6), 11)
    assert cell == '<span class="sn-mc" data-exact="11.0">10.831\u00a0±\u00a00.053</span>'
    heavy = mc_cell(Estimate(0.0712, 0.00026, 10**6), 0.0712, heavy_tail=True)
    assert heavy == '<span class="sn-mc" data-exact="0.0712" data-heavy-tail="1">0.07120\u00a0±\u00a00.00026</span>'
