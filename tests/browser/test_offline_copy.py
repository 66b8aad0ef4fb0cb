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
    assert page.locator("article math").count() == 1
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
        html = about.read_text(encoding="utf-8")
        href = re.search(r'<p class="sn-offline-download">[^<]*<a href="([^"]+)" download>[^<]*</a> \(([\d.]+) MB\)', html)
        assert href and (about.parent / href.group(1)).resolve() == (tmp_path / "site" / "downloads" / "studynotes-offline.zip")
        assert float(href.group(2)) == round(archive.stat().st_size / 1e6, 1)  # its size, as the reader downloads it


def stale(archive, tmp_path, change):
    """A copy of ``archive`` whose stamp ``change`` rewrites (None: without one)."""
    out = tmp_path / f"zip-{len(list(tmp_path.glob('zip-*')))}.zip"
    with zipfile.ZipFile(archive) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename.endswith("/offline-build.txt"):
                if change is None:
                    continue
                data = change(data)
            dst.writestr(info, data)
    return out


def test_a_zip_built_from_other_sources_is_refused(offline_copy, tmp_path) -> None:
    archive = tmp_path / "studynotes-offline.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in offline_copy.rglob("*"):
            zf.write(path, path.relative_to(offline_copy.parent).as_posix())
    config = small_project(tmp_path / "project")
    cases = {
        "other sources": (stale(archive, tmp_path, lambda d: b"0" * 64 + b"\n"), "built from other sources than this build"),
        "no stamp": (stale(archive, tmp_path, None), "not an offline copy made by `make offline`"),
    }
    for name, (zipped, message) in cases.items():
        mp = pytest.MonkeyPatch()
        mp.setenv("STUDYNOTES_OFFLINE_ZIP", str(zipped))
        try:
            result = build_site(tmp_path / f"site-{name}", config)
        finally:
            mp.undo()
        assert result.returncode != 0 and message in result.stderr, (name, result.stderr[-2000:])


@pytest.fixture(scope="module")
def full_offline_copy(built_site, block_cache, tmp_path_factory):
    """The whole site as `make offline` builds it (the run's block cache spares running the examples again)."""
    out = tmp_path_factory.mktemp("full-offline") / "studynotes-offline"
    mp = pytest.MonkeyPatch()
    mp.setenv("STUDYNOTES_OFFLINE", "true")
    try:
        result = build_site(out, cache_dir=block_cache)
    finally:
        mp.undo()
    assert result.returncode == 0, result.stderr[-4000:]
    return out


LINK = re.compile(r'<(?:a|link|script|img|iframe)\b[^>]*?\b(?:href|src)="([^"]*)"')


def test_every_link_of_the_offline_copy_opens_a_file(full_offline_copy) -> None:
    """From file:// a link to a folder shows a file listing and an absolute path leaves the copy: every relative
    link and resource of every page must name a file inside it (the build report's links to the posts among them)."""
    broken, checked = [], 0
    for page in sorted(full_offline_copy.rglob("*.html")):
        for url in LINK.findall(page.read_text(encoding="utf-8")):
            if re.match(r"[a-z][a-z0-9+.-]*:|#", url) or url.startswith("//"):
                continue
            path = url.split("#")[0].split("?")[0]
            target = (page.parent / path).resolve() if not path.startswith("/") else None
            checked += 1
            if target is None or not target.is_file() or full_offline_copy.resolve() not in target.parents:
                broken.append(f"{page.relative_to(full_offline_copy)}: {url}")
    assert checked > 1000 and not broken, broken[:20]
    report = (full_offline_copy / "build-report.html").read_text(encoding="utf-8")
    assert re.search(r'<a href="posts/[a-z0-9-]+\.html">', report)
    assert (full_offline_copy / "offline-build.txt").is_file() and not (full_offline_copy / "404.html").exists()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_offline_pages_log_no_console_error(browser, full_offline_copy, lang) -> None:
    """Material fetches sitemap.xml beside every <link rel="alternate">; from file:// that is a console error."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    problems = []
    page.on("console", lambda m: problems.append(f"{m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    root = full_offline_copy / ("" if lang == "ko" else "en")
    for name in ("index.html", "posts/stat110-lecture-20.html", "posts/cs231n-lecture-7.html", "about.html",
                 "build-report.html", "glossary.html"):
        page.goto((root / name).as_uri())
        page.wait_for_load_state("load")
        wait_for_math(page)
        # the sitemap request follows the page's first render; a later page load would not show it otherwise
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))")
    page.goto((root / "index.html").as_uri())  # one more load: anything the last page started has finished or failed
    page.wait_for_load_state("load")
    assert problems == [], problems
    context.close()
