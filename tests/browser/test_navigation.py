"""The site's menu is there on a desktop, on the home page too, and a post shows its date."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_home_page_shows_the_menu_at_1280(open_page, lang) -> None:
    tab, _ = open_page("" if lang == "ko" else "en/", width=1280)
    sidebar = tab.locator(".md-sidebar--primary")
    assert sidebar.is_visible()
    for page in ("glossary", "api", "about"):
        link = sidebar.locator(f'a.md-nav__link[href$="{page}/"]').first
        assert link.is_visible(), page
        box = link.bounding_box()
        assert box and box["width"] > 0 and box["x"] < 400, page  # in the left column, not off screen


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_a_post_shows_its_date_under_the_title(open_page, lang) -> None:
    tab, _ = open_page(("" if lang == "ko" else "en/") + "posts/cs231n-lecture-7/", width=390, height=844)
    title, time = tab.locator("h1").first.bounding_box(), tab.locator(".sn-post__meta time").bounding_box()
    assert tab.locator(".sn-post__meta time").get_attribute("datetime") == "2022-02-14"
    assert time["y"] >= title["y"] + title["height"] - 1 and time["y"] < title["y"] + title["height"] + 80
