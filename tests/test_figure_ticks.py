"""Tick marks drawn as one path per axis (studynotes.plotting.svg._merged_ticks): an axis of ten ticks is one
element on the page, not ten, and every tick is still drawn where matplotlib put it, with its shape."""

from __future__ import annotations

import re

import numpy as np

from studynotes.i18n import collecting
from studynotes.plotting import figure, figure_html
from studynotes.plotting.svg import _AXIS, _axis_groups, _svg_text


def plot(**tick_style):
    fig, ax = figure(width=4.0, height=3.0)
    ax.plot(np.arange(10), np.arange(10) ** 2, "-")
    ax.grid(True)
    ax.minorticks_on()
    if tick_style:
        ax.tick_params(which="both", **tick_style)
    ax.set(xlabel="x", ylabel="y")
    return fig


def on_site(fig) -> str:
    with collecting(("ko", "en")):
        return re.search(r"<svg\b.*?</svg>", str(figure_html(fig)), re.S).group(0)


def matplotlib_ticks(raw: str) -> list[set[tuple[float, float]]]:
    """Each (axis, tick definition)'s ticks as matplotlib wrote them: the definition's first point moved to
    each ``<use>``, in points rounded to 0.1 (as the site rounds every coordinate)."""
    first = {
        name: tuple(map(float, re.match(r"M\s*(-?[\d.]+)\s+(-?[\d.]+)", d).groups()))
        for name, d in re.findall(r'<path id="([^"]+)" d="([^"]+)"', raw)
    }
    found = []
    for start, end in _axis_groups(raw):
        by_definition: dict[str, set] = {}
        for href, x, y in re.findall(r'<use xlink:href="#([^"]+)" x="([^"]+)" y="([^"]+)"', raw[start:end]):
            point = (round(first[href][0] + round(float(x), 1), 1), round(first[href][1] + round(float(y), 1), 1))
            by_definition.setdefault(href, set()).add(point)
        found += by_definition.values()
    return found


def starts(d: str) -> set[tuple[float, float]]:
    return {(float(x), float(y)) for x, y in re.findall(r"M(-?[\d.]+) (-?[\d.]+)", d)}


def test_each_axis_draws_its_ticks_as_one_path_through_every_tick() -> None:
    fig = plot()
    raw = _svg_text(fig)
    assert len(_AXIS.findall(raw)) == 2
    expected = matplotlib_ticks(raw)
    assert len(expected) == 4 and all(len(ticks) >= 4 for ticks in expected)  # major and minor, x and y
    svg = on_site(fig)
    assert "<use" not in svg  # a line plot without markers: nothing is drawn as a <use> any more
    paths = [d for d in re.findall(r'<path d="([^"]+)"', svg) if re.fullmatch(r"(?:M-?[\d.]+ -?[\d.]+l-?[\d.]+ -?[\d.]+)+", d)]
    drawn = [starts(d) for d in paths]
    for ticks in expected:
        matching = [s for s in drawn if s == ticks]
        assert len(matching) == 1, f"the {len(ticks)} ticks at {sorted(ticks)[:3]}... are not one path"
    # each tick keeps its length and direction: every subpath is the same relative line
    for d in paths:
        assert len(set(re.findall(r"l-?[\d.]+ -?[\d.]+", d))) == 1, d
    assert len(re.findall(r"<[a-zA-Z]", svg)) < len(re.findall(r"<use\b", raw)) + 40


def test_the_same_figure_gives_the_same_svg() -> None:
    assert on_site(plot()) == on_site(plot())


def test_translucent_ticks_stay_apart() -> None:
    raw = _svg_text(plot(color=(0, 0, 0, 0.5)))
    assert "opacity" in raw
    svg = on_site(plot(color=(0, 0, 0, 0.5)))
    assert len(re.findall(r"<use\b", svg)) == sum(len(t) for t in matplotlib_ticks(raw))
