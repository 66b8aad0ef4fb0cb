"""The joint search index and sitemap split per language, without a build."""

from __future__ import annotations

import json

from studynotes_site.search import english_sitemap, split_index, split_search_index

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


def test_split_writes_both_files_and_is_idempotent(tmp_path) -> None:
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps(INDEX), encoding="utf-8")
    (tmp_path / "sitemap.xml").write_text(SITEMAP, encoding="utf-8")
    split_search_index(tmp_path)
    written = {p: (tmp_path / p).read_text(encoding="utf-8") for p in ("search/search_index.json", "en/search/search_index.json", "en/sitemap.xml")}
    assert json.loads(written["en/search/search_index.json"])["docs"][0]["title"] == "Home"
    assert len(json.loads(written["search/search_index.json"])["docs"]) == 2
    split_search_index(tmp_path)  # a second call finds the Korean index alone and changes nothing
    assert {p: (tmp_path / p).read_text(encoding="utf-8") for p in written} == written
