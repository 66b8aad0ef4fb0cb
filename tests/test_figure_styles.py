"""No figure tells its series apart by colour alone.

Each snippet runs in this process with the figure-producing functions wrapped, so that the matplotlib
figures it hands over can be inspected. On every axes with two or more labelled series (lines, bars,
scatters, step histograms), any two series must differ in something other than colour (dash pattern,
marker or hatch), unless both are labelled directly on the plot
(`label_lines`, or any text on the axes that repeats the series' label).
"""

from __future__ import annotations

import runpy
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

from matplotlib.collections import PathCollection  # noqa: E402
from matplotlib.container import BarContainer  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

from sitetools import ROOT  # noqa: E402

SNIPPETS = sorted((ROOT / "snippets").glob("*/*.py"))
HANDOVERS = [("studynotes.plotting", "figure_html"), ("studynotes.plotting", "switch_figure_html"),
             ("studynotes.optim", "race_figure_html")]


def run_and_collect(path: Path, monkeypatch) -> list:
    import importlib

    figures = []
    for module_name, name in HANDOVERS:
        module = importlib.import_module(module_name)
        real = getattr(module, name)

        def wrapped(fig, *args, _real=real, **kwargs):
            out = _real(fig, *args, **kwargs)  # the real function draws (the race draws its paths) and renders
            figures.append(fig)
            return out

        monkeypatch.setattr(module, name, wrapped)
    monkeypatch.chdir(path.parent)
    runpy.run_path(str(path), run_name="__main__")
    return figures


def line_style(line: Line2D) -> tuple:
    offset, dashes = line._unscaled_dash_pattern  # the dash pattern as drawn ("-" is (0, None))
    visible_line = line.get_linestyle() not in ("None", "", " ")
    marker = line.get_marker() if line.get_marker() not in ("None", "", " ", None) else None
    return ("line", tuple(dashes) if dashes and visible_line else visible_line, marker, line.get_drawstyle())


def series_of(ax) -> list[tuple[str, tuple, float]]:
    """(label, style key, width) for each labelled series drawn in ``ax``."""
    found = []
    for line in ax.get_lines():
        if not str(line.get_label()).startswith("_"):
            found.append((line.get_label(), line_style(line), line.get_linewidth()))
    for container in ax.containers:
        if isinstance(container, BarContainer) and not str(container.get_label()).startswith("_"):
            first = container.patches[0]
            found.append((container.get_label(), ("bar", first.get_hatch() or None), 0.0))
    for coll in ax.collections:
        if isinstance(coll, PathCollection) and not str(coll.get_label()).startswith("_"):
            path = coll.get_paths()[0]
            found.append((coll.get_label(), ("scatter", path.vertices.round(3).tobytes(), coll.get_hatch()), 0.0))
    for patch in ax.patches:
        if isinstance(patch, Patch) and not str(patch.get_label()).startswith("_") and patch.get_label():
            found.append((patch.get_label(), ("patch", patch.get_linestyle(), patch.get_hatch()), patch.get_linewidth()))
    return found


def distinguishable(a, b, direct: set[str]) -> bool:
    (label_a, style_a, _), (label_b, style_b, _) = a, b
    if label_a in direct and label_b in direct:
        return True
    return style_a != style_b


def colour_only_pairs(fig) -> list[tuple[str, str]]:
    bad = []
    for ax in fig.get_axes():
        direct = {t.get_text() for t in ax.texts}
        series = series_of(ax)
        bad += [(a[0], b[0]) for i, a in enumerate(series) for b in series[i + 1 :] if not distinguishable(a, b, direct)]
    return bad


def test_the_check_catches_a_colour_only_figure_and_passes_the_remedies():
    import matplotlib.pyplot as plt

    from studynotes.plotting import label_lines

    fig, ax = plt.subplots()
    ax.plot([0, 1], [0, 1], label="a")
    ax.plot([0, 1], [1, 0], label="b")
    assert colour_only_pairs(fig) == [("a", "b")]
    ax.lines[1].set_linestyle("--")
    assert colour_only_pairs(fig) == []
    ax.lines[1].set_linestyle("-")
    label_lines(ax)
    assert colour_only_pairs(fig) == []
    fig2, bx = plt.subplots()
    bx.bar([0, 1], [1, 2], label="x")
    bx.bar([0.3, 1.3], [1, 2], label="y")
    assert colour_only_pairs(fig2) == [("x", "y")]
    bx.containers[1].patches[0].set_hatch("//")
    assert colour_only_pairs(fig2) == []
    plt.close("all")


@pytest.mark.parametrize("path", SNIPPETS, ids=[f"{p.parent.name}/{p.name}" for p in SNIPPETS])
def test_no_figure_tells_series_apart_by_colour_alone(path, monkeypatch, tmp_path):
    import matplotlib.pyplot as plt

    monkeypatch.setenv("STUDYNOTES_FIGURES", str(tmp_path))
    figures = run_and_collect(path, monkeypatch)
    if "figure_html(" in path.read_text(encoding="utf-8"):
        assert figures, f"{path.name} draws a figure but none was handed over"
    bad = [pair for fig in figures for pair in colour_only_pairs(fig)]
    plt.close("all")
    assert not bad, f"{path.name}: series told apart by colour only: {bad}"
