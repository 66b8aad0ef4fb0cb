"""Every Monte Carlo estimate a page shows next to an exact value lies within 4 standard errors of it.

Snippets print such an estimate with `studynotes.prob.mc_cell`, which wraps the visible ``value ± se`` in
``<span class="sn-mc" data-exact="...">``. This test reads those triples back from the built pages of every post,
in both languages. A triple marked ``data-heavy-tail`` is a deliberate heavy-tail demonstration (its SE cannot be
trusted) and is exempt; its page must say why in the prose.
"""

from __future__ import annotations

import math
import re
from html.parser import HTMLParser

import pytest

from sitetools import LANGS, built_page, doc_pages

LIMIT = 4.0
NUMBER = r"[-−]?\d+(?:\.\d+)?"
CELL = re.compile(rf"^\s*({NUMBER})\s*±\s*(\d+(?:\.\d+)?)\s*$")


class TripleReader(HTMLParser):
    """Collects (text, exact, heavy_tail) for every ``span.sn-mc`` of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.triples: list[tuple[str, str | None, bool]] = []
        self._open: dict | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "span" and "sn-mc" in (a.get("class") or "").split():
            self._open = {"exact": a.get("data-exact"), "heavy": "data-heavy-tail" in a, "text": []}
        elif self._open is not None:
            self._open["text"].append(f"<{tag}>")  # markup inside the cell: the test reports it

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open["text"].append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._open is not None:
            self.triples.append(("".join(self._open["text"]), self._open["exact"], self._open["heavy"]))
            self._open = None


def triples(site, page: str, lang: str) -> list[tuple[str, str | None, bool]]:
    reader = TripleReader()
    reader.feed(built_page(site, page, lang).read_text(encoding="utf-8"))
    return reader.triples


def z_score(text: str, exact: str | None) -> float:
    match = CELL.match(text)
    assert match, f"an estimate cell must read 'value ± se', got {text!r}"
    assert exact is not None, f"the cell {text!r} has no data-exact"
    value, se = float(match[1].replace("−", "-")), float(match[2])
    exact_value = float(exact)
    assert math.isfinite(exact_value), f"data-exact must be finite, got {exact!r}"
    if se == 0:
        # a zero SE (all draws equal) is only honest if the shown value is the exact one, to the digits shown
        decimals = len(match[1].split(".")[1]) if "." in match[1] else 0
        return 0.0 if abs(value - exact_value) <= 0.5 * 10**-decimals else math.inf
    return (value - exact_value) / se


POSTS = [page for page in doc_pages() if page.startswith("posts/")]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", POSTS)
def test_estimates_lie_within_4_se_of_the_exact_value(built_site, page, lang) -> None:
    found = triples(built_site, page, lang)
    far = [
        f"{text} against exact {exact} ({z_score(text, exact):+.1f} SE)"
        for text, exact, heavy in found
        if not heavy and abs(z_score(text, exact)) > LIMIT
    ]
    assert not far, f"{page} ({lang}): estimates more than {LIMIT} SE from the exact value:\n" + "\n".join(far)
    for text, exact, heavy in found:
        if heavy:
            z_score(text, exact)  # still a well-formed triple


@pytest.mark.parametrize("page", [p for p in POSTS if "stat110" in p])
def test_every_stat110_post_shows_its_estimates_the_same_in_both_languages(built_site, page) -> None:
    ko, en = triples(built_site, page, "ko"), triples(built_site, page, "en")
    assert len(ko) >= 5, f"{page}: expected the simulation tables' estimates to be tagged, found {len(ko)}"
    assert ko == en, f"{page}: the two languages show different estimates"


def test_the_reader_rejects_a_far_estimate_and_exempts_a_marked_one() -> None:
    reader = TripleReader()
    reader.feed(
        '<td><span class="sn-mc" data-exact="11.0">10.780 ± 0.050</span></td>'
        '<td><span class="sn-mc" data-exact="41.0" data-heavy-tail="1">22 ± 2.6</span></td>'
        '<td><span class="sn-mc" data-exact="0.0">0.0000 ± 0.0000</span></td>'
    )
    (far, _, far_heavy), (tail, tail_exact, heavy), (zero, zero_exact, _) = reader.triples
    assert z_score(far, "11.0") == pytest.approx(-4.4) and not far_heavy
    assert heavy and z_score(tail, tail_exact) < -LIMIT
    assert z_score(zero, zero_exact) == 0.0
    assert z_score("0.0010 ± 0.0000", "0.0") == math.inf


class TableReader(HTMLParser):
    """Each table of a page as (cells, estimates): the text of every cell that is not an estimate, and the
    (text, exact) of every ``span.sn-mc`` in it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[tuple[list[str], list[tuple[str, str | None]]]] = []
        self._cells: list[str] | None = None
        self._estimates: list[tuple[str, str | None]] = []
        self._cell: list[str] | None = None
        self._span: dict | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "table":
            self._cells, self._estimates = [], []
        elif tag in ("td", "th") and self._cells is not None:
            self._cell = []
        elif tag == "span" and "sn-mc" in (a.get("class") or "").split():
            self._span = {"exact": a.get("data-exact"), "text": []}

    def handle_data(self, data: str) -> None:
        if self._span is not None:
            self._span["text"].append(data)
        elif self._cell is not None:
            self._cell.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._span is not None:
            self._estimates.append(("".join(self._span["text"]), self._span["exact"]))
            self._span = None
        elif tag in ("td", "th") and self._cell is not None and self._cells is not None:
            self._cells.append("".join(self._cell))
            self._cell = None
        elif tag == "table" and self._cells is not None:
            self.tables.append((self._cells, self._estimates))
            self._cells = None


DECIMAL = re.compile(r"(?<![\d.])[-−]?\d+\.(\d+)(?![\d.])")


def coarse_exact_values(cells: list[str], estimates: list[tuple[str, str | None]]) -> list[str]:
    """Numbers in ``cells`` that are the exact value of an estimate of the same table, rounded to fewer
    decimals than the estimate shows (e.g. "0.0108" beside 0.010769 ± 0.000060 estimating 0.010834)."""
    found = []
    for text, exact in estimates:
        match = CELL.match(text)
        if not match or exact is None:
            continue
        shown = len(match[1].split(".")[1]) if "." in match[1] else 0
        target = float(exact)
        for cell in cells:
            for number in DECIMAL.finditer(cell):
                decimals = len(number[1])
                value = float(number[0].replace("−", "-"))
                if len(number[0].lstrip("-−0.").replace(".", "")) < 2:
                    continue  # one significant digit ("0.8" in a row label): too coarse to tell a rounding from a coincidence
                is_exact = abs(value - target) <= 1e-12 * max(1.0, abs(target))
                rounded_exact = not is_exact and abs(value - target) <= 0.5 * 10**-decimals * (1 + 1e-9)
                if decimals < shown and rounded_exact:
                    found.append(f"{number[0]} beside {text.strip()} (exact {exact})")
    return found


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", POSTS)
def test_exact_values_are_printed_at_least_as_precisely_as_their_estimates(built_site, page, lang) -> None:
    reader = TableReader()
    reader.feed(built_page(built_site, page, lang).read_text(encoding="utf-8"))
    coarse = [hit for cells, estimates in reader.tables for hit in coarse_exact_values(cells, estimates)]
    assert not coarse, f"{page} ({lang}): exact values rounded more coarsely than the estimates beside them:\n" + "\n".join(coarse)


def test_the_precision_check_flags_a_rounded_exact_value_and_passes_a_precise_one() -> None:
    estimate = [("0.010769 ± 0.000060", "0.010834")]
    assert coarse_exact_values(["P(|X|>0.8)² = 0.0108"], estimate) == [
        "0.0108 beside 0.010769 ± 0.000060 (exact 0.010834)"
    ]
    assert coarse_exact_values(["P(|X|>0.8)² = 0.010834", "0.3", "6.25"], estimate) == []
    assert coarse_exact_values(["6.25"], [("6.2484 ± 0.0088", "6.25")]) == []  # an exact value needs no padding
