"""Korean lines on the finished page: a particle never starts a line.

A Korean particle or ending is written against its word with no space (``학습(transfer learning)이다``,
``<strong>모멘텀(momentum)</strong>은``, ``99%에서``). ``word-break: keep-all`` keeps Hangul together with
the letters and digits around it (``ReLU를``, ``6편``), but Chromium still breaks a line between a closing
bracket, a percent sign, a full stop or a hyphen and the Hangul after it, so a narrow screen shows
``(MGF)⏎는``. No CSS property forbids that one break, and the two characters often sit in different
elements (the bold ends before the particle), so `glue_particles` puts a word joiner (U+2060, invisible,
no width; find-in-page ignores it) between them: the particle moves to the next line together with the end
of the word it belongs to (``learning)이다``), while a long English gloss still breaks at its own spaces.

A formula and its particle are glued by `studynotes_site.formulas` (``span.sn-nobr``), so the text right
after a formula is left to it. Code blocks, scripts, styles, figures and formulas are left untouched; so
is the text inside inline code, which only counts as the word a particle follows. A break after a middle
dot, a slash or a dash stays allowed (``결합분포·주변분포``, ``학습/검증``): those separate words.
"""

from __future__ import annotations

import html
import re

WORD_JOINER = "\u2060"
HANGUL = re.compile(r"[\uac00-\ud7a3]")
# The characters after which Hangul may be cut off by a line break are the punctuation marks other than
# these: quotes and opening brackets (no break follows them), separators between words (a break there is
# fine) and the joiner itself. Letters, digits and Hangul are held together with Hangul by keep-all.
NOT_BEFORE_A_JOINER = set("·/–—([{“‘\"'’”") | {WORD_JOINER}
# Blocks the text of which stays as written; their text does not count as the word before a particle.
RAW = re.compile(r"<(pre|script|style|textarea|svg|math)\b.*?</\1>", re.S)
TOKEN = re.compile(r"<[^>]*>|[^<]+|<")  # a tag, text, or a "<" that opens no tag (kept as it is)
CHARACTER = re.compile(r"&#?\w+;|.", re.S)  # a character or an entity
ENTITY = re.compile(r"&#?\w+;")
SLOW_ENTITY = re.compile(r"&#|&\w*[\uac00-\ud7a3]\w*;")  # a numeric one may stand for Hangul
HANGUL_RUN = re.compile(r"[\uac00-\ud7a3]+")
# Elements inside a line: text on both sides of their tags belongs to one line of prose.
INLINE = {"a", "abbr", "b", "cite", "code", "data", "dfn", "em", "i", "kbd", "mark", "q", "s", "samp", "small",
          "span", "strong", "sub", "sup", "time", "u", "var"}
TAG_NAME = re.compile(r"</?([a-zA-Z][\w-]*)")
# Left to studynotes_site.formulas: the formula's own TeX, and whatever is written against it.
FORMULA = re.compile(r'<span\b[^>]*\bclass="[^"]*\barithmatex\b')


def _joins(before: str | None, char: str) -> bool:
    return (before is not None and HANGUL.match(char) is not None and not before.isspace()
            and not before.isalnum() and before not in NOT_BEFORE_A_JOINER)


def _character_before(text: str, end: int) -> str:
    """The character ``text[:end]`` ends with, an entity read as its character (as `CHARACTER` splits text:
    an ``&`` always starts a piece, since no entity holds one)."""
    char = text[end - 1]
    if char == ";":
        amp = text.rfind("&", 0, end - 1)
        if amp >= 0 and ENTITY.fullmatch(text, amp, end):
            return html.unescape(text[amp:end])[-1:]
    return char


def _tag(token: str) -> tuple[str, bool, bool] | None:
    """A tag's name (lower case), whether it closes, and whether it opens a formula; None for a comment."""
    name = TAG_NAME.match(token)
    if name is None:  # a comment or a doctype
        return None
    closing = token.startswith("</")
    return name.group(1).lower(), closing, not closing and FORMULA.match(token) is not None


def _glue_stretch(stretch: str, tags: dict) -> str:
    joins: list[int] = []  # where a joiner goes, in ``stretch``
    at = 0  # where the token starts in ``stretch``
    last: str | None = None  # the last character of text on the current line, across inline tags
    code = 0  # depth inside inline <code>: its text counts as a word but stays as written
    formula = 0  # depth inside a formula's span
    for token in TOKEN.findall(stretch):
        start, at = at, at + len(token)
        if token[0] == "<":
            if token in tags:
                kind = tags[token]
            else:
                kind = tags[token] = _tag(token)
            if kind is None:
                continue
            tag, closing, opens_formula = kind
            if formula:
                if tag == "span":
                    formula += -1 if closing else 1
                last = None
            elif opens_formula:
                formula, last = 1, None
            elif tag == "code":
                code = max(0, code + (-1 if closing else 1))
            elif tag not in INLINE:
                last = None  # a block, a line break, an image: the line ends here
            continue
        if formula:
            continue
        if code:
            last = html.unescape(token)[-1:] or last
            continue
        if "&" in token and SLOW_ENTITY.search(token):  # an entity that is or holds Hangul: character by character
            offset = start
            for piece in CHARACTER.findall(token):
                char = html.unescape(piece) if piece.startswith("&") else piece
                if _joins(last, char):
                    joins.append(offset)
                offset += len(piece)
                last = char[-1:] or last
            continue
        # Inside a run of Hangul the character before is Hangul: only the start of a run may need a joiner.
        for run in HANGUL_RUN.finditer(token):
            first = run.start()
            if _joins(last if first == 0 else _character_before(token, first), token[first]):
                joins.append(start + first)
        last = _character_before(token, len(token))
    if not joins:
        return stretch
    pieces = [stretch[a:b] for a, b in zip([0, *joins], [*joins, len(stretch)])]
    return WORD_JOINER.join(pieces)


def glue_particles(page: str) -> str:
    """``page`` (a Korean page) with a word joiner between each Hangul particle and the closing bracket or
    other punctuation written right before it (also where bold text or code ends with one)."""
    body = page.find("<body")
    if body < 0:
        return page
    out, last, tags = [page[:body]], body, {}
    for match in RAW.finditer(page, body):
        out.append(_glue_stretch(page[last:match.start()], tags))
        out.append(match.group(0))
        last = match.end()
    out.append(_glue_stretch(page[last:], tags))
    return "".join(out)
