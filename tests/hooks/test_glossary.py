"""Glossary tables from the per-post yml files, without a build."""

from __future__ import annotations

import pytest
from hooktools import write_post
from studynotes_site.glossary import GLOSSARY_MARKER, GlossaryError, expand_glossary, render_glossary, render_table


def docs_with(tmp_path, glossaries: dict[str, str]):
    for slug, day in (("first", "2023-01-01"), ("second", "2024-01-01")):
        for lang in ("ko", "en"):
            write_post(tmp_path, slug, lang, title=f"{slug}-{lang}", date=day, category="ml", excerpt="x")
    (tmp_path / "glossary").mkdir()
    for slug, text in glossaries.items():
        (tmp_path / "glossary" / f"{slug}.yml").write_text(text, encoding="utf-8")
    return tmp_path


def test_table_sorts_by_the_term_in_the_page_language() -> None:
    entries = [{"ko": "분산", "en": "variance", "note_en": "spread"}, {"ko": "기댓값", "en": "Expectation"}]
    en = render_table(entries, "en").splitlines()
    assert en[0] == "| English | 한국어 | Note |"
    assert en[2:] == ["| **Expectation** | 기댓값 |  |", "| **variance** | 분산 | spread |"]
    ko = render_table(entries, "ko").splitlines()
    assert ko[0] == "| 한국어 | English | 설명 |"
    assert [row.split("|")[1].strip() for row in ko[2:]] == ["**기댓값**", "**분산**"]


def test_sections_follow_the_posts_oldest_first(tmp_path) -> None:
    docs = docs_with(tmp_path, {"second": "- {ko: 둘, en: two}\n", "first": "- {ko: 하나, en: one}\n"})
    text = render_glossary(docs, "en")
    assert text.index("## [first-en](posts/first.md) { #first }") < text.index("## [second-en](posts/second.md) { #second }")


def test_a_file_without_a_post_or_a_half_entry_fails(tmp_path) -> None:
    with pytest.raises(GlossaryError, match="glossary files without a post: stray"):
        render_glossary(docs_with(tmp_path / "a", {"stray": "[]\n"}), "ko")
    with pytest.raises(GlossaryError, match=r"glossary/first.yml entry 1 needs both"):
        render_glossary(docs_with(tmp_path / "b", {"first": "- {ko: 하나, en: one}\n- {ko: 둘}\n"}), "ko")


def test_expand_glossary_replaces_only_the_marker(tmp_path) -> None:
    docs = docs_with(tmp_path, {"first": "- {ko: 하나, en: one}\n"})
    out = expand_glossary(f"# G\n\n{GLOSSARY_MARKER}\n", docs, "ko")
    assert out == "# G\n\n" + render_glossary(docs, "ko") + "\n"
    assert expand_glossary("# G\n", tmp_path / "none", "ko") == "# G\n"
