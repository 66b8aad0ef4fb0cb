"""The Korean and English files of a page have the same structure, so links and the switcher survive translation."""

from __future__ import annotations

import re

import pytest
import yaml

from sitetools import ROOT, doc_pages

ANCHOR = re.compile(r"^#{1,6} .*\{ *#([A-Za-z0-9_-]+) *\}\s*$", re.M)
HEADING = re.compile(r"^#{1,6} ", re.M)
INCLUDE = re.compile(r'--8<-- "([^"]+)"')
BLOCK_ID = re.compile(r'^```\w+ [^\n]*\bexec="(?:1|true)"[^\n]*\bid="([^"]+)"', re.M)
EXEC_BLOCK = re.compile(r'^```\w+ [^\n]*\bexec="(?:1|true)"', re.M)
DISPLAY = re.compile(r"^\s*\$\$", re.M)
FIGURE_TEXT = re.compile(r"^\{ #([A-Za-z0-9_-]+) \.sn-(?:caption|alt)\b", re.M)  # a figure's caption and text alternative
SHARED_KEYS = ("date", "category", "order")


def source(page: str, lang: str) -> str:
    return (ROOT / "docs" / f"{page}.{lang}.md").read_text(encoding="utf-8")


def body(text: str) -> str:
    return text.split("---\n", 2)[2] if text.startswith("---\n") else text


def structure(text: str) -> dict:
    text = body(text)
    return {
        "anchors": ANCHOR.findall(text),
        "includes": INCLUDE.findall(text),
        "block ids": BLOCK_ID.findall(text),
        "figure texts": FIGURE_TEXT.findall(text),
        "display equations": len(DISPLAY.findall(text)) // 2,
    }


@pytest.mark.parametrize("page", doc_pages())
def test_both_languages_exist(page) -> None:
    assert (ROOT / "docs" / f"{page}.en.md").is_file()


def test_no_english_page_without_korean() -> None:
    for en in (ROOT / "docs").rglob("*.en.md"):
        assert en.with_name(en.name[: -len(".en.md")] + ".ko.md").is_file(), en


@pytest.mark.parametrize("page", doc_pages())
def test_same_structure(page) -> None:
    ko, en = structure(source(page, "ko")), structure(source(page, "en"))
    for key in ko:
        assert ko[key] == en[key], f"{page}: {key} differ\n ko: {ko[key]}\n en: {en[key]}"


@pytest.mark.parametrize("page", doc_pages())
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_heading_has_an_ascii_anchor(page, lang) -> None:
    text = re.sub(r"^```.*?^```", "", body(source(page, lang)), flags=re.S | re.M)
    assert len(HEADING.findall(text)) == len(ANCHOR.findall(text)), f"{page}.{lang}.md has a heading without {{ #id }}"


@pytest.mark.parametrize("page", doc_pages())
@pytest.mark.parametrize("lang", ["ko", "en"])
def test_every_executed_block_has_an_id(page, lang) -> None:
    text = source(page, lang)
    assert len(EXEC_BLOCK.findall(text)) == len(BLOCK_ID.findall(text))


def test_block_ids_are_unique_across_pages() -> None:
    seen: dict[str, str] = {}
    for page in doc_pages():
        for block in BLOCK_ID.findall(source(page, "ko")):
            assert block not in seen, f"block id {block} used by {seen[block]} and {page}"
            seen[block] = page


@pytest.mark.parametrize("page", [p for p in doc_pages() if p.startswith("posts/")])
def test_post_metadata_agrees(page) -> None:
    ko, en = (yaml.safe_load(source(page, lang).split("---\n", 2)[1]) for lang in ("ko", "en"))
    for key in SHARED_KEYS:
        assert ko.get(key) == en.get(key), f"{page}: front matter {key!r} differs"


def test_structure_detects_a_difference() -> None:
    a = structure("## A { #a }\n\n$$\nx\n$$\n")
    b = structure("## A { #b }\n\n$$\nx\n$$\n\n$$\ny\n$$\n")
    assert a["anchors"] != b["anchors"] and a["display equations"] == 1 and b["display equations"] == 2


# A Korean particle or copula written after a bold term with a space: "**모멘텀** 은" shows a stray gap.
LOOSE_PARTICLE = re.compile(r"\*\* (은|는|이|가|을|를|의|에|에서|와|과|로|으로|도|만|다|이다|라고|이며|이고|란|라는)(?![가-힣])")


@pytest.mark.parametrize("page", doc_pages())
def test_korean_particles_stick_to_their_word(page) -> None:
    lines = source(page, "ko").splitlines()
    loose = [f"line {i}: {line.strip()[:80]}" for i, line in enumerate(lines, 1) if LOOSE_PARTICLE.search(line)]
    assert not loose, f"{page}.ko.md: a space between a bold term and its particle\n" + "\n".join(loose)


def test_loose_particle_pattern() -> None:
    assert LOOSE_PARTICLE.search("**모멘텀(momentum)** 은 기울기")
    assert LOOSE_PARTICLE.search("**조건수** 다.")
    assert not LOOSE_PARTICLE.search("**모멘텀(momentum)**은 기울기")
    assert not LOOSE_PARTICLE.search("**Source** 탭에서")  # a noun after the term, not a particle
