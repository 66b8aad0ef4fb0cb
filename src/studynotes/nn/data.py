"""Synthetic data sets for the neural-network posts.

Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).
"""

from __future__ import annotations

import numpy as np

from .._validate import check_int, check_real, check_rng, check_size

__all__ = ["make_spiral"]


def make_spiral(
    n_per_class: int, n_classes: int, rng: np.random.Generator, *, noise: float = 0.2
) -> tuple[np.ndarray, np.ndarray]:
    r"""The CS231n spiral: ``n_classes`` interleaved arms of 2-D points, not linearly separable.

    Point $i$ of arm $k$ has radius $r_i = i/(n-1)$ and angle
    $\theta_i = 4k + 4\,i/(n-1) + \varepsilon_i$ with $\varepsilon_i \sim \mathcal N(0, \text{noise}^2)$:

    $$x_i = (r_i \sin\theta_i,\ r_i\cos\theta_i),\qquad y_i = k$$

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).

    Parameters
    ----------
    n_per_class
        Points per arm (>= 2).
    n_classes
        Number of arms (>= 1).
    rng
        Source of the angular noise.
    noise
        Standard deviation of the angular noise (>= 0).

    Returns
    -------
    X : numpy.ndarray
        Shape ``(n_per_class * n_classes, 2)``, arm by arm.
    y : numpy.ndarray
        Integer labels, shape ``(n_per_class * n_classes,)``.
    """
    n = check_int("n_per_class", n_per_class, minimum=2)
    k = check_int("n_classes", n_classes, minimum=1)
    check_size("n_per_class * n_classes", n, k, 2)
    noise = check_real("noise", noise, low=0.0)
    rng = check_rng("rng", rng)
    r = np.tile(np.linspace(0.0, 1.0, n), k)
    arm = np.repeat(np.arange(k), n)
    theta = 4.0 * arm + np.tile(np.linspace(0.0, 4.0, n), k) + noise * rng.standard_normal(n * k)
    X = np.column_stack([r * np.sin(theta), r * np.cos(theta)])
    return X, arm
