"""The CSS animation helper: every chosen line is animated, in step order, and motion can be turned off."""

import re

import numpy as np
import pytest

from studynotes.optim import animated_figure_html
from studynotes.plotting import figure


def make_figure():
    fig, ax = figure(width=4.0, height=3.0)
    t = np.arange(11.0)
    slow = ax.plot(t, t)[0]  # straight: equal length per step
    zig = ax.plot(t, (-1.0) ** np.arange(11))[0]
    return fig, [slow, zig]


def test_paths_get_keyframes_and_reduced_motion_rule():
    fig, lines = make_figure()
    html = animated_figure_html(fig, lines, alt="two lines", caption="cap", wrapper_id="demo-anim", duration=6.0, hold=0.2)
    assert html.startswith('<div id="demo-anim"') and "\n\n" not in html
    assert html.count('pathLength="1"') == 2
    assert "@keyframes demo-anim-0" in html and "@keyframes demo-anim-1" in html
    assert re.search(r"@media \(prefers-reduced-motion: reduce\)\{#demo-anim [^}]*animation:none", html)
    # The straight line's drawn fraction grows linearly with the step: at 40% of the drawing phase, 50% drawn.
    frames = dict(re.findall(r"([\d.]+)%\{stroke-dashoffset:([\d.]+)\}", html.split("@keyframes demo-anim-0")[1].split("@keyframes")[0]))
    assert float(frames["40.00"]) == pytest.approx(0.5, abs=1e-3)
    assert "<figcaption>cap</figcaption>" in html


def test_bad_arguments():
    fig, lines = make_figure()
    with pytest.raises(ValueError, match="wrapper_id"):
        animated_figure_html(fig, lines, alt="a", caption=None, wrapper_id="1 bad")
    with pytest.raises(ValueError, match="hold"):
        animated_figure_html(fig, lines, alt="a", caption=None, wrapper_id="ok", hold=1.0)
    other, _ = make_figure()
    with pytest.raises(ValueError, match="lines"):
        animated_figure_html(other, lines, alt="a", caption=None, wrapper_id="ok")
