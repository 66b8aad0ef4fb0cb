"""Every public name has a docstring that links the post introducing it, placed where mkdocstrings reads it,
and the defaults the API pages show agree with the signatures."""

from __future__ import annotations

import importlib
import inspect
import pydoc
import re

import griffe
import pytest

from sitetools import ROOT

from studynotes import SITE_URL

SUBPACKAGES = ["tables", *sorted(p.parent.name for p in (ROOT / "src" / "studynotes").glob("*/__init__.py"))]
POSTS = {p.name.split(".")[0] for p in (ROOT / "docs" / "posts").glob("*.ko.md")}
# A Markdown link to the post's published English page, so help() shows an address that works anywhere; the
# build maps it back to the post in the API page's own language (hooks/studynotes_site/api_links.py) and fails
# if the post is missing.
LINK = re.compile(r"Introduced in: \[[^\]]+\]\(" + re.escape(SITE_URL) + r"en/posts/([a-z0-9-]+)/\)")
# Which reference pages document which modules: read from the `::: studynotes.<module>` lines of docs/api/
# (a module may be split over several pages, as prob is).
API_PAGES = {
    page.name.split(".")[0]: re.findall(r"^::: studynotes\.(\w+)", page.read_text(encoding="utf-8"), re.M)
    for page in sorted((ROOT / "docs" / "api").glob("*.en.md"))
}
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
    assert match, f"{qualname}: no 'Introduced in: [post]({SITE_URL}en/posts/<slug>/)' line"
    assert match.group(1) in POSTS, f"{qualname} links a post that does not exist: {match.group(1)}"
    section = SECTION.search(doc)
    assert section is None or match.start() < section.start(), f"{qualname}: 'Introduced in' comes after a section"
    assert ":math:" not in doc and ".. math::" not in doc, f"{qualname}: reST math does not render on the API page"


def test_help_shows_the_published_address_of_the_post() -> None:
    """help() (pydoc) shows the back-link as an absolute address a reader can open outside the site."""
    from studynotes.prob import cauchy_cdf

    text = pydoc.render_doc(cauchy_cdf, renderer=pydoc.plaintext)
    assert f"Introduced in: [20. Multinomial and Cauchy]({SITE_URL}en/posts/stat110-lecture-20/)" in text
    assert "../posts/" not in text
    assert SITE_URL.startswith("https://") and SITE_URL.endswith("/")


def test_every_public_name_is_on_its_api_page(built_site) -> None:
    """Each public name is documented on exactly one reference page of its module, in both languages."""
    for lang_prefix in ("", "en/"):
        html = {
            page: (built_site / f"{lang_prefix}api" / page / "index.html").read_text(encoding="utf-8")
            for page in API_PAGES
        }
        for qualname, _ in public_objects():
            module = qualname.split(".")[1]
            pages = [page for page, modules in API_PAGES.items() if module in modules]
            assert pages, f"no reference page documents studynotes.{module}"
            found = [page for page in pages if f'id="{qualname}"' in html[page]]
            assert len(found) == 1, f"{qualname} is documented on {found or 'no page'} of {lang_prefix}api/ (expected one)"


def documented_callables():
    """Public functions and classes as griffe (mkdocstrings' reader) sees them, with their signature defaults."""
    package = griffe.load("studynotes", search_paths=[str(ROOT / "src")], docstring_parser="numpy")
    seen = set()
    for module_name in SUBPACKAGES:
        module = package[module_name]
        for name in module.members if not hasattr(module, "exports") or module.exports is None else module.exports:
            target = module[name]
            target = target.final_target if target.is_alias else target
            if target.path in seen or not (target.is_function or target.is_class) or not target.docstring:
                continue
            seen.add(target.path)
            signature = target.members.get("__init__") if target.is_class else target
            if signature is not None:
                yield target, {p.name: p.default for p in signature.parameters}


CALLABLES = list(documented_callables())


@pytest.mark.parametrize(
    "obj,defaults",
    CALLABLES,
    ids=[o.path for o, _ in CALLABLES],
)
def test_documented_defaults_match_the_signature(obj, defaults) -> None:
    documented = [
        p
        for section in obj.docstring.parsed
        if section.kind.value in ("parameters", "other parameters")
        for p in section.value
    ]
    for param in documented:
        name = param.name.lstrip("*")
        assert name in defaults, f"{obj.path}: documents {name!r}, which is not a parameter"
        assert str(param.default) == str(defaults[name]), (
            f"{obj.path}({name}): the API page shows default {param.default}, the signature has {defaults[name]}"
        )


def test_defaults_check_catches_a_grouped_entry() -> None:
    """The check above sees the bug it is for: "width, height" documented together takes width's default."""
    source = '''
def f(width: float = 6.4, height: float = 3.6):
    """Size.

    Parameters
    ----------
    width, height
        Size in inches.
    """
'''
    module = griffe.visit("m", filepath=ROOT / "m.py", code=source, docstring_parser="numpy")
    (section,) = module["f"].docstring.parsed[1:]
    shown = {p.name: p.default for p in section.value}
    assert shown["height"] != "3.6"
