"""Finished HTML: the one change no theme or Markdown extension point covers, and each page's language.

Pygments wraps every name, punctuation mark and run of spaces in its own ``<span>``; those three
take the default code colour anyway (Material styles them so), and they are a third of a post's
weight. pymdownx.highlight has no option to leave them out, so they are removed from the finished
page (``tests/hooks/test_markup.py`` fails if Pygments stops producing the spans this matches).
"""

from __future__ import annotations

import html as html_module
import re

PLAIN_TOKEN = re.compile(r'<span class="[npw]">([^<]*)</span>')


def _first_group(match: re.Match) -> str:
    return match.group(1)  # a function: faster than the template r"\1" for thousands of matches


def strip_plain_tokens(html: str) -> str:
    """``html`` without the spans around Pygments' name, punctuation and whitespace tokens."""
    return PLAIN_TOKEN.sub(_first_group, html)


# Material sets up every tab set marked `data-tabs` (pymdownx.tabbed's mark): scroll buttons, a sliding
# underline, labels turned into links. Each setup reads the tab set's size right after changing it, and
# inside a block skipped by `content-visibility` that read lays the whole block out: one forced layout per
# tab set on a phone's first seconds. An executed block's two tabs (result, code) need none of it: without
# the mark the radio buttons and labels work as pymdownx.tabbed built them, and site.css underlines the
# chosen label.
TAB_SET_MARK = re.compile(r'(<div class="tabbed-set tabbed-alternate") data-tabs="[^"]*"')


def unmark_tab_sets(html: str) -> str:
    """``html`` with its tab sets left to the browser (no `data-tabs`, so Material does not set them up)."""
    return TAB_SET_MARK.sub(r"\1", html)


# A code block in a tab that is not the first (the code of an executed block, shown when the reader opens
# its tab): the block's first tab ends right before it.
HIDDEN_TAB_CODE = re.compile(
    r'(</div>\n<div class="tabbed-block">\n<div class="highlight">(?:<span class="filename">[^<]*</span>)?'
    r"<pre><span></span><code)>(.*?)(</code></pre>)",
    re.S,
)
TOKEN = re.compile(r'<span class="([\w ]+)">([^<]*)</span>|([^<]+)')


def _length(text: str) -> int:
    """The length of HTML text as the browser counts it (UTF-16 units of the unescaped characters)."""
    if text.isascii() and "&" not in text:  # most tokens of code: one unit a character
        return len(text)
    return len(html_module.unescape(text).encode("utf-16-le")) // 2


def defer_hidden_highlighting(html: str) -> str:
    """``html`` with the code of closed tabs as plain text, its highlighting written as runs in ``data-sn-hl``.

    A post's closed code tabs hold thousands of Pygments spans (a third of its elements) that nobody sees
    until a tab is opened. The code stays in the page as text, so it reads, copies and prints without
    JavaScript; ``data-sn-hl`` lists the runs of the text, ``class:length`` for a coloured token and a bare
    length for text between them, and ``docs/javascripts/source-tabs.js`` wraps them in their spans when
    the tab is opened. The runs weigh less than the spans did, compressed or not.
    """

    def defer(match: re.Match) -> str:
        highlighted = match.group(2)
        runs, text, covered = [], [], 0
        for token in TOKEN.finditer(highlighted):
            name, coloured, plain = token.groups()
            piece = coloured if name else plain
            runs.append(f"{name.replace(' ', '.')}:{_length(piece)}" if name else str(_length(piece)))
            text.append(piece)
            covered += len(token.group(0))
        if covered != len(highlighted) or not any(":" in run for run in runs):
            return match.group(0)  # not a flat run of spans and text: left as it is
        return f'{match.group(1)} data-sn-hl="{" ".join(runs)}">{"".join(text)}{match.group(3)}'

    return HIDDEN_TAB_CODE.sub(defer, html)


# The two sidebars (site menu and table of contents), from the first to the start of the content.
SIDEBARS = re.compile(r'<div class="md-sidebar md-sidebar--primary".*?(?=<div class="md-content")', re.S)
TEMPLATE_INDENT = re.compile(r">[ \t]*\n\s*<")


def compact_sidebars(html: str) -> str:
    """``html`` without the theme template's line breaks and indentation between the sidebars' tags.

    The menu lists every post, so on a long blog it is most of every page (50 KB of 73 KB on a home
    page at 108 posts), and half of it is template indentation. Only runs of white space that hold a
    line break and lie between two tags go: a label's own text, and a space between words or inline
    elements on one line, stay as they are.
    """
    return SIDEBARS.sub(lambda m: TEMPLATE_INDENT.sub("><", m.group(0)), html, count=1)


def page_language(page, config) -> str:
    """The language a page is written in: its file's locale (mkdocs-static-i18n), else the theme's."""
    return getattr(page.file, "locale", None) or config.theme["language"]


def other_language_pass(config) -> bool:
    """True inside mkdocs-static-i18n's build of the other language, which it runs within the outer
    build's on_post_build, calling every event again (on_config, the pages, on_post_build)."""
    return any(getattr(plugin, "building", False) for plugin in config.plugins.values())


def page_name(src_uri: str) -> str:
    """``posts/x.ko.md`` -> ``posts/x``: a page's name, the same in every language."""
    return re.sub(r"\.(ko|en)\.md$", "", src_uri)


PAGE_CAPTION = re.compile(r'<p\b(?=[^>]*\bclass="sn-caption")[^>]*\bid="([^"]+)"[^>]*>(.*?)</p>\n?', re.S)
# Attributes found by their literal text, checked to start a word afterwards (`_attribute_values`): a
# pattern that opens with \b is tried at every position of the page, twenty times slower.
FIGURE_REFERENCE = re.compile(r'aria-(?:labelledby|describedby)="([^"]+)"')
ID = re.compile(r'id="([^"]+)"')


def _attribute_values(pattern: re.Pattern[str], html: str) -> list[str]:
    """What ``pattern`` (an attribute's name and value) finds in ``html`` where the name starts a word."""
    return [m.group(1) for m in pattern.finditer(html)
            if m.start() == 0 or not (html[m.start() - 1].isalnum() or html[m.start() - 1] == "_")]


def attach_captions(html: str) -> tuple[str, list[str]]:
    """Move each caption written in the page (``<p class="sn-caption" id=...>``) into the figure whose
    SVG it labels, as that figure's ``<figcaption>``; return the page and the ids a figure refers to
    (``aria-labelledby``/``aria-describedby``) that the page does not hold."""
    for match in list(PAGE_CAPTION.finditer(html)):
        caption_id, words = match.group(1), match.group(2)
        svg = html.find(f'aria-labelledby="{caption_id}"')
        end = html.find("</figure>", svg)
        if svg < 0 or end < 0:
            continue  # a caption nothing refers to stays a paragraph
        html = html.replace(match.group(0), "", 1)
        end = html.find("</figure>", html.find(f'aria-labelledby="{caption_id}"'))
        html = html[:end] + f'<figcaption id="{caption_id}" class="sn-caption">{words}</figcaption>\n' + html[end:]
    ids = set(_attribute_values(ID, html))
    missing = [ref for ref in dict.fromkeys(_attribute_values(FIGURE_REFERENCE, html)) if ref not in ids]
    return html, missing
