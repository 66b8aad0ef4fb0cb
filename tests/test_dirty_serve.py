"""hooks/dirty_serve.py: under `mkdocs serve --dirty`, a page is rebuilt when its snippets or the package change."""

from __future__ import annotations

import importlib.util
import os
from types import SimpleNamespace

import pytest
from mkdocs.structure.files import File, Files

from sitetools import ROOT


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
    (tmp_path / "docs" / "a.md").write_text('```python exec="1" id="a"\n--8<-- "post/a.py"\n```\n')
    (tmp_path / "docs" / "b.md").write_text("prose only\n")
    (tmp_path / "snippets" / "post" / "a.py").write_text("print(1)\n")
    (tmp_path / "src" / "pkg" / "m.py").write_text("X = 1\n")
    site = tmp_path / "site"
    for name in ("a", "b"):
        (site / name).mkdir(parents=True)
        (site / name / "index.html").write_text("<html></html>")
    # everything was built after the sources were written
    for path in tmp_path.rglob("*"):
        if path.is_file():
            os.utime(path, (1000, 1000) if "site" not in path.parts else (2000, 2000))
    return tmp_path


def modified(hook, project, command="serve", dirty=True) -> dict[str, bool]:
    config = SimpleNamespace(config_file_path=str(project / "mkdocs.yml"))
    files = Files([File(n, str(project / "docs"), str(project / "site"), True) for n in ("a.md", "b.md")])
    hook.on_startup(command=command, dirty=dirty)
    hook.on_nav(None, config, files)
    return {f.src_uri: f.is_modified() for f in files.documentation_pages()}


def test_nothing_changed_nothing_rebuilt(hook, project) -> None:
    assert modified(hook, project) == {"a.md": False, "b.md": False}


def test_an_edited_snippet_rebuilds_the_page_that_includes_it(hook, project) -> None:
    os.utime(project / "snippets" / "post" / "a.py", (3000, 3000))
    assert modified(hook, project) == {"a.md": True, "b.md": False}


def test_an_edited_package_rebuilds_pages_that_execute_code(hook, project) -> None:
    os.utime(project / "src" / "pkg" / "m.py", (3000, 3000))
    assert modified(hook, project) == {"a.md": True, "b.md": False}


def test_full_builds_are_left_alone(hook, project) -> None:
    os.utime(project / "snippets" / "post" / "a.py", (3000, 3000))
    assert modified(hook, project, command="build", dirty=False) == {"a.md": False, "b.md": False}
