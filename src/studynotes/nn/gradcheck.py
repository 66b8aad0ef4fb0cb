"""Numerical gradients by centered differences, to check analytic backward passes.

Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .._validate import as_float_array, check_real

__all__ = ["numerical_gradient", "numerical_gradient_array", "rel_error"]


def numerical_gradient(f: Callable[[np.ndarray], float], x: np.ndarray, h: float = 1e-5) -> np.ndarray:
    r"""Gradient of a scalar function by centered differences, one coordinate at a time.

    $$\frac{\partial f}{\partial x_i} \approx \frac{f(x + h e_i) - f(x - h e_i)}{2h}$$

    The error is $O(h^2)$. ``x`` is perturbed in place and restored.

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).
    """
    h = check_real("h", h, low=0.0, low_open=True)
    grad = np.zeros_like(x, dtype=float)
    it = np.nditer(x, flags=["multi_index"])
    for _ in it:
        i = it.multi_index
        old = x[i]
        x[i] = old + h
        plus = f(x)
        x[i] = old - h
        minus = f(x)
        x[i] = old
        grad[i] = (plus - minus) / (2 * h)
    return grad


def numerical_gradient_array(
    f: Callable[[np.ndarray], np.ndarray], x: np.ndarray, dout: np.ndarray, h: float = 1e-5
) -> np.ndarray:
    r"""Gradient of $\sum_j \delta_j f_j(x)$ for an array-valued ``f`` and upstream gradient $\delta$ = ``dout``.

    This is what a layer's backward pass must return for ``x``.

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).
    """
    return numerical_gradient(lambda z: float(np.sum(f(z) * dout)), x, h)


def rel_error(a: object, b: object) -> float:
    r"""Largest elementwise relative error, as in the CS231n notebooks.

    $$\max_i \frac{|a_i - b_i|}{\max(10^{-8}, |a_i| + |b_i|)}$$

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).
    """
    a, b = as_float_array("a", a), as_float_array("b", b)
    if a.shape != b.shape:
        raise ValueError(f"a and b must have the same shape, got {a.shape} and {b.shape}")
    return float(np.max(np.abs(a - b) / np.maximum(1e-8, np.abs(a) + np.abs(b))))
