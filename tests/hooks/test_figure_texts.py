"""A figure's caption and text alternative are paragraphs of the page, tied to its SVG by the build (issue 14)."""

from __future__ import annotations

import re

from studynotes_site.blocks import figure_text_ids, label_figures
from studynotes_site.markup import attach_captions

SVG = '<figure class="sn-figure">\n<div class="sn-figure__svg"><svg role="img" viewBox="0 0 1 1"></svg></div>\n</figure>'


def test_each_figure_of_a_block_gets_its_own_ids() -> None:
    html = label_figures(f"<p>table</p>{SVG}{SVG}", "post-b1")
    assert re.findall(r'aria-labelledby="([^"]+)" aria-describedby="([^"]+)"', html) == [
        figure_text_ids("post-b1", 1),
        figure_text_ids("post-b1", 2),
    ] == [("post-b1-cap", "post-b1-alt"), ("post-b1-cap-2", "post-b1-alt-2")]


def test_a_figure_of_panels_is_named_once_on_the_box_that_holds_them() -> None:
    panels = (
        '<figure class="sn-figure">\n<div class="sn-figure__svg sn-figure__panels" role="img" tabindex="0">'
        '<svg aria-hidden="true" viewBox="0 0 1 1"></svg><svg aria-hidden="true" viewBox="1 0 1 1"></svg></div>\n</figure>'
    )
    html = label_figures(f"{panels}{SVG}", "post-b1")
    assert html.count("aria-labelledby") == 2  # the panels' box and the next figure's SVG, not each panel
    assert '<div class="sn-figure__svg sn-figure__panels" role="img" aria-labelledby="post-b1-cap" aria-describedby="post-b1-alt"' in html
    assert '<svg role="img" aria-labelledby="post-b1-cap-2"' in html


def test_a_figure_with_its_own_label_is_left_alone() -> None:
    own = SVG.replace('role="img"', 'role="img" aria-label="x"')
    assert label_figures(own, "b") == own


def test_the_page_caption_moves_into_its_figure() -> None:
    figure = label_figures(SVG, "b")
    page = (
        f'<div class="tabbed-block">{figure}</div>\n'
        '<p id="b-cap" class="sn-caption">The density <span class="arithmatex">x</span>.</p>\n'
        '<p id="b-alt" class="sn-alt" hidden="hidden">A curve.</p>'
    )
    html, missing = attach_captions(page)
    assert missing == []
    assert html.count("b-cap") == 2  # the reference and the caption, which left its paragraph
    caption = re.search(r'<figcaption id="b-cap" class="sn-caption">(.*?)</figcaption>\n</figure>', html)
    assert caption and "arithmatex" in caption.group(1)
    assert html.index("<figcaption") < html.index('id="b-alt"')


def test_a_missing_paragraph_is_reported() -> None:
    html, missing = attach_captions(label_figures(SVG, "b") + '<p id="b-cap" class="sn-caption">c</p>')
    assert missing == ["b-alt"]
    assert "<figcaption" in html
