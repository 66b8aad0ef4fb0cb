"""What happens to a figure after matplotlib writes it as SVG.

Deterministic output (no metadata, ids from a fixed salt and the figure's content), coordinates rounded
and paths shortened, rasters re-encoded, automatic ids dropped, the page's text colour as
``currentColor``, ids made unique on a page of several figures, each axis's tick marks and runs of one
marker drawn as one path, and repeated inline styles named once.
"""

from __future__ import annotations

import base64
import hashlib
import io
import re
import warnings
from collections import Counter

from matplotlib.figure import Figure
from PIL import Image

from .theme import INK, style
from .text import _room_for_every_language

__all__ = ["RASTER_DPI"]

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
    svg = _merged_ticks(svg)
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

    return _flatten(_ID.sub(keep, svg))


_GROUP_OR_BLANK = re.compile(r'<(/?)g\b([^>]*?)(/?)>|<path d="[^"]*" style="fill: none"/>')


def _flatten(svg: str) -> str:
    """Drop the groups that carry nothing (matplotlib wraps every artist in a ``<g>``; once the automatic
    ids are gone most have no attribute, and a group with none changes nothing it holds) and the
    background patches drawn in no colour (a transparent figure and axes). Groups with an id, a clip path
    or a style stay, and so does the patch of an axes whose group has an id (code finds the axes by it).
    A figure's element count is what a page pays for in layout, so this halves it."""
    out: list[str] = []
    stack: list[str] = []  # the attributes of each open group
    position = 0
    for match in _GROUP_OR_BLANK.finditer(svg):
        out.append(svg[position : match.start()])
        position = match.end()
        closing, attributes, empty = match.group(1), match.group(2), match.group(3)
        if closing is None:  # a patch in no colour
            if stack and 'id="' in stack[-1]:
                out.append(match.group(0))
        elif closing:
            if stack.pop().strip():
                out.append(match.group(0))
        elif empty:
            if 'id="' in attributes:
                out.append(match.group(0))
        else:
            stack.append(attributes)
            if attributes.strip():
                out.append(match.group(0))
    out.append(svg[position:])
    return "".join(out)


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


_MARK = re.compile(r'<use xlink:href="#([^"]+)" x="(-?[\d.]+)" y="(-?[\d.]+)"(?: style="([^"]*)")?\s*/>\s*')
_MARK_DEF = re.compile(r'<path id="([^"]+)" d="([^"]+)"(?: style="([^"]*)")?\s*/>')


def _number(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _relative(d: str) -> tuple[float, float, str] | None:
    """Path data of absolute commands (M, L, C, Q, z) as its first point and the rest in relative commands.

    The rest is the same text wherever the path is moved, so a marker drawn at a hundred points compresses
    to little more than its hundred first points. None for commands this does not know."""
    segments: list[tuple[str, list[float]]] = []
    for token in _PATH_TOKEN.findall(d):
        if token.isalpha():
            segments.append((token, []))
        elif segments:
            segments[-1][1].append(float(token))
        else:
            return None
    sizes = {"M": 2, "L": 2, "C": 6, "Q": 4}
    out: list[str] = []
    start: tuple[float, float] | None = None
    x = y = sx = sy = 0.0
    for command, numbers in segments:
        if command in "Zz":
            out.append("z")
            x, y = sx, sy
            continue
        size = sizes.get(command)
        if size is None or not numbers or len(numbers) % size:
            return None
        for k in range(0, len(numbers), size):
            points = numbers[k : k + size]
            if command == "M" and k == 0:
                if start is None:
                    start = (points[0], points[1])
                else:
                    out.append(f"m{_number(points[0] - x)} {_number(points[1] - y)}")
                x, y = sx, sy = points
                continue
            moved = [points[j] - (x if j % 2 == 0 else y) for j in range(size)]
            out.append(("l" if command in "ML" else command.lower()) + " ".join(_number(v) for v in moved))
            x, y = points[-2], points[-1]
    return None if start is None else (start[0], start[1], "".join(out))


def _one_colour(style: str) -> bool:
    """Whether marks drawn with ``style`` look the same in any order: their outline is their fill's colour,
    or one of the two is not drawn (the last declaration of a property wins, as in a style attribute)."""
    declared = dict(
        (name.strip(), value.strip()) for name, _, value in (part.partition(":") for part in style.split(";")) if value.strip()
    )
    fill, stroke = declared.get("fill", "#000000"), declared.get("stroke", "none")
    return "none" in (fill, stroke) or fill == stroke


def _merged_marks(svg: str) -> str:
    """Each run of the same marker drawn at several points (matplotlib writes one ``<use>`` per point) as one path.

    A run is a sequence of ``<use>`` of one definition with one style and nothing between them, so drawing
    them as one path changes neither the order of painting nor what covers what, as long as a mark's outline
    has its fill's colour (one path fills every mark before outlining any). A style with any opacity
    stays as it is (overlapping marks each darken what lies under them; one path would not), and so do marks
    inside a group with an id (code may look them up) and definitions with commands other than M, L, C, Q, z.
    Each mark is its first point and the definition's shape in relative commands, the same text every time.
    A scatter of 100 points is then one element instead of 100.
    """
    defs = {m.group(1): (m.group(2), m.group(3) or "") for m in _MARK_DEF.finditer(svg)}
    out: list[str] = []
    position = 0
    run: list[re.Match[str]] = []

    def flush() -> None:
        nonlocal position
        if not run:
            return
        first = run[0]
        d, def_style = defs.get(first.group(1), ("", ""))
        use_style = first.group(4) or ""
        relative = _relative(d) if d else None
        mergeable = (
            len(run) > 1
            and relative is not None
            and "opacity" not in use_style + def_style
            and _one_colour(f"{use_style}; {def_style}")
            and re.search(r'<g id="[^"]*">\s*$', svg[max(0, first.start() - 300) : first.start()]) is None
        )
        out.append(svg[position : first.start()])
        if mergeable:
            x0, y0, rest = relative
            moved = "".join(f"M{_number(x0 + float(m.group(2)))} {_number(y0 + float(m.group(3)))}{rest}" for m in run)
            style = "; ".join(part for part in (use_style, def_style) if part)  # the definition's own style wins
            trailing = run[-1].group(0)[len(run[-1].group(0).rstrip()) :]
            out.append(f'<path d="{moved}"' + (f' style="{style}"' if style else "") + "/>" + trailing)
        else:
            out.append(svg[first.start() : run[-1].end()])
        position = run[-1].end()
        run.clear()

    for match in _MARK.finditer(svg):
        if run and (match.start() != run[-1].end() or match.group(1) != run[0].group(1) or match.group(4) != run[0].group(4)):
            flush()
        run.append(match)
    flush()
    out.append(svg[position:])
    return "".join(out)


_AXIS = re.compile(r'<g id="matplotlib\.axis_\d+">')
_GROUP_TAG = re.compile(r"<g\b[^>]*?(/?)>|</g>")
_TICK = re.compile(r'<use xlink:href="#([^"]+)" x="(-?[\d.]+)" y="(-?[\d.]+)"(?: style="([^"]*)")?\s*/>')


def _axis_groups(svg: str) -> list[tuple[int, int]]:
    """Where each axis of matplotlib's SVG starts and ends (its ``<g id="matplotlib.axis_N">``)."""
    spans = []
    for start in _AXIS.finditer(svg):
        depth = 0
        for tag in _GROUP_TAG.finditer(svg, start.start()):
            if tag.group(0).startswith("</"):
                depth -= 1
            elif not tag.group(1):
                depth += 1
            if depth == 0:
                spans.append((start.start(), tag.end()))
                break
    return spans


def _merged_ticks(svg: str) -> str:
    """The tick marks of each axis as one path (matplotlib writes one ``<use>`` of a tick definition per tick).

    Works on matplotlib's SVG before its groups are dropped, one axis at a time: the ticks of one definition
    and one style in an axis become one path of M/l commands, each tick its first point and the definition's
    shape in relative commands, drawn where the axis's last tick was. Ticks of one axis never overlap each
    other, and each is still painted after its own grid line (what precedes it there), so the figure looks the
    same; a tick style with any opacity stays as it is. A definition nothing refers to any more goes too.
    An axis of 8 ticks is then one element instead of 8 (and the groups around them, which `_flatten` drops).
    """
    defs = {m.group(1): (m.group(2), m.group(3) or "") for m in _MARK_DEF.finditer(svg)}
    edits: list[tuple[int, int, str]] = []
    for start, end in _axis_groups(svg):
        runs: dict[tuple[str, str], list[re.Match[str]]] = {}
        for use in _TICK.finditer(svg, start, end):
            runs.setdefault((use.group(1), use.group(4) or ""), []).append(use)
        for (name, use_style), uses in runs.items():
            d, def_style = defs.get(name, ("", ""))
            # the definition's coordinates rounded as `_compact` rounds them: the ticks keep their pixels
            relative = _relative(_DECIMAL.sub(_short_number, d)) if d else None
            if len(uses) < 2 or relative is None or "opacity" in use_style + def_style:
                continue
            x0, y0, rest = relative
            moved = "".join(
                f"M{_number(round(x0, 1) + round(float(u.group(2)), 1))} {_number(round(y0, 1) + round(float(u.group(3)), 1))}{rest}"
                for u in uses
            )
            style = "; ".join(part for part in (use_style, def_style) if part)  # the definition's own style wins
            edits += [(u.start(), u.end(), "") for u in uses[:-1]]
            edits.append((uses[-1].start(), uses[-1].end(), f'<path d="{moved}"' + (f' style="{style}"' if style else "") + "/>"))
    if edits:
        out, position = [], 0
        for begin, finish, text in sorted(edits):
            out += [svg[position:begin], text]
            position = finish
        out.append(svg[position:])
        svg = "".join(out)
    return _unused_definitions_dropped(svg)


def _unused_definitions_dropped(svg: str) -> str:
    """``svg`` without the path definitions in its ``<defs>`` that nothing refers to (a tick definition whose
    ticks became one path, also in a panel cut from a figure whose ticks were merged), and without a ``<defs>``
    left empty."""
    referenced = set(re.findall(r'href="#([^"]+)"', svg))

    def pruned(defs: re.Match[str]) -> str:
        inner = _MARK_DEF.sub(lambda m: m.group(0) if m.group(1) in referenced else "", defs.group(1))
        return f"<defs>{inner}</defs>{defs.group(2)}" if inner.strip() else ""

    return re.sub(r"<defs>(.*?)</defs>(\s*)", pruned, svg, flags=re.S)


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
