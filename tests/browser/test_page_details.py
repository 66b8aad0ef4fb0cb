"""Details a reader meets in the browser (issue 29): the 404 page, the language switch keeping the reader's
section, the driven figures' controls (contrast, keyboard focus, touch size, readouts that stay whole)."""

from __future__ import annotations

import pytest

from browsertools import wait_for_math

pytestmark = pytest.mark.browser

# WCAG 2 contrast of an element's text against the first opaque background behind it.
TEXT_CONTRAST = """el => {
    const rgb = c => c.match(/[\\d.]+/g).map(Number);
    const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
        .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
    let bg = null;
    for (let e = el; e && !bg; e = e.parentElement) {
        const c = rgb(getComputedStyle(e).backgroundColor);
        if (c.length < 4 || c[3] === 1) bg = c.slice(0, 3);
    }
    const [hi, lo] = [lum(rgb(getComputedStyle(el).color)), lum(bg || [255, 255, 255])].sort((a, b) => b - a);
    return (hi + 0.05) / (lo + 0.05);
}"""


def test_the_404_page_is_korean_with_english_and_its_links_work(open_page, base_url) -> None:
    tab, watch = open_page("404.html", width=390, height=844)
    assert tab.evaluate("document.documentElement.lang") == "ko"
    assert tab.locator("article .sn-not-found[lang='en']").is_visible()
    tab.locator("article .sn-not-found[lang='ko'] a").first.click()
    tab.wait_for_url(base_url)
    assert tab.evaluate("document.documentElement.lang") == "ko"
    tab.goto(base_url + "404.html", wait_until="networkidle")
    tab.locator(".md-header__option .md-select").hover()
    tab.click(".md-select__link[hreflang='en']")
    tab.wait_for_url(base_url + "en/")
    tab.wait_for_load_state("networkidle")
    assert tab.evaluate("document.documentElement.lang") == "en"
    watch.assert_clean()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_switching_language_keeps_the_section_being_read(open_page, base_url, lang) -> None:
    post = "posts/stat110-lecture-20/"
    here, other = ("", "en/") if lang == "ko" else ("en/", "")
    tab, watch = open_page(here + post, width=1280)
    # the reader scrolls (no anchor in the address) until a section's heading, past the first one and with
    # a paragraph under it before the next heading, has just passed the top
    heading = tab.evaluate(
        """() => {
            const h = [...document.querySelectorAll('.md-content article h2[id]')].slice(1)
                .find(e => e.nextElementSibling && e.nextElementSibling.localName === 'p');
            h.scrollIntoView();
            window.scrollBy(0, 5);
            return h.id;
        }"""
    )
    # the blocks above lay themselves out as they come near the screen (content-visibility), which moves the
    # heading: scroll again until it stays just above the top
    tab.wait_for_function(
        """id => {
            const h = document.getElementById(id), top = h.getBoundingClientRect().top;
            if (top < -10 || top > -1) { h.scrollIntoView(); window.scrollBy(0, 5); return false; }
            return true;
        }""",
        arg=heading,
        polling=200,
    )
    assert "#" not in tab.url
    tab.locator(".md-header__option .md-select").hover()
    tab.click(f".md-select__link[hreflang='{'en' if lang == 'ko' else 'ko'}']")
    tab.wait_for_url(f"{base_url}{other}{post}#{heading}")
    tab.wait_for_load_state("networkidle")
    wait_for_math(tab)
    # the other language opens at that section: its heading near the top of the window, under the header
    tab.wait_for_function(
        """id => { const r = document.getElementById(id).getBoundingClientRect(); return r.top >= 0 && r.top < 200; }""",
        arg=heading,
    )
    watch.assert_clean()


def test_switching_language_at_the_top_opens_the_top(open_page, base_url) -> None:
    tab, watch = open_page("posts/stat110-lecture-20/")
    tab.locator(".md-header__option .md-select").hover()
    tab.click(".md-select__link[hreflang='en']")
    tab.wait_for_url(base_url + "en/posts/stat110-lecture-20/")
    tab.wait_for_load_state("networkidle")
    assert tab.url == base_url + "en/posts/stat110-lecture-20/"
    watch.assert_clean()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_figure_controls_read_well_and_answer_touch_and_keyboard(open_page, scheme) -> None:
    tab, _ = open_page("posts/cs231n-lecture-7/", color_scheme=scheme, width=390, height=844)
    tab.wait_for_selector(".sn-race[data-ready]")
    play = tab.locator(".sn-race__play")
    assert play.evaluate(TEXT_CONTRAST) >= 4.5, f"{scheme}: the play button's words are hard to read"
    assert play.bounding_box()["height"] >= 44
    sliders = tab.locator(".sn-race input[type='range']")
    assert sliders.count() == 3
    for i in range(sliders.count()):
        assert sliders.nth(i).bounding_box()["height"] >= 44, "a slider is a small touch target"
    # the keyboard reaches a slider and shows it: a visible outline, not the page's background colour
    play.focus()
    tab.keyboard.press("Tab")
    focused = tab.evaluate(
        """() => { const e = document.activeElement; const s = getComputedStyle(e);
                   return {type: e.type, style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor}; }"""
    )
    assert focused["type"] == "range" and focused["style"] != "none" and focused["width"] >= 2, focused


@pytest.mark.parametrize("path", ["posts/stat110-lectures-4-10/", "en/posts/stat110-lectures-4-10/"])
def test_a_readout_stays_whole_on_a_phone(open_page, path) -> None:
    tab, _ = open_page(path, width=390, height=844)
    tab.wait_for_selector(".sn-switch[data-ready]")
    readouts = tab.locator(".sn-switch .sn-race__value")
    assert readouts.count() >= 1
    for i in range(readouts.count()):
        readout = readouts.nth(i)
        readout.scroll_into_view_if_needed()
        lines = readout.evaluate("e => new Set([...e.getClientRects()].map(r => Math.round(r.top))).size")
        assert lines == 1, f"{readout.inner_text()!r} wraps inside its expression"
        box, column = readout.bounding_box(), tab.locator(".md-content article").bounding_box()
        assert box["x"] + box["width"] <= column["x"] + column["width"] + 1
