"""Line labels: each line's name written on the line itself, apart from the other labels (`label_lines`)."""

from __future__ import annotations

import warnings
from typing import Any

import matplotlib as mpl
import matplotlib.text as mtext

from .text import MIN_TEXT_PT, _room_for_every_language

__all__ = ["LABEL_GAP_PT", "label_lines"]

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

    from .._validate import check_real

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
            if not isinstance(text, str) or not str(text).strip():
                raise ValueError(f"labels[{i}] must be a non-empty string, got {text!r}")
        labels = [str(text) for text in labels]  # a localized text goes in whole, as its placeholder
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
