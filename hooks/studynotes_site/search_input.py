"""Search input: what Material's search plugin parses of a page, without markup it does not index.

The plugin's HTML parser walks every tag of a page, and most of a post's tags are of two kinds whose
markup the index never holds:

- a figure's SVG (each panel's, when it is cut into panels), in an element marked ``data-search-exclude`` (`studynotes.plotting.figure_html`):
  its text is skipped, but the parser still walked it (most of a build's time);
- the highlighting spans in a code block (``<pre>``): only their text is indexed.

`stash` gives the plugin the page with each such SVG replaced by a numbered comment and each code
block's spans reduced to their text (a comment is ignored by the parser, and inside ``<pre>`` the
parser keeps every piece of text as it is, so the index is the same); `restore` puts the page back
as it was for the theme, afterwards.
"""

from __future__ import annotations

import re

# the <svg> (a figure cut into panels: the run of them) that opens an element marked data-search-exclude
# (a bare attribute)
EXCLUDED_SVG = re.compile(r"(data-search-exclude>\s*)((?:<svg\b.*?</svg>\s*)+)", re.S)
CODE_BLOCK = re.compile(r"<pre\b[^>]*>.*?</pre>", re.S)
TOKEN_SPAN = re.compile(r'<span class="[\w -]+">([^<]*)</span>')
MARKS = re.compile(r"<!--sn-svg:(\d+)-->|<!--sn-pre:(\d+)--><pre\b.*?</pre>", re.S)


def stash(html: str) -> tuple[str, list[str]]:
    """``html`` as the search plugin should parse it, and what `restore` needs to undo that."""
    kept: list[str] = []

    def svg(match: re.Match[str]) -> str:
        kept.append(match.group(2))
        return f"{match.group(1)}<!--sn-svg:{len(kept) - 1}-->"

    def code(match: re.Match[str]) -> str:
        block = match.group(0)
        plain = TOKEN_SPAN.sub(r"\1", block)
        if plain == block:
            return block
        kept.append(block)
        return f"<!--sn-pre:{len(kept) - 1}-->{plain}"

    return CODE_BLOCK.sub(code, EXCLUDED_SVG.sub(svg, html)), kept


def restore(html: str, kept: list[str]) -> str:
    """Undo `stash` on ``html`` (the stashed page, possibly rendered into the theme's template since);
    a piece that went missing is an error, not a lost figure."""
    found: list[int] = []

    def back(match: re.Match[str]) -> str:
        index = int(match.group(1) or match.group(2))
        found.append(index)
        return kept[index]

    out = MARKS.sub(back, html)
    if sorted(found) != list(range(len(kept))):
        raise ValueError(f"{len(kept)} pieces were set aside for the search index, {len(found)} came back")
    return out
