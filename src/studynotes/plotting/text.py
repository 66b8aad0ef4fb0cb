"""Text in every language: measured as its widest translation, and never drawn smaller than `MIN_TEXT_PT`.

One drawing serves every language of the site, so layout (constrained layout, legends, tick spacing,
line labels) measures a text holding `studynotes.i18n` placeholders as its widest translation.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager

import matplotlib.text as mtext
from matplotlib.cbook import is_math_text
from matplotlib.figure import Figure

from ..i18n import translations
from .theme import style

__all__ = ["MIN_TEXT_PT", "PHONE_PX", "WIDE_PX"]

@contextmanager
def _room_for_every_language() -> Iterator[None]:
    """Measure a text holding `studynotes.i18n` placeholders as its widest translation.

    Layout (constrained layout, legends, tick spacing) then leaves room for every language, and the
    SVG keeps the placeholder itself as the ``<text>``, anchored at its start, middle or end as the
    artist is aligned, so each language's words sit where that language needs them. A translation
    with a line break or with mathtext would need a layout of its own, so it is refused.
    """
    original = mtext._get_text_metrics_with_cache

    def measure(renderer, text, fontprop, ismath, dpi):
        versions = translations(text)
        if versions is None:
            return original(renderer, text, fontprop, ismath, dpi)
        for lang, version in versions.items():
            if "\n" in version or is_math_text(version):
                raise ValueError(
                    f"figure text {version!r} ({lang}) has a line break or math: a translated label must be "
                    "one line of plain text (write symbols in Unicode)"
                )
        sizes = [original(renderer, version, fontprop, ismath, dpi) for version in versions.values()]
        return tuple(max(size[i] for size in sizes) for i in range(3))

    mtext._get_text_metrics_with_cache = measure
    try:
        yield
    finally:
        mtext._get_text_metrics_with_cache = original


MIN_TEXT_PT = 9.0
"""Smallest font size (points) a figure's text is drawn at; smaller sizes are raised to it."""

PHONE_PX = 10.0
"""Smallest size in CSS pixels the figure's text may render at on a phone: the SVG keeps at least the
width that gives its smallest text this size (the page lets it scroll sideways when the column is narrower)."""

WIDE_PX = 11.0
"""The same on a wide screen (a text column of 45em or more)."""

PHONE_COLUMN_PX = 358
"""Width in CSS pixels of the text column on a 390 px phone (the theme keeps 16 px at each side): every SVG
of a figure on the site fits it with its smallest text at `PHONE_PX`."""


def _raise_small_text(fig: Figure) -> float:
    """Raise every visible text of ``fig`` to at least `MIN_TEXT_PT` and return the smallest size left.

    Tick labels exist only once the figure is drawn, and each axis makes new ones from its tick
    parameters, so the figure is laid out once first and small tick labels are raised on their axis.
    """
    with style(), warnings.catch_warnings(), _room_for_every_language():
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font", category=UserWarning)
        fig.draw_without_rendering()
    for ax in fig.axes:
        for axis in getattr(ax, "_axis_map", {}).values():
            for which, ticks in (("major", axis.get_major_ticks()), ("minor", axis.get_minor_ticks())):
                if any(tick.label1.get_fontsize() < MIN_TEXT_PT for tick in ticks):
                    axis.set_tick_params(which=which, labelsize=MIN_TEXT_PT)
    sizes = []
    for text in fig.findobj(mtext.Text):
        if not text.get_visible() or not text.get_text().strip():
            continue
        if text.get_fontsize() < MIN_TEXT_PT:
            text.set_fontsize(MIN_TEXT_PT)
        sizes.append(text.get_fontsize())
    return min(sizes, default=MIN_TEXT_PT)
