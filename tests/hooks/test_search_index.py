"""The static search index (studynotes_site.search_index, search_terms, search_weights) and the search worker that reads it
(docs/javascripts/workers/search.js), without a build: terms, buckets, teasers, weights, and the
worker's answers over a small index written here."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from studynotes_site.search_index import build, inline_index, write_index
from studynotes_site.search_terms import bucket, stem, tails, teaser, terms

ROOT = Path(__file__).resolve().parents[2]
WORKER = ROOT / "docs" / "javascripts" / "workers" / "search.js"
NODE = shutil.which("node") or "node"  # the build needs Node.js too (Temml)

SAMPLES = [
    "정칙화는 드롭아웃을 배치 정규화의 모멘텀으로 학습률이 안장점 시그모이드는",
    "확률질량함수와 적률생성함수, 코시분포의 (비율) 주변분포를: 결합분포에서는",
    "Monty Hall's problem; saddle points, L2 norms and λ ≥ 0.5 — AdaGrad/RMSProp",
    "값이 1보다 크면 f(x)=x²이다. 4.5e-04 최소-최대 스케일링, ReLU에서 0 중심",
    "<p>tags and &amp; entities</p> ÀÉÎ café naïve 𝑥 ①②",
    "",
]


def node_terms(texts: list[str]) -> list[dict]:
    script = (
        f"const w = require({json.dumps(str(WORKER))});"
        "const texts = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "console.log(JSON.stringify(texts.map(t => ({terms: w.terms(t), buckets: w.terms(t).map(x => w.bucket(x, 97))}))));"
    )
    out = subprocess.run([NODE, "-e", script], input=json.dumps(texts), capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_the_worker_splits_text_into_the_same_terms_and_buckets_as_the_index() -> None:
    """The query side (JavaScript) and the index side (Python) agree on every post's text and on
    strings with particles, compounds, punctuation, math and other scripts."""
    texts = SAMPLES + [p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs" / "posts").glob("*.md"))]
    for text, theirs in zip(texts, node_terms(texts)):
        ours = terms(text)
        assert theirs["terms"] == ours, text[:80]
        assert theirs["buckets"] == [bucket(t, 97) for t in ours]


@pytest.mark.parametrize("word,expected", [
    ("모멘텀으로", "모멘텀"), ("학습률이", "학습률"), ("정칙화는", "정칙화"), ("드롭아웃을", "드롭아웃"),
    ("시그모이드는", "시그모이드"), ("주변분포를", "주변분포"), ("분포에서는", "분포"), ("코시분포의", "코시분포"),
    ("확률이다", "확률"), ("값이", "값이"),  # one syllable would be left: not a particle
    ("모멘텀", "모멘텀"), ("points", "point"), ("class", "class"), ("focus", "focus"), ("x", None), ("l2", "l2"),
])
def test_a_particle_or_plural_is_cut_off(word, expected) -> None:
    assert stem(word) == expected


def test_a_compound_is_also_found_by_its_tails() -> None:
    assert tails("확률질량함수") == ("질량함수", "함수")
    assert tails("적률생성함수") == ("생성함수", "함수")
    assert tails("함수") == () and tails("softmax") == ()


def test_a_teaser_is_the_start_of_the_text_never_cut_inside_a_formula_or_a_tag() -> None:
    formula = '<math><mrow><mi>P</mi><mo>(</mo><mi>A</mi><mo>)</mo></mrow></math>'
    html = "<p>" + "가나다 " * 40 + formula + " 라마바 " * 40 + "</p><ul><li>끝</li></ul>"
    short = teaser(html, 100)
    assert short.startswith("<p>") and short.endswith("</p>") and short.count("<p>") == short.count("</p>")
    visible = re.sub(r"<[^>]+>", "", short)
    assert 80 <= len(visible) <= 110 and visible.endswith("…")
    around = teaser(html, 165)  # the cut falls inside the formula: the formula stays whole
    assert around.count("<math>") == around.count("</math>")
    assert teaser("<p>short</p>", 100) == "<p>short</p>"


DOCS = [
    {"location": "", "title": "홈", "text": "<p>모멘텀 카드</p>"},
    {"location": "#post-a", "title": "모멘텀 글", "text": "<p>모멘텀 카드</p>"},
    {"location": "posts/a/", "title": "모멘텀과 학습률", "text": "<p>모멘텀을 쓴다.</p>", "keywords": "모멘텀 ; momentum"},
    {"location": "posts/a/#sgd", "title": "SGD + 모멘텀", "text": "<p>속도에 기울기를 쌓는 모멘텀.</p>"},
    {"location": "posts/b/", "title": "다른 글", "text": "<p>모멘텀은 다른 글에도 나온다.</p>"},
    {"location": "api/optim/", "title": "optim", "text": "<p>모멘텀 SGD 모멘텀 모멘텀</p>"},
    {"location": "glossary/", "title": "용어집", "text": "<p>용어를 모았다.</p>"},
    {"location": "glossary/#g-momentum", "title": "모멘텀", "text": "<p>momentum</p>", "keywords": "관성"},
    {"location": "glossary/#g-lr", "title": "학습률", "text": "<p>learning rate</p>"},
]


def weights(index: dict, term: str) -> dict[str, int]:
    locations = [entry[0] for page in index["pages"] for entry in page]
    values, doc, out = index["postings"].get(term, []), 0, {}
    for i in range(0, len(values), 2):
        doc += values[i]
        out[locations[doc]] = values[i + 1]
    return out


def test_index_pages_glossary_rows_and_kinds_are_weighed_as_results() -> None:
    index = build(DOCS)
    locations = [[entry[0] for entry in page] for page in index["pages"]]
    # each glossary row is a result of its own under the glossary page's title
    assert ["glossary/", "glossary/#g-momentum"] in locations and ["glossary/", "glossary/#g-lr"] in locations
    momentum = weights(index, "모멘텀")
    # a home page's card is no result; the home page's own entry is found by its title only
    assert "" not in momentum and "#post-a" not in momentum
    # the post that teaches it (title, keywords, sections) outweighs a post that mentions it, and an
    # API page that repeats it more often
    assert momentum["posts/a/"] > momentum["posts/b/"] > momentum["api/optim/"]
    # the headers of glossary rows are found by nothing
    assert all(loc != "glossary/" or momentum.get(loc) is None for loc in momentum)
    assert weights(index, "관성") == {"glossary/#g-momentum": weights(index, "관성")["glossary/#g-momentum"]}
    # a page's entry holds its sections' terms: "기울기" is only in a section of posts/a/
    assert set(weights(index, "기울기")) == {"posts/a/", "posts/a/#sgd"}


def run_worker(folder: Path, queries: list[str]) -> list[dict]:
    """The worker's answers to ``queries`` over the index in ``folder``, inlined as the offline copy has it."""
    script = (
        f"const w = require({json.dumps(str(WORKER))});"
        "const [index, queries] = JSON.parse(require('fs').readFileSync(0, 'utf8'));"
        "w.setup({config: index.config, options: {suggest: true}});"
        "(async () => { const out = []; for (const q of queries) out.push(await w.search(q));"
        " console.log(JSON.stringify(out)); })();"
    )
    data = json.dumps([inline_index(folder), queries])
    out = subprocess.run([NODE, "-e", script], input=data, capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_the_worker_answers_in_materials_protocol(tmp_path) -> None:
    config = {"lang": ["ko"], "separator": "[\\s]+"}
    manifest = write_index(tmp_path, {"config": config, "docs": DOCS}, "search/")
    assert manifest["docs"] == [] and manifest["config"]["separator"] == "[\\s]+"
    momentum, typing, nothing, lr = run_worker(tmp_path, ["모멘텀으로", "모멘", "없는말", "학습률이 모멘텀"])
    pages = [group[0]["location"] for group in momentum["items"]]
    assert pages[0] == "posts/a/" and "" not in pages
    assert pages.index("api/optim/") > pages.index("posts/b/")
    first = momentum["items"][0]
    assert [d["location"] for d in first][:2] == ["posts/a/", "posts/a/#sgd"]
    assert first[0]["score"] == first[1]["score"]  # the best section shows under its page
    assert "<mark>모멘텀</mark>" in first[1]["title"] and first[0]["terms"] == {"모멘텀으로": True}
    # the last word is being typed: it is found as the start of longer terms
    assert [group[0]["location"] for group in typing["items"]][0] == "posts/a/"
    assert typing["suggest"] == ["모멘텀"]
    assert nothing["items"] == []
    # a result missing a word says so: Material lists it as missing
    glossary_lr = next(g for g in lr["items"] if g[-1]["location"] == "glossary/#g-lr")
    assert glossary_lr[-1]["terms"] == {"학습률이": True, "모멘텀": False}


def test_rewriting_an_index_keeps_only_its_own_files(tmp_path) -> None:
    config = {"lang": ["ko"], "separator": "x"}
    cache: dict = {}
    write_index(tmp_path, {"config": config, "docs": DOCS}, "search/", cache)
    first = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.json"))
    write_index(tmp_path, {"config": config, "docs": DOCS[:4]}, "search/", cache)
    second = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.json"))
    manifest = json.loads((tmp_path / "search_index.json").read_text(encoding="utf-8"))
    assert len(second) == 1 + manifest["config"]["sn"]["buckets"] + len(manifest["config"]["sn"]["starts"]) - 1
    assert len(second) < len(first)
    fresh = tmp_path / "fresh"
    write_index(fresh, {"config": config, "docs": DOCS[:4]}, "search/")
    for name in second:  # the same files as an index written from nothing
        assert (tmp_path / name).read_text(encoding="utf-8") == (fresh / name).read_text(encoding="utf-8"), name
