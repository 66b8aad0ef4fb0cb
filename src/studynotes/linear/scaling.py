"""Feature scaling: statistics fitted on the training split, then applied unchanged to new data.

Introduced in: [Regularization, Normalization](https://studynotes.github.io/studynotes/en/posts/regularization-normalization/).
"""

from __future__ import annotations

import numpy as np

from .._validate import check_array

__all__ = ["StandardScaler", "MinMaxScaler"]


def _check_features(name: str, X: object, n_features: int | None = None) -> np.ndarray:
    X = check_array(name, X, ndim=2)
    if X.shape[0] < 1:
        raise ValueError(f"{name} must have at least one row, got shape {X.shape}")
    if n_features is not None and X.shape[1] != n_features:
        raise ValueError(f"{name} must have {n_features} columns (as in the fitted data), got {X.shape[1]}")
    return X


class _Scaler:
    """Common shape: ``fit`` stores per-column ``shift_`` and ``scale_``; ``transform`` maps (X - shift) / scale."""

    shift_: np.ndarray
    scale_: np.ndarray

    def _stats(self, X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        raise NotImplementedError

    def fit(self, X: object) -> "_Scaler":
        """Learn the per-column statistics from ``X`` (the training split only); returns ``self``."""
        X = _check_features("X", X)
        shift, scale = self._stats(X)
        if np.any(scale == 0):
            cols = np.flatnonzero(scale == 0).tolist()
            raise ValueError(f"X has constant columns {cols}; they cannot be scaled")
        self.shift_, self.scale_ = shift, scale
        return self

    def _fitted(self) -> None:
        if not hasattr(self, "scale_"):
            raise ValueError("the scaler is not fitted yet: call fit(X_train) first")

    def transform(self, X: object) -> np.ndarray:
        """Apply the fitted statistics to ``X`` (any split); values may leave the training range."""
        self._fitted()
        X = _check_features("X", X, self.scale_.size)
        return (X - self.shift_) / self.scale_

    def inverse_transform(self, Z: object) -> np.ndarray:
        """Map scaled values back to the original units: ``Z * scale + shift``."""
        self._fitted()
        Z = _check_features("Z", Z, self.scale_.size)
        return Z * self.scale_ + self.shift_

    def fit_transform(self, X: object) -> np.ndarray:
        """``fit(X)`` followed by ``transform(X)``."""
        return self.fit(X).transform(X)


class StandardScaler(_Scaler):
    r"""Standardization (z-score): $z = (x - \mu) / \sigma$ per column.

    $\mu$ and $\sigma$ (population standard deviation, ``ddof=0``) come from the data
    passed to `fit`; the training columns then have mean 0 and standard deviation 1.
    Same convention as scikit-learn's ``StandardScaler``.

    Introduced in: [Regularization, Normalization](https://studynotes.github.io/studynotes/en/posts/regularization-normalization/).

    Attributes
    ----------
    shift_, scale_
        The fitted means $\mu$ and standard deviations $\sigma$.
    """

    def _stats(self, X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return X.mean(axis=0), X.std(axis=0)


class MinMaxScaler(_Scaler):
    r"""Min-max scaling: $x' = (x - \min x) / (\max x - \min x)$ per column.

    The minimum and maximum come from the data passed to `fit`; the training columns then
    span exactly $[0, 1]$, while new data can fall outside it.
    Same convention as scikit-learn's ``MinMaxScaler`` with its default range.

    Introduced in: [Regularization, Normalization](https://studynotes.github.io/studynotes/en/posts/regularization-normalization/).

    Attributes
    ----------
    shift_, scale_
        The fitted minima and ranges $\max x - \min x$.
    """

    def _stats(self, X: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        lo = X.min(axis=0)
        return lo, X.max(axis=0) - lo
