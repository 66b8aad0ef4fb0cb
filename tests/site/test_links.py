"""Every internal link and anchor in the built site resolves: no missing page, no missing #id."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from htmltext import read_page

pytestmark = pytest.mark.site


@lru_cache(maxsize=None)
def ids_of(path: Path) -> frozenset[str]:
    return frozenset(read_page(path.read_text(encoding="utf-8")).ids)


def target_file(site: Path, page: Path, href: str) -> Path | None:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
        return None
    if not parts.path:
        return page
    base = site if parts.path.startswith("/") else page.parent
    target = (base / unquote(parts.path).lstrip("/")).resolve()
    return target / "index.html" if target.is_dir() or parts.path.endswith("/") else target


def broken_links(site: Path) -> list[str]:
    broken = []
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":
            continue
        for href in read_page(page.read_text(encoding="utf-8")).links:
            target = target_file(site, page, href)
            if target is None:
                continue
            where = f"{page.relative_to(site)} -> {href}"
            if not target.is_file():
                broken.append(f"{where} (no such file)")
                continue
            fragment = unquote(urlsplit(href).fragment)
            if fragment and target.suffix == ".html" and fragment not in ids_of(target):
                broken.append(f"{where} (no #{fragment})")
    return broken


def test_internal_links_and_anchors_resolve(built_site) -> None:
    broken = broken_links(built_site)
    assert not broken, f"{len(broken)} broken links:\n" + "\n".join(broken[:30])


def test_link_checker_catches_a_broken_link(tmp_path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text('<p id="here"><a href="../b/">b</a> <a href="#here">ok</a> <a href="#gone">x</a></p>')
    assert sorted(broken_links(tmp_path)) == ["a/index.html -> #gone (no #gone)", "a/index.html -> ../b/ (no such file)"]
