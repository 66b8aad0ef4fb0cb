"""A notebook downloaded from a site built with a repository address installs the package itself and runs.

The site is built with ``STUDYNOTES_REPO_URL`` pointing at a git repository that holds this tree as one
commit (what the Pages workflow does with its own GitHub repository). A post's notebook from that build
then runs in a bare environment: a fresh venv with Jupyter's kernel and the package's dependencies, and
without studynotes. Its first cell must install studynotes from the repository, the way it would from
GitHub: pip clones the commit and builds the package. The test has no network, so pip is given no index
(``PIP_NO_INDEX``): the dependencies that pip would fetch from PyPI are installed beforehand from uv's cache
(the versions uv.lock pins), and the package is built with the setuptools there.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tomllib

import nbformat
import pytest
from nbclient import NotebookClient

from sitetools import ROOT, build_site
from takealongtools import git_snapshot

pytestmark = pytest.mark.site

# the kernel, and what the package needs at run time (pyproject's dependencies)
BARE = ("ipykernel", "numpy", "matplotlib")
POST = "stat110-lecture-20"  # its examples include a driven figure (the seed slider)


def uv() -> str:
    found = shutil.which("uv") or (ROOT / ".tools" / "bin" / "uv")
    assert found and os.path.exists(found), "uv (make install-test puts it on PATH or in .tools/) makes the bare environment"
    return str(found)


def bare_environment(path) -> str:
    """A venv with only ``BARE`` and their dependencies, at uv.lock's versions, from uv's cache (no network)."""
    lock = tomllib.loads((ROOT / "uv.lock").read_text(encoding="utf-8"))
    deps = {p["name"]: [d["name"] for d in p.get("dependencies", [])] for p in lock["package"]}
    wanted, todo = set(), list(BARE)
    while todo:
        name = todo.pop()
        if name not in wanted:
            wanted.add(name)
            todo += deps.get(name, [])
    exported = subprocess.run([uv(), "export", "--format", "pylock.toml", "--all-groups", "--no-emit-project", "--locked",
                               "--quiet"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    head, *blocks = exported.split("\n[[packages]]\n")
    kept = [b for b in blocks if re.search(r'^name = "([^"]+)"', b, re.M).group(1) in wanted]
    assert len(kept) >= len(BARE)
    (path.parent / "pylock.bare.toml").write_text(head + "".join("\n[[packages]]\n" + b for b in kept), encoding="utf-8")
    subprocess.run([sys.executable, "-m", "venv", str(path)], check=True, capture_output=True)
    python = str(path / "bin" / "python")
    for args in (["-r", str(path.parent / "pylock.bare.toml")], ["setuptools>=69", "wheel"]):
        done = subprocess.run([uv(), "pip", "install", "--offline", "--python", python, *args], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr[-2000:]
    return python


def test_a_published_notebook_installs_the_package_and_runs_in_a_bare_kernel(built_site, block_cache, tmp_path,
                                                                             monkeypatch) -> None:
    repo = git_snapshot(tmp_path / "repo")
    url = f"file://localhost{repo.as_posix()}"  # pip's URL form for a local git repository
    monkeypatch.setenv("STUDYNOTES_REPO_URL", url)
    out = tmp_path / "site"
    # the run's block cache holds every block: only the pages are made again, with the address in them
    result = build_site(out, site_url="http://127.0.0.1:8124/", cache_dir=block_cache)
    assert result.returncode == 0, result.stderr[-5000:]
    monkeypatch.delenv("STUDYNOTES_REPO_URL")

    # the site links its source (without asking the host's API for stars and forks)
    home = (out / "index.html").read_text(encoding="utf-8")
    assert re.search(rf'<a href="{re.escape(url)}" title="[^"]+" class="md-source">', home)
    assert 'data-md-component="source"' not in home
    # every published notebook installs from that address
    notebooks = sorted(out.glob("notebooks/*.ipynb")) + sorted(out.glob("en/notebooks/*.ipynb"))
    assert notebooks
    for path in notebooks:
        setup = json.loads(path.read_text(encoding="utf-8"))["cells"][2]["source"]
        assert f'"studynotes @ git+{url}"' in "".join(setup), path

    python = bare_environment(tmp_path / "bare")
    missing = subprocess.run([python, "-c", "import importlib.util; print(importlib.util.find_spec('studynotes'))"],
                             capture_output=True, text=True, cwd=tmp_path, env={"PATH": os.environ["PATH"]})
    assert missing.stdout.strip() == "None", "the bare environment must not have the package"

    kernels = tmp_path / "jupyter" / "kernels" / "bare"
    kernels.mkdir(parents=True)
    spec = {"argv": [python, "-m", "ipykernel_launcher", "-f", "{connection_file}"], "display_name": "bare", "language": "python"}
    (kernels / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    monkeypatch.setenv("JUPYTER_PATH", str(tmp_path / "jupyter"))
    # the kernel's environment: nothing of this tree's (no PYTHONPATH), pip without an index or its config
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "PIP_NO_INDEX": "1", "PIP_NO_BUILD_ISOLATION": "0",
           "PIP_CONFIG_FILE": os.devnull, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    work = tmp_path / "work"
    work.mkdir()
    nb = nbformat.read(out / "en" / "notebooks" / f"{POST}.ipynb", as_version=4)
    NotebookClient(nb, timeout=600, kernel_name="bare", resources={"metadata": {"path": str(work)}}).execute(env=env)

    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    installed = "".join(o.get("text", "") for o in code[0].outputs if o.output_type == "stream")
    assert "Successfully installed studynotes" in installed, installed[-2000:]
    where = subprocess.run([python, "-c", "import studynotes; print(studynotes.__file__)"], capture_output=True, text=True,
                           cwd=tmp_path, env={"PATH": os.environ["PATH"]})
    assert where.stdout.startswith(str(tmp_path / "bare")), where.stdout + where.stderr
    shown = []
    for cell in code[1:]:
        assert cell.outputs and not [o for o in cell.outputs if o.output_type == "error"], cell.id
        shown += [o.data["text/html"] for o in cell.outputs if o.output_type == "display_data" and "text/html" in o.data]
    assert any("<svg" in html for html in shown)
    # a driven figure shows its still frame: no slider or button that nothing would move
    assert any('class="sn-still"' in html for html in shown)
    assert not any(re.search(r"<(input|button)\b", html) for html in shown)
