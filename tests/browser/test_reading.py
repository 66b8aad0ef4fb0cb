"""Reading on every screen (issue 13): result tabs, formulas, tables, Korean line breaks, Korean search.

Checked as a reader's browser lays the page out. The layout checks (browsertools.LAYOUT) run on every
post in both languages with the figure checks, at 390 px (a phone, test_figures.py) and 1280 px (a
desktop, test_pages.py); here at 680 px (a narrow desktop window).
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from browsertools import LAYOUT, MID_WORD_BREAKS, layout_problems, search_pages, wait_for_math
from sitetools import ROOT

pytestmark = pytest.mark.browser

FIGURES_VISIBLE = """() => [...document.querySelectorAll('.md-content .sn-figure')].map(f => {
    const r = f.getBoundingClientRect();
    return f.checkVisibility() && r.width > 50 && r.height > 50;
})"""


def figures_shown(tab) -> list[bool]:
    """Every figure's visibility, once all are visible or after 15 s (a page swapped in by instant
    navigation lays its figures out a moment after its math is typeset)."""
    try:
        tab.wait_for_function(f"() => ({FIGURES_VISIBLE})().every(Boolean)", timeout=15_000)
    except PlaywrightTimeout:
        pass  # the assertion below names what stayed hidden
    return tab.evaluate(FIGURES_VISIBLE)


def result_tabs_checked(tab) -> list[bool]:
    """For every result/source tab set on the page: is its first tab (the result) the one shown?"""
    return tab.evaluate(
        "() => [...document.querySelectorAll('.md-content .tabbed-set')].map(s => s.querySelector(':scope > input').checked)"
    )


def test_a_source_click_changes_only_its_block_and_no_other_page(open_page) -> None:
    tab, watch = open_page("posts/cs231n-lecture-7/")
    first = result_tabs_checked(tab)
    assert len(first) >= 3 and all(first), f"a block opens on its source: {first}"
    # A reader opens the source of one block.
    tab.locator(".md-content .tabbed-set").nth(1).locator(".tabbed-labels > label").nth(1).click()
    after = result_tabs_checked(tab)
    assert after[1] is False, "the clicked block did not switch to its source"
    assert [a for i, a in enumerate(after) if i != 1] == [True] * (len(after) - 1), f"other blocks switched too: {after}"
    # The previous page of the course, lecture 6 (instant navigation keeps the session; a full load keeps local
    # storage), shows results.
    tab.locator("a.md-footer__link--prev").click()
    tab.wait_for_url("**/posts/**")
    assert "cs231n-lecture-7" not in tab.url
    wait_for_math(tab)
    shown = figures_shown(tab)
    assert shown and all(shown), f"{tab.url}: figures hidden after a source click elsewhere: {shown}"
    assert all(result_tabs_checked(tab))
    for path in ("en/posts/cs231n-lecture-7/", "posts/stat110-lecture-20/"):
        tab.goto(tab.url.split("/posts/")[0].removesuffix("/en") + "/" + path, wait_until="networkidle")
        wait_for_math(tab)
        shown = figures_shown(tab)
        assert shown and all(shown), f"{path}: figures hidden after a source click on another page: {shown}"
        assert all(result_tabs_checked(tab)), f"{path}: a block opens on its source"
    # Leaving a page aborts its in-flight loads (the search worker's scripts); those are not failures.
    watch.failed = [f for f in watch.failed if "ERR_ABORTED" not in f]
    watch.assert_clean()


# The code of each block, as its tab shows it: its file name, the code's text, how many highlighting
# spans it holds, and what the copy button copies (the element its clipboard target names).
SOURCE_TABS = """() => [...document.querySelectorAll('.md-content .tabbed-set')].map(s => {
    const block = s.querySelectorAll(':scope > .tabbed-content > .tabbed-block')[1];
    const code = block.querySelector('pre > code');
    const button = block.querySelector('button[data-clipboard-target]');
    const target = button && document.querySelector(button.dataset.clipboardTarget);
    return {file: block.querySelector('.filename').textContent, text: code.textContent,
            spans: code.querySelectorAll('span').length, copies: target ? target.textContent : null};
})"""


def snippet_text(slug: str, file: str) -> str:
    return (ROOT / "snippets" / slug / file).read_text(encoding="utf-8").rstrip("\n")


def test_a_code_tab_shows_its_whole_file_highlighted_once_opened_and_copies_it(open_page) -> None:
    slug = "stat110-lecture-20"
    tab, watch = open_page(f"en/posts/{slug}/", width=390, height=844)
    closed = tab.evaluate(SOURCE_TABS)
    assert len(closed) >= 3
    for block in closed:  # closed: plain text (no elements), the whole file, and the copy button copies it
        assert block["text"].rstrip("\n") == snippet_text(slug, block["file"]), block["file"]
        assert block["spans"] == 0, f"{block['file']}: a closed tab holds {block['spans']} highlighting spans"
        assert block["copies"] is not None and block["copies"].rstrip("\n") == block["text"].rstrip("\n")
    tab.locator(".md-content .tabbed-set").nth(1).locator(".tabbed-labels > label").nth(1).click()
    tab.wait_for_function(f"() => ({SOURCE_TABS})()[1].spans > 0", timeout=10_000)
    opened = tab.evaluate(SOURCE_TABS)
    assert opened[1]["text"] == closed[1]["text"] and opened[1]["copies"] == closed[1]["copies"]
    assert tab.locator(".md-content .tabbed-set").nth(1).locator("pre > code .kn").first.is_visible()
    # keywords in the keyword colour, not the text colour
    colours = tab.evaluate("""() => { const c = document.querySelectorAll('.md-content .tabbed-set')[1].querySelector('pre > code');
        return [getComputedStyle(c.querySelector('.kn')).color, getComputedStyle(c).color]; }""")
    assert colours[0] != colours[1], colours
    assert [b["spans"] for i, b in enumerate(opened) if i != 1] == [0] * (len(opened) - 1), "other tabs changed too"
    watch.assert_clean()


def test_a_code_tab_shows_its_code_without_javascript(browser, base_url) -> None:
    slug = "stat110-lecture-20"
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{base_url}posts/{slug}/")
        page.locator(".md-content .tabbed-set").first.locator(".tabbed-labels > label").nth(1).click()
        code = page.locator(".md-content .tabbed-set").first.locator(".tabbed-block").nth(1).locator("pre > code")
        assert code.is_visible()
        file = page.locator(".md-content .tabbed-set").first.locator(".filename").text_content()
        assert code.text_content().rstrip("\n") == snippet_text(slug, file)
        # the chosen tab's label is underlined (the theme's indicator needs its script)
        border = page.locator(".md-content .tabbed-set").first.locator(".tabbed-labels > label").nth(1).evaluate(
            "l => getComputedStyle(l).borderBottomColor"
        )
        assert border not in ("rgba(0, 0, 0, 0)", "transparent"), border
    finally:
        context.close()


# Every post at 390 and 1280 px in both languages is checked with the figures (test_figures.py and
# test_pages.py, one load of each); here the width in between, where the navigation drawer closes and the column is at its narrowest.
CASES = [("posts/cs231n-lecture-7/", 680), ("en/posts/cs231n-lecture-7/", 680)]


@pytest.mark.parametrize("path,width", CASES, ids=[f"{p.strip('/').replace('/', '-')}-{w}" for p, w in CASES])
def test_formulas_tables_and_korean_lines_fit_the_screen(open_page, path, width) -> None:
    tab, watch = open_page(path, width=width, height=844 if width < 500 else 900)
    problems = layout_problems(tab, korean=not path.startswith("en/"))
    assert not problems, f"{path} at {width}px: {problems}"
    watch.assert_clean()


def test_layout_check_sees_an_inline_scroll_box(open_page) -> None:
    """The checks above see the old narrow-screen rule (each inline formula its own scroll box), a split word,
    and a particle parted from its formula."""
    tab, _ = open_page("posts/cs231n-lecture-7/", width=390, height=844)
    tab.wait_for_function("() => document.querySelectorAll('.sn-nobr').length > 0")
    assert not tab.evaluate(LAYOUT)["particlesSplit"]
    tab.add_style_tag(
        content=".md-typeset math { display: inline-block; max-width: 3em; overflow-x: auto; }"
    )
    layout = tab.evaluate(LAYOUT)
    assert layout["inlineScrollBoxes"], "an overflowing inline scroll box went unnoticed"
    tab.add_style_tag(content=".md-content article p { width: 3em; word-break: break-all; }")
    assert tab.evaluate(MID_WORD_BREAKS), "words split across lines went unnoticed"
    # without the glue (a word joiner does not hold a line break next to <math> in Chromium) pairs split
    tab.add_style_tag(content=".md-typeset .sn-nobr { white-space: normal; }")
    assert tab.evaluate(LAYOUT)["particlesSplit"], "a particle on the line after its formula went unnoticed"


# Korean search: a word with a particle finds the pages the bare word finds, and the tail of a
# compound finds every page with the compound. All words come from the posts.
PARTICLE_PAIRS = [
    ("모멘텀", "모멘텀을"),
    ("정규화", "정규화를"),
    ("확률변수", "확률변수의"),
    ("이항분포", "이항분포가"),
    ("드롭아웃", "드롭아웃은"),
    ("학습률", "학습률이"),
    ("가중치", "가중치를"),
    ("기댓값", "기댓값의"),
    ("분산", "분산으로"),
    ("초기화", "초기화는"),
    ("손실", "손실에서"),
    ("독립", "독립으로"),
    ("공분산", "공분산과"),
    ("안장점", "안장점을"),
    ("기울기", "기울기도"),
    ("앙상블", "앙상블로"),
    ("과적합", "과적합은"),
    ("표본", "표본에서"),
    ("주변분포", "주변분포의"),
]
COMPOUND_TAILS = [
    ("확률질량함수", "질량함수"),
    ("적률생성함수", "생성함수"),
    ("확률밀도함수", "밀도함수"),
    ("누적분포함수", "분포함수"),
    ("배치 정규화", "정규화"),
]


# the home, archive and category pages repeat the posts' cards: by design no search result
# (tests/browser/test_search.py), so not among the pages a compound's tail must find
INDEX_PAGES = re.compile(r"^(?:|archive/|category/[^/]+/)$")


def pages_containing(site, text: str) -> set[str]:
    """The Korean pages whose article holds ``text``, read from the built pages."""
    found = set()
    for path in site.rglob("index.html"):
        address = path.parent.relative_to(site).as_posix()
        address = "" if address == "." else address + "/"
        if address.startswith("en/") or INDEX_PAGES.match(address):
            continue
        article = re.search(r"<article\b.*?</article>", path.read_text(encoding="utf-8"), re.S)
        if article and text in re.sub(r"<[^>]+>", "", article.group(0)):
            found.add(address)
    return found


def test_korean_search_ignores_particles_and_finds_compound_tails(open_page, built_site) -> None:
    tab, watch = open_page("")
    differ = []
    for bare, with_particle in PARTICLE_PAIRS:
        expected = search_pages(tab, bare)
        assert expected, f"{bare!r} finds nothing"
        found = search_pages(tab, with_particle)
        if found != expected:
            differ.append((with_particle, sorted(expected ^ found)))
    assert not differ, f"a particle changes what is found: {differ}"
    missed = []
    for compound, tail in COMPOUND_TAILS:
        pages = pages_containing(built_site, compound)
        assert pages, f"no page contains {compound!r}"
        found = search_pages(tab, tail)
        if not pages <= found:
            missed.append((tail, compound, sorted(pages - found)))
    assert not missed, f"the tail of a compound misses pages with the compound: {missed}"
    watch.assert_clean()


# TeX left in a preview's prose (code and typeset formulas aside): a delimiter, or a command such as
# \gamma (a formula that was not typeset and lost its delimiters).
PREVIEW_TEX = r"""() => [...document.querySelectorAll('.md-search-result__article')].map(a => {
    const c = a.cloneNode(true);
    c.querySelectorAll('pre, code, math').forEach(e => e.remove());
    const t = c.textContent, i = t.search(/\\[()[\]]|\\[A-Za-z]{2,}/);
    return i < 0 ? null : t.slice(Math.max(0, i - 30), i + 50);
}).filter(Boolean)"""


def assert_previews_typeset(tab) -> None:
    """The previews hold the formulas as MathML (rendered with the site): no TeX is left in their prose."""
    try:
        tab.wait_for_function(PREVIEW_TEX.replace("() =>", "() => (") + ").length === 0", timeout=15_000)
    except PlaywrightTimeout:
        pass  # the assertion below says what is left
    assert not tab.evaluate(PREVIEW_TEX), f"raw TeX in search previews: {tab.evaluate(PREVIEW_TEX)[:3]}"


@pytest.mark.parametrize("path,query", [("", "학습률"), ("en/", "learning rate")])
def test_search_previews_show_formulas_not_tex(open_page, path, query) -> None:
    tab, watch = open_page(path)
    search_pages(tab, query)
    assert_previews_typeset(tab)
    formulas = tab.locator(".md-search-result math")
    assert formulas.count() > 0, "no formula in the previews"
    # drawn as math, with the site's math font: a fraction is taller than a line of text
    assert tab.evaluate("""() => document.fonts.check('16px "SN Math"', 'x') && [...document.querySelectorAll(
        '.md-search-result mfrac')].some(f => f.getBoundingClientRect().height > 20)"""), "preview formulas not drawn as math"
    watch.assert_clean()


# A display formula in a preview that is wider than its box and not a scroll box is cut off.
PREVIEW_FORMULAS = """() => [...document.querySelectorAll('.md-search-result math[display="block"]')].map(m => ({
    wide: m.scrollWidth > m.clientWidth + 1,
    scrolls: ['auto', 'scroll'].includes(getComputedStyle(m).overflowX),
    text: m.closest('.md-search-result__article').textContent.slice(0, 40),
}))"""


def test_search_previews_fit_a_phone(open_page) -> None:
    """On a phone a preview's formula wider than the screen scrolls inside itself; the list never scrolls sideways."""
    tab, watch = open_page("", width=390, height=844)
    search_pages(tab, "정규화를")
    # the reader opens every "n more on this page"
    tab.eval_on_selector_all("details.md-search-result__more", "ds => ds.forEach(d => { d.open = true; })")
    assert_previews_typeset(tab)
    formulas = tab.evaluate(PREVIEW_FORMULAS)
    assert [f for f in formulas if f["wide"]], "no preview formula wider than a phone: the check below checks nothing"
    assert not [f["text"] for f in formulas if f["wide"] and not f["scrolls"]], "a preview formula is cut off"
    wrap = tab.evaluate("(w => [w.scrollWidth, w.clientWidth])(document.querySelector('.md-search__scrollwrap'))")
    assert wrap[0] <= wrap[1], f"the result list scrolls sideways: {wrap}"
    watch.assert_clean()
