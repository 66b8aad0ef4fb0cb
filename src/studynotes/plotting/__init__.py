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

Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/).
"""

from __future__ import annotations

from .theme import PALETTE, INK, style, figure
from .numbers import format_number
from .labels import LABEL_GAP_PT, label_lines
from .svg import RASTER_DPI
from .text import MIN_TEXT_PT, PHONE_COLUMN_PX, PHONE_PX, WIDE_PX
from .markup import FigureMarkup, figure_html
from .driven import pack_int16, switch_figure_html

__all__ = [
    "PALETTE",
    "INK",
    "LABEL_GAP_PT",
    "MIN_TEXT_PT",
    "PHONE_COLUMN_PX",
    "PHONE_PX",
    "RASTER_DPI",
    "WIDE_PX",
    "FigureMarkup",
    "figure",
    "figure_html",
    "format_number",
    "label_lines",
    "pack_int16",
    "style",
    "switch_figure_html",
]
