"""Activation functions of a neural network and their derivatives.

Every function is elementwise and vectorised: it takes an array (or a number) and returns an
array of the same shape. The derivative of ``f`` is ``f_grad``, evaluated at the *input* ``x``.

Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).
"""

from __future__ import annotations

import numpy as np

from .._validate import as_float_array, check_array, check_real

__all__ = [
    "ACTIVATIONS",
    "elu",
    "elu_grad",
    "leaky_relu",
    "leaky_relu_grad",
    "maxout",
    "relu",
    "relu_grad",
    "sigmoid",
    "sigmoid_grad",
    "tanh",
    "tanh_grad",
]


def _as_float(x: object) -> np.ndarray:
    arr = as_float_array("x", x)
    if np.any(np.isnan(arr)):
        raise ValueError("x must not contain NaN")
    return arr


def sigmoid(x: object) -> np.ndarray:
    r"""Logistic sigmoid, squashing the real line into (0, 1).

    $$\sigma(x) = \frac{1}{1 + e^{-x}}$$

    Computed from $e^{-|x|}$ on each side of 0, so it never overflows and keeps full relative
    precision in both tails.

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).
    """
    x = _as_float(x)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def sigmoid_grad(x: object) -> np.ndarray:
    r"""Derivative of the sigmoid, at most 1/4 (at 0) and nearly 0 once $|x|$ is large.

    $$\sigma'(x) = \sigma(x)\,(1 - \sigma(x)) \le \tfrac14$$

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).
    """
    s = sigmoid(x)
    return s * (1.0 - s)


def tanh(x: object) -> np.ndarray:
    r"""Hyperbolic tangent: zero-centered, with range (-1, 1).

    $$\tanh x = \frac{e^{x} - e^{-x}}{e^{x} + e^{-x}} = 2\sigma(2x) - 1$$

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).
    """
    return np.tanh(_as_float(x))


def tanh_grad(x: object) -> np.ndarray:
    r"""Derivative of tanh, equal to 1 at 0 and saturating like the sigmoid's.

    $$\tanh'(x) = 1 - \tanh^2 x$$

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).
    """
    t = tanh(x)
    return 1.0 - t * t


def relu(x: object) -> np.ndarray:
    r"""Rectified linear unit.

    $$\mathrm{ReLU}(x) = \max(0, x)$$

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).
    """
    return np.maximum(0.0, _as_float(x))


def relu_grad(x: object) -> np.ndarray:
    r"""Derivative of ReLU: 1 for $x > 0$, 0 for $x < 0$ (and, by convention, 0 at $x = 0$).

    A unit whose input is negative for every example gets no gradient at all (a "dead ReLU").

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).
    """
    return (_as_float(x) > 0).astype(float)


def leaky_relu(x: object, alpha: float = 0.01) -> np.ndarray:
    r"""Leaky ReLU; with a learned ``alpha`` it is the parametric ReLU (PReLU).

    $$f(x) = \max(\alpha x, x) \quad (0 \le \alpha < 1)$$

    For PReLU, $\partial f/\partial\alpha = \min(0, x)$ is back-propagated into $\alpha$.

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).

    Parameters
    ----------
    x
        Input array.
    alpha
        Slope for negative inputs, in [0, 1).
    """
    alpha = check_real("alpha", alpha, low=0.0, high=1.0, high_open=True)
    x = _as_float(x)
    return np.where(x > 0, x, alpha * x)


def leaky_relu_grad(x: object, alpha: float = 0.01) -> np.ndarray:
    r"""Derivative of the leaky ReLU: 1 for $x > 0$, $\alpha$ otherwise (never exactly 0 when $\alpha > 0$).

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).
    """
    alpha = check_real("alpha", alpha, low=0.0, high=1.0, high_open=True)
    return np.where(_as_float(x) > 0, 1.0, alpha)


def elu(x: object, alpha: float = 1.0) -> np.ndarray:
    r"""Exponential linear unit.

    $$\mathrm{ELU}(x) = \begin{cases} x & x > 0 \\ \alpha\,(e^{x} - 1) & x \le 0 \end{cases}$$

    Its outputs are closer to zero mean than ReLU's, and it saturates to $-\alpha$ for very negative
    inputs, which the ELU paper argues makes it robust to noise.

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).

    Parameters
    ----------
    x
        Input array.
    alpha
        Positive saturation level for negative inputs.
    """
    alpha = check_real("alpha", alpha, low=0.0, low_open=True)
    x = _as_float(x)
    return np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0.0)))


def elu_grad(x: object, alpha: float = 1.0) -> np.ndarray:
    r"""Derivative of ELU: 1 for $x > 0$, $\alpha e^{x}$ for $x \le 0$.

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).
    """
    alpha = check_real("alpha", alpha, low=0.0, low_open=True)
    x = _as_float(x)
    return np.where(x > 0, 1.0, alpha * np.exp(np.minimum(x, 0.0)))


def maxout(x: object, w1: object, b1: object, w2: object, b2: object) -> np.ndarray:
    r"""Maxout unit with two pieces: the larger of two affine functions of the input.

    $$f(x) = \max(w_1^\top x + b_1,\; w_2^\top x + b_2)$$

    It generalizes ReLU ($w_1 = 0, b_1 = 0$) and leaky ReLU, never saturates and never dies,
    at the price of twice the parameters per unit.

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).

    Parameters
    ----------
    x
        Inputs, shape ``(N, D)``.
    w1, w2
        Weights, shape ``(D, M)`` each.
    b1, b2
        Biases, shape ``(M,)`` each.

    Returns
    -------
    numpy.ndarray
        Shape ``(N, M)``.
    """
    x = _as_float(x)
    w1, w2 = check_array("w1", w1), check_array("w2", w2)
    b1, b2 = check_array("b1", b1), check_array("b2", b2)
    if x.ndim != 2:
        raise ValueError(f"x must have shape (N, D), got {x.shape}")
    if w1.shape != w2.shape or w1.ndim != 2 or w1.shape[0] != x.shape[1]:
        raise ValueError(f"w1 and w2 must both have shape ({x.shape[1]}, M), got {w1.shape} and {w2.shape}")
    return np.maximum(x @ w1 + b1, x @ w2 + b2)


ACTIVATIONS = {
    "sigmoid": (sigmoid, sigmoid_grad),
    "tanh": (tanh, tanh_grad),
    "relu": (relu, relu_grad),
    "leaky_relu": (leaky_relu, leaky_relu_grad),
    "elu": (elu, elu_grad),
}
"""Name -> (function, derivative) for the activations used by the experiments.

Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).
"""
