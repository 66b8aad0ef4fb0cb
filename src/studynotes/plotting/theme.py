"""The house theme: the data colours, the page's text colour, the matplotlib style and `figure`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import matplotlib as mpl
from cycler import cycler
from matplotlib.figure import Figure

__all__ = ["INK", "PALETTE", "figure", "style"]

PALETTE: tuple[str, ...] = (
    "#2f8fd8",
    "#d9730d",
    "#1a9e6c",
    "#d65a9e",
    "#8f72e0",
    "#ad8a14",
    "#e0504a",
    "#179b9b",
)
"""Data colours (blue, orange, green, pink, purple, gold, red, teal). Each keeps a contrast ratio of at
least 3:1 (WCAG's minimum for graphics) against white and against Material's dark "slate" background,
so one SVG serves both colour schemes."""

INK = "#010203"
"""Placeholder for "the page's text colour": matplotlib draws it as is and the SVG gets `currentColor`
instead, so pass `color=INK` for reference lines."""

_RC: dict[str, Any] = {
    "figure.facecolor": "none",
    "axes.facecolor": "none",
    "savefig.facecolor": "none",
    "savefig.transparent": True,
    "svg.fonttype": "none",
    "svg.hashsalt": "studynotes",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],  # bundled with matplotlib: same layout on every machine
    "font.size": 10.0,
    "text.color": INK,
    "axes.labelcolor": INK,
    "axes.edgecolor": INK,
    "axes.titlecolor": INK,
    "xtick.color": INK,
    "ytick.color": INK,
    "xtick.labelcolor": INK,
    "ytick.labelcolor": INK,
    "grid.color": INK,
    "grid.alpha": 0.18,
    "axes.grid": True,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": cycler(color=list(PALETTE)),
    "legend.frameon": False,
    "lines.linewidth": 1.8,
    "axes.labelpad": 6.0,
    "image.cmap": "viridis",
    "hist.bins": 50,
}


@contextmanager
def style() -> Iterator[None]:
    """Apply the site's matplotlib style inside a ``with`` block (rcParams are restored after).

    Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/).
    """
    with mpl.rc_context(_RC):
        yield


def figure(
    nrows: int = 1,
    ncols: int = 1,
    *,
    width: float = 4.8,
    height: float = 3.0,
    **subplots_kw: Any,
) -> tuple[Figure, Any]:
    """Create a figure in the site's style and its axes.

    Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/).

    The figure is a plain `matplotlib.figure.Figure` (no pyplot state, no backend),
    with constrained layout. The site's style is written into matplotlib's ``rcParams``, because
    artists read it when they are created (``ax.legend()`` after this call included); every
    figure of the site starts here, so all of them see the same settings.

    Parameters
    ----------
    nrows, ncols
        Grid of axes, as in `matplotlib.figure.Figure.subplots`.
    width
        Width in inches (positive). The default, with the site's 10 pt text, fits a phone's column as one
        panel (`studynotes.plotting.figure_html` refuses wider panels on the site).
    height
        Height in inches (positive).
    **subplots_kw
        Passed on to `matplotlib.figure.Figure.subplots` (``sharex``, ``squeeze``...).

    Returns
    -------
    fig, axes
        The figure and an axes object or array of axes.
    """
    if nrows < 1 or ncols < 1:
        raise ValueError(f"nrows and ncols must be >= 1, got nrows={nrows}, ncols={ncols}")
    if not (width > 0 and height > 0):
        raise ValueError(f"width and height must be positive, got width={width}, height={height}")
    mpl.rcParams.update(_RC)
    fig = Figure(figsize=(width, height), layout="constrained")
    axes = fig.subplots(nrows, ncols, **subplots_kw)
    return fig, axes
