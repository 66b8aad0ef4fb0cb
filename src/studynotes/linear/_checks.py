"""Shared checks for design matrices, targets and penalties."""

from __future__ import annotations

import numpy as np

from .._validate import check_array, check_real


_NO_Y = object()


def check_design(X: object, y: object = _NO_Y) -> tuple[np.ndarray, np.ndarray | None]:
    """Return ``X`` as a finite 2-D float array (and ``y``, when passed, as a matching 1-D one; ``None`` is refused)."""
    X = check_array("X", X, ndim=2)
    if X.shape[0] < 1 or X.shape[1] < 1:
        raise ValueError(f"X must have at least one row and one column, got shape {X.shape}")
    if y is _NO_Y:
        return X, None
    y = check_array("y", y, ndim=1)
    if y.shape[0] != X.shape[0]:
        raise ValueError(f"X and y must have the same number of rows, got X {X.shape[0]} and y {y.shape[0]}")
    return X, y


def check_lam(value: object, name: str = "lam") -> float:
    """Return a penalty strength as a finite float >= 0."""
    return check_real(name, value, low=0.0)


def check_lams(values: object, name: str = "lams") -> np.ndarray:
    """Return a 1-D array of penalty strengths, each finite and >= 0."""
    lams = check_array(name, values, ndim=1)
    if lams.size == 0:
        raise ValueError(f"{name} must not be empty")
    if np.any(lams < 0):
        raise ValueError(f"{name} must all be >= 0, got minimum {lams.min()}")
    return lams


def center(X: np.ndarray, y: np.ndarray, fit_intercept: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """Center ``X`` and ``y`` when an unpenalized intercept is fitted (its optimum is then closed form)."""
    if not fit_intercept:
        return X, y, np.zeros(X.shape[1]), 0.0
    x_mean = X.mean(axis=0)
    y_mean = float(y.mean())
    return X - x_mean, y - y_mean, x_mean, y_mean
