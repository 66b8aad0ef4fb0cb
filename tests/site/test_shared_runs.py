"""One run of a block serves both languages: each page gets its own words, figures included."""

from __future__ import annotations

import re
import shutil

import pytest

from sitetools import build_site
from test_failures import mini_project

pytestmark = pytest.mark.site

SNIPPET = '''
from studynotes.i18n import localized
from studynotes.plotting import figure, figure_html

TEXT = localized(
    {{
        "ko": dict(x="확률 변수의 값", legend=["첫째", "둘째"], cap="목표 w* 쪽으로 간다", row="{{n}}번째 줄"),
        "en": dict(x="value of the random variable", legend=["first", "second"], cap="heads for w* here", row="row {{n}}"),
    }}
)
with open({runs!r}, "a", encoding="utf-8") as log:
    log.write("ran\\n")

print(f"**{{TEXT['x']}}**, {{TEXT['row'].format(n=3)}}\\n")
fig, ax = figure(width=4.0, height=2.5)
ax.plot([0, 1], [0, 1], label=TEXT["legend"][0])
ax.plot([0, 1], [1, 0], label=TEXT["legend"][1])
ax.set_xlabel(TEXT["x"])
ax.legend()
print(figure_html(fig, alt=TEXT["cap"], caption=TEXT["cap"]))
'''

WORDS = {
    "ko": ("확률 변수의 값", "3번째 줄", "첫째", "둘째", "목표 w&#42; 쪽으로 간다"),
    "en": ("value of the random variable", "row 3", "first", "second", "heads for w&#42; here"),
}


def project(tmp_path):
    config = mini_project(tmp_path, '```python exec="1" id="demo-shared"\n--8<-- "demo/shared.py"\n```')
    runs = tmp_path / "runs.log"
    (tmp_path / "snippets" / "demo" / "shared.py").write_text(SNIPPET.format(runs=str(runs)), encoding="utf-8")
    return config, runs


def page(out, lang):
    return (out / ("" if lang == "ko" else "en") / "index.html").read_text(encoding="utf-8")


def test_a_block_runs_once_and_each_language_gets_its_words(tmp_path) -> None:
    config, runs = project(tmp_path)
    result = build_site(tmp_path / "out", config)
    assert result.returncode == 0, result.stderr[-3000:]
    assert runs.read_text(encoding="utf-8").splitlines() == ["ran"]
    for lang, other in (("ko", "en"), ("en", "ko")):
        html = page(tmp_path / "out", lang)
        figure = re.search(r'<figure class="sn-figure">.*?</figure>', html, re.S).group(0)
        label, row, first, second, caption = WORDS[lang]
        assert f"<strong>{label}</strong>, {row}" in html
        texts = re.findall(r"<text[^>]*>([^<]*)</text>", figure)
        assert label in texts and first in texts and second in texts
        assert f"<figcaption>{caption}</figcaption>" in figure
        assert f'aria-label="{caption}"' in figure
        assert "<em>" not in figure  # the * in "w*" stays a character
        assert f"<strong>{WORDS[other][0]}</strong>" not in html
        assert not set(WORDS[other]) & set(texts), "the other language's words are in the figure"
        assert not re.search("[\ue000-\ue002]", html), "a placeholder was left in the page"


def test_both_languages_share_one_drawing(tmp_path) -> None:
    config, _ = project(tmp_path)
    assert build_site(tmp_path / "out", config).returncode == 0
    geometry = {}
    for lang in ("ko", "en"):
        figure = re.search(r"<svg.*?</svg>", page(tmp_path / "out", lang), re.S).group(0)
        # the drawing is the same in both languages: only the words inside <text> differ
        geometry[lang] = re.sub(r"(<text[^>]*>)[^<]*(</text>)", r"\1\2", re.sub(r'aria-label="[^"]*"|<title>[^<]*</title>', "", figure))
    assert geometry["ko"] == geometry["en"]


def test_a_cached_build_runs_nothing_and_gives_each_language_its_words(tmp_path) -> None:
    config, runs = project(tmp_path)
    cache = tmp_path / "cache"
    assert build_site(tmp_path / "one", config, cache_dir=cache).returncode == 0
    assert len(list(cache.glob("*.json"))) == 2  # the formatted block, per language
    result = build_site(tmp_path / "two", config, cache_dir=cache)
    assert result.returncode == 0, result.stderr[-3000:]
    assert runs.read_text(encoding="utf-8").splitlines() == ["ran"]  # the second build ran nothing
    for lang in ("ko", "en"):
        assert page(tmp_path / "two", lang) == page(tmp_path / "one", lang)


def test_a_broken_cache_entry_fails_the_build_instead_of_dropping_the_block(tmp_path) -> None:
    config, _ = project(tmp_path)
    cache = tmp_path / "cache"
    assert build_site(tmp_path / "one", config, cache_dir=cache).returncode == 0
    for entry in cache.glob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    # the pages' conversions are kept too (cache/pages): without them, each page is converted again and
    # reads its blocks from the broken entries
    assert len(list((cache / "pages").glob("*.json"))) == 2
    shutil.rmtree(cache / "pages")
    result = build_site(tmp_path / "two", config, cache_dir=cache)
    assert result.returncode != 0
    assert "block 'demo-shared' could not be formatted" in result.stderr
    assert "unreadable cache entry" in result.stderr


def test_print_in_a_block_honours_sep_end_and_file(tmp_path) -> None:
    config = mini_project(tmp_path, '```python exec="1" id="demo-print"\n--8<-- "demo/printing.py"\n```')
    (tmp_path / "snippets" / "demo" / "printing.py").write_text(
        'import sys\nprint("alpha", "beta", sep="|", end=";\\n")\nprint("to stderr", file=sys.stderr)\n', encoding="utf-8"
    )
    result = build_site(tmp_path / "out", config)
    assert result.returncode == 0, result.stderr[-3000:]
    html = page(tmp_path / "out", "ko")
    assert "<p>alpha|beta;</p>" in html
    assert "to stderr" not in html and "to stderr" in result.stderr


def test_tab_labels_follow_the_page_language(tmp_path) -> None:
    config = mini_project(
        tmp_path,
        '```python exec="1" source="tabbed-right" id="demo-tabs"\n--8<-- "demo/fine.py"\n```\n\n'
        '```python exec="1" source="tabbed-left" tabs="Code|Output" id="demo-own-tabs"\n--8<-- "demo/fine.py"\n```',
    )
    result = build_site(tmp_path / "out", config)
    assert result.returncode == 0, result.stderr[-3000:]
    expected = {"ko": ["결과", "코드", "Code", "Output"], "en": ["Result", "Source", "Code", "Output"]}
    for lang, labels in expected.items():
        sets = re.findall(r'<div class="tabbed-labels">(.*?)</div>', page(tmp_path / "out", lang), re.S)
        assert [re.sub(r"<[^>]+>", "", label) for tabs in sets for label in re.findall(r"<label[^>]*>.*?</label>", tabs)] == labels
