"""Formulas rendered while the site is built: TeX to MathML with Temml, in one Node process per build.

pymdownx.arithmatex (``generic: true``) leaves every formula as TeX in ``<span class="arithmatex">\\(...\\)</span>``
or ``<div class="arithmatex">\\[...\\]</div>``. `render_page` replaces each with the MathML Temml makes of it
(the TeX kept in ``data-tex``), and reports bad TeX. An inline formula is the bare ``<math>``; one with a particle
or punctuation written right after it (or an opening bracket right before it) is wrapped with them in
``<span class="sn-nobr">`` (a word joiner would not do: Chromium breaks a line next to ``<math>``, an inline box,
even with a joiner on either side). A display formula keeps ``<div class="arithmatex">``, the box that scrolls a
wide formula (with the edge cue) and takes the keyboard focus.
`render_search_text` does the same for the search index's text, so previews show formulas, not TeX.

`MathRenderer` talks JSON lines with ``render_math.mjs`` (started on the first formula that is not cached) and
keeps every answer in a cache file keyed by TeX, display mode and Temml's version (``.cache/math``), so a
rebuild starts no Node process at all. The math font is cut down in `studynotes_site.mathfont`.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPT = HERE / "render_math.mjs"

# arithmatex's generic output, inline and display (its TeX is HTML-escaped).
SPAN = re.compile(r'<span class="arithmatex">\\\((?P<tex>.*?)\\\)</span>', re.S)
DIV = re.compile(r'<div class="arithmatex">\\\[(?P<tex>.*?)\\\]</div>', re.S)
# Letters and punctuation that belong to the formula before them: Hangul (particles, endings), closing
# punctuation, and an English possessive or ordinal tail ("$x$'s", "$n$th"); an opening bracket or quote
# right before a formula stays with it too.
TAIL = re.compile(r"(?:[\u3131-\u318E\uAC00-\uD7A3.,;:!?)\]}%'’”\"…·]+(?:s|th|st|nd|rd)?|(?:'s|th|st|nd|rd)\b)")
HEAD = re.compile(r"[(\[{“‘\"']+$")
# Where formulas are not rendered: code and scripts show TeX as written.
RAW_BLOCKS = re.compile(r"<(pre|code|script|style|textarea)\b.*?</\1>", re.S)
# In the search index's text: the delimiters as the index keeps them.
SEARCH_TEX = re.compile(r"\\\((?P<inline>.*?)\\\)|\\\[(?P<display>.*?)\\\]", re.S)
DISPLAY_BEFORE_BLOCK = re.compile(r'(?P<math><math display="block"(?:(?!</math>).)*</math>)\s*(?P<open><(?:p|li|ul|ol)>)', re.S)
DATA_TEX = re.compile(r' data-tex="[^"]*"')


class TeXError(Exception):
    """A formula Temml cannot read."""

    def __init__(self, tex: str, message: str) -> None:
        super().__init__(message)
        self.tex = tex
        self.message = message.strip()


def cache_key(tex: str, display: bool) -> str:
    return hashlib.sha256(f"{int(display)}\0{tex}".encode()).hexdigest()[:32]


def renderer_version(node_modules: Path) -> str:
    """Temml's version and this module's script: a change of either renders every formula again."""
    package = json.loads((node_modules / "temml" / "package.json").read_text(encoding="utf-8"))
    script = hashlib.sha256(SCRIPT.read_bytes()).hexdigest()[:12]
    return f"temml-{package['version']}-{script}"


class MathRenderer:
    """TeX to MathML through one long-lived ``node render_math.mjs``, with a cache on disk."""

    def __init__(self, root: Path, cache_dir: Path | None) -> None:
        self.root = root
        self.node_modules = root / "node_modules"
        if not (self.node_modules / "temml" / "package.json").is_file():
            raise FileNotFoundError(f"Temml not found in {self.node_modules}: run `npm ci` (or `make install`) first")
        self.version = renderer_version(self.node_modules)
        self.cache_file = cache_dir / f"{self.version}.jsonl" if cache_dir else None
        self.cache: dict[str, dict] = {}
        self.new: dict[str, dict] = {}
        self.process: subprocess.Popen | None = None
        self.rendered = 0
        if self.cache_file and self.cache_file.is_file():
            for line in self.cache_file.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    entry = json.loads(line)
                    self.cache[entry["key"]] = entry

    def _start(self) -> subprocess.Popen:
        if self.process is None:
            self.process = subprocess.Popen(
                ["node", str(SCRIPT)], cwd=self.root, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                text=True, encoding="utf-8", bufsize=1,
            )
            hello = json.loads(self.process.stdout.readline() or "{}")
            if "version" not in hello:
                raise RuntimeError("the math renderer (render_math.mjs) did not start")
        return self.process

    def render(self, tex: str, display: bool) -> str:
        """The MathML of ``tex``; raises `TeXError` for TeX that Temml cannot read."""
        key = cache_key(tex, display)
        entry = self.cache.get(key)
        if entry is None:
            process = self._start()
            process.stdin.write(json.dumps({"id": key, "tex": tex, "display": display}) + "\n")
            process.stdin.flush()
            line = process.stdout.readline()
            if not line:
                raise RuntimeError(f"the math renderer stopped (exit {process.poll()}) at {tex[:80]!r}")
            answer = json.loads(line)
            entry = {"key": key, "html": answer.get("html"), "error": answer.get("error")}
            self.rendered += 1
            self.cache[key] = self.new[key] = entry
        if entry["error"]:
            raise TeXError(tex, entry["error"])
        return entry["html"]

    def close(self) -> None:
        if self.process is not None:
            self.process.stdin.close()
            self.process.wait(timeout=30)
            self.process = None
        if self.cache_file and self.new:
            self.cache_file.parent.mkdir(parents=True, exist_ok=True)
            with self.cache_file.open("a", encoding="utf-8") as out:
                for entry in self.new.values():
                    out.write(json.dumps(entry, ensure_ascii=False) + "\n")
            self.new = {}


def _outside_raw(html_text: str, fn) -> str:
    """Apply ``fn`` to the stretches of ``html_text`` outside <pre>, <code>, <script>, <style>, <textarea>."""
    out, last = [], 0
    for match in RAW_BLOCKS.finditer(html_text):
        out.append(fn(html_text[last:match.start()]))
        out.append(match.group(0))
        last = match.end()
    out.append(fn(html_text[last:]))
    return "".join(out)


def render_page(output: str, render, errors: list[tuple[str, str]]) -> str:
    """Every arithmatex formula of a finished page as MathML; ``errors`` collects (TeX, message)."""

    def one(tex: str, display: bool) -> str:
        tex = html.unescape(tex)
        try:
            return render(tex, display)
        except TeXError as error:
            errors.append((tex, error.message))
            return f'<code class="sn-math-error" title="{html.escape(error.message)}">{html.escape(tex)}</code>'

    def display(match: re.Match) -> str:  # a box that may scroll: it takes the keyboard focus
        return f'<div class="arithmatex" tabindex="0">{one(match.group("tex"), True)}</div>'

    def glue(stretch: str) -> str:
        # an inline formula and the tail (and head) written against it: one unbreakable unit
        pieces = SPAN.split(stretch)  # text, tex, text, tex, ... (the group is captured)
        if len(pieces) == 1:
            return DIV.sub(display, stretch)
        out = []
        text = [pieces[i] for i in range(0, len(pieces), 2)]
        texs = [pieces[i] for i in range(1, len(pieces), 2)]
        for i, tex in enumerate(texs):
            before, after = text[i], text[i + 1]
            head = HEAD.search(before) if before and not before.endswith(">") else None
            tail = TAIL.match(after) if after and not after.startswith("<") else None
            if head:
                text[i] = before[: head.start()]
            out.append(DIV.sub(display, text[i]))
            math = one(tex, False)
            if head or tail:
                opening = head.group(0) if head else ""
                closing = tail.group(0) if tail else ""
                math = f'<span class="sn-nobr">{opening}{math}{closing}</span>'
                if tail:
                    text[i + 1] = after[tail.end():]
            out.append(math)
        out.append(DIV.sub(display, text[-1]))
        return "".join(out)

    return _outside_raw(output, glue)


def render_search_text(text: str, render, errors: list[tuple[str, str]]) -> str:
    """A search entry's text with each ``\\(...\\)`` / ``\\[...\\]`` as MathML (without its TeX, which the
    pages keep for copying: previews show the formula, and the index stays small)."""

    def one(match: re.Match) -> str:
        display = match.group("display") is not None
        tex = html.unescape(match.group("display") if display else match.group("inline"))
        try:
            mathml = render(tex, display)
        except TeXError as error:
            errors.append((tex, error.message))
            return html.escape(tex)
        return DATA_TEX.sub("", mathml, count=1)

    # Material's search shows only the blocks of a section's text (paragraphs, list items) that match the
    # query; TeX between two blocks counted as part of the next one. A display formula, now a block of its
    # own, goes into the next block, so it is shown where its TeX was.
    text = _outside_raw(text, lambda stretch: SEARCH_TEX.sub(one, stretch))
    return DISPLAY_BEFORE_BLOCK.sub(lambda m: f"{m.group('open')}{m.group('math')}", text)
