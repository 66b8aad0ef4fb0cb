"""The math font, cut down to the characters a site's formulas use (fontTools, written as WOFF2).

`characters` lists what Chromium draws with the math font for some MathML (a one-letter ``<mi>`` is drawn in
its Mathematical Italic form, a root with the radical sign, which no element writes); `subset_font` keeps those characters of Latin Modern Math with the size
variants and stretchy parts its MATH table has for them.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterable
from pathlib import Path

ANNOTATION = re.compile(r"<annotation encoding=\"application/x-tex\">.*?</annotation>", re.S)
MATH_TEXT = re.compile(r"<(mi|mn|mo|mtext|ms)\b[^>]*>([^<]*)</\1>")
MI_SINGLE = re.compile(r"<mi>([^<])</mi>")
# what an element draws without writing it: a root's radical sign
DRAWN_BY = {"msqrt": "\u221a", "mroot": "\u221a"}
FLAVOR = "woff2"


def italic(ch: str) -> str:
    """The Mathematical Italic letter MathML Core draws for a one-letter <mi> (text-transform: math-auto)."""
    exceptions = {"h": "\u210e", "ı": "\U0001d6a4", "ȷ": "\U0001d6a5"}
    if ch in exceptions:
        return exceptions[ch]
    if "A" <= ch <= "Z":
        return chr(0x1D434 + ord(ch) - ord("A"))
    if "a" <= ch <= "z":
        return chr(0x1D44E + ord(ch) - ord("a"))
    greek = "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡϴΣΤΥΦΧΨΩ∇αβγδεζηθικλμνξοπρςστυφχψω∂ϵϑϰϕϱϖ"
    if ch in greek:
        return chr(0x1D6E2 + greek.index(ch))
    return ch


def characters(mathml: Iterable[str]) -> set[str]:
    """The characters the browser draws with the math font for these formulas."""
    chars: set[str] = set()
    for markup in mathml:
        markup = ANNOTATION.sub("", markup)
        for _, text in MATH_TEXT.findall(markup):
            chars.update(html.unescape(text))
        for letter in MI_SINGLE.findall(markup):
            chars.add(italic(html.unescape(letter)))
        chars.update(sign for tag, sign in DRAWN_BY.items() if f"<{tag}" in markup)
    return {c for c in chars if not c.isspace() and not ("\uac00" <= c <= "\ud7a3" or "\u3131" <= c <= "\u318e")}


def subset_font(source: Path, chars: set[str], out: Path, cache_dir: Path | None) -> None:
    """``source`` cut down to ``chars`` (with the size variants and parts its MATH table uses for them), as WOFF2.

    WOFF2 (Brotli, the ``brotli`` package) is about a tenth smaller than WOFF (zlib): 29.0 KB instead of 32.6 KB
    for the characters of this site's formulas in December 2026.
    """
    # always there: digits, Latin letters and the usual operators a new formula is likely to use
    base = set("0123456789+-=()[]{}|/,.:;!'<>*") | {"\u2212", "\u00d7", "\u22c5", "\u2032"}
    codepoints = sorted({ord(c) for c in chars | base})
    # the cached file is named by the source, the characters and these options (their version below)
    key = f"{source.name}|{source.stat().st_size}|no-features,no-hints,{FLAVOR}|" + ",".join(map(str, codepoints))
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    cached = cache_dir / f"font-{digest}.{FLAVOR}" if cache_dir else None
    if cached is not None and cached.is_file():
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(cached.read_bytes())
        return
    from fontTools import subset  # imported only when the cache lacks this subset: about 0.3 s
    from fontTools.ttLib import TTFont

    options = subset.Options()
    # The MATH table's size variants and stretchy parts are kept for these characters; the optional
    # OpenType features (script-size and flattened-accent alternates) would double the glyphs for a
    # difference few readers see, and hints do nothing on today's screens: 32 KB instead of 86 KB (as WOFF).
    options.layout_features = []
    options.hinting = False
    options.desubroutinize = True
    options.flavor = FLAVOR
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.recalc_timestamp = False
    font = TTFont(source, recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    out.parent.mkdir(parents=True, exist_ok=True)
    font.flavor = FLAVOR
    font.save(out)
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_bytes(out.read_bytes())
