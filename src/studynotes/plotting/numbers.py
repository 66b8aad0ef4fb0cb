"""Numbers in figure text, written as a reader writes them (10⁻⁶, a true minus sign)."""

from __future__ import annotations

import math
import re

__all__ = ["format_number"]

_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def format_number(value: float, spec: str = "g") -> str:
    """A number for figure text, written as a reader writes it: ``format(value, spec)`` with a true
    minus sign and powers of ten as superscripts (``1e-06`` becomes 10⁻⁶, ``2.5e+08`` becomes 2.5×10⁸).

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).

    Parameters
    ----------
    value
        A real number (finite, or ``inf``/``nan`` written as ∞ and NaN).
    spec
        A format specification for floats, as for `format` (``"g"``, ``".3g"``, ``".2e"``...).

    Returns
    -------
    str
        Plain text with Unicode symbols, fit for a figure label in any language.
    """
    import numbers

    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"value must be a real number, got {value!r}")
    if not isinstance(spec, str):
        raise TypeError(f"spec must be a format specification string, got {spec!r}")
    try:
        text = format(float(value), spec)
    except ValueError as error:
        raise ValueError(f"spec {spec!r} is not a format for a number: {error}") from None
    if not math.isfinite(value):
        return text.replace("inf", "∞").replace("nan", "NaN").replace("-", "−")
    match = re.fullmatch(r"(-?)([\d.]+)[eE]([+-]?\d+)", text)
    if match:
        sign, mantissa, exponent = match.groups()
        power = "10" + str(int(exponent)).translate(_SUPERSCRIPT)
        text = sign + (power if mantissa == "1" else f"{mantissa}×{power}")
    return text.replace("-", "−")
