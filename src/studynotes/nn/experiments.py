"""Experiments of the lecture, cached because each page language runs them once.

The cached functions take an integer ``seed`` instead of a generator, so that the cache key is
the full description of the run; they create ``np.random.default_rng(seed)`` themselves.
Their results are read-only (NumPy arrays are marked non-writeable).

Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .._validate import check_array, check_int, check_real, check_rng, check_size
from .data import make_spiral
from .init import he_init, small_random_init, xavier_init
from .net import History, TwoLayerNet, train

__all__ = [
    "InitExperiment",
    "init_experiment",
    "layout_best_scores",
    "linear_sgd_path",
    "log_uniform",
    "lr_sweep",
    "overfit_small",
    "peak_score",
    "same_sign_fraction",
    "search_layouts",
    "spiral_run",
    "steps_to_target",
    "zero_centered_steps",
]

_INITS = ("small", "large", "xavier", "he")
_ACTS = ("tanh", "relu")


def same_sign_fraction(X: object, upstream: object) -> float:
    r"""Fraction of examples whose weight gradient has all components of one sign.

    For a neuron $f = \sum_i w_i x_i + b$, the gradient is $\partial L/\partial w_i = (\partial L/\partial f)\, x_i$:
    when every $x_i > 0$ all components share the sign of $\partial L/\partial f$, so one step can
    only move $w$ along "all up" or "all down" directions.

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).

    Parameters
    ----------
    X
        Inputs, shape ``(N, D)``.
    upstream
        $\partial L/\partial f$ for each example, shape ``(N,)``.
    """
    X = check_array("X", X, ndim=2)
    g = check_array("upstream", upstream, ndim=1)
    if g.shape[0] != X.shape[0]:
        raise ValueError(f"upstream must have {X.shape[0]} entries (one per row of X), got {g.shape[0]}")
    grads = g[:, None] * X
    return float(np.mean(np.all(grads > 0, axis=1) | np.all(grads < 0, axis=1)))


def linear_sgd_path(X: object, w_star: object, lr: float, w0: object | None = None) -> np.ndarray:
    r"""Path of single-example SGD on a noiseless linear regression $y = w_\star^\top x$.

    Each step is $w \leftarrow w - \text{lr}\,(w^\top x_n - y_n)\,x_n$, one example at a time.
    With all-positive inputs every step points into the first or third quadrant, so reaching
    a $w_\star$ with components of opposite signs takes a zig-zag.

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).

    Returns
    -------
    numpy.ndarray
        Shape ``(N + 1, D)``: the starting point and the weights after each step.
    """
    X = check_array("X", X, ndim=2)
    w_star = check_array("w_star", w_star, ndim=1)
    if w_star.shape[0] != X.shape[1]:
        raise ValueError(f"w_star must have {X.shape[1]} entries, got {w_star.shape[0]}")
    lr = check_real("lr", lr, low=0.0, low_open=True)
    w = np.zeros(X.shape[1]) if w0 is None else check_array("w0", w0, ndim=1).copy()
    path = [w.copy()]
    for x in X:
        w = w - lr * ((w - w_star) @ x) * x
        path.append(w.copy())
    return np.array(path)


def steps_to_target(path: object, w_star: object, tol: float = 0.05) -> int | None:
    r"""First step at which a path comes within ``tol`` of $w_\star$ (Euclidean distance), or ``None``.

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).
    """
    path = check_array("path", path, ndim=2)
    w_star = check_array("w_star", w_star, ndim=1)
    tol = check_real("tol", tol, low=0.0, low_open=True)
    close = np.nonzero(np.linalg.norm(path - w_star, axis=1) < tol)[0]
    return int(close[0]) if close.size else None


@lru_cache(maxsize=8)
def zero_centered_steps(lr: float, *, positive: bool, num_seeds: int = 200, num_steps: int = 400, tol: float = 0.05) -> np.ndarray:
    r"""Steps single-example SGD needs to reach $w_\star = (1, -1)$, once per seed, for positive or zero-centered inputs.

    Seed $s$ draws ``num_steps`` inputs with ``np.random.default_rng(s)``: $x \sim U(0,1)^2$ if ``positive``,
    else $x \sim N(0, I_2)$; the path is `linear_sgd_path` from the origin and the count is
    `steps_to_target` with ``tol``. For uniform inputs $E[xx^\top]$ has eigenvalues $7/12$ and $1/12$
    (condition number 7); for standard normal inputs it is the identity.

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).

    Returns
    -------
    numpy.ndarray
        Shape ``(num_seeds,)``, float, NaN where the path never came within ``tol`` (read-only).
    """
    lr = check_real("lr", lr, low=0.0, low_open=True)
    num_seeds = check_int("num_seeds", num_seeds, minimum=1)
    num_steps = check_int("num_steps", num_steps, minimum=1)
    w_star = np.array([1.0, -1.0])
    draw = (lambda g: g.random((num_steps, 2))) if positive else (lambda g: g.standard_normal((num_steps, 2)))
    X = np.stack([draw(np.random.default_rng(seed)) for seed in range(num_seeds)])  # (seeds, steps, 2)
    w = np.zeros((num_seeds, 2))  # every seed's path at once: the same update as linear_sgd_path
    out = np.full(num_seeds, np.nan)
    with np.errstate(over="ignore", invalid="ignore"):  # a diverging path simply never arrives
        for t in range(num_steps):
            x = X[:, t]
            w = w - lr * np.sum((w - w_star) * x, axis=1, keepdims=True) * x
            arrived = np.isnan(out) & (np.linalg.norm(w - w_star, axis=1) < tol)
            out[arrived] = t + 1
    out.setflags(write=False)
    return out


@dataclass(frozen=True)
class InitExperiment:
    """Per-layer statistics of the activations of a deep network at initialization.

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).

    Attributes
    ----------
    means, stds
        Mean and standard deviation of each layer's activations, shape ``(n_layers,)``.
    saturated
        Fraction of activations with $|h| > 0.99$ in each layer for tanh; NaN for ReLU, which does not
        saturate for positive inputs (its failure mode is a dead unit, see ``dead``).
    dead
        Fraction of units that output exactly 0 for every example, per layer (dead ReLUs; 0 for tanh
        unless the activations underflow).
    hist_edges, hist_counts
        A histogram of each layer's activations: edges ``(n_layers, bins + 1)``, counts ``(n_layers, bins)``.
    """

    init: str
    activation: str
    means: np.ndarray
    stds: np.ndarray
    saturated: np.ndarray
    hist_edges: np.ndarray
    hist_counts: np.ndarray
    dead: np.ndarray


@lru_cache(maxsize=32)
def init_experiment(
    init: str,
    activation: str,
    *,
    n_layers: int = 10,
    width: int = 500,
    n_samples: int = 1000,
    bins: int = 40,
    seed: int = 0,
) -> InitExperiment:
    r"""Forward unit-Gaussian data through ``n_layers`` layers of ``width`` units and watch the activations.

    Layer $\ell$ computes $h^{(\ell)} = f(h^{(\ell-1)} W^{(\ell)})$ (no biases) with
    $W^{(\ell)}$ drawn by ``init``: ``'small'`` $0.01\cdot\mathcal N(0,1)$, ``'large'`` $1.0\cdot\mathcal N(0,1)$,
    ``'xavier'`` $\mathcal N(0, 1/n)$ or ``'he'`` $\mathcal N(0, 2/n)$. Since
    $\operatorname{Var}(h W) = n\operatorname{Var}(W)\,\mathbb E[h^2]$, the activations shrink to zero
    when $n\operatorname{Var}(W) \ll 1$ and blow up (tanh: saturate) when it is $\gg 1$.

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).

    Parameters
    ----------
    init
        ``'small'``, ``'large'``, ``'xavier'`` or ``'he'``.
    activation
        ``'tanh'`` or ``'relu'``.
    n_layers
        Number of layers (positive).
    width
        Units per layer (positive).
    n_samples
        Number of input examples (positive).
    bins
        Histogram bins per layer.
    seed
        Seed of the input data and the weights.
    """
    if init not in _INITS:
        raise ValueError(f"init must be one of {_INITS}, got {init!r}")
    if activation not in _ACTS:
        raise ValueError(f"activation must be one of {_ACTS}, got {activation!r}")
    n_layers = check_int("n_layers", n_layers, minimum=1)
    width = check_int("width", width, minimum=1)
    n_samples = check_int("n_samples", n_samples, minimum=1)
    bins = check_int("bins", bins, minimum=1)
    check_size("n_samples * width", n_samples, width)
    check_size("n_layers * width * width", n_layers, width, width)
    rng = np.random.default_rng(check_int("seed", seed, minimum=0))
    # float32 halves the cost of the matrix products; the statistics are accumulated in float64
    h = rng.standard_normal((n_samples, width)).astype(np.float32)
    means, stds, sat, edges, counts, dead = [], [], [], [], [], []
    for _ in range(n_layers):
        if init == "small":
            w = small_random_init(width, width, rng, 0.01)
        elif init == "large":
            w = small_random_init(width, width, rng, 1.0)
        elif init == "xavier":
            w = xavier_init(width, width, rng)
        else:
            w = he_init(width, width, rng)
        a = h @ w.astype(np.float32)
        h = np.tanh(a) if activation == "tanh" else np.maximum(np.float32(0.0), a)
        means.append(h.mean(dtype=np.float64))
        stds.append(h.std(dtype=np.float64))
        sat.append(np.mean(np.abs(h) > 0.99) if activation == "tanh" else np.nan)
        dead.append(np.mean(np.all(h == 0, axis=0)))
        lo, hi = (-1.0, 1.0) if activation == "tanh" else (0.0, max(float(h.max()), 1e-300))
        c, e = np.histogram(h, bins=bins, range=(lo, hi))
        counts.append(c)
        edges.append(e)
    arrays = [np.array(v) for v in (means, stds, sat, edges, counts, dead)]
    for arr in arrays:
        arr.setflags(write=False)
    return InitExperiment(init, activation, *arrays)


def spiral_run(
    lr: float,
    num_iters: int,
    *,
    n_points: int | None = None,
    reg: float = 1e-3,
    hidden_dim: int = 100,
    weight_scale: float | None = 0.01,
    seed: int = 0,
) -> tuple[History, float]:
    r"""Train `TwoLayerNet` full-batch on the CS231n spiral (3 classes x 100 points), cached.

    Accuracies are measured every 10 iterations and at the last one.

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).

    Parameters
    ----------
    lr
        Learning rate.
    num_iters
        Number of gradient-descent steps.
    n_points
        Train on only the first of a seeded shuffle of the 300 points (``None``: all of them).
    reg
        L2 strength, as in `TwoLayerNet`.
    hidden_dim
        Hidden units, as in `TwoLayerNet`.
    weight_scale
        Initial weight scale, as in `TwoLayerNet` (``0.01`` is the lecture's small random init).
    seed
        Seed of the data, the initial weights and the subset.

    Returns
    -------
    history, initial_loss
        The `History` of the run and the loss before the first step.
    """
    lr = check_real("lr", lr, low=0.0, low_open=True)
    num_iters = check_int("num_iters", num_iters, minimum=1)
    if n_points is not None:
        n_points = check_int("n_points", n_points, minimum=1)
    reg = check_real("reg", reg, low=0.0)
    hidden_dim = check_int("hidden_dim", hidden_dim, minimum=1)
    check_size("n_points * hidden_dim", 3 * (n_points or 100), hidden_dim)
    if weight_scale is not None:
        weight_scale = check_real("weight_scale", weight_scale, low=0.0, low_open=True)
    seed = check_int("seed", seed, minimum=0)
    # one normalized, positional key: spiral_run(1.0, 2000) and lr_sweep((1.0,), 2000) share a cache entry
    return _spiral_run(lr, num_iters, n_points, reg, hidden_dim, weight_scale, seed)


@lru_cache(maxsize=64)
def _spiral_run(lr, num_iters, n_points, reg, hidden_dim, weight_scale, seed):
    rng = np.random.default_rng(seed)
    X, y = make_spiral(100, 3, rng)
    if n_points is not None:
        idx = rng.permutation(X.shape[0])[:n_points]
        X, y = X[idx], y[idx]
    net = TwoLayerNet(2, hidden_dim, 3, rng=rng, weight_scale=weight_scale, reg=reg)
    initial_loss, _ = net.loss(X, y)
    hist = train(net, X, y, lr=lr, num_iters=num_iters, rng=rng, eval_every=10)
    return hist, initial_loss


def overfit_small(n_points: int = 20, num_iters: int = 2000, lr: float = 1.0, seed: int = 0) -> History:
    """Sanity check: with ``reg = 0`` the network should drive the loss on ``n_points`` examples towards 0.

    Cached through `spiral_run`.

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).
    """
    return spiral_run(lr, num_iters, n_points=n_points, reg=0.0, seed=seed)[0]


def lr_sweep(lrs: tuple[float, ...], num_iters: int = 2000, reg: float = 1e-3, seed: int = 0) -> dict[float, History]:
    """Train the spiral network with each learning rate from the same initial weights.

    Cached through `spiral_run`, so each run is computed once per process.

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).
    """
    return {lr: spiral_run(lr, num_iters, reg=reg, seed=seed)[0] for lr in lrs}


def search_layouts(n_trials: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    r"""Points of a grid search and of a random search with the same budget on $[0, 1]^2$.

    With ``n_trials`` $= k^2$ a grid tries only $k$ distinct values of each parameter, while random
    search tries ``n_trials`` distinct values of each: when only one parameter matters, random
    search explores it $k$ times more finely (Bergstra and Bengio, 2012).

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).

    Returns
    -------
    grid, random
        Arrays of shape ``(n_trials, 2)``.
    """
    n_trials = check_int("n_trials", n_trials, minimum=1)
    check_size("n_trials", n_trials, 2)
    k = int(round(np.sqrt(n_trials)))
    if k * k != n_trials:
        raise ValueError(f"n_trials must be a perfect square (a k x k grid), got {n_trials}")
    ticks = (np.arange(k) + 0.5) / k
    gx, gy = np.meshgrid(ticks, ticks)
    grid = np.column_stack([gx.ravel(), gy.ravel()])
    return grid, check_rng("rng", rng).random((n_trials, 2))


def peak_score(x: object, *, peak: float = 0.62, width: float = 0.06) -> np.ndarray:
    r"""The toy search objective: a narrow Gaussian bump $e^{-(x - c)^2 / (2 w^2)}$ in the important parameter only.

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).
    """
    x = check_array("x", x)
    peak = check_real("peak", peak)
    width = check_real("width", width, low=0.0, low_open=True)
    return np.exp(-((x - peak) ** 2) / (2 * width**2))


def layout_best_scores(
    n_trials: int, num_draws: int, rng: np.random.Generator, *, peak: float = 0.62, width: float = 0.06
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    r"""Best `peak_score` found by a grid and by random search, over many independent draws of each layout.

    A grid's position relative to the unknown optimum is arbitrary, so each draw shifts the
    $k \times k$ grid by one uniform offset per axis (ticks $(i + u)/k$, $u \sim U(0, 1)$); the
    random layout draws ``n_trials`` fresh uniform points. Only the first coordinate enters the score.

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).

    Parameters
    ----------
    n_trials
        Trials per search, a perfect square $k^2$.
    num_draws
        Independent draws of each layout (at most 10**6).
    rng
        Source of the offsets and points.
    peak
        Where the toy score peaks (see `peak_score`).
    width
        How wide the toy score's peak is (see `peak_score`).

    Returns
    -------
    grid_points, random_points, grid_best, random_best
        Layouts of shape ``(num_draws, n_trials, 2)`` and the best score of each draw, shape ``(num_draws,)``.
    """
    n_trials = check_int("n_trials", n_trials, minimum=1)
    k = int(round(np.sqrt(n_trials)))
    if k * k != n_trials:
        raise ValueError(f"n_trials must be a perfect square (a k x k grid), got {n_trials}")
    num_draws = check_int("num_draws", num_draws, minimum=1)
    if num_draws * n_trials > 10**7:
        raise ValueError(f"num_draws * n_trials must be <= 10**7, got num_draws={num_draws}, n_trials={n_trials}")
    rng = check_rng("rng", rng)
    offsets = rng.random((num_draws, 1, 2))
    ticks = np.arange(k)
    base = np.column_stack([np.tile(ticks, k), np.repeat(ticks, k)])  # (n_trials, 2) grid indices
    grid = (base[None, :, :] + offsets) / k
    rand = rng.random((num_draws, n_trials, 2))
    grid_best = peak_score(grid[..., 0], peak=peak, width=width).max(axis=1)
    rand_best = peak_score(rand[..., 0], peak=peak, width=width).max(axis=1)
    return grid, rand, grid_best, rand_best


def log_uniform(low: float, high: float, size: int, rng: np.random.Generator) -> np.ndarray:
    r"""Sample hyperparameters uniformly in log space, e.g. learning rates $10^{U(-6, -3)}$.

    $$\theta = 10^{u},\qquad u \sim U(\log_{10}\text{low},\ \log_{10}\text{high})$$

    Every decade between ``low`` and ``high`` then gets the same share of the samples; sampling
    $\theta$ itself uniformly would put almost all of them in the top decade.

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).
    """
    low = check_real("low", low, low=0.0, low_open=True)
    high = check_real("high", high, low=0.0, low_open=True)
    if not low < high:
        raise ValueError(f"low must be < high, got low={low}, high={high}")
    size = check_int("size", size, minimum=1)
    check_size("size", size)
    return 10.0 ** check_rng("rng", rng).uniform(np.log10(low), np.log10(high), size=size)
