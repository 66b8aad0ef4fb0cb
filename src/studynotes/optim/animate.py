"""Animate lines of a matplotlib figure in the page, with CSS only (no JavaScript, no video).

Each chosen line "draws itself" along its path, step by step, then holds and loops. The SVG comes
from `studynotes.plotting.figure_html`, so the animated figure keeps the page's colors in
light and dark mode. Readers who ask for reduced motion get the finished, static figure.

Introduced in: [Lecture 7. Training Neural Networks II](../posts/cs231n-lecture-7.md).
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence

import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from .._validate import check_int, check_real
from ..plotting import _outside_site, figure_html

__all__ = ["animated_figure_html"]

_WRAPPER_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")


def _progress(line: Line2D, num_keyframes: int) -> tuple[np.ndarray, np.ndarray]:
    """Fraction of the line's drawn length after each step, at up to `num_keyframes` steps."""
    xy = line.get_transform().transform(np.column_stack(line.get_data()).astype(float))
    seg = np.hypot(*np.diff(xy, axis=0).T)
    cum = np.concatenate([[0.0], np.cumsum(seg)])
    total = cum[-1] if cum[-1] > 0 else 1.0
    steps = np.unique(np.linspace(0, len(cum) - 1, min(num_keyframes, len(cum))).round().astype(int))
    return steps / max(len(cum) - 1, 1), cum[steps] / total


def animated_figure_html(
    fig: Figure,
    lines: Sequence[Line2D],
    *,
    wrapper_id: str,
    alt: str | None = None,
    caption: str | None = None,
    duration: float = 8.0,
    hold: float = 0.25,
    num_keyframes: int = 80,
) -> str:
    r"""Render `fig` like `studynotes.plotting.figure_html`, with `lines` drawing themselves.

    Introduced in: [Lecture 7. Training Neural Networks II](../posts/cs231n-lecture-7.md).

    Point $k$ of a line with $n$ points is reached at the fraction $k/(n-1)$ of the
    drawing phase, so lines with one point per optimization step move in step with each other
    (a zig-zag does not fall behind because its path is longer). Every animated `<path>` gets
    `pathLength="1"` and a CSS `stroke-dashoffset` animation whose keyframes are its cumulative
    drawn length; the `<style>` is scoped to `#wrapper_id` and switched off under
    `prefers-reduced-motion: reduce`.

    Parameters
    ----------
    fig
        Figure made with `studynotes.plotting.figure`.
    lines
        Lines of `fig` to animate (solid lines without markers).
    alt, caption
        As for `studynotes.plotting.figure_html`.
    wrapper_id
        HTML id of the wrapping element, unique on the page (letters, digits, `-`, `_`).
    duration
        Seconds per loop (drawing plus holding), $> 0$.
    hold
        Fraction of the loop spent showing the finished figure, in $[0, 1)$.
    num_keyframes
        At most this many keyframes per line (between them the drawing is linear), $\ge 2$.

    Returns
    -------
    str
        HTML: a `<div>` holding the `<style>` and the `<figure>`, with no blank lines.
    """
    if not isinstance(wrapper_id, str) or not _WRAPPER_ID.match(wrapper_id):
        raise ValueError(f"wrapper_id must be an HTML id (letters, digits, '-', '_'), got {wrapper_id!r}")
    duration = check_real("duration", duration, low=0.0, low_open=True)
    hold = check_real("hold", hold, low=0.0, high=1.0, high_open=True)
    num_keyframes = check_int("num_keyframes", num_keyframes, minimum=2)
    if not lines:
        raise ValueError("lines must name at least one line of fig")
    for i, line in enumerate(lines):
        if not isinstance(line, Line2D) or line.figure is not fig:
            raise ValueError(f"lines[{i}] must be a Line2D drawn in fig")
        line.set_gid(f"sn-anim-{i}")
    with warnings.catch_warnings():
        # Layout is measured with matplotlib's Latin font; Hangul labels are drawn later by the browser.
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        fig.draw_without_rendering()  # final layout, so the display transforms are the saved ones
    progress = [_progress(line, num_keyframes) for line in lines]
    html = figure_html(fig, alt=alt, caption=caption)

    css = [f"#{wrapper_id} .sn-anim-path{{stroke-dasharray:1 1;animation:{duration:g}s linear infinite both}}"]
    for i, (when, drawn) in enumerate(progress):
        name = f"{wrapper_id}-{i}"
        pattern = re.compile(rf'(<g id="[^"]*-sn-anim-{i}"[^>]*>\s*<path)')
        html, found = pattern.subn(rf'\1 class="sn-anim-path sn-anim-{i}" pathLength="1"', html, count=1)
        if not found:
            raise ValueError(f"lines[{i}] was not drawn as an SVG path (is it visible and inside the axes?)")
        frames = "".join(
            f"{100 * (1 - hold) * w:.2f}%{{stroke-dashoffset:{1 - d:.4f}}}" for w, d in zip(when, drawn, strict=True)
        )
        css.append(f"@keyframes {name}{{{frames}100%{{stroke-dashoffset:0}}}}")
        css.append(f"#{wrapper_id} .sn-anim-{i}{{animation-name:{name}}}")
    css.append(
        f"@media (prefers-reduced-motion: reduce){{#{wrapper_id} .sn-anim-path{{animation:none;stroke-dasharray:none}}}}"
    )
    return _outside_site(f'<div id="{wrapper_id}" class="sn-animated">\n<style>{"".join(css)}</style>\n{html}\n</div>')
