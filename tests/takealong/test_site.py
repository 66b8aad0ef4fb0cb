"""The built site carries the notebooks, the feeds and their links (one strict build, shared with other site tests)."""

from __future__ import annotations

import os
import re

import feedparser
import nbformat
import pytest

from sitetools import LANGS
from takealongtools import SNIPPETS, build_notebook, front_matter, notebooks, post_files, source

pytestmark = pytest.mark.site


def language_root(site, lang):
    return site if lang == "ko" else site / lang


@pytest.mark.parametrize("lang", LANGS)
def test_every_post_has_its_notebook_and_a_link_to_it(built_site, site_url, lang) -> None:
    root = language_root(built_site, lang)
    slugs = sorted(slug for slug, l in post_files() if l == lang)
    assert sorted(p.stem for p in (root / "notebooks").glob("*.ipynb")) == slugs
    for slug in slugs:
        data = (root / "notebooks" / f"{slug}.ipynb").read_bytes()
        nbformat.validate(nbformat.reads(data.decode("utf-8"), as_version=4))
        # the build's bytes are what another, independent generation from the same sources gives
        url = f"{site_url}{'' if lang == 'ko' else 'en/'}posts/{slug}/"
        nb = notebooks.notebook(front_matter(slug, lang), lang, source(slug, lang), SNIPPETS, url, os.environ.get("STUDYNOTES_REPO_URL", ""))
        assert notebooks.notebook_bytes(nb) == data
        html = (root / "posts" / slug / "index.html").read_text(encoding="utf-8")
        link = re.search(r'<p class="sn-source-line sn-takealong">[^<]*<a href="([^"]+)" download', html)
        assert link and (root / "posts" / slug / link.group(1)).resolve() == (root / "notebooks" / f"{slug}.ipynb")


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_announces_its_language_feed(built_site, lang) -> None:
    root = language_root(built_site, lang)
    parsed = feedparser.parse((root / "feed.xml").read_bytes())
    assert not parsed.bozo and parsed.feed.language == lang
    assert len(parsed.entries) == len([1 for _, l in post_files() if l == lang])
    pages = [p for p in root.rglob("index.html") if lang == "en" or "en" not in p.relative_to(root).parts]
    assert len(pages) >= 10
    for page in pages:
        html = page.read_text(encoding="utf-8")
        head = html[: html.index("</head>")]
        links = re.findall(r'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="([^"]+)">', head)
        assert len(links) == 1, page
        assert (page.parent / links[0]).resolve() == (root / "feed.xml").resolve(), page


def test_notebook_cells_match_the_page(built_site) -> None:
    """Every executed block on the page has a code cell, in the page's order."""
    for slug, lang in post_files():
        html = (language_root(built_site, lang) / "posts" / slug / "index.html").read_text(encoding="utf-8")
        ids = re.findall(r'<input checked="checked" id="([A-Za-z0-9_-]+)-__tabbed_1_1"', html)
        cells = [c.id for c in build_notebook(slug, lang).cells if c.cell_type == "code"][1:]
        # markdown-exec numbers a raw-HTML block's tabs itself ("exec-12-"): only its position is compared
        assert len(cells) == len(ids), (slug, lang)
        assert all(c == i or re.fullmatch(r"exec-\d+-", i) for c, i in zip(cells, ids, strict=True)), (slug, lang, cells, ids)
