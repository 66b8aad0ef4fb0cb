"""The behaviour Lecture 7 states about the race, momentum's stability and SGD's noise floor, checked on its own runs."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.linalg import solve_discrete_lyapunov

from studynotes.optim import (
    contraction_factor,
    ema,
    momentum_rate,
    momentum_stability_limit,
    noisy_gradient,
    optimizer_race,
    polyak_average,
    quadratic,
    race_grid,
    run,
    sgd,
    sgd_noise_floor,
)


@pytest.fixture(scope="module")
def long_race():
    return {r.rule: r for r in optimizer_race(num_steps=2000)}


def distance(run_):
    return np.linalg.norm(run_.path, axis=1)


def test_adam_and_adagrad_converge_linearly_at_a_fixed_learning_rate(long_race):
    for rule in ("adam", "adagrad"):
        d = distance(long_race[rule])
        assert d[2000] < 1e-25 * d[0]
        early, late = (contraction_factor(long_race[rule].path[: t + 1], [0, 0], window=500) for t in (1500, 2000))
        assert late < 0.99 and early == pytest.approx(late, abs=0.01)  # a steady linear rate, not a slowdown toward 1


def test_adam_is_still_swinging_at_step_150(long_race):
    d = distance(long_race["adam"])
    assert d[140] > 5 * d[130] and d[150] < d[140] / 5  # up and down again: the 20-step factor near 1 is an oscillation
    assert contraction_factor(long_race["adam"].path[:151], [0, 0]) == pytest.approx(1.0, abs=0.02)


def test_rmsprop_with_decay_0_9_ends_in_a_two_cycle_of_size_lr_over_sqrt2(long_race):
    r = long_race["rmsprop"]
    lr = dict(r.config)["learning_rate"]
    assert dict(r.config)["decay_rate"] == 0.9
    tail = r.path[-100:]
    assert distance(r)[-100:] == pytest.approx(lr / math.sqrt(2), rel=1e-6)
    assert tail[2:] == pytest.approx(tail[:-2], abs=1e-9)  # period 2
    assert np.abs(tail) == pytest.approx(lr / 2, rel=1e-6)  # alpha/2 from the minimum in each coordinate


@pytest.mark.parametrize("rho", [0.0, 0.3, 0.6, 0.8, 0.95])
@pytest.mark.parametrize("nesterov", [False, True])
def test_stability_limit_is_where_the_spectral_radius_crosses_one(rho, nesterov):
    limit = momentum_stability_limit(rho, 100.0, nesterov=nesterov)
    assert momentum_rate(limit * (1 - 1e-6), rho, [1.0, 100.0], nesterov=nesterov) < 1
    assert momentum_rate(limit * (1 + 1e-6), rho, [1.0, 100.0], nesterov=nesterov) > 1
    if rho > 0 and nesterov:
        assert limit < 2 / 100 < momentum_stability_limit(rho, 100.0)  # Nesterov tolerates less than GD, the heavy ball more


def test_the_interactive_grid_diverges_exactly_where_the_limits_say():
    lrs, rhos = [0.002, 0.005, 0.01, 0.015, 0.021, 0.03], [0.0, 0.6, 0.8, 0.95]
    paths = race_grid(lrs, rhos, kappa=100.0, start=(-10.0, 1.0), num_steps=80)
    diverged = np.abs(paths[:, :, :, -1]).max(axis=-1) > 10
    for k, nesterov in ((1, False), (2, True)):
        predicted = np.array([[lr >= momentum_stability_limit(rho, 100.0, nesterov=nesterov) for rho in rhos] for lr in lrs])
        assert np.array_equal(diverged[k], predicted)
    assert (diverged[1].sum(), diverged[2].sum()) == (2, 11)


def test_noise_floor_matches_the_lyapunov_solution_for_a_full_hessian():
    rng = np.random.default_rng(3)
    Q, _ = np.linalg.qr(rng.standard_normal((4, 4)))
    lam = np.array([0.3, 0.7, 1.1, 1.6])
    H = Q @ np.diag(lam) @ Q.T
    lr, sigma = 0.4, 1.3
    A = np.eye(4) - lr * H
    P = solve_discrete_lyapunov(A, (lr * sigma) ** 2 * np.eye(4))  # stationary covariance of x <- A x - lr*sigma*xi
    loss, rms = sgd_noise_floor(lr, lam, sigma)
    assert loss == pytest.approx(0.5 * np.trace(H @ P), rel=1e-10)
    assert rms == pytest.approx(math.sqrt(np.trace(P)), rel=1e-10)


def test_noise_floor_rejects_bad_input():
    with pytest.raises(ValueError, match="lr"):
        sgd_noise_floor(2.5, [1.0], 1.0)
    with pytest.raises(ValueError, match="eigenvalues"):
        sgd_noise_floor(0.1, [1.0, -1.0], 1.0)
    with pytest.raises(ValueError, match="momentum"):
        momentum_stability_limit(1.0, 100.0)


def test_loss_floor_scales_with_lr_and_jitter_with_its_square_root_over_the_posts_five_runs():
    curv = np.linspace(0.5, 1.0, 100)
    f = quadratic(np.diag(curv))
    measured = {}
    for lr in (0.3, 0.03):
        tails = [run(sgd, noisy_gradient(f, 1.0, np.random.default_rng(seed)), np.full(100, 2.0), 3000,
                     {"learning_rate": lr})[1000:] for seed in range(5)]
        loss = np.array([f.value(p).mean() for p in tails])
        rms = np.array([np.sqrt(np.mean(np.sum(p**2, axis=1))) for p in tails])
        floor, rms_theory = sgd_noise_floor(lr, curv, 1.0)
        assert abs(loss.mean() - floor) < 4 * loss.std(ddof=1) / np.sqrt(5)
        assert abs(rms.mean() - rms_theory) < 4 * rms.std(ddof=1) / np.sqrt(5) + 1e-3 * rms_theory
        measured[lr] = (loss.mean(), rms.mean())
    loss_ratio = measured[0.3][0] / measured[0.03][0]
    rms_ratio = measured[0.3][1] / measured[0.03][1]
    assert 9 < loss_ratio < 13  # proportional to the learning rate (x10), not to its square root
    assert rms_ratio == pytest.approx(math.sqrt(loss_ratio), rel=0.05)  # the jitter's size goes with sqrt(alpha)


def test_averaging_beats_the_last_iterate_over_the_posts_25_runs():
    rng = np.random.default_rng(8)  # the snippet's generator and runs
    f = quadratic(np.diag(np.linspace(0.5, 1.0, 100)))
    grad = noisy_gradient(f, 1.0, rng)
    paths = [run(sgd, grad, np.full(100, 2.0), 400, {"learning_rate": 0.3}) for _ in range(25)]
    single = np.array([f.value(p[-1]) for p in paths])
    ensembles = np.array([f.value(np.mean([p[-1] for p in paths[i : i + 5]], axis=0)) for i in range(0, 25, 5)])
    polyak = np.array([f.value(polyak_average(p[100:])[-1]) for p in paths])
    moving = np.array([f.value(ema(p, 0.99)[-1]) for p in paths])
    # independent noisy iterates: averaging five divides the loss by about five
    assert ensembles.mean() == pytest.approx(single.mean() / 5, rel=0.3)
    assert polyak.mean() < moving.mean() - 4 * (polyak.std(ddof=1) + moving.std(ddof=1)) / 5  # the Polyak average is lower
    assert moving.max() < single.min()  # every averaged run beats every last iterate
    assert sgd_noise_floor(0.3, np.linspace(0.5, 1.0, 100), 1.0)[0] == pytest.approx(single.mean(), rel=0.1)
