"""Material's search, driven like a reader: Korean words find Korean posts, English words English posts.

The query words are chosen from each post's own text in the built search index, so every post is
covered without a hand-kept word list.
"""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from browsertools import search_pages
from sitetools import doc_pages

pytestmark = pytest.mark.browser

POSTS = [p.split("/", 1)[1] for p in doc_pages() if p.startswith("posts/")]
HANGUL_WORD = re.compile(r"[가-힣]{2,}")
ENGLISH_WORD = re.compile(r"\b[a-z]{6,}\b")
PARTICLES = ("를", "을", "는", "은", "이", "가", "의", "에서", "에", "로", "와", "과")


def post_texts(site, lang: str) -> dict[str, str]:
    path = site / ("search" if lang == "ko" else "en/search") / "search_index.json"
    docs = json.loads(path.read_text(encoding="utf-8"))["docs"]
    texts: dict[str, list[str]] = {slug: [] for slug in POSTS}
    for doc in docs:
        match = re.match(r"posts/([^/]+)/", doc["location"])
        if match and match.group(1) in texts:
            texts[match.group(1)].append(re.sub(r"<[^>]+>", " ", doc["title"] + " " + doc["text"]))
    return {slug: " ".join(parts) for slug, parts in texts.items()}


def distinctive_word(texts: dict[str, str], slug: str, pattern: re.Pattern[str]) -> str:
    """A word of this post that no other post uses (the most frequent such word, ties alphabetical)."""
    own = Counter(pattern.findall(texts[slug].lower() if pattern is ENGLISH_WORD else texts[slug]))
    others = set()
    for other, text in texts.items():
        if other != slug:
            others.update(pattern.findall(text.lower() if pattern is ENGLISH_WORD else text))
    candidates = [(-n, w) for w, n in own.items() if w not in others]
    assert candidates, f"no word of {slug} is unique to it"
    return min(candidates)[1]


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_word_of_each_post_finds_that_post_and_only_pages_of_its_language(open_page, built_site, lang) -> None:
    """On the home page of each language, a reader searches one distinctive word of every post, one after
    another in the same page: each finds its post, and no result is a page of the other language."""
    texts = post_texts(built_site, lang)
    tab, watch = open_page("" if lang == "ko" else "en/")
    failures = []
    for slug in POSTS:
        word = distinctive_word(texts, slug, HANGUL_WORD if lang == "ko" else ENGLISH_WORD)
        # addresses relative to this language's home page; another language's pages keep their full address
        pages = search_pages(tab, word)
        if f"posts/{slug}/" not in pages:
            failures.append(f"searching {word!r} did not find {slug}: {sorted(pages)[:5]}")
        if other := sorted(p for p in pages if p.startswith(("en/", "http"))):
            failures.append(f"searching {word!r} listed pages of the other language: {other[:5]}")
    assert not failures, "\n".join(failures)
    watch.assert_clean()


def test_word_after_an_opening_parenthesis_is_found(open_page, built_site) -> None:
    texts = post_texts(built_site, "ko")
    # A word that, in its post, only ever appears right after "(".
    cases = []
    for slug, text in texts.items():
        inside = set(re.findall(r"\(([가-힣]{2,})", text))
        elsewhere = set(re.findall(r"(?<!\()\b([가-힣]{2,})", text))
        cases += [(slug, w) for w in sorted(inside - elsewhere)]
    assert cases, "no post has a Korean word that only follows '('"
    slug, word = cases[0]
    tab, _ = open_page("")
    assert f"posts/{slug}/" in search_pages(tab, word), f"{word!r} after '(' not found in {slug}"


def test_noun_followed_by_a_particle_is_found_by_the_noun(open_page, built_site) -> None:
    texts = post_texts(built_site, "ko")
    cases = []
    for slug, text in texts.items():
        words = set(HANGUL_WORD.findall(text))
        for word in sorted(words):
            for particle in PARTICLES:
                stem = word[: -len(particle)]
                if word.endswith(particle) and len(stem) >= 3 and stem not in words:
                    cases.append((slug, stem, word))
    assert cases, "no noun+particle form whose bare noun is absent"
    slug, stem, word = cases[0]
    tab, _ = open_page("")
    assert f"posts/{slug}/" in search_pages(tab, stem), f"{stem!r} did not find {slug} (which has {word!r})"


SEARCH_FILES = re.compile(r"/search/search_index\.json|/workers/search\.|/lunr/")


@pytest.mark.parametrize("lang,query", [("ko", "분산"), ("en", "variance")])
def test_search_loads_only_when_opened_and_previews_formulas(browser, base_url, lang, query) -> None:
    """No page downloads the search index, the worker or lunr before the reader opens search; instant
    navigation keeps working meanwhile; once opened, search finds pages and previews their formulas as math."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    prefix = "" if lang == "ko" else "en/"
    page.goto(f"{base_url}{prefix}posts/stat110-lecture-19/", wait_until="networkidle")
    page.evaluate("() => { window.__noReload = true; }")
    start = page.url
    target = page.eval_on_selector("a.md-footer__link", "a => a.href")  # the previous or next page
    page.click("a.md-footer__link")
    page.wait_for_url(target, timeout=120_000)  # instant navigation on a busy machine: a bounded wait, not a sleep
    assert page.url != start
    page.wait_for_load_state("networkidle")
    assert page.evaluate("() => window.__noReload === true"), "instant navigation reloaded the page"
    assert not [u for u in requested if SEARCH_FILES.search(u)], "search files loaded before search was opened"
    hits = search_pages(page, query)
    index = [u for u in requested if u.endswith("/search/search_index.json")]
    assert index == [f"{base_url}{prefix}search/search_index.json"], index
    assert [u for u in requested if "/workers/search." in u], "the search worker did not start"
    assert any("posts/" in h for h in hits), hits
    assert page.locator(".md-search-result math").count() > 0, "no formula in the previews"
    context.close()
