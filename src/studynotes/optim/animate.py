"""Animate lines of a matplotlib figure in the page, with CSS only (no JavaScript, no video).

Each chosen line "draws itself" along its path, step by step, then holds and loops. The SVG comes
from `studynotes.plotting.figure_html`, so the animated figure keeps the page's colors in
light and dark mode. Readers who ask for reduced motion get the finished, static figure.

Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).
"""

from __future__ import annotations

import html
import functools
import re
import warnings
from collections.abc import Sequence
from typing import Any

import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from .._validate import check_array, check_int, check_real
from .optimizers import _iterate
from ..i18n import escape_placeholders
from ..plotting.driven import _still_outside_site, pack_int16
from ..plotting.markup import _outside_site, figure_html

__all__ = ["RACE_METHODS", "animated_figure_html", "race_figure_html", "race_grid"]

_WRAPPER_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]*$")


def _progress(line: Line2D, num_keyframes: int) -> tuple[np.ndarray, np.ndarray]:
    """Fraction of the line's drawn length after each step, at up to `num_keyframes` steps."""
    xy = line.get_transform().transform(np.column_stack(line.get_data()).astype(float))
    seg = np.hypot(*np.diff(xy, axis=0).T)
    cum = np.concatenate([[0.0], np.cumsum(seg)])
    total = cum[-1] if cum[-1] > 0 else 1.0
    steps = np.unique(np.linspace(0, len(cum) - 1, min(num_keyframes, len(cum))).round().astype(int))
    return steps / max(len(cum) - 1, 1), cum[steps] / total


def animated_figure_html(
    fig: Figure,
    lines: Sequence[Line2D],
    *,
    wrapper_id: str,
    alt: str | None = None,
    caption: str | None = None,
    duration: float = 8.0,
    hold: float = 0.25,
    num_keyframes: int = 80,
) -> str:
    r"""Render `fig` like `studynotes.plotting.figure_html`, with `lines` drawing themselves.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).

    Point $k$ of a line with $n$ points is reached at the fraction $k/(n-1)$ of the
    drawing phase, so lines with one point per optimization step move in step with each other
    (a zig-zag does not fall behind because its path is longer). Every animated `<path>` gets
    `pathLength="1"` and a CSS `stroke-dashoffset` animation whose keyframes are its cumulative
    drawn length; the `<style>` is scoped to `#wrapper_id` and switched off under
    `prefers-reduced-motion: reduce`.

    Parameters
    ----------
    fig
        Figure made with `studynotes.plotting.figure`.
    lines
        Lines of `fig` to animate (solid lines without markers).
    alt, caption
        As for `studynotes.plotting.figure_html`.
    wrapper_id
        HTML id of the wrapping element, unique on the page (letters, digits, `-`, `_`).
    duration
        Seconds per loop (drawing plus holding), $> 0$.
    hold
        Fraction of the loop spent showing the finished figure, in $[0, 1)$.
    num_keyframes
        At most this many keyframes per line (between them the drawing is linear), $\ge 2$.

    Returns
    -------
    str
        HTML: a `<div>` holding the `<style>` and the `<figure>`, with no blank lines.
    """
    if not isinstance(wrapper_id, str) or not _WRAPPER_ID.match(wrapper_id):
        raise ValueError(f"wrapper_id must be an HTML id (letters, digits, '-', '_'), got {wrapper_id!r}")
    duration = check_real("duration", duration, low=0.0, low_open=True)
    hold = check_real("hold", hold, low=0.0, high=1.0, high_open=True)
    num_keyframes = check_int("num_keyframes", num_keyframes, minimum=2)
    if not lines:
        raise ValueError("lines must name at least one line of fig")
    for i, line in enumerate(lines):
        if not isinstance(line, Line2D) or line.figure is not fig:
            raise ValueError(f"lines[{i}] must be a Line2D drawn in fig")
        line.set_gid(f"sn-anim-{i}")
    with warnings.catch_warnings():
        # Layout is measured with matplotlib's Latin font; Hangul labels are drawn later by the browser.
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        fig.draw_without_rendering()  # final layout, so the display transforms are the saved ones
    progress = [_progress(line, num_keyframes) for line in lines]
    html = figure_html(fig, alt=alt, caption=caption)

    css = [f"#{wrapper_id} .sn-anim-path{{stroke-dasharray:1 1;animation:{duration:g}s linear infinite both}}"]
    for i, (when, drawn) in enumerate(progress):
        name = f"{wrapper_id}-{i}"
        pattern = re.compile(rf'(<g id="[^"]*-sn-anim-{i}"[^>]*>\s*<path)')
        html, found = pattern.subn(rf'\1 class="sn-anim-path sn-anim-{i}" pathLength="1"', html, count=1)
        if not found:
            raise ValueError(f"lines[{i}] was not drawn as an SVG path (is it visible and inside the axes?)")
        frames = "".join(
            f"{100 * (1 - hold) * w:.2f}%{{stroke-dashoffset:{1 - d:.4f}}}" for w, d in zip(when, drawn, strict=True)
        )
        css.append(f"@keyframes {name}{{{frames}100%{{stroke-dashoffset:0}}}}")
        css.append(f"#{wrapper_id} .sn-anim-{i}{{animation-name:{name}}}")
    css.append(
        f"@media (prefers-reduced-motion: reduce){{#{wrapper_id} .sn-anim-path{{animation:none;stroke-dasharray:none}}}}"
    )
    return _outside_site(f'<div id="{wrapper_id}" class="sn-animated">\n<style>{"".join(css)}</style>\n{html}\n</div>')


RACE_METHODS = ("sgd", "sgd_momentum", "nesterov_momentum")
"""The update rules of `race_grid`, in the order of its paths."""
MAX_RACE_UPDATES = 2_000_000
"""Most optimizer updates `race_grid` runs (about a minute at some 30 µs an update); the page's grid needs 4,320."""
_STYLES = ("-", "--", "-.")  # one dash pattern per method, so the race reads without colour


@functools.lru_cache(maxsize=4)
def _race_grid(kappa: float, start: tuple[float, float], num_steps: int, lrs: tuple[float, ...], rhos: tuple[float, ...]) -> np.ndarray:
    from .experiments import _RULES  # noqa: PLC0415 - experiments imports this module's neighbours
    from .functions import ill_conditioned_quadratic

    f = ill_conditioned_quadratic(kappa)
    x0 = np.array(start, dtype=float)
    paths = np.empty((len(RACE_METHODS), len(lrs), len(rhos), num_steps + 1, 2))
    with np.errstate(over="ignore", invalid="ignore"):
        for i, lr in enumerate(lrs):
            # momentum does not act on SGD
            paths[0, i] = _iterate(_RULES["sgd"], f.grad, x0, num_steps, {"learning_rate": lr}, stop_when_diverged=True)
            for j, rho in enumerate(rhos):
                for m, name in enumerate(RACE_METHODS[1:], start=1):
                    config = {"learning_rate": lr, "momentum": rho}
                    paths[m, i, j] = _iterate(_RULES[name], f.grad, x0, num_steps, config, stop_when_diverged=True)
    paths.flags.writeable = False
    return paths


def race_grid(
    learning_rates: Sequence[float],
    momenta: Sequence[float],
    *,
    kappa: float = 100.0,
    start: tuple[float, float] = (-10.0, 1.0),
    num_steps: int = 120,
) -> np.ndarray:
    r"""Paths of SGD, SGD+Momentum and Nesterov on $f = \tfrac12(x^2 + \kappa y^2)$ over a grid of hyperparameters.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).

    The grid behind the interactive optimizer race: every learning rate against every momentum, so
    that a page can show any cell without computing anything. Cached by its arguments.

    Parameters
    ----------
    learning_rates
        Learning rates $\alpha > 0$ (increasing).
    momenta
        Momentum coefficients $\rho \in [0, 1)$ (increasing); plain SGD ignores them.
    kappa
        Condition number of the quadratic, $> 1$.
    start
        Starting point $(x, y)$.
    num_steps
        Steps per run, at least 1. The whole grid runs at most `MAX_RACE_UPDATES` updates
        (``(len(learning_rates) + 2 * len(learning_rates) * len(momenta)) * num_steps``); a larger one is
        refused before anything runs.

    Returns
    -------
    numpy.ndarray
        Read-only array of shape ``(3, len(learning_rates), len(momenta), num_steps + 1, 2)``: method
        (`RACE_METHODS`), learning rate, momentum, step, coordinate. A diverging run may hold
        infinities or NaN after it leaves every plotting range.
    """
    lrs = tuple(float(v) for v in check_array("learning_rates", learning_rates, ndim=1))
    rhos = tuple(float(v) for v in check_array("momenta", momenta, ndim=1))
    if not lrs or min(lrs) <= 0 or list(lrs) != sorted(lrs):
        raise ValueError(f"learning_rates must be positive and increasing, got {lrs}")
    if not rhos or min(rhos) < 0 or max(rhos) >= 1 or list(rhos) != sorted(rhos):
        raise ValueError(f"momenta must be increasing values in [0, 1), got {rhos}")
    kappa = check_real("kappa", kappa, low=1.0, low_open=True)
    x0 = check_array("start", start, ndim=1)
    if x0.shape != (2,):
        raise ValueError(f"start must be a point (x, y), got shape {x0.shape}")
    num_steps = check_int("num_steps", num_steps, minimum=1)
    updates = (len(lrs) + 2 * len(lrs) * len(rhos)) * num_steps
    if updates > MAX_RACE_UPDATES:
        raise ValueError(
            f"learning_rates, momenta and num_steps ask for too many updates: {len(lrs)} learning rates x {len(rhos)} momenta "
            f"x {num_steps} steps make {updates:,} updates, limit {MAX_RACE_UPDATES:,} (about a minute); use fewer of them"
        )
    return _race_grid(kappa, (float(x0[0]), float(x0[1])), num_steps, lrs, rhos)


def race_figure_html(
    fig: Figure,
    path_axes: Any,
    loss_axes: Any,
    paths: np.ndarray,
    *,
    learning_rates: Sequence[float],
    momenta: Sequence[float],
    kappa: float,
    labels: dict[str, Any],
    selected: tuple[int, int] = (0, 0),
    wrapper_id: str = "sn-race",
) -> str:
    r"""The optimizer race as a figure the reader drives: play/pause, a step slider, and sliders over the grid.

    Introduced in: [Lecture 7. Training Neural Networks II](https://studynotes.github.io/studynotes/en/posts/cs231n-lecture-7/).

    Draws the paths of `race_grid`'s three methods for the ``selected`` cell into ``path_axes``
    and their losses $\tfrac12(x^2+\kappa y^2)$ into ``loss_axes`` (log scale), so the figure reads
    without JavaScript; the whole grid goes into the page packed by `studynotes.plotting.pack_int16`, and
    ``docs/javascripts/figures.js`` redraws the lines for the chosen step, learning rate and momentum.

    Parameters
    ----------
    fig
        Figure made with `studynotes.plotting.figure`, holding both axes.
    path_axes
        Axes with the contours, limits and labels already set: the paths go here.
    loss_axes
        Axes for the loss per step (limits and labels set, log scale is applied here).
    paths
        The array returned by `race_grid` for ``learning_rates`` and ``momenta``.
    learning_rates
        The grid's learning rates, as passed to `race_grid`.
    momenta
        The grid's momenta, as passed to `race_grid`.
    kappa
        The condition number the grid was run with.
    labels
        Words of the controls: ``names`` (three method names), ``play``, ``pause``, ``step``,
        ``lr``, ``momentum`` and ``controls`` (the name of the group of controls).
    selected
        Indices (learning rate, momentum) of the cell shown first.
    wrapper_id
        HTML id of the wrapper, unique on the page.

    Returns
    -------
    str
        HTML: a ``<div class="sn-race">`` holding the controls and the figure, with no blank lines.
    """
    lrs = [float(v) for v in learning_rates]
    rhos = [float(v) for v in momenta]
    if not isinstance(paths, np.ndarray) or paths.shape[:3] != (len(RACE_METHODS), len(lrs), len(rhos)) or paths.shape[-1] != 2:
        raise ValueError(f"paths must be race_grid's array for {len(lrs)} learning rates and {len(rhos)} momenta")
    if not isinstance(wrapper_id, str) or not _WRAPPER_ID.match(wrapper_id):
        raise ValueError(f"wrapper_id must be an HTML id (letters, digits, '-', '_'), got {wrapper_id!r}")
    i, j = (check_int("selected", v, minimum=0) for v in selected)
    if i >= len(lrs) or j >= len(rhos):
        raise ValueError(f"selected must index the grid ({len(lrs)} x {len(rhos)}), got {selected}")
    missing = {"names", "play", "pause", "step", "lr", "momentum", "controls"} - set(labels)
    if missing:
        raise ValueError(f"labels lacks {sorted(missing)}")
    steps = paths.shape[3] - 1
    loss_axes.set_yscale("log")
    with np.errstate(over="ignore", invalid="ignore"):
        for k, name in enumerate(labels["names"]):
            path = paths[k, i, j]
            (line,) = path_axes.plot(path[:, 0], path[:, 1], color=f"C{k}", linewidth=1.6, linestyle=_STYLES[k])
            line.set_gid(f"sn-race-path-{k}")
            loss = 0.5 * (path[:, 0] ** 2 + kappa * path[:, 1] ** 2)
            (curve,) = loss_axes.plot(np.arange(steps + 1), np.minimum(loss, 1e300), color=f"C{k}", linewidth=1.6,
                                      linestyle=_STYLES[k], label=name)
            curve.set_gid(f"sn-race-loss-{k}")
    fig.legend(*loss_axes.get_legend_handles_labels(), loc="outside lower center", ncol=len(labels["names"]))
    path_axes.patch.set_gid("sn-race-axes")
    loss_axes.patch.set_gid("sn-race-loss-axes")
    limit = float(max(np.abs(path_axes.get_xlim()).max(), np.abs(path_axes.get_ylim()).max()) * 3)
    data = {
        "kappa": f"{kappa:g}",
        "steps": str(steps),
        "lrs": ",".join(f"{v:g}" for v in lrs),
        "rhos": ",".join(f"{v:g}" for v in rhos),
        "limit": f"{limit:g}",
        "xlim": ",".join(f"{v:g}" for v in path_axes.get_xlim()),
        "ylim": ",".join(f"{v:g}" for v in path_axes.get_ylim()),
        "losslim": ",".join(f"{np.log10(v):g}" for v in loss_axes.get_ylim()),
        "paths": pack_int16(np.concatenate([paths[0, :, 0].ravel(), paths[1:].ravel()]), limit),
    }
    attrs = " ".join(f'data-{key}="{value}"' for key, value in data.items())
    figure = str.__str__(figure_html(fig))  # the markup itself, also outside the site
    controls = (
        f'<div class="sn-race__controls" role="group" aria-label="{labels["controls"]}">'
        f'<button type="button" class="sn-race__play md-button" aria-pressed="false" '
        f'data-play="{labels["play"]}" data-pause="{labels["pause"]}">{labels["play"]}</button>'
        f'<label class="sn-race__field"><span>{labels["step"]}</span>'
        f'<input type="range" class="sn-race__step" min="0" max="{steps}" step="1" value="{steps}">'
        f'<output class="sn-race__value">{steps} / {steps}</output></label>'  # as figures.js writes it
        f'<label class="sn-race__field"><span>{labels["lr"]} α</span>'
        f'<input type="range" class="sn-race__lr" min="0" max="{len(lrs) - 1}" step="1" value="{i}" aria-valuetext="α = {lrs[i]:g}">'
        f'<output class="sn-race__value">{lrs[i]:g}</output></label>'
        f'<label class="sn-race__field"><span>{labels["momentum"]} ρ</span>'
        f'<input type="range" class="sn-race__rho" min="0" max="{len(rhos) - 1}" step="1" value="{j}" aria-valuetext="ρ = {rhos[j]:g}">'
        f'<output class="sn-race__value">{rhos[j]:g}</output></label>'
        "</div>"
    )
    still = _still_outside_site(wrapper_id, f"{labels['lr']} α = {lrs[i]:g}, {labels['momentum']} ρ = {rhos[j]:g}", figure)
    if still is not None:
        return still
    controls = escape_placeholders(controls)
    return _outside_site(f'<div id="{wrapper_id}" class="sn-race" {attrs}>\n{controls}\n{figure}\n</div>')
