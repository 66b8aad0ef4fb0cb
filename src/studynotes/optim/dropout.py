"""Dropout as an ensemble: exact mask averages, Monte Carlo averages and the weight-scaling rule.

The dropout layer itself (inverted dropout, forward and backward) is `studynotes.nn`'s
`dropout_forward`; this module looks at what the test-time network should compute.
`p` is always the probability of *keeping* a unit, as in CS231n.

Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).
"""

from __future__ import annotations

import numpy as np

from .._validate import check_array, check_int, check_real, check_rng, check_size

__all__ = ["all_masks", "dropout_ensemble", "log10_num_masks", "mask_average"]


def _keep(p: object) -> float:
    return check_real("p", p, low=0.0, high=1.0, low_open=True)


def all_masks(n: int) -> np.ndarray:
    r"""Every binary dropout mask of `n` units, shape $(2^n, n)$, one mask per row.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).

    Parameters
    ----------
    n
        Number of units, $1 \le n \le 20$.

    Returns
    -------
    numpy.ndarray
        0/1 masks as floats.
    """
    n = check_int("n", n, minimum=1)
    if n > 20:
        raise ValueError(f"n must be <= 20 (2**n masks are listed), got {n}")
    return (np.arange(2**n)[:, None] >> np.arange(n)[::-1] & 1).astype(float)


def log10_num_masks(n: int) -> float:
    r"""$\log_{10} 2^n = n \log_{10} 2$: the size of the ensemble that dropout on `n` units trains.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).
    """
    return check_int("n", n, minimum=0) * float(np.log10(2.0))


def mask_average(w: object, x: object, p: float = 0.5) -> tuple[np.ndarray, float]:
    r"""Outputs of a linear neuron $a = w^\top (m \odot x)$ under every mask, and their exact average.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).

    Each mask $m$ has probability $\prod_i p^{m_i}(1-p)^{1-m_i}$, so

    $$
    \mathbb E_m[a] = \sum_m P(m)\, w^\top(m \odot x) = p\, w^\top x
    $$

    (for two inputs and $p = \tfrac12$: $\tfrac14$ of each of $w_1x + w_2y,\ w_1x,\ w_2y,\ 0$).

    Parameters
    ----------
    w, x
        Weights and inputs, 1-D of the same length (at most 20).
    p
        Keep probability in $(0, 1]$.

    Returns
    -------
    outputs, average
        The output under each mask (order of `all_masks`) and the probability-weighted average.
    """
    w = check_array("w", w, ndim=1)
    x = check_array("x", x, ndim=1)
    if w.shape != x.shape:
        raise ValueError(f"w and x must have the same length, got {w.shape} and {x.shape}")
    p = _keep(p)
    masks = all_masks(w.size)
    prob = np.prod(np.where(masks == 1.0, p, 1.0 - p), axis=1)
    outputs = (masks * x) @ w
    return outputs, float(prob @ outputs)


def dropout_ensemble(
    x: object,
    W: object,
    v: object,
    p: float,
    num_masks: int,
    rng: np.random.Generator,
    *,
    relu: bool = False,
) -> tuple[np.ndarray, float]:
    r"""Ensemble average of a dropout network against the weight-scaling rule.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).

    The network drops its inputs, $y(m) = v^\top \phi(W(m \odot x))$, with $\phi$ the
    identity or ReLU. The weight-scaling rule replaces the ensemble average by one pass with the
    weights multiplied by $p$:

    $$
    \mathbb E_m[y(m)] \;\overset{?}{=}\; v^\top \phi(p\,W x)
    $$

    which is exact when $\phi$ is linear and only an approximation after a nonlinearity
    (Jensen's inequality: $\mathbb E[\mathrm{ReLU}(z)] \ge \mathrm{ReLU}(\mathbb E z)$).

    Parameters
    ----------
    x
        Input, shape `(d,)`.
    W
        First-layer weights, shape `(h, d)`.
    v
        Read-out weights, shape `(h,)`.
    p
        Keep probability in $(0, 1]$.
    num_masks
        Number of random masks drawn ($\ge 1$).
    rng
        Source of the masks.
    relu
        Apply ReLU after the first layer.

    Returns
    -------
    samples, scaled
        $y(m)$ for each sampled mask, and the weight-scaled output $v^\top\phi(pWx)$.
    """
    x = check_array("x", x, ndim=1)
    W = check_array("W", W, ndim=2)
    v = check_array("v", v, ndim=1)
    if W.shape != (v.size, x.size):
        raise ValueError(f"W must have shape (len(v), len(x)) = {(v.size, x.size)}, got {W.shape}")
    p = _keep(p)
    num_masks = check_int("num_masks", num_masks, minimum=1)
    check_size("num_masks * len(x)", num_masks, x.size)
    rng = check_rng("rng", rng)
    masks = rng.random((num_masks, x.size)) < p
    pre = (masks * x) @ W.T
    phi = (lambda z: np.maximum(z, 0.0)) if relu else (lambda z: z)
    return phi(pre) @ v, float(phi(p * (W @ x)) @ v)
