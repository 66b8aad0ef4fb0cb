"""A figure of several axes as panels a page can lay out again: one SVG per panel, and one per figure legend.

On a wide screen the panels sit side by side as drawn; on a phone they wrap onto more lines (the site's
stylesheet), so each stays wide enough for its text to be read. Which axes make one panel:

- each axes of the figure's grid of subplots is a panel, with its twins (the same grid cell);
- axes stacked in one column of the grid that share their x axis make one panel (a strip above a plot);
- a colorbar belongs to the axes it was made for;
- a figure legend (``fig.legend``) is a panel of its own, a key that stays whole.

Each panel is cut from the figure as matplotlib drew it: the grid's columns and rows are divided halfway
between the drawn extents of neighbouring panels, so side by side at one scale the panels show the figure
as drawn, axes aligned. A figure this does not know how to cut (one panel only, text or artists placed on
the figure itself, axes outside the grid) stays one SVG.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from typing import Any

from matplotlib.figure import Figure

from .text import _room_for_every_language
from .theme import style

PAD_PT = 2.0
"""Room (points) kept around a panel's drawn extent at the outer edges of the figure."""


@dataclass
class Piece:
    """One panel (a group of axes) or one figure legend (``key``), and where it is cut from the figure."""

    artists: list = field(default_factory=list)
    rows: tuple[int, int] = (0, 0)
    cols: tuple[int, int] = (0, 0)
    key: bool = False
    box: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # left, top, right, bottom in SVG points

    def gid(self, index: int, k: int) -> str:
        return f"sn-piece-{index}-{k}"


def pieces(fig: Figure) -> list[Piece] | None:
    """The panels and keys of ``fig`` in reading order, or ``None`` when the figure stays one SVG."""
    if fig.texts or fig.patches or fig.lines or fig.images or fig.artists:
        return None
    if any(getattr(fig, name, None) is not None for name in ("_suptitle", "_supxlabel", "_supylabel")):
        return None
    # an axes turned off that holds nothing (the empty corner of a grid) is no panel
    axes = [ax for ax in fig.axes if ax.get_visible() and (ax.axison or ax.has_data() or ax.texts)]
    grid = [ax for ax in axes if ax.get_subplotspec() is not None]
    if len(grid) < 2 or len({id(ax.get_subplotspec().get_gridspec()) for ax in grid}) != 1:
        return None
    cells = {}
    for ax in grid:
        spec = ax.get_subplotspec()
        cells[ax] = (spec.rowspan.start, spec.rowspan.stop - 1, spec.colspan.start, spec.colspan.stop - 1)
    groups: list[list] = []
    for ax in grid:
        r0, r1, c0, c1 = cells[ax]
        for group in groups:
            other = group[0]
            same_cell = cells[other] == cells[ax]
            stacked = cells[other][2:] == (c0, c1) and any(ax.get_shared_x_axes().joined(ax, o) for o in group)
            if same_cell or stacked:
                group.append(ax)
                break
        else:
            groups.append([ax])
    for ax in axes:
        if ax in cells:
            continue
        parents = getattr(ax, "_colorbar_info", {}).get("parents") or []
        home = next((g for g in groups if any(p in g for p in parents)), None)
        if home is None:
            return None  # an inset or an axes placed by hand: the figure is not cut
        home.append(ax)
    if len(groups) < 2:
        return None
    found = []
    for group in groups:
        spans = [cells[ax] for ax in group if ax in cells]
        found.append(
            Piece(
                artists=group,
                rows=(min(s[0] for s in spans), max(s[1] for s in spans)),
                cols=(min(s[2] for s in spans), max(s[3] for s in spans)),
            )
        )
    found.sort(key=lambda p: (p.rows[0], p.cols[0]))
    keys = [Piece(artists=[legend], key=True) for legend in fig.legends if legend.get_visible()]
    return found + keys


def cut(fig: Figure, found: list[Piece], render) -> str:
    """``render(fig)`` (the whole figure's SVG), each piece's artists in a group whose id `svg_pieces` finds,
    and each piece's box measured on the layout that drawing used."""
    _label_shared_axes(found)
    engine = fig.get_layout_engine()
    old = [[artist.get_gid() for artist in piece.artists] for piece in found]
    dpi = fig.dpi
    try:
        for i, piece in enumerate(found):
            for k, artist in enumerate(piece.artists):
                if getattr(artist, "name", "") == "3d":  # draws its panes and axes before opening its own group
                    artist.draw = _grouped(artist.draw, piece.gid(i, k))
                else:
                    artist.set_gid(piece.gid(i, k))
        svg = render(fig)  # lays the figure out as the SVG backend measures text
        fig.set_layout_engine("none")  # keep that layout while the pieces are measured
        fig.dpi = 72  # SVG units are points
        with style(), warnings.catch_warnings(), _room_for_every_language():
            warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font", category=UserWarning)
            fig.draw_without_rendering()
            _measure(fig, found, fig._get_renderer())
        return svg
    finally:
        fig.dpi = dpi
        for piece, gids in zip(found, old, strict=True):
            for artist, gid in zip(piece.artists, gids, strict=True):
                artist.set_gid(gid)
                artist.__dict__.pop("draw", None)
        fig.set_layout_engine(engine)


def _grouped(draw, gid: str):
    """``draw`` with all it draws in one group ``gid``."""

    def grouped(renderer) -> None:
        renderer.open_group("panel", gid=gid)
        draw(renderer)
        renderer.close_group("panel")

    return grouped


def _label_shared_axes(found: list[Piece]) -> None:
    """A panel shows the tick labels that a shared axis hid because a neighbour shows them: on a phone the
    neighbour may be a screen away. (Axes stacked in one panel keep sharing their labels.)"""
    home = {ax: i for i, piece in enumerate(found) if not piece.key for ax in piece.artists}
    for ax, i in home.items():
        for name, side in (("x", "labelbottom"), ("y", "labelleft")):
            shared = ax.get_shared_x_axes() if name == "x" else ax.get_shared_y_axes()
            elsewhere = any(home.get(other, i) != i for other in shared.get_siblings(ax))
            axis = ax.xaxis if name == "x" else ax.yaxis
            if elsewhere and axis.get_tick_params().get(side) is False:
                ax.tick_params(axis=name, **{side: True})


def _measure(fig: Figure, found: list[Piece], renderer: Any) -> None:
    """Each piece's box in SVG points (y down): panels divided halfway between neighbours, keys as drawn."""
    width, height = (v * 72 for v in fig.get_size_inches())
    scale = 72 / fig.dpi

    def drawn(artists: list) -> tuple[float, float, float, float]:
        boxes = [a.get_tightbbox(renderer) for a in artists]
        boxes = [b for b in boxes if b is not None and b.width > 0 and b.height > 0]
        boxes = boxes or [a.get_window_extent(renderer) for a in artists]  # nothing drawn: where it sits
        return (
            min(b.x0 for b in boxes) * scale,
            height - max(b.y1 for b in boxes) * scale,
            max(b.x1 for b in boxes) * scale,
            height - min(b.y0 for b in boxes) * scale,
        )

    panels = [p for p in found if not p.key]
    extents = {id(p): drawn(p.artists) for p in panels}

    def cuts(axis: str) -> dict[int, float]:
        """Where the grid is divided before row or column n: halfway between what ends at n - 1 and
        what starts at n; at the outer edges, PAD_PT beyond the outermost drawn extent."""
        low, high, limit = (0, 2, width) if axis == "x" else (1, 3, height)
        starts: dict[int, float] = {}
        ends: dict[int, float] = {}
        for p in panels:
            first, last = p.cols if axis == "x" else p.rows
            box = extents[id(p)]
            starts[first] = min(starts.get(first, float("inf")), box[low])
            ends[last] = max(ends.get(last, float("-inf")), box[high])
        lines = {}
        for n, start in starts.items():
            if n - 1 not in ends:
                lines[n] = max(0.0, start - PAD_PT)
            elif ends[n - 1] <= start:  # neighbours that overlap keep their own extents
                lines[n] = (ends[n - 1] + start) / 2
        for n, end in ends.items():
            if n + 1 not in starts:
                lines[n + 1] = min(limit, end + PAD_PT)
        return lines

    xs, ys = cuts("x"), cuts("y")
    for p in panels:
        box = extents[id(p)]
        p.box = (
            xs.get(p.cols[0], box[0] - PAD_PT),
            ys.get(p.rows[0], box[1] - PAD_PT),
            xs.get(p.cols[1] + 1, box[2] + PAD_PT),
            ys.get(p.rows[1] + 1, box[3] + PAD_PT),
        )
    for p in found:
        if p.key:
            box = drawn(p.artists)
            p.box = (box[0] - PAD_PT, box[1] - PAD_PT, box[2] + PAD_PT, box[3] + PAD_PT)


_TAG = re.compile(r"<(/?)([\w:.-]+)\b[^>]*?(/?)>")
_REFERENCE = re.compile(r'url\(#([^)]+)\)|href="#([^"]+)"')


def _element_end(svg: str, start: int) -> int:
    """Where the element whose start tag begins at ``start`` ends (after its end tag)."""
    first = _TAG.match(svg, start)
    if first is None:
        raise ValueError(f"no element starts at {start}")
    if first.group(3):
        return first.end()
    name, depth = first.group(2), 0
    for tag in _TAG.finditer(svg, start):
        if tag.group(2) != name or tag.group(3):
            continue
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return tag.end()
    raise ValueError(f"<{name}> at {start} is never closed")


def svg_pieces(svg: str, found: list[Piece]) -> list[str]:
    """One SVG per piece, cut from ``svg`` (the figure drawn by `cut`): the piece's own groups, the
    definitions they use (clip paths, markers), and a view box that shows the piece's box."""
    head = re.match(r"<svg\b[^>]*>", svg)
    if head is None:
        raise ValueError("not an SVG document")
    out = []
    for i, piece in enumerate(found):
        parts = []
        for k in range(len(piece.artists)):
            at = svg.find(f'<g id="{piece.gid(i, k)}">')
            if at >= 0:
                parts.append(svg[at : _element_end(svg, at)].replace(f' id="{piece.gid(i, k)}"', "", 1))
        body = "".join(parts)
        definitions, seen = [], set()
        wanted = [a or b for a, b in _REFERENCE.findall(body)]
        while wanted:
            name = wanted.pop()
            if name in seen or f'id="{name}"' in body:
                continue
            seen.add(name)
            at = svg.find(f'id="{name}"')
            if at < 0:
                raise ValueError(f"the figure refers to #{name}, which it does not define")
            start = svg.rfind("<", 0, at)
            definition = svg[start : _element_end(svg, start)]
            definitions.append(definition)
            wanted += [a or b for a, b in _REFERENCE.findall(definition)]
        left, top, right, bottom = piece.box
        view = f'width="{right - left:.2f}pt" height="{bottom - top:.2f}pt" viewBox="{left:.2f} {top:.2f} {right - left:.2f} {bottom - top:.2f}"'
        start = re.sub(r'width="[\d.]+pt" height="[\d.]+pt" viewBox="[^"]*"', view, head.group(0), count=1)
        defs = f"<defs>{''.join(definitions)}</defs>" if definitions else ""
        out.append(f"{start}{defs}{body}</svg>")
    return out
