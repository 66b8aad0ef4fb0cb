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

import base64
import hashlib
import math
import html
import io
import os
import re
import sys
import warnings
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import matplotlib as mpl
import matplotlib.text as mtext
from cycler import cycler
from matplotlib.cbook import is_math_text
from matplotlib.figure import Figure
from PIL import Image

from .i18n import _MARKDOWN_SAFE, _collecting, escape_placeholders, translations

__all__ = ["PALETTE", "INK", "FigureMarkup", "figure", "figure_html", "format_number", "label_lines", "style", "switch_figure_html"]

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
    width: float = 6.4,
    height: float = 3.6,
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
        Width in inches (positive).
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


LABEL_GAP_PT = 1.5
"""Room (points) kept between two line labels, and between a label and its line."""


def label_lines(
    ax: Any,
    lines: Any = None,
    *,
    labels: Any = None,
    x: float | None = None,
    fontsize: float | None = None,
) -> list:
    """Write each line's name on the line itself, in the line's colour, instead of a legend.

    Introduced in: [Lecture 6. Training Neural Networks I](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-6/).

    By default a label ends where its line's visible part ends (at the right end, or where the line
    leaves the axes); with ``x``, it is centred on the line's point at that ``x``. It sits just above
    or just below the line, on the side where fewer drawn lines would cross the text. Labels that
    would overlap are then moved up or down, as little as possible (least squares), until no two
    overlap and each lies inside the axes. Positions are worked out again whenever the figure is
    drawn, so they follow the final layout (and `figure_html`'s widest-language text sizes).

    Parameters
    ----------
    ax
        The axes holding the lines.
    lines
        The `matplotlib.lines.Line2D` objects to label, each drawn in ``ax``. ``None``: every line of
        ``ax`` with a label (one not starting with ``_``).
    labels
        The words to write, one per line. ``None``: each line's own label (``label=`` when plotted).
    x
        Data x at which to write every label (a finite number inside the x-axis limits). ``None``:
        at each line's right end. With ``x``, each line's x values must increase.
    fontsize
        Size of the labels in points, at least `MIN_TEXT_PT`. ``None``: the site's text size.

    Returns
    -------
    list
        The `matplotlib.text.Annotation` objects, one per line.
    """
    from matplotlib.axes import Axes
    from matplotlib.lines import Line2D

    from ._validate import check_real

    if not isinstance(ax, Axes):
        raise TypeError(f"ax must be a matplotlib Axes, got {type(ax).__name__}")
    if lines is None:
        lines = [line for line in ax.get_lines() if not str(line.get_label()).startswith("_")]
        if not lines:
            raise ValueError("ax has no labelled lines: pass lines= or plot with label=")
    elif isinstance(lines, Line2D):
        raise TypeError("lines must be a list of Line2D objects (wrap a single line in a list)")
    lines = list(lines)
    if not lines:
        raise ValueError("lines must name at least one line of ax")
    for i, line in enumerate(lines):
        if not isinstance(line, Line2D) or line.axes is not ax:
            raise ValueError(f"lines[{i}] must be a Line2D drawn in ax")
    if labels is None:
        labels = [line.get_label() for line in lines]
        for i, text in enumerate(labels):
            if not isinstance(text, str) or not text.strip() or text.startswith("_"):
                raise ValueError(f"lines[{i}] has no label: plot it with label= or pass labels=")
    else:
        if isinstance(labels, str):
            raise TypeError("labels must be a list of strings, one per line, not a single string")
        labels = list(labels)
        if len(labels) != len(lines):
            raise ValueError(f"labels must have one entry per line ({len(lines)}), got {len(labels)}")
        for i, text in enumerate(labels):
            if not isinstance(text, str) or not text.strip():
                raise ValueError(f"labels[{i}] must be a non-empty string, got {text!r}")
    if x is not None:
        x = check_real("x", x)
        low, high = sorted(ax.get_xlim())
        if not low <= x <= high:
            raise ValueError(f"x must lie inside the x-axis limits [{low:g}, {high:g}], got {x:g}")
    size = mpl.rcParams["font.size"] if fontsize is None else check_real("fontsize", fontsize, low=MIN_TEXT_PT)

    for i, line in enumerate(lines):
        _label_anchor(ax, line, x, i)  # refuses a line with nothing to label
    placer = _LinePlacer(ax, lines, x)
    texts = []
    for i, (line, text) in enumerate(zip(lines, labels, strict=True)):
        texts.append(
            ax.annotate(
                text,
                xy=(0, 0),
                xycoords=placer.coords(i),
                ha="right" if x is None else "center",
                va="center",
                color=line.get_color(),
                fontsize=size,
                annotation_clip=False,
            )
        )
    placer.texts = texts
    heights = sum(placer.extent(t, ax.figure._get_renderer())[1] for t in texts)
    gaps = (len(texts) + 1) * LABEL_GAP_PT * ax.figure.dpi / 72
    if heights + gaps > ax.bbox.height:
        for t in texts:
            t.remove()
        raise ValueError(f"{len(texts)} labels do not fit in the axes' height: use fewer lines, a smaller fontsize or a legend")
    return texts


def _label_anchor(ax: Any, line: Any, x: float | None, index: int | None = None) -> tuple[float, float] | None:
    """The point of ``line`` its label belongs to, in axes fractions (``None`` when nothing of it shows)."""
    import numpy as np

    ax.get_xlim(), ax.get_ylim()  # autoscale first, if the limits are pending
    xy = np.column_stack(line.get_data()).astype(float)
    with np.errstate(all="ignore"):
        uv = (line.get_transform() - ax.transAxes).transform(xy)
    finite = np.isfinite(uv).all(axis=1)
    inside = finite & (uv >= -1e-9).all(axis=1) & (uv <= 1 + 1e-9).all(axis=1)
    if x is None:
        if not inside.any():
            if index is not None:
                raise ValueError(f"lines[{index}] has no point inside the axes to write its label at")
            return None
        last = np.flatnonzero(inside)[-1]
        here = uv[last]
        if last + 1 < len(uv) and finite[last + 1]:  # the line leaves the axes here: label it where it leaves
            step = uv[last + 1] - here
            with np.errstate(divide="ignore", invalid="ignore"):
                room = np.where(step > 0, (1 - here) / step, np.where(step < 0, -here / step, np.inf))
            here = here + min(1.0, float(room.min())) * step
        return float(here[0]), float(here[1])
    u = uv[finite, 0]
    if index is not None and (u.size < 2 or np.any(np.diff(u) <= 0)):
        raise ValueError(f"lines[{index}] must have increasing x values to be labelled at x")
    if u.size < 2:
        return None
    with np.errstate(all="ignore"):
        ux = (ax.transData - ax.transAxes).transform([[x, 1.0 if ax.get_yscale() == "log" else 0.0]])[0, 0]
    if not np.isfinite(ux):
        if index is not None:
            raise ValueError(f"x = {x:g} cannot be shown on this x-axis ({ax.get_xscale()} scale)")
        return None
    if index is not None and not u[0] <= ux <= u[-1]:
        raise ValueError(f"lines[{index}] does not reach x = {x:g}")
    return ux, float(np.interp(ux, u, uv[finite, 1]))


class _LinePlacer:
    """Positions of a set of line labels, worked out from the figure's layout at draw time."""

    def __init__(self, ax: Any, lines: list, x: float | None) -> None:
        self.ax, self.lines, self.x = ax, lines, x
        self.texts: list = []

    def coords(self, index: int):
        from matplotlib.transforms import Affine2D

        def transform(renderer):
            return Affine2D().translate(*self.place(renderer)[index])

        return transform

    def extent(self, text: Any, renderer: Any) -> tuple[float, float]:
        """Width and height of ``text`` in pixels (its widest translation on the site)."""
        probe = mtext.Text(0, 0, text.get_text(), fontproperties=text.get_fontproperties())
        probe.set_figure(self.ax.figure)
        with warnings.catch_warnings(), _room_for_every_language():
            warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font", category=UserWarning)
            box = probe.get_window_extent(renderer)
        return box.width, box.height

    def place(self, renderer: Any) -> list[tuple[float, float]]:
        import numpy as np

        renderer = renderer or self.ax.figure._get_renderer()
        box = self.ax.bbox
        pad = LABEL_GAP_PT * self.ax.figure.dpi / 72
        sizes = np.array([self.extent(t, renderer) for t in self.texts]).reshape(-1, 2)
        # a line whose points all left the axes after label_lines was called is labelled at the right edge
        uv = np.array([_label_anchor(self.ax, line, self.x) or (1.0, 0.5) for line in self.lines]).reshape(-1, 2)
        px, py = box.x0 + uv[:, 0] * box.width, box.y0 + uv[:, 1] * box.height
        w, h = sizes[:, 0], sizes[:, 1]
        if self.x is None:  # right end of the text at the line's end, kept inside the axes
            cx = np.clip(np.minimum(px, box.x1 - pad), box.x0 + pad + w, None)
        else:  # centred over x, kept inside the axes
            cx = np.clip(px, box.x0 + pad + w / 2, np.maximum(box.x1 - pad - w / 2, box.x0 + pad + w / 2))
        # just above the line where it runs under the text, or just below it: the place that crosses fewer
        # drawn lines, and of two equally clear places the one nearer the line's point
        segments = _segments(self.ax)
        wanted = np.empty_like(py)
        for i, line in enumerate(self.lines):
            under, over = _span(line, cx[i] - w[i] / 2, cx[i] + w[i] / 2, py[i])
            low, high = box.y0 + pad + h[i] / 2, max(box.y1 - pad - h[i] / 2, box.y0 + pad + h[i] / 2)
            spots = [float(np.clip(c, low, high)) for c in (over + pad + h[i] / 2, under - pad - h[i] / 2)]
            half = (w[i] + pad) / 2, (h[i] + pad) / 2
            wanted[i] = min(spots, key=lambda c, i=i: (_crossings(segments, cx[i], c, *half), abs(c - py[i])))
        cy = _spread(wanted, h, pad, box.y0 + pad, box.y1 - pad)
        return list(zip(cx.tolist(), cy.tolist()))


def _segments(ax: Any) -> Any:
    """Every straight piece of the visible lines of ``ax`` in display coordinates, shape ``(n, 2, 2)``."""
    import numpy as np

    pieces = [np.empty((0, 2, 2))]
    for line in ax.get_lines():
        if not line.get_visible() or line.get_linestyle() in {"None", "", " "}:
            continue
        with np.errstate(all="ignore"):
            pts = line.get_transform().transform(np.column_stack(line.get_data()).astype(float))
        pair = np.stack([pts[:-1], pts[1:]], axis=1)
        pieces.append(pair[np.isfinite(pair).all(axis=(1, 2))])
    return np.concatenate(pieces)


def _crossings(segments: Any, cx: float, cy: float, half_w: float, half_h: float) -> int:
    """How many of ``segments`` pass through the box centred at (cx, cy) (Liang-Barsky clipping)."""
    import numpy as np

    p, d = segments[:, 0], segments[:, 1] - segments[:, 0]
    t0, t1 = np.zeros(len(p)), np.ones(len(p))
    ok = np.ones(len(p), dtype=bool)
    for k, lo, hi in ((0, cx - half_w, cx + half_w), (1, cy - half_h, cy + half_h)):
        for q, r in ((-d[:, k], p[:, k] - lo), (d[:, k], hi - p[:, k])):
            ok &= ~((q == 0) & (r < 0))
            with np.errstate(divide="ignore", invalid="ignore"):
                ratio = r / q
            t0 = np.where(q < 0, np.maximum(t0, ratio), t0)
            t1 = np.where(q > 0, np.minimum(t1, ratio), t1)
    return int(np.count_nonzero(ok & (t0 <= t1)))


def _span(line: Any, left: float, right: float, fallback: float) -> tuple[float, float]:
    """Lowest and highest display y of ``line`` between display x ``left`` and ``right``."""
    import numpy as np

    with np.errstate(all="ignore"):
        pts = line.get_transform().transform(np.column_stack(line.get_data()).astype(float))
    pts = pts[np.isfinite(pts).all(axis=1)]
    ys = [fallback] + pts[(pts[:, 0] >= left) & (pts[:, 0] <= right), 1].tolist()
    if len(pts) > 1 and np.all(np.diff(pts[:, 0]) > 0):
        ys += np.interp([left, right], pts[:, 0], pts[:, 1], left=np.nan, right=np.nan).tolist()
    ys = [y for y in ys if np.isfinite(y)]
    return min(ys), max(ys)


def _spread(wanted: Any, heights: Any, gap: float, low: float, high: float) -> Any:
    """Centres as close as possible (least squares) to ``wanted``, in the same order, with boxes of
    ``heights`` at least ``gap`` apart and inside ``[low, high]`` (pool-adjacent-violators, then clipped)."""
    import numpy as np

    wanted, heights = np.asarray(wanted, dtype=float), np.asarray(heights, dtype=float)
    order = np.argsort(wanted, kind="stable")
    h = heights[order]
    offset = np.concatenate([[0.0], np.cumsum((h[:-1] + h[1:]) / 2 + gap)])
    blocks: list[list[float]] = []  # [mean, count] of pooled runs
    for value in wanted[order] - offset:
        blocks.append([value, 1])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            (m2, n2), (m1, n1) = blocks.pop(), blocks.pop()
            blocks.append([(m1 * n1 + m2 * n2) / (n1 + n2), n1 + n2])
    z = np.concatenate([np.full(int(n), m) for m, n in blocks])
    lo, hi = low + h[0] / 2, high - h[-1] / 2 - offset[-1]
    z = np.clip(z, lo, max(lo, hi))
    out = np.empty_like(z)
    out[order] = z + offset
    return out


_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.S)
_ID = re.compile(r'\bid="([^"]+)"')
_GEOMETRY = re.compile(r'\b(d|x|y|x1|x2|y1|y2|width|height|points|transform)="([^"]*)"')
_DECIMAL = re.compile(r"-?\d+\.\d{2,}")
RASTER_DPI = 200
"""Resolution of the parts drawn with `rasterized=True`: crisp at 2x zoom of a 6-inch figure."""


def _short_number(match: re.Match[str]) -> str:
    text = f"{float(match.group(0)):.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


_PATH_TOKEN = re.compile(r"[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?")


def _short_path(d: str) -> str:
    """Drop the ``L`` commands that SVG implies (pairs after ``M`` or ``L`` are line-tos) and spare spaces."""
    out: list[str] = []
    last = ""
    for token in _PATH_TOKEN.findall(d):
        if token.isalpha():
            if token == "L" and last in {"M", "L"}:
                continue
            last = token
            out.append(token)
        else:
            out.append(token if not out or out[-1].isalpha() else " " + token)
    return "".join(out)


def _smaller_png(match: re.Match[str]) -> str:
    """Re-encode an embedded raster (a ``rasterized=True`` artist) with a 256-colour palette."""
    image = Image.open(io.BytesIO(base64.b64decode(match.group(1))))
    quantized = image.convert("RGBA").quantize(colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    buf = io.BytesIO()
    quantized.save(buf, format="PNG", optimize=True)
    data = buf.getvalue() if buf.tell() < len(match.group(1)) * 3 // 4 else base64.b64decode(match.group(1))
    return "data:image/png;base64," + base64.b64encode(data).decode()


def _compact(svg: str) -> str:
    """Round coordinates to 0.1 pt (a seventh of a screen pixel), shrink embedded rasters, and drop
    matplotlib's automatic ids (``patch_3``, ``line2d_5``...) that nothing refers to; ids set with
    ``set_gid`` stay."""
    svg = re.sub(r"data:image/png;base64,([A-Za-z0-9+/=\s]+)", _smaller_png, svg)
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.S)  # matplotlib notes each mathtext string's source
    svg = _GEOMETRY.sub(lambda m: f'{m.group(1)}="{_DECIMAL.sub(_short_number, m.group(2))}"', svg)
    svg = re.sub(r'\bd="([^"]*)"', lambda m: f'd="{_short_path(m.group(1))}"', svg)
    # text: the page's font replaces DejaVu anyway (site.css), and a rotation by -0 is no rotation
    svg = re.sub(r" font-family: [^;\"]*;?", "", svg)
    svg = re.sub(r' transform="rotate\(-?0 [^)]*\)"', "", svg)
    referenced = set(re.findall(r"url\(#([^)]+)\)", svg)) | set(re.findall(r'href="#([^"]+)"', svg))

    def keep(match: re.Match[str]) -> str:
        name = match.group(1)
        automatic = re.fullmatch(r"[A-Za-z][\w.]*_\d+", name) is not None
        return "" if automatic and name not in referenced else match.group(0)

    svg = _ID.sub(keep, svg).replace("<g >", "<g>")
    return re.sub(r"<g>\s*(<(?:path|use|text)\b[^>]*/>)\s*</g>", r"\1", svg)


@contextmanager
def _room_for_every_language() -> Iterator[None]:
    """Measure a text holding `studynotes.i18n` placeholders as its widest translation.

    Layout (constrained layout, legends, tick spacing) then leaves room for every language, and the
    SVG keeps the placeholder itself as the ``<text>``, anchored at its start, middle or end as the
    artist is aligned, so each language's words sit where that language needs them. A translation
    with a line break or with mathtext would need a layout of its own, so it is refused.
    """
    original = mtext._get_text_metrics_with_cache

    def measure(renderer, text, fontprop, ismath, dpi):
        versions = translations(text)
        if versions is None:
            return original(renderer, text, fontprop, ismath, dpi)
        for lang, version in versions.items():
            if "\n" in version or is_math_text(version):
                raise ValueError(
                    f"figure text {version!r} ({lang}) has a line break or math: a translated label must be "
                    "one line of plain text (write symbols in Unicode)"
                )
        sizes = [original(renderer, version, fontprop, ismath, dpi) for version in versions.values()]
        return tuple(max(size[i] for size in sizes) for i in range(3))

    mtext._get_text_metrics_with_cache = measure
    try:
        yield
    finally:
        mtext._get_text_metrics_with_cache = original


def _svg_text(fig: Figure) -> str:
    buf = io.StringIO()
    with style(), warnings.catch_warnings(), _room_for_every_language():
        # Text stays text and the browser draws it with the page's (Hangul-capable) fonts; layout is
        # measured with matplotlib's bundled DejaVu only, so the build does not depend on which
        # system fonts a machine has. DejaVu lacks Hangul, which is expected here.
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font", category=UserWarning)
        fig.savefig(buf, format="svg", dpi=RASTER_DPI, metadata={"Date": None, "Creator": None})
    svg = buf.getvalue()
    svg = svg[svg.index("<svg") :]
    svg = _METADATA.sub("", svg)
    # matplotlib's own stylesheet applies to the whole HTML page once inlined; its two
    # declarations are repeated as attributes below, so drop it.
    svg = re.sub(r"<defs>\s*<style[^>]*>.*?</style>\s*</defs>\s*", "", svg, flags=re.S)
    return svg.replace(INK, "currentColor")


def _shared_styles(svg: str, prefix: str) -> str:
    """Ticks, labels and grid lines repeat a handful of inline styles hundreds of times: name each once.

    The rules live in a ``<style>`` inside the SVG, scoped to this figure's own class, so they cannot
    reach anything else on the page. Elements in a group with an id of its own (``set_gid``) keep
    their inline style, so code that looks them up finds them as matplotlib wrote them.
    """
    pattern = re.compile(r'(<(?:use|text|path)\b[^>]*?) style="([^"]*)"')

    def named(match: re.Match[str]) -> bool:
        return re.search(r'<g id="[^"]*">\s*$', svg[max(0, match.start() - 300) : match.start()]) is None

    counts = Counter(m.group(2) for m in pattern.finditer(svg) if named(m))
    names = {style: f"{prefix}s{i}" for i, (style, n) in enumerate(counts.most_common()) if n >= 3}
    if not names:
        return svg

    def replace(match: re.Match[str]) -> str:
        if match.group(2) in names and named(match):
            return f'{match.group(1)} class="{names[match.group(2)]}"'
        return match.group(0)

    svg = pattern.sub(replace, svg)
    rules = "".join(f".{prefix} .{name}{{{style}}}" for style, name in names.items())
    svg = re.sub(r"(<svg\b[^>]*)>", lambda m: f'{m.group(1)} class="{prefix}">', svg, count=1)
    return re.sub(r"(<svg\b[^>]*>(?:<title>.*?</title>)?)", lambda m: f"{m.group(1)}<style>{rules}</style>", svg, count=1, flags=re.S)


def _figure_prefix(svg: str) -> str:
    return "f" + hashlib.sha256(svg.encode()).hexdigest()[:8]


def _prefix_ids(svg: str) -> str:
    """Make every id unique on a page that holds several figures (deterministically)."""
    prefix = _figure_prefix(svg)
    ids = set(_ID.findall(svg))
    if not ids:
        return svg

    def fix(match: re.Match[str]) -> str:
        whole, name = match.group(0), match.group(1)
        return whole.replace(name, f"{prefix}-{name}") if name in ids else whole

    svg = _ID.sub(fix, svg)
    svg = re.sub(r"url\(#([^)]+)\)", fix, svg)
    return re.sub(r'href="#([^"]+)"', fix, svg)


MIN_TEXT_PT = 9.0
"""Smallest font size (points) a figure's text is drawn at; smaller sizes are raised to it."""

PHONE_PX = 10.0
"""Smallest size in CSS pixels the figure's text may render at on a phone: the SVG keeps at least the
width that gives its smallest text this size (the page lets it scroll sideways when the column is narrower)."""

WIDE_PX = 11.0
"""The same on a wide screen (a text column of 45em or more)."""


def _raise_small_text(fig: Figure) -> float:
    """Raise every visible text of ``fig`` to at least `MIN_TEXT_PT` and return the smallest size left.

    Tick labels exist only once the figure is drawn, and each axis makes new ones from its tick
    parameters, so the figure is laid out once first and small tick labels are raised on their axis.
    """
    with style(), warnings.catch_warnings(), _room_for_every_language():
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font", category=UserWarning)
        fig.draw_without_rendering()
    for ax in fig.axes:
        for axis in getattr(ax, "_axis_map", {}).values():
            for which, ticks in (("major", axis.get_major_ticks()), ("minor", axis.get_minor_ticks())):
                if any(tick.label1.get_fontsize() < MIN_TEXT_PT for tick in ticks):
                    axis.set_tick_params(which=which, labelsize=MIN_TEXT_PT)
    sizes = []
    for text in fig.findobj(mtext.Text):
        if not text.get_visible() or not text.get_text().strip():
            continue
        if text.get_fontsize() < MIN_TEXT_PT:
            text.set_fontsize(MIN_TEXT_PT)
        sizes.append(text.get_fontsize())
    return min(sizes, default=MIN_TEXT_PT)


def figure_html(fig: Figure, *, alt: str | None = None, caption: str | None = None) -> str:
    """Render ``fig`` as an HTML ``<figure>`` with inline SVG.

    Introduced in: [20. Multinomial and Cauchy](https://studynotes.github.io/studynotes/en/posts/stat110-lecture-20/).

    On the site, a figure's caption and text alternative are prose in the page, written under the
    executed block (``{ #<block-id>-cap .sn-caption }`` and ``{ #<block-id>-alt .sn-alt hidden }``);
    the build ties the SVG to them with ``aria-labelledby`` and ``aria-describedby``. So a snippet
    normally passes neither ``alt`` nor ``caption``.

    Every text is drawn at `MIN_TEXT_PT` points or more, and the SVG carries the smallest widths
    (``--sn-w10``, ``--sn-w11``) at which its smallest text renders at `PHONE_PX` and `WIDE_PX` CSS pixels;
    the site's stylesheet keeps the SVG at least that wide and lets the figure scroll sideways beyond that.

    Parameters
    ----------
    fig
        A figure, preferably made by `figure`.
    alt
        Optional text alternative for screen readers (non-empty when given): what the figure shows.
    caption
        Optional visible caption (plain text, escaped here). ``None`` leaves it out.

    Returns
    -------
    str
        One block of HTML with no blank lines, safe to print from a markdown-exec block.
    """
    if not isinstance(fig, Figure):
        raise TypeError(f"fig must be a matplotlib Figure, got {type(fig).__name__}")
    if alt is not None and (not isinstance(alt, str) or not alt.strip()):
        raise ValueError("alt must be a non-empty description of the figure (or None: the page describes it)")
    if caption is not None and not isinstance(caption, str):
        raise TypeError(f"caption must be a str or None, got {type(caption).__name__}")
    smallest = _raise_small_text(fig)
    svg = _prefix_ids(_compact(_svg_text(fig)))
    width_pt = float(re.search(r'width="([\d.]+)pt"', svg).group(1))
    # one pixel more than the exact width, so rounding never leaves the smallest text a hair short
    phone, wide = (math.ceil(px * width_pt / smallest) + 1 for px in (PHONE_PX, WIDE_PX))
    natural = max(width_pt * 4 / 3, wide)
    label = f' aria-label="{html.escape(alt)}"' if alt else ""
    svg = re.sub(
        r'<svg([^>]*?) width="[\d.]+pt" height="[\d.]+pt"',
        lambda m: f'<svg{m.group(1)} role="img"{label} '
        f'style="--sn-w:{natural:.0f}px;--sn-w10:{phone:.0f}px;--sn-w11:{wide:.0f}px"',
        svg,
        count=1,
    )
    if alt:
        svg = re.sub(r"(<svg[^>]*>)", lambda m: f"{m.group(1)}<title>{html.escape(alt)}</title>", svg, count=1)
    svg = _shared_styles(svg, _figure_prefix(svg))
    svg = re.sub(r"\s*\n\s*", " ", svg).replace("> <", "><")
    # On a narrow screen the figure scrolls sideways in this box; tabindex lets a keyboard reach and scroll it.
    parts = ['<figure class="sn-figure">', f'<div class="sn-figure__svg" tabindex="0" data-search-exclude>{svg}</div>']
    if caption:
        parts.append(f"<figcaption>{html.escape(caption)}</figcaption>")
    parts.append("</figure>")
    return _outside_site(escape_placeholders(_markdown_safe("\n".join(parts))))


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

    import numpy as np
    from matplotlib.lines import Line2D

    from .i18n import escape_placeholders
    from .optim.animate import _still_outside_site, pack_int16

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
