"""Test functions against finite differences; Newton steps; rates of GD and momentum on quadratics."""

import math

import numpy as np
import pytest

from studynotes.optim import (
    Objective,
    condition_number,
    contraction_factor,
    gd_optimal_rate,
    heavy_ball_parameters,
    ill_conditioned_quadratic,
    momentum_rate,
    nesterov_momentum,
    newton_method,
    newton_step,
    quadratic,
    rosenbrock,
    run,
    saddle,
    sgd,
    sgd_momentum,
    steps_to_tolerance,
)

rng = np.random.default_rng(0)
A = rng.standard_normal((4, 4))
FUNCTIONS = [ill_conditioned_quadratic(50.0), quadratic(A @ A.T + np.eye(4)), saddle(), rosenbrock(), rosenbrock(0.5, 20.0)]


def numerical_grad(fun, x, h=1e-6):
    e = np.eye(x.size) * h
    return np.array([(fun(x + e[i]) - fun(x - e[i])) / (2 * h) for i in range(x.size)])


@pytest.mark.parametrize("f", FUNCTIONS, ids=lambda f: f.name)
def test_gradient_matches_finite_differences(f):
    for x in np.random.default_rng(1).uniform(-1.5, 1.5, size=(5, f.minimizer.size if f.minimizer is not None else 2)):
        np.testing.assert_allclose(f.grad(x), numerical_grad(f.value, x), rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize("f", FUNCTIONS, ids=lambda f: f.name)
def test_hessian_matches_finite_differences_of_gradient(f):
    for x in np.random.default_rng(2).uniform(-1.5, 1.5, size=(5, f.minimizer.size if f.minimizer is not None else 2)):
        H = f.hess(x)
        np.testing.assert_allclose(H, H.T)
        np.testing.assert_allclose(H, numerical_grad(f.grad, x).T, rtol=1e-6, atol=1e-5)


@pytest.mark.parametrize("f", [f for f in FUNCTIONS if f.minimizer is not None], ids=lambda f: f.name)
def test_gradient_vanishes_at_the_minimizer(f):
    np.testing.assert_allclose(f.grad(f.minimizer), 0.0, atol=1e-12)


def test_value_and_grad_are_vectorised_over_a_grid():
    f = rosenbrock()
    grid = np.random.default_rng(3).normal(size=(7, 9, 2))
    assert f.value(grid).shape == (7, 9) and f.grad(grid).shape == (7, 9, 2)
    np.testing.assert_allclose(f.value(grid)[3, 4], f.value(grid[3, 4]))


def test_bad_function_arguments():
    with pytest.raises(ValueError, match="kappa"):
        ill_conditioned_quadratic(0.5)
    with pytest.raises(ValueError, match="positive definite"):
        quadratic(np.diag([1.0, -1.0]))
    with pytest.raises(ValueError, match="symmetric"):
        quadratic(np.array([[1.0, 2.0], [0.0, 1.0]]))
    with pytest.raises(ValueError, match="b must be"):
        rosenbrock(b=0.0)
    with pytest.raises(ValueError, match="2 coordinates"):
        saddle().value(np.zeros(3))
    with pytest.raises(ValueError, match="one point"):
        rosenbrock().hess(np.zeros((2, 2)))


def test_condition_number_is_a_ratio():
    assert condition_number(np.diag([2.0, 200.0])) == pytest.approx(100.0)
    assert condition_number(ill_conditioned_quadratic(100.0).hess(np.zeros(2))) == pytest.approx(100.0)
    assert condition_number(np.diag([0.0, 1.0])) == math.inf
    with pytest.raises(ValueError, match="square"):
        condition_number(np.ones((2, 3)))


def test_one_newton_step_reaches_a_quadratics_minimum():
    B = np.random.default_rng(4).standard_normal((6, 6))
    f = quadratic(B @ B.T + 0.5 * np.eye(6))
    x1 = newton_step(f, np.random.default_rng(5).normal(scale=10.0, size=6))
    np.testing.assert_allclose(x1, f.minimizer, atol=1e-10)


def test_newton_on_rosenbrock_converges_quadratically():
    path = newton_method(rosenbrock(), [-1.2, 1.0], tol=1e-12)
    np.testing.assert_allclose(path[-1], [1.0, 1.0], atol=1e-12)
    assert len(path) < 12
    with pytest.raises(TypeError, match="objective"):
        newton_step(lambda x: x, np.zeros(2))


def test_gd_best_rate_and_divergence_threshold():
    f = ill_conditioned_quadratic(100.0)
    lr, rate = gd_optimal_rate(1.0, 100.0)
    assert lr == pytest.approx(2 / 101) and rate == pytest.approx(99 / 101)
    path = run(sgd, f.grad, [-10.0, 1.0], 200, {"learning_rate": lr})
    assert contraction_factor(path, [0, 0]) == pytest.approx(rate, rel=1e-9)
    diverging = run(sgd, f.grad, [-10.0, 1.0], 200, {"learning_rate": 0.0201})
    assert contraction_factor(diverging, [0, 0]) > 1.0
    assert momentum_rate(0.0201, 0.0, [1.0, 100.0]) == pytest.approx(1.01)


def test_heavy_ball_tuning_and_measured_rate():
    lr, rho, rate = heavy_ball_parameters(1.0, 100.0)
    assert lr == pytest.approx((2 / 11) ** 2) and rho == pytest.approx((9 / 11) ** 2) and rate == pytest.approx(9 / 11)
    assert momentum_rate(lr, rho, [1.0, 100.0]) == pytest.approx(9 / 11, rel=1e-6)
    path = run(sgd_momentum, ill_conditioned_quadratic(100.0).grad, [-10.0, 1.0], 300, {"learning_rate": lr, "momentum": rho})
    # Double eigenvalue: the error behaves like t * r^t, so the measured factor is slightly above r.
    assert 9 / 11 < contraction_factor(path, [0, 0], window=50) < 9 / 11 + 0.01


def test_momentum_rate_predicts_nesterov_runs():
    f = ill_conditioned_quadratic(30.0)
    for lr, rho in [(1 / 30, 0.6), (0.02, 0.9)]:
        path = run(nesterov_momentum, f.grad, [-5.0, 1.0], 600, {"learning_rate": lr, "momentum": rho})
        predicted = momentum_rate(lr, rho, [1.0, 30.0], nesterov=True)
        assert contraction_factor(path, [0, 0], window=200) == pytest.approx(predicted, abs=0.01)


def test_steps_to_tolerance():
    path = np.array([[4.0], [2.0], [1.0], [0.5]])
    assert steps_to_tolerance(path, [0.0], 1.0) == 2
    assert steps_to_tolerance(path, [0.0], 0.1) is None


def test_objective_is_frozen():
    f = saddle()
    assert isinstance(f, Objective) and f.minimizer is None
    with pytest.raises(AttributeError):
        f.name = "other"
