"""studynotes.prob for Stat 110 lecture 20: normals, the multinomial and the Cauchy, against closed forms."""

from __future__ import annotations

import math

import numpy as np
import pytest

from studynotes.prob import (
    Estimate,
    binomial_pmf,
    cauchy_cdf,
    cauchy_cdf_lotp,
    cauchy_pdf,
    empirical_mgf,
    expected_abs_diff_iid_normals,
    expected_abs_normal,
    mc_covariance,
    mc_estimate,
    mc_variance,
    multinomial_conditional,
    multinomial_cov,
    multinomial_lump,
    multinomial_marginal,
    multinomial_pmf,
    normal_cdf,
    normal_mgf,
    normal_pdf,
    running_mean,
    sample_abs_diff_iid_normals,
    sample_multinomial,
    sample_normal_ratio,
    sum_of_independent_normals,
)

P = np.array([0.5, 0.3, 0.2])


def rng(seed: int = 0) -> np.random.Generator:
    return np.random.default_rng(seed)


# --- Monte Carlo helper -------------------------------------------------------------------------


def test_mc_estimate_matches_mean_and_standard_error() -> None:
    x = np.array([1.0, 2.0, 3.0, 4.0])
    est = mc_estimate(x)
    assert est.value == 2.5 and est.n == 4
    assert est.se == pytest.approx(math.sqrt(np.var(x, ddof=1) / 4))
    assert est.agrees_with(2.5 + 3.9 * est.se) and not est.agrees_with(2.5 + 4.1 * est.se)


def test_mc_standard_error_shrinks_like_one_over_sqrt_n() -> None:
    small, large = mc_estimate(rng(1).standard_normal(1_000)), mc_estimate(rng(1).standard_normal(100_000))
    assert large.se / small.se == pytest.approx(0.1, rel=0.05)


def test_running_mean() -> None:
    np.testing.assert_allclose(running_mean([2.0, 4.0, 6.0]), [2.0, 3.0, 4.0])


# --- E|Z1 - Z2| and sums of normals -------------------------------------------------------------


def test_expected_abs_values_closed_forms() -> None:
    assert expected_abs_normal() == pytest.approx(math.sqrt(2 / math.pi))
    assert expected_abs_diff_iid_normals() == pytest.approx(2 / math.sqrt(math.pi))


def test_expected_abs_normal_by_quadrature() -> None:
    z = np.linspace(-12, 12, 200_001)
    assert np.trapezoid(np.abs(z) * normal_pdf(z), z) == pytest.approx(expected_abs_normal(), abs=1e-9)


def test_simulated_abs_difference_within_four_standard_errors() -> None:
    est = mc_estimate(sample_abs_diff_iid_normals(400_000, rng(20)))
    assert est.agrees_with(expected_abs_diff_iid_normals())
    # and it is clearly not the single-normal value sqrt(2/pi)
    assert not est.agrees_with(expected_abs_normal(), k=50)


@pytest.mark.parametrize("sign,mean", [(1, -2.0), (-1, 4.0)])
def test_sum_and_difference_of_normals(sign, mean) -> None:
    m, v = sum_of_independent_normals(1.0, 4.0, -3.0, 2.25, sign=sign)
    assert (m, v) == (mean, 6.25)
    x = rng(3).normal(1.0, 2.0, 300_000) + sign * rng(4).normal(-3.0, 1.5, 300_000)
    assert mc_estimate(x).agrees_with(m)
    # sample variance: standard error of s^2 for a normal is var * sqrt(2 / (n - 1))
    assert abs(x.var(ddof=1) - v) < 4 * v * math.sqrt(2 / (x.size - 1))


def test_mgf_of_sum_is_product_of_mgfs() -> None:
    t = np.linspace(-1, 1, 11)
    np.testing.assert_allclose(normal_mgf(t, 1.0, 4.0) * normal_mgf(t, -3.0, 2.25), normal_mgf(t, -2.0, 6.25))


def test_empirical_mgf_agrees_with_theory() -> None:
    x = rng(5).normal(-2.0, 2.5, 400_000)
    vals = np.exp(0.3 * x)
    est = mc_estimate(vals)
    assert empirical_mgf(x, 0.3) == pytest.approx(est.value)
    assert est.agrees_with(float(normal_mgf(0.3, -2.0, 6.25)))


def test_normal_cdf_and_pdf() -> None:
    assert float(normal_cdf(0.0)) == 0.5
    assert float(normal_cdf(1.96)) == pytest.approx(0.9750021, abs=1e-7)
    x = np.linspace(-3, 3, 7)
    # derivative of the CDF is the PDF
    h = 1e-5
    np.testing.assert_allclose((normal_cdf(x + h, 1, 2) - normal_cdf(x - h, 1, 2)) / (2 * h), normal_pdf(x, 1, 2), rtol=1e-6)


# --- Multinomial ----------------------------------------------------------------------------------


def test_multinomial_pmf_sums_to_one_and_matches_hand_value() -> None:
    n = 6
    total = sum(multinomial_pmf((i, j, n - i - j), P) for i in range(n + 1) for j in range(n + 1 - i))
    assert total == pytest.approx(1.0, abs=1e-12)
    assert multinomial_pmf((1, 1, 1), P) == pytest.approx(6 * 0.5 * 0.3 * 0.2)


def test_marginal_is_binomial() -> None:
    n = 10
    for j in range(3):
        n_out, p_j = multinomial_marginal(n, P, j)
        for k in range(n + 1):
            marginal = sum(multinomial_pmf(_counts(j, k, m, n), P) for m in range(n - k + 1))
            assert marginal == pytest.approx(float(binomial_pmf(k, n_out, p_j)), abs=1e-12)


def _counts(j: int, k: int, m: int, n: int) -> tuple[int, int, int]:
    """Counts with X_j = k, the next category m and the last one the rest."""
    counts = [0, 0, 0]
    others = [c for c in range(3) if c != j]
    counts[j], counts[others[0]], counts[others[1]] = k, m, n - k - m
    return tuple(counts)


def test_lumping_adds_probabilities_and_matches_the_joint_pmf() -> None:
    lumped = multinomial_lump(P, [[0], [1, 2]])
    np.testing.assert_allclose(lumped, [0.5, 0.5])
    n = 10
    for s in range(n + 1):
        direct = sum(multinomial_pmf((n - s, a, s - a), P) for a in range(s + 1))
        assert direct == pytest.approx(float(binomial_pmf(s, n, lumped[1])), abs=1e-12)


def test_conditional_renormalizes_and_matches_the_joint_pmf() -> None:
    n, n1 = 10, 4
    m, q = multinomial_conditional(n, P, j=0, n_j=n1)
    assert m == 6
    np.testing.assert_allclose(q, [0.6, 0.4])
    p_x1 = float(binomial_pmf(n1, n, P[0]))
    for a in range(m + 1):
        conditional = multinomial_pmf((n1, a, m - a), P) / p_x1
        assert conditional == pytest.approx(multinomial_pmf((a, m - a), q), abs=1e-12)


def test_covariance_matrix_and_simulation() -> None:
    cov = multinomial_cov(10, P)
    assert cov[0, 1] == pytest.approx(-1.5) and cov[1, 1] == pytest.approx(2.1)
    np.testing.assert_allclose(cov.sum(axis=1), 0.0, atol=1e-12)  # the counts add up to n, a constant
    draws = sample_multinomial(10, P, 200_000, rng(6))
    prod = (draws[:, 0] - 5.0) * (draws[:, 1] - 3.0)
    assert mc_estimate(prod).agrees_with(-1.5)


# --- Cauchy ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("t", [-2.0, 0.5, 1.0, 3.0])
def test_cauchy_cdf_lotp_integral_matches_arctan(t) -> None:
    assert cauchy_cdf_lotp(t) == pytest.approx(float(cauchy_cdf(t)), abs=1e-8)


def test_cauchy_pdf_integrates_to_cdf_differences() -> None:
    t = np.linspace(-1, 1, 20_001)
    assert np.trapezoid(cauchy_pdf(t), t) == pytest.approx(0.5, abs=1e-9)
    assert float(cauchy_cdf(1.0)) == pytest.approx(0.75)


def test_ratio_of_normals_is_cauchy() -> None:
    t = sample_normal_ratio(400_000, rng(7))
    for point in (-3.0, -1.0, 0.0, 0.5, 2.0):
        assert mc_estimate((t <= point).astype(float)).agrees_with(float(cauchy_cdf(point)))


def test_mean_of_cauchys_is_cauchy() -> None:
    means = sample_normal_ratio(100 * 20_000, rng(8)).reshape(20_000, 100).mean(axis=1)
    assert mc_estimate((np.abs(means) <= 1).astype(float)).agrees_with(0.5)


# --- bad input ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "call,name",
    [
        (lambda: normal_pdf(0.0, 0.0, 0.0), "var"),
        (lambda: normal_pdf([0.0, np.nan]), "x"),
        (lambda: sum_of_independent_normals(0, -1, 0, 1), "var1"),
        (lambda: sum_of_independent_normals(0, 1, 0, 1, sign=2), "sign"),
        (lambda: multinomial_pmf((1, 2), P), "counts"),
        (lambda: multinomial_pmf((1, -2, 1), P), "counts[1]"),
        (lambda: multinomial_pmf((1, 1, 1), [0.5, 0.6, -0.1]), "p"),
        (lambda: multinomial_pmf((1, 1, 1), [0.5, 0.3, 0.3]), "p"),
        (lambda: multinomial_marginal(10, P, 3), "j"),
        (lambda: multinomial_conditional(10, P, 0, 11), "n_j"),
        (lambda: multinomial_lump(P, [[0], [0, 1, 2]]), "groups"),
        (lambda: sample_abs_diff_iid_normals(0, rng()), "n"),
        (lambda: cauchy_cdf_lotp(1.0, num=1), "num"),
        (lambda: mc_estimate([1.0]), "samples"),
        (lambda: binomial_pmf(2, 5, 1.5), "p"),
    ],
)
def test_bad_input_raises_value_error_naming_the_argument(call, name) -> None:
    with pytest.raises(ValueError, match=rf"\b{name.replace('[', '.').replace(']', '.')}"):
        call()


@pytest.mark.parametrize(
    "call",
    [lambda: sample_normal_ratio(10, 0), lambda: sample_normal_ratio(2.5, rng()), lambda: binomial_pmf(1.5, 5, 0.5)],
)
def test_wrong_types_raise_type_error(call) -> None:
    with pytest.raises(TypeError):
        call()


def test_estimate_is_printable() -> None:
    assert str(Estimate(0.5, 0.01, 100)) == "0.5000 ± 0.0100"


# --- "sum of normals is normal": independence is sufficient, not necessary ---------------------------


def _dependent_normal_pair(c: float = 1.0):
    """The page's density phi(x)phi(y)[1 + c xy(x^2 - y^2) e^{-(x^2+y^2)/2}] on a grid (c = 1 in the page)."""
    g = np.linspace(-9.0, 9.0, 1801)
    x, y = np.meshgrid(g, g, indexing="ij")
    phi = lambda v: np.exp(-v * v / 2) / math.sqrt(2 * math.pi)  # noqa: E731
    f = phi(x) * phi(y) * (1 + c * x * y * (x * x - y * y) * np.exp(-(x * x + y * y) / 2))
    return g, x, y, f


def test_normal_marginals_and_normal_sum_without_independence_or_joint_normality() -> None:
    g, x, y, f = _dependent_normal_pair()
    h = g[1] - g[0]
    # a density: never negative (the bound 4e^-2 < 1 in the page), total mass 1
    assert f.min() >= 0 and (4 * math.exp(-2)) < 1
    assert np.abs(x * y * (x * x - y * y) * np.exp(-(x * x + y * y) / 2)).max() == pytest.approx(4 * math.exp(-2), rel=1e-3)
    assert f.sum() * h * h == pytest.approx(1.0, abs=1e-9)
    # both marginals are N(0, 1)
    np.testing.assert_allclose(f.sum(axis=1) * h, normal_pdf(g), atol=1e-12)
    np.testing.assert_allclose(f.sum(axis=0) * h, normal_pdf(g), atol=1e-12)
    # X + Y ~ N(0, 2): the density of the sum at s integrates f along the line x + y = s
    for s in (-2.5, -0.7, 0.0, 0.4, 1.3, 3.0):
        along = np.array([np.interp(s - xi, g, f[i]) for i, xi in enumerate(g)])
        assert along.sum() * h == pytest.approx(float(normal_pdf(s, 0.0, 2.0)), abs=1e-9)
    # not independent, and, being uncorrelated, not jointly normal: f differs from phi(x)phi(y)
    assert (f * x * y).sum() * h * h == pytest.approx(0.0, abs=1e-12)
    independent = normal_pdf(x) * normal_pdf(y)
    assert np.abs(f - independent).max() > 0.005
    # a set of positive probability where the difference shows: P(X > 1, Y in (0, 1)) differs from the product
    box = (x > 1) & (y > 0) & (y < 1)
    assert abs((f * box).sum() - (independent * box).sum()) * h * h > 1e-3


def test_random_sign_counterexample_sum_is_zero_half_the_time() -> None:
    r = rng(20)
    z = r.standard_normal(200_000)
    s = r.choice([-1.0, 1.0], size=z.size)
    assert mc_estimate(s * z).agrees_with(0.0)  # Y = SZ is N(0, 1) by symmetry: mean 0 ...
    assert mc_estimate((s * z <= 1.0).astype(float)).agrees_with(float(normal_cdf(1.0)))  # ... and CDF of N(0, 1)
    assert mc_estimate((z + s * z == 0).astype(float)).agrees_with(0.5)


def test_characteristic_function_of_the_standard_cauchy_is_exp_minus_abs_t() -> None:
    # the pointer for "the mean of n Cauchys is Cauchy": E cos(tT) = e^{-|t|} by quadrature in the angle variable
    theta = (np.arange(400_000) + 0.5) * math.pi / 400_000 - math.pi / 2  # T = tan(theta), theta uniform
    for t in (0.3, 1.0, 2.5):
        assert np.cos(t * np.tan(theta)).mean() == pytest.approx(math.exp(-abs(t)), abs=2e-4)


@pytest.mark.parametrize("seed", [2022, 1, 7])
def test_sample_variances_of_sum_and_difference_differ_by_four_sample_covariances(seed) -> None:
    # the page's c2: whatever the seed, s^2(x+y) - s^2(x-y) = 4 * sample Cov(x, y), and that covariance is chance
    r = rng(seed)
    x, y = r.normal(1.0, 2.0, 1_000_000), r.normal(-3.0, 1.5, 1_000_000)
    plus, minus, cov = mc_variance(x + y), mc_variance(x - y), mc_covariance(x, y)
    assert plus.value - minus.value == pytest.approx(4 * cov.value, abs=1e-9)
    assert cov.agrees_with(0.0)
    assert cov.se == pytest.approx(math.sqrt(4.0 * 2.25 / x.size), rel=0.02)  # sd(X) sd(Y) / sqrt(n) for independent X, Y
    assert plus.agrees_with(6.25) and minus.agrees_with(6.25)
