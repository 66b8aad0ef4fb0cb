"""Material's start-up marks, set early by overrides/main.html: the page ends in the state Material's bundle
would have left it in, and the color-scheme the browser uses follows the palette."""

from __future__ import annotations

import pytest
from browsertools import wait_until_still

pytestmark = pytest.mark.browser

# what the browser takes as the page's color scheme: the first color-scheme meta in the document
STATE = """() => {
  const metas = [...document.querySelectorAll('meta[name="color-scheme"]')];
  return {
    metas: metas.map(m => m.content),
    scheme: document.body.getAttribute('data-md-color-scheme'),
    used: getComputedStyle(document.body).colorScheme,
    root: [...document.documentElement.classList].sort(),
    focusVisible: document.documentElement.hasAttribute('data-js-focus-visible'),
  };
}"""

SWITCHED = "() => !document.body.hasAttribute('data-md-color-switching')"


def settled(tab) -> dict:
    # Material removes its "switching" mark once its palette is applied; then the state is final
    tab.wait_for_function(SWITCHED)
    return tab.evaluate(STATE)


def assert_follows(state: dict, scheme: str, where: str) -> None:
    assert state["scheme"] == scheme, f"{where}: {state}"
    assert state["metas"] == [state["used"]], f"{where}: one color-scheme meta, the palette's ({state})"
    assert state["used"] == ("dark" if scheme == "slate" else "light"), f"{where}: {state}"


@pytest.mark.parametrize("system,scheme", [("light", "default"), ("dark", "slate")])
def test_start_up_marks_and_color_scheme(open_page, system, scheme) -> None:
    tab, watch = open_page("posts/stat110-lectures-4-10/", color_scheme=system)
    state = settled(tab)
    assert "js" in state["root"] and "no-js" not in state["root"], state
    assert "js-focus-visible" in state["root"] and state["focusVisible"], state
    assert_follows(state, scheme, f"first load, system {system}")

    # the system preference changes: the palette follows it, and so does the meta
    other = "dark" if system == "light" else "light"
    tab.emulate_media(color_scheme=other)
    tab.wait_for_function(f"() => document.body.getAttribute('data-md-color-scheme') !== '{scheme}'")
    flipped = "slate" if scheme == "default" else "default"
    assert_follows(settled(tab), flipped, f"system turned {other}")

    # the reader picks a scheme with the header's toggle (system -> light -> dark): the meta follows each
    seen = set()
    for _ in range(3):
        tab.click("form[data-md-component=palette] label:not([hidden])")
        state = settled(tab)
        assert_follows(state, state["scheme"], "after the toggle")
        seen.add(state["scheme"])
    assert seen == {"default", "slate"}, seen

    # instant navigation keeps one meta, still the palette's (the footer's link is clicked once the blocks
    # drawn on the way down to it have stopped moving it)
    link = tab.locator(".md-footer__link--next")
    link.scroll_into_view_if_needed()
    wait_until_still(tab)
    link.click()
    tab.wait_for_function("() => !location.pathname.endsWith('stat110-lectures-4-10/')")
    assert_follows(settled(tab), state["scheme"], "after instant navigation")
    watch.assert_clean()
