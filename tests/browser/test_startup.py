"""The links a page starts with: overrides/main.html makes them absolute before Material's bundle runs, exactly
as the bundle's instant navigation would, so the bundle finds nothing to change (and the page is not laid out
a second time for it); instant navigation still works."""

from __future__ import annotations

import re

import pytest
from browsertools import PageWatch

pytestmark = pytest.mark.browser

# what the page holds at the moment Material's bundle starts: written by a line put in front of the bundle
RECORD = (
    "window.snAtBundle = [...document.querySelectorAll('[href], [src]')].map(el => ({"
    "  tag: el.localName, href: el.getAttribute('href'), src: el.getAttribute('src')}));\n"
)
# instant navigation's test for a value that still needs resolving (Material's integrations/instant)
RELATIVE = re.compile(r"^(?![a-z]+:)(?!//)", re.I)


def first_value(link: dict) -> str | None:
    # the attribute instant navigation looks at: href, else src
    return link["href"] if link["href"] else link["src"]


@pytest.mark.parametrize("path", ["", "posts/stat110-lecture-20/", "en/api/prob/"])
def test_links_are_absolute_when_the_bundle_starts(browser, base_url, path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        tab = context.new_page()
        watch = PageWatch(tab, base_url)

        def record_then_run(route) -> None:
            response = route.fetch()
            route.fulfill(response=response, body=RECORD + response.text())

        tab.route(re.compile(r"/assets/javascripts/bundle\.[0-9a-f]+\.min\.js$"), record_then_run)
        tab.goto(base_url + path, wait_until="networkidle")
        links = tab.evaluate("window.snAtBundle")
        assert links, f"{path or 'home'}: the line before the bundle did not run"

        # the page as served has relative links, so the check below is not met by an empty list
        served = tab.request.get(base_url + path).text()
        assert re.search(r'\shref="(?:\.\./|[a-z][\w-]*/|#)', served), f"{path or 'home'}: no relative link served"

        # scripts are left out: the bundle and the scripts after it are not parsed yet, and a script element
        # has no box, so resolving its src later lays nothing out
        links = [link for link in links if link["tag"] != "script"]
        still_relative = [link for link in links if first_value(link) and RELATIVE.match(first_value(link))]
        assert not still_relative, f"{path or 'home'}: relative when the bundle starts: {still_relative[:5]}"

        # each link is the served one resolved against the page's address, in the same order
        expected = tab.evaluate(
            """html => [...new DOMParser().parseFromString(html, 'text/html').querySelectorAll('[href], [src]')]
                 .filter(el => el.localName !== 'script')
                 .map(el => el.getAttribute('href') || el.getAttribute('src'))
                 .map(v => v && !/^(?:[a-z]+:)?\\/\\//i.test(v) ? new URL(v, location.href).href : v)""",
            served,
        )
        assert [first_value(link) for link in links] == expected, f"{path or 'home'}"
        assert tab.evaluate(
            "() => [...document.querySelectorAll('link[rel=stylesheet]')].every(l => l.sheet !== null)"
        ), "a stylesheet did not load after its link was resolved"

        # instant navigation: a link to the next page replaces the content without a new document
        tab.evaluate("window.snSameDocument = true")
        nav = tab.locator(".md-footer__link--next, .md-footer__link--prev").first
        target = nav.get_attribute("href")
        nav.click()
        tab.wait_for_url(target)
        assert tab.evaluate("window.snSameDocument === true"), "the link loaded a new document"
        watch.assert_clean()
    finally:
        context.close()
