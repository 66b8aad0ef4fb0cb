"""Transfer learning in miniature: pretrain on a large task, reuse the hidden layer on a small related one.

Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from .._validate import check_int, check_real
from .net import TwoLayerNet

__all__ = ["TRANSFER_METHODS", "related_tasks", "transfer_experiment"]

TRANSFER_METHODS = ("scratch", "linear", "finetune")
"""The keys of the three ways `transfer_experiment` learns the target task.

Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).
"""


def related_tasks(seed: int, *, dim: int = 50, latent: int = 6, classes_source: int = 10, classes_target: int = 3):
    r"""Two classification tasks that share their features: a sampler ``draw(n, task, rng) -> (X, y)``.

    Inputs are $x \sim \mathcal N(0, I_{\text{dim}})$; both tasks look only at the same ``latent`` ReLU
    features $z = \max(0, x P)$ of a random projection $P$ and label by $y = \arg\max_c (z V)_c$, with
    their own random $V$ (task ``'source'`` with ``classes_source`` classes, ``'target'`` with
    ``classes_target``). A network that has learned $z$ on the source task has learned what the target
    task needs, except the last linear map.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).

    Parameters
    ----------
    seed
        Seed of $P$ and of both $V$.
    dim
        Input dimension (positive).
    latent
        Number of shared ReLU features (positive).
    classes_source
        Classes of the source task (>= 2).
    classes_target
        Classes of the target task (>= 2).
    """
    seed = check_int("seed", seed, minimum=0)
    dim = check_int("dim", dim, minimum=1)
    latent = check_int("latent", latent, minimum=1)
    sizes = {"source": check_int("classes_source", classes_source, minimum=2),
             "target": check_int("classes_target", classes_target, minimum=2)}
    r = np.random.default_rng([seed, 7])
    P = r.standard_normal((dim, latent)) / np.sqrt(dim)
    V = {task: r.standard_normal((latent, c)) for task, c in sizes.items()}

    def draw(n: int, task: str, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
        if task not in V:
            raise ValueError(f"task must be 'source' or 'target', got {task!r}")
        X = rng.standard_normal((check_int("n", n, minimum=1), dim))
        return X, np.argmax(np.maximum(X @ P, 0.0) @ V[task], axis=1)

    return draw


def _descend(net: TwoLayerNet, X: np.ndarray, y: np.ndarray, lr: float, steps: int, frozen: tuple[str, ...] = ()) -> None:
    for _ in range(steps):
        _, grads = net.loss(X, y)
        for name, g in grads.items():
            if name not in frozen:
                net.params[name] -= lr * g


@lru_cache(maxsize=64)
def transfer_experiment(
    n_target: int,
    seed: int,
    *,
    n_source: int = 1000,
    hidden: int = 32,
    lr: float = 0.5,
    steps: int = 200,
    n_test: int = 2000,
) -> dict[str, float]:
    r"""Test accuracy on the small target task of three ways to train a `TwoLayerNet`.

    First a network is pretrained on ``n_source`` examples of the source task of `related_tasks`
    (full-batch gradient descent, ``steps`` steps at ``lr``). Then, with ``n_target`` labeled target examples:

    - ``'scratch'``: a new network, randomly initialized, trained on them alone (``lr``, ``steps``);
    - ``'linear'``: the pretrained first layer frozen, a new last layer (a linear softmax classifier on the
      frozen hidden features) trained on them (``lr``, ``steps``);
    - ``'finetune'``: starting from ``'linear'``'s network, every layer trained further at ``lr / 10``
      for ``steps`` steps.

    Every network has L2 strength $10^{-3}$ and ``hidden`` units.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).

    Parameters
    ----------
    n_target
        Labelled examples of the target task (positive).
    seed
        Seed of the tasks, the data and the initial weights.
    n_source
        Examples of the source task (positive).
    hidden
        Hidden units (positive).
    lr
        Learning rate of pretraining, of ``'scratch'`` and of ``'linear'`` (> 0).
    steps
        Gradient-descent steps of each stage (positive).
    n_test
        Fresh target examples on which the accuracies are measured (positive).

    Returns
    -------
    dict
        ``'scratch'``, ``'linear'``, ``'finetune'``: target test accuracy; ``'source'``: the pretrained
        network's accuracy on fresh source examples.
    """
    n_target = check_int("n_target", n_target, minimum=1)
    seed = check_int("seed", seed, minimum=0)
    n_source = check_int("n_source", n_source, minimum=1)
    hidden = check_int("hidden", hidden, minimum=1)
    lr = check_real("lr", lr, low=0.0, low_open=True)
    steps = check_int("steps", steps, minimum=1)
    n_test = check_int("n_test", n_test, minimum=1)
    draw = related_tasks(seed)
    rng = np.random.default_rng(seed)
    Xs, ys = draw(n_source, "source", rng)
    Xt, yt = draw(n_target, "target", rng)
    Xtest, ytest = draw(n_test, "target", rng)
    Xs_test, ys_test = draw(n_test, "source", rng)
    dim, n_src, n_tgt = Xs.shape[1], 10, 3  # related_tasks' defaults
    pre = TwoLayerNet(dim, hidden, n_src, rng=rng, reg=1e-3)
    _descend(pre, Xs, ys, lr, steps)

    def new_net() -> TwoLayerNet:
        return TwoLayerNet(dim, hidden, n_tgt, rng=rng, reg=1e-3)

    scratch = new_net()
    _descend(scratch, Xt, yt, lr, steps)
    linear = new_net()
    linear.params["W1"], linear.params["b1"] = pre.params["W1"].copy(), pre.params["b1"].copy()
    _descend(linear, Xt, yt, lr, steps, frozen=("W1", "b1"))
    tuned = new_net()
    tuned.params.update({name: value.copy() for name, value in linear.params.items()})
    _descend(tuned, Xt, yt, lr / 10, steps)
    acc = {name: float(np.mean(net.predict(Xtest) == ytest)) for name, net in
           (("scratch", scratch), ("linear", linear), ("finetune", tuned))}
    acc["source"] = float(np.mean(pre.predict(Xs_test) == ys_test))
    return acc
