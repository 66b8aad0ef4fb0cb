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
    """The checks above see every post of the site: each one in both languages, and each one the navigation lists."""
    nav = set(re.findall(r"^\s*- (?:[^:\n]+: )?posts/([a-z0-9-]+)\.md$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M))
    slugs = {lang: {p.name.rsplit(".", 2)[0] for p in posts} for lang, posts in (("ko", KO_POSTS), ("en", EN_POSTS))}
    assert nav and slugs["ko"] == slugs["en"] == nav


# ---- Figure, table and caption strings: the decided terms also hold where the snippets print and draw. ----

SNIPPETS = sorted((ROOT / "snippets").glob("*/*.py"))

# rejected pattern -> decided term (regular expressions, for variants that a plain substring would over-match)
KO_PATTERNS = {
    r"train ?모드": "학습 모드",
    r"test ?모드": "테스트 모드",
    r"train 정확도": "학습 정확도",
    r"running ?(?:평균|값|mean|var)": "이동 평균",
    r"spiral": "스파이럴",
    r"완전\s*배치": "전체 배치",
    r"(?<!미니)배치가 하나|(?<!미니)배치 하나(?:의)? 함정|배치 1개": "배치 크기 1",
    r"로그 축": "로그 눈금",
    r"좌표 하강(?!법)": "좌표 하강법",
    r"모서리나 색": "에지(경계)나 색",
}
PARTICLES = {"로": "으로", "는": "은", "가": "이", "를": "을", "와": "과"}  # after a vowel -> after a final consonant
# How the last part of a numerator is read (a number ending in zeros is read by its largest unit)
LAST_DIGIT = {"0": "영", "1": "일", "2": "이", "3": "삼", "4": "사", "5": "오", "6": "육", "7": "칠", "8": "팔", "9": "구"}
ZERO_UNITS = {1: "십", 2: "백", 3: "천", 4: "만"}
FRACTION = re.compile(
    r"(?:(?<![\d.])(?P<a>\d+)/\d+|\\[td]?frac(?:\{(?P<b>\d+)\}\{\d+\}|(?P<c>\d)\d))\$?"
    r"(?P<particle>으로|로|은|는|이|가|을|를|과|와)(?![가-힣])"
)


def read_aloud(numerator: str) -> str:
    """The syllable a fraction read aloud ends on: 2/3 is 삼분의 이, 10/7 is 칠분의 십."""
    stripped = numerator.rstrip("0")
    zeros = len(numerator) - len(stripped)
    return LAST_DIGIT[numerator[-1]] if not stripped or zeros == 0 else ZERO_UNITS.get(zeros % 4 or 4, "만")


def particle_for(syllable: str, particle: str) -> str:
    """The form of a particle that follows ``syllable`` (로/으로 after ㄹ is 로)."""
    final = (ord(syllable) - 0xAC00) % 28  # 0: no final consonant, 8: ㄹ
    pairs = {**PARTICLES, **{v: v for v in PARTICLES.values()}}
    vowel_form = {v: k for k, v in PARTICLES.items()}
    base = particle if particle in PARTICLES else vowel_form[particle]  # the after-vowel form
    if final == 0 or (final == 8 and base == "로"):
        return base
    return pairs[base] if base in PARTICLES else base


def fraction_particle_hits(text: str) -> list[str]:
    hits = []
    for m in FRACTION.finditer(text):
        numerator, particle = m.group("a") or m.group("b") or m.group("c"), m.group("particle")
        right = particle_for(read_aloud(numerator), particle)
        if particle != right:
            hits.append(f"{m.group(0)} (read {read_aloud(numerator)}: use {right})")
    return hits


def korean_pattern_hits(text: str, *, fractions: bool = True) -> list[str]:
    """The pattern rules (and, with ``fractions``, the particles after fractions); KO_REJECTED is `korean_hits`' job."""
    hits = [f"{m.group(0)} (use {good})" for bad, good in KO_PATTERNS.items() for m in re.finditer(bad, text)]
    return hits + (fraction_particle_hits(text) if fractions else [])


def localized_strings(path: Path) -> dict[str, list[str]]:
    """Every string literal inside each language's entries of the snippet's `localized({...})` calls."""
    import ast

    found: dict[str, list[str]] = {"ko": [], "en": []}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "localized" and node.args:
            table_ = node.args[0]
            assert isinstance(table_, ast.Dict), f"{path.name}: localized() takes a literal dict"
            for key, value in zip(table_.keys, table_.values):
                lang = key.value if isinstance(key, ast.Constant) else None
                if lang in found:
                    found[lang] += [n.value for n in ast.walk(value) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    return found


def test_pattern_rules_find_the_drift_and_pass_the_decided_terms() -> None:
    assert korean_pattern_hits("train 모드 출력, running 평균, spiral 데이터, 완전 배치 Adam, 로그 축, 좌표 하강으로") == [
        "train 모드 (use 학습 모드)", "running 평균 (use 이동 평균)", "spiral (use 스파이럴)", "완전 배치 (use 전체 배치)",
        "로그 축 (use 로그 눈금)", "좌표 하강 (use 좌표 하강법)",
    ]
    assert korean_pattern_hits("학습 모드와 테스트 모드, 이동 평균(running average), 미니배치 하나를 뽑는다, 좌표 하강법으로") == []
    assert korean_pattern_hits("배치가 하나여도") == ["배치가 하나 (use 배치 크기 1)"]


def test_particles_after_fractions_follow_how_they_are_read() -> None:
    assert fraction_particle_hits("2/3이 된다, 2/3으로 이긴다") == [
        "2/3이 (read 이: use 가)", "2/3으로 (read 이: use 로)"]
    assert fraction_particle_hits("2/3가 된다, 2/3로 이긴다, 1/2을 곱한다, 3/4으로, 1/8500을, 10/7은, 1/3로") == []
    assert fraction_particle_hits("$\\frac{2}{3}$이 된다 $\\tfrac{1}{3}$로 $\\frac38$로") == [
        "\\frac{2}{3}$이 (read 이: use 가)", "\\frac38$로 (read 삼: use 으로)"]
    assert fraction_particle_hits("2/3이다, 0.2/3으로") == []  # the copula, and a decimal that is not a fraction's numerator


@pytest.mark.parametrize("path", KO_POSTS, ids=lambda p: p.name)
def test_korean_posts_avoid_the_rejected_variants(path: Path) -> None:
    markdown = path.read_text(encoding="utf-8")
    hits = korean_pattern_hits(prose(markdown), fractions=False) + fraction_particle_hits(markdown)  # math too: $\frac{2}{3}$로
    assert not hits, f"{path.name}: {sorted(set(hits))}"


@pytest.mark.parametrize("path", SNIPPETS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_snippet_strings_use_the_decided_terms(path: Path) -> None:
    strings = localized_strings(path)
    ko_hits = [hit for s in strings["ko"] for hit in korean_pattern_hits(s)]
    ko_hits += [f"{bad} (use {good})" for s in strings["ko"] for bad, good in KO_REJECTED.items() if bad in s]
    ko_hits += [f"dropout (use 드롭아웃): {s}" for s in strings["ko"] if re.search(r"\bdropout\b", s, re.I)]
    en_hits = [hit for s in strings["en"] for hit in uk_hits(s)]
    assert not ko_hits and not en_hits, f"{path.name}: {ko_hits + en_hits}"


def test_every_snippet_with_words_is_scanned() -> None:
    with_words = [p for p in SNIPPETS if "localized(" in p.read_text(encoding="utf-8")]
    assert len(with_words) >= 40
    for path in with_words:
        strings = localized_strings(path)
        assert strings["ko"] and strings["en"], f"{path.name}: no strings found in localized()"
