"""Korean lines on a phone: a particle never starts a line, and no heading's permalink sits on a line of its own.

Checked on every page, as a reader's browser lays it out at 390 px (issue 29): each Hangul letter that
starts a line is looked at together with the character before it (browsertools.PARTICLE_LINE_STARTS), and
each heading's hidden "¶" with the title's last line (browsertools.PERMALINKS_ALONE).
"""

from __future__ import annotations

import pytest

from browsertools import PARTICLE_LINE_STARTS, PERMALINKS_ALONE, lay_out_everything, wait_for_math
from sitetools import doc_pages

pytestmark = pytest.mark.browser

PAGES = doc_pages()


def url_path(page: str, lang: str) -> str:
    prefix = "" if lang == "ko" else "en/"
    return prefix if page == "index" else f"{prefix}{page}/"


@pytest.mark.parametrize("width", [390, 1280])
def test_no_particle_or_permalink_starts_a_line(browser, base_url, width) -> None:
    context = browser.new_context(viewport={"width": width, "height": 844 if width < 500 else 900})
    tab = context.new_page()
    problems = {}
    try:
        for page in PAGES:
            for lang in ("ko", "en"):
                path = url_path(page, lang)
                tab.goto(base_url + path, wait_until="networkidle")
                wait_for_math(tab)
                lay_out_everything(tab)
                tab.evaluate("document.fonts.ready.then(() => true)")
                found = {"permalinks alone": tab.evaluate(PERMALINKS_ALONE)}
                if lang == "ko":
                    found["particles starting a line"] = tab.evaluate(PARTICLE_LINE_STARTS)
                if found := {k: v[:8] for k, v in found.items() if v}:
                    problems[path] = found
    finally:
        context.close()
    assert not problems, f"at {width}px: {problems}"


def test_the_checks_see_a_particle_and_a_permalink_cut_off(open_page) -> None:
    """Without the build's word joiners and the permalink's inline box, the checks above find what a phone
    showed before on this page: "(곡선)⏎는" and a heading's "¶" alone on a line."""
    tab, _ = open_page("posts/stat110-lecture-19/", width=390, height=844)
    assert not tab.evaluate(PARTICLE_LINE_STARTS)
    assert not tab.evaluate(PERMALINKS_ALONE)
    tab.evaluate(
        """() => {
            const walker = document.createTreeWalker(document.querySelector('.md-content article'), NodeFilter.SHOW_TEXT);
            for (let n = walker.nextNode(); n; n = walker.nextNode()) n.data = n.data.replaceAll('\\u2060', '');
        }"""
    )
    tab.add_style_tag(content=".md-typeset .headerlink { display: inline-block } .md-typeset .headerlink::before { content: none }")
    assert tab.evaluate(PARTICLE_LINE_STARTS), "a particle cut off from its word went unnoticed"
    assert tab.evaluate(PERMALINKS_ALONE), "a permalink alone on its line went unnoticed"
