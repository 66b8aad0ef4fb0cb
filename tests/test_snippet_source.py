"""A snippet reads as teaching code: what the Source tab shows first is code that computes, and the words
it carries are short labels, while captions and text alternatives are prose in the pages (issue 14)."""

from __future__ import annotations

import ast
import re

import pytest

from sitetools import ROOT

SNIPPETS = sorted((ROOT / "snippets").glob("*/*.py"))
FIRST_SCREEN = 15  # lines: the first screen of a Source tab
MAX_TRANSLATED_LINES = 16  # source lines holding translated strings, both languages together (8 per language)
MAX_LABEL_CHARS = 180  # one translated string: a label, a legend entry or a table header row, not a paragraph


def localized_calls(tree: ast.AST) -> list[ast.Call]:
    return [n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "localized"]


def computes(node: ast.stmt) -> bool:
    """A top-level statement that does work: a definition, or anything that calls something except `localized`."""
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return False
    if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
        return False
    if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
        return True
    calls = [n for n in ast.walk(node) if isinstance(n, ast.Call)]
    return any(getattr(c.func, "id", "") != "localized" for c in calls) and not any(
        getattr(c.func, "id", "") == "localized" for c in calls
    )


def translated_strings(call: ast.Call) -> list[ast.Constant]:
    table = call.args[0]
    assert isinstance(table, ast.Dict)
    return [n for value in table.values for n in ast.walk(value) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


@pytest.mark.parametrize("path", SNIPPETS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_first_screen_computes(path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    first = [node for node in tree.body if node.lineno <= FIRST_SCREEN]
    assert any(computes(node) for node in first), (
        f"{path.name}: the first {FIRST_SCREEN} lines hold only imports, constants and translation tables"
    )


@pytest.mark.parametrize("path", SNIPPETS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_translated_text_is_short_labels(path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    lines: set[int] = set()
    for call in localized_calls(tree):
        for const in translated_strings(call):
            assert len(const.value) <= MAX_LABEL_CHARS, f"{path.name}:{const.lineno}: a translated text of {len(const.value)} characters"
            lines.update(range(const.lineno, const.end_lineno + 1))
    assert len(lines) <= MAX_TRANSLATED_LINES, f"{path.name}: {len(lines)} lines of translated strings"


@pytest.mark.parametrize("path", SNIPPETS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_captions_and_text_alternatives_live_in_both_pages(path) -> None:
    source = path.read_text(encoding="utf-8")
    calls = re.findall(r"\bfigure_html\((.*)", source)
    assert all("alt=" not in c and "caption=" not in c for c in calls), f"{path.name} writes figure prose in code"
    figures = len(calls)
    slug, name = path.parent.name, path.stem
    for lang in ("ko", "en"):
        page = (ROOT / "docs" / "posts" / f"{slug}.{lang}.md").read_text(encoding="utf-8")
        fence = re.search(rf'^```python exec="1"[^\n]*\bid="([^"]+)"[^\n]*\n--8<-- "{re.escape(f"{slug}/{name}.py")}"', page, re.M)
        assert fence, f"{slug}.{lang}.md does not include {name}.py"
        block = fence.group(1)
        for n in range(1, figures + 1):
            suffix = "" if n == 1 else f"-{n}"
            for kind, cls in (("cap", "sn-caption"), ("alt", "sn-alt")):
                anchor = re.search(rf"^(.+)\n\{{ #{block}-{kind}{suffix} \.{cls}\b[^}}]*\}}$", page, re.M)
                assert anchor and len(anchor.group(1).strip()) > 20, f"{slug}.{lang}.md: no {kind} paragraph for figure {n} of {block}"
