"""CONTRIBUTING.md's "How the site is built" stays true, and the build machinery stays in small parts."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
HOOKS = ROOT / "hooks"


def section() -> str:
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    start = text.index("## How the site is built")
    end = text.find("\n## ", start + 1)
    return text[start : end if end > 0 else None]


def configured_hooks() -> list[str]:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)  # !ENV, !relative: not needed here
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)["hooks"]


def test_every_hook_file_is_configured_and_described() -> None:
    hooks = configured_hooks()
    assert sorted(hooks) == sorted(f"hooks/{p.name}" for p in HOOKS.glob("*.py")), "a hook file is not under hooks: in mkdocs.yml"
    text = section()
    for hook in hooks:
        assert f"`{hook}`" in text, f"{hook} is not described in CONTRIBUTING.md"


def test_every_logic_module_and_override_is_named() -> None:
    text = section()
    for module in (HOOKS / "studynotes_site").glob("*.py"):
        if module.name != "__init__.py":
            assert f"studynotes_site/{module.name}" in text, f"{module.name} is not described in CONTRIBUTING.md"
    for override in (ROOT / "overrides").rglob("*.html"):
        assert f"overrides/{override.relative_to(ROOT / 'overrides').as_posix()}" in text


def test_each_module_is_small_and_says_what_it_owns() -> None:
    for path in [*HOOKS.glob("*.py"), *(HOOKS / "studynotes_site").glob("*.py")]:
        source = path.read_text(encoding="utf-8")
        assert len(source.splitlines()) <= 200, f"{path.name} is over 200 lines"
        assert ast.get_docstring(ast.parse(source)), f"{path.name} has no docstring"


def test_logic_modules_never_import_a_hook_file_or_mkdocs() -> None:
    # the logic is plain Python, usable by another builder; only hook files talk to MkDocs
    for path in (HOOKS / "studynotes_site").glob("*.py"):
        imports = re.findall(r"^(?:from|import) ([\w.]+)", path.read_text(encoding="utf-8"), re.M)
        assert not [name for name in imports if name.split(".")[0] == "mkdocs"], path.name
