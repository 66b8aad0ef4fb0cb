"""The same commit builds the same site, byte for byte.

Both builds run every block (no cache). The build report is the one page that may differ: it
prints how long each block took in that build. It is left out of the search index.
"""

from __future__ import annotations

import filecmp

import pytest

from sitetools import build_site

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
