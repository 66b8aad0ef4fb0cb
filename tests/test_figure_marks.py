"""Markers drawn as one path per run (studynotes.plotting.svg._merged_marks): a scatter of 40 points is one
element on the page, not 40, and every point is still drawn where matplotlib put it."""

from __future__ import annotations

import re

import numpy as np

from studynotes.i18n import collecting
from studynotes.plotting import figure, figure_html
from studynotes.plotting.svg import _compact, _prefix_ids, _svg_text

N = 40


def scatter(**style):
    fig, ax = figure(width=4.0, height=3.0)
    rng = np.random.default_rng(3)
    ax.plot(rng.random(N), rng.random(N), "o", **style)
    ax.set(xlabel="x", ylabel="y")
    return fig


def on_site(fig) -> str:
    with collecting(("ko", "en")):
        return re.search(r"<svg\b.*?</svg>", str(figure_html(fig)), re.S).group(0)


def points(svg: str) -> list[tuple[float, float]]:
    """Where matplotlib drew each marker: its definition's first point moved to each ``<use>``."""
    first = {
        name: tuple(map(float, re.match(r"M(-?[\d.]+) (-?[\d.]+)", d).groups()))
        for name, d in re.findall(r'<path id="([^"]+)" d="([^"]+)"', svg)
    }
    return sorted(
        (round(first[href][0] + float(x), 1), round(first[href][1] + float(y), 1))
        for href, x, y in re.findall(r'<use xlink:href="#([^"]+)" x="([^"]+)" y="([^"]+)"', svg)
        if href in first
    )


def subpath_starts(d: str) -> list[tuple[float, float]]:
    return [(float(x), float(y)) for x, y in re.findall(r"M(-?[\d.]+) (-?[\d.]+)", d)]


def test_a_run_of_one_marker_is_one_path_through_every_point() -> None:
    fig = scatter()
    drawn = _prefix_ids(_compact(_svg_text(fig)))
    expected = points(drawn)
    assert len(expected) >= N  # the scatter's markers (and the axes' ticks)
    svg = on_site(fig)
    assert len(re.findall(r"<use\b", svg)) <= len(expected) - N + 1
    merged = [d for d in re.findall(r'<path d="([^"]+)"', svg) if len(subpath_starts(d)) == N]
    assert len(merged) == 1, "the 40 markers are not one path"
    starts = sorted(subpath_starts(merged[0]))
    scattered = sorted(p for p in expected if p in set(starts))
    assert len(scattered) == N and all(abs(a[0] - b[0]) <= 0.11 and abs(a[1] - b[1]) <= 0.11 for a, b in zip(starts, scattered))
    assert len(re.findall(r"<[a-zA-Z]", svg)) < len(re.findall(r"<[a-zA-Z]", drawn)) - N + 5


def test_marks_whose_overlaps_would_look_different_stay_apart() -> None:
    # translucent marks darken where they overlap; an outline of another colour is drawn over the next mark's fill
    for style in ({"alpha": 0.5}, {"markeredgecolor": "white", "markeredgewidth": 1.5}):
        svg = on_site(scatter(**style))
        assert len(re.findall(r"<use\b", svg)) >= N, style
