"""A small HTML reader for the site tests (standard library only)."""

from __future__ import annotations

from html.parser import HTMLParser

SKIP = {"script", "style", "code", "pre", "svg", "template"}


class PageReader(HTMLParser):
    """Collects resource URLs, element ids, internal links, formulas and the visible prose of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.resources: list[tuple[str, str]] = []  # (tag, url) the browser would fetch
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.formulas: list[tuple[str, bool]] = []  # (TeX of each <math>, from its data-tex; display?)
        self.unrendered: list[str] = []  # the text of formula elements that hold no <math>
        self.text_parts: list[str] = []
        self._skip = 0
        self._math: list[str] | None = None  # text of the current formula (<math>, or arithmatex's box)
        self._math_depth = 0
        self._has_mathml = False
        self._stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "script" and a.get("src"):
            self.resources.append((tag, a["src"]))
        if tag == "link" and a.get("href") and a.get("rel") in {"stylesheet", "icon", "preload", "modulepreload", "manifest"}:
            self.resources.append((tag, a["href"]))
        if tag in {"img", "iframe", "source", "audio", "video", "embed"} and a.get("src"):
            self.resources.append((tag, a["src"]))
        if tag == "object" and a.get("data"):
            self.resources.append((tag, a["data"]))
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag in {"img", "br", "hr", "meta", "link", "input"}:
            return
        self._stack.append(tag)
        if self._math is not None:
            self._math_depth += 1
        elif tag == "math" or "arithmatex" in (a.get("class") or "").split():
            # a formula: an inline <math> (the build wraps it in nothing) or a display formula's box
            self._math, self._math_depth, self._has_mathml = [], 1, False
        if tag == "math":
            self._has_mathml = True
            if a.get("data-tex") is not None:
                self.formulas.append((a["data-tex"], a.get("display") == "block"))
        if tag in SKIP:
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in {"img", "br", "hr", "meta", "link", "input"}:
            return
        while self._stack:
            top = self._stack.pop()
            if top in SKIP:
                self._skip -= 1
            if self._math is not None:
                self._math_depth -= 1
                if self._math_depth == 0:
                    if not self._has_mathml:
                        self.unrendered.append("".join(self._math).strip())
                    self._math = None
            if top == tag:
                break

    def handle_data(self, data: str) -> None:
        if self._math is not None:
            self._math.append(data)
        elif not self._skip:
            self.text_parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(self.text_parts)


def read_page(html: str) -> PageReader:
    reader = PageReader()
    reader.feed(html)
    reader.close()
    return reader
