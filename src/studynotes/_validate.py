"""Argument checks shared by the package: every message names the argument and the allowed range."""

from __future__ import annotations

import numbers

import numpy as np


def check_int(name: str, value: object, *, minimum: int | None = None) -> int:
    """Return ``value`` as ``int`` if it is an integer (not a bool) at least ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be an integer, got {value!r}")
    value = int(value)
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be >= {minimum}, got {value}")
    return value


def check_real(
    name: str,
    value: object,
    *,
    low: float | None = None,
    high: float | None = None,
    low_open: bool = False,
    high_open: bool = False,
) -> float:
    """Return ``value`` as a finite ``float`` inside the given (optionally open) bounds."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {value!r}")
    value = float(value)
    if not np.isfinite(value):
        raise ValueError(f"{name} must be finite, got {value}")
    if low is not None and (value < low or (low_open and value == low)):
        raise ValueError(f"{name} must be {'>' if low_open else '>='} {low}, got {value}")
    if high is not None and (value > high or (high_open and value == high)):
        raise ValueError(f"{name} must be {'<' if high_open else '<='} {high}, got {value}")
    return value


def check_probability(name: str, value: object) -> float:
    """Return ``value`` as a float in [0, 1]."""
    return check_real(name, value, low=0.0, high=1.0)


def check_finite_array(name: str, value: object, *, ndim: int | None = None) -> np.ndarray:
    """Return ``value`` as a float array with no NaN or infinity (and ``ndim`` dimensions if given)."""
    try:
        raw = np.asarray(value)
        if raw.dtype.kind not in "biuf" and raw.size:  # None, strings, complex: no silent NaN or numpy error
            raise TypeError
        arr = raw.astype(float)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be a real number or an array of real numbers, got {type(value).__name__}") from None
    if ndim is not None and arr.ndim != ndim:
        raise ValueError(f"{name} must have {ndim} dimension(s), got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must contain only finite values (no NaN or infinity)")
    return arr


def check_probability_vector(name: str, value: object, *, atol: float = 1e-12) -> np.ndarray:
    """Return ``value`` as a 1-D array of probabilities that sums to 1."""
    p = check_finite_array(name, value, ndim=1)
    if p.size == 0:
        raise ValueError(f"{name} must not be empty")
    if np.any(p < 0) or np.any(p > 1):
        raise ValueError(f"{name} entries must lie in [0, 1], got {p.tolist()}")
    if abs(p.sum() - 1.0) > atol:
        raise ValueError(f"{name} must sum to 1, got sum {p.sum()!r}")
    return p


def check_rng(name: str, value: object) -> np.random.Generator:
    """Require a `numpy.random.Generator`: randomness is always passed in, never global."""
    if not isinstance(value, np.random.Generator):
        raise TypeError(f"{name} must be a numpy.random.Generator (use np.random.default_rng(seed)), got {type(value).__name__}")
    return value


MAX_ELEMENTS = 10**8
"""Largest array (number of values, 800 MB of float64) a size argument may ask for."""


def check_size(name: str, *dims: int, limit: int = MAX_ELEMENTS) -> int:
    """Refuse, before NumPy tries to allocate it, an array of ``prod(dims)`` values above ``limit``.

    ``dims`` are already-checked non-negative integers; ``name`` names the argument(s) that set them.
    Returns the number of values.
    """
    total = 1
    for d in dims:
        total *= int(d)
    if total > limit:
        raise ValueError(f"{name} too large: {' x '.join(str(int(d)) for d in dims)} = {total} values, limit {limit}")
    return total


def as_float_array(name: str, value: object) -> np.ndarray:
    """Return ``value`` as a float array; ``None``, strings and non-numeric entries get a `TypeError` naming ``name``.

    Non-finite values pass (for paths that may diverge); use `check_array` to reject them.
    """
    if value is None or isinstance(value, (str, bytes)):
        raise TypeError(f"{name} must be a number or an array of numbers, got {value!r}")
    try:
        return np.asarray(value, dtype=float)
    except (TypeError, ValueError) as err:
        raise TypeError(f"{name} must be a number or an array of numbers ({err})") from None


def check_array(name: str, value: object, *, ndim: int | None = None) -> np.ndarray:
    """`check_finite_array` after `as_float_array`: a finite float array, every failure naming ``name``."""
    return check_finite_array(name, as_float_array(name, value), ndim=ndim)
