"""Figures on every post, as a reader's Chromium draws them (issue 14).

- Figure text is legible: the rendered size of every ``<text>`` of every figure (its font size times
  the SVG's scale on screen) is at least 10 CSS px on a 390 px phone and 11 px on a 1280 px desktop.
- Every figure fits its column whole (issue 24): no figure, and no panel of a figure drawn as several
  panels, is wider than the column at 390 or 1280 px, so nothing is hidden behind a sideways swipe. A
  figure the reader drives keeps its controls, their readouts and the axes whose lines move on one phone
  screen.
- Every figure is named by the page: its SVG points at a caption and a text alternative that exist.
  These three, and the layout checks of formulas, tables and Korean lines (browsertools.LAYOUT), are made
  on a fresh load of each post per language at 390 px here, and at 1280 px on the load that
  test_pages.py checks in light and dark.
- The optimizer race answers the keyboard, shows a still frame under reduced motion, and works after
  instant navigation. Its section holds one race figure (the one the reader drives) and the table the
  prose cites; without JavaScript and in print the figure shows its setting with no dead controls.
"""

from __future__ import annotations

import pytest

from browsertools import PHONE_SMALLEST_PX, post_reading_problems
from sitetools import doc_pages

pytestmark = pytest.mark.browser

POSTS = [p for p in doc_pages() if p.startswith("posts/")]
RACE_PAGE = "posts/cs231n-lecture-7/"


def visit(open_page, post: str, lang: str, width: int, **kwargs):
    prefix = "" if lang == "ko" else "en/"
    return open_page(f"{prefix}{post}/", width=width, **kwargs)


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_post_reads_well_on_a_phone_and_its_figures_answer_the_keyboard(open_page, lang) -> None:
    """A fresh load of each post at 390 px: every figure text is legible (10 px), no figure box spills out,
    every figure is named by its page, and the formulas, tables and Korean lines fit the screen
    (browsertools.post_reading_problems). The same checks at 1280 px (11 px) run on the load of each post
    that test_pages.py checks in light and dark, so a post is loaded once per width. On the same load the
    interactive figures (KEYBOARD) are driven from the keyboard, as a phone reader with a keyboard would."""
    failures = []
    for post in POSTS:
        tab, watch = visit(open_page, post, lang, 390)
        failures += post_reading_problems(tab, f"{post} ({lang}, 390 px)", lang=lang, smallest=PHONE_SMALLEST_PX)
        if drive := KEYBOARD.get(post):
            drive(tab)
        watch.assert_clean()
        tab.context.close()
    assert not failures, "\n".join(failures)


SECTION_CONTENT = """(section) => {
    const headings = [...document.querySelectorAll('.md-content h2[id], .md-content h3[id]')];
    const inSection = (el) => {
        const before = headings.filter(h => h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING);
        return before.length > 0 && before[before.length - 1].id === section;
    };
    return {
        figures: [...document.querySelectorAll('.md-content .sn-figure')].filter(inSection)
            .map(f => ({interactive: !!f.closest('.sn-race'), visible: f.checkVisibility()})),
        tables: [...document.querySelectorAll('.md-content table')].filter(inSection)
            .map(t => [...t.querySelectorAll('tbody tr')].map(r => r.cells[0].textContent.trim())),
    };
}"""


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_race_section_shows_one_race_figure_and_the_table(open_page, lang) -> None:
    tab, watch = open_page(("" if lang == "ko" else "en/") + RACE_PAGE, width=1280)
    section = tab.evaluate(SECTION_CONTENT, "optimizer-race")
    # one figure of the race, the one the reader drives (the static duplicate is gone)
    assert section["figures"] == [{"interactive": True, "visible": True}], section["figures"]
    # the numbers the prose cites stay: one table row per optimizer, the adaptive ones included
    rows = [row for table in section["tables"] for row in table]
    assert {"SGD+Momentum", "Nesterov", "AdaGrad", "RMSProp", "Adam"} <= set(rows), rows
    tab.context.close()


def race_state(tab) -> dict:
    return tab.evaluate("""() => {
        const root = document.querySelector('.sn-race');
        const paths = [0, 1, 2].flatMap(k => [...root.querySelectorAll(
            `[id$="sn-race-path-${k}"] path, [id$="sn-race-loss-${k}"] path`)]);
        return {ready: root.dataset.ready, drawn: root.dataset.drawn, d: paths.map(p => p.getAttribute('d')),
                play: root.querySelector('.sn-race__play').hidden,
                outputs: [...root.querySelectorAll('output')].map(o => o.value)};
    }""")


IN_VIEW = """(selector) => {
    const root = document.querySelector(selector);
    const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
    window.scrollBy(0, root.getBoundingClientRect().top - header);  // the reader scrolls the controls to the top
    const boxes = [...root.querySelectorAll('input, output')].map(e => ['control', e])
        .concat([...root.querySelectorAll('[id*="-axes"]')].map(g => ['axes', g.querySelector('path')]));
    return {count: boxes.length, outside: boxes.map(([kind, e]) => [kind, e.getBoundingClientRect()])
        .filter(([, r]) => r.left < -0.5 || r.right > innerWidth + 0.5 || r.top < header - 0.5 || r.bottom > innerHeight + 0.5)
        .map(([kind, r]) => `${kind} at ${Math.round(r.left)},${Math.round(r.top)}-${Math.round(r.right)},${Math.round(r.bottom)}`)};
}"""


def check_in_view(tab, selector: str, parts: int) -> None:
    """The controls of a driven figure, their readouts and every axes whose lines they move are on screen at once
    (scrolled so the controls sit under the header): dragging a slider, the reader sees what it changes."""
    state = tab.evaluate(IN_VIEW, selector)
    assert state["count"] >= parts and not state["outside"], f"{selector}: not in view together: {state}"


def check_the_race_answers_the_keyboard(tab) -> None:
    """The optimizer race (cs231n-lecture-7) driven from the keyboard: each slider redraws, Play plays and pauses."""
    tab.wait_for_function("() => document.querySelector('.sn-race')?.dataset.ready === 'true'")
    check_in_view(tab, ".sn-race", parts=8)  # three sliders, three readouts, the paths' axes and the losses' axes
    first = race_state(tab)
    assert len(first["d"]) == 6 and all(first["d"])
    # the learning-rate slider: one step right redraws every path and names the new value
    tab.focus(".sn-race__lr")
    tab.keyboard.press("ArrowRight")
    after_lr = race_state(tab)
    assert after_lr["drawn"] != first["drawn"] and after_lr["d"] != first["d"]
    assert after_lr["outputs"][1] != first["outputs"][1]
    # momentum acts on the momentum methods only: SGD's path and loss stay
    tab.focus(".sn-race__rho")
    tab.keyboard.press("ArrowLeft")
    after_rho = race_state(tab)
    assert after_rho["d"][0] == after_lr["d"][0] and after_rho["d"][2] != after_lr["d"][2]
    # the step slider: Home goes back to the start, where each path is a single point
    tab.focus(".sn-race__step")
    tab.keyboard.press("Home")
    at_start = race_state(tab)
    assert at_start["outputs"][0].startswith("0 /") and all(d.count("L") == 0 for d in at_start["d"])
    # Play (Enter on the focused button) moves the step forward until paused
    tab.focus(".sn-race__play")
    tab.keyboard.press("Enter")
    tab.wait_for_function("() => document.querySelector('.sn-race__step').valueAsNumber >= 5")
    tab.keyboard.press("Enter")
    assert tab.evaluate("() => document.querySelector('.sn-race__play').getAttribute('aria-pressed')") == "false"
    # paused: ten frames later the step has not moved
    paused = race_state(tab)["outputs"][0]
    tab.evaluate("() => new Promise(done => { let n = 0; const f = () => (++n < 10 ? requestAnimationFrame(f) : done()); f(); })")
    assert race_state(tab)["outputs"][0] == paused


def test_reduced_motion_shows_a_still_frame(open_page, browser, base_url) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, reduced_motion="reduce")
    tab = context.new_page()
    tab.goto(base_url + RACE_PAGE, wait_until="networkidle")
    tab.wait_for_function("() => document.querySelector('.sn-race')?.dataset.ready === 'true'")
    state = race_state(tab)
    steps = tab.evaluate("() => document.querySelector('.sn-race__step').max")
    assert state["play"] is True, "the Play button is offered under reduced motion"
    assert state["outputs"][0] == f"{steps} / {steps}" and all(d.count("L") > 10 for d in state["d"])
    context.close()


RACE_CONTROLS = r"""() => {
    const root = document.querySelector('.sn-race');
    const seen = (e) => getComputedStyle(e).visibility === 'visible' && getComputedStyle(e).display !== 'none';
    return {controls: [...root.querySelectorAll('input, button')].map(seen),
            values: [...root.querySelectorAll('output')].filter(seen).map(o => o.textContent.trim()),
            points: [0, 1, 2].map(k => root.querySelector(`[id$="sn-race-path-${k}"] path`).getAttribute('d')
                .split(/[\s,MLZ]+/).filter(Boolean).length / 2)};
}"""


@pytest.mark.parametrize("mode", ["no-javascript", "print"])
def test_the_race_without_javascript_and_in_print_shows_its_setting_and_no_dead_controls(browser, base_url, mode) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=mode == "print")
    tab = context.new_page()
    tab.goto(base_url + RACE_PAGE, wait_until="load")
    if mode == "print":  # the page has run its script: the controls are live on screen, not on paper
        tab.wait_for_function("() => document.querySelector('.sn-race')?.dataset.ready === 'true'")
        tab.emulate_media(media="print")
    state = tab.evaluate(RACE_CONTROLS)
    # the button and sliders would do nothing: they are not shown...
    assert state["controls"] and not any(state["controls"]), state
    # ...but the values naming the frame on show are (step, learning rate, momentum), and every path is drawn
    assert len(state["values"]) == 3 and all(state["values"]), state
    assert all(n > 10 for n in state["points"]), state
    context.close()


def test_the_race_works_after_instant_navigation(open_page) -> None:
    tab, watch = open_page("posts/cs231n-lecture-6/")
    tab.locator('.md-nav--primary a.md-nav__link[href$="cs231n-lecture-7/"]').first.click()
    tab.wait_for_url("**/posts/cs231n-lecture-7/")
    tab.wait_for_function("() => document.querySelector('.sn-race')?.dataset.ready === 'true'")
    before = race_state(tab)
    tab.focus(".sn-race__lr")
    tab.keyboard.press("ArrowLeft")
    assert race_state(tab)["d"] != before["d"]


def check_the_slider_answers_the_keyboard(tab) -> None:
    """A slider figure (stat110-lectures-4-10, stat110-lecture-20): one arrow key redraws it and names the new value."""
    tab.wait_for_function("() => document.querySelector('.sn-switch')?.dataset.ready === 'true'")
    check_in_view(tab, ".sn-switch", parts=3)  # the slider, its readout and the axes of the lines it switches
    state = """() => { const root = document.querySelector('.sn-switch');
        return {d: [...root.querySelectorAll('[id*="sn-switch-line-"] path')].map(p => p.getAttribute('d')),
                out: root.querySelector('output').value,
                text: root.querySelector('input').getAttribute('aria-valuetext'),
                name: root.querySelector('label').textContent}; }"""
    before = tab.evaluate(state)
    assert before["d"] and all(before["d"]) and before["out"] == before["text"]
    tab.focus(".sn-switch__input")
    tab.keyboard.press("ArrowRight")
    after = tab.evaluate(state)
    assert after["d"] != before["d"] and after["out"] != before["out"] and after["text"] == after["out"]


# The posts with figures a reader drives, and how each is driven on their phone load (above).
KEYBOARD = {
    RACE_PAGE.strip("/"): check_the_race_answers_the_keyboard,
    "posts/stat110-lectures-4-10": check_the_slider_answers_the_keyboard,
    "posts/stat110-lecture-20": check_the_slider_answers_the_keyboard,
}
