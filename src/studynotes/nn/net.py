"""A two-layer fully connected classifier and a plain SGD training loop that records what to watch.

Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .._validate import check_array, check_int, check_real, check_rng, check_size
from .init import he_init, small_random_init
from .layers import (
    _affine_backward,
    _affine_forward,
    _batchnorm_backward,
    _batchnorm_forward,
    _check_labels,
    _softmax_loss,
    dropout_backward,
    dropout_forward,
)

__all__ = ["History", "TwoLayerNet", "train"]


class TwoLayerNet:
    r"""affine - [batchnorm] - ReLU - [dropout] - affine - softmax.

    The loss is the mean softmax cross-entropy plus an L2 penalty on the weights (not the biases),
    with the CS231n factor one half:

    $$L = \frac1N\sum_n L_n + \frac{\lambda}{2}\big(\lVert W_1\rVert_F^2 + \lVert W_2\rVert_F^2\big)$$

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).

    Parameters
    ----------
    input_dim, hidden_dim, n_classes
        Layer sizes (positive integers).
    rng
        Source of the initial weights and of the dropout masks (kept as ``self.rng``).
    weight_scale
        ``None`` draws both weight matrices with He initialization $\mathcal N(0, 2/n_{\text{in}})$;
        a positive number $s$ draws them from $\mathcal N(0, s^2)$ (e.g. 0.01, "small random numbers").
    reg
        L2 strength $\lambda \ge 0$.
    batchnorm
        Insert batch normalization (with parameters ``gamma1``, ``beta1``) after the first affine layer.
    dropout_keep
        ``None`` for no dropout, else the keep probability $p \in (0, 1]$ of inverted dropout after the ReLU.

    Attributes
    ----------
    params : dict[str, numpy.ndarray]
        ``W1``, ``b1``, ``W2``, ``b2`` (and ``gamma1``, ``beta1`` with batch normalization).
    bn_param : dict or None
        The batch-normalization state (mode, running averages), CS231n style.
    """

    def __init__(
        self,
        input_dim: int,
        hidden_dim: int,
        n_classes: int,
        *,
        rng: np.random.Generator,
        weight_scale: float | None = None,
        reg: float = 0.0,
        batchnorm: bool = False,
        dropout_keep: float | None = None,
    ) -> None:
        d = check_int("input_dim", input_dim, minimum=1)
        h = check_int("hidden_dim", hidden_dim, minimum=1)
        c = check_int("n_classes", n_classes, minimum=1)
        check_size("input_dim * hidden_dim", d, h)
        check_size("hidden_dim * n_classes", h, c)
        self.rng = check_rng("rng", rng)
        self.reg = check_real("reg", reg, low=0.0)
        if dropout_keep is not None:
            dropout_keep = check_real("dropout_keep", dropout_keep, low=0.0, high=1.0, low_open=True)
        self.dropout_keep = dropout_keep
        self.batchnorm = bool(batchnorm)
        if weight_scale is None:
            w1, w2 = he_init(d, h, self.rng), he_init(h, c, self.rng)
        else:
            scale = check_real("weight_scale", weight_scale, low=0.0, low_open=True)
            w1, w2 = small_random_init(d, h, self.rng, scale), small_random_init(h, c, self.rng, scale)
        self.params: dict[str, np.ndarray] = {"W1": w1, "b1": np.zeros(h), "W2": w2, "b2": np.zeros(c)}
        self.bn_param: dict[str, Any] | None = None
        if self.batchnorm:
            self.params["gamma1"] = np.ones(h)
            self.params["beta1"] = np.zeros(h)
            self.bn_param = {"mode": "train"}

    def loss(self, X: object, y: object | None = None, mode: str = "train"):
        """Scores ``(N, C)`` if ``y`` is None, else ``(loss, grads)`` with one gradient per parameter.

        ``mode`` selects batch-normalization statistics and dropout (``'train'`` or ``'test'``).
        Train mode updates the running averages, so ask for predictions with `predict`
        (or ``mode='test'``).
        """
        if mode not in ("train", "test"):
            raise ValueError(f"mode must be 'train' or 'test', got {mode!r}")
        X = check_array("X", X, ndim=2)
        if X.shape[1] != self.params["W1"].shape[0]:
            raise ValueError(f"X must have {self.params['W1'].shape[0]} columns, got shape {X.shape}")
        p = self.params
        # The layers' unchecked cores: X is validated above, and the parameters are the network's own.
        a, cache_a = _affine_forward(X, p["W1"], p["b1"])
        cache_bn = None
        if self.batchnorm:
            bn = self.bn_param
            h = a.shape[1]
            a, cache_bn = _batchnorm_forward(
                a, p["gamma1"], p["beta1"], bn, mode, bn.get("eps", 1e-5), bn.get("momentum", 0.9),
                bn.get("running_mean", np.zeros(h)), bn.get("running_var", np.zeros(h)),
            )
            bn["mode"] = mode
        hidden = np.maximum(a, 0.0)
        cache_d = None
        if self.dropout_keep is not None:
            hidden, cache_d = dropout_forward(hidden, self.dropout_keep, mode, self.rng)
        scores, cache_s = _affine_forward(hidden, p["W2"], p["b2"])
        if y is None:
            return scores

        if not np.all(np.isfinite(scores)):
            raise ValueError("scores became NaN or infinite (the parameters have diverged)")
        data_loss, dscores = _softmax_loss(scores, _check_labels(y, *scores.shape))
        loss = data_loss + 0.5 * self.reg * (np.sum(p["W1"] ** 2) + np.sum(p["W2"] ** 2))
        grads: dict[str, np.ndarray] = {}
        dhidden, grads["W2"], grads["b2"] = _affine_backward(dscores, cache_s)
        if cache_d is not None:
            dhidden = dropout_backward(dhidden, cache_d)
        da = dhidden * (a > 0)
        if cache_bn is not None:
            da, grads["gamma1"], grads["beta1"] = _batchnorm_backward(da, cache_bn)
        _, grads["W1"], grads["b1"] = _affine_backward(da, cache_a)
        grads["W1"] += self.reg * p["W1"]
        grads["W2"] += self.reg * p["W2"]
        return float(loss), grads

    def predict(self, X: object) -> np.ndarray:
        """Predicted class of each row of ``X`` (test mode: running statistics, no dropout)."""
        return np.argmax(self.loss(X, mode="test"), axis=1)


@dataclass
class History:
    """What `train` records.

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).

    Attributes
    ----------
    loss
        Training loss of every iteration (on that iteration's minibatch), before the update.
    train_acc, val_acc
        Accuracy on the whole training set / validation set at the iterations in ``eval_iters``
        (``val_acc`` stays empty without a validation set).
    update_ratio
        $\\lVert \\text{lr}\\cdot\\nabla W_1\\rVert / \\lVert W_1\\rVert$ at every iteration; about $10^{-3}$ is healthy.
    eval_iters
        Iteration indices at which the accuracies were measured.
    diverged
        True if the loss became NaN or infinite (training stopped there).
    """

    loss: list[float] = field(default_factory=list)
    train_acc: list[float] = field(default_factory=list)
    val_acc: list[float] = field(default_factory=list)
    update_ratio: list[float] = field(default_factory=list)
    eval_iters: list[int] = field(default_factory=list)
    diverged: bool = False


def train(
    net: TwoLayerNet,
    X: object,
    y: object,
    *,
    X_val: object | None = None,
    y_val: object | None = None,
    lr: float,
    num_iters: int,
    batch_size: int | None = None,
    rng: np.random.Generator,
    eval_every: int | None = None,
) -> History:
    r"""Plain (minibatch) stochastic gradient descent, $\theta \leftarrow \theta - \text{lr}\cdot\nabla_\theta L$.

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).

    Parameters
    ----------
    net
        The network; its ``params`` are updated in place.
    X, y
        Training data ``(N, D)`` and integer labels ``(N,)``.
    X_val, y_val
        Optional validation set, given together.
    lr
        Learning rate (> 0).
    num_iters
        Number of updates (>= 1).
    batch_size
        Minibatch size (drawn without replacement each iteration), ``None`` for full-batch gradient descent.
    rng
        Source of the minibatches.
    eval_every
        Measure the accuracies every this many iterations; ``None`` means once per epoch
        (every iteration for full-batch training). The last iteration is always measured.

    Returns
    -------
    History
        Loss and update-to-weight ratio per iteration, accuracies per evaluation. If the loss
        becomes NaN or infinite (learning rate far too high), training stops and
        ``History.diverged`` is set.
    """
    if not isinstance(net, TwoLayerNet):
        raise TypeError(f"net must be a TwoLayerNet, got {type(net).__name__}")
    X = check_array("X", X, ndim=2)
    y = np.asarray(y)
    if y.shape != (X.shape[0],):
        raise ValueError(f"y must have shape ({X.shape[0]},) to match X, got {y.shape}")
    if (X_val is None) != (y_val is None):
        raise ValueError("X_val and y_val must be given together")
    if X_val is not None:
        X_val = check_array("X_val", X_val, ndim=2)
        y_val = np.asarray(y_val)
        if y_val.shape != (X_val.shape[0],):
            raise ValueError(f"y_val must have shape ({X_val.shape[0]},) to match X_val, got {y_val.shape}")
    lr = check_real("lr", lr, low=0.0, low_open=True)
    num_iters = check_int("num_iters", num_iters, minimum=1)
    n = X.shape[0]
    if batch_size is not None:
        batch_size = check_int("batch_size", batch_size, minimum=1)
        if batch_size > n:
            raise ValueError(f"batch_size must be <= the number of examples {n}, got {batch_size}")
    rng = check_rng("rng", rng)
    if eval_every is None:
        eval_every = 1 if batch_size is None else max(1, n // batch_size)
    eval_every = check_int("eval_every", eval_every, minimum=1)

    hist = History()
    with np.errstate(over="ignore", invalid="ignore"):
        for it in range(num_iters):
            if batch_size is None:
                xb, yb = X, y
            else:
                idx = rng.choice(n, size=batch_size, replace=False)
                xb, yb = X[idx], y[idx]
            try:
                loss, grads = net.loss(xb, yb, mode="train")
            except ValueError:
                # Overflowing activations reach the layers as inf/NaN: the run has diverged.
                loss, grads = float("nan"), None
            hist.loss.append(loss)
            if grads is None or not np.isfinite(loss):
                hist.diverged = True
                break
            w1 = net.params["W1"]
            hist.update_ratio.append(float(lr * np.linalg.norm(grads["W1"]) / np.linalg.norm(w1)))
            for name, g in grads.items():
                net.params[name] -= lr * g
            if (it + 1) % eval_every == 0 or it == num_iters - 1:
                try:
                    train_acc = float(np.mean(net.predict(X) == y))
                    val_acc = None if X_val is None else float(np.mean(net.predict(X_val) == y_val))
                except ValueError:  # the update made the parameters overflow
                    hist.diverged = True
                    break
                hist.eval_iters.append(it)
                hist.train_acc.append(train_acc)
                if val_acc is not None:
                    hist.val_acc.append(val_acc)
    return hist
