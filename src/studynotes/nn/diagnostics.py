"""Watching a deep ReLU network train: the spread of each layer's activations and weight gradients.

Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .._validate import check_array, check_int, check_real, check_size
from .data import make_spiral
from .init import he_init, small_random_init, xavier_init
from .layers import _check_labels, _softmax_loss

__all__ = ["LayerStats", "deep_relu_loss", "layer_stats"]

_DEEP_INITS = ("small", "xavier", "he")


def deep_relu_loss(
    weights: list[np.ndarray], biases: list[np.ndarray], X: object, y: object
) -> tuple[float, list[np.ndarray], list[np.ndarray], list[np.ndarray]]:
    r"""Softmax loss of a fully connected ReLU network and the gradient of every layer.

    Hidden layer $\ell$ computes $h^{(\ell)} = \max(0,\ h^{(\ell-1)} W^{(\ell)} + b^{(\ell)})$ with $h^{(0)} = X$;
    the last pair of ``weights``/``biases`` gives the scores, without a ReLU. The backward pass uses

    $$\frac{\partial L}{\partial W^{(\ell)}} = {h^{(\ell-1)}}^\top \delta^{(\ell)},\qquad
    \delta^{(\ell-1)} = \bigl(\delta^{(\ell)} {W^{(\ell)}}^\top\bigr) \odot \mathbb 1[h^{(\ell-1)} > 0]$$

    so a layer's weight gradient is as small as its input times the signal coming down from above.

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).

    Parameters
    ----------
    weights
        One ``(fan_in, fan_out)`` matrix per layer, the last one producing the scores.
    biases
        One vector per layer, matching the weights' columns.
    X
        Inputs ``(N, D)``.
    y
        Integer labels ``(N,)``.

    Returns
    -------
    loss, dW, db, hidden
        The mean loss, the gradients (one per layer) and the hidden activations $h^{(1)}, \dots, h^{(L)}$.
    """
    if len(weights) != len(biases) or not weights:
        raise ValueError(f"weights and biases must be non-empty lists of equal length, got {len(weights)} and {len(biases)}")
    X = check_array("X", X, ndim=2)
    prev = X.shape[1]
    for i, (w, b) in enumerate(zip(weights, biases)):
        if np.shape(w)[:1] != (prev,) or np.ndim(w) != 2 or np.shape(b) != (np.shape(w)[1],):
            raise ValueError(f"weights[{i}] must have {prev} rows and biases[{i}] one entry per column, got {np.shape(w)} and {np.shape(b)}")
        prev = np.shape(w)[1]
    hs = [X]
    for w, b in zip(weights[:-1], biases[:-1]):
        hs.append(np.maximum(hs[-1] @ w + b, 0.0))
    scores = hs[-1] @ weights[-1] + biases[-1]
    loss, d = _softmax_loss(scores, _check_labels(y, *scores.shape))
    dW: list[np.ndarray] = [np.empty(0)] * len(weights)
    db: list[np.ndarray] = [np.empty(0)] * len(weights)
    for i in range(len(weights) - 1, -1, -1):
        dW[i] = hs[i].T @ d
        db[i] = d.sum(axis=0)
        if i > 0:
            d = (d @ weights[i].T) * (hs[i] > 0)
    return float(loss), dW, db, hs[1:]


@dataclass(frozen=True)
class LayerStats:
    """Per-layer spreads of a deep ReLU network at the first step and after training.

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).

    Attributes
    ----------
    act_std
        Standard deviation of each hidden layer's activations, shape ``(2, n_layers)``: row 0 before the first
        update, row 1 after ``steps`` updates.
    grad_std
        Standard deviation of the entries of each hidden layer's weight gradient $\\partial L/\\partial W$, same shape.
    loss
        Loss before the first update and after the last one, shape ``(2,)``.
    accuracy
        Training accuracy at the same two moments, shape ``(2,)``.
    """

    init: str
    act_std: np.ndarray
    grad_std: np.ndarray
    loss: np.ndarray
    accuracy: np.ndarray


@lru_cache(maxsize=32)
def layer_stats(
    init: str, *, n_layers: int = 6, width: int = 100, steps: int = 200, lr: float = 0.5, seed: int = 0
) -> LayerStats:
    r"""Train a deep ReLU network on the spiral by full-batch gradient descent and watch every layer.

    The network has ``n_layers`` hidden ReLU layers of ``width`` units on the CS231n spiral
    (3 classes of 100 points). ``init`` draws every weight matrix as ``'small'`` $0.01\cdot\mathcal N(0,1)$,
    ``'xavier'`` $\mathcal N(0, 1/n_{\text{in}})$ or ``'he'`` $\mathcal N(0, 2/n_{\text{in}})$; biases start at 0.
    The statistics are taken from the forward and backward pass of the first step and of the step after
    ``steps`` updates (`deep_relu_loss`).

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).

    Parameters
    ----------
    init
        ``'small'``, ``'xavier'`` or ``'he'``.
    n_layers
        Number of hidden layers (positive).
    width
        Units per hidden layer (positive).
    steps
        Number of gradient-descent updates (positive).
    lr
        Learning rate (> 0).
    seed
        Seed of the data and the weights.
    """
    if init not in _DEEP_INITS:
        raise ValueError(f"init must be one of {_DEEP_INITS}, got {init!r}")
    n_layers = check_int("n_layers", n_layers, minimum=1)
    width = check_int("width", width, minimum=1)
    check_size("n_layers * width * width", n_layers, width, width)
    steps = check_int("steps", steps, minimum=1)
    lr = check_real("lr", lr, low=0.0, low_open=True)
    rng = np.random.default_rng(check_int("seed", seed, minimum=0))
    X, y = make_spiral(100, 3, rng)
    dims = [X.shape[1]] + [width] * n_layers + [3]
    draw = {"small": lambda a, b: small_random_init(a, b, rng, 0.01), "xavier": lambda a, b: xavier_init(a, b, rng),
            "he": lambda a, b: he_init(a, b, rng)}[init]
    weights = [draw(a, b) for a, b in zip(dims[:-1], dims[1:])]
    biases = [np.zeros(b) for b in dims[1:]]
    act, grad, loss, acc = [], [], [], []
    with np.errstate(over="raise", invalid="raise"):
        for t in range(steps + 1):
            value, dW, db, hidden = deep_relu_loss(weights, biases, X, y)
            if t in (0, steps):
                act.append([h.std() for h in hidden])
                grad.append([g.std() for g in dW[:-1]])
                loss.append(value)
                scores = hidden[-1] @ weights[-1] + biases[-1]
                acc.append(np.mean(np.argmax(scores, axis=1) == y))
            if t < steps:
                for w, b, gw, gb in zip(weights, biases, dW, db):
                    w -= lr * gw
                    b -= lr * gb
    arrays = [np.array(v, dtype=float) for v in (act, grad, loss, acc)]
    for arr in arrays:
        arr.setflags(write=False)
    return LayerStats(init, *arrays)
