"""Layers as forward/backward pairs, in the style of the CS231n assignments.

A forward function returns ``(out, cache)``; the matching backward function takes the upstream
gradient ``dout`` (same shape as ``out``) and that ``cache`` and returns the gradients with respect to
the forward function's inputs. Chaining them is backpropagation.

Conventions follow the CS231n assignment (``cs231n/layers.py``); where the common frameworks differ,
the docstring says so.

Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).
"""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np

from .._validate import check_array, check_real, check_rng

__all__ = [
    "affine_backward",
    "affine_forward",
    "batchnorm_backward",
    "batchnorm_forward",
    "dropout_backward",
    "dropout_forward",
    "layernorm_backward",
    "layernorm_forward",
    "relu_backward",
    "relu_forward",
    "softmax_loss",
]

_MODES = ("train", "test")


def _check_mode(mode: object) -> str:
    if mode not in _MODES:
        raise ValueError(f"mode must be 'train' or 'test', got {mode!r}")
    return str(mode)


def _check_dout(dout: object, shape: tuple[int, ...]) -> np.ndarray:
    dout = check_array("dout", dout)
    if dout.shape != shape:
        raise ValueError(f"dout must have the forward output's shape {shape}, got {dout.shape}")
    return dout


def affine_forward(x: object, w: object, b: object) -> tuple[np.ndarray, tuple]:
    r"""Fully connected layer.

    $$\text{out} = x W + b$$

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).

    Parameters
    ----------
    x
        Inputs, shape ``(N, d_1, ..., d_k)``; each example is flattened to ``D = d_1 \cdots d_k`` values.
    w
        Weights, shape ``(D, M)``.
    b
        Biases, shape ``(M,)``.

    Returns
    -------
    out : numpy.ndarray
        Shape ``(N, M)``.
    cache : tuple
        ``(x, w)`` for `affine_backward`.
    """
    x = check_array("x", x)
    w = check_array("w", w, ndim=2)
    b = check_array("b", b, ndim=1)
    if x.ndim < 1 or x.shape[0] < 1:
        raise ValueError(f"x must hold at least one example, got shape {x.shape}")
    x2 = x.reshape(x.shape[0], -1)
    if x2.shape[1] != w.shape[0]:
        raise ValueError(f"w must have {x2.shape[1]} rows (one per input feature), got shape {w.shape}")
    if b.shape[0] != w.shape[1]:
        raise ValueError(f"b must have {w.shape[1]} entries (one per output), got shape {b.shape}")
    return _affine_forward(x, w, b)


# The unchecked cores below are what the network calls once its inputs have been validated.
def _affine_forward(x: np.ndarray, w: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, tuple]:
    return x.reshape(x.shape[0], -1) @ w + b, (x, w)


def _affine_backward(dout: np.ndarray, cache: tuple) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    x, w = cache
    return (dout @ w.T).reshape(x.shape), x.reshape(x.shape[0], -1).T @ dout, dout.sum(axis=0)


def affine_backward(dout: object, cache: tuple) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""Gradients of the fully connected layer.

    $$\frac{\partial L}{\partial x} = \delta W^\top,\quad \frac{\partial L}{\partial W} = x^\top \delta,\quad
    \frac{\partial L}{\partial b} = \textstyle\sum_n \delta_n \qquad (\delta = \partial L/\partial\,\text{out})$$

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).

    Returns
    -------
    dx, dw, db
        Same shapes as ``x``, ``w`` and ``b``.
    """
    x, w = cache
    return _affine_backward(_check_dout(dout, (x.shape[0], w.shape[1])), cache)


def relu_forward(x: object) -> tuple[np.ndarray, np.ndarray]:
    r"""ReLU layer, $\max(0, x)$ elementwise. The cache is the input.

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).
    """
    x = check_array("x", x)
    return np.maximum(0.0, x), x


def relu_backward(dout: object, cache: np.ndarray) -> np.ndarray:
    r"""Gradient of the ReLU layer: the upstream gradient passes where $x > 0$ and is zeroed elsewhere.

    $$\frac{\partial L}{\partial x} = \delta \odot \mathbb 1[x > 0]$$

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).
    """
    x = cache
    return _check_dout(dout, x.shape) * (x > 0)


def batchnorm_forward(x: object, gamma: object, beta: object, bn_param: dict[str, Any]) -> tuple[np.ndarray, tuple]:
    r"""Batch normalization of each feature over the minibatch (Ioffe and Szegedy, 2015).

    In ``'train'`` mode, with the batch statistics $\mu_B$ and $\sigma_B^2$:

    $$\mu_B = \frac1N\sum_{n} x_n,\quad \sigma_B^2 = \frac1N\sum_{n}(x_n-\mu_B)^2,\quad
    \hat x_n = \frac{x_n-\mu_B}{\sqrt{\sigma_B^2+\epsilon}},\quad y_n = \gamma\,\hat x_n + \beta$$

    and the running averages used at test time are updated *in place in* ``bn_param``:

    $$\mu_{\text{run}} \leftarrow m\,\mu_{\text{run}} + (1-m)\,\mu_B,\qquad
    \sigma^2_{\text{run}} \leftarrow m\,\sigma^2_{\text{run}} + (1-m)\,\sigma_B^2$$

    In ``'test'`` mode the running averages replace $\mu_B$ and $\sigma_B^2$, so an example's output
    no longer depends on the other examples in its batch.

    Conventions (those of the CS231n assignment):

    - ``momentum`` $m$ multiplies the *old* running value (default 0.9), as in Keras
      (``momentum=0.99``). PyTorch's ``momentum`` (default 0.1) is the weight of the *new* batch
      value, i.e. $1 - m$ here.
    - The variance is the biased one ($1/N$), both for normalizing and for the running variance.
      PyTorch normalizes with the biased variance but stores the unbiased ($1/(N-1)$) one in
      ``running_var``.
    - ``running_mean`` and ``running_var`` start at zeros when absent.

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).

    Parameters
    ----------
    x
        Inputs, shape ``(N, D)``.
    gamma, beta
        Scale and shift, shape ``(D,)``. $\gamma = \sqrt{\sigma_B^2+\epsilon}$, $\beta = \mu_B$ undoes the normalization.
    bn_param
        Dict with ``mode`` (``'train'`` or ``'test'``) and optional ``eps`` (1e-5), ``momentum`` (0.9),
        ``running_mean``, ``running_var`` (arrays of shape ``(D,)``).

    Returns
    -------
    out : numpy.ndarray
        Shape ``(N, D)``.
    cache : tuple
        What `batchnorm_backward` needs (train mode), or the test-mode scale.
    """
    x = check_array("x", x, ndim=2)
    n, d = x.shape
    if n < 1 or d < 1:
        raise ValueError(f"x must have shape (N, D) with N, D >= 1, got {x.shape}")
    gamma = check_array("gamma", gamma, ndim=1)
    beta = check_array("beta", beta, ndim=1)
    if gamma.shape != (d,):
        raise ValueError(f"gamma must have shape ({d},), got {gamma.shape}")
    if beta.shape != (d,):
        raise ValueError(f"beta must have shape ({d},), got {beta.shape}")
    if not isinstance(bn_param, dict):
        raise TypeError(f"bn_param must be a dict, got {type(bn_param).__name__}")
    mode = _check_mode(bn_param.get("mode"))
    eps = check_real("bn_param['eps']", bn_param.get("eps", 1e-5), low=0.0, low_open=True)
    momentum = check_real("bn_param['momentum']", bn_param.get("momentum", 0.9), low=0.0, high=1.0)
    running_mean = check_array("bn_param['running_mean']", bn_param.get("running_mean", np.zeros(d)))
    running_var = check_array("bn_param['running_var']", bn_param.get("running_var", np.zeros(d)))
    if running_mean.shape != (d,) or running_var.shape != (d,):
        raise ValueError(f"bn_param running_mean and running_var must have shape ({d},)")
    if np.any(running_var < 0):
        raise ValueError("bn_param['running_var'] must be non-negative")
    return _batchnorm_forward(x, gamma, beta, bn_param, mode, eps, momentum, running_mean, running_var)


def _batchnorm_forward(x, gamma, beta, bn_param, mode, eps, momentum, running_mean, running_var):
    if mode == "train":
        mu = x.mean(axis=0)
        xc = x - mu
        var = (xc * xc).mean(axis=0)
        inv_std = 1.0 / np.sqrt(var + eps)
        x_hat = xc * inv_std
        bn_param["running_mean"] = momentum * running_mean + (1.0 - momentum) * mu
        bn_param["running_var"] = momentum * running_var + (1.0 - momentum) * var
        cache = ("train", x_hat, gamma, inv_std)
    else:
        inv_std = 1.0 / np.sqrt(running_var + eps)
        x_hat = (x - running_mean) * inv_std
        cache = ("test", x_hat, gamma, inv_std)
    return gamma * x_hat + beta, cache


def layernorm_forward(x: object, gamma: object, beta: object, eps: float = 1e-5) -> tuple[np.ndarray, tuple]:
    r"""Layer normalization (Ba, Kiros and Hinton, 2016): each *example* is normalized over its features.

    $$\mu_n = \frac1D\sum_{d} x_{nd},\quad \sigma_n^2 = \frac1D\sum_{d}(x_{nd}-\mu_n)^2,\quad
    y_{nd} = \gamma_d\,\frac{x_{nd}-\mu_n}{\sqrt{\sigma_n^2+\epsilon}} + \beta_d$$

    The statistics come from the example itself, so there is no train/test difference, no running
    average, and an example's output does not depend on the rest of its batch (a batch of one is
    fine, unlike `batchnorm_forward` in train mode).

    Introduced in: [Regularization, Normalization](https://studynotes.github.io/studynotes/en/posts/regularization-normalization/).

    Parameters
    ----------
    x
        Inputs, shape ``(N, D)`` with $D \ge 2$.
    gamma, beta
        Per-feature scale and shift, shape ``(D,)``.
    eps
        $\epsilon > 0$.

    Returns
    -------
    out : numpy.ndarray
        Shape ``(N, D)``.
    cache : tuple
        What `layernorm_backward` needs.
    """
    x = check_array("x", x, ndim=2)
    n, d = x.shape
    if n < 1 or d < 2:
        raise ValueError(f"x must have shape (N, D) with N >= 1 and D >= 2, got {x.shape}")
    gamma = check_array("gamma", gamma, ndim=1)
    beta = check_array("beta", beta, ndim=1)
    if gamma.shape != (d,) or beta.shape != (d,):
        raise ValueError(f"gamma and beta must have shape ({d},), got {gamma.shape} and {beta.shape}")
    eps = check_real("eps", eps, low=0.0, low_open=True)
    xc = x - x.mean(axis=1, keepdims=True)
    inv_std = 1.0 / np.sqrt((xc * xc).mean(axis=1, keepdims=True) + eps)
    x_hat = xc * inv_std
    return gamma * x_hat + beta, (x_hat, gamma, inv_std)


def layernorm_backward(dout: object, cache: tuple) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""Gradients of `layernorm_forward`: ``(dx, dgamma, dbeta)``.

    With $g = \gamma \odot \partial L/\partial y$ per example,
    $\partial L/\partial x = \frac{1}{\sigma}\big(g - \bar g - \hat x\,\overline{g\hat x}\big)$,
    the bars averaging over the features (batch normalization's formula along the other axis).

    Introduced in: [Regularization, Normalization](https://studynotes.github.io/studynotes/en/posts/regularization-normalization/).
    """
    if not (isinstance(cache, tuple) and len(cache) == 3):
        raise TypeError("cache must be the tuple returned by layernorm_forward")
    x_hat, gamma, inv_std = cache
    dout = _check_dout(dout, x_hat.shape)
    g = dout * gamma
    dx = inv_std * (g - g.mean(axis=1, keepdims=True) - x_hat * (g * x_hat).mean(axis=1, keepdims=True))
    return dx, (dout * x_hat).sum(axis=0), dout.sum(axis=0)


def batchnorm_backward(dout: object, cache: tuple) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    r"""Gradients of batch normalization.

    In train mode the batch statistics depend on every example, which gives the compact form

    $$\frac{\partial L}{\partial x_n} = \frac{\gamma}{N\sqrt{\sigma_B^2+\epsilon}}
    \Big(N\,\delta_n - \sum_k \delta_k - \hat x_n \sum_k \delta_k \hat x_k\Big),\quad
    \frac{\partial L}{\partial\gamma} = \sum_n \delta_n \hat x_n,\quad
    \frac{\partial L}{\partial\beta} = \sum_n \delta_n.$$

    In test mode the statistics are constants and $\partial L/\partial x_n = \gamma\,\delta_n/\sqrt{\sigma^2_{\text{run}}+\epsilon}$.

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).

    Returns
    -------
    dx, dgamma, dbeta
        Shapes ``(N, D)``, ``(D,)``, ``(D,)``.
    """
    return _batchnorm_backward(_check_dout(dout, cache[1].shape), cache)


def _batchnorm_backward(dout: np.ndarray, cache: tuple) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    mode, x_hat, gamma, inv_std = cache
    dbeta = dout.sum(axis=0)
    dgamma = (dout * x_hat).sum(axis=0)
    if mode == "test":
        return dout * gamma * inv_std, dgamma, dbeta
    n = x_hat.shape[0]
    dx = (gamma * inv_std / n) * (n * dout - dbeta - x_hat * dgamma)
    return dx, dgamma, dbeta


def dropout_forward(
    x: object, keep_prob: float, mode: str, rng: np.random.Generator | None = None
) -> tuple[np.ndarray, tuple]:
    r"""Inverted dropout: keep each unit with probability $p$ and scale the survivors by $1/p$ at train time.

    $$\tilde h = \frac{h \odot m}{p},\quad m_i \sim \operatorname{Bernoulli}(p)
    \quad\Rightarrow\quad \mathbb E[\tilde h] = h$$

    Because the scaling happens during training, the test-time forward pass is the identity.

    ``keep_prob`` is the probability of *keeping* a unit, as CS231n's ``p`` (assignments from 2017 on).
    Keras' ``Dropout(rate)`` and PyTorch's ``nn.Dropout(p)`` take the probability of *dropping*
    it, i.e. $1 - p$ here (the 2016 CS231n assignment also used the drop probability).

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).

    Parameters
    ----------
    x
        Activations, any shape.
    keep_prob
        $p \in (0, 1]$; 1 keeps everything.
    mode
        ``'train'`` (random mask) or ``'test'`` (identity).
    rng
        Source of the mask; required in train mode.

    Returns
    -------
    out : numpy.ndarray
        Same shape as ``x``.
    cache : tuple
        ``(mode, mask, shape)`` where ``mask`` already holds the factor $1/p$ (``None`` in test mode).
    """
    x = check_array("x", x)
    if isinstance(keep_prob, bool) or not isinstance(keep_prob, numbers.Real):
        raise TypeError(f"keep_prob must be a real number in (0, 1], got {keep_prob!r}")
    keep_prob = check_real("keep_prob", keep_prob, low=0.0, high=1.0, low_open=True)
    mode = _check_mode(mode)
    if mode == "test":
        return x.copy(), ("test", None, x.shape)
    rng = check_rng("rng", rng)
    mask = (rng.random(x.shape) < keep_prob) / keep_prob
    return x * mask, ("train", mask, x.shape)


def dropout_backward(dout: object, cache: tuple) -> np.ndarray:
    r"""Gradient of inverted dropout: the same mask (with its $1/p$) multiplies the upstream gradient.

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).
    """
    mode, mask, shape = cache
    dout = _check_dout(dout, shape)
    return dout.copy() if mode == "test" else dout * mask


def softmax_loss(scores: object, y: object) -> tuple[float, np.ndarray]:
    r"""Mean softmax cross-entropy loss and its gradient with respect to the scores.

    $$L = \frac1N \sum_{n} -\log\frac{e^{s_{n,y_n}}}{\sum_j e^{s_{n,j}}},\qquad
    \frac{\partial L}{\partial s_{n,j}} = \frac{1}{N}\big(\operatorname{softmax}(s_n)_j - \mathbb 1[j = y_n]\big)$$

    With all scores equal (an untrained network with tiny weights), every class gets probability
    $1/C$ and $L = \ln C$: that is the first sanity check of a new network.

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).

    Parameters
    ----------
    scores
        Class scores, shape ``(N, C)``, finite.
    y
        Integer labels in ``[0, C)``, shape ``(N,)``.

    Returns
    -------
    loss : float
    dscores : numpy.ndarray
        Shape ``(N, C)``.
    """
    scores = check_array("scores", scores, ndim=2)
    n, c = scores.shape
    if n < 1 or c < 1:
        raise ValueError(f"scores must have shape (N, C) with N, C >= 1, got {scores.shape}")
    return _softmax_loss(scores, _check_labels(y, n, c))


def _check_labels(y: object, n: int, c: int) -> np.ndarray:
    if y is None or isinstance(y, (str, bytes)):
        raise TypeError(f"y must be an array of integer class labels, got {y!r}")
    y_arr = np.asarray(y)
    if y_arr.shape != (n,):
        raise ValueError(f"y must have shape ({n},) to match scores, got {y_arr.shape}")
    if not np.issubdtype(y_arr.dtype, np.integer):
        raise ValueError(f"y must hold integer class labels, got dtype {y_arr.dtype}")
    if np.any(y_arr < 0) or np.any(y_arr >= c):
        raise ValueError(f"y must hold labels in [0, {c}), got range [{y_arr.min()}, {y_arr.max()}]")
    return y_arr


def _softmax_loss(scores: np.ndarray, y_arr: np.ndarray) -> tuple[float, np.ndarray]:
    n = scores.shape[0]
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    rows = np.arange(n)
    loss = -log_probs[rows, y_arr].mean()
    dscores = np.exp(log_probs)
    dscores[rows, y_arr] -= 1.0
    return float(loss), dscores / n
