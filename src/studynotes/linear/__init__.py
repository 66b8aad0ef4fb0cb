"""Regularization and normalization: scalers, Lasso, Ridge, their paths, Lp norms, and dropout/BN experiments.

All penalized fits use the post's objective, the residual sum of squares scaled by 1/(2N) plus
lambda times the penalty, with an unpenalized intercept. The dropout and batch-normalization
experiments train the networks of `studynotes.nn`.
"""

from .data import make_sine_data, make_sparse_regression, orthonormal_design, polynomial_features
from .experiments import Curves, MemorizationRuns, memorization_runs, regularization_curves, spiral_split
from .models import (
    LinearFit,
    elastic_net,
    elastic_net_kkt_violation,
    lambda_grid,
    lasso,
    lasso_kkt_violation,
    lasso_lambda_max,
    lasso_path,
    ols,
    polynomial_ridge_predict,
    ridge,
    ridge_path,
    soft_threshold,
)
from .norms import lp_norm, matrix_norm, min_on_ball, quadratic_loss, unit_ball
from .scaling import MinMaxScaler, StandardScaler

__all__ = [
    "Curves",
    "LinearFit",
    "MemorizationRuns",
    "MinMaxScaler",
    "StandardScaler",
    "elastic_net",
    "elastic_net_kkt_violation",
    "lambda_grid",
    "lasso",
    "lasso_kkt_violation",
    "lasso_lambda_max",
    "lasso_path",
    "lp_norm",
    "make_sine_data",
    "make_sparse_regression",
    "matrix_norm",
    "memorization_runs",
    "min_on_ball",
    "ols",
    "orthonormal_design",
    "polynomial_features",
    "polynomial_ridge_predict",
    "quadratic_loss",
    "regularization_curves",
    "ridge",
    "ridge_path",
    "soft_threshold",
    "spiral_split",
    "unit_ball",
]
