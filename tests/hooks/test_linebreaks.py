"""Word joiners between a Korean particle and what it is written against (studynotes_site.linebreaks),
on Markdown as Python-Markdown renders it for the site."""

from __future__ import annotations

import re

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st
from studynotes_site.linebreaks import WORD_JOINER, glue_particles

WJ = WORD_JOINER


def page(md: str) -> str:
    body = markdown.markdown(md, extensions=["pymdownx.arithmatex", "pymdownx.superfences"], extension_configs={
        "pymdownx.arithmatex": {"generic": True}})
    return f"<html><head><title>제목(title)은</title></head><body>{body}</body></html>"


def glued(md: str) -> str:
    out = glue_particles(page(md))
    return out[out.index("<body>") + 6 : out.index("</body>")]


def test_a_particle_after_a_bracket_or_punctuation_is_joined_also_across_bold_and_code() -> None:
    md = "전이 학습(transfer learning)이다. **모멘텀(momentum)**은 `sqrt(fan_in)`으로 al.은 99%에서 z-점수가 끝난다."
    out = glued(md)
    assert f"learning){WJ}이다." in out
    assert f"</strong>{WJ}은" in out
    assert f"</code>{WJ}으로" in out
    assert f"al.{WJ}은" in out and f"99%{WJ}에서" in out and f"z-{WJ}점수" in out
    # nothing else changed: without the joiners, the body is the body as rendered
    rendered = page(md)
    assert out.replace(WJ, "") == rendered[rendered.index("<body>") + 6 : rendered.index("</body>")]
    assert out.count(WJ) == 6


def test_breaks_between_words_stay_allowed_and_keep_all_holds_letters_and_digits() -> None:
    out = glued("결합분포·주변분포, 학습/검증, 가 (그중) 첫 번째, 단어 다음 단어, ReLU를 쓴 6편, `fan_in`으로, '3'은")
    assert WJ not in out


def test_code_formulas_head_and_blocks_are_left_alone() -> None:
    source = "```\nx = f(a)가\n```\n\n`a)`와 $x$이다 그리고 줄 끝(a)\n\n가나다\n"
    out = glue_particles(page(source))
    assert "<title>제목(title)은</title>" in out  # the head is not prose
    body = out[out.index("<body>"):]
    assert "f(a)가" in body  # a code block as written
    assert f"<code>a)</code>{WJ}와" in body  # inline code stays as written; the particle after it is joined
    assert re.search(r'<span class="arithmatex">\\\(x\\\)</span>이다', body)  # formulas.py glues this one
    assert f"(a)</p>\n<p>가나다" in body  # a new paragraph is a new line


def test_an_entity_counts_as_its_character() -> None:
    assert glued("x.&nbsp;가 (a&gt;b)는 3&amp;은") == f"<p>x.&nbsp;가 (a&gt;b){WJ}는 3&amp;{WJ}은</p>"


# The rule of `glue_particles`, character by character and without shortcuts: a joiner goes before a Hangul
# character when the last character of text on the line (an entity read as its character) is punctuation
# other than the exceptions; tags of blocks end the line, inline tags do not; code counts as a word but
# stays as written; a formula's span and the raw blocks are left alone.
def reference(page: str) -> str:
    import html

    from studynotes_site.linebreaks import HANGUL, INLINE, NOT_BEFORE_A_JOINER, RAW

    def stretch(text: str) -> str:
        out, last, code, formula = [], None, 0, 0
        for token in re.findall(r"<[^>]*>|[^<]+|<", text):
            if token.startswith("<"):
                out.append(token)
                name = re.match(r"</?([a-zA-Z][\w-]*)", token)
                if name is None:
                    continue
                tag, closing = name.group(1).lower(), token.startswith("</")
                if formula:
                    formula += (-1 if closing else 1) if tag == "span" else 0
                    last = None
                elif not closing and re.match(r'<span\b[^>]*\bclass="[^"]*\barithmatex\b', token):
                    formula, last = 1, None
                elif tag == "code":
                    code = max(0, code + (-1 if closing else 1))
                elif tag not in INLINE:
                    last = None
                continue
            if formula or code:
                out.append(token)
                last = (html.unescape(token)[-1:] or last) if code and not formula else last
                continue
            for piece in re.findall(r"&#?\w+;|.", token, re.S):
                char = html.unescape(piece) if piece.startswith("&") else piece
                if (last is not None and HANGUL.match(char) and not last.isspace()
                        and not last.isalnum() and last not in NOT_BEFORE_A_JOINER):
                    out.append(WJ)
                out.append(piece)
                last = char[-1:] or last
        return "".join(out)

    body = page.find("<body")
    if body < 0:
        return page
    out, last = [page[:body]], body
    for match in RAW.finditer(page, body):
        out += [stretch(page[last:match.start()]), match.group(0)]
        last = match.end()
    return "".join(out + [stretch(page[last:])])


PIECES = ["가", "는", "이다", "a", "Z", "1", " ", "\n", "(", ")", ".", "%", "-", "·", "/", "_", "’", "”", "'", "&",
          ";", "#", "&amp;", "&nbsp;", "&gt;", "&#x27;", "&#44032;", "&가;", "&foo;", WJ, "<b>", "</b>", "<p>", "</p>",
          "<code>", "</code>", "&lt", "x&amp", "<", "a<b", '<span class="arithmatex">', "<span>", "</span>", "<br>", "<!-- c -->", "<pre>x)가</pre>"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_the_fast_scan_follows_the_rule_character_by_character(pieces: list[str]) -> None:
    page = "<html><head></head><body>" + "".join(pieces) + "</body></html>"
    assert glue_particles(page) == reference(page)
