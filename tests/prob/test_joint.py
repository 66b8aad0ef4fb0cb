"""Joint, marginal and conditional distributions (Stat 110 lecture 19) against closed forms."""

from __future__ import annotations

import math

import numpy as np
import pytest

from studynotes.prob import (
    binomial_pmf,
    conditional_pmf,
    disc_conditional_var,
    disc_marginal_pdf,
    empirical_joint_pmf,
    is_independent,
    joint_expectation,
    joint_marginals,
    lotus_grid,
    mc_estimate,
    mixed_partial,
    poisson_pmf,
    sample_chicken_egg,
    sample_hatching,
    sample_uniform_region,
    sample_unit_disc,
)

K = 4.5  # standard errors allowed for a Monte Carlo check

TABLE = np.array([[0.10, 0.20, 0.10],
                  [0.25, 0.15, 0.20]])


def random_table(rng: np.random.Generator, shape=(4, 5)) -> np.ndarray:
    t = rng.random(shape)
    return t / t.sum()


# --- discrete tables -------------------------------------------------------------------------


def test_marginals_are_row_and_column_sums_and_sum_to_one() -> None:
    px, py = joint_marginals(TABLE)
    np.testing.assert_allclose(px, [0.4, 0.6])
    np.testing.assert_allclose(py, [0.35, 0.35, 0.30])
    for table in (TABLE, random_table(np.random.default_rng(1))):
        px, py = joint_marginals(table)
        assert px.sum() == pytest.approx(1.0) and py.sum() == pytest.approx(1.0)


@pytest.mark.parametrize("given", ["x", "y"])
def test_conditionals_sum_to_one_and_rebuild_the_joint(given: str) -> None:
    table = random_table(np.random.default_rng(2))
    cond = conditional_pmf(table, given=given)
    np.testing.assert_allclose(cond.sum(axis=1), 1.0)
    px, py = joint_marginals(table)
    rebuilt = cond * px[:, None] if given == "x" else (cond * py[:, None]).T
    np.testing.assert_allclose(rebuilt, table)


def test_conditional_matches_hand_computation() -> None:
    np.testing.assert_allclose(conditional_pmf(TABLE)[1], [0.25 / 0.6, 0.15 / 0.6, 0.20 / 0.6])
    np.testing.assert_allclose(conditional_pmf(TABLE, given="y")[0], [0.10 / 0.35, 0.25 / 0.35])


def test_conditional_given_a_zero_probability_value_is_undefined() -> None:
    table = np.array([[0.5, 0.5], [0.0, 0.0]])
    cond = conditional_pmf(table)
    np.testing.assert_allclose(cond[0], [0.5, 0.5])
    assert np.all(np.isnan(cond[1]))


def test_independence_check() -> None:
    px, py = np.array([0.2, 0.3, 0.5]), np.array([0.6, 0.4])
    product = np.outer(px, py)
    assert is_independent(product)
    assert not is_independent(TABLE)
    bumped = product.copy()
    bumped[0, 0] += 0.01
    bumped[0, 1] -= 0.01
    bumped[1, 0] -= 0.01
    bumped[1, 1] += 0.01  # same marginals, one cell off the product
    np.testing.assert_allclose(joint_marginals(bumped)[0], px)
    assert not is_independent(bumped)


def test_joint_expectation_is_2d_lotus() -> None:
    xs, ys = np.array([0.0, 1.0]), np.array([0.0, 1.0, 2.0])
    assert joint_expectation(TABLE, lambda x, y: x * y, xs, ys) == pytest.approx(0.15 + 2 * 0.20)
    assert joint_expectation(TABLE, lambda x, y: np.ones_like(x), xs, ys) == pytest.approx(1.0)
    # independence: E(XY) = E(X)E(Y)
    px, py = np.array([0.2, 0.8]), np.array([0.1, 0.6, 0.3])
    exy = joint_expectation(np.outer(px, py), lambda x, y: x * y, xs, ys)
    assert exy == pytest.approx((px @ xs) * (py @ ys))


@pytest.mark.parametrize(
    "bad",
    [
        [[0.5, -0.1], [0.3, 0.3]],  # negative entry
        [[0.2, 0.2], [0.2, 0.2]],  # sums to 0.8
        [[0.5, 0.2], [0.3]],  # ragged
        [0.5, 0.5],  # 1-D
        [[0.5, np.nan], [0.25, 0.25]],  # NaN
        np.zeros((0, 3)),  # empty
    ],
)
def test_bad_tables_raise_value_error(bad) -> None:
    for call in (joint_marginals, conditional_pmf, is_independent):
        with pytest.raises(ValueError, match="table"):
            call(bad)


def test_other_bad_arguments() -> None:
    with pytest.raises(ValueError, match="given"):
        conditional_pmf(TABLE, given="z")
    with pytest.raises(ValueError, match="x_values"):
        joint_expectation(TABLE, lambda x, y: x, [0, 1, 2], [0, 1, 2])
    with pytest.raises(TypeError, match="g"):
        joint_expectation(TABLE, "xy", [0, 1], [0, 1, 2])
    with pytest.raises(ValueError, match="atol"):
        is_independent(TABLE, atol=-1.0)


def test_empirical_joint_pmf_counts_pairs() -> None:
    x = np.array([0, 0, 1, 1, 1, 5])
    y = np.array([0, 2, 2, 2, 1, 0])
    table = empirical_joint_pmf(x, y, [0, 1], [0, 1, 2])
    np.testing.assert_allclose(table * 6, [[1, 0, 1], [0, 1, 2]])  # the pair (5, 0) is off the grid
    with pytest.raises(ValueError, match="x_values"):
        empirical_joint_pmf(x, y, [1, 0], [0, 1, 2])


# --- uniform on a region ---------------------------------------------------------------------


def test_disc_acceptance_rate_is_pi_over_4() -> None:
    sample = sample_unit_disc(200_000, np.random.default_rng(3))
    assert sample.points.shape == (200_000, 2)
    assert np.all((sample.points**2).sum(axis=1) <= 1.0)
    est = sample.acceptance_estimate()
    assert est.agrees_with(math.pi / 4, K), est
    # the standard error really is the binomial one: sqrt(r(1 - r)/m)
    assert est.se == pytest.approx(math.sqrt(math.pi / 4 * (1 - math.pi / 4) / sample.proposals), rel=0.01)


def test_disc_marginal_density_matches_histogram() -> None:
    n = 400_000
    x = sample_unit_disc(n, np.random.default_rng(4)).points[:, 0]
    edges = np.linspace(-1, 1, 21)

    def marginal_cdf(t):  # closed form of the integral of (2/pi) sqrt(1 - t^2)
        return 0.5 + (t * np.sqrt(1 - t * t) + np.arcsin(t)) / math.pi

    probs = np.diff(marginal_cdf(edges))
    freq = np.histogram(x, bins=edges)[0] / n
    se = np.sqrt(probs * (1 - probs) / n)
    assert np.all(np.abs(freq - probs) <= K * se)
    # the density itself integrates to 1 and peaks at 2/pi
    grid = np.linspace(-1, 1, 200_001)
    assert np.trapezoid(disc_marginal_pdf(grid), grid) == pytest.approx(1.0, abs=1e-6)
    assert float(disc_marginal_pdf(0.0)) == pytest.approx(2 / math.pi)
    assert float(disc_marginal_pdf(1.5)) == 0.0


def test_disc_conditional_is_uniform_on_the_chord_and_x_y_are_dependent() -> None:
    pts = sample_unit_disc(1_000_000, np.random.default_rng(5)).points
    x, y = pts.T
    band = np.abs(x - 0.6) < 0.01
    est = mc_estimate(y[band] ** 2)
    # conditioning on a band rather than a point shifts the variance by O(0.01^2); ignore it
    assert est.agrees_with(disc_conditional_var(0.6), K), est
    assert np.all(np.abs(y[band]) <= math.sqrt(1 - 0.59**2))
    corner = np.mean((np.abs(x) > 0.8) & (np.abs(y) > 0.8))
    assert corner == 0.0 and np.mean(np.abs(x) > 0.8) * np.mean(np.abs(y) > 0.8) > 0.005


def test_rejection_sampling_region_area_and_bad_input() -> None:
    rng = np.random.default_rng(6)
    # triangle y < x in the unit square: area 1/2
    sample = sample_uniform_region(lambda x, y: y < x, (0, 0), (1, 1), 100_000, rng)
    assert sample.acceptance_estimate().agrees_with(0.5, K)
    assert mc_estimate(sample.points[:, 0]).agrees_with(2 / 3, K)  # f_X(x) = 2x on the triangle
    with pytest.raises(ValueError, match="empty"):
        sample_uniform_region(lambda x, y: x > 2, (0, 0), (1, 1), 10, rng)
    with pytest.raises(ValueError, match="low and high"):
        sample_uniform_region(lambda x, y: x > 0, (0, 0), (0, 1), 10, rng)
    with pytest.raises(TypeError, match="rng"):
        sample_unit_disc(10, 42)
    with pytest.raises(ValueError, match="x"):
        disc_conditional_var(1.0)


# --- 2-D LOTUS -------------------------------------------------------------------------------


def test_expected_distance_of_two_uniforms_is_one_third() -> None:
    assert lotus_grid(lambda x, y: np.abs(x - y), num=1001) == pytest.approx(1 / 3, abs=1e-5)
    assert lotus_grid(np.maximum) == pytest.approx(2 / 3, abs=1e-5)
    assert lotus_grid(np.minimum) == pytest.approx(1 / 3, abs=1e-5)
    u1, u2 = np.random.default_rng(7).random((2, 500_000))
    assert mc_estimate(np.abs(u1 - u2)).agrees_with(1 / 3, K)


def test_lotus_grid_with_a_density_and_a_rectangle() -> None:
    # X ~ Expo(1), Y ~ Expo(2) independent: E(XY) = 1 * 1/2; the tail beyond 40 is negligible
    exy = lotus_grid(lambda x, y: x * y, lambda x, y: 2 * np.exp(-x - 2 * y), (0, 40), (0, 40), num=4001)
    assert exy == pytest.approx(0.5, abs=1e-4)
    # uniform on [0, 2] x [0, 1]: E(X + Y) = 1 + 1/2
    assert lotus_grid(lambda x, y: x + y, x_lim=(0, 2)) == pytest.approx(1.5)
    with pytest.raises(ValueError, match="x_lim"):
        lotus_grid(np.maximum, x_lim=(1, 0))


# --- joint CDF to joint PDF ------------------------------------------------------------------


def test_mixed_partial_of_a_product_cdf_is_the_joint_pdf() -> None:
    def cdf(x, y):
        return (1 - np.exp(-x)) * (1 - np.exp(-2 * y))

    x = np.array([0.7, 0.3, 2.0])
    y = np.array([0.4, 0.1, 1.5])
    np.testing.assert_allclose(mixed_partial(cdf, x, y), 2 * np.exp(-x - 2 * y), rtol=1e-5)
    assert float(mixed_partial(cdf, 0.7, 0.4)) == pytest.approx(0.44626, abs=1e-5)
    with pytest.raises(ValueError, match="h"):
        mixed_partial(cdf, 0.7, 0.4, h=0.0)


# --- chicken and egg -------------------------------------------------------------------------


def test_poisson_pmf() -> None:
    k = np.arange(0, 60)
    pmf = poisson_pmf(k, 7.5)
    assert pmf.sum() == pytest.approx(1.0)
    assert pmf @ k == pytest.approx(7.5)
    assert float(poisson_pmf(3, 3.0)) == pytest.approx(math.exp(-3) * 27 / 6)
    assert float(poisson_pmf(-1, 3.0)) == 0.0
    with pytest.raises(TypeError):
        poisson_pmf(1.5, 3.0)
    with pytest.raises(ValueError, match="lam"):
        poisson_pmf(1, 0.0)


def test_chicken_egg_joint_pmf_is_a_product_of_poissons() -> None:
    # exact, by conditioning on N = i + j
    lam, p = 10.0, 0.3
    for i, j in [(0, 0), (3, 7), (5, 2)]:
        via_n = binomial_pmf(i, i + j, p) * poisson_pmf(i + j, lam)
        assert float(via_n) == pytest.approx(float(poisson_pmf(i, lam * p) * poisson_pmf(j, lam * (1 - p))))


def test_chicken_egg_simulation_independent_counts() -> None:
    lam, p, n = 10.0, 0.3, 400_000
    x, y = sample_chicken_egg(lam, p, n, np.random.default_rng(8))
    assert mc_estimate(x).agrees_with(lam * p, K)
    assert mc_estimate(y).agrees_with(lam * (1 - p), K)
    assert mc_estimate((x - lam * p) * (y - lam * (1 - p))).agrees_with(0.0, K)
    xs, ys = np.arange(0, 12), np.arange(0, 18)
    table = empirical_joint_pmf(x, y, xs, ys)
    expected = np.outer(poisson_pmf(xs, lam * p), poisson_pmf(ys, lam * (1 - p)))
    se = np.sqrt(expected * (1 - expected) / n)
    assert np.all(np.abs(table - expected) <= K * se + 1e-12)


def test_fixed_number_of_eggs_gives_covariance_minus_npq() -> None:
    n_eggs, p, reps = 10, 0.3, 400_000
    x, y = sample_hatching(np.full(reps, n_eggs), p, np.random.default_rng(9))
    assert np.all(x + y == n_eggs)
    est = mc_estimate((x - n_eggs * p) * (y - n_eggs * (1 - p)))
    assert est.agrees_with(-n_eggs * p * (1 - p), K), est
    with pytest.raises(TypeError, match="n_eggs"):
        sample_hatching(np.full(3, 2.5), p, np.random.default_rng(0))
    with pytest.raises(ValueError, match="p"):
        sample_chicken_egg(10.0, 1.5, 10, np.random.default_rng(0))
