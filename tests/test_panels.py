"""A figure of several axes on the site: one SVG per panel, cut where the figure's grid divides it (issue 24).

The browser tests (tests/browser/test_figures.py) check what a reader sees: every panel inside its column at
390 and 1280 px with legible text. These check the cutting itself: what goes into which panel, that the
panels tile the figure as drawn, that nothing is cut off and every reference resolves, and that a figure or
panel too wide for a phone is refused at build time.
"""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
import pytest

from studynotes.i18n import collecting
from studynotes.plotting import PHONE_COLUMN_PX, PHONE_PX, figure, figure_html, switch_figure_html
from studynotes.plotting.svg import _compact, _merged_ticks, _svg_text


def on_site(make, **kwargs) -> str:
    """The markup the site gets for the figure ``make()`` returns."""
    with collecting(("ko", "en")):
        return str(figure_html(make(), **kwargs))


def svgs(html: str) -> list[str]:
    return re.findall(r"<svg\b.*?</svg>", html, re.S)


def view_box(svg: str) -> tuple[float, ...]:
    return tuple(float(v) for v in re.search(r'viewBox="([^"]*)"', svg).group(1).split())


def texts(svg: str) -> list[str]:
    return re.findall(r"<text\b[^>]*>([^<]*)</text>", svg)


def two_panels(width: float = 6.0):
    fig, (a, b) = figure(1, 2, width=width, height=2.6, sharey=True)
    a.plot([0, 1, 2], [0, 1, 4])
    b.plot([0, 1, 2], [4, 1, 0])
    a.set(xlabel="first x", ylabel="shared y")
    b.set(xlabel="second x")
    return fig


def test_a_figure_of_two_axes_becomes_two_panels_that_tile_it() -> None:
    html = on_site(two_panels)
    box = re.search(r'<div class="sn-figure__svg sn-figure__panels"[^>]*>', html).group(0)
    assert 'role="img"' in box and 'tabindex="0"' in box and "data-search-exclude" in box
    first, second = svgs(html)
    for svg in (first, second):
        assert 'aria-hidden="true"' in svg and 'role="img"' not in svg
        assert re.search(r"--sn-w10:\d+px;--sn-w11:\d+px;--sn-g:\d+", svg)
    (x1, y1, w1, h1), (x2, y2, w2, h2) = view_box(first), view_box(second)
    # side by side, the second starts where the first ends, on the same rows: the figure as drawn
    assert x2 == pytest.approx(x1 + w1, abs=0.01) and (y1, h1) == (y2, h2)
    assert 0 <= x1 and x2 + w2 <= 6.0 * 72 + 0.01
    # each panel holds its own axes' words
    assert "first x" in texts(first) and "shared y" in texts(first) and "first x" not in texts(second)
    assert "second x" in texts(second) and "second x" not in texts(first)


def test_a_shared_axis_shows_its_tick_labels_in_each_panel() -> None:
    first, second = svgs(on_site(two_panels))
    ticks = lambda svg: [t for t in texts(svg) if re.fullmatch(r"[−\d.]+", t)]  # noqa: E731
    # sharey hid the second panel's y tick labels; on a phone the first panel may be a screen away
    assert len(ticks(second)) == len(ticks(first)) >= 8  # x ticks of its own, and the shared y ticks


def test_ids_are_unique_and_every_reference_resolves_inside_its_own_panel() -> None:
    def make():
        fig, axes = figure(1, 3, width=7.0, height=2.4)
        for k, ax in enumerate(axes):
            ax.plot(np.arange(5), np.arange(5) ** k, marker="o")  # markers: a <use> of one definition per line
        return fig

    html = on_site(make)
    every = Counter(re.findall(r'\bid="([^"]+)"', html))
    assert every and max(every.values()) == 1, [name for name, n in every.items() if n > 1]
    for svg in svgs(html):
        own = set(re.findall(r'\bid="([^"]+)"', svg))
        wanted = {a or b for a, b in re.findall(r'url\(#([^)]+)\)|href="#([^"]+)"', svg)}
        assert wanted and wanted <= own, wanted - own


def test_nothing_drawn_falls_outside_its_panel() -> None:
    from studynotes.plotting.panels import cut, pieces

    fig = two_panels()
    found = pieces(fig)
    cut(fig, found, _svg_text)  # draws the figure and measures each panel's box on that layout
    renderer = fig._get_renderer()
    height = fig.get_figheight() * 72
    for piece in found:
        left, top, right, bottom = piece.box
        for ax in piece.artists:
            drawn = ax.get_tightbbox(renderer)
            scale = 72 / fig.dpi
            assert left <= drawn.x0 * scale and drawn.x1 * scale <= right
            assert top <= height - drawn.y1 * scale and height - drawn.y0 * scale <= bottom


def test_what_makes_one_panel() -> None:
    def grid():
        # a strip over a plot sharing its x axis, a heat map with its colorbar, and an empty corner
        fig, axes = figure(2, 3, width=7.0, height=3.6, gridspec_kw=dict(height_ratios=[1, 2]))
        axes[1, 0].sharex(axes[0, 0])
        for ax in axes[:, 0]:
            ax.plot([0, 1], [0, 1])
        axes[0, 1].axis("off")
        image = axes[1, 1].imshow(np.eye(3))
        fig.colorbar(image, ax=axes[1, 1], label="colour key")
        axes[0, 2].plot([0, 1], [1, 0], label="a line")
        axes[1, 2].plot([0, 1], [1, 0])
        fig.legend(loc="outside lower center")
        return fig

    html = on_site(grid)
    pieces = svgs(html)
    # the strip and its plot; the heat map with its colorbar; two plain axes; the figure legend as a key
    assert len(pieces) == 5
    assert "colour key" in texts(pieces[2])
    key = re.search(r'<div class="sn-figure__key"><svg\b.*?</svg></div>', html, re.S)
    assert key and "a line" in texts(key.group(0)) and html.index(key.group(0)) > html.index(pieces[3])


def test_outside_the_site_and_with_reflow_off_a_figure_stays_one_svg() -> None:
    standalone = str.__str__(figure_html(two_panels()))
    assert len(svgs(standalone)) == 1 and 'role="img"' in svgs(standalone)[0]
    kept = on_site(lambda: two_panels(width=4.8), reflow=False)  # one SVG must fit a phone as a whole
    assert len(svgs(kept)) == 1 and "sn-figure__panels" not in kept
    with pytest.raises(TypeError, match="reflow"):
        figure_html(two_panels(), reflow="no")


def test_a_figure_too_wide_for_a_phone_is_refused_with_the_width_it_may_have() -> None:
    def wide():
        fig, ax = figure(width=6.0, height=3.0)
        ax.plot([0, 1], [0, 1])
        return fig

    with pytest.raises(ValueError, match=r"too wide for a phone.*at most 4\.9 inches wide \(now 6\)"):
        on_site(wide)
    # the width it names fits: the smallest text then reads at 10 px in a phone's column
    def narrow():
        fig, ax = figure(width=4.9, height=3.0)
        ax.plot([0, 1], [0, 1])
        return fig

    w10 = int(re.search(r"--sn-w10:(\d+)px", on_site(narrow)).group(1))
    assert w10 <= PHONE_COLUMN_PX and 0 < w10 - 4.9 * 72 * PHONE_PX / 10 <= 2.01  # the width, rounded up, plus 1 px

    def wide_panels():
        fig, axes = figure(1, 2, width=11.0, height=3.0)
        for ax in axes:
            ax.plot([0, 1], [0, 1])
        return fig

    with pytest.raises(ValueError, match="panel 1 of the figure is too wide"):
        on_site(wide_panels)


def test_a_driven_figure_keeps_what_its_script_looks_up_in_each_panel() -> None:
    fig, (a, b) = figure(1, 2, width=6.0, height=2.6)
    (left,) = a.plot([0, 1], [0, 1])
    (right,) = b.plot([0, 1], [1, 0])
    frames = np.zeros((2, 2, 2, 2))
    with collecting(("ko", "en")):
        html = str(switch_figure_html(fig, [left, right], frames, options=["a", "b"], label="x", wrapper_id="w"))
    first, second = svgs(html)
    for svg, k in ((first, 0), (second, 1)):
        # the line, and the axes background patch whose path gives the axes' box, each in its own panel
        assert re.search(rf'id="f[0-9a-f]{{8}}-sn-switch-line-{k}"><path d=', svg)
        assert re.search(rf'id="f[0-9a-f]{{8}}-sn-switch-axes-{k}"><path d="M', svg)


def test_groups_that_carry_nothing_are_dropped_and_every_mark_stays() -> None:
    fig = two_panels()
    raw = _svg_text(fig)
    compact = _compact(raw)
    marks = lambda svg: sorted(re.findall(r"<(?:path|use|text)\b", svg))  # noqa: E731
    assert not re.search(r"<g>|<g\s*/>", compact)
    # only the background patches drawn in no colour (the figure's and each axes') are gone (each axis's
    # ticks are one path already: tests/test_figure_ticks.py)
    assert len(marks(_merged_ticks(raw))) - len(marks(compact)) == 3
    assert texts(compact) == texts(raw)
    assert len(re.findall(r"<[a-zA-Z]", compact)) < 0.6 * len(re.findall(r"<[a-zA-Z]", raw))
