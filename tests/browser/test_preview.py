"""The author's preview (`make serve`): after an edit, the rebuilt page shows the whole menu, the right
previous/next links and the edit, and the search still covers every page (issue 27, item 3).

The serve command is read from the Makefile and run in a temporary copy of the repository on a port of
its own, starting from the executed-block cache of this run's build.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

from searchtools import StaticIndex
from sitetools import LANGS, ROOT

pytestmark = pytest.mark.browser

sys.path.insert(0, str(ROOT / "hooks"))
from studynotes_site.posts import CATEGORIES, CATEGORY_HEADINGS, collect_posts  # noqa: E402

EDITED = "stat110-lecture-20"
FIRST_BUILD_S = 900
EDIT_S = 120


def serve_command(port: int) -> list[str]:
    """`make serve`'s recipe, with this environment's MkDocs and the given port."""
    recipe = re.search(r"^serve:.*\n\t(.+)$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M).group(1)
    recipe = recipe.replace("$(BIN)/mkdocs", f"{sys.executable} -m mkdocs").replace("$(SERVE_ADDR)", f"127.0.0.1:{port}")
    assert "$(" not in recipe, recipe
    return recipe.split()


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return ""


def wait_until(condition, seconds: float, what: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if server.poll() is not None:
            pytest.fail(f"{what}: the server stopped:\n{log.read_text(encoding='utf-8')[-4000:]}")
        if time.monotonic() > deadline:
            pytest.fail(f"{what}: not within {seconds} s:\n{log.read_text(encoding='utf-8')[-4000:]}")
        time.sleep(0.2)


@pytest.fixture
def served(tmp_path, block_cache, built_site):
    """A copy of the repository under `make serve`'s command: (its address, its folder, its log)."""
    copy = tmp_path / "repo"
    copy.mkdir()
    for name in ("docs", "snippets", "hooks", "overrides"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "mkdocs.yml", copy / "mkdocs.yml")
    for name in ("src", "node_modules"):
        (copy / name).symlink_to(ROOT / name)
    cache = tmp_path / "cache"
    shutil.copytree(block_cache, cache)
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "STUDYNOTES_CACHE": "on", "STUDYNOTES_CACHE_DIR": str(cache)}
    env.pop("STUDYNOTES_SITE_URL", None)
    log = tmp_path / "serve.log"
    with open(log, "w", encoding="utf-8") as out:
        server = subprocess.Popen(serve_command(port), cwd=copy, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_until(lambda: "</html>" in fetch(url + f"posts/{EDITED}/"), FIRST_BUILD_S, "first build", server, log)
        yield url, copy, log, server
    finally:
        server.terminate()
        server.wait(30)


def test_search_works_as_soon_as_the_first_page_is_served(served) -> None:
    url, copy, log, server = served
    # no waiting: the first build's index is written before its pages are served (a reader may search
    # at once), in each language
    assert f"posts/{EDITED}/" in found(url, "코시분포")
    for lang in LANGS:
        pages = {entry["location"].split("#")[0] for entry in StaticIndex(lambda path: fetch(url + path), lang).entries}
        assert {f"posts/{post['slug']}/" for post in collect_posts(copy / "docs", lang)} <= pages, lang


def test_an_edited_post_shows_the_whole_menu_and_its_neighbours(served, browser) -> None:
    url, copy, log, server = served
    source = copy / "docs" / "posts" / f"{EDITED}.ko.md"
    original = source.read_text(encoding="utf-8")
    marker = f"미리보기 확인용 문장 {time.time_ns()}"
    source.write_text(original + f"\n{marker}\n", encoding="utf-8")
    page_url = url + f"posts/{EDITED}/"
    wait_until(lambda: marker in fetch(page_url), EDIT_S, "the edit", server, log)

    def rebuilds() -> list[str]:
        return re.findall(r"preview: rebuilt (\d+) pages in [\d.]+ s: (.*)", log.read_text(encoding="utf-8"))

    wait_until(lambda: len(rebuilds()) >= 2, 30, "the rebuild's log line", server, log)
    first, edit = rebuilds()[0], rebuilds()[-1]
    assert f"posts/{EDITED}.ko.md" in edit[1] and int(edit[0]) < int(first[0]), rebuilds()

    posts = collect_posts(copy / "docs", "ko")
    titles = [p["title"] for p in posts]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        tab = context.new_page()
        tab.goto(page_url, wait_until="domcontentloaded")
        # the edit, where a reader scrolls to it: the article's blocks below the screen are skipped
        # (content-visibility: auto in site.css) and left out of inner_text until a frame after they
        # come near it
        edit = tab.locator("article p", has_text=marker)
        assert edit.count() == 1, tab.content()[-4000:]
        edit.scroll_into_view_if_needed()
        expect(edit).to_contain_text(marker, use_inner_text=True, timeout=EDIT_S * 1000)
        # every entry, in collapsed sections too (text_content: inner_text is empty for what is not shown)
        menu = [t.strip() for t in tab.locator(".md-nav--primary .md-nav__link .md-ellipsis").all_text_contents()]
        assert "None" not in menu and all(menu), menu
        for title in titles:  # every post, by its title
            assert title in menu, title
        # the footer stays inside the post's course: its category page, then its posts in the menu's order
        category = next(p["category"] for p in posts if p["slug"] == EDITED)
        names = {f"posts/{p['slug']}": p["title"] for p in posts if p["category"] == category}
        names[f"category/{category}"] = CATEGORY_HEADINGS["ko"].format(label=CATEGORIES[category]["ko"])
        menu = re.findall(r"- ((?:category|posts)/[\w-]+)\.md", (copy / "mkdocs.yml").read_text(encoding="utf-8"))
        course = [names[m] for m in menu if m in names]
        i = course.index(names[f"posts/{EDITED}"])
        expected = {"prev": course[i - 1] if i else None, "next": course[i + 1] if i + 1 < len(course) else None}
        footer = {rel: tab.locator(f".md-footer__link--{rel} .md-ellipsis") for rel in ("prev", "next")}
        for rel, title in expected.items():
            if title is None:
                assert footer[rel].count() == 0
            else:
                assert footer[rel].inner_text().strip() == title, rel
        assert "None" not in tab.inner_text("body")
    finally:
        context.close()

    # the search index (written after the page is served, in the background: a later rebuild may supersede
    # it) finds the edit's words, and still holds every page of each language
    number = marker.split()[-1]  # a term no other page has
    wait_until(lambda: found(url, number, tolerant=True) == {f"posts/{EDITED}/"}, 120, "the edit's index", server, log)
    for lang in LANGS:
        index = StaticIndex(lambda path: fetch(url + path), lang)
        pages = {entry["location"].split("#")[0] for entry in index.entries}
        for post in collect_posts(copy / "docs", lang):
            assert f"posts/{post['slug']}/" in pages, (lang, post["slug"])

    # a burst of edits, each made as soon as the previous one shows (its index still being written): each
    # replaces the last sentence; the index ends with the last one's, and none of the others' sentences
    numbers = [str(time.time_ns() + i) for i in range(3)]
    for n in numbers:
        source.write_text(original + f"\n미리보기 확인용 문장 {n}\n", encoding="utf-8")
        wait_until(lambda n=n: n in fetch(page_url), EDIT_S, "an edit of the burst", server, log)
    wait_until(lambda: found(url, numbers[-1], tolerant=True) == {f"posts/{EDITED}/"}, 120, "the last edit's index",
               server, log)
    assert [found(url, n) for n in [number, *numbers[:-1]]] == [set()] * len(numbers)
    for lang in LANGS:  # every page still there
        pages = {entry["location"].split("#")[0] for entry in StaticIndex(lambda path: fetch(url + path), lang).entries}
        assert {f"posts/{post['slug']}/" for post in collect_posts(copy / "docs", lang)} <= pages, lang


def found(url: str, term: str, tolerant: bool = False) -> set[str] | None:
    """The Korean pages the served search index lists for ``term``; ``tolerant``: None while the index cannot
    be read (not written yet: read again)."""
    try:
        index = StaticIndex(lambda path: fetch(url + path), "ko")
        return {location.split("#")[0] for location in index.documents(term)}
    except (ValueError, KeyError):
        if tolerant:
            return None
        raise

