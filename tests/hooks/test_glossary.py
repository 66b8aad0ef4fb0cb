"""The glossary table from the per-post yml files, without a build."""

from __future__ import annotations

import pytest
from hooktools import write_post
from studynotes_site.glossary import (
    GLOSSARY_MARKER,
    GlossaryError,
    check_entries,
    expand_glossary,
    first_use,
    merge_entries,
    render_glossary,
    render_table,
    row_ids,
    short_title,
    term_variants,
)

POST_BODY = {
    "first": "# First { #first-title }\n\nIntro.\n\n## Basics { #basics }\n\nThe word one appears here.\n",
    "second": "# Second { #second-title }\n\n```python\none in code does not count\n```\n\n## Later { #later }\n\nOne more, and two.\n",
}


def docs_with(tmp_path, glossaries: dict[str, str]):
    for slug, day in (("first", "2023-01-01"), ("second", "2024-01-01")):
        for lang in ("ko", "en"):
            write_post(tmp_path, slug, lang, title=f"{slug}-{lang} (long)", date=day, category="ml", excerpt="x")
            path = tmp_path / "posts" / f"{slug}.{lang}.md"
            path.write_text(path.read_text(encoding="utf-8").replace("# Body\n", POST_BODY[slug]), encoding="utf-8")
    (tmp_path / "glossary").mkdir()
    for slug, text in glossaries.items():
        (tmp_path / "glossary" / f"{slug}.yml").write_text(text, encoding="utf-8")
    return tmp_path


def test_table_sorts_by_the_term_in_the_page_language_and_lists_the_uses() -> None:
    entries = [{"ko": "분산", "en": "variance", "note_en": "spread $\\sigma^2$", "uses": [("P", "posts/p.md#v")]},
               {"ko": "기댓값", "en": "Expectation"}]
    en = render_table(entries, "en").splitlines()
    assert en[0] == "| English | 한국어 | Note | Used in |"
    assert en[2:] == ["| **Expectation**{ #g-expectation } | 기댓값 |  |  |",
                      "| **variance**{ #g-variance } | 분산 | spread $\\sigma^2$ | [P](posts/p.md#v) |"]
    ko = render_table(entries, "ko").splitlines()
    assert ko[0] == "| 한국어 | English | 설명 | 나오는 글 |"
    # each row's id is the same in both languages: the search links it
    assert [row.split("|")[1].strip() for row in ko[2:]] == ["**기댓값**{ #g-expectation }", "**분산**{ #g-variance }"]


def test_row_ids_are_the_english_term_and_unique() -> None:
    entries = [{"ko": "가", "en": "Bayes' rule"}, {"ko": "나", "en": "Bayes rule"}, {"ko": "다", "en": "μ"}]
    assert row_ids(entries) == {"가": "g-bayes-rule", "나": "g-bayes-rule-2", "다": "g-term"}


def test_aliases_and_teaches_are_checked_and_merged() -> None:
    merged = merge_entries([
        ("old", [{"ko": "베이즈 규칙", "en": "Bayes' rule", "aliases_ko": ["베이즈 정리"]}]),
        ("new", [{"ko": "베이즈 규칙", "en": "Bayes' rule", "aliases_ko": ["베이즈 공식"], "teaches": True}]),
    ])
    assert merged[0]["aliases_ko"] == ["베이즈 정리", "베이즈 공식"] and merged[0]["teaches"] == ["new"]
    for bad, message in (({"aliases_ko": "베이즈 정리"}, "aliases_ko must be a list"), ({"teaches": "yes"}, "teaches is true"),
                         ({"alias": ["x"]}, "unknown key alias")):
        with pytest.raises(GlossaryError, match=message):
            check_entries("p", [{"ko": "가", "en": "a", **bad}])


def test_a_term_in_several_files_is_one_entry_listing_every_post() -> None:
    merged = merge_entries([
        ("old", [{"ko": "하나", "en": "one"}, {"ko": "둘", "en": "two", "note_ko": "옛 설명"}]),
        ("new", [{"ko": "둘", "en": "two", "note_ko": "새 설명", "note_en": "new note"}]),
    ])
    assert [e["ko"] for e in merged] == ["하나", "둘"]
    two = merged[1]
    assert two["posts"] == ["old", "new"] and two["note_ko"] == "옛 설명" and two["note_en"] == "new note"
    with pytest.raises(GlossaryError, match="glossary/new.yml: '둘' is 'Two', glossary/old.yml has 'two'"):
        merge_entries([("old", [{"ko": "둘", "en": "two"}]), ("new", [{"ko": "둘", "en": "Two"}])])


def test_first_use_is_the_heading_above_the_first_line_outside_code() -> None:
    assert first_use(POST_BODY["first"], "one") == "basics"
    assert first_use(POST_BODY["second"], "one") == "later"  # the fenced line is skipped
    assert first_use(POST_BODY["second"], "Second") == "second-title"
    assert first_use(POST_BODY["second"], "three") is None
    assert first_use("## Init { #init }\n\nXavier initialization works.\n", "Xavier (Glorot) initialization") == "init"
    assert first_use("## CV { #cv }\n\nk fold cross validation\n", "k-fold cross-validation") == "cv"
    # not inside a longer Latin word (someone, Someone), also when that comes first; after Hangul or a digit, yes
    later = "## A { #a }\n\nsomeone Someone\n\n## B { #b }\n\n모두one\n"
    assert first_use(later, "one") == "b" and first_use("## A { #a }\n\n2One\n", "one") == "a"
    assert first_use("## A { #a }\n\nsomeone\n", "one") is None


def test_variants_and_short_titles() -> None:
    assert term_variants("stochastic gradient descent (SGD)") == ["stochastic gradient descent (SGD)",
                                                                  "stochastic gradient descent", "SGD"]
    assert term_variants("격자 / 무작위 탐색") == ["격자", "무작위 탐색"]
    assert short_title("19. 결합 (Joint)") == "19. 결합" and short_title("Lecture 6. Training") == "Lecture 6. Training"


def test_glossary_links_each_post_at_its_first_use(tmp_path) -> None:
    docs = docs_with(tmp_path, {"second": "- {ko: 둘, en: two}\n- {ko: 하나, en: one}\n", "first": "- {ko: 하나, en: one}\n"})
    text = render_glossary(docs, "en")
    assert text.startswith('<div class="sn-glossary" markdown>\n\n| English |') and text.endswith("|\n\n</div>")
    rows = text.splitlines()[4:-2]
    assert rows == [
        "| **one**{ #g-one } | 하나 |  | [first-en](posts/first.md#basics)<br>[second-en](posts/second.md#later) |",
        "| **two**{ #g-two } | 둘 |  | [second-en](posts/second.md#later) |",
    ]
    # the Korean page's sources do not write 하나; the English term is looked for there too
    assert "[first-ko](posts/first.md#basics)" in render_glossary(docs, "ko")


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
