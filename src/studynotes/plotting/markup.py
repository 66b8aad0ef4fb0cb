"""A figure as HTML: the inline SVG the site gets (`figure_html`), or a `FigureMarkup` outside it."""

from __future__ import annotations

import hashlib
import html
import math
import os
import re
import sys
from typing import Any

from matplotlib.figure import Figure

from ..i18n import _MARKDOWN_SAFE, _collecting, escape_placeholders
from .panels import _label_shared_axes, cut, pieces, svg_pieces
from .svg import _compact, _figure_prefix, _merged_marks, _prefix_ids, _shared_styles, _svg_text
from .text import PHONE_COLUMN_PX, PHONE_PX, WIDE_PX, _raise_small_text

__all__ = ["FigureMarkup", "figure_html"]

def figure_html(fig: Figure, *, alt: str | None = None, caption: str | None = None, reflow: bool = True) -> str:
    """Render ``fig`` as an HTML ``<figure>`` with inline SVG.

    Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/).

    On the site, a figure's caption and text alternative are prose in the page, written under the
    executed block (``{ #<block-id>-cap .sn-caption }`` and ``{ #<block-id>-alt .sn-alt hidden }``);
    the build ties the SVG to them with ``aria-labelledby`` and ``aria-describedby``. So a snippet
    normally passes neither ``alt`` nor ``caption``.

    Every text is drawn at `MIN_TEXT_PT` points or more, and the SVG carries the smallest widths
    (``--sn-w10``, ``--sn-w11``) at which its smallest text renders at `PHONE_PX` and `WIDE_PX` CSS pixels;
    the site's stylesheet keeps the SVG at least that wide.

    On the site, a figure of several axes becomes one SVG per panel (`studynotes.plotting.panels`): side by
    side as drawn on a wide screen, on more lines on a phone. Each SVG must fit a phone's column
    (`PHONE_COLUMN_PX`) with its smallest text at `PHONE_PX`; a figure or panel too wide for that is refused
    with the width it may have. Captions then name panels by their order ("the second panel"), not by
    where they sit. Outside the site such a figure stays one SVG, its shared axes labelled as on the site's
    panels, so it shows the same texts.

    Parameters
    ----------
    fig
        A figure, preferably made by `figure`.
    alt
        Optional text alternative for screen readers (non-empty when given): what the figure shows.
    caption
        Optional visible caption (plain text, escaped here). ``None`` leaves it out.
    reflow
        ``False`` keeps a figure of several axes as one SVG on the site: for axes that only read together
        (marginal bars around a heat map).

    Returns
    -------
    str
        One block of HTML with no blank lines, safe to print from a markdown-exec block.
    """
    if not isinstance(fig, Figure):
        raise TypeError(f"fig must be a matplotlib Figure, got {type(fig).__name__}")
    if alt is not None and (not isinstance(alt, str) or not str(alt).strip()):
        raise ValueError("alt must be a non-empty description of the figure (or None: the page describes it)")
    if caption is not None and not isinstance(caption, str):
        raise TypeError(f"caption must be a str or None, got {type(caption).__name__}")
    if not isinstance(reflow, bool):
        raise TypeError(f"reflow must be True or False, got {reflow!r}")
    # a localized text goes in whole, as its placeholder: the page writes its words in
    alt, caption = (None if text is None else str(text) for text in (alt, caption))
    smallest = _raise_small_text(fig)
    label = f' aria-label="{html.escape(alt)}"' if alt else ""
    found = pieces(fig) if reflow else None
    if found is not None and not _collecting:  # one SVG outside the site, its axes labelled as its panels are there
        _label_shared_axes(found)
        found = None
    if found is None:
        svg = _sized(_prefix_ids(_compact(_svg_text(fig))), smallest, f' role="img"{label}', "")
        if _collecting:
            _check_phone(svg, fig, smallest, "the figure")
        if alt:
            svg = re.sub(r"(<svg[^>]*>)", lambda m: f"{m.group(1)}<title>{html.escape(alt)}</title>", svg, count=1)
        # On a narrow screen the figure scrolls sideways in this box; tabindex lets a keyboard reach and scroll it.
        body = f'<div class="sn-figure__svg" tabindex="0" data-search-exclude>{_finished(svg)}</div>'
    else:
        svgs = [_prefix_ids(_compact(svg)) for svg in svg_pieces(cut(fig, found, _svg_text), found)]
        panels = []
        for piece, svg in zip(found, svgs, strict=True):
            width_pt = piece.box[2] - piece.box[0]
            svg = _sized(svg, smallest, ' aria-hidden="true"', f";--sn-g:{width_pt:.0f}")
            _check_phone(svg, fig, smallest, f"the figure's legend" if piece.key else f"panel {len(panels) + 1} of the figure")
            svg = _finished(svg)
            panels.append((piece.box[1], f'<div class="sn-figure__key">{svg}</div>' if piece.key else svg, piece.key))
        top = min(box for box, _, key in panels if not key)
        ordered = [m for box, m, key in panels if key and box < top] + [m for box, m, key in panels if not key or box >= top]
        # One image for screen readers, drawn as panels that wrap onto more lines on a narrow screen.
        body = f'<div class="sn-figure__svg sn-figure__panels" role="img"{label} tabindex="0" data-search-exclude>{"".join(ordered)}</div>'
    parts = ['<figure class="sn-figure">', body]
    if caption:
        parts.append(f"<figcaption>{html.escape(caption)}</figcaption>")
    parts.append("</figure>")
    return _outside_site(escape_placeholders(_markdown_safe("\n".join(parts))))


def _sized(svg: str, smallest: float, attributes: str, extra_style: str) -> str:
    """``svg`` with its size in points replaced by the widths the stylesheet needs: its natural width
    (``--sn-w``) and the widths at which its smallest text (``smallest`` points) renders at `PHONE_PX`
    (``--sn-w10``) and `WIDE_PX` CSS pixels (``--sn-w11``)."""
    width_pt = float(re.search(r'width="([\d.]+)pt"', svg).group(1))
    # one pixel more than the exact width, so rounding never leaves the smallest text a hair short
    phone, wide = (math.ceil(px * width_pt / smallest) + 1 for px in (PHONE_PX, WIDE_PX))
    natural = max(width_pt * 4 / 3, wide)
    return re.sub(
        r'<svg([^>]*?) width="[\d.]+pt" height="[\d.]+pt"',
        lambda m: f"<svg{m.group(1)}{attributes} "
        f'style="--sn-w:{natural:.0f}px;--sn-w10:{phone:.0f}px;--sn-w11:{wide:.0f}px{extra_style}"',
        svg,
        count=1,
    )


def _check_phone(svg: str, fig: Figure, smallest: float, what: str) -> None:
    """Refuse an SVG that cannot fit a phone's column with its smallest text legible."""
    phone = int(re.search(r"--sn-w10:(\d+)px", svg).group(1))
    if phone > PHONE_COLUMN_PX:
        inches = fig.get_figwidth() * (PHONE_COLUMN_PX - 1) / phone
        raise ValueError(
            f"{what} is too wide for a phone: its smallest text ({smallest:g} pt) reads at {PHONE_PX:g} px only "
            f"when it is {phone} px wide, and a phone's column is {PHONE_COLUMN_PX} px. Draw the figure at most "
            f"{math.floor(inches * 10) / 10:.1f} inches wide (now {fig.get_figwidth():g}), or its text larger, "
            "or a legend with fewer columns."
        )


def _finished(svg: str) -> str:
    """Runs of one marker drawn as one path, repeated styles named once, and the SVG on one line."""
    svg = _merged_marks(svg)
    svg = _shared_styles(svg, _figure_prefix(svg))
    return re.sub(r"\s*\n\s*", " ", svg).replace("> <", "><")


def _outside_site(markup: str) -> str:
    """``markup`` as is in the site build, else as a `FigureMarkup`."""
    return markup if _collecting else FigureMarkup(markup)


class FigureMarkup(str):
    """The HTML of a figure made outside the site build (the site itself gets a plain `str`).

    Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/).

    Its value is the markup, so it can be searched and joined like any string. Jupyter displays it as
    the figure (``_repr_html_``). Printed, it shows the figure in Jupyter and prints nothing more; in a
    script run on its own, it saves the figure as an SVG file and prints one line naming the file and
    the caption. The files go to the folder named by ``STUDYNOTES_FIGURES`` (default ``figures`` in
    the working directory), as ``<script>-<n>.svg`` numbered in the order the figures are printed.
    """

    __slots__ = ()

    def _repr_html_(self) -> str:
        return str.__str__(self)

    def __str__(self) -> str:
        shell = sys.modules.get("IPython")
        kernel = shell is not None and getattr(shell.get_ipython(), "kernel", None) is not None
        if kernel:
            from IPython.display import HTML, display

            display(HTML(self._repr_html_()))
            return ""
        path = _save_svg(self._repr_html_())
        caption = re.search(r"<figcaption>(.*?)</figcaption>", self, re.S)
        return f"[{path}]" + (f" {html.unescape(caption.group(1))}" if caption else "")


_SAVED: dict[str, Any] = {}


def _save_svg(markup: str) -> str:
    """Write the figure's SVG to a file once and return its path as printed."""
    key = hashlib.sha256(markup.encode()).hexdigest()
    if key not in _SAVED:
        script = os.path.basename(sys.argv[0]) if sys.argv and sys.argv[0] else ""
        stem = script[:-3] if script.endswith(".py") else "figure"
        folder = os.environ.get("STUDYNOTES_FIGURES") or "figures"
        path = os.path.join(folder, f"{stem}-{len(_SAVED) + 1}.svg")
        os.makedirs(folder, exist_ok=True)
        svg = re.search(r"<svg\b.*</svg>", markup, re.S).group(0)
        box = re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg)
        if box:  # a file of its own opens at the figure's size
            svg = svg.replace("<svg ", f'<svg width="{box.group(1)}pt" height="{box.group(2)}pt" ', 1)
        with open(path, "w", encoding="utf-8") as out:
            out.write('<?xml version="1.0" encoding="utf-8"?>\n' + svg + "\n")
        _SAVED[key] = path
    return _SAVED[key]


def _markdown_safe(markup: str) -> str:
    """Write the characters of Markdown's inline syntax in text nodes as character references.

    markdown-exec converts a block's output as Markdown, and inside a tab raw HTML is not a block of
    its own: ``w*`` in a label and ``w*`` in the caption would become emphasis. Styles keep their braces.
    """
    pieces = re.split(r"(<style>.*?</style>)", markup, flags=re.S)
    return "".join(
        piece if piece.startswith("<style>") else re.sub(r">([^<]+)<", lambda m: f">{m.group(1).translate(_MARKDOWN_SAFE)}<", piece)
        for piece in pieces
    )
