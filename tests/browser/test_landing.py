"""A link to a place in a page (#name) lands on it, the place stays in view while the page finishes, and
scrolling up from it moves the page by the scroll alone.

Long pages skip the layout of blocks away from the screen (content-visibility in site.css); drawn at their
real size after the landing, the blocks above the place would move it (on a phone, the section under
lecture 6's tall tab set ended 2,400 px below the screen). docs/javascripts/reading.js keeps the place at
the top; site.css skips only blocks the browser draws before they reach the screen. Checked once the page
has settled: no change of the article's height and no block drawn or skipped for 20 frames in a row.
"""

from __future__ import annotations

import re

import pytest
from browsertools import PageWatch

pytestmark = pytest.mark.browser

# counts the frames since the article last changed height or a skipped block was drawn (or skipped again)
SETTLE = """
window.snQuiet = 0;
addEventListener("DOMContentLoaded", () => {
  const restart = () => { window.snQuiet = 0; };
  new ResizeObserver(restart).observe(document.querySelector(".md-content"));
  document.addEventListener("contentvisibilityautostatechange", restart, true);
  const tick = () => { window.snQuiet++; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
});
"""

# how far the place is from where the browser puts a place it scrolls to (below the header, by its
# scroll margin), in px
OFF = """name => {
  const place = document.getElementById(name);
  return place.getBoundingClientRect().top - parseFloat(getComputedStyle(place).scrollMarginTop);
}"""


def settled(tab) -> None:
    tab.wait_for_function("() => document.readyState === 'complete' && window.snQuiet >= 20")


def new_tab(browser, base_url, width: int):
    context = browser.new_context(viewport={"width": width, "height": 844 if width < 600 else 900})
    tab = context.new_page()
    tab.add_init_script(SETTLE)
    return context, tab, PageWatch(tab, base_url)


@pytest.mark.parametrize(
    ("path", "name", "width"),
    [
        ("posts/cs231n-lecture-6/", "xavier", 390),
        ("en/posts/cs231n-lecture-6/", "xavier", 1280),
        ("posts/stat110-lectures-4-10/", "lecture-8", 390),
        ("api/prob/", "studynotes.prob.hypergeometric_pmf", 390),
        ("en/api/nn/", "studynotes.nn.batchnorm_forward", 1280),
    ],
)
def test_a_page_opened_at_a_place_shows_it(browser, base_url, path, name, width) -> None:
    context, tab, watch = new_tab(browser, base_url, width)
    try:
        tab.goto(f"{base_url}{path}#{name}", wait_until="load")
        settled(tab)
        # the page is long enough above the place for blocks to be skipped there
        assert tab.evaluate("window.scrollY") > 3000, f"{path}#{name}: not far down the page"
        off = tab.evaluate(OFF, name)
        assert abs(off) <= 1, f"{path}#{name} at {width} px: the place is {off:.0f} px from the top of the screen"
        watch.assert_clean()
    finally:
        context.close()


def test_a_place_reached_by_a_link_stays_in_view(browser, base_url) -> None:
    context, tab, watch = new_tab(browser, base_url, 390)
    try:
        # from the glossary to a section of lecture 6, by instant navigation
        tab.goto(base_url + "glossary/", wait_until="load")
        settled(tab)
        tab.evaluate("window.snSameDocument = true")
        link = tab.locator("a[href$='cs231n-lecture-6/#xavier']").first
        link.scroll_into_view_if_needed()
        link.click()
        tab.wait_for_url(re.compile(r"/posts/cs231n-lecture-6/#xavier$"))
        assert tab.evaluate("window.snSameDocument === true"), "the link loaded a new document"
        tab.wait_for_function("() => document.getElementById('xavier') !== null")
        settled(tab)
        off = tab.evaluate(OFF, "xavier")
        assert abs(off) <= 1, f"after instant navigation the place is {off:.0f} px from the top of the screen"

        # within the page: to the top by script, then a link in the article to a section below
        tab.evaluate("window.scrollTo(0, 0)")
        settled(tab)
        tab.evaluate(
            """() => {
              const link = document.createElement("a");
              link.href = "#he"; link.textContent = "to He"; link.id = "sn-test-link";
              document.querySelector(".md-content__inner").prepend(link);
            }"""
        )
        tab.click("#sn-test-link")
        tab.wait_for_url(re.compile(r"#he$"))
        settled(tab)
        off = tab.evaluate(OFF, "he")
        assert abs(off) <= 1, f"after a link in the page the place is {off:.0f} px from the top of the screen"

        # the reader's own scrolling is not taken back
        tab.mouse.wheel(0, -600)
        tab.wait_for_function("() => document.getElementById('he').getBoundingClientRect().top > 400")
        settled(tab)
        assert tab.evaluate(OFF, "he") > 400, "the page went back to the place after the reader scrolled away"
        watch.assert_clean()
    finally:
        context.close()


# what the reader looks at: the innermost element of the article at the middle of the screen or just below
# it, less than half a screen tall (a box holding many blocks would move with what is drawn inside it)
LOOK = """() => {
  let seen = null;
  for (let y = innerHeight / 2; y < innerHeight && !seen; y += 10)
    seen = document.elementsFromPoint(innerWidth / 2, y)
      .find(el => el.closest(".md-content__inner") && el.getBoundingClientRect().height < innerHeight / 2);
  window.snSeen = seen;
  return seen.getBoundingClientRect().top;
}"""


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("posts/cs231n-lecture-6/", "he"),
        ("posts/stat110-lectures-4-10/", "lecture-8"),
        ("api/prob/", "studynotes.prob.hypergeometric_pmf"),
    ],
)
def test_scrolling_up_from_a_place_moves_the_page_by_the_scroll(browser, base_url, path, name) -> None:
    # Scrolling up draws blocks skipped so far: what the reader sees moves by what they scrolled, never
    # more (before, a tab set drawn at the top of the screen pushed the page 2,400 px down).
    context, tab, watch = new_tab(browser, base_url, 390)
    try:
        tab.goto(f"{base_url}{path}#{name}", wait_until="load")
        settled(tab)
        tab.keyboard.press("Shift")  # the reader's own input: reading.js stops holding the place
        jumps = []
        for _ in range(12):
            before = tab.evaluate(LOOK)
            tab.evaluate("window.scrollBy(0, -300)")
            settled(tab)
            jumps.append(round(tab.evaluate("window.snSeen.getBoundingClientRect().top") - before - 300))
        assert tab.evaluate("window.scrollY") > 0, f"{path}: reached the top before 12 steps"
        assert all(abs(jump) <= 2 for jump in jumps), f"{path}#{name}: moved more than scrolled (px, per step): {jumps}"
        watch.assert_clean()
    finally:
        context.close()
