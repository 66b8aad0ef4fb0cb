"""What the theme overrides in overrides/ put on every built page, read from the HTML a reader gets."""

from __future__ import annotations

import json
import re

import pytest

from sitetools import LANGS, built_page, doc_pages

PAGES = doc_pages()
SEARCH = {"ko": "검색", "en": "Search"}


def html_of(site, page, lang) -> str:
    return built_page(site, page, lang).read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_head_menu_search_and_config(built_site, page, lang) -> None:
    html = html_of(built_site, page, lang)
    head = html[: html.index("</head>")]
    # no language alternates in <head> (Material would fetch a sitemap next to each)
    assert not re.search(r"<link rel=\"alternate\"[^>]*hreflang", head)
    # the language menu: one link per language, each loading the page for real
    links = re.findall(r'<a href="[^"]*" hreflang="(\w+)" class="md-select__link"( target="_self")?>', html)
    assert sorted(code for code, _ in links) == sorted(LANGS) and all(target for _, target in links)
    # the search dialog is named, once, in the page's language
    dialogs = re.findall(r'<div class="md-search" data-md-component="search" role="dialog"[^>]*>', html)
    assert dialogs == [f'<div class="md-search" data-md-component="search" role="dialog" aria-label="{SEARCH[lang]}">']
    # Material's base: English pages search (and navigate) within en/
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S).group(1))
    assert config["base"].endswith("/en/") == (lang == "en")
    depth = page.count("/") + (page != "index") + (lang == "en")
    expected = "/".join([".."] * depth) or "."
    assert config["base"] == (f"{expected}/en/" if lang == "en" else expected)
