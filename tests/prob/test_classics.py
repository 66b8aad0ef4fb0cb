"""Closed forms of the classic problems (lectures 4-10) against independent computations and simulations."""

import itertools
import math
from fractions import Fraction

import numpy as np
import pytest

from studynotes.prob import (
    birthday_match_prob,
    count_local_maxima,
    expected_local_maxima,
    gamblers_ruin_win_prob,
    mc_estimate,
    monty_hall_win_prob,
    newton_pepys_prob,
    repeat_st_petersburg,
    running_mean,
    simulate_birthday,
    simulate_gamblers_ruin,
    simulate_local_maxima,
    simulate_monty_hall,
    simulate_newton_pepys,
    simulate_st_petersburg,
    st_petersburg_value,
    st_petersburg_variance,
)


def _at_least_k_sixes(k):
    n = 6 * k
    return Fraction(sum(math.comb(n, j) * 5 ** (n - j) for j in range(k, n + 1)), 6**n)


def test_newton_pepys_exact_values():
    for k, rounded in [(1, 0.6651), (2, 0.6187), (3, 0.5973)]:
        assert newton_pepys_prob(k) == pytest.approx(float(_at_least_k_sixes(k)), rel=1e-12)
        assert round(newton_pepys_prob(k), 4) == rounded
    assert newton_pepys_prob(1) > newton_pepys_prob(2) > newton_pepys_prob(3)


@pytest.mark.parametrize("k", [1, 2, 3])
def test_newton_pepys_simulation(k):
    est = mc_estimate(simulate_newton_pepys(k, 200_000, np.random.default_rng(100 + k)))
    assert est.agrees_with(newton_pepys_prob(k))


def test_birthday_at_23():
    no_match = Fraction(1)
    for j in range(23):
        no_match *= Fraction(365 - j, 365)
    assert birthday_match_prob(23) == pytest.approx(float(1 - no_match), rel=1e-12)
    assert birthday_match_prob(22) < 0.5 < birthday_match_prob(23)
    assert birthday_match_prob(1) == 0.0 and birthday_match_prob(366) == 1.0
    assert mc_estimate(simulate_birthday(23, 200_000, np.random.default_rng(23))).agrees_with(birthday_match_prob(23))


def _monty_by_enumeration(n, opened):
    """Exact win probability of switching, summing over car, pick, Monty's subset and the new door."""
    total = Fraction(0)
    for car, pick in itertools.product(range(n), repeat=2):
        goats = [d for d in range(n) if d not in (car, pick)]
        subsets = list(itertools.combinations(goats, opened))
        for s in subsets:
            options = [d for d in range(n) if d != pick and d not in s]
            total += Fraction(1, n * n) * Fraction(1, len(subsets)) * Fraction(sum(d == car for d in options), len(options))
    return total


@pytest.mark.parametrize("n,opened", [(3, 1), (4, 1), (4, 2), (5, 2), (6, 4)])
def test_monty_hall_n_door_formula(n, opened):
    assert monty_hall_win_prob(n, opened) == pytest.approx(float(_monty_by_enumeration(n, opened)))
    assert monty_hall_win_prob(n, opened, switch=False) == pytest.approx(1 / n)


def test_monty_hall_three_doors_is_two_thirds():
    assert monty_hall_win_prob() == pytest.approx(2 / 3)
    assert monty_hall_win_prob(10) == pytest.approx(9 / 10)


@pytest.mark.parametrize("n,opened,switch,seed", [(3, None, True, 1), (3, None, False, 2), (10, 1, True, 3), (7, None, True, 4)])
def test_monty_hall_simulation(n, opened, switch, seed):
    est = mc_estimate(simulate_monty_hall(200_000, np.random.default_rng(seed), n, opened, switch))
    assert est.agrees_with(monty_hall_win_prob(n, opened, switch))


def _ruin_by_linear_system(i, N, p):
    """Solve p_j = p p_{j+1} + q p_{j-1}, p_0 = 0, p_N = 1, directly."""
    A = np.zeros((N + 1, N + 1))
    rhs = np.zeros(N + 1)
    A[0, 0] = A[N, N] = 1.0
    rhs[N] = 1.0
    for j in range(1, N):
        A[j, j], A[j, j + 1], A[j, j - 1] = 1.0, -p, -(1 - p)
    return np.linalg.solve(A, rhs)[i]


@pytest.mark.parametrize("i,N,p", [(10, 20, 0.49), (3, 10, 0.6), (7, 10, 0.5), (1, 5, 0.3), (25, 50, 0.45)])
def test_gamblers_ruin_against_the_difference_equation(i, N, p):
    assert gamblers_ruin_win_prob(i, N, p) == pytest.approx(_ruin_by_linear_system(i, N, p), rel=1e-9, abs=1e-12)


def test_gamblers_ruin_lecture_numbers_and_fair_case():
    assert [round(gamblers_ruin_win_prob(N // 2, N, 0.49), 3) for N in (20, 100, 200)] == [0.401, 0.119, 0.018]
    assert gamblers_ruin_win_prob(3, 10, 0.5) == pytest.approx(0.3)
    assert gamblers_ruin_win_prob(0, 10, 0.7) == 0.0 and gamblers_ruin_win_prob(10, 10, 0.3) == 1.0
    assert 0.0 <= gamblers_ruin_win_prob(5000, 10_000, 0.49) < 1e-80  # no overflow for large N


@pytest.mark.parametrize("i,N,p,seed", [(10, 20, 0.49, 1), (5, 20, 0.5, 2), (3, 8, 0.6, 3)])
def test_gamblers_ruin_simulation(i, N, p, seed):
    est = mc_estimate(simulate_gamblers_ruin(i, N, p, 20_000, np.random.default_rng(seed)))
    assert est.agrees_with(gamblers_ruin_win_prob(i, N, p))


@pytest.mark.parametrize("n", [2, 3, 4, 5, 6, 7])
def test_local_maxima_mean_by_enumerating_permutations(n):
    perms = np.array(list(itertools.permutations(range(1, n + 1))))
    assert count_local_maxima(perms).mean() == pytest.approx(expected_local_maxima(n)) == pytest.approx((n + 1) / 3)


def test_local_maxima_simulation_n10():
    est = mc_estimate(simulate_local_maxima(10, 200_000, np.random.default_rng(10)))
    assert est.agrees_with(11 / 3)


def test_count_local_maxima_examples():
    assert count_local_maxima([[3, 1, 2], [1, 2, 3], [2, 3, 1], [1, 3, 2]]).tolist() == [2, 1, 1, 1]


def test_st_petersburg_capped_value():
    assert st_petersburg_value(2**40) == 41
    assert st_petersburg_value() == math.inf
    for cap in [2.0, 3.0, 2**10, 1000.0, 2**40 + 5]:
        series = sum(min(2.0**k, cap) * 2.0**-k for k in range(1, 400))
        assert st_petersburg_value(cap) == pytest.approx(series)


def test_st_petersburg_capped_simulation():
    est = mc_estimate(simulate_st_petersburg(1_000_000, np.random.default_rng(2), cap=2**10))
    assert est.agrees_with(st_petersburg_value(2**10))


def test_monty_opened_door_2_switching_wins_two_thirds():
    # the lecture's conditional answer by enumeration: contestant at door 1, Monty opens a random goat door among 2, 3
    p_m2 = Fraction(0)
    p_m2_and_car3 = Fraction(0)
    for car in (1, 2, 3):
        for opened in (2, 3):
            p = Fraction(1, 3) * (Fraction(1, 2) if car == 1 else Fraction(int(opened != car)))
            if opened == 2:
                p_m2 += p
                p_m2_and_car3 += p * (car == 3)
    assert p_m2 == Fraction(1, 2) and p_m2_and_car3 / p_m2 == Fraction(2, 3)
    # the page's simulation scheme, over several seeds
    for seed in (3, 4, 5):
        rng = np.random.default_rng(seed)
        car = rng.integers(1, 4, 200_000)
        monty = np.where(car == 1, rng.integers(2, 4, car.size), 5 - car)
        assert not np.any(monty == car) and not np.any(monty == 1)
        assert mc_estimate((car[monty == 2] == 3).astype(float)).agrees_with(2 / 3)
        assert mc_estimate((monty == 2).astype(float)).agrees_with(0.5)


def test_st_petersburg_variance_against_the_series():
    for cap in [2.0, 3.0, 2**10, 1000.0, 2**20, 2**40]:
        mean = sum(min(2.0**k, cap) * 2.0**-k for k in range(1, 400))
        second = sum(min(2.0**k, cap) ** 2 * 2.0**-k for k in range(1, 400))
        assert st_petersburg_variance(cap) == pytest.approx(second - mean**2, rel=1e-12)
    for m in (5, 20, 40):
        assert st_petersburg_variance(2.0**m) == 3 * 2**m - 2 - (m + 1) ** 2
    assert st_petersburg_variance() == math.inf


def test_repeated_experiments_match_direct_simulation():
    # the category-count shortcut against playing every game: same mean of means, same spread, same SEs
    games, runs, cap = 200, 4000, 2.0**6
    means, ses = repeat_st_petersburg(games, cap, runs, np.random.default_rng(1))
    direct = simulate_st_petersburg(games * runs, np.random.default_rng(2), cap=cap).reshape(runs, games)
    d_means, d_ses = direct.mean(axis=1), direct.std(axis=1, ddof=1) / math.sqrt(games)
    true_se = math.sqrt(st_petersburg_variance(cap) / games)
    for m in (means, d_means):
        assert mc_estimate(m).agrees_with(st_petersburg_value(cap))
        assert m.std(ddof=1) == pytest.approx(true_se, rel=0.05)
    assert mc_estimate(ses).agrees_with(float(d_ses.mean()), k=5) and mc_estimate(d_ses).agrees_with(float(ses.mean()), k=5)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_cap_2_20_is_lumpy_but_its_standard_error_is_honest(seed):
    # the page: with cap 2^20 the mean of 10^6 games falls below 21 about half the time, and the sample SE has the true size
    means, ses = repeat_st_petersburg(10**6, 2.0**20, 20_000, np.random.default_rng([1738, 20, seed]))
    true_se = math.sqrt(st_petersburg_variance(2.0**20) / 10**6)
    assert 0.45 < (means < 21).mean() < 0.6
    assert np.median(ses) == pytest.approx(true_se, rel=0.1)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_cap_2_40_usually_falls_short_and_its_standard_error_is_useless(seed):
    means, ses = repeat_st_petersburg(10**6, 2.0**40, 20_000, np.random.default_rng([1738, 40, seed]))
    true_se = math.sqrt(st_petersburg_variance(2.0**40) / 10**6)
    assert (means < 41).mean() > 0.85 and np.median(means) < 30
    assert np.median(ses) < true_se / 100
    assert (means > 41).mean() > 0.05  # and now and then a run overshoots


def test_uncapped_typical_mean_grows_like_log2_n():
    # a cap of 2^60 is never reached in these runs (P(X > 60) per game is 2^-60), so this is the uncapped game
    gaps = []
    for n in (10**3, 10**4, 10**5, 10**6):
        means, _ = repeat_st_petersburg(n, 2.0**60, 4000, np.random.default_rng([60, n]))
        gaps.append(np.median(means) - math.log2(n))
    assert max(gaps) - min(gaps) < 1.0 and 0 < min(gaps)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_figure_seeds_jump_then_sink_like_one_over_n(seed):
    run = running_mean(simulate_st_petersburg(10**6, np.random.default_rng(seed)))
    total = run * np.arange(1, run.size + 1)
    peak = int(np.argmax(run)) + 1
    if 2 * peak <= run.size:
        # after the peak the running total barely grows, so the mean falls roughly like 1/n
        assert total[2 * peak - 1] / total[peak - 1] < 1.3
    assert abs(run[-1] - math.log2(run.size)) < 10  # and the trend stays near log2 n


@pytest.mark.parametrize(
    "call",
    [
        lambda: gamblers_ruin_win_prob(11, 10, 0.5),
        lambda: gamblers_ruin_win_prob(-1, 10, 0.5),
        lambda: gamblers_ruin_win_prob(5, 10, 1.5),
        lambda: gamblers_ruin_win_prob(5, 10.5, 0.5),
        lambda: simulate_gamblers_ruin(11, 10, 0.5, 10, np.random.default_rng(0)),
        lambda: monty_hall_win_prob(2),
        lambda: monty_hall_win_prob(5, 4),
        lambda: monty_hall_win_prob(3.5),
        lambda: simulate_monty_hall(10, np.random.default_rng(0), 4, 3),
        lambda: newton_pepys_prob(0),
        lambda: newton_pepys_prob(1.5),
        lambda: birthday_match_prob(-1),
        lambda: expected_local_maxima(0),
        lambda: st_petersburg_value(1.0),
        lambda: simulate_st_petersburg(10, np.random.default_rng(0), cap=-4),
        lambda: st_petersburg_variance(1.5),
        lambda: repeat_st_petersburg(1, 2.0**5, 10, np.random.default_rng(0)),
        lambda: repeat_st_petersburg(10, 1.0, 10, np.random.default_rng(0)),
        lambda: repeat_st_petersburg(10, 2.0**5, 0, np.random.default_rng(0)),
        lambda: simulate_local_maxima(10, 0, np.random.default_rng(0)),
    ],
)
def test_bad_input_raises_value_error(call):
    with pytest.raises(ValueError):
        call()


@pytest.mark.parametrize("m", [5, 10])
def test_small_caps_estimate_moves_mostly_with_the_number_of_capped_games(m):
    # the page: whether the estimate is above or below m + 1 is mostly decided by the count of games at the cap
    pay = simulate_st_petersburg(5000 * 2000, np.random.default_rng([1738, m, 2]), cap=2.0**m).reshape(2000, 5000)
    means, hits = pay.mean(axis=1), (pay == 2.0**m).sum(axis=1)
    assert np.corrcoef(means, hits)[0, 1] ** 2 > 0.5
