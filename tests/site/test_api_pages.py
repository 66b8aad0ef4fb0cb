"""The API reference as built: one light page per subpackage, honest about its language, with working back-links."""

from __future__ import annotations

import gzip
import re

import pytest

from sitetools import LANGS, ROOT, built_page

API_PAGES = ["api", *(f"api/{p.name.split('.')[0]}" for p in sorted((ROOT / "docs" / "api").glob("*.en.md")))]
# What a reader downloads: pages are served compressed (GitHub Pages gzips HTML). Formulas are MathML built with
# the site (verbose markup that compresses well, and no typesetting script to download), so the raw size no longer
# tracks the transfer; the biggest API page is about 27 KB compressed.
BUDGET = 40 * 1024
BACK_LINK = re.compile(r'Introduced in: <a href="([^"]+)"')


def test_reference_is_split_per_subpackage() -> None:
    # plotting is a site helper, documented on the helpers page (tests/site/test_build.py)
    subpackages = sorted(p.parent.name for p in (ROOT / "src" / "studynotes").glob("*/__init__.py") if p.parent.name != "plotting")
    # prob is split in two to stay under the budget: distributions and numerics, then simulations and Monte Carlo
    assert sorted(API_PAGES) == sorted(["api", "api/helpers", "api/prob-simulate", *(f"api/{s}" for s in subpackages)])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", API_PAGES)
def test_api_page_is_under_budget_and_its_back_links_work(built_site, page, lang) -> None:
    path = built_page(built_site, page, lang)
    html = path.read_text(encoding="utf-8")
    size = len(gzip.compress(html.encode("utf-8")))
    assert size < BUDGET, f"{page} ({lang}) transfers {size / 1024:.0f} KB compressed, over the {BUDGET // 1024} KB budget"
    links = BACK_LINK.findall(html)
    if page != "api":
        assert links, f"{page} ({lang}): no 'Introduced in' link"
    post_root = (built_site / ("" if lang == "ko" else "en") / "posts").resolve()
    for href in set(links):
        target = (path.parent / href).resolve()
        assert target.parent == post_root and (target / "index.html").is_file(), (
            f"{page} ({lang}): 'Introduced in' link {href} does not lead to a {lang} post"
        )


@pytest.mark.parametrize("page", API_PAGES)
def test_korean_api_pages_say_the_reference_is_english(built_site, page) -> None:
    ko = built_page(built_site, page, "ko").read_text(encoding="utf-8")
    en = built_page(built_site, page, "en").read_text(encoding="utf-8")
    notice = re.search(r'<div class="admonition note">\s*<p class="admonition-title">([^<]*)</p>\s*<p>([^<]*)</p>', ko)
    assert notice and "영어" in notice.group(1) + notice.group(2), f"{page} (ko): no notice that the reference is in English"
    assert "영어" not in en
