"""Details a reader meets on the built pages (issue 29): the 404 page, the palette toggle's words, the API
pages' back-links, the lines under a post's title."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from sitetools import LANGS, ROOT, built_page, doc_pages

pytestmark = pytest.mark.site
HANGUL = re.compile(r"[\uac00-\ud7a3]")
POSTS = sorted(p.name.split(".")[0] for p in (ROOT / "docs" / "posts").glob("*.ko.md"))


def front_matter(slug: str, lang: str) -> dict:
    text = (ROOT / "docs" / "posts" / f"{slug}.{lang}.md").read_text(encoding="utf-8")
    return yaml.safe_load(text.split("\n---", 1)[0].removeprefix("---\n"))


def site_file(site: Path, href: str) -> Path:
    """The built file an absolute link of the site leads to (the tests' site lives at the server's root)."""
    path = urlsplit(href).path.lstrip("/")
    target = site / path
    return target / "index.html" if path == "" or path.endswith("/") else target


def test_the_404_page_speaks_both_languages_and_leads_home(built_site) -> None:
    page = (built_site / "404.html").read_text(encoding="utf-8")
    assert re.search(r'<html lang="ko"', page), "the theme's words (menu, search) should be the site's Korean"
    article = page[page.index("<article"):page.index("</article>")]
    halves = dict(re.findall(r'<div class="sn-not-found" lang="(ko|en)">(.*?)</div>', article, re.S))
    assert set(halves) == {"ko", "en"}
    assert HANGUL.search(halves["ko"]) and not HANGUL.search(halves["en"])
    homes = {"ko": "index.html", "en": "en/index.html"}
    for lang, half in halves.items():
        links = [html.unescape(h) for h in re.findall(r'<a href="([^"]+)"', half)]
        assert links and site_file(built_site, links[0]) == built_site / homes[lang], f"{lang}: {links}"
        for link in links:
            assert site_file(built_site, link).is_file(), f"{lang}: {link} leads to a missing page"
    # the language menu leads to the two home pages, both there
    menu = dict((lang, href) for href, lang in re.findall(r'<a href="([^"]*)" hreflang="(\w+)" class="md-select__link"', page))
    assert {lang: site_file(built_site, href) for lang, href in menu.items()} == {
        lang: built_site / home for lang, home in homes.items()}


@pytest.mark.parametrize("lang", LANGS)
def test_the_palette_toggle_speaks_the_page_language(built_site, lang) -> None:
    for name in ("index", "posts/cs231n-lecture-6", "glossary"):
        page = built_page(built_site, name, lang).read_text(encoding="utf-8")
        labels = re.findall(r'<label class="md-header__button md-icon" title="([^"]+)" for="__palette_\d"', page)
        assert len(labels) == 3, name
        assert all(bool(HANGUL.search(label)) == (lang == "ko") for label in labels), f"{name}: {labels}"


@pytest.mark.parametrize("lang", LANGS)
def test_api_back_links_name_the_post_in_the_page_language(built_site, lang) -> None:
    titles = {slug: front_matter(slug, lang)["title"] for slug in POSTS}
    seen = 0
    for name in (p for p in doc_pages() if p == "api" or p.startswith("api/")):
        page = built_page(built_site, name, lang)
        for href, words in re.findall(r'Introduced in: <a href="([^"]+)">(.*?)</a>', page.read_text(encoding="utf-8")):
            slug = re.search(r"posts/([a-z0-9-]+)/", href).group(1)
            assert (page.parent / href).resolve() == built_page(built_site, f"posts/{slug}", lang).parent.resolve()
            assert html.unescape(words).replace("\u2060", "") == titles[slug], f"{name}: {words!r}"
            seen += 1
    assert seen > 50


@pytest.mark.parametrize("lang", LANGS)
def test_every_post_opens_with_the_same_lines_in_the_same_order(built_site, lang) -> None:
    """Title, category and date, the source, then the notebook (and flashcards) line: the same on every post."""
    sources = set()
    for slug in POSTS:
        page = built_page(built_site, f"posts/{slug}", lang).read_text(encoding="utf-8")
        top = page[page.index("<h1"):]
        blocks = re.findall(r"<(h1|h2|p|div|figure|ol|ul)\b([^>]*)>", top)[:5]
        classes = [(tag, re.search(r'class="([^"]*)"', attrs).group(1) if "class=" in attrs else "") for tag, attrs in blocks]
        assert [c for _, c in classes[1:4]] == ["sn-post__meta", "sn-source-line", "sn-source-line sn-takealong"], (
            f"{slug}: {classes}")
        line = re.search(r'<p class="sn-source-line">(.*?)</p>', top).group(1).replace("\u2060", "")
        sources.add(re.sub(r"Stanford University(의|'s) CS231n|Harvard University(의|'s) Statistics 110|.*AIFFEL.*", "X", line))
    # the lecture posts say it the same way
    assert len(sources - {"X"}) == 1, sources


@pytest.mark.parametrize("lang", LANGS)
def test_lecture_6_lists_its_check_yourself_section_in_the_contents(built_site, lang) -> None:
    page = built_page(built_site, "posts/cs231n-lecture-6", lang).read_text(encoding="utf-8")
    assert re.search(r'<h2 id="check-yourself">', page)
    toc = page[page.index('class="md-nav md-nav--secondary"'):page.index('<div class="md-content"')]
    assert 'href="#check-yourself"' in toc
