"""Lp norms against hand-computed values; scalers round-trip and use training statistics only."""

import math

import numpy as np
import pytest

from studynotes.linear import MinMaxScaler, StandardScaler, lp_norm, matrix_norm, min_on_ball, quadratic_loss, unit_ball

A = np.array([[1.0, 2, 3], [4, 5, 6], [7, 8, 9]])


def test_vector_norms_by_hand():
    flat, spike = np.ones(5), np.array([5.0, 0, 0, 0, 0])
    assert lp_norm(flat, 1) == lp_norm(spike, 1) == 5.0
    assert lp_norm(flat, 2) == pytest.approx(math.sqrt(5), rel=1e-15)
    assert lp_norm(spike, 2) == 5.0
    assert lp_norm(flat, np.inf) == 1.0 and lp_norm(spike, np.inf) == 5.0
    assert lp_norm([3.0, -4.0], 2) == pytest.approx(5.0, rel=1e-15)
    assert lp_norm([1.0, -2.0, 2.0], 3) == pytest.approx(17 ** (1 / 3), rel=1e-15)


def test_large_p_approaches_max_and_no_overflow():
    x = np.array([1e200, -3e200, 2e200])
    assert lp_norm(x, 2) == pytest.approx(math.sqrt(14) * 1e200, rel=1e-14)
    assert lp_norm([1.0, 2.0, 3.0], 200) == pytest.approx(3.0, rel=1e-2)


def test_p_below_one_breaks_triangle_inequality():
    x, y = np.array([1.0, 0.0]), np.array([0.0, 1.0])
    assert lp_norm(x + y, 0.5) == pytest.approx(4.0, rel=1e-15)
    assert lp_norm(x + y, 0.5) > lp_norm(x, 0.5) + lp_norm(y, 0.5)
    for p in (1, 1.5, 2, 3, np.inf):
        assert lp_norm(x + y, p) <= lp_norm(x, p) + lp_norm(y, p) + 1e-15


def test_matrix_norms_by_hand():
    assert matrix_norm(A, 1) == 18.0  # column 3: 3 + 6 + 9
    assert matrix_norm(A, np.inf) == 24.0  # row 3: 7 + 8 + 9
    assert matrix_norm(A, "fro") == pytest.approx(math.sqrt(285), rel=1e-15)
    # spectral norm: square root of the largest eigenvalue of A'A
    assert matrix_norm(A, 2) == pytest.approx(math.sqrt(np.linalg.eigvalsh(A.T @ A).max()), rel=1e-12)
    assert matrix_norm(A, 2) < matrix_norm(A, "fro")


@pytest.mark.parametrize("p", [1, 2, np.inf])
def test_induced_norm_bounds_random_vectors(p):
    rng = np.random.default_rng(4)
    ratios = [lp_norm(A @ x, p) / lp_norm(x, p) for x in rng.standard_normal((2000, 3))]
    assert max(ratios) <= matrix_norm(A, p) * (1 + 1e-12)
    assert max(ratios) >= 0.9 * matrix_norm(A, p)


@pytest.mark.parametrize("p", [0.5, 1, 2, np.inf])
def test_unit_ball_points_have_norm_one(p):
    pts = unit_ball(p, 401)
    np.testing.assert_allclose([lp_norm(b, p) for b in pts], 1.0, rtol=1e-12)
    if p == 1:
        assert any(np.allclose(b, [1.0, 0.0]) for b in pts)


def test_constrained_optima():
    c, Q = np.array([2.0, 0.6]), np.array([[1.0, 0.3], [0.3, 1.0]])
    np.testing.assert_allclose(min_on_ball(c, Q, 1), [1.0, 0.0], atol=1e-12)
    b2 = min_on_ball(c, Q, 2)
    # Lagrange condition on the circle: Q(b - c) is parallel to b
    g = Q @ (b2 - c)
    assert abs(g[0] * b2[1] - g[1] * b2[0]) < 1e-3
    assert np.all(b2 != 0)
    assert quadratic_loss(b2, c, Q) == pytest.approx((b2 - c) @ Q @ (b2 - c))


@pytest.mark.parametrize("scaler", [StandardScaler, MinMaxScaler])
def test_scalers_round_trip(scaler):
    rng = np.random.default_rng(0)
    X = np.column_stack([10 ** rng.uniform(4, 7, 50), rng.uniform(0, 24, 50)])
    s = scaler().fit(X)
    X_new = np.column_stack([10 ** rng.uniform(4, 7, 20), rng.uniform(0, 24, 20)])
    np.testing.assert_allclose(s.inverse_transform(s.transform(X_new)), X_new, rtol=1e-12)


def test_standard_scaler_statistics():
    rng = np.random.default_rng(1)
    X = np.column_stack([10 ** rng.uniform(4, 7, 100), rng.uniform(0, 24, 100)])
    Z = StandardScaler().fit_transform(X)
    np.testing.assert_allclose(Z.mean(axis=0), 0.0, atol=1e-12)
    np.testing.assert_allclose(Z.std(axis=0), 1.0, atol=1e-12)


def test_minmax_uses_training_statistics_only():
    train = np.array([[0.0, 10.0], [2.0, 20.0], [4.0, 30.0]])
    s = MinMaxScaler().fit(train)
    np.testing.assert_array_equal(s.transform(train), [[0, 0], [0.5, 0.5], [1, 1]])
    np.testing.assert_allclose(s.transform([[6.0, 0.0]]), [[1.5, -0.5]])


@pytest.mark.parametrize(
    "call",
    [
        lambda: lp_norm([1.0, 2.0], 0),
        lambda: lp_norm([1.0, 2.0], -1),
        lambda: lp_norm([1.0, np.nan], 2),
        lambda: lp_norm([[1.0, 2.0]], 2),
        lambda: matrix_norm(A, 3),
        lambda: matrix_norm(A, 0),
        lambda: matrix_norm(A, "nuc"),
        lambda: matrix_norm([[1.0, np.inf]], 1),
        lambda: unit_ball(-2),
        lambda: min_on_ball([0.1, 0.1], np.eye(2), 1),
        lambda: StandardScaler().fit([[1.0, 2.0], [1.0, 3.0]]),
        lambda: StandardScaler().fit([[np.nan, 2.0]]),
        lambda: StandardScaler().transform([[1.0]]),
        lambda: MinMaxScaler().fit([[0.0, 1.0], [1.0, 2.0]]).transform([[1.0, 2.0, 3.0]]),
    ],
)
def test_bad_input_raises_value_error(call):
    with pytest.raises(ValueError):
        call()
