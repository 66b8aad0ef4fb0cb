"""Data preprocessing: zero-centering, normalization, PCA and whitening.

Each function takes a data matrix ``X`` of shape ``(N, D)`` (one example per row). The statistics
must come from the training split only; pass the same ``mean``/``std``/``basis`` to transform the
validation and test splits.

Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).
"""

from __future__ import annotations

import numpy as np

from .._validate import check_array, check_real

__all__ = ["normalize", "pca_basis", "pca_rotate", "whiten", "zero_center"]


def _data(X: object) -> np.ndarray:
    X = check_array("X", X, ndim=2)
    if X.shape[0] < 2 or X.shape[1] < 1:
        raise ValueError(f"X must have shape (N, D) with N >= 2 and D >= 1, got {X.shape}")
    return X


def zero_center(X: object, mean: object | None = None) -> np.ndarray:
    r"""Subtract the per-feature mean: $x' = x - \bar x$.

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).

    Parameters
    ----------
    X
        Data, shape ``(N, D)``.
    mean
        Per-feature mean to subtract (the training split's); ``None`` uses ``X``'s own.
    """
    X = _data(X)
    mean = X.mean(axis=0) if mean is None else check_array("mean", mean, ndim=1)
    return X - mean


def normalize(X: object, mean: object | None = None, std: object | None = None) -> np.ndarray:
    r"""Zero-center, then divide each feature by its standard deviation: $x' = (x - \bar x)/s$.

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).
    """
    X = _data(X)
    mean = X.mean(axis=0) if mean is None else check_array("mean", mean, ndim=1)
    std = X.std(axis=0) if std is None else check_array("std", std, ndim=1)
    if np.any(std <= 0):
        raise ValueError("std must be positive for every feature (a constant feature cannot be normalized)")
    return (X - mean) / std


def pca_basis(X: object) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""Mean, eigenvalues (descending) and eigenvectors (columns) of the data covariance.

    $$\Sigma = \frac1N (X - \bar x)^\top (X - \bar x) = U \operatorname{diag}(\lambda) U^\top$$

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).
    """
    X = _data(X)
    mean = X.mean(axis=0)
    Xc = X - mean
    eigvals, eigvecs = np.linalg.eigh(Xc.T @ Xc / X.shape[0])
    order = np.argsort(eigvals)[::-1]
    return mean, eigvals[order], eigvecs[:, order]


def pca_rotate(X: object) -> np.ndarray:
    r"""Rotate the centered data onto its principal axes: $x' = (x - \bar x)\,U$.

    The result has a diagonal covariance $\operatorname{diag}(\lambda)$ (the features are decorrelated).

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).
    """
    mean, _, eigvecs = pca_basis(X)
    return (_data(X) - mean) @ eigvecs


def whiten(X: object, eps: float = 1e-5) -> np.ndarray:
    r"""PCA whitening: rotate onto the principal axes and divide each by its standard deviation.

    $$x' = \frac{(x - \bar x)\,U}{\sqrt{\lambda + \epsilon}}, \qquad \operatorname{Cov}(x') \approx I$$

    ``eps`` keeps directions of almost zero variance (often noise) from being blown up.

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).
    """
    eps = check_real("eps", eps, low=0.0)
    mean, eigvals, eigvecs = pca_basis(X)
    return (_data(X) - mean) @ eigvecs / np.sqrt(eigvals + eps)
