"""Lasso, Ridge and their paths against closed forms and optimality conditions."""

import numpy as np
import pytest

from studynotes.linear import (
    lambda_grid,
    lasso,
    lasso_kkt_violation,
    lasso_lambda_max,
    lasso_path,
    make_sparse_regression,
    ols,
    orthonormal_design,
    ridge,
    ridge_path,
    soft_threshold,
)


def kkt_gradient(X, y, fit):
    """x_j' r / N on centred data, computed independently of the package."""
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    return Xc.T @ (yc - Xc @ fit.coef) / X.shape[0]


@pytest.fixture
def data():
    return make_sparse_regression(120, 10, 4, np.random.default_rng(7), noise=1.0)


def test_soft_threshold_values():
    z = np.array([-3.0, -0.5, 0.0, 0.2, 2.5])
    assert np.array_equal(soft_threshold(z, 1.0), np.array([-2.0, 0.0, 0.0, 0.0, 1.5]))
    assert np.array_equal(soft_threshold(z, 0.0), z)


@pytest.mark.parametrize("lam", [0.0, 0.05, 0.3, 1.0])
def test_lasso_orthonormal_equals_soft_threshold_of_ols(lam):
    rng = np.random.default_rng(3)
    X = orthonormal_design(80, 6, rng)
    np.testing.assert_allclose(X.T @ X / 80, np.eye(6), atol=1e-12)
    np.testing.assert_allclose(X.mean(axis=0), 0.0, atol=1e-12)
    y = X @ np.array([1.5, -0.8, 0.4, 0.0, 0.1, -2.0]) + 0.5 * rng.standard_normal(80)
    b = X.T @ (y - y.mean()) / 80  # OLS on an orthonormal design
    np.testing.assert_allclose(ols(X, y).coef, b, atol=1e-12)
    expected = np.sign(b) * np.maximum(np.abs(b) - lam, 0.0)
    np.testing.assert_allclose(lasso(X, y, lam).coef, expected, atol=1e-12)
    np.testing.assert_allclose(ridge(X, y, lam).coef, b / (1 + 2 * lam), atol=1e-12)


@pytest.mark.parametrize("lam", [0.0, 0.01, 0.1, 0.4, 1.0])
def test_lasso_kkt(data, lam):
    X, y, _ = data
    fit = lasso(X, y, lam)
    g = kkt_gradient(X, y, fit)
    nz = fit.coef != 0
    np.testing.assert_allclose(g[nz], lam * np.sign(fit.coef[nz]), atol=1e-8, rtol=0)
    assert np.all(np.abs(g[~nz]) <= lam + 1e-8)
    assert lasso_kkt_violation(X, y, fit) <= 1e-8
    assert fit.converged
    # the intercept makes the residual mean zero
    assert abs(np.mean(y - fit.predict(X))) < 1e-10


def test_kkt_violation_detects_a_wrong_answer(data):
    X, y, _ = data
    fit = lasso(X, y, 0.1)
    wrong = type(fit)(fit.coef * 1.1, fit.intercept, fit.lam)
    assert lasso_kkt_violation(X, y, wrong) > 1e-3


def test_lasso_objective_is_minimal(data):
    X, y, _ = data
    lam = 0.1
    fit = lasso(X, y, lam)

    def objective(beta):
        Xc, yc = X - X.mean(axis=0), y - y.mean()
        return np.sum((yc - Xc @ beta) ** 2) / (2 * len(y)) + lam * np.abs(beta).sum()

    best = objective(fit.coef)
    rng = np.random.default_rng(11)
    for _ in range(200):
        assert objective(fit.coef + 1e-3 * rng.standard_normal(fit.coef.size)) >= best - 1e-15


def test_lambda_max_gives_all_zeros_and_just_below_does_not(data):
    X, y, _ = data
    lam_max = lasso_lambda_max(X, y)
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    assert lam_max == pytest.approx(np.max(np.abs(Xc.T @ yc)) / len(y), rel=1e-14)
    for lam in (lam_max, 1.5 * lam_max, 10 * lam_max):
        assert np.all(lasso(X, y, lam).coef == 0)
    assert np.count_nonzero(lasso(X, y, 0.99 * lam_max).coef) == 1


def test_lasso_path_matches_cold_starts(data):
    X, y, _ = data
    lams = lambda_grid(lasso_lambda_max(X, y), 20, 1e-2)
    path = lasso_path(X, y, lams)
    assert np.all(path[0] == 0)
    for lam, row in zip(lams, path):
        np.testing.assert_allclose(row, lasso(X, y, lam).coef, atol=1e-9)
        fit = type(lasso(X, y, lam))(row, 0.0, lam)
        assert lasso_kkt_violation(X, y, fit) <= 1e-8
    # order of the input is respected
    np.testing.assert_allclose(lasso_path(X, y, lams[::-1]), path[::-1], atol=1e-12)


def test_warm_start_converges_to_the_same_answer(data):
    X, y, _ = data
    cold = lasso(X, y, 0.05)
    warm = lasso(X, y, 0.05, warm_start=lasso(X, y, 0.06).coef)
    np.testing.assert_allclose(warm.coef, cold.coef, atol=1e-10)
    assert warm.n_iter <= cold.n_iter


def test_max_iter_warns():
    X, y, _ = make_sparse_regression(100, 10, 4, np.random.default_rng(1), correlation=0.9)
    with pytest.warns(RuntimeWarning, match="did not converge"):
        fit = lasso(X, y, 1e-4, max_iter=2)
    assert not fit.converged


@pytest.mark.parametrize("lam", [0.0, 0.01, 0.5, 3.0])
def test_ridge_normal_equations(data, lam):
    X, y, _ = data
    fit = ridge(X, y, lam)
    n, p = X.shape
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    lhs = (Xc.T @ Xc + 2 * n * lam * np.eye(p)) @ fit.coef
    np.testing.assert_allclose(lhs, Xc.T @ yc, atol=1e-9)
    np.testing.assert_allclose(fit.intercept, y.mean() - X.mean(axis=0) @ fit.coef, atol=1e-12)


def test_ridge_path_matches_ridge(data):
    X, y, _ = data
    lams = np.array([0.0, 1e-3, 0.1, 2.0])
    path = ridge_path(X, y, lams)
    for lam, row in zip(lams, path):
        np.testing.assert_allclose(row, ridge(X, y, lam).coef, atol=1e-10)


def test_ridge_never_exactly_zero_but_lasso_is(data):
    X, y, _ = data
    assert np.all(ridge(X, y, 0.5).coef != 0)
    assert np.any(lasso(X, y, 0.2).coef == 0)


def test_ols_recovers_exact_linear_model():
    rng = np.random.default_rng(5)
    X = rng.standard_normal((30, 4))
    beta = np.array([1.0, -2.0, 0.5, 3.0])
    fit = ols(X, X @ beta + 4.0)
    np.testing.assert_allclose(fit.coef, beta, atol=1e-12)
    assert fit.intercept == pytest.approx(4.0, abs=1e-12)


def test_no_intercept_option():
    rng = np.random.default_rng(2)
    X = orthonormal_design(50, 3, rng) + 1.0  # columns no longer centred
    y = rng.standard_normal(50)
    fit = lasso(X, y, 0.0, fit_intercept=False)
    np.testing.assert_allclose(fit.coef, np.linalg.lstsq(X, y, rcond=None)[0], atol=1e-9)
    assert fit.intercept == 0.0


@pytest.mark.parametrize(
    "call",
    [
        lambda X, y: lasso(X, y, -0.1),
        lambda X, y: ridge(X, y, -1.0),
        lambda X, y: lasso_path(X, y, [0.1, -0.1]),
        lambda X, y: ridge_path(X, y, [0.1, -0.1]),
        lambda X, y: lasso(X, y[:-1], 0.1),
        lambda X, y: ridge(X[:-1], y, 0.1),
        lambda X, y: ols(X, y[:5]),
        lambda X, y: lasso(np.where(np.arange(X.size).reshape(X.shape) == 3, np.nan, X), y, 0.1),
        lambda X, y: ridge(X, np.where(np.arange(y.size) == 0, np.inf, y), 0.1),
        lambda X, y: lasso(X, y, float("nan")),
        lambda X, y: lasso(X, y, float("inf")),
        lambda X, y: lasso(X, y, 0.1, warm_start=np.zeros(3)),
        lambda X, y: lasso(X, y, 0.1, tol=0.0),
        lambda X, y: lasso(X[:, 0], y, 0.1),
        lambda X, y: soft_threshold([1.0], -1.0),
        lambda X, y: lambda_grid(-1.0),
    ],
)
def test_bad_input_raises_value_error(data, call):
    X, y, _ = data
    with pytest.raises(ValueError):
        call(X, y)


def test_bad_types_raise_type_error(data):
    X, y, _ = data
    with pytest.raises(TypeError):
        lasso(X, y, "0.1")
    with pytest.raises(TypeError):
        lasso(X, y, 0.1, max_iter=10.5)


def test_polynomial_ridge_predict_recovers_a_polynomial_and_shrinks():
    from studynotes.linear import polynomial_ridge_predict

    x = np.linspace(-1, 1, 9)
    y = 1.0 - 2.0 * x + 0.5 * x**3
    x_new = np.array([-0.7, 0.1, 0.55])
    pred = polynomial_ridge_predict(x, y, x_new, degree=3, lams=[0.0, 1e6])
    assert pred.shape == (2, 3)
    np.testing.assert_allclose(pred[0], 1.0 - 2.0 * x_new + 0.5 * x_new**3, atol=1e-10)
    np.testing.assert_allclose(pred[1], y.mean(), atol=1e-4)  # huge lambda: only the intercept is left


def test_elastic_net_meets_its_kkt_conditions_and_reduces_to_lasso_and_ridge():
    from studynotes.linear import elastic_net, elastic_net_kkt_violation, lasso, ridge

    rng = np.random.default_rng(11)
    X = rng.standard_normal((80, 6))
    X[:, 1] = X[:, 0] + 0.05 * rng.standard_normal(80)  # a strongly correlated pair
    y = X @ np.array([1.0, 1.0, 0.0, -0.5, 0.0, 0.3]) + 0.1 * rng.standard_normal(80) + 2.0
    for lam in (0.01, 0.1, 0.5):
        for a in (0.0, 0.2, 0.5, 0.9, 1.0):
            fit = elastic_net(X, y, lam, a)
            assert fit.converged
            assert elastic_net_kkt_violation(X, y, fit, a) <= 1e-8
            # Independent optimality check: no small move of one coefficient lowers the objective.
            def obj(b, b0):
                r = y - b0 - X @ b
                return r @ r / (2 * len(y)) + lam * (a * np.abs(b).sum() + (1 - a) / 2 * b @ b)
            base = obj(fit.coef, fit.intercept)
            for j in range(6):
                for step in (1e-4, -1e-4):
                    b = fit.coef.copy()
                    b[j] += step
                    assert obj(b, fit.intercept) >= base - 1e-12
        np.testing.assert_allclose(elastic_net(X, y, lam, 1.0).coef, lasso(X, y, lam).coef, atol=1e-10)
        np.testing.assert_allclose(elastic_net(X, y, lam, 0.0).coef, ridge(X, y, lam / 2).coef, atol=1e-8)


def test_elastic_net_shares_weight_between_twin_features_where_the_lasso_picks_one():
    from studynotes.linear import elastic_net, lasso

    rng = np.random.default_rng(3)
    x = rng.standard_normal(100)
    X = np.column_stack([x, x + 0.1 * rng.standard_normal(100), rng.standard_normal(100)])
    y = x + 0.5 * rng.standard_normal(100)
    assert np.corrcoef(X[:, 0], X[:, 1])[0, 1] > 0.99
    las = lasso(X, y, 0.1).coef
    assert las[0] > 0.5 and las[1] == 0.0  # the Lasso keeps one twin
    enet = elastic_net(X, y, 0.1, 0.5).coef
    assert min(enet[0], enet[1]) > 0.3  # the elastic net keeps both
    # Exact twins: the L2 part makes the objective strictly convex, so the split is exactly equal.
    twins = np.column_stack([x, x, X[:, 2]])
    fit = elastic_net(twins, y, 0.1, 0.5).coef
    assert fit[0] > 0.3 and abs(fit[0] - fit[1]) < 1e-10


def test_elastic_net_rejects_bad_arguments():
    from studynotes.linear import LinearFit, elastic_net, elastic_net_kkt_violation

    X, y = np.ones((5, 2)), np.arange(5.0)
    with pytest.raises(ValueError, match="l1_ratio"):
        elastic_net(X, y, 0.1, 1.5)
    with pytest.raises(TypeError, match="l1_ratio"):
        elastic_net(X, y, 0.1, "half")
    with pytest.raises(TypeError, match="fit"):
        elastic_net_kkt_violation(X, y, None, 0.5)
    with pytest.raises(ValueError, match="coefficients"):
        elastic_net_kkt_violation(X, y, LinearFit(np.zeros(3), 0.0, 0.1), 0.5)
