"""The strict build: every page in both languages, no traceback, a generated post index and glossary."""

from __future__ import annotations

import re
import sys

import pytest
import yaml

from htmltext import read_page
from sitetools import LANGS, ROOT, built_page, doc_pages

sys.path.insert(0, str(ROOT / "hooks"))
from studynotes_site.listings import HOME_POSTS  # noqa: E402

pytestmark = pytest.mark.site

PAGES = doc_pages()
POSTS = [p for p in PAGES if p.startswith("posts/")]


def front_matter(page: str, lang: str) -> dict:
    text = (ROOT / "docs" / f"{page}.{lang}.md").read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n", 2)[1])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_page_exists_without_traceback(built_site, page, lang) -> None:
    path = built_page(built_site, page, lang)
    assert path.is_file(), f"{path} was not built"
    html = path.read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in html
    # markdown-exec writes a failing block's traceback into the page, highlighted: strip the tags first.
    assert "Traceback (most recent call last)" not in re.sub(r"<[^>]+>", "", html), f"{page} ({lang}) shows a traceback"


@pytest.mark.parametrize("lang", LANGS)
def test_home_lists_the_newest_posts_newest_first(built_site, lang) -> None:
    html = built_page(built_site, "index", lang).read_text(encoding="utf-8")
    html = html[html.index("<article") :]  # the post list, not the navigation
    metas = {p: front_matter(p, lang) for p in POSTS}
    positions = {}
    expected = sorted(POSTS, key=lambda p: (metas[p]["date"], metas[p].get("order", 0)), reverse=True)[:HOME_POSTS]
    for page, meta in metas.items():
        slug = page.split("/", 1)[1]
        match = re.search(rf'href="(\./)?posts/{re.escape(slug)}/"', html)
        if page not in expected:
            assert not match, f"the {lang} home page lists {slug}, older than its newest {HOME_POSTS}"
            continue
        assert match, f"the {lang} home page does not link {slug}"
        positions[page] = match.start()
        assert meta["date"].isoformat() in html
    listed = sorted(expected, key=positions.get)
    assert listed == expected
    categories = {"ko": ("Stat 110", "CS231n", "머신러닝"), "en": ("Stat 110", "CS231n", "Machine learning")}[lang]
    present = {m["category"] for m in metas.values()}
    for key, name in zip(("stat110", "cs231n", "ml"), categories):
        if key in present:
            assert f">{name}</a>" in html  # the category label, a link to its page


@pytest.mark.parametrize("lang", LANGS)
def test_posts_keep_their_source_line(built_site, lang) -> None:
    for page in POSTS:
        text = read_page(built_page(built_site, page, lang).read_text(encoding="utf-8")).text
        assert re.search(r"(Harvard University|Stanford University|AIFFEL)", text), page
        assert "Havard" not in text


@pytest.mark.parametrize("lang", LANGS)
def test_glossary_has_every_post_and_term(built_site, lang) -> None:
    html = built_page(built_site, "glossary", lang).read_text(encoding="utf-8")
    # a term as the reader reads it: table cells keep words whole with inline spans (hooks/studynotes_site/cells.py),
    # and a particle after punctuation is held to it by an invisible word joiner (studynotes_site/linebreaks.py)
    text = re.sub(r"<(?!math\b|/math>)[^>]+>", "", html).replace("\u2060", "")
    for yml in sorted((ROOT / "docs" / "glossary").glob("*.yml")):
        assert f'posts/{yml.stem}/' in html, f"no glossary row links {yml.stem}"
        for entry in yaml.safe_load(yml.read_text(encoding="utf-8")):
            assert entry["ko"] in text, f"glossary ({lang}) lacks {entry['ko']!r}"
            assert entry["en"].split(" (")[0] in text, f"glossary ({lang}) lacks {entry['en']!r}"


@pytest.mark.parametrize("lang", LANGS)
def test_api_reference_documents_each_subpackage(built_site, lang) -> None:
    subpackages = sorted(p.parent.name for p in (ROOT / "src" / "studynotes").glob("*/__init__.py"))
    pages = {"helpers": ["plotting", "i18n"], "prob-simulate": ["prob.simulate_birthday", "prob.mc_estimate"]}
    pages |= {name: [name] for name in subpackages if name not in pages["helpers"]}  # plotting is a site helper
    for page, modules in pages.items():
        html = built_page(built_site, f"api/{page}", lang).read_text(encoding="utf-8")
        for name in modules:
            assert f'id="studynotes.{name}"' in html, f"studynotes.{name} is not documented on api/{page}"


def test_language_switcher_points_at_the_same_page(built_site) -> None:
    for page in PAGES:
        for lang, other, prefix in (("ko", "en", "en/"), ("en", "ko", "")):
            html = built_page(built_site, page, lang).read_text(encoding="utf-8")
            links = re.findall(r'<a href="([^"]+)" hreflang="(\w+)" class="md-select__link"', html)
            target = dict((code, href) for href, code in links)[other]
            base = built_site if target.startswith("/") else built_page(built_site, page, lang).parent
            resolved = (base / target.lstrip("/")).resolve()
            expected = built_page(built_site, page, other).parent.resolve()
            assert resolved == expected, f"{page} ({lang}) switches to {target}"


@pytest.mark.parametrize("lang", LANGS)
def test_build_report_lists_every_executed_block(built_site, lang) -> None:
    html = built_page(built_site, "build-report", lang).read_text(encoding="utf-8")
    ids = []
    for page in POSTS:
        ids += re.findall(r'\bexec="1"[^\n]*\bid="([^"]+)"', (ROOT / "docs" / f"{page}.{lang}.md").read_text(encoding="utf-8"))
    assert ids
    # a cold build runs every block once, for the Korean pages; the English pages share its output
    origin = {"ko": "실행", "en": "shared"}[lang]
    for block in ids:
        assert re.search(
            rf"<code>{re.escape(block)}</code></td><td>\d+\.\d\d</td><td>\d+\.\d</td><td>{origin}</td>", html
        ), block
    total = re.search(r"<strong>(\d+)</strong></td><td><strong>([\d.]+)</strong>", html)
    assert total and int(total.group(1)) == len(ids)


HANGUL = re.compile(r"[\uac00-\ud7a3]")
PLACEHOLDER = re.compile(r"[\ue000-\ue002]")


def result_tabs(html: str) -> list[str]:
    """The "Result" tab of every executed block (markdown-exec puts it before the source tab)."""
    tabs = []
    for match in re.finditer(r'<div class="tabbed-set tabbed-alternate"[^>]*>.*?<div class="tabbed-block">', html, re.S):
        tabs.append(html[match.end() : html.find('<div class="tabbed-block">', match.end())])
    return tabs


@pytest.mark.parametrize("page", POSTS)
def test_each_language_gets_its_own_words_from_the_shared_run(built_site, page) -> None:
    blocks = len(re.findall(r'\bexec="1"', (ROOT / "docs" / f"{page}.ko.md").read_text(encoding="utf-8")))
    for lang in LANGS:
        html = built_page(built_site, page, lang).read_text(encoding="utf-8")
        assert not PLACEHOLDER.search(html), f"{page} ({lang}) holds an unresolved placeholder"
        assert "<p><figure" not in html, "a figure was read as Markdown inside a paragraph"
        tabs = result_tabs(html)
        assert len(tabs) == blocks
        for i, tab in enumerate(tabs):
            # every example prints words (a table header, labels, a caption): Korean on Korean pages only
            assert bool(HANGUL.search(tab)) == (lang == "ko"), f"{page} ({lang}) block {i + 1}"
