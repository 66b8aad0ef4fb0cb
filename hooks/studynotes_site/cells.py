"""Table cells on the finished page: words that a line break must not split are kept whole.

A browser may break a line after a hyphen, a dash or a slash, also inside a number (``4.5e-⏎04``, the
hyphen follows a letter; ``69–⏎85``), a Korean compound (``최소-⏎최대``: ``word-break: keep-all`` does not
cover hyphens or brackets, so ``(Nesterov)⏎로`` too) or a word with a number (``layer-⏎10``). No CSS property forbids those breaks, so each such
word of a table cell is wrapped in ``<span class="sn-keep">`` (``white-space: nowrap`` in site.css).
A cell still breaks between words, and a table too wide for its column scrolls inside its own box.

Formulas, code and Monte Carlo cells (``sn-mc``, kept whole by site.css) are left as they are.
"""

from __future__ import annotations

import re

CELL = re.compile(r"(<t[dh]\b[^>]*>)(.*?)(</t[dh]>)", re.S)
PIECE = re.compile(r"(<[^>]*>)|([^<]+)")
# A word (no space) with a digit or a Hangul syllable in it, holding a place where a browser may break a
# line: after a hyphen, dash or slash inside it, or at a bracket between letters ((Nesterov)로, 69–85).
KEPT = re.compile(r"[^\s<>]+")
BREAKABLE = re.compile(r".[-/‐–—~]|[)\]][^\s]|[^\s][(\[]")
MEANINGFUL = re.compile(r"[0-9\uac00-\ud7a3]")
# Elements whose text stays untouched.
OPAQUE = re.compile(r'<(code|math|pre|script|svg|mjx-container)\b|<span\b[^>]*\bclass="(?:arithmatex|sn-mc|sn-keep)\b')


def _keep(word: str) -> str:
    if BREAKABLE.search(word) and MEANINGFUL.search(word):
        return f'<span class="sn-keep">{word}</span>'
    return word


def _cell(inner: str) -> str:
    out: list[str] = []
    skipped, depth = "", 0  # the element whose text is left untouched, and how deep inside it we are
    for match in PIECE.finditer(inner):
        tag, text = match.groups()
        if tag is None:
            out.append(text if depth else KEPT.sub(lambda m: _keep(m.group(0)), text))
            continue
        out.append(tag)
        name = re.match(r"</?([\w-]+)", tag)
        if name is None or tag.endswith("/>"):
            continue
        if depth:
            if name.group(1) == skipped:
                depth += -1 if tag.startswith("</") else 1
        elif OPAQUE.match(tag):
            skipped, depth = name.group(1), 1
    return "".join(out)


def keep_cell_words_whole(html: str) -> str:
    """``html`` with each table cell's numbers and hyphenated or slashed words wrapped so they never break."""
    if "<td" not in html and "<th" not in html:
        return html
    return CELL.sub(lambda m: m.group(1) + _cell(m.group(2)) + m.group(3), html)
