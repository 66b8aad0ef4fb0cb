"""Every public name has a docstring that links the post introducing it, placed where mkdocstrings reads it."""

from __future__ import annotations

import importlib
import inspect
import re

import pytest

from sitetools import ROOT

SUBPACKAGES = ["plotting", *sorted(p.parent.name for p in (ROOT / "src" / "studynotes").glob("*/__init__.py"))]
POSTS = {p.name.split(".")[0] for p in (ROOT / "docs" / "posts").glob("*.ko.md")}
LINK = re.compile(r"Introduced in: \[[^\]]+\]\(\.\./posts/([a-z0-9-]+)/\)")
SECTION = re.compile(r"^\s*\S.*\n\s*-{3,}\s*$", re.M)


def public_objects():
    for name in SUBPACKAGES:
        module = importlib.import_module(f"studynotes.{name}")
        for attr in module.__all__:
            yield f"studynotes.{name}.{attr}", getattr(module, attr)


@pytest.mark.parametrize("qualname,obj", list(public_objects()), ids=[q for q, _ in public_objects()])
def test_docstring_links_its_post_before_any_section(qualname, obj) -> None:
    if not callable(obj):
        return  # constants such as PALETTE are documented by a comment in the source
    doc = inspect.getdoc(obj)
    assert doc, f"{qualname} has no docstring"
    match = LINK.search(doc)
    assert match, f"{qualname}: no 'Introduced in: [post](../posts/<slug>/)' line"
    assert match.group(1) in POSTS, f"{qualname} links a post that does not exist: {match.group(1)}"
    section = SECTION.search(doc)
    assert section is None or match.start() < section.start(), f"{qualname}: 'Introduced in' comes after a section"
    assert ":math:" not in doc and ".. math::" not in doc, f"{qualname}: reST math does not render on the API page"


def test_every_public_name_is_on_the_api_page(built_site) -> None:
    html = (built_site / "api" / "index.html").read_text(encoding="utf-8")
    missing = [q for q, _ in public_objects() if f'id="{q}"' not in html]
    assert not missing, f"not documented on the API page: {missing[:20]}"
