"""The stylesheets a page's <head> makes the browser wait for: each linked once, the site's own joined into one
file (hooks/assets.py) that holds every source listed in mkdocs.yml's extra_css whole and in that order."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sitetools import LANGS, ROOT, built_page, doc_pages

PAGES = doc_pages()
JOINED = "assets/stylesheets/studynotes.css"


def extra_css() -> list[str]:
    """The extra_css entries of mkdocs.yml, as the author lists them."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    block = re.search(r"^extra_css:\n((?:[ \t]+- .+\n)+)", text, re.M)
    assert block, "mkdocs.yml has no extra_css list"
    return re.findall(r"- (\S+)", block.group(1))


def linked_stylesheets(site: Path, page: Path) -> list[str]:
    head = page.read_text(encoding="utf-8").split("</head>", 1)[0]
    hrefs = re.findall(r'<link rel="stylesheet" href="([^"]+)"(?: media="([^"]*)")?', head)
    return [(page.parent / href).resolve().relative_to(site.resolve()).as_posix() for href, media in hrefs
            if media in ("", "all", "screen")]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_each_stylesheet_is_linked_once_and_the_sites_own_as_one_file(built_site, page, lang) -> None:
    path = built_page(built_site, page, lang)
    linked = linked_stylesheets(built_site, path)
    assert len(linked) == len(set(linked)), f"a stylesheet linked twice: {linked}"
    assert all((built_site / uri).is_file() for uri in linked), linked
    assert not set(linked) & set(extra_css()), f"a source linked on its own: {linked}"
    # after Material's own stylesheet, so the site's rules win where they match as specifically
    material = [i for i, uri in enumerate(linked) if re.fullmatch(r"assets/stylesheets/main\.\w+\.min\.css", uri)]
    assert material and JOINED in linked and linked.index(JOINED) > material[0], linked


def test_the_joined_stylesheet_holds_every_source_whole_in_order(built_site) -> None:
    css = (built_site / JOINED).read_text(encoding="utf-8")
    sources = extra_css()
    assert "assets/stylesheets/math.css" in sources and "stylesheets/print.css" in sources
    positions = []
    for uri in sources:
        if uri.startswith("stylesheets/"):
            text = (ROOT / "docs" / uri).read_text(encoding="utf-8").strip()
        else:  # Temml's stylesheet, written by the build: its font rule pointed at the site's math font
            text = '@font-face {\n  font-family: "SN Math";'
        assert text in css, f"{uri} is not in {JOINED} whole"
        positions.append(css.index(text))
    assert positions == sorted(positions), f"{JOINED} holds its sources out of the order of extra_css"
    for uri in sources:
        assert not (built_site / uri).exists(), f"{uri} is served on its own as well"



def test_every_font_face_shows_text_while_its_font_loads(built_site) -> None:
    # a face without font-display leaves its text invisible for up to 3 s on a slow link (Lighthouse's
    # font-display audit)
    faces = []
    for path in sorted(built_site.rglob("*.css")):
        for face in re.findall(r"@font-face\s*\{([^}]*)\}", path.read_text(encoding="utf-8")):
            display = re.search(r"font-display:\s*([\w-]+)", face)
            faces.append((path.relative_to(built_site).as_posix(), re.sub(r"\s+", " ", face)[:60], display and display.group(1)))
    assert len(faces) >= 2, faces  # the math font and Temml's
    assert [f for f in faces if f[2] not in ("swap", "fallback", "optional")] == []
