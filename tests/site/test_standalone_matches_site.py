"""One site, one standalone run: what a reader's own run of a snippet prints is what the page shows for its block.

The site runs each block once for both languages (its words are placeholders resolved per page); a reader runs
the file in one language. Each block of each post is compared with the snippet run on its own in the page's
language: the words and numbers it prints, in order, and the text of each of its figures. Only what legitimately
differs is normalized: a table is a Markdown table on the page and aligned plain text in a terminal, math is
typeset on the page and written in Unicode in a terminal (the package's own plain-text form is applied to the
page's TeX, which each build-time MathML ``<math>`` keeps in its ``data-tex``), a list item is ``<li>`` on the page
and ``- `` in a terminal, and a figure is inline SVG on the page (with its caption, from the page's prose) and a file
named on a line of its own in a terminal. A figure of several axes is one SVG per panel (and per figure legend) on
the page and one SVG in a terminal: it counts as one figure, and its texts are compared as a multiset, since the
page shows them panel by panel (a legend above the panels first) while the whole figure draws them in its own
order; every text must still be there exactly as often. A driven figure's controls exist only on the page (a
terminal has nothing to drive), so they are left out.
"""

from __future__ import annotations

import difflib
import html
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from sitetools import LANGS, ROOT, built_page
from snippet_runs import SNIPPETS_DIR, run_standalone
from studynotes.tables import _plain_text

SVG_NS = "{http://www.w3.org/2000/svg}"
FENCE = re.compile(r'^```python exec="1"[^\n]*\bid="([^"]+)"[^\n]*\n--8<-- "([^"]+)"\n```', re.M)
FIGURE_LINE = re.compile(r"^\[(figures/[^\]]+\.svg)\]", re.M)


def blocks() -> list[tuple[str, str, str, Path]]:
    """(page, language, block id, snippet) for every executed block of every page."""
    found = []
    for source in sorted((ROOT / "docs").rglob("*.md")):
        page, _, lang = source.relative_to(ROOT / "docs").as_posix()[: -len(".md")].rpartition(".")
        for block_id, include in FENCE.findall(source.read_text(encoding="utf-8")):
            found.append((page, lang, block_id, SNIPPETS_DIR / include))
    return found


BLOCKS = blocks()


def test_every_snippet_is_compared_in_both_languages() -> None:
    snippets = sorted(SNIPPETS_DIR.glob("*/*.py"))
    assert snippets
    for lang in LANGS:
        assert sorted({path for _, block_lang, _, path in BLOCKS if block_lang == lang}) == snippets


def svg_texts(svg: ElementTree.Element) -> list[str]:
    """The texts a figure shows, in document order (its title, then each ``<text>``), spaces collapsed."""
    texts = [svg.findtext(f"{SVG_NS}title") or ""] + ["".join(t.itertext()) for t in svg.iter(f"{SVG_NS}text")]
    return [" ".join(t.split()) for t in texts if t.strip()]


def figure_texts(markup: str) -> tuple[list[str], bool]:
    """The texts of one figure on the page (an ``<svg>``, or a ``<figure>`` holding its SVG or its panels' SVGs),
    and whether it is drawn as panels.

    A figure of several axes is one SVG per panel on the page (and one per figure legend), one SVG in a
    terminal: its texts are those of all its SVGs, in the page's order."""
    if markup.startswith("<svg"):
        return svg_texts(ElementTree.fromstring(markup)), False
    svgs = re.findall(r"<svg\b.*?</svg>", markup, flags=re.S)
    assert svgs, f"a figure with no SVG: {markup[:300]}"
    if len(svgs) == 1:
        return svg_texts(ElementTree.fromstring(svgs[0])), False
    # the panels' text alternative is on their wrapper (the whole figure's, in its <title>)
    label = re.search(r'<div class="[^"]*\bsn-figure__panels\b[^"]*"[^>]*?\saria-label="([^"]*)"', markup)
    texts = [" ".join(html.unescape(label.group(1)).split())] if label else []
    return texts + [text for svg in svgs for text in svg_texts(ElementTree.fromstring(svg))], True


def words(text: str) -> list[str]:
    return text.split()


def page_result(html_page: str, block_id: str) -> str:
    """The block's "Result" tab: what its run printed, as the page shows it."""
    start = html_page.find(f'id="{block_id}-__tabbed_1_1"')
    assert start >= 0, f"block {block_id} is not on the page"
    begin = html_page.index('<div class="tabbed-block">', start) + len('<div class="tabbed-block">')
    return html_page[begin : html_page.index('<div class="tabbed-block">', begin)]


def from_page(result: str) -> tuple[list[str], list[tuple[list[str], bool]]]:
    """The words and numbers of a result tab (each figure as one ``[figure]``), and each figure's texts (and
    whether it is drawn as panels)."""
    figures = []

    def figure(match: re.Match[str]) -> str:
        figures.append(figure_texts(match.group(0)))
        return " [figure] "

    result = re.sub(r'<div class="sn-race__controls".*?</div>', " ", result, flags=re.S)  # the page's own controls
    result = re.sub(r"<(style|figcaption)\b.*?</\1>", " ", result, flags=re.S)  # styles; captions are page prose
    result = re.sub(r"<figure\b.*?</figure>|<svg\b.*?</svg>", figure, result, flags=re.S)
    # math as the TeX source a terminal run converts to Unicode, the same way as the page's (escaped) text
    result = re.sub(r'<math data-tex="([^"]*)"[^>]*>.*?</math>', lambda m: f"${m.group(1)}$", result, flags=re.S)
    result = re.sub(r"<li>", "\n- ", result)
    result = re.sub(r"</?(?:p|div|li|ul|ol|table|thead|tbody|tr|td|th|br|h\d)\b[^>]*>", " ", result)  # blocks and cells apart
    text = re.sub(r"<[^>]+>", "", result)  # inline markup; still escaped: _plain_text unescapes, as for a terminal
    text = text.replace("\u2060", "")  # the word joiners Korean pages get at build time (a line-break rule)
    return words(" ".join(_plain_text(line) for line in text.split("\n"))), figures


def from_run(stdout: str, folder: Path) -> tuple[list[str], list[list[str]]]:
    """The same for a standalone run: its printed words (figure lines as ``[figure]``, table rules dropped)."""
    figures = [svg_texts(ElementTree.parse(folder / name).getroot()) for name in FIGURE_LINE.findall(stdout)]
    lines = []
    for line in stdout.splitlines():
        if FIGURE_LINE.match(line):
            line = "[figure]"
        elif re.fullmatch(r"[\s-]*-[\s-]*", line):  # the rule under a plain-text table's header
            continue
        lines.append(line)
    return words("\n".join(lines)), figures


def difference(site: list[str], alone: list[str]) -> str:
    return "\n".join(difflib.unified_diff(site, alone, "page", "standalone run", lineterm="", n=4))


@pytest.mark.parametrize(
    ("page", "lang", "block_id", "snippet"), BLOCKS, ids=[f"{block_id}-{lang}" for _, lang, block_id, _ in BLOCKS]
)
def test_a_readers_run_prints_what_the_page_shows(built_site, page, lang, block_id, snippet) -> None:
    run = run_standalone(snippet, lang)
    assert run.returncode == 0, run.stderr[-3000:]
    page_words, page_figures = from_page(page_result(built_page(built_site, page, lang).read_text(encoding="utf-8"), block_id))
    run_words, run_figures = from_run(run.stdout, run.folder)
    assert page_words, f"{block_id}: nothing read from the page"
    assert page_words == run_words, f"{block_id} ({lang}): printed words differ\n" + difference(page_words, run_words)
    assert len(page_figures) == len(run_figures), f"{block_id} ({lang}): {len(page_figures)} figures on the page, {len(run_figures)} run alone"
    for n, ((on_page, panels), alone) in enumerate(zip(page_figures, run_figures, strict=True), start=1):
        assert on_page, f"{block_id} ({lang}): figure {n} has no text on the page"
        # a figure drawn as panels shows its texts panel by panel (a legend above them first), not in the order
        # the whole figure draws them: the same texts, each as often
        differ = sorted(on_page) != sorted(alone) if panels else on_page != alone
        assert not differ, f"{block_id} ({lang}): figure {n}'s texts differ\n" + difference(on_page, alone)
