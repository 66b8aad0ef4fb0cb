"""Every snippet runs on its own, as a reader who copies it would run it, and prints its result."""

from __future__ import annotations

import re
from xml.etree import ElementTree

import pytest

from sitetools import ROOT
from snippet_runs import run_standalone

SNIPPETS = sorted((ROOT / "snippets").glob("*/*.py"))


def test_there_are_snippets() -> None:
    assert len(SNIPPETS) >= 6


@pytest.mark.parametrize("path", SNIPPETS, ids=[str(p.relative_to(ROOT / "snippets")) for p in SNIPPETS])
def test_snippet_runs_standalone(path) -> None:
    # As a reader runs it: no STUDYNOTES_LANG (English), from an unrelated folder (the run is kept for
    # tests/site/test_standalone_matches_site.py, which compares it with the built page).
    result = run_standalone(path, "en")
    tmp_path = result.folder
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip(), "the snippet printed nothing"
    assert "Traceback" not in result.stdout
    assert "<svg" not in result.stdout, "a figure printed as markup instead of saved"
    # Tables come out as aligned plain text (studynotes.tables.table), not as Markdown pipe tables.
    assert not re.search(r"^\|.*\|$|\|-{3}", result.stdout, re.M), "a table printed as Markdown instead of plain text"
    # Lines of results beside the tables too (studynotes.tables.note): no emphasis marks, no TeX dollars.
    assert "**" not in result.stdout, "Markdown emphasis printed as text"
    assert not re.search(r"(?<!\\)\$[^$\n]+(?<!\\)\$", result.stdout), "TeX printed with its dollars"
    # A figure is saved as an SVG file and the snippet prints "[figures/<name>-<n>.svg]" instead (its caption
    # and text alternative are prose in the pages, so the file is an image for the reader to open).
    saved = re.findall(r"^\[(figures/[^\]]+\.svg)\]", result.stdout, re.M)
    files = sorted(p.relative_to(tmp_path).as_posix() for p in (tmp_path / "figures").glob("*.svg"))
    assert sorted(saved) == files
    assert len(files) == path.read_text(encoding="utf-8").count("figure_html(")
    for name in files:
        svg = ElementTree.parse(tmp_path / name).getroot()
        assert svg.tag == "{http://www.w3.org/2000/svg}svg" and svg.get("role") == "img"
        assert svg.get("width", "").endswith("pt") and svg.get("height", "").endswith("pt")

@pytest.mark.parametrize("path", SNIPPETS, ids=[str(p.relative_to(ROOT / "snippets")) for p in SNIPPETS])
def test_snippet_is_included_in_both_languages(path) -> None:
    include = f'--8<-- "{path.relative_to(ROOT / "snippets").as_posix()}"'
    for lang in ("ko", "en"):
        pages = [p for p in (ROOT / "docs").rglob(f"*.{lang}.md") if include in p.read_text(encoding="utf-8")]
        assert pages, f"{path.name} is not included by any .{lang}.md page"
