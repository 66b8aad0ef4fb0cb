"""Search terms: how text becomes the terms the static index (`studynotes_site.search_index`) lists
and a query looks up, and the short HTML a result previews.

``docs/javascripts/workers/search.js`` repeats `terms`, `stem`, `key` and `bucket` for queries
(tests/hooks/test_search_index.py runs both over the same strings): lowercase; words are runs of Hangul,
of Latin letters and digits, or of Greek letters; a particle (or run of particles) closing a Korean word
of two or more syllables is cut off; an English plural ``s`` is dropped; a one-letter Latin word is no
term. The index also lists a compound by its tails before a head such as 함수 or 분포 (`tails`:
확률질량함수 is found by 질량함수) and a title's neighbouring words joined (`joined`).
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

WORD = re.compile(r"[가-힣]+|[a-z0-9]+|[α-ω]+")
# particles (and runs of them) that close a noun; the longest that leaves two syllables is cut off
PARTICLES = sorted(
    """은 는 이 가 을 를 의 에 에서 으로 로 와 과 도 만 에는 에서는 으로는 로는 와는 과는 에도 에서도 으로도
    로도 이나 나 까지 부터 보다 처럼 마다 에게 이다 이고 이며 이면 이란 란 이라 라 과의 와의 에서의 으로의 로의
    만큼 밖에 조차 뿐 이라는 라는 이라고 라고 인 일""".split(),
    key=len,
    reverse=True,
)
# heads a compound is also found by (with what comes after them): 확률질량함수 -> 질량함수, 함수
HEADS = ("함수", "분포", "변수", "밀도", "질량", "생성", "정규화", "최적화", "하강법", "확률", "초기화", "감쇠")
JOINED = "~"  # marks a term made of two neighbouring words (`joined`)
MATH = re.compile(r"<math\b.*?</math>", re.S)
TAG = re.compile(r"<[^>]+>")


# the shortest stem of two syllables or more followed by particles only: the longest particle run
PARTICLE_TAIL = re.compile(f"^([가-힣]{{2,}}?)(?:{'|'.join(PARTICLES)})$")
PLURAL = re.compile(r"^([a-z0-9]{2,}[^su])s$")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A word without its closing particles (Korean, two syllables left at least) or plural ``s``;
    ``None`` for a word too short to search (one Latin letter)."""
    if len(word) < 2 and "a" <= word <= "z":
        return None
    match = PARTICLE_TAIL.match(word) or PLURAL.match(word)
    return match.group(1) if match else word


def terms(text: str) -> list[str]:
    """The terms of a plain text, in order (a query's terms: no compound tails)."""
    return [t for t in map(stem, WORD.findall(text.lower())) if t]


@lru_cache(maxsize=200_000)
def tails(term: str) -> tuple[str, ...]:
    """The tails a Korean compound is also indexed by: from each head (not at its start) to its end."""
    if not ("가" <= term[0] <= "힣") or len(term) < 3:
        return ()
    return tuple(term[i:] for i in range(1, len(term) - 1) if term.startswith(HEADS, i))


def plain(html_text: str) -> str:
    """The words of an index entry's HTML: formulas and tags dropped, entities decoded."""
    return html.unescape(TAG.sub(" ", MATH.sub(" ", html_text)))


def key(term: str) -> str:
    """The part of a term that picks its bucket: a word and its longer forms share it."""
    return term[0] if "가" <= term[0] <= "힣" else term[:2]


@lru_cache(maxsize=200_000)
def bucket(term: str, buckets: int) -> int:
    """FNV-1a (32 bit) over the UTF-16 code units of the term's `key`, modulo ``buckets``."""
    h = 0x811C9DC5
    data = key(term).encode("utf-16-le")
    for i in range(0, len(data), 2):
        h ^= data[i] | (data[i + 1] << 8)
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h % buckets



TEASER = 300  # visible characters of a result's preview


def teaser(fragment: str, limit: int = TEASER) -> str:
    """The start of an HTML fragment, about ``limit`` visible characters, cut between words and never
    inside a formula or a tag; the elements left open are closed."""
    out, stack, seen = [], [], 0
    for match in re.finditer(r"<math\b.*?</math>|<[^>]+>|[^<]+", fragment, re.S):
        piece = match.group(0)
        if piece.startswith("<math"):
            out.append(piece)
            seen += len(plain(piece.replace("<", " <"))) // 3 + 1
        elif piece.startswith("</"):
            name = piece[2:-1].strip().lower()
            if name in stack:
                while stack and stack.pop() != name:
                    pass
            out.append(piece)
        elif piece.startswith("<"):
            name = re.match(r"<\s*([a-zA-Z0-9]+)", piece)
            out.append(piece)
            if name and not piece.endswith("/>") and name.group(1).lower() not in {"br", "img", "hr", "wbr", "input"}:
                stack.append(name.group(1).lower())
        else:
            room = limit - seen
            if len(piece) > room:
                cut = piece[:room]
                space = cut.rfind(" ")
                out.append((cut[:space] if space > room // 2 else cut).rstrip() + " …")
                seen = limit
            else:
                out.append(piece)
                seen += len(piece)
        if seen >= limit:
            break
    out.extend(f"</{name}>" for name in reversed(stack))
    return "".join(out)


def joined(text: str) -> list[str]:
    """Terms of a title, plus each two neighbouring terms written as one, marked `JOINED` (주변 분포 ->
    ~주변분포): Korean spacing varies, and a compound a reader types whole (주변분포) is often spaced
    in a title; a query's neighbouring words are looked up joined too (batch normalization ->
    ~batchnormalization). The mark keeps them out of the longer terms a word being typed finds."""
    out = []
    for part in text.split(";"):  # keywords: one term, with its aliases, between semicolons
        found = terms(plain(part))
        out += found + [JOINED + a + b for a, b in zip(found, found[1:])]
    return out
