"""A snippet run on its own, as a reader runs it: once per test run and language, shared by every test that reads it.

`tests/test_snippets.py` checks the English runs (the quick selection); `tests/site/test_standalone_matches_site.py`
compares the runs of both languages with the built pages, and reuses the English ones when the same test run has
made them already (on any process: the runs are kept in the run's shared folder, `conftest.SHARED_DIR`).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock

from sitetools import ROOT

SNIPPETS_DIR = ROOT / "snippets"


@dataclass(frozen=True)
class Standalone:
    """What a run printed, and the folder it ran in (its figures are under ``folder / "figures"``)."""

    returncode: int
    stdout: str
    stderr: str
    folder: Path


def run_standalone(path: Path, lang: str) -> Standalone:
    """Run ``snippets/<slug>/<name>.py`` as ``python <file>`` in a folder of its own, for ``lang``.

    English is what a reader gets without setting anything (``STUDYNOTES_LANG`` unset: `studynotes.i18n`'s
    default, which tests/test_i18n.py checks); Korean sets ``STUDYNOTES_LANG=ko``.
    """
    if lang not in ("ko", "en"):
        raise ValueError(f"lang must be 'ko' or 'en', got {lang!r}")
    name = path.relative_to(SNIPPETS_DIR).with_suffix("").as_posix().replace("/", "--")
    folder = Path(os.environ["STUDYNOTES_TEST_SHARED"]) / "standalone" / lang / name
    record = folder / "run.json"
    folder.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(folder) + ".lock"):
        if not record.exists():
            shutil.rmtree(folder, ignore_errors=True)  # what an interrupted run left
            folder.mkdir()
            env = {k: v for k, v in os.environ.items() if k not in ("STUDYNOTES_LANG", "STUDYNOTES_FIGURES")}
            if lang != "en":
                env["STUDYNOTES_LANG"] = lang
            # Run from an unrelated folder: a snippet must not depend on the working directory.
            result = subprocess.run([sys.executable, str(path)], cwd=folder, env=env, capture_output=True, text=True, timeout=300)
            record.write_text(json.dumps([result.returncode, result.stdout, result.stderr]), encoding="utf-8")
    returncode, stdout, stderr = json.loads(record.read_text(encoding="utf-8"))
    return Standalone(returncode, stdout, stderr, folder)
