"""Matplotlib figures as inline SVG that read well in a light and a dark page.

A figure is drawn with `figure`, then turned into an HTML ``<figure>`` by
`figure_html`. The SVG is

- deterministic: no timestamp or generator metadata, ids derived from a fixed salt and the
  figure's own content, so two builds of the same commit are byte-identical;
- text kept as ``<text>`` (``svg.fonttype = "none"``), so the browser draws Hangul and Latin
  with the page's fonts and matplotlib needs no CJK font;
- drawn in ``currentColor`` on a transparent background: axes, ticks and labels take the
  page's text colour, and the data colours in `PALETTE` keep contrast against both
  a white and a near-black background;
- wrapped so that the site's search index skips its tick labels (``data-search-exclude``),
  and labelled for screen readers (``role="img"`` with an ``aria-label`` and a ``<title>``).

Introduced in: [20. Multinomial and Cauchy](../posts/stat110-lecture-20/).
"""

from __future__ import annotations

import hashlib
import html
import io
import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import matplotlib as mpl
from cycler import cycler
from matplotlib.figure import Figure

__all__ = ["PALETTE", "INK", "figure", "figure_html", "style"]

#: Data colours (blue, orange, green, pink, purple, gold, red, teal). Each keeps a contrast
#: ratio of at least 3:1 (WCAG's minimum for graphics) against white and against Material's
#: dark "slate" background, so one SVG serves both colour schemes.
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

#: Placeholder colour for "the page's text colour". It is drawn as is by matplotlib and
#: replaced by ``currentColor`` in the SVG, so pass ``color=INK`` for reference lines.
INK = "#010203"

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

    Introduced in: [20. Multinomial and Cauchy](../posts/stat110-lecture-20/).
    """
    with mpl.rc_context(_RC):
        yield


def figure(
    nrows: int = 1,
    ncols: int = 1,
    *,
    width: float = 6.4,
    height: float = 3.6,
    **subplots_kw: Any,
) -> tuple[Figure, Any]:
    """Create a figure in the site's style and its axes.

    Introduced in: [20. Multinomial and Cauchy](../posts/stat110-lecture-20/).

    The figure is a plain `matplotlib.figure.Figure` (no pyplot state, no backend),
    with constrained layout. The site's style is written into matplotlib's ``rcParams``, because
    artists read it when they are created (``ax.legend()`` after this call included); every
    figure of the site starts here, so all of them see the same settings.

    Parameters
    ----------
    nrows, ncols
        Grid of axes, as in `matplotlib.figure.Figure.subplots`.
    width, height
        Size in inches (positive).
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


_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.S)
_ID = re.compile(r'\bid="([^"]+)"')


def _svg_text(fig: Figure) -> str:
    buf = io.StringIO()
    with style(), warnings.catch_warnings():
        # Text stays text and the browser draws it with the page's (Hangul-capable) fonts; layout is
        # measured with matplotlib's bundled DejaVu only, so the build does not depend on which
        # system fonts a machine has. DejaVu lacks Hangul, which is expected here.
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font", category=UserWarning)
        fig.savefig(buf, format="svg", metadata={"Date": None, "Creator": None})
    svg = buf.getvalue()
    svg = svg[svg.index("<svg") :]
    svg = _METADATA.sub("", svg)
    # matplotlib's own stylesheet applies to the whole HTML page once inlined; its two
    # declarations are repeated as attributes below, so drop it.
    svg = re.sub(r"<defs>\s*<style[^>]*>.*?</style>\s*</defs>\s*", "", svg, flags=re.S)
    return svg.replace(INK, "currentColor")


def _prefix_ids(svg: str) -> str:
    """Make every id unique on a page that holds several figures (deterministically)."""
    prefix = "f" + hashlib.sha256(svg.encode()).hexdigest()[:8]
    ids = set(_ID.findall(svg))
    if not ids:
        return svg

    def fix(match: re.Match[str]) -> str:
        whole, name = match.group(0), match.group(1)
        return whole.replace(name, f"{prefix}-{name}") if name in ids else whole

    svg = _ID.sub(fix, svg)
    svg = re.sub(r"url\(#([^)]+)\)", fix, svg)
    return re.sub(r'href="#([^"]+)"', fix, svg)


def figure_html(fig: Figure, *, alt: str, caption: str | None = None) -> str:
    """Render ``fig`` as an HTML ``<figure>`` with inline SVG.

    Introduced in: [20. Multinomial and Cauchy](../posts/stat110-lecture-20/).

    Parameters
    ----------
    fig
        A figure, preferably made by `figure`.
    alt
        Text alternative for screen readers: what the figure shows and what to notice.
    caption
        Visible caption (plain text, escaped here). ``None`` leaves it out.

    Returns
    -------
    str
        One block of HTML with no blank lines, safe to print from a markdown-exec block.
    """
    if not isinstance(fig, Figure):
        raise TypeError(f"fig must be a matplotlib Figure, got {type(fig).__name__}")
    if not isinstance(alt, str) or not alt.strip():
        raise ValueError("alt must be a non-empty description of the figure")
    svg = _prefix_ids(_svg_text(fig))
    width_pt = float(re.search(r'width="([\d.]+)pt"', svg).group(1))
    svg = re.sub(
        r'<svg([^>]*?) width="[\d.]+pt" height="[\d.]+pt"',
        lambda m: f'<svg{m.group(1)} role="img" aria-label="{html.escape(alt)}" '
        f'style="max-width:{width_pt * 4 / 3:.0f}px"',
        svg,
        count=1,
    )
    svg = re.sub(r"(<svg[^>]*>)", lambda m: f"{m.group(1)}<title>{html.escape(alt)}</title>", svg, count=1)
    svg = re.sub(r"\s*\n\s*", " ", svg).replace("> <", "><")
    parts = ['<figure class="sn-figure">', f'<div class="sn-figure__svg" data-search-exclude>{svg}</div>']
    if caption:
        parts.append(f"<figcaption>{html.escape(caption)}</figcaption>")
    parts.append("</figure>")
    return "\n".join(parts)
