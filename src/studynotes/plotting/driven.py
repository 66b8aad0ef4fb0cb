"""Figures the reader drives: the markup of their controls and the packing of their precomputed data."""

from __future__ import annotations

import base64
import html
import re
from typing import Any

import numpy as np
from matplotlib.figure import Figure

from .._validate import check_real
from ..i18n import _collecting
from .markup import _outside_site, figure_html

__all__ = ["pack_int16", "switch_figure_html"]

def switch_figure_html(
    fig: Figure,
    lines: list,
    frames: Any,
    *,
    options: list,
    label: str,
    selected: int = 0,
    wrapper_id: str,
) -> str:
    """A figure whose lines the reader switches between precomputed versions with a slider.

    Introduced in: [Lectures 4-10 Review](https://studynotes.github.io/studynotes/en/posts/stat110-lectures-4-10/).

    ``lines`` are drawn as they are for option ``selected`` (the figure the page shows without
    JavaScript); ``frames[k, i]`` holds line ``i``'s points for option ``k`` in data coordinates.
    The points are packed into the page as fractions of their axes (two bytes per number, base64),
    so logarithmic axes need nothing in the browser; ``docs/javascripts/figures.js`` redraws the
    lines when the slider moves, and the slider names the option (``options[k]``) to screen readers.

    Parameters
    ----------
    fig
        Figure made with `figure`.
    lines
        The `matplotlib.lines.Line2D` objects to switch (solid lines, each in an axes of ``fig``).
    frames
        Array of shape ``(len(options), len(lines), points, 2)``.
    options
        What each option is called on the slider (plain text, may hold numbers the snippet computed).
    label
        Name of the slider.
    selected
        The option drawn in the SVG as built.
    wrapper_id
        HTML id of the wrapper, unique on the page.

    Returns
    -------
    str
        HTML: a ``<div class="sn-switch">`` with the slider and the figure, with no blank lines.
    """
    import json

    from matplotlib.lines import Line2D

    from ..i18n import escape_placeholders

    frames = np.asarray(frames, dtype=float)
    if frames.ndim != 4 or frames.shape[:2] != (len(options), len(lines)) or frames.shape[3] != 2:
        raise ValueError(f"frames must have shape (len(options), len(lines), points, 2), got {frames.shape}")
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", str(wrapper_id)):
        raise ValueError(f"wrapper_id must be an HTML id, got {wrapper_id!r}")
    if not 0 <= int(selected) < len(options):
        raise ValueError(f"selected must index options (0..{len(options) - 1}), got {selected}")
    axes = []
    fractions = np.empty_like(frames)
    for i, line in enumerate(lines):
        if not isinstance(line, Line2D) or line.figure is not fig:
            raise ValueError(f"lines[{i}] must be a Line2D drawn in fig")
        line.set_gid(f"sn-switch-line-{i}")
        if line.axes not in axes:
            axes.append(line.axes)
            line.axes.patch.set_gid(f"sn-switch-axes-{len(axes) - 1}")
        to_axes = line.axes.transScale + line.axes.transLimits  # data -> axes fraction, log scales included
        with np.errstate(divide="ignore", invalid="ignore"):
            flat = frames[:, i].reshape(-1, 2)
            fractions[:, i] = to_axes.transform(flat).reshape(frames[:, i].shape)
    data = {
        "axes": ",".join(str(axes.index(line.axes)) for line in lines),
        "shape": ",".join(str(n) for n in frames.shape[:3]),
        "frames": pack_int16(fractions, 4.0),
    }
    attrs = " ".join(f'data-{key}="{value}"' for key, value in data.items())
    names = html.escape(json.dumps([str(o) for o in options], ensure_ascii=False))
    k = int(selected)
    control = (
        f'<div class="sn-race__controls"><label class="sn-race__field"><span>{label}</span>'
        f'<input type="range" class="sn-switch__input" min="0" max="{len(options) - 1}" step="1" value="{k}" '
        f'aria-valuetext="{html.escape(str(options[k]))}" data-options="{names}">'
        f'<output class="sn-race__value">{html.escape(str(options[k]))}</output></label></div>'
    )
    figure = str.__str__(figure_html(fig))
    still = _still_outside_site(wrapper_id, f"{label}: {options[k]}", figure)  # no slider where no script moves it
    if still is not None:
        return still
    return _outside_site(f'<div id="{wrapper_id}" class="sn-switch" {attrs}>\n{escape_placeholders(control)}\n{figure}\n</div>')


def _still_outside_site(wrapper_id: str, setting: str, figure: str) -> str | None:
    """Outside the site build (a notebook, a script) a driven figure has no script to move it: its still
    frame, with the setting it shows in words, instead of controls that would do nothing. ``None`` in the build."""
    if _collecting:
        return None
    return _outside_site(f'<div id="{wrapper_id}" class="sn-still">\n<p>{html.escape(setting)}</p>\n{figure}\n</div>')


def pack_int16(values: np.ndarray, limit: float) -> str:
    r"""Values clipped to $[-\text{limit}, \text{limit}]$, rounded to int16 steps of ``limit``/32767, as base64.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).

    How an interactive figure carries its precomputed runs in the page: two bytes per number,
    little-endian, in C order; NaN becomes ``limit`` (a run that has left the picture stays out of it).

    Parameters
    ----------
    values
        Numbers to pack (any shape; infinities and NaN allowed).
    limit
        Largest magnitude kept, $> 0$.

    Returns
    -------
    str
        Base64 text; decode with ``new Int16Array`` and multiply by ``limit / 32767``.
    """
    limit = check_real("limit", limit, low=0.0, low_open=True)
    array = np.nan_to_num(np.asarray(values, dtype=float), nan=limit, posinf=limit, neginf=-limit)
    scaled = np.round(np.clip(array, -limit, limit) / limit * 32767).astype("<i2")
    return base64.b64encode(scaled.tobytes()).decode("ascii")
