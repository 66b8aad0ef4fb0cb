"""Every page in both languages, as a reader's browser shows it."""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from browsertools import AXE, DESKTOP_SMALLEST_PX, lay_out_everything, post_reading_problems, screenshot, wait_for_math
from sitetools import LANGS, doc_pages

pytestmark = pytest.mark.browser

PAGES = doc_pages()
POSTS = [p for p in PAGES if p.startswith("posts/")]


def url_path(page: str, lang: str) -> str:
    prefix = "" if lang == "ko" else "en/"
    return prefix if page == "index" else f"{prefix}{page}/"


def shot_name(page: str, lang: str, scheme: str) -> str:
    return f"{page.replace('/', '--')}.{lang}.{scheme}"


MATH_STATE = """() => {
    // a formula is an inline <math>, or a display formula's box; one left as TeX is a box without <math>
    const spans = [...document.querySelectorAll('.md-content :is(.arithmatex, math:not(.arithmatex math))')];
    const article = document.querySelector('.md-content article') || document.body;
    const clone = article.cloneNode(true);
    clone.querySelectorAll('pre, code, math, script, style, svg').forEach(e => e.remove());
    return {
        formulas: spans.length,
        typeset: spans.filter(s => s.matches('math') || s.querySelector('math')).length,
        errors: document.querySelectorAll('.sn-math-error, math merror').length,
        text: clone.innerText,
    };
}"""


def assert_math_rendered(page, where: str) -> None:
    state = page.evaluate(MATH_STATE)
    assert state["typeset"] == state["formulas"], f"{where}: {state['typeset']} of {state['formulas']} formulas typeset"
    assert state["errors"] == 0, f"{where}: {state['errors']} formulas in error"
    for raw in ("\\(", "\\[", "$$"):
        assert raw not in state["text"], f"{where}: raw TeX {raw!r} visible"


FIGURE_COLOURS = """() => [...document.querySelectorAll('.sn-figure svg')]
    .map(s => getComputedStyle(s.querySelector('text') || s).fill + '|' + getComputedStyle(s).color)"""


# The language switcher's target is computed by one script from the address (language-switch.js); every
# page's own links are checked in the built HTML (tests/site/test_build.py). In the browser it is clicked on
# every post and on one page of each other kind (the home page, the glossary, an API page, a category),
# starting in Korean and in English by turns, so both directions are clicked on posts and on the other pages.
SWITCHED = [*POSTS, "index", "glossary", "api/optim", next(p for p in PAGES if p.startswith("category/"))]
SWITCHES = {(page, LANGS[i % len(LANGS)]) for i, page in enumerate(SWITCHED)}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page", PAGES)
def test_page_reads_cleanly_in_light_and_dark_and_on_a_phone(open_page, base_url, page, lang) -> None:
    """One load of the page (a load typesets hundreds of formulas), checked as a reader sees it at 1280 px:
    math typeset, figures drawn, on a post the figure and layout checks (browsertools.post_reading_problems),
    no serious accessibility violation; then the reader's system turns dark (the palette follows it) and
    every figure takes the dark colours; then the window narrows to a phone's (390 px) and the page does not
    scroll sideways; on the pages in SWITCHES the reader then switches language and lands on the same page.
    No request fails, no script errs.

    A fresh load at 390 px is checked for every post by test_figures.py."""
    tab, watch = open_page(url_path(page, lang))
    where = f"{page} ({lang})"
    assert_math_rendered(tab, where)
    # each figure's drawing (one SVG, or the box of its panels and legend)
    sizes = tab.evaluate("() => [...document.querySelectorAll('.sn-figure__svg')].map(s => s.getBoundingClientRect()).map(r => [r.width, r.height])")
    assert all(w > 100 and h > 50 for w, h in sizes), f"figure drawn with no size: {sizes}"
    if page in POSTS:
        problems = post_reading_problems(tab, f"{where}, 1280 px", lang=lang, smallest=DESKTOP_SMALLEST_PX)
        assert not problems, "\n".join(problems)
    tab.add_script_tag(path=str(AXE))
    violations = tab.evaluate(
        """async () => {
            const result = await axe.run(document, {resultTypes: ['violations']});
            return result.violations.filter(v => ['serious', 'critical'].includes(v.impact))
                .map(v => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(' | ')}`);
        }"""
    )
    assert not violations, f"{where} accessibility: {violations}"
    screenshot(tab, shot_name(page, lang, "light"))
    light_colours = tab.evaluate(FIGURE_COLOURS)
    assert tab.evaluate("() => document.body.getAttribute('data-md-color-scheme')") == "default"
    tab.emulate_media(color_scheme="dark")
    tab.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'slate'")
    dark_colours = tab.evaluate(FIGURE_COLOURS)
    assert len(light_colours) == len(dark_colours)
    for a, b in zip(light_colours, dark_colours):
        assert a != b, f"{where}: a figure keeps its colours in dark mode ({a})"
    screenshot(tab, shot_name(page, lang, "dark"))
    tab.set_viewport_size({"width": 390, "height": 844})
    assert_no_sideways_scrolling(tab, where)
    if (page, lang) in SWITCHES:
        switch_language(tab, base_url, page, lang)
    watch.assert_clean()


SIDEWAYS = "() => document.documentElement.scrollWidth - window.innerWidth"


def assert_no_sideways_scrolling(tab, where: str) -> None:
    """The page is no wider than the window, once reading.js has refitted the formulas to the new width
    (it does so shortly after a resize); a page that stays wider fails after the wait."""
    try:
        tab.wait_for_function(f"() => ({SIDEWAYS})() <= 0", timeout=10_000)
    except PlaywrightTimeout:
        width = tab.evaluate("() => window.innerWidth")
        pytest.fail(f"{where} scrolls sideways by {tab.evaluate(SIDEWAYS)}px at {width}px")


def switch_language(tab, base_url: str, page: str, start: str) -> None:
    """Click the header's language switcher; the reader lands on the same page in the other language."""
    target = "en" if start == "ko" else "ko"
    tab.hover(".md-header__option .md-select")
    tab.click(f".md-select__link[hreflang='{target}']")
    # the click starts a navigation: wait for its address, not for the page it leaves to be idle
    tab.wait_for_url(base_url + url_path(page, target))
    tab.wait_for_load_state("networkidle")
    assert tab.evaluate("() => document.documentElement.lang") == target


def switcher_href(lang: str) -> str:
    return f"() => document.querySelector(\".md-select__link[hreflang='{lang}']\").href"


# Every post is reached by instant navigation once, the languages taking turns (both are covered).
INSTANT = [(post, LANGS[i % len(LANGS)]) for i, post in enumerate(POSTS)]


@pytest.mark.parametrize("post,lang", INSTANT)
def test_instant_navigation_renders_math_and_keeps_the_switcher(open_page, base_url, post, lang) -> None:
    tab, watch = open_page(url_path("index", lang))
    tab.evaluate("() => { window.__noReload = true; }")
    tab.click(f"article a[href$='{post.split('/', 1)[1]}/']")
    tab.wait_for_url(base_url + url_path(post, lang))
    # Material changes the address at the click and swaps the page in when it has arrived; the
    # switcher is rewritten then. Wait for that (a click before it is covered by the next test).
    other = "en" if lang == "ko" else "ko"
    expected = base_url + url_path(post, other)
    tab.wait_for_function(f"expected => ({switcher_href(other)})() === expected", arg=expected, timeout=30_000)
    tab.wait_for_load_state("networkidle")
    wait_for_math(tab)
    assert tab.evaluate("() => window.__noReload === true"), "the click reloaded the page instead of navigating instantly"
    assert_math_rendered(tab, f"{post} ({lang}) after instant navigation")
    assert tab.evaluate(switcher_href(other)) == expected
    watch.assert_clean()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("post", POSTS[:2])
def test_switcher_clicked_right_after_instant_navigation_keeps_the_page(open_page, base_url, post, lang) -> None:
    # A reader who clicks the switcher as soon as the address has changed, before the new page has
    # been swapped in (the header still holds the first page's links), lands on the same post.
    # The post's HTML is held back, so the click surely comes before the swap.
    tab, watch = open_page(url_path("index", lang))
    other = "en" if lang == "ko" else "ko"
    held = []
    tab.route(base_url + url_path(post, lang), lambda route: held.append(route))
    tab.click(f"article a[href$='{post.split('/', 1)[1]}/']")
    tab.wait_for_url(base_url + url_path(post, lang))
    assert tab.evaluate(switcher_href(other)) == base_url + url_path("index", other), "the page was swapped in already"
    tab.hover(".md-header__option .md-select")
    tab.click(f".md-select__link[hreflang='{other}']")
    tab.wait_for_url(base_url + url_path(post, other))
    tab.wait_for_load_state("networkidle")
    assert held, "instant navigation did not fetch the post"
    assert tab.evaluate("() => document.documentElement.lang") == other
    assert tab.url == base_url + url_path(post, other)
    watch.assert_clean()


# For every square root on the page: its tex and how much wider than what it holds it is, in em. The radical
# sign is drawn by the <msqrt> element from the math font and written nowhere in the markup.
ROOT_GAPS = """() => [...document.querySelectorAll('.md-content :is(msqrt, mroot)')].map(root => {
    const inner = [...(root.localName === 'mroot' ? [root.firstElementChild] : root.children)].map(c => c.getBoundingClientRect());
    const width = Math.max(...inner.map(r => r.right)) - Math.min(...inner.map(r => r.left));
    const em = parseFloat(getComputedStyle(root).fontSize);
    return [root.closest('math').dataset.tex, (root.getBoundingClientRect().width - width) / em];
})"""


@pytest.mark.parametrize("path", ["posts/cs231n-lecture-7/", "en/posts/stat110-lecture-20/", "api/prob/"])
def test_every_root_draws_its_radical_sign(open_page, path) -> None:
    tab, watch = open_page(path, width=390)
    lay_out_everything(tab)
    tab.evaluate("document.fonts.ready.then(() => true)")
    gaps = tab.evaluate(ROOT_GAPS)
    assert len(gaps) >= 10, f"{path}: {len(gaps)} roots, expected the page's many"
    # Latin Modern's radical is about 0.8 em wide beside a short radicand; without the glyph there is no gap
    bare = sorted({tex for tex, gap in gaps if gap < 0.5})
    assert not bare, f"{path}: roots drawn without their radical sign: {bare[:5]}"
    watch.assert_clean()
