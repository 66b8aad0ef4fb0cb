"""Tick marks drawn as one path per axis (studynotes.plotting.svg._merged_ticks) look as matplotlib's one <use>
per tick: the same figure, drawn both ways in Chromium, puts the same ink in the same places. (Not bit for bit:
Skia antialiases a path of one line, what a <use> draws, a little differently from a path of many; that moves
no pixel by more than a few grey levels, while a tick 0.1 pt longer or off by 0.1 pt changes edge pixels by
about a quarter of the contrast.)"""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from studynotes.plotting import figure, svg as svg_module
from studynotes.plotting.svg import _compact, _svg_text

pytestmark = pytest.mark.browser


def busy_axes():
    """Major and minor ticks on every side, in and out, over a grid, with a log axis and a second axes."""
    fig, (a, b) = figure(1, 2, width=6.0, height=2.6)
    x = np.linspace(0.1, 10, 50)
    a.plot(x, np.sin(x), "-")
    a.grid(True)
    a.minorticks_on()
    a.tick_params(which="both", direction="inout", top=True, right=True)
    b.semilogy(x, np.exp(x), "-")
    b.grid(True, which="both")
    b.tick_params(which="major", length=6, width=1.5, color="tab:red")
    return fig


def pixels(page, svg: str) -> Image.Image:
    page.set_content(f'<body style="margin:0;background:#fff;color:#222">{svg}</body>')
    return Image.open(io.BytesIO(page.locator("svg").screenshot())).convert("RGB")


def test_ticks_as_one_path_give_the_same_pixels(browser, monkeypatch) -> None:
    raw = _svg_text(busy_axes())
    merged = _compact(raw)
    monkeypatch.setattr(svg_module, "_merged_ticks", lambda svg: svg)
    apart = _compact(raw)
    assert merged.count("<use") == 0 and apart.count("<use") > 40
    context = browser.new_context(viewport={"width": 900, "height": 500}, device_scale_factor=2)
    try:
        page = context.new_page()
        before, after = pixels(page, apart), pixels(page, merged)
    finally:
        context.close()
    assert before.size == after.size
    a = np.asarray(before.convert("L"), dtype=float)
    b = np.asarray(after.convert("L"), dtype=float)
    ink = (255 - a).sum()
    assert ink > 255 * 2000  # something was drawn
    worst = np.abs(a - b).max()
    where = np.argwhere(np.abs(a - b) == worst)[0]
    assert worst <= 40, f"a pixel changed by {worst:.0f} of 255 grey levels at (y, x) = {tuple(where)}"
    assert abs((255 - b).sum() - ink) <= 1e-3 * ink, "the ink drawn differs"
