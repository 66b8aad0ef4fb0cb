"""Weight initializers for a fully connected layer with ``fan_in`` inputs and ``fan_out`` outputs.

Each returns a ``(fan_in, fan_out)`` array so that a layer computes ``x @ W``.

Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).
"""

from __future__ import annotations

import numpy as np

from .._validate import check_int, check_real, check_rng, check_size

__all__ = ["he_init", "small_random_init", "xavier_init", "xavier_uniform_init"]


def _shape(fan_in: int, fan_out: int) -> tuple[int, int]:
    shape = check_int("fan_in", fan_in, minimum=1), check_int("fan_out", fan_out, minimum=1)
    check_size("fan_in * fan_out", *shape)
    return shape


def small_random_init(fan_in: int, fan_out: int, rng: np.random.Generator, scale: float = 0.01) -> np.ndarray:
    r"""Gaussian weights with a fixed standard deviation, ``scale * randn``.

    $$W_{ij} \sim \mathcal N(0, s^2)$$

    With $s = 0.01$ this is fine for a shallow network, but through many layers the activations
    shrink by a factor of about $s\sqrt{n}$ per layer and the gradients vanish; with $s = 1$
    tanh units saturate.

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).

    Parameters
    ----------
    fan_in, fan_out
        Number of inputs and outputs of the layer (positive).
    rng
        Source of randomness.
    scale
        Standard deviation $s > 0$.
    """
    n_in, n_out = _shape(fan_in, fan_out)
    scale = check_real("scale", scale, low=0.0, low_open=True)
    return scale * check_rng("rng", rng).standard_normal((n_in, n_out))


def xavier_init(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    r"""Xavier (Glorot) initialization as in the lecture: ``randn / sqrt(fan_in)``.

    For $s = \sum_{i=1}^{n} w_i x_i$ with independent zero-mean terms,
    $\operatorname{Var}(s) = n\operatorname{Var}(w)\operatorname{Var}(x)$, so

    $$\operatorname{Var}(w) = \frac{1}{n_{\text{in}}}$$

    keeps the variance constant from layer to layer. The argument assumes a linear (or
    zero-centered, locally linear) activation such as tanh; ReLU zeroes half of its inputs and the
    variance halves at each layer. Glorot and Bengio's paper averages fan-in and fan-out
    ($\operatorname{Var}(w) = 2/(n_{\text{in}} + n_{\text{out}})$), see `xavier_uniform_init`.

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).
    """
    n_in, n_out = _shape(fan_in, fan_out)
    return check_rng("rng", rng).standard_normal((n_in, n_out)) / np.sqrt(n_in)


def xavier_uniform_init(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    r"""Glorot's uniform initialization (Keras' default).

    $$W_{ij} \sim U\left[-\frac{\sqrt6}{\sqrt{n_{\text{in}} + n_{\text{out}}}},\ \frac{\sqrt6}{\sqrt{n_{\text{in}} + n_{\text{out}}}}\right],
    \qquad \operatorname{Var}(W_{ij}) = \frac{2}{n_{\text{in}} + n_{\text{out}}}$$

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).
    """
    n_in, n_out = _shape(fan_in, fan_out)
    limit = np.sqrt(6.0 / (n_in + n_out))
    return check_rng("rng", rng).uniform(-limit, limit, size=(n_in, n_out))


def he_init(fan_in: int, fan_out: int, rng: np.random.Generator) -> np.ndarray:
    r"""He (Kaiming) initialization for ReLU layers: ``randn * sqrt(2 / fan_in)``.

    ReLU passes on half of the second moment, so the factor 2 restores it:

    $$\operatorname{Var}(w) = \frac{2}{n_{\text{in}}}, \qquad \operatorname{sd}(w) = \sqrt{2/n_{\text{in}}}$$

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).
    """
    n_in, n_out = _shape(fan_in, fan_out)
    return check_rng("rng", rng).standard_normal((n_in, n_out)) * np.sqrt(2.0 / n_in)
