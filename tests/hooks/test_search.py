"""The joint search index and sitemap split per language, without a build."""

from __future__ import annotations

import json

from studynotes_site.search import english_sitemap, search_documents, split_index, split_search_index

INDEX = {
    "config": {"lang": ["ko", "en"], "separator": "x"},
    "docs": [
        {"location": "", "title": "홈"},
        {"location": "posts/a/", "title": "가"},
        {"location": "en/", "title": "Home"},
        {"location": "en/posts/a/#sec", "title": "A"},
    ],
}
SITEMAP = """<urlset>
    <url>
         <loc>https://x/</loc>
         <xhtml:link rel="alternate" hreflang="ko" href="https://x/"/>
         <xhtml:link rel="alternate" hreflang="en" href="https://x/en/"/>
    </url>
    <url>
         <loc>https://x/only-ko/</loc>
    </url>
</urlset>"""


def test_each_language_keeps_its_own_entries() -> None:
    ko, en = split_index(INDEX)
    assert [d["title"] for d in ko["docs"]] == ["홈", "가"] and ko["config"] == INDEX["config"]
    assert en["docs"] == [{"location": "", "title": "Home"}, {"location": "posts/a/#sec", "title": "A"}]
    assert en["config"] == {"lang": ["en"], "separator": "x"}
    assert split_index(ko) is None  # nothing English left: already split


def test_english_sitemap_lists_english_addresses_only() -> None:
    out = english_sitemap(SITEMAP)
    assert "<loc>https://x/en/</loc>" in out
    assert "only-ko" not in out and "<loc>https://x/</loc>" not in out
    assert out.count("<url>") == 1


def test_split_writes_each_languages_static_index_and_is_idempotent(tmp_path) -> None:
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(INDEX), encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text(SITEMAP, encoding="utf-8")
    split_search_index(tmp_path)
    files = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    written = {p: (tmp_path / p).read_text(encoding="utf-8") for p in files}
    for prefix, titles in (("", ["홈", "가"]), ("en/", ["Home", "A"])):
        manifest = json.loads(written[f"{prefix}search/search_index.json"])
        assert manifest["docs"] == [] and manifest["config"]["lang"] == [prefix[:2] or "ko"]
        assert manifest["config"]["sn"]["path"] == f"{prefix}search/"
        entries = [e for i in range(len(manifest["config"]["sn"]["starts"]) - 1)
                   for e in json.loads(written[f"{prefix}search/pages/{i}.json"])]
        assert [e[1] for e in entries] == titles
    split_search_index(tmp_path)  # a second call finds the Korean index alone and changes nothing
    assert {p: (tmp_path / p).read_text(encoding="utf-8") for p in files} == written


GLOSSARY_PAGE = """<table><thead><tr><th>한국어</th><th>English</th><th>설명</th><th>나오는 글</th></tr></thead><tbody>
<tr>
<td><strong id="g-bayes-rule">베이즈 규칙</strong></td>
<td>Bayes' rule</td>
<td><math><mi>P</mi></math>로 쓴다.</td>
<td><a href="../posts/p/#bayes">4~10강 Review</a><br><a href="../posts/q/">다른 글</a></td>
</tr>
</tbody></table>"""


def test_each_glossary_row_is_an_entry_and_posts_get_their_terms() -> None:
    entries = [{"ko": "베이즈 규칙", "en": "Bayes' rule", "posts": ["p", "q"], "teaches": ["p"],
                "aliases_ko": ["베이즈 정리"], "aliases_en": ["Bayes theorem"]}]
    docs = [{"location": "glossary/", "title": "용어집", "text": "<p>모았다.</p> 한국어 English 베이즈 규칙 ..."},
            {"location": "posts/p/", "title": "P", "text": ""}, {"location": "posts/q/", "title": "Q", "text": ""}]
    out = search_documents(docs, entries, GLOSSARY_PAGE, "ko")
    assert out[0] == {"location": "glossary/", "title": "용어집", "text": "<p>모았다.</p>"}
    row = out[1]
    assert row["location"] == "glossary/#g-bayes-rule" and row["title"] == "베이즈 규칙"
    assert "4~10강 Review, 다른 글" in row["text"] and "<a " not in row["text"] and "<math>" in row["text"]
    assert row["keywords"] == "베이즈 정리 ; Bayes theorem ; Bayes' rule"
    assert "베이즈 정리" in out[2]["keywords"] and "Bayes theorem" in out[2]["keywords"] and "related" not in out[2]
    assert "베이즈 정리" in out[3]["related"] and "keywords" not in out[3]
