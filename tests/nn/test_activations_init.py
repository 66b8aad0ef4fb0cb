"""Activations against their closed forms and numerical derivatives; initialisers' variances."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from studynotes.nn import (
    ACTIVATIONS,
    elu,
    he_init,
    leaky_relu,
    maxout,
    relu,
    sigmoid,
    sigmoid_grad,
    small_random_init,
    tanh_grad,
    xavier_init,
    xavier_uniform_init,
)


def test_sigmoid_closed_form_and_key_values():
    x = np.linspace(-30, 30, 121)
    np.testing.assert_allclose(sigmoid(x), 1 / (1 + np.exp(-x)), rtol=1e-12)
    assert sigmoid_grad(0.0) == pytest.approx(0.25)
    s10 = 1 / (1 + np.exp(-10.0))
    assert sigmoid_grad(10.0) == pytest.approx(s10 * (1 - s10), rel=1e-10)
    assert sigmoid_grad(-10.0) == pytest.approx(sigmoid_grad(10.0), rel=1e-10)
    assert tanh_grad(0.0) == 1.0
    assert np.all(np.isfinite(sigmoid([-1e4, 1e4])))


@pytest.mark.parametrize("name", sorted(ACTIVATIONS))
def test_derivatives_match_centred_differences(name):
    f, df = ACTIVATIONS[name]
    x = np.concatenate([np.linspace(-6, -0.01, 50), np.linspace(0.01, 6, 50)])
    h = 1e-6
    num = (f(x + h) - f(x - h)) / (2 * h)
    np.testing.assert_allclose(df(x), num, rtol=1e-6, atol=1e-9)


def test_piecewise_definitions():
    x = np.array([-2.0, -0.5, 0.0, 0.5, 2.0])
    np.testing.assert_array_equal(relu(x), [0, 0, 0, 0.5, 2])
    np.testing.assert_allclose(leaky_relu(x), np.maximum(0.01 * x, x))
    np.testing.assert_allclose(leaky_relu(x, alpha=0.2), np.maximum(0.2 * x, x))
    np.testing.assert_allclose(elu(x), np.where(x > 0, x, np.exp(x) - 1))
    assert ACTIVATIONS["relu"][1](np.array([-1.0]))[0] == 0.0


@settings(max_examples=50, deadline=None)
@given(arrays(float, st.integers(1, 20), elements=st.floats(-50, 50)))
def test_sigmoid_tanh_identities(x):
    np.testing.assert_allclose(np.tanh(x), 2 * sigmoid(2 * x) - 1, atol=1e-12)
    assert np.all(sigmoid_grad(x) <= 0.25)


def test_maxout_generalises_relu():
    rng = np.random.default_rng(0)
    x = rng.standard_normal((6, 4))
    w = rng.standard_normal((4, 3))
    b = rng.standard_normal(3)
    np.testing.assert_allclose(maxout(x, np.zeros((4, 3)), np.zeros(3), w, b), relu(x @ w + b))


@pytest.mark.parametrize(
    "init, var",
    [
        (lambda n, m, r: small_random_init(n, m, r, 0.01), lambda n, m: 1e-4),
        (xavier_init, lambda n, m: 1 / n),
        (he_init, lambda n, m: 2 / n),
        (xavier_uniform_init, lambda n, m: 2 / (n + m)),
    ],
)
def test_initialiser_variance(init, var):
    n, m = 400, 300
    w = init(n, m, np.random.default_rng(5))
    assert w.shape == (n, m)
    # sample variance of k draws has relative standard error sqrt(2/k) (Gaussian) or less (uniform)
    k = w.size
    assert abs(w.var() / var(n, m) - 1) < 5 * np.sqrt(2 / k)
    assert abs(w.mean()) < 5 * np.sqrt(var(n, m) / k)


def test_xavier_uniform_limits():
    w = xavier_uniform_init(10, 6, np.random.default_rng(0))
    assert np.max(np.abs(w)) <= np.sqrt(6 / 16)


@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: he_init(0, 3, np.random.default_rng(0)), "fan_in"),
        (lambda: xavier_init(3, -1, np.random.default_rng(0)), "fan_out"),
        (lambda: small_random_init(3, 3, np.random.default_rng(0), scale=0.0), "scale"),
        (lambda: leaky_relu([1.0], alpha=1.5), "alpha"),
        (lambda: elu([1.0], alpha=-1.0), "alpha"),
        (lambda: sigmoid([np.nan]), "x"),
        (lambda: maxout(np.ones((2, 3)), np.ones((4, 2)), 0, np.ones((4, 2)), 0), "w1"),
    ],
)
def test_bad_input(call, name):
    with pytest.raises(ValueError, match=name):
        call()


def test_rng_must_be_generator():
    with pytest.raises(TypeError, match="rng"):
        he_init(3, 3, 42)
