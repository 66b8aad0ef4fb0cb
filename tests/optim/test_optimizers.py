"""Update rules: first steps against hand-derived values, conventions, state handling and bad input."""

import math

import numpy as np
import pytest

from studynotes.optim import (
    adagrad,
    adam,
    ill_conditioned_quadratic,
    nesterov_momentum,
    rmsprop,
    run,
    sgd,
    sgd_momentum,
)

RULES = [sgd, sgd_momentum, nesterov_momentum, adagrad, rmsprop, adam]


def test_sgd_first_step():
    w, _ = sgd(np.array([1.0, -2.0]), np.array([0.5, 4.0]), {"learning_rate": 0.1})
    np.testing.assert_allclose(w, [0.95, -2.4], rtol=1e-15)


def test_sgd_momentum_two_steps():
    # v1 = -0.1*2 = -0.2, w1 = 0.8; v2 = 0.9*(-0.2) - 0.2 = -0.38, w2 = 0.42
    w, c = sgd_momentum(np.array([1.0]), np.array([2.0]), {"learning_rate": 0.1, "momentum": 0.9})
    assert w[0] == pytest.approx(0.8) and c["velocity"][0] == pytest.approx(-0.2)
    w, c = sgd_momentum(w, np.array([2.0]), c)
    assert w[0] == pytest.approx(0.42) and c["velocity"][0] == pytest.approx(-0.38)


def test_nesterov_two_steps():
    # v1 = -0.2, w1 = 1 - 0.2 + 0.9*(-0.2) = 0.62; v2 = -0.38, w2 = 0.62 - 0.38 + 0.9*(-0.18) = 0.078
    w, c = nesterov_momentum(np.array([1.0]), np.array([2.0]), {"learning_rate": 0.1, "momentum": 0.9})
    assert w[0] == pytest.approx(0.62)
    w, c = nesterov_momentum(w, np.array([2.0]), c)
    assert w[0] == pytest.approx(0.078)


def test_nesterov_change_of_variables_matches_lookahead_form():
    # Original form: v' = rho v - lr grad(x + rho v), x' = x + v'. Stored variable: x~ = x + rho v.
    f = ill_conditioned_quadratic(10.0)
    lr, rho = 0.05, 0.8
    x, v = np.array([-3.0, 1.0]), np.zeros(2)
    xt, config = x.copy(), {"learning_rate": lr, "momentum": rho}
    for _ in range(30):
        v = rho * v - lr * f.grad(x + rho * v)
        x = x + v
        xt, config = nesterov_momentum(xt, f.grad(xt), config)
        np.testing.assert_allclose(xt, x + rho * v, rtol=1e-12, atol=1e-14)


def test_momentum_conventions_agree_at_constant_lr_only():
    f = ill_conditioned_quadratic(10.0)
    rho = 0.9

    def slide_form(lrs):
        # v = rho v + g; x -= lr v (the slide's and PyTorch's form)
        x, b, out = np.array([-3.0, 1.0]), np.zeros(2), []
        for lr in lrs:
            b = rho * b + f.grad(x)
            x = x - lr * b
            out.append(x)
        return np.array(out)

    constant = np.full(40, 0.02)
    path = run(sgd_momentum, f.grad, [-3.0, 1.0], 40, {"momentum": rho}, learning_rates=constant)
    np.testing.assert_allclose(path[1:], slide_form(constant), rtol=1e-12, atol=1e-14)
    decayed = np.where(np.arange(40) < 20, 0.02, 0.002)
    path = run(sgd_momentum, f.grad, [-3.0, 1.0], 40, {"momentum": rho}, learning_rates=decayed)
    assert np.max(np.abs(path[1:] - slide_form(decayed))) > 1e-3


def test_adagrad_two_steps():
    w, c = adagrad(np.zeros(2), np.array([3.0, -4.0]), {"learning_rate": 0.1})
    np.testing.assert_allclose(w, [-0.1 * 3 / (3 + 1e-7), 0.1 * 4 / (4 + 1e-7)], rtol=1e-14)
    np.testing.assert_allclose(c["cache"], [9.0, 16.0])
    w2, c = adagrad(w, np.array([0.0, 3.0]), c)
    np.testing.assert_allclose(w2 - w, [0.0, -0.1 * 3 / (5 + 1e-7)], rtol=1e-14, atol=1e-18)


def test_rmsprop_first_step():
    w, c = rmsprop(np.array([0.0]), np.array([2.0]), {"learning_rate": 0.01, "decay_rate": 0.9})
    assert c["cache"][0] == pytest.approx(0.4)
    assert w[0] == pytest.approx(-0.01 * 2 / (math.sqrt(0.4) + 1e-8), rel=1e-14)


def test_adam_two_steps_and_bias_correction():
    w, c = adam(np.array([0.0]), np.array([2.0]), {"learning_rate": 0.1})
    assert c["t"] == 1
    assert w[0] == pytest.approx(-0.1 * 2 / (2 + 1e-8), rel=1e-14)  # first step: lr * sign(g)
    w2, c = adam(w, np.array([-1.0]), c)
    m, v = 0.9 * 0.2 + 0.1 * -1.0, 0.999 * 0.004 + 0.001
    mhat, vhat = m / (1 - 0.9**2), v / (1 - 0.999**2)
    assert (w2 - w)[0] == pytest.approx(-0.1 * mhat / (math.sqrt(vhat) + 1e-8), rel=1e-12)
    raw, _ = adam(np.array([0.0]), np.array([2.0]), {"learning_rate": 0.1, "bias_correction": False})
    assert raw[0] == pytest.approx(-0.1 * 0.2 / (math.sqrt(0.004) + 1e-8), rel=1e-12)  # about 3.16 lr


@pytest.mark.parametrize("rule", RULES)
def test_inputs_and_config_are_not_modified(rule):
    w, dw = np.array([[1.0, 2.0], [3.0, 4.0]]), np.array([[0.1, -0.2], [0.3, -0.4]])
    config = {"learning_rate": 0.01}
    w_copy = w.copy()
    next_w, new_config = rule(w, dw, config)
    np.testing.assert_array_equal(w, w_copy)
    assert config == {"learning_rate": 0.01}
    assert next_w.shape == w.shape and new_config is not config


@pytest.mark.parametrize("rule", RULES)
@pytest.mark.parametrize("lr", [0.0, -1e-3])
def test_nonpositive_learning_rate_raises(rule, lr):
    with pytest.raises(ValueError, match="learning_rate"):
        rule(np.zeros(3), np.ones(3), {"learning_rate": lr})


@pytest.mark.parametrize(
    ("rule", "key"),
    [
        (sgd_momentum, "momentum"),
        (nesterov_momentum, "momentum"),
        (rmsprop, "decay_rate"),
        (adam, "beta1"),
        (adam, "beta2"),
    ],
)
@pytest.mark.parametrize("beta", [-0.1, 1.0, 1.5])
def test_beta_outside_unit_interval_raises(rule, key, beta):
    with pytest.raises(ValueError, match=key):
        rule(np.zeros(3), np.ones(3), {key: beta})


@pytest.mark.parametrize("rule", [adagrad, rmsprop, adam])
@pytest.mark.parametrize("eps", [0.0, -1e-8])
def test_nonpositive_epsilon_raises(rule, eps):
    with pytest.raises(ValueError, match="epsilon"):
        rule(np.zeros(3), np.ones(3), {"epsilon": eps})


@pytest.mark.parametrize(
    ("rule", "key"),
    [
        (sgd_momentum, "velocity"),
        (nesterov_momentum, "velocity"),
        (adagrad, "cache"),
        (rmsprop, "cache"),
        (adam, "m"),
        (adam, "v"),
    ],
)
def test_state_shape_mismatch_raises(rule, key):
    with pytest.raises(ValueError, match=key):
        rule(np.zeros((2, 3)), np.ones((2, 3)), {key: np.zeros((3, 2))})


@pytest.mark.parametrize("rule", RULES)
def test_gradient_shape_mismatch_raises(rule):
    with pytest.raises(ValueError, match="dw"):
        rule(np.zeros((2, 3)), np.ones(6))


def test_adam_negative_step_count_raises():
    with pytest.raises(ValueError, match="t"):
        adam(np.zeros(2), np.ones(2), {"t": -1})


def test_adam_bias_correction_must_be_a_bool():
    with pytest.raises(TypeError, match="bias_correction"):
        adam(np.zeros(2), np.ones(2), {"bias_correction": "no"})


def test_config_must_be_a_mapping():
    with pytest.raises(TypeError, match="config"):
        sgd(np.zeros(2), np.ones(2), [("learning_rate", 0.1)])


def test_run_shapes_and_schedule_length():
    f = ill_conditioned_quadratic(4.0)
    path = run(sgd, f.grad, [1.0, 1.0], 5, {"learning_rate": 0.1})
    assert path.shape == (6, 2)
    np.testing.assert_allclose(path[-1], [0.9**5, 0.6**5])  # each axis contracts by 1 - lr*lambda
    with pytest.raises(ValueError, match="learning_rates"):
        run(sgd, f.grad, [1.0, 1.0], 5, learning_rates=[0.1] * 4)


def test_run_names_grad_when_the_gradient_is_not_finite():
    def grad(w):
        return np.array([np.nan, 0.0]) if w[0] < 0.5 else w  # fine at first, NaN once the iterate is below 0.5

    with pytest.raises(ValueError, match=r"^grad returned non-finite values .* at step 7"):
        run(sgd, grad, [1.0, 1.0], 20, {"learning_rate": 0.1})  # 0.9**7 < 0.5 < 0.9**6
    with pytest.raises(ValueError, match="^grad returned non-finite"):
        run(adam, lambda w: np.full_like(w, np.inf), np.zeros(3), 2)


def test_run_reports_a_diverged_iterate_as_divergence():
    f = ill_conditioned_quadratic(100.0)
    # the y coordinate is multiplied by 1 - 3 * 100 = -299 each step: the gradient 100 y overflows at step 124
    # (299**124 * 100 > 1.8e308), one step before y itself would
    with np.errstate(over="ignore", invalid="ignore"), pytest.raises(ValueError, match=r"at step 124.*the run is diverging"):
        run(sgd, f.grad, [1.0, 1.0], 400, {"learning_rate": 3.0})
    # an update that itself overflows is reported as a diverged run
    with np.errstate(over="ignore", invalid="ignore"), pytest.raises(ValueError, match="^the run diverged"):
        run(sgd, lambda w: np.full_like(w, 1e308), [0.0], 3, {"learning_rate": 1e10})
