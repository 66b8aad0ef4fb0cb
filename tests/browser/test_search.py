"""The site's search, driven like a reader in Material's search box: Korean words find Korean posts,
English words English posts, a query naming a concept finds the post that teaches it first, the
glossary is found row by row, and a query downloads a few small files, not the index.

The query words of the first tests are chosen from each post's own text in the built search index,
so every post is covered without a hand-kept word list.
"""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from browsertools import search_pages, search_results
from searchtools import StaticIndex, site_reader
from sitetools import doc_pages

pytestmark = pytest.mark.browser

POSTS = [p.split("/", 1)[1] for p in doc_pages() if p.startswith("posts/")]
HANGUL_WORD = re.compile(r"[가-힣]{2,}")
ENGLISH_WORD = re.compile(r"\b[a-z]{6,}\b")
PARTICLES = ("를", "을", "는", "은", "이", "가", "의", "에서", "에", "로", "와", "과")


def post_texts(site, lang: str) -> dict[str, str]:
    """Each post's titles and teasers (the start of each section) in the built index."""
    docs = StaticIndex(site_reader(site), lang).entries
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


SEARCH_FILES = re.compile(r"/search/(?:search_index\.json|shards/|pages/)|/workers/search\.")


@pytest.mark.parametrize("lang,query", [("ko", "분산"), ("en", "variance")])
def test_search_loads_only_when_opened_and_previews_formulas(browser, base_url, lang, query) -> None:
    """No page downloads the search index or the worker before the reader opens search; instant
    navigation keeps working meanwhile; once opened, search finds pages and previews their formulas
    as math, having downloaded only its language's small index files."""
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
    data = [u.split("?")[0] for u in requested if re.search(r"/search/(?:shards|pages)/", u)]
    assert data and all(u.startswith(f"{base_url}{prefix}search/") for u in data), data
    pages_listed = page.locator(".md-search-result__item").count()
    assert len([u for u in data if "/pages/" in u]) <= pages_listed, "teasers fetched for pages not listed"
    context.close()


# Each query names a concept that one post teaches; that post must be the first result. The Korean
# queries carry particles and spacing as readers type them; some use a synonym the posts do not use
# (베이즈 정리: the posts say 베이즈 규칙; 규제: the site writes 정칙화), found through the glossary.
FIRST = {
    "ko": {
        "정칙화는": "regularization-normalization", "드롭아웃을": "regularization-normalization",
        "배치 정규화의": "regularization-normalization", "모멘텀으로": "cs231n-lecture-7", "학습률이": "cs231n-lecture-7",
        "안장점": "cs231n-lecture-7", "가중치 초기화": "cs231n-lecture-6", "시그모이드는": "cs231n-lecture-6",
        "조건부 확률": "stat110-lectures-4-10", "베이즈 정리를": "stat110-lectures-4-10",
        "도박꾼의 파산": "stat110-lectures-4-10", "몬티 홀": "stat110-lectures-4-10", "심슨의 역설": "stat110-lectures-4-10",
        "결합분포": "stat110-lecture-19", "주변분포를": "stat110-lecture-19", "확률질량함수": "stat110-lecture-19",
        "다항분포": "stat110-lecture-20", "코시분포의": "stat110-lecture-20", "적률생성함수": "stat110-lecture-20",
        "라쏘": "regularization-normalization", "엘라스틱 넷": "regularization-normalization",
        # more of our own
        "L2 규제": "regularization-normalization", "가중치 감쇠": "regularization-normalization",
        "정칙화 경로": "regularization-normalization", "초기하분포": "stat110-lectures-4-10",
        "베이즈 규칙": "stat110-lectures-4-10", "닭과 달걀": "stat110-lecture-19", "MGF": "stat110-lecture-20",
        "적률 생성 함수": "stat110-lecture-20", "He 초기화": "cs231n-lecture-6", "Adam": "cs231n-lecture-7",
        "아담": "cs231n-lecture-7",
    },
    "en": {
        "momentum": "cs231n-lecture-7", "saddle point": "cs231n-lecture-7", "Cauchy": "stat110-lecture-20",
        "Monty Hall": "stat110-lectures-4-10", "batch normalization": "regularization-normalization",
        "dropout": "regularization-normalization",
        # more of our own
        "Bayes theorem": "stat110-lectures-4-10", "lasso": "regularization-normalization",
        "multinomial": "stat110-lecture-20", "joint distribution": "stat110-lecture-19",
        "weight initialization": "cs231n-lecture-6", "gambler's ruin": "stat110-lectures-4-10",
        "weight decay": "regularization-normalization", "MGF": "stat110-lecture-20", "Adam": "cs231n-lecture-7",
    },
}


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_query_naming_a_concept_lists_the_post_that_teaches_it_first(open_page, lang) -> None:
    tab, watch = open_page("" if lang == "ko" else "en/")
    wrong = []
    for query, slug in FIRST[lang].items():
        results = search_results(tab, query)
        if not results or results[0] != f"posts/{slug}/":
            wrong.append(f"{query!r}: {results[:4]} (expected posts/{slug}/ first)")
    assert not wrong, "\n".join(wrong)
    watch.assert_clean()


@pytest.mark.parametrize("lang,query,row,post", [
    ("ko", "베이즈 정리", "g-bayes-rule", "4~10강 Review"),  # an alias: the row says 베이즈 규칙
    ("en", "Bayes theorem", "g-bayes-rule", "Lectures 4-10 Review"),
    ("ko", "과적합", "g-overfitting", "Regularization, Normalization"),
])
def test_the_glossary_is_found_row_by_row(open_page, built_site, lang, query, row, post) -> None:
    """A glossary term is a result of its own, at its row, showing its translation and its posts;
    the row exists on the glossary page with that id and links the post."""
    tab, watch = open_page("" if lang == "ko" else "en/")
    results = search_results(tab, query)
    assert f"glossary/#{row}" in results, results
    rows = [r for r in results if r.startswith("glossary/#")]
    assert len(rows) == len(set(rows)), "a glossary row listed twice"
    item = tab.locator(".md-search-result__item", has=tab.locator(f"a[href*='#{row}']"))
    assert item.count() == 1
    text = item.inner_text()
    assert post.split()[0] in text, text
    page = (built_site / ("" if lang == "ko" else "en/") / "glossary" / "index.html").read_text(encoding="utf-8")
    cells = re.search(rf'<tr>\s*<td><strong id="{row}">.*?</tr>', page, re.S)
    assert cells and "../posts/" in cells.group(0), f"no row {row} linking a post on the glossary page"
    watch.assert_clean()


@pytest.mark.parametrize("lang,queries", [
    ("ko", ["코시분포", "라쏘", "확률", "드롭아웃", "모멘텀"]),
    ("en", ["Cauchy", "lasso", "probability", "dropout", "momentum"]),
])
def test_index_pages_never_compete_and_api_pages_come_after_posts(open_page, lang, queries) -> None:
    """The home page, the archive and the category pages repeat each post's card: they are not results.
    An API page is listed after every post that matches."""
    tab, watch = open_page("" if lang == "ko" else "en/")
    for query in queries:
        results = search_results(tab, query)
        assert results, query
        assert not [r for r in results if r == "" or r.startswith(("archive/", "category/"))], (query, results)
        posts = [i for i, r in enumerate(results) if r.startswith("posts/")]
        api = [i for i, r in enumerate(results) if r.startswith("api/")]
        assert posts, (query, results)
        if api:
            assert min(api) > max(posts), (query, results)
    watch.assert_clean()
