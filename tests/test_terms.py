"""One term per concept: the Korean posts use the decided terms, the English posts one (US) spelling.

The decided terms are recorded in `docs/glossary/*.yml`. Code blocks, inline code, math and HTML
comments are not prose and are skipped; so is the one first-use parenthetical "드롭아웃(dropout)".
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
KO_POSTS = sorted((ROOT / "docs" / "posts").glob("*.ko.md"))
EN_POSTS = sorted((ROOT / "docs" / "posts").glob("*.en.md"))

# rejected variant -> decided term
KO_REJECTED = {
    "기대값": "기댓값",
    "특징": "특성",
    "모형": "모델",
    "훈련": "학습",
    "영점 중심": "0 중심",
    "결합 분포": "결합분포",
    "주변 분포": "주변분포",
    "조건부 분포": "조건부분포",
    "비상관": "무상관",
    "최적화기": "최적화 기법",
    "학습 분할": "학습 세트",
    "검증 분할": "검증 세트",
}
FIRST_USE = "드롭아웃(dropout)"
# Lecture 19's title coordinates three modifiers on one noun ("joint, conditional and marginal distributions"):
# there "주변 분포" is not the compound term 주변분포.
COORDINATED = "결합, 조건부, 주변 분포"

# UK spelling -> US spelling (whole words, case-insensitive)
UK_WORDS = {
    "behaviour": "behavior", "behaviours": "behaviors", "centre": "center", "centred": "centered",
    "centres": "centers", "centring": "centering", "colour": "color", "colours": "colors", "favour": "favor",
    "favours": "favors", "neighbour": "neighbor", "neighbours": "neighbors", "labelled": "labeled",
    "modelling": "modeling", "analyse": "analyze", "analysed": "analyzed",
}
UK_STEMS = ("normalis", "initialis", "regularis", "optimis", "minimis", "maximis", "standardis", "generalis",
            "randomis", "summaris", "visualis", "recognis", "parametris", "penalis", "characteris", "memoris")


def prose(markdown: str) -> str:
    """The text a reader sees as prose: no fenced code, inline code, math or HTML comments."""
    text = re.sub(r"^(```|~~~).*?^\1", " ", markdown, flags=re.S | re.M)
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    text = re.sub(r"\$\$.*?\$\$", " ", text, flags=re.S)
    text = re.sub(r"(?<!\\)\$[^$\n]+?(?<!\\)\$", " ", text)
    text = re.sub(r"`[^`\n]+`", " ", text)
    text = re.sub(r"\{\s*#[^}]*\}", " ", text)  # heading anchors { #dropout }
    text = re.sub(r"\]\([^)]*\)", "]", text)  # link targets
    return text


def korean_hits(markdown: str) -> list[str]:
    text = prose(markdown).replace(COORDINATED, " ")
    hits = [f"{bad} (use {good})" for bad, good in KO_REJECTED.items() for _ in re.finditer(re.escape(bad), text)]
    # "dropout" in Korean prose: only once, as the first-use parenthetical.
    text = re.sub(r"\*\*", "", text).replace(FIRST_USE, "드롭아웃", 1)
    hits += ["dropout (use 드롭아웃)" for _ in re.finditer(r"dropout", text, flags=re.I)]
    return hits


def uk_hits(markdown: str) -> list[str]:
    text = prose(markdown)
    words = re.findall(r"[A-Za-z]+", text)
    hits = [w for w in words if w.lower() in UK_WORDS]
    hits += [w for w in words if w.lower().startswith(UK_STEMS) and re.search(r"is(e|ed|es|ing|ation|ations|er|ers)$", w.lower())]
    return hits


def test_prose_skips_code_math_and_comments() -> None:
    sample = "기댓값 `기대값` $\\text{기대값}$\n\n$$\n훈련\n$$\n\n```python\n# 모형\n```\n<!-- 특징 -->\n특성"
    assert korean_hits(sample) == []
    assert korean_hits("기대값과 모형") == ["기대값 (use 기댓값)", "모형 (use 모델)"]
    assert korean_hits("# 19. 결합, 조건부, 주변 분포") == []
    assert korean_hits("X의 주변 분포") == ["주변 분포 (use 주변분포)"]


def test_dropout_is_allowed_once_as_the_first_use_parenthetical() -> None:
    assert korean_hits("**드롭아웃(dropout)**은 ... 드롭아웃을 쓰면") == []
    assert korean_hits("드롭아웃(dropout)은 ... dropout을 쓰면") == ["dropout (use 드롭아웃)"]
    assert korean_hits("드롭아웃(dropout), 다시 드롭아웃(dropout)") == ["dropout (use 드롭아웃)"]
    assert korean_hits("Keras의 `Dropout(rate)`") == []
    assert korean_hits("## 드롭아웃 { #dropout }\n[드롭아웃](#dropout)") == []


def test_uk_spellings_are_found_and_us_ones_pass() -> None:
    assert uk_hits("We normalise the centred data; its behaviour") == ["centred", "behaviour", "normalise"]
    assert uk_hits("We normalize the centered data; its behavior is noise-free, otherwise precise") == []
    assert uk_hits("`centred` in code $\\text{colour}$") == []


@pytest.mark.parametrize("path", KO_POSTS, ids=lambda p: p.name)
def test_korean_posts_use_the_decided_terms(path: Path) -> None:
    hits = korean_hits(path.read_text(encoding="utf-8"))
    assert not hits, f"{path.name}: {hits}"


@pytest.mark.parametrize("path", EN_POSTS, ids=lambda p: p.name)
def test_english_posts_use_us_spelling(path: Path) -> None:
    hits = uk_hits(path.read_text(encoding="utf-8"))
    assert not hits, f"{path.name}: {hits}"


def test_every_korean_post_is_checked() -> None:
    assert len(KO_POSTS) == 6 and len(EN_POSTS) == 6
