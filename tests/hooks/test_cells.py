"""Table cells keep numbers and hyphenated compounds whole (studynotes_site.cells); the browser test
(tests/browser/test_figures.py) checks on every post that no such word is split across lines."""

from __future__ import annotations

import re

import markdown
from studynotes_site.cells import keep_cell_words_whole

TABLE = """| method | error | 변환 |
|---|---|---|
| Adam | 4.5e-04 | 최소-최대 |
| SGD | -1.5 | z-점수, 1/3, (69–85) |
| 모멘텀 | (Nesterov)로 | f(x) |
| `rng.binomial(10, 0.3)` | $x-1$ | non-zero |
"""


def rendered() -> str:
    return markdown.markdown(TABLE, extensions=["tables", "pymdownx.arithmatex"], extension_configs={"pymdownx.arithmatex": {"generic": True}})


def kept(html: str) -> list[str]:
    return re.findall(r'<span class="sn-keep">([^<]*)</span>', html)


def text_of(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_numbers_and_compounds_in_cells_are_kept_whole() -> None:
    html = keep_cell_words_whole(rendered())
    assert kept(html) == ["4.5e-04", "최소-최대", "z-점수,", "1/3,", "(69–85)", "(Nesterov)로"]
    assert text_of(html) == text_of(rendered())  # the words are the same, only wrapped


def test_words_that_cannot_break_inside_are_left_alone() -> None:
    html = keep_cell_words_whole(rendered())
    # a leading minus does not allow a break, an English compound may break at its hyphen, and a word
    # with neither a digit nor a Hangul syllable is left to the browser
    assert "-1.5" not in kept(html) and "non-zero" not in kept(html) and "f(x)" not in kept(html)
    # code and formulas are not touched
    assert "<code>rng.binomial(10, 0.3)</code>" in html
    assert re.search(r'<span class="arithmatex">\\\(x-1\\\)</span>', html)


def test_monte_carlo_cells_nested_markup_and_text_outside_tables() -> None:
    cell = '<td><span class="sn-mc" data-exact="0.0">1.2e-05 ± 3.0e-06</span> <span class="arithmatex"><span>a-1</span> b-2</span> c-3</td>'
    html = keep_cell_words_whole("<p>2e-04 outside a table</p>" + cell)
    assert html.startswith("<p>2e-04 outside a table</p>")
    assert kept(html) == ["c-3"]  # only the plain word after the nested formula
    assert keep_cell_words_whole(html) == html  # a second pass wraps nothing again


def test_a_page_without_tables_is_unchanged() -> None:
    page = "<p>4.5e-04 and 최소-최대</p>"
    assert keep_cell_words_whole(page) is page
