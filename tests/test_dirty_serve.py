"""hooks/dirty_serve.py: under `mkdocs serve --dirty`, the pages an edit touches are rebuilt and the others keep
their titles (the browser test of the whole loop is tests/browser/test_preview.py)."""

from __future__ import annotations

import importlib.util
import os
import sys

import pytest
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from sitetools import ROOT

sys.path.insert(0, str(ROOT / "hooks"))
from studynotes_site.preview import STATE_FILE, PreviewState, signature  # noqa: E402

SOURCES = {
    "a.md": '---\ntitle: Page A\n---\n\n```python exec="1" id="a"\n--8<-- "post/a.py"\n```\n',
    "b.md": "# Page B\n\nprose only\n",
}


class Config(dict):
    """The parts of MkDocs' config the hook and `Page` read, as attributes and keys."""

    __getattr__ = dict.__getitem__


@pytest.fixture
def hook():
    spec = importlib.util.spec_from_file_location("dirty_serve", ROOT / "hooks" / "dirty_serve.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def project(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "snippets" / "post").mkdir(parents=True)
    (tmp_path / "src" / "pkg").mkdir(parents=True)
    (tmp_path / "mkdocs.yml").write_text("site_name: t\n")
    for name, text in SOURCES.items():
        (tmp_path / "docs" / name).write_text(text)
    (tmp_path / "snippets" / "post" / "a.py").write_text("print(1)\n")
    (tmp_path / "src" / "pkg" / "m.py").write_text("X = 1\n")
    site = tmp_path / "site"
    for name in ("a", "b"):
        (site / name).mkdir(parents=True)
        (site / name / "index.html").write_text("<html></html>")
    # the previous build knew both pages, their titles and what other pages show of them
    state = PreviewState(site / STATE_FILE)
    for name, title in (("a.md", "Page A"), ("b.md", "Page B")):
        state.record(name, title, signature(SOURCES[name]), "en")
    state.save()
    # everything was built after the sources were written
    for path in tmp_path.rglob("*"):
        if path.is_file():
            os.utime(path, (1000, 1000) if "site" not in path.parts else (2000, 2000))
    return tmp_path


def rebuild(hook, project, command="serve", dirty=True) -> dict[str, tuple[bool, str | None]]:
    """Each page: whether MkDocs will rebuild it, and the title the menu shows for it."""
    config = Config(config_file_path=str(project / "mkdocs.yml"), docs_dir=str(project / "docs"),
                    site_dir=str(project / "site"), plugins={}, theme={"language": "en"}, site_url=None)
    files = Files([File(n, str(project / "docs"), str(project / "site"), True) for n in SOURCES])
    for file in files:
        Page(None, file, config)
    hook.on_startup(command=command, dirty=dirty)
    hook.on_pre_build(config)
    hook.on_nav(None, config, files)
    return {f.src_uri: (f.is_modified(), f.page.title) for f in files.documentation_pages()}


def test_nothing_changed_nothing_rebuilt_and_every_page_keeps_its_title(hook, project) -> None:
    assert rebuild(hook, project) == {"a.md": (False, "Page A"), "b.md": (False, "Page B")}


def test_an_edited_snippet_rebuilds_the_page_that_includes_it(hook, project) -> None:
    os.utime(project / "snippets" / "post" / "a.py", (3000, 3000))
    assert rebuild(hook, project) == {"a.md": (True, None), "b.md": (False, "Page B")}


def test_an_edited_package_rebuilds_pages_that_execute_code(hook, project) -> None:
    os.utime(project / "src" / "pkg" / "m.py", (3000, 3000))
    assert rebuild(hook, project) == {"a.md": (True, None), "b.md": (False, "Page B")}


def test_a_prose_edit_rebuilds_that_page_only(hook, project) -> None:
    (project / "docs" / "b.md").write_text(SOURCES["b.md"] + "\nOne more sentence.\n")
    assert rebuild(hook, project) == {"a.md": (False, "Page A"), "b.md": (True, None)}


@pytest.mark.parametrize(("name", "edit"), [("a.md", ("Page A", "Page A, renamed")), ("b.md", ("# Page B", "# Page B2"))])
def test_a_new_title_rebuilds_every_page(hook, project, name, edit) -> None:
    # the menu and the neighbours' footers of every page show it
    (project / "docs" / name).write_text(SOURCES[name].replace(*edit))
    assert {k: v[0] for k, v in rebuild(hook, project).items()} == {"a.md": True, "b.md": True}


def test_a_new_page_rebuilds_every_page(hook, project) -> None:
    state = PreviewState(project / "site" / STATE_FILE)
    state.forget_missing({"a.md"})
    state.save()
    assert {k: v[0] for k, v in rebuild(hook, project).items()} == {"a.md": True, "b.md": True}


@pytest.mark.parametrize("path", ["mkdocs.yml", "overrides/main.html", "hooks/x.py"])
def test_a_changed_config_override_or_hook_rebuilds_every_page(hook, project, path) -> None:
    (project / path).parent.mkdir(parents=True, exist_ok=True)
    (project / path).write_text("changed\n")
    os.utime(project / path, (3000, 3000))
    assert {k: v[0] for k, v in rebuild(hook, project).items()} == {"a.md": True, "b.md": True}


def test_full_builds_are_left_alone(hook, project) -> None:
    os.utime(project / "snippets" / "post" / "a.py", (3000, 3000))
    assert {k: v[0] for k, v in rebuild(hook, project, command="build", dirty=False).items()} == {"a.md": False, "b.md": False}
