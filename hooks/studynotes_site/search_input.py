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

The walk is still most of what indexing a page costs, and it depends on the page's content alone: with
the block cache on, `section_cache` keeps each page's sections in ``.cache/snippets/search`` by that
content, so a build reads an unchanged page's sections back.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

# the <svg> (a figure cut into panels: the run of them) that opens an element marked data-search-exclude
# (a bare attribute)
EXCLUDED_SVG = re.compile(r"(data-search-exclude>\s*)((?:<svg\b.*?</svg>\s*)+)", re.S)
CODE_BLOCK = re.compile(r"<pre\b[^>]*>.*?</pre>", re.S)
TOKEN_SPAN = re.compile(r'<span class="[\w -]+">([^<]*)</span>')
MARKS = re.compile(r"<!--sn-svg:(\d+)-->|<!--sn-pre:(\d+)--><pre\b.*?</pre>", re.S)


def _text(match: re.Match[str]) -> str:
    return match.group(1)  # a function: faster than the template r"\1" for thousands of matches


def stash(html: str) -> tuple[str, list[str]]:
    """``html`` as the search plugin should parse it, and what `restore` needs to undo that."""
    kept: list[str] = []

    def svg(match: re.Match[str]) -> str:
        kept.append(match.group(2))
        return f"{match.group(1)}<!--sn-svg:{len(kept) - 1}-->"

    def code(match: re.Match[str]) -> str:
        block = match.group(0)
        plain = TOKEN_SPAN.sub(_text, block)
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


def section_cache(base: type, folder: Path | None, salt: str) -> type:
    """A subclass of Material's search ``Parser`` (``base``) that keeps what it found in a page (its sections)
    in ``folder``, keyed by the page's content and ``salt`` (the versions of what parses): fed the same
    content again, it reads the sections back instead of walking every tag (a page's parse is the same for
    the same content; the search plugin reads only ``data`` after ``close``). ``None``: parses every time."""
    from material.plugins.search.plugin import Element, Section

    class CachedParser(base):
        def feed(self, data: str) -> None:
            self._path = None
            if folder is not None:
                self._path = folder / f"{hashlib.sha256((salt + chr(0) + data).encode('utf-8')).hexdigest()}.json"
                if self._path.is_file():
                    self.data = [_section(Section, Element, item) for item in json.loads(self._path.read_text("utf-8"))]
                    self._read = True
                    return
            self._read = False
            super().feed(data)

        def close(self) -> None:
            if getattr(self, "_read", False):
                return
            super().close()
            if self._path is not None:
                kept = [[s.el.tag, s.el.attrs, s.depth, s.id, s.title, s.text] for s in self.data]
                self._path.parent.mkdir(parents=True, exist_ok=True)
                partial = self._path.with_suffix(f".{os.getpid()}.tmp")
                partial.write_text(json.dumps(kept, ensure_ascii=False), encoding="utf-8")
                partial.replace(self._path)  # whole or not at all, also beside another build

    return CachedParser


def _section(section_class: type, element_class: type, item: list):
    tag, attrs, depth, section_id, title, text = item
    section = section_class(element_class(tag, attrs), depth)
    section.id, section.title, section.text = section_id, title, text
    return section
