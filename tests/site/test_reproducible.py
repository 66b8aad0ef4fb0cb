"""The same commit builds the same site, byte for byte, and a build from the caches is that site too.

Two builds run every block (no cache); a third takes every block, API object and page conversion from
the cache the run's own build filled. The build report is the one page that may differ: it prints how
long each block took in that build, and where its output came from. It is left out of the search index.
"""

from __future__ import annotations

import filecmp
import re
import shutil

import pytest

from sitetools import LANGS, ROOT, build_site, doc_pages

pytestmark = pytest.mark.site


def differing_files(a, b) -> list[str]:
    names_a = {p.relative_to(a) for p in a.rglob("*") if p.is_file()}
    names_b = {p.relative_to(b) for p in b.rglob("*") if p.is_file()}
    diffs = [f"only in one build: {n}" for n in sorted(names_a ^ names_b, key=str)]
    for name in sorted(names_a & names_b, key=str):
        if name.parent.name == "build-report":
            continue
        if not filecmp.cmp(a / name, b / name, shallow=False):
            diffs.append(str(name))
    return diffs


def test_two_builds_are_byte_identical(built_site, site_url, tmp_path) -> None:
    result = build_site(tmp_path / "again", site_url=site_url)
    assert result.returncode == 0, result.stderr[-4000:]
    diffs = differing_files(built_site, tmp_path / "again")
    assert not diffs, "builds differ in:\n" + "\n".join(diffs[:30])


def test_a_build_from_the_caches_is_the_same_site(built_site, site_url, block_cache, tmp_path) -> None:
    cache = tmp_path / "cache"  # a copy: other tests build copies of the project with the run's cache
    shutil.copytree(block_cache, cache, ignore=shutil.ignore_patterns("*.tmp"))
    result = build_site(tmp_path / "cached", site_url=site_url, cache_dir=cache)
    assert result.returncode == 0, result.stderr[-4000:]
    pages = re.findall(r"pages \((\w+)\): (\d+) from the cache, (\d+) converted", result.stdout + result.stderr)
    assert sorted(lang for lang, _, _ in pages) == ["en", "ko"], result.stderr[-4000:]
    # every page but those documenting the package (mkdocstrings' ::: lines), which always convert
    documenting = re.compile(r"^ {0,3}(?:#{1,6} *)?::: ?\S", re.M)
    expected = {lang: sum(not documenting.search((ROOT / "docs" / f"{page}.{lang}.md").read_text(encoding="utf-8"))
                          for page in doc_pages()) for lang in LANGS}
    assert {lang: (int(hits), int(converted)) for lang, hits, converted in pages} == {lang: (n, 0) for lang, n in expected.items()}
    diffs = differing_files(built_site, tmp_path / "cached")
    assert not diffs, "the cached build differs in:\n" + "\n".join(diffs[:30])
