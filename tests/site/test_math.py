"""Every formula on every page parses with the site's own MathJax, and no raw TeX is left in the prose."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from htmltext import read_page
from sitetools import ROOT

pytestmark = pytest.mark.site

CHECKER = Path(__file__).with_name("check_tex.cjs")
DELIMS = re.compile(r"^\\\((.*)\\\)$|^\\\[(.*)\\\]$", re.S)


def parse_errors(formulas: list[dict]) -> list[dict]:
    node = shutil.which("node")
    assert node, "node is required (MathJax runs on it); install Node.js"
    result = subprocess.run(
        [node, str(CHECKER)], input=json.dumps(formulas), capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def strip_delimiters(tex: str) -> str:
    match = DELIMS.match(tex.strip())
    assert match, f"formula without arithmatex delimiters: {tex[:80]!r}"
    return match.group(1) if match.group(1) is not None else match.group(2)


def test_checker_catches_bad_tex() -> None:
    errors = parse_errors([{"tex": r"\frac{1}{2}", "display": True}, {"tex": r"\frac{1}{", "display": False}, {"tex": r"\nosuchmacro x", "display": False}])
    assert [e["index"] for e in errors] == [1, 2]


def test_every_formula_parses(built_site) -> None:
    formulas, where = [], []
    for path in sorted(built_site.rglob("*.html")):
        for tex, display in read_page(path.read_text(encoding="utf-8")).formulas:
            formulas.append({"tex": strip_delimiters(tex), "display": display})
            where.append(path.relative_to(built_site))
    assert len(formulas) > 50
    errors = parse_errors(formulas)
    assert not errors, "\n".join(f"{where[e['index']]}: {e['message']}: {formulas[e['index']]['tex'][:120]}" for e in errors[:20])


@pytest.mark.parametrize("lang_prefix", ["", "en/"])
def test_no_raw_tex_in_visible_text(built_site, lang_prefix) -> None:
    pages = [p for p in (built_site / lang_prefix).rglob("index.html") if lang_prefix or "/en/" not in str(p)]
    for path in pages:
        text = read_page(path.read_text(encoding="utf-8")).text
        for raw in ("$$", "\\(", "\\[", "\\frac", "\\sum"):
            assert raw not in text, f"{path.relative_to(built_site)} shows raw TeX {raw!r}"
        assert not re.search(r"(?<![\w$])\$[^$\s][^$]*\$(?![\w$])", text), f"{path.relative_to(built_site)} has unconverted $...$"
