"""Dropout and batch normalization on the CS231n spiral: cached training runs for the post's figures.

The networks, layers and training loop come from `studynotes.nn`; this module only fixes the
experiments (data, seeds, settings) and records what the post plots.

Introduced in: [Regularization, Normalization](https://studynotes.github.io/studynotes/en/posts/regularization-normalization/).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .._validate import check_int, check_probability, check_real, check_size
from ..nn import TwoLayerNet, make_spiral, softmax_loss, train

__all__ = ["Curves", "MemorizationRuns", "memorization_runs", "spiral_split", "regularization_curves"]


@dataclass(frozen=True)
class Curves:
    """Learning curves measured every ``eval_every`` updates, in test mode (no dropout, running BN statistics).

    Introduced in: [Regularization, Normalization](https://studynotes.github.io/studynotes/en/posts/regularization-normalization/).

    Attributes
    ----------
    iters
        Update counts at which the curves were measured (0 is the initial network).
    train_loss, val_loss
        Mean softmax cross-entropy (no penalty term) on the training and validation sets.
    train_acc, val_acc
        Accuracy on the training set (its labels as given, flipped ones included) and on the validation set.
    batch_loss
        The training loss of every update, on its minibatch, in train mode (what the optimizer sees).
    """

    iters: np.ndarray
    train_loss: np.ndarray
    val_loss: np.ndarray
    train_acc: np.ndarray
    val_acc: np.ndarray
    batch_loss: np.ndarray

    @property
    def gap(self) -> np.ndarray:
        """Validation loss minus training loss at each measurement (the generalization gap)."""
        return self.val_loss - self.train_loss


def spiral_split(
    n_train: int, n_val: int, *, noise: float = 0.2, flip: float = 0.0, seed: int = 0
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    r"""Training and validation sets drawn from the CS231n spiral (3 arms), optionally with flipped training labels.

    A fraction ``flip`` of the training labels is moved to one of the other classes at random, so a
    network large enough to memorize them has something to overfit; validation labels stay clean.

    Introduced in: [Regularization, Normalization](https://studynotes.github.io/studynotes/en/posts/regularization-normalization/).

    Parameters
    ----------
    n_train, n_val
        Points per class in each set.
    noise
        Angular noise of `studynotes.nn.make_spiral`.
    flip
        Fraction of training labels to corrupt, in $[0, 1]$.
    seed
        Seed of both draws and of the flips.

    Returns
    -------
    X, y, X_val, y_val
    """
    n_train = check_int("n_train", n_train, minimum=2)
    n_val = check_int("n_val", n_val, minimum=2)
    check_size("n_train + n_val", 3 * (n_train + n_val), 2)
    flip = check_probability("flip", flip)
    rng = np.random.default_rng(check_int("seed", seed, minimum=0))
    X, y = make_spiral(n_train, 3, rng, noise=noise)
    X_val, y_val = make_spiral(n_val, 3, rng, noise=noise)
    flipped = rng.random(y.size) < flip
    y = y.copy()
    y[flipped] = (y[flipped] + rng.integers(1, 3, flipped.sum())) % 3
    return X, y, X_val, y_val


def _measure(net: TwoLayerNet, X: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    scores = net.loss(X, mode="test")
    return softmax_loss(scores, y)[0], float(np.mean(np.argmax(scores, axis=1) == y))


@lru_cache(maxsize=16)
def regularization_curves(
    *,
    dropout_keep: float | None = None,
    batchnorm: bool = False,
    n_train: int = 40,
    n_val: int = 200,
    noise: float = 0.2,
    flip: float = 0.0,
    hidden_dim: int = 300,
    weight_scale: float | None = None,
    reg: float = 0.0,
    lr: float = 1.0,
    num_iters: int = 3000,
    batch_size: int | None = None,
    eval_every: int = 50,
    seed: int = 0,
) -> Curves:
    r"""Train one `studynotes.nn.TwoLayerNet` on `spiral_split` data and record its learning curves.

    The data, the initial weights and the dropout masks/minibatches come from three generators seeded
    with ``seed``, ``seed + 1`` and ``seed + 2``, so two calls that differ only in ``dropout_keep`` or
    ``batchnorm`` start from the same data (and, without batch normalization, the same weights).
    Training is plain gradient descent (`studynotes.nn.train`) in chunks of ``eval_every``
    updates; after each chunk both sets are evaluated in test mode. Cached: the result is shared by
    every caller with the same arguments (treat it as read-only).

    Introduced in: [Regularization, Normalization](https://studynotes.github.io/studynotes/en/posts/regularization-normalization/).

    Parameters
    ----------
    dropout_keep
        Keep probability $p$ of inverted dropout after the hidden ReLU (``None``: no dropout).
        Keras' ``rate`` and PyTorch's ``p`` are $1 - p$.
    batchnorm
        Batch normalization between the first affine layer and the ReLU.
    n_train
        Training points, as in `spiral_split`.
    n_val
        Validation points, as in `spiral_split`.
    noise
        Angular noise of the spiral arms, as in `spiral_split`.
    flip
        Share of training labels flipped, as in `spiral_split`.
    hidden_dim
        Hidden units, as in `studynotes.nn.TwoLayerNet`.
    weight_scale
        Initial weight scale, as in `studynotes.nn.TwoLayerNet` (``None``: He initialization).
    reg
        L2 strength, CS231n's $\tfrac{\lambda}{2}\lVert W\rVert^2$ (as in `studynotes.nn.TwoLayerNet`).
    lr
        Learning rate of gradient descent.
    num_iters
        Number of updates.
    batch_size
        Minibatch size (``None``: full batch).
    eval_every
        Updates between measurements; must divide ``num_iters``.
    """
    num_iters = check_int("num_iters", num_iters, minimum=1)
    eval_every = check_int("eval_every", eval_every, minimum=1)
    if num_iters % eval_every:
        raise ValueError(f"eval_every must divide num_iters={num_iters}, got {eval_every}")
    lr = check_real("lr", lr, low=0.0, low_open=True)
    X, y, X_val, y_val = spiral_split(n_train, n_val, noise=noise, flip=flip, seed=seed)
    net = TwoLayerNet(
        2, hidden_dim, 3, rng=np.random.default_rng(seed + 1), weight_scale=weight_scale, reg=reg,
        batchnorm=batchnorm, dropout_keep=dropout_keep,
    )
    if batchnorm:
        # Start the test-time running statistics at the initial network's own, not at zeros,
        # so the measurement before the first update is meaningful.
        a = X @ net.params["W1"] + net.params["b1"]
        net.bn_param.update(running_mean=a.mean(axis=0), running_var=a.var(axis=0))
    rng = np.random.default_rng(seed + 2)
    rows = [(*_measure(net, X, y), *_measure(net, X_val, y_val))]
    batch_loss: list[float] = []
    for _ in range(num_iters // eval_every):
        hist = train(net, X, y, lr=lr, num_iters=eval_every, batch_size=batch_size, rng=rng, eval_every=eval_every)
        batch_loss.extend(hist.loss)
        if hist.diverged:
            raise RuntimeError("training diverged: lower lr")
        rows.append((*_measure(net, X, y), *_measure(net, X_val, y_val)))
    tl, ta, vl, va = (np.array(c) for c in zip(*rows))
    curves = Curves(np.arange(len(rows)) * eval_every, tl, vl, ta, va, np.array(batch_loss))
    for arr in (curves.iters, curves.train_loss, curves.val_loss, curves.train_acc, curves.val_acc, curves.batch_loss):
        arr.setflags(write=False)
    return curves


@dataclass(frozen=True)
class MemorizationRuns:
    """Accuracies of several seeds measured every ``eval_every`` updates, in test mode; arrays are ``(seeds, measurements)``.

    Introduced in: [Regularization, Normalization](https://studynotes.github.io/studynotes/en/posts/regularization-normalization/).

    Attributes
    ----------
    iters
        Update counts at which the accuracies were measured (0 is the initial network).
    seeds
        The seeds, one row of each array per seed.
    flipped_acc
        Accuracy on the training points whose label was flipped, against the *flipped* label: how
        many wrong labels the network has memorized.
    train_acc, val_acc
        Accuracy on the whole training set (labels as given) and on the clean validation set.
    """

    iters: np.ndarray
    seeds: tuple[int, ...]
    flipped_acc: np.ndarray
    train_acc: np.ndarray
    val_acc: np.ndarray

    @property
    def gap(self) -> np.ndarray:
        """Train accuracy minus validation accuracy, per seed and measurement."""
        return self.train_acc - self.val_acc


@lru_cache(maxsize=8)
def memorization_runs(
    *,
    dropout_keep: float | None = None,
    seeds: tuple[int, ...] = (0, 1, 2, 3, 4),
    n_train: int = 30,
    n_val: int = 200,
    flip: float = 0.2,
    hidden_dim: int = 100,
    lr: float = 0.02,
    num_iters: int = 800,
    eval_every: int = 40,
) -> MemorizationRuns:
    r"""Train a `studynotes.nn.TwoLayerNet` with Adam on spiral data with flipped labels, once per seed.

    Full-batch Adam (`studynotes.optim.adam`, default betas) memorizes the flipped labels within a
    few hundred updates when nothing stops it, which plain gradient descent at a stable step does not
    within the same budget. Seed ``s`` draws the data (`spiral_split` with ``seed=s``), the initial
    weights (``s + 1``) and the dropout masks (``s + 2``), so the runs with and without dropout of
    one seed see the same data and start from the same weights. Cached by arguments (read-only
    result).

    Introduced in: [Regularization, Normalization](https://studynotes.github.io/studynotes/en/posts/regularization-normalization/).

    Parameters
    ----------
    dropout_keep
        Keep probability $p$ of inverted dropout after the hidden ReLU (``None``: no dropout).
    seeds
        Seeds to run (non-empty tuple of integers >= 0).
    n_train
        Training points per class, as in `spiral_split`.
    n_val
        Validation points per class, as in `spiral_split`.
    flip
        Share of training labels flipped, as in `spiral_split`.
    hidden_dim
        Hidden units.
    lr
        Adam's learning rate.
    num_iters
        Number of Adam updates.
    eval_every
        Updates between measurements (must divide ``num_iters``).
    """
    from ..optim import adam  # local import: studynotes.optim does not depend on linear

    if not isinstance(seeds, tuple) or not seeds:
        raise TypeError(f"seeds must be a non-empty tuple of integers, got {seeds!r}")
    seeds = tuple(check_int("seeds", s, minimum=0) for s in seeds)
    num_iters = check_int("num_iters", num_iters, minimum=1)
    eval_every = check_int("eval_every", eval_every, minimum=1)
    if num_iters % eval_every:
        raise ValueError(f"eval_every must divide num_iters={num_iters}, got {eval_every}")
    lr = check_real("lr", lr, low=0.0, low_open=True)
    flipped_rows, train_rows, val_rows = [], [], []
    for seed in seeds:
        X, y, X_val, y_val = spiral_split(n_train, n_val, flip=flip, seed=seed)
        _, y_clean, _, _ = spiral_split(n_train, n_val, flip=0.0, seed=seed)
        flipped = y != y_clean
        net = TwoLayerNet(2, hidden_dim, 3, rng=np.random.default_rng(seed + 1), dropout_keep=dropout_keep)
        net.rng = np.random.default_rng(seed + 2)
        configs: dict[str, dict] = {k: {"learning_rate": lr} for k in net.params}
        fa, ta, va = [], [], []
        for it in range(num_iters + 1):
            if it % eval_every == 0:
                pred, pred_val = net.predict(X), net.predict(X_val)
                fa.append(float(np.mean(pred[flipped] == y[flipped])) if flipped.any() else float("nan"))
                ta.append(float(np.mean(pred == y)))
                va.append(float(np.mean(pred_val == y_val)))
            if it == num_iters:
                break
            _, grads = net.loss(X, y, mode="train")
            for k in net.params:
                net.params[k], configs[k] = adam(net.params[k], grads[k], configs[k])
        flipped_rows.append(fa)
        train_rows.append(ta)
        val_rows.append(va)
    arrays = [np.array(r) for r in (flipped_rows, train_rows, val_rows)]
    for a in arrays:
        a.setflags(write=False)
    iters = np.arange(0, num_iters + 1, eval_every)
    iters.setflags(write=False)
    return MemorizationRuns(iters, seeds, *arrays)
