"""Experiments (saddle escape, adaptive steps, race, averaging) and the dropout ensemble facts."""

import math

import numpy as np
import pytest

from studynotes.optim import (
    all_masks,
    constant_gradient_steps,
    dropout_ensemble,
    ema,
    log10_num_masks,
    mask_average,
    newton_vs_gd,
    optimizer_race,
    polyak_average,
    positive_definite_draws,
    saddle_escape_steps,
    saddle_escape_theory,
)


def test_saddle_escape_without_noise_matches_theory():
    theory = saddle_escape_theory(0.01, 1e-6)
    assert theory == math.ceil(math.log(1e6) / math.log(1.02)) == 698
    steps = saddle_escape_steps(0.01, 1e-6, 0.0, 3, np.random.default_rng(0))
    np.testing.assert_array_equal(steps, theory)


def test_gradient_noise_escapes_sooner():
    steps = saddle_escape_steps(0.01, 1e-6, 1e-2, 400, np.random.default_rng(1))
    se = steps.std(ddof=1) / math.sqrt(steps.size)
    assert steps.mean() + 5 * se < saddle_escape_theory(0.01, 1e-6)
    with pytest.raises(ValueError, match="max_steps"):
        saddle_escape_steps(0.01, 1e-6, 0.0, 2, np.random.default_rng(2), max_steps=100)
    with pytest.raises(TypeError, match="rng"):
        saddle_escape_steps(0.01, 1e-6, 0.0, 2, 42)


def test_minima_among_random_hessians():
    # n = 1: the sign of one standard normal is a fair coin; n = 2: P(GOE 2x2 positive definite) = (2 - sqrt 2)/4.
    n_draws = 200_000
    for n, p in [(1, 0.5), (2, (2 - math.sqrt(2)) / 4)]:
        draws = positive_definite_draws(n, n_draws, np.random.default_rng(n))
        assert abs(draws.mean() - p) < 5 * math.sqrt(p * (1 - p) / n_draws)


def test_constant_gradient_step_sizes():
    lr = 0.1
    ada = constant_gradient_steps("adagrad", 10_000, learning_rate=lr)
    np.testing.assert_allclose(ada[[0, 99, 9999]], lr * np.array([1.0, 0.1, 0.01]), rtol=1e-5)
    adam = constant_gradient_steps("adam", 1000, gradient=-3.0, learning_rate=lr)
    np.testing.assert_allclose(adam, lr, rtol=1e-6)
    raw = constant_gradient_steps("adam", 1000, learning_rate=lr, bias_correction=False)
    t = np.arange(1, 1001)
    np.testing.assert_allclose(raw, lr * (1 - 0.9**t) / np.sqrt(1 - 0.999**t), rtol=1e-6)
    assert raw[0] == pytest.approx(lr * 0.1 / math.sqrt(0.001), rel=1e-6)
    rms = constant_gradient_steps("rmsprop", 2000, learning_rate=lr)
    assert rms[0] == pytest.approx(10 * lr, rel=1e-6) and rms[-1] == pytest.approx(lr, rel=1e-6)
    with pytest.raises(ValueError, match="rule"):
        constant_gradient_steps("lbfgs", 10)
    with pytest.raises(ValueError, match="nonzero"):
        constant_gradient_steps("sgd", 10, gradient=0.0)


def test_race_rates_and_read_only_results():
    runs = optimizer_race(100.0, (-10.0, 1.0), 150)
    assert [r.rule for r in runs] == ["sgd", "sgd", "sgd_momentum", "nesterov_momentum", "adagrad", "rmsprop", "adam"]
    assert runs[0].rate == pytest.approx(99 / 101, rel=1e-9) and runs[0].theory == pytest.approx(99 / 101)
    assert runs[1].rate > 1.0
    assert runs[2].theory == pytest.approx(9 / 11) and abs(runs[2].rate - 9 / 11) < 0.01
    assert runs[2].loss[-1] < runs[0].loss[-1] and runs[3].loss[-1] < runs[0].loss[-1]
    assert math.isnan(runs[6].theory)
    with pytest.raises(ValueError):
        runs[0].path[0, 0] = 1.0


def test_newton_beats_gradient_descent_on_rosenbrock():
    newton, gd, newton_steps, gd_steps = newton_vs_gd()
    assert newton_steps is not None and gd_steps is not None and newton_steps < 10 < 1000 < gd_steps
    assert np.linalg.norm(gd[gd_steps] - [1.0, 1.0]) <= 1e-6 < np.linalg.norm(gd[gd_steps - 1] - [1.0, 1.0])


def test_polyak_and_ema():
    path = np.arange(10.0).reshape(5, 2)
    np.testing.assert_allclose(polyak_average(path)[-1], path.mean(axis=0))
    np.testing.assert_allclose(polyak_average(path)[2], path[:3].mean(axis=0))
    out = ema(np.array([0.0, 1.0, 1.0]), 0.5)
    np.testing.assert_allclose(out, [0.0, 0.5, 0.75])
    with pytest.raises(ValueError, match="decay"):
        ema(path, 1.0)


def test_masks_and_exact_mask_average():
    masks = all_masks(3)
    assert masks.shape == (8, 3) and len({tuple(m) for m in masks}) == 8
    w, x = np.array([0.8, -0.3]), np.array([1.5, 2.0])
    outputs, average = mask_average(w, x, p=0.5)
    np.testing.assert_allclose(sorted(outputs), sorted([0.0, w[0] * x[0], w[1] * x[1], w @ x]))
    assert average == pytest.approx(0.5 * w @ x)
    rng = np.random.default_rng(3)
    w, x = rng.normal(size=10), rng.normal(size=10)
    assert mask_average(w, x, p=0.3)[1] == pytest.approx(0.3 * w @ x)
    assert log10_num_masks(4096) == pytest.approx(1233.0, abs=0.05)
    with pytest.raises(ValueError, match="n must be <= 20"):
        all_masks(21)
    with pytest.raises(ValueError, match="p must"):
        mask_average(w, x, p=0.0)


def test_weight_scaling_exact_for_linear_not_after_relu():
    rng = np.random.default_rng(6)
    x, W, v = rng.standard_normal(100), rng.standard_normal((50, 100)) / 10, rng.standard_normal(50)
    n = 20_000
    samples, scaled = dropout_ensemble(x, W, v, 0.5, n, rng)
    assert abs(samples.mean() - scaled) < 5 * samples.std(ddof=1) / math.sqrt(n)
    samples, scaled = dropout_ensemble(x, W, v, 0.5, n, rng, relu=True)
    assert abs(samples.mean() - scaled) > 10 * samples.std(ddof=1) / math.sqrt(n)
    with pytest.raises(ValueError, match="W must"):
        dropout_ensemble(x, W.T, v, 0.5, 10, rng)


def test_rotating_the_bowl_takes_away_the_per_coordinate_advantage():
    """AdaGrad/RMSProp beat gradient descent by orders of magnitude only on the axis-aligned bowl."""
    from studynotes.optim import rotated_quadratic_runs

    runs = {r.rule: r for r in rotated_quadratic_runs()}
    gd, mom = runs["sgd"], runs["sgd_momentum"]
    # Rotation-invariant methods: identical loss curves (same start in the bowl's axes).
    for r in (gd, mom):
        np.testing.assert_allclose(r.loss_rotated, r.loss_aligned, rtol=1e-9, atol=1e-300)
    for name in ("adagrad", "rmsprop"):
        r = runs[name]
        # Axis-aligned: at least 10^6 times below gradient descent ...
        assert r.final("aligned") <= 1e-6 * gd.final("aligned")
        # ... rotated: the advantage is gone, within a factor 10 of gradient descent either way.
        assert gd.final("rotated") / 10 <= r.final("rotated") <= 10 * gd.final("rotated")
    # Adam gains nothing from the alignment here: what it has is momentum's speed, on both problems.
    adam_run = runs["adam"]
    assert adam_run.final("rotated") >= 0.1 * mom.final("rotated")
    assert adam_run.final("aligned") >= 0.1 * mom.final("aligned")
