"""Backward passes against centred finite differences, and the layers' invariants."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from studynotes.nn import (
    affine_backward,
    affine_forward,
    batchnorm_backward,
    batchnorm_forward,
    dropout_backward,
    dropout_forward,
    numerical_gradient,
    numerical_gradient_array,
    rel_error,
    relu_backward,
    relu_forward,
    softmax_loss,
)

TOL = 1e-7


def away_from_zero(rng, shape, margin=1e-3):
    """Inputs for ReLU checks: no entry within `margin` of the kink, where finite differences are wrong."""
    x = rng.standard_normal(shape)
    return np.where(np.abs(x) < margin, np.sign(x + 1e-12) * margin * 10, x)


@pytest.mark.parametrize("seed", range(4))
def test_affine_backward_matches_numerical(seed):
    rng = np.random.default_rng(seed)
    n, dims, m = rng.integers(1, 6), tuple(rng.integers(1, 4, size=rng.integers(1, 3))), rng.integers(1, 6)
    x = rng.standard_normal((n, *dims))
    w = rng.standard_normal((int(np.prod(dims)), m))
    b = rng.standard_normal(m)
    out, cache = affine_forward(x, w, b)
    dout = rng.standard_normal(out.shape)
    dx, dw, db = affine_backward(dout, cache)
    assert dx.shape == x.shape and dw.shape == w.shape and db.shape == b.shape
    assert rel_error(dx, numerical_gradient_array(lambda z: affine_forward(z, w, b)[0], x, dout)) < TOL
    assert rel_error(dw, numerical_gradient_array(lambda z: affine_forward(x, z, b)[0], w, dout)) < TOL
    assert rel_error(db, numerical_gradient_array(lambda z: affine_forward(x, w, z)[0], b, dout)) < TOL


@pytest.mark.parametrize("seed", range(4))
def test_relu_backward_matches_numerical(seed):
    rng = np.random.default_rng(seed)
    x = away_from_zero(rng, tuple(rng.integers(1, 6, size=2)))
    out, cache = relu_forward(x)
    dout = rng.standard_normal(out.shape)
    assert rel_error(relu_backward(dout, cache), numerical_gradient_array(lambda z: relu_forward(z)[0], x, dout)) < TOL


@pytest.mark.parametrize("seed", range(4))
def test_batchnorm_backward_matches_numerical(seed):
    rng = np.random.default_rng(seed)
    n, d = rng.integers(2, 8), rng.integers(1, 6)
    x = 5 * rng.standard_normal((n, d)) + 12
    gamma, beta = rng.standard_normal(d), rng.standard_normal(d)
    dout = rng.standard_normal((n, d))

    def fwd(x_, g_, b_):
        return batchnorm_forward(x_, g_, b_, {"mode": "train"})[0]

    _, cache = batchnorm_forward(x, gamma, beta, {"mode": "train"})
    dx, dgamma, dbeta = batchnorm_backward(dout, cache)
    assert rel_error(dx, numerical_gradient_array(lambda z: fwd(z, gamma, beta), x, dout)) < TOL
    assert rel_error(dgamma, numerical_gradient_array(lambda z: fwd(x, z, beta), gamma, dout)) < TOL
    assert rel_error(dbeta, numerical_gradient_array(lambda z: fwd(x, gamma, z), beta, dout)) < TOL


def test_batchnorm_backward_test_mode_matches_numerical():
    rng = np.random.default_rng(7)
    x = rng.standard_normal((6, 4))
    gamma, beta = rng.standard_normal(4), rng.standard_normal(4)
    param = {"mode": "test", "running_mean": rng.standard_normal(4), "running_var": rng.random(4) + 0.5}
    dout = rng.standard_normal((6, 4))
    _, cache = batchnorm_forward(x, gamma, beta, dict(param))
    dx, dgamma, dbeta = batchnorm_backward(dout, cache)
    assert rel_error(dx, numerical_gradient_array(lambda z: batchnorm_forward(z, gamma, beta, dict(param))[0], x, dout)) < TOL
    assert rel_error(dgamma, numerical_gradient_array(lambda z: batchnorm_forward(x, z, beta, dict(param))[0], gamma, dout)) < TOL


def test_notebook_batchnorm_gradcheck_case():
    # The public CS231n BatchNormalization.ipynb case; the legacy global seed is used here only to
    # reproduce its inputs exactly.
    np.random.seed(231)
    n, d = 4, 5
    x = 5 * np.random.randn(n, d) + 12
    gamma = np.random.randn(d)
    beta = np.random.randn(d)
    dout = np.random.randn(n, d)
    bn_param = {"mode": "train"}
    fx = lambda z: batchnorm_forward(z, gamma, beta, bn_param)[0]  # noqa: E731
    fg = lambda z: batchnorm_forward(x, z, beta, bn_param)[0]  # noqa: E731
    fb = lambda z: batchnorm_forward(x, gamma, z, bn_param)[0]  # noqa: E731
    dx_num = numerical_gradient_array(fx, x.copy(), dout)
    da_num = numerical_gradient_array(fg, gamma.copy(), dout)
    db_num = numerical_gradient_array(fb, beta.copy(), dout)
    _, cache = batchnorm_forward(x, gamma, beta, bn_param)
    dx, dgamma, dbeta = batchnorm_backward(dout, cache)
    # The notebook asks for errors between 1e-13 and 1e-8.
    assert rel_error(dx_num, dx) < 1e-8
    assert rel_error(da_num, dgamma) < 1e-8
    assert rel_error(db_num, dbeta) < 1e-8


def _notebook_forward_setup():
    np.random.seed(231)
    n, d1, d2, d3 = 200, 50, 60, 3
    w1 = np.random.randn(d1, d2)
    w2 = np.random.randn(d2, d3)
    return n, d1, w1, w2


def test_notebook_batchnorm_forward_train_check():
    # this check of the notebook draws X before W1 and W2
    np.random.seed(231)
    x = np.random.randn(200, 50)
    w1 = np.random.randn(50, 60)
    w2 = np.random.randn(60, 3)
    a = np.maximum(0, x.dot(w1)).dot(w2)
    np.testing.assert_allclose(a.mean(axis=0), [-2.3814598, -13.18038246, 1.91780462], atol=1e-7)
    np.testing.assert_allclose(a.std(axis=0), [27.18502186, 34.21455511, 37.68611762], atol=1e-7)
    out, _ = batchnorm_forward(a, np.ones(3), np.zeros(3), {"mode": "train"})
    np.testing.assert_allclose(out.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(out.std(axis=0), 1, atol=1e-7)
    out, _ = batchnorm_forward(a, np.array([1.0, 2.0, 3.0]), np.array([11.0, 12.0, 13.0]), {"mode": "train"})
    np.testing.assert_allclose(out.mean(axis=0), [11, 12, 13], atol=1e-12)
    np.testing.assert_allclose(out.std(axis=0), [1, 2, 3], atol=1e-7)


def test_notebook_batchnorm_forward_test_check():
    n, d1, w1, w2 = _notebook_forward_setup()
    bn_param = {"mode": "train"}
    gamma, beta = np.ones(3), np.zeros(3)
    for _ in range(50):
        x = np.random.randn(n, d1)
        a = np.maximum(0, x.dot(w1)).dot(w2)
        batchnorm_forward(a, gamma, beta, bn_param)
    bn_param["mode"] = "test"
    x = np.random.randn(n, d1)
    a = np.maximum(0, x.dot(w1)).dot(w2)
    out, _ = batchnorm_forward(a, gamma, beta, bn_param)
    np.testing.assert_allclose(out.mean(axis=0), [-0.03927354, -0.04349152, -0.10452688], atol=1e-7)
    np.testing.assert_allclose(out.std(axis=0), [1.01531428, 1.01238373, 0.97819988], atol=1e-7)


@settings(max_examples=40, deadline=None)
@given(
    n=st.integers(2, 40),
    d=st.integers(1, 8),
    loc=st.floats(-100, 100),
    scale=st.floats(0.1, 100),
    seed=st.integers(0, 2**32 - 1),
)
def test_batchnorm_train_mode_standardises(n, d, loc, scale, seed):
    rng = np.random.default_rng(seed)
    x = loc + scale * rng.standard_normal((n, d))
    out, _ = batchnorm_forward(x, np.ones(d), np.zeros(d), {"mode": "train"})
    np.testing.assert_allclose(out.mean(axis=0), 0, atol=1e-9)
    # variance 1 up to the epsilon: exactly s^2 / (s^2 + eps) with the biased batch variance s^2
    s2 = x.var(axis=0)
    np.testing.assert_allclose(out.var(axis=0), s2 / (s2 + 1e-5), rtol=1e-9)
    assert np.all(np.abs(out.var(axis=0) - 1) <= 1.001e-5 / s2)


def test_batchnorm_running_average_and_test_mode():
    rng = np.random.default_rng(3)
    mu, sigma = np.array([3.0, -2.0]), np.array([0.5, 4.0])
    param = {"mode": "train", "momentum": 0.9}
    means, variances = [], []
    for _ in range(200):
        x = mu + sigma * rng.standard_normal((64, 2))
        means.append(x.mean(axis=0))
        variances.append(x.var(axis=0))
        batchnorm_forward(x, np.ones(2), np.zeros(2), param)
    # the closed form of the exponential moving average started at zero
    weights = 0.1 * 0.9 ** np.arange(199, -1, -1)
    np.testing.assert_allclose(param["running_mean"], weights @ np.array(means), rtol=1e-12)
    np.testing.assert_allclose(param["running_var"], weights @ np.array(variances), rtol=1e-12)
    # test mode uses the running statistics, whatever the batch
    x = rng.standard_normal((5, 2))
    gamma, beta = np.array([2.0, 0.5]), np.array([1.0, -1.0])
    out, _ = batchnorm_forward(x, gamma, beta, dict(param, mode="test"))
    expected = gamma * (x - param["running_mean"]) / np.sqrt(param["running_var"] + 1e-5) + beta
    np.testing.assert_allclose(out, expected, rtol=1e-12)
    out1, _ = batchnorm_forward(x[:1], gamma, beta, dict(param, mode="test"))
    np.testing.assert_allclose(out1, expected[:1], rtol=1e-12)


def test_batchnorm_batch_of_one_in_train_mode_returns_beta():
    beta = np.array([0.3, -0.7])
    out, _ = batchnorm_forward(np.array([[5.0, 9.0]]), np.array([2.0, 3.0]), beta, {"mode": "train"})
    np.testing.assert_allclose(out[0], beta)


@pytest.mark.parametrize("keep", [0.2, 0.5, 0.9, 1.0])
def test_inverted_dropout_preserves_expectation(keep):
    rng = np.random.default_rng(11)
    x = np.full((400, 500), 2.0)
    out, cache = dropout_forward(x, keep, "train", rng)
    # each entry is 2/keep with probability keep, else 0: mean 2, sd 2*sqrt((1-keep)/keep)/sqrt(n)
    se = 2 * np.sqrt((1 - keep) / keep) / np.sqrt(x.size)
    assert abs(out.mean() - 2.0) <= 5 * se + 1e-12
    assert abs(np.mean(out > 0) - keep) <= 5 * np.sqrt(keep * (1 - keep) / x.size) + 1e-12
    dout = rng.standard_normal(x.shape)
    np.testing.assert_array_equal(dropout_backward(dout, cache), dout * (out / x))


def test_dropout_test_mode_is_identity():
    x = np.random.default_rng(0).standard_normal((7, 3))
    out, cache = dropout_forward(x, 0.3, "test", None)
    np.testing.assert_array_equal(out, x)
    dout = np.ones_like(x)
    np.testing.assert_array_equal(dropout_backward(dout, cache), dout)


def test_dropout_backward_matches_numerical():
    x = np.random.default_rng(1).standard_normal((5, 6))
    dout = np.random.default_rng(2).standard_normal((5, 6))
    f = lambda z: dropout_forward(z, 0.6, "train", np.random.default_rng(9))[0]  # noqa: E731
    _, cache = dropout_forward(x, 0.6, "train", np.random.default_rng(9))
    assert rel_error(dropout_backward(dout, cache), numerical_gradient_array(f, x, dout)) < TOL


@pytest.mark.parametrize("seed", range(4))
def test_softmax_loss_gradient(seed):
    rng = np.random.default_rng(seed)
    n, c = rng.integers(1, 10), rng.integers(2, 8)
    scores = rng.standard_normal((n, c))
    y = rng.integers(0, c, size=n)
    loss, dscores = softmax_loss(scores, y)
    assert rel_error(dscores, numerical_gradient(lambda s: softmax_loss(s, y)[0], scores)) < TOL
    # independent computation of the loss
    p = np.exp(scores) / np.exp(scores).sum(axis=1, keepdims=True)
    assert loss == pytest.approx(-np.mean(np.log(p[np.arange(n), y])), rel=1e-12)


def test_softmax_loss_equal_scores_is_log_c():
    for c in (2, 3, 10):
        loss, _ = softmax_loss(np.zeros((4, c)), np.arange(4) % c)
        assert loss == pytest.approx(np.log(c), rel=1e-14)


@pytest.mark.parametrize(
    "call, name",
    [
        (lambda: affine_forward(np.ones((2, 3)), np.ones((4, 5)), np.ones(5)), "w"),
        (lambda: affine_forward(np.ones((2, 3)), np.ones((3, 5)), np.ones(4)), "b"),
        (lambda: affine_forward(np.array([[np.nan, 1.0, 2.0]]), np.ones((3, 5)), np.ones(5)), "x"),
        (lambda: relu_forward([1.0, np.nan]), "x"),
        (lambda: batchnorm_forward(np.ones((3, 2)), np.ones(3), np.zeros(2), {"mode": "train"}), "gamma"),
        (lambda: batchnorm_forward(np.ones((3, 2)), np.ones(2), np.zeros(2), {"mode": "eval"}), "mode"),
        (lambda: batchnorm_forward(np.ones((3, 2)), np.ones(2), np.zeros(2), {"mode": "train", "momentum": 1.5}), "momentum"),
        (lambda: dropout_forward(np.ones(3), 0.0, "train", np.random.default_rng(0)), "keep_prob"),
        (lambda: dropout_forward(np.ones(3), 1.2, "train", np.random.default_rng(0)), "keep_prob"),
        (lambda: dropout_forward(np.ones(3), float("nan"), "train", np.random.default_rng(0)), "keep_prob"),
        (lambda: dropout_forward(np.ones(3), 0.5, "predict", np.random.default_rng(0)), "mode"),
        (lambda: softmax_loss(np.ones((3, 4)), np.array([0, 1])), "y"),
        (lambda: softmax_loss(np.ones((3, 4)), np.array([0, 1, 4])), "y"),
        (lambda: softmax_loss(np.full((1, 2), np.nan), np.array([0])), "scores"),
    ],
)
def test_bad_input_raises_value_error_naming_argument(call, name):
    with pytest.raises(ValueError, match=name):
        call()


def test_backward_rejects_wrong_dout_shape():
    _, cache = affine_forward(np.ones((2, 3)), np.ones((3, 4)), np.zeros(4))
    with pytest.raises(ValueError, match="dout"):
        affine_backward(np.ones((2, 5)), cache)


def test_layernorm_normalizes_each_example_and_ignores_the_batch():
    from studynotes.nn import batchnorm_forward, layernorm_forward

    rng = np.random.default_rng(4)
    x = rng.normal(5.0, 3.0, (8, 6))
    gamma, beta = rng.standard_normal(6), rng.standard_normal(6)
    out, _ = layernorm_forward(x, np.ones(6), np.zeros(6), eps=1e-12)
    np.testing.assert_allclose(out.mean(axis=1), 0.0, atol=1e-12)
    np.testing.assert_allclose(out.var(axis=1), 1.0, atol=1e-9)
    # Independent of the batch: each row alone gives the same output as inside the batch.
    full, _ = layernorm_forward(x, gamma, beta)
    for i in range(len(x)):
        alone, _ = layernorm_forward(x[i : i + 1], gamma, beta)
        np.testing.assert_allclose(alone[0], full[i], rtol=0, atol=1e-14)
    # The batch-of-one trap of train-mode BN: every input maps to beta. Layer norm keeps the input's shape.
    bn_one, _ = batchnorm_forward(x[:1], gamma, beta, {"mode": "train"})
    np.testing.assert_allclose(bn_one[0], beta, atol=1e-12)
    assert np.std(full[0] - beta) > 0.1
    # Closed form for one row.
    row = x[0]
    np.testing.assert_allclose(full[0], gamma * (row - row.mean()) / np.sqrt(row.var() + 1e-5) + beta, rtol=1e-12)


def test_layernorm_backward_matches_numerical_gradients():
    from studynotes.nn import layernorm_backward, layernorm_forward, numerical_gradient_array, rel_error

    rng = np.random.default_rng(5)
    x, gamma, beta = rng.standard_normal((4, 5)), rng.standard_normal(5), rng.standard_normal(5)
    dout = rng.standard_normal((4, 5))
    _, cache = layernorm_forward(x, gamma, beta)
    dx, dgamma, dbeta = layernorm_backward(dout, cache)
    assert rel_error(dx, numerical_gradient_array(lambda v: layernorm_forward(v, gamma, beta)[0], x.copy(), dout)) < 1e-7
    assert rel_error(dgamma, numerical_gradient_array(lambda v: layernorm_forward(x, v, beta)[0], gamma.copy(), dout)) < 1e-7
    assert rel_error(dbeta, numerical_gradient_array(lambda v: layernorm_forward(x, gamma, v)[0], beta.copy(), dout)) < 1e-7
    with pytest.raises(ValueError, match="D >= 2"):
        layernorm_forward(np.ones((3, 1)), np.ones(1), np.zeros(1))
    with pytest.raises(TypeError, match="x must be a number"):
        layernorm_forward(None, np.ones(2), np.zeros(2))
