"""Build the site with properdocs and with MkDocs and compare them (``make properdocs-check``).

properdocs is the maintained fork of MkDocs 1.x; this check shows whether the site, hooks and theme
overrides included, builds the same with it. It is not part of ``make test``: nothing fails if the
numbers differ, only if a build fails.

Both builds run cold (``STUDYNOTES_CACHE=off``) into a temporary folder, with the interpreter given by
``--python`` when it can import properdocs, else with a throwaway virtualenv (``--venv``, created on
first use and reused) holding properdocs and the project's ``docs`` extras. Prints one table: pages,
files, entries and bytes of each language's search index, and files that differ between the two sites.
"""

from __future__ import annotations

import argparse
import filecmp
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')  # names the builder: differs by design
INDEXES = {"search index (ko)": "search/search_index.json", "search index (en)": "en/search/search_index.json"}


def has_properdocs(python: str) -> bool:
    return subprocess.run([python, "-c", "import properdocs, mkdocs"], capture_output=True).returncode == 0


def throwaway_python(venv: Path) -> str:
    python = venv / "bin" / "python"
    if not (python.exists() and has_properdocs(str(python))):
        print(f"installing properdocs and the docs extras into {venv} ...", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "properdocs", "-e", f"{ROOT}[docs]"], check=True)
    return str(python)


def build(python: str, tool: str, dest: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "STUDYNOTES_CACHE": "off", "SOURCE_DATE_EPOCH": "0"}
    env.pop("STUDYNOTES_LANG", None)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), env.get("PYTHONPATH")]))  # this tree's package
    start = time.perf_counter()
    # no -q: it would drop the warnings that --strict counts
    result = subprocess.run([python, "-m", tool, "build", "--strict", "-d", str(dest)], cwd=ROOT, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        problems = [line for line in result.stderr.splitlines() if not line.startswith("INFO")]
        sys.exit(f"{tool} build failed:\n" + "\n".join(problems[-40:]))
    return time.perf_counter() - start


def differing(left: Path, right: Path) -> list[str]:
    """Files that are not the same in both sites, apart from the generator line (and the build
    report, whose run times differ between any two cold builds)."""
    out = []

    def walk(cmp: filecmp.dircmp, prefix: str) -> None:
        out.extend(prefix + name for name in cmp.left_only + cmp.right_only)
        for name in cmp.diff_files:
            a, b = ((side / prefix / name).read_bytes() for side in (left, right))
            if GENERATOR.sub(b"", a) != GENERATOR.sub(b"", b) and not prefix.endswith("build-report/"):
                out.append(prefix + name)
        for name, sub in cmp.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right), "")
    return sorted(out)


def measure(site: Path, seconds: float) -> dict[str, str]:
    files = [p for p in site.rglob("*") if p.is_file()]
    row = {"build (s)": f"{seconds:.0f}", "HTML pages": str(sum(p.suffix == ".html" for p in files)), "files": str(len(files))}
    for label, path in INDEXES.items():
        data = (site / path).read_bytes()
        row[label] = f"{len(json.loads(data)['docs'])} entries, {len(data) / 1024:.1f} KB"
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", default=sys.executable, help="an interpreter with properdocs and the docs extras")
    parser.add_argument("--venv", type=Path, default=Path(tempfile.gettempdir()) / "studynotes-properdocs")
    args = parser.parse_args()
    python = args.python if has_properdocs(args.python) else throwaway_python(args.venv)
    with tempfile.TemporaryDirectory() as tmp:
        sites = {tool: Path(tmp) / tool for tool in ("mkdocs", "properdocs")}
        rows = {tool: measure(site, build(python, tool, site)) for tool, site in sites.items()}
        diff = differing(sites["mkdocs"], sites["properdocs"])
    print(f"\n| {'':<20} | {'MkDocs':<28} | {'properdocs':<28} |\n|{'-' * 22}|{'-' * 30}|{'-' * 30}|")
    for key in rows["mkdocs"]:
        print(f"| {key:<20} | {rows['mkdocs'][key]:<28} | {rows['properdocs'][key]:<28} |")
    print(f"\nfiles that differ (beyond the generator line and the build report's run times): {len(diff)}")
    print("".join(f"  {name}\n" for name in diff[:20]), end="")


if __name__ == "__main__":
    main()
