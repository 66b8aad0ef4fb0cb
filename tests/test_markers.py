"""The `site` and `browser` markers select what they say, so the suite can be run in parts (make quick)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from sitetools import ROOT

PLUGIN = '''
def pytest_collection_finish(session):
    with open(__import__("os").environ["MARKER_REPORT"], "w", encoding="utf-8") as out:
        for item in session.items:
            if item.fspath.basename == "test_markers.py":
                continue
            source = item.fspath.read_text("utf-8") if item.fspath else ""
            builds = "built_site" in item.fixturenames or "build_site(" in source
            marks = ",".join(sorted({m.name for m in item.iter_markers()} & {"site", "browser"}))
            out.write(f"{item.nodeid}\\t{int(builds)}\\t{marks}\\n")
'''


def collect(tmp_path) -> list[tuple[str, bool, set[str]]]:
    """Every test of the suite: node id, whether it builds the site, and its `site`/`browser` marks."""
    (tmp_path / "markerreport.py").write_text(PLUGIN, encoding="utf-8")
    report = tmp_path / "report.tsv"
    env = {**os.environ, "MARKER_REPORT": str(report), "PYTHONPATH": os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")])}
    args = [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "markerreport", "-p", "no:cacheprovider"]
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    rows = []
    for line in report.read_text(encoding="utf-8").splitlines():
        nodeid, builds, marks = line.split("\t")
        rows.append((nodeid, builds == "1", set(filter(None, marks.split(",")))))
    return rows


@pytest.fixture(scope="module")
def everything(tmp_path_factory):
    return collect(tmp_path_factory.mktemp("collect"))


def test_every_site_building_test_is_marked(everything) -> None:
    unmarked = [nodeid for nodeid, builds, marks in everything if builds and not marks]
    assert not unmarked, f"these build the site but carry neither `site` nor `browser`: {unmarked[:10]}"


def test_browser_mark_is_exactly_the_browser_tests(everything) -> None:
    marked = {nodeid for nodeid, _, marks in everything if "browser" in marks}
    assert marked and marked == {nodeid for nodeid, _, _ in everything if nodeid.startswith("tests/browser/")}


def test_quick_selection_builds_nothing_and_drives_no_browser(everything) -> None:
    quick = [nodeid for nodeid, _, marks in everything if not marks & {"site", "browser"}]  # -m "not site and not browser"
    assert quick and len(quick) < len(everything)
    assert not [n for n, builds, marks in everything if n in quick and builds]
    assert not [n for n in quick if n.startswith(("tests/browser/", "tests/site/test_build"))]
    assert any(n.startswith("tests/optim/") for n in quick) and any(n.startswith("tests/test_snippets") for n in quick)
