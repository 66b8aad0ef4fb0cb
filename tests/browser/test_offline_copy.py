"""The offline copy (make offline) works from file://: links to pages, math, and search in each language.

Built from a small project that shares the site's configuration, hooks and assets, so it takes seconds.
"""

from __future__ import annotations

import re
import shutil
import zipfile

import pytest

from browsertools import wait_for_math, wait_for_search
from sitetools import ROOT, build_site

pytestmark = pytest.mark.browser

PAGES = {
    "ko": ("# 시작 { #start }\n\n[소개](about.md)로 간다. 식 $x^2$이 있다.\n",
           "# 소개 { #about }\n\n**벼리말**은 이 쪽에만 있다. 식 $\\sqrt{y}$.\n"),
    "en": ("# Start { #start }\n\nGo to the [about page](about.md). A formula $x^2$.\n",
           "# About { #about }\n\nThe word **quillwort** is only here. A formula $\\sqrt{y}$.\n"),
}
WORD = {"ko": "벼리말", "en": "quillwort"}


def small_project(tmp_path):
    tmp_path.mkdir(parents=True, exist_ok=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(re.sub(r"\nnav:\n(?:  .*\n?)*", "\n", config), encoding="utf-8")
    for name in ("hooks", "overrides", "node_modules", "src", "snippets"):
        (tmp_path / name).symlink_to(ROOT / name)
    for item in ("stylesheets", "javascripts"):
        shutil.copytree(ROOT / "docs" / item, tmp_path / "docs" / item)
    for lang, (index, about) in PAGES.items():
        (tmp_path / "docs" / f"index.{lang}.md").write_text(index, encoding="utf-8")
        (tmp_path / "docs" / f"about.{lang}.md").write_text(about, encoding="utf-8")
    return tmp_path / "mkdocs.yml"


@pytest.fixture(scope="module")
def offline_copy(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("offline")
    config = small_project(tmp / "project")
    out = tmp / "studynotes-offline"
    mp = pytest.MonkeyPatch()
    mp.setenv("STUDYNOTES_OFFLINE", "true")
    try:
        result = build_site(out, config)
    finally:
        mp.undo()
    assert result.returncode == 0, result.stderr[-4000:]
    return out


def test_offline_copy_loads_nothing_from_another_host(offline_copy) -> None:
    for page in offline_copy.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "unpkg.com" not in html and "iframe-worker-shim.js" in html, page
    assert (offline_copy / "search" / "search_index.js").is_file()
    assert (offline_copy / "en" / "search" / "search_index.js").is_file()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_offline_copy_works_from_the_file_system(browser, offline_copy, lang) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    remote, loaded = [], []
    page.on("request", lambda r: remote.append(r.url) if not r.url.startswith(("file:", "data:", "blob:")) else None)
    page.on("request", lambda r: loaded.append(r.url))
    prefix = "" if lang == "ko" else "en/"
    page.goto((offline_copy / prefix / "index.html").as_uri())
    # a link to another page is a file, not a folder the browser would list
    page.click("article a[href$='about.html']")
    page.wait_for_url(re.compile(rf"/{prefix}about\.html$"))
    wait_for_math(page)
    assert page.locator("article .arithmatex math").count() == 1
    assert not [u for u in loaded if "search_index" in u or "/workers/search." in u], "search loaded before it was opened"
    page.focus(".md-search__input")
    # from file:// the index loads when the search field is first used; a query typed before it is lost
    wait_for_search(page)
    page.keyboard.type(WORD[lang], delay=30)
    page.keyboard.press("End")  # Hangul arrives as text input without key events; Material reads the query on keys
    page.wait_for_selector(".md-search-result__item")
    hits = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(e => e.href)")
    assert hits and all(re.search(rf"/{prefix}about\.html", h) for h in hits), hits
    # the preview shows the page's formula as math, not as TeX
    page.wait_for_selector(".md-search-result__article math")
    assert "\\sqrt" not in page.inner_text(".md-search-result")
    assert remote == []
    context.close()


def test_a_build_publishes_the_zip_from_the_about_page(offline_copy, tmp_path) -> None:
    archive = tmp_path / "studynotes-offline.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in offline_copy.rglob("*"):
            zf.write(path, path.relative_to(offline_copy.parent).as_posix())
    config = small_project(tmp_path / "project")
    mp = pytest.MonkeyPatch()
    mp.setenv("STUDYNOTES_OFFLINE_ZIP", str(archive))
    try:
        result = build_site(tmp_path / "site", config)
    finally:
        mp.undo()
    assert result.returncode == 0, result.stderr[-4000:]
    assert (tmp_path / "site" / "downloads" / "studynotes-offline.zip").read_bytes() == archive.read_bytes()
    for prefix in ("", "en/"):
        about = tmp_path / "site" / prefix / "about" / "index.html"
        href = re.search(r'<p class="sn-offline-download">[^<]*<a href="([^"]+)" download>', about.read_text(encoding="utf-8"))
        assert href and (about.parent / href.group(1)).resolve() == (tmp_path / "site" / "downloads" / "studynotes-offline.zip")
