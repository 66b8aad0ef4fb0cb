"""Build speed and page weight: prints a table and saves the figures as JSON (``make bench``).

Measures, on a copy of the project in a temporary folder (the working tree is never edited):

- a cold strict build of both languages with no cache, and of Korean alone (``build_only_locale``);
- a second build with nothing changed (the executed-block cache is warm);
- a rebuild after a prose-only edit of one post;
- each snippet's run time, run once on its own, and their sum;
- each page's weight: its HTML, the inline figures in it, and what a browser with an empty cache
  downloads to show it (measured in headless Chromium when one is available).

``--compare OLD.json`` prints the change against an earlier run.

``--phone`` (``make bench PHONE=1``) adds what a phone reader pays on the cold-built site: Lighthouse scores,
TBT, LCP, elements, long tasks, the answer to a tap and the bytes of a first visit, every page
(scripts/bench_phone.py, which also runs on its own: ``.venv/bin/python scripts/bench_phone.py --site site``).

``--setup`` (``make bench SETUP=1``) measures what a new contributor waits for instead, on a fresh
clone of the last commit in a temporary folder, with the pip/uv/npm caches as they are:

- ``make serve`` from nothing to the first page served, and the size of that environment;
- the author's loop: a one-sentence edit to a post, until the served page shows it (median of 3);
- ``make install-test`` on top, and the size of the test environment;
- with ``--setup-test`` also the whole ``make test`` (10+ minutes).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench"
PROSE_POST = "docs/posts/stat110-lecture-20.ko.md"
TARGETS = {
    "cold_build_s": 30.0,
    "second_language_share": 0.25,
    "prose_rebuild_s": 5.0,
    "page_html_kb": 400.0,
    "figure_kb": 150.0,
    "serve_first_page_s": 90.0,
    "edit_visible_s": 3.0,
    "make_test_s": 600.0,
}
EDIT_POST = "stat110-lecture-20"


def project_copy(tmp: Path) -> Path:
    dest = tmp / "project"
    dest.mkdir()
    for name in ("docs", "snippets", "hooks", "overrides"):
        shutil.copytree(ROOT / name, dest / name)
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    for name in ("src", "node_modules"):
        (dest / name).symlink_to(ROOT / name)
    return dest


def build_env(cache: Path | None) -> dict:
    """The environment of a measured build: a fixed date, no language override, the block cache off or in `cache`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "0"}
    env.pop("STUDYNOTES_LANG", None)
    if cache is None:
        env["STUDYNOTES_CACHE"] = "off"
    else:
        env.update(STUDYNOTES_CACHE="on", STUDYNOTES_CACHE_DIR=str(cache))
    return env


def build(project: Path, site: Path, *, cache: Path | None, config: str = "mkdocs.yml") -> float:
    env = build_env(cache)
    start = time.perf_counter()
    result = subprocess.run(
        # no -q: mkdocs then drops warnings before --strict counts them, and a failing block would pass
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "-d", str(site)],
        cwd=project, env=env, capture_output=True, text=True,
    )
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"build failed:\n{result.stderr[-3000:]}")
    return seconds


def snippet_times() -> dict[str, float]:
    times = {}
    env = {k: v for k, v in os.environ.items() if k != "STUDYNOTES_LANG"}
    for path in sorted((ROOT / "snippets").glob("*/*.py")):
        start = time.perf_counter()
        subprocess.run([sys.executable, str(path)], env=env, capture_output=True, check=True)
        times[str(path.relative_to(ROOT / "snippets"))] = round(time.perf_counter() - start, 3)
    return times


def page_weights(site: Path) -> dict[str, dict]:
    weights = {}
    for path in sorted(site.rglob("index.html")):
        rel = str(path.parent.relative_to(site)) if path.parent != site else "."
        html = path.read_text(encoding="utf-8")
        figures = re.findall(r'<figure class="sn-figure">.*?</figure>', html, flags=re.S)
        weights[rel] = {
            "html_kb": round(len(html.encode()) / 1024, 1),
            "figures_kb": round(sum(len(f.encode()) for f in figures) / 1024, 1),
            "largest_figure_kb": round(max((len(f.encode()) for f in figures), default=0) / 1024, 1),
        }
    return weights


def first_visit_downloads(site: Path, pages: list[str]) -> dict[str, float] | None:
    """Bytes a browser with an empty cache fetches for each page (None if there is no Chromium)."""
    chromium = os.environ.get("STUDYNOTES_CHROMIUM") or shutil.which("chromium")
    if not chromium and os.environ.get("STUDYNOTES_CHROMIUM") != "playwright":
        return None
    import functools
    import http.server
    import threading

    from playwright.sync_api import sync_playwright

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    sizes = {}
    launch = {"args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]}
    if chromium and chromium != "playwright":
        launch["executable_path"] = chromium
    with sync_playwright() as p:
        browser = p.chromium.launch(**launch)
        for page_path in pages:
            context = browser.new_context()
            page = context.new_page()
            responses = []
            page.on("response", lambda response: responses.append(response))
            page.goto(base + ("" if page_path == "." else page_path + "/"), wait_until="networkidle")
            page.wait_for_timeout(500)
            # bodies are read here, not in the event handler, while the page is still open
            sizes[page_path] = round(sum(len(r.body()) for r in list(responses) if r.ok) / 1024, 1)
            context.close()
        browser.close()
    server.shutdown()
    return sizes


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return None


def wait_for(condition, timeout: float, what: str, process: subprocess.Popen | None = None) -> float:
    """Poll ``condition`` until it is true; return the seconds it took."""
    start = time.perf_counter()
    while not condition():
        if process is not None and process.poll() is not None:
            sys.exit(f"{what}: the server stopped (exit {process.returncode})")
        if time.perf_counter() - start > timeout:
            sys.exit(f"{what}: not within {timeout:.0f} s")
        time.sleep(0.2)
    return time.perf_counter() - start


def du_mb(path: Path) -> float:
    total = sum(f.lstat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())
    return round(total / 2**20, 1)


def has(path: Path, module: str) -> bool:
    return bool(list((path / "lib").glob(f"python3*/site-packages/{module}")))


def setup_bench(tmp: Path, run_tests: bool) -> dict:
    clone = tmp / "clone"
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    subprocess.run(["git", "clone", "--quiet", "--no-hardlinks", "--no-checkout", str(ROOT), str(clone)], check=True)
    subprocess.run(["git", "checkout", "--quiet", head], cwd=clone, check=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", "STUDYNOTES_", "PYTHONPATH"))}
    results: dict = {}
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    log = open(tmp / "serve.log", "w", encoding="utf-8")
    start = time.perf_counter()
    server = subprocess.Popen(
        ["make", "serve", f"SERVE_ADDR=127.0.0.1:{port}"], cwd=clone, env=env, stdout=log, stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        page = url + f"posts/{EDIT_POST}/"
        wait_for(lambda: (fetch(page) or "").find("</html>") > 0, 900, "make serve", server)
        results["serve_first_page_s"] = round(time.perf_counter() - start, 1)
        edits = []
        source = clone / "docs" / "posts" / f"{EDIT_POST}.ko.md"
        for n in range(3):
            marker = f"측정용 문장 {n} {time.time_ns()}"
            source.write_text(source.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
            edits.append(round(wait_for(lambda: marker in (fetch(page) or ""), 300, "prose edit", server), 2))
        results["edit_visible_s_runs"] = edits
        results["edit_visible_s"] = sorted(edits)[1]
    finally:
        os.killpg(server.pid, 15)
        server.wait()
        log.close()
    venv = clone / ".venv"
    results["serve_env_mb"] = du_mb(venv)
    results["serve_env_has_torch_or_playwright"] = has(venv, "torch") or has(venv, "playwright")
    start = time.perf_counter()
    subprocess.run(["make", "install-test"], cwd=clone, env=env, check=True, capture_output=True)
    results["install_test_s"] = round(time.perf_counter() - start, 1)
    results["test_env_mb"] = du_mb(venv)
    if run_tests:
        start = time.perf_counter()
        done = subprocess.run(["make", "test"], cwd=clone, env=env, capture_output=True, text=True)
        results["make_test_s"] = round(time.perf_counter() - start, 1)
        # pytest's closing line ("N passed in ..."); make prints its own lines after it
        summary = [line for line in done.stdout.splitlines() if re.search(r"\d+ (passed|failed)", line)]
        results["make_test_summary"] = summary[-1].strip("= ") if summary else done.stdout.strip()[-300:]
    return results


def report_setup(results: dict) -> None:
    rows = [
        ("make serve: fresh clone to first page (s)", "serve_first_page_s", f"< {TARGETS['serve_first_page_s']:g}"),
        ("prose edit visible in the served page, median (s)", "edit_visible_s", f"< {TARGETS['edit_visible_s']:g}"),
        ("environment of make serve/build (MB)", "serve_env_mb", ""),
        ("make install-test on top (s)", "install_test_s", ""),
        ("environment of make test (MB)", "test_env_mb", ""),
        ("make test (s)", "make_test_s", f"< {TARGETS['make_test_s']:g}"),
    ]
    for label, key, target in rows:
        if key in results:
            print(f"{label:<52}{results[key]:>10}  {target}")
    if "make_test_summary" in results:
        print(f"make test: {results['make_test_summary']}")
    print(f"edit runs: {results['edit_visible_s_runs']}; torch or playwright in the site environment: "
          f"{results['serve_env_has_torch_or_playwright']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--compare", type=Path, help="an earlier results JSON to compare with")
    parser.add_argument("--setup", action="store_true", help="measure a fresh clone: make serve, the author's loop")
    parser.add_argument("--setup-test", action="store_true", help="with --setup, also time the whole make test")
    parser.add_argument("--phone", action="store_true", help="also the phone reader's budgets (scripts/bench_phone.py)")
    parser.add_argument("--runs", type=int, default=3, help="with --phone, Lighthouse runs per page (the median is kept)")
    args = parser.parse_args()
    if args.setup:
        with tempfile.TemporaryDirectory() as tmp_name:
            results = setup_bench(Path(tmp_name), args.setup_test)
        OUT.mkdir(exist_ok=True)
        stamp = time.strftime("%Y%m%d-%H%M%S")
        for name in (f"setup-{stamp}.json", "setup-latest.json"):
            (OUT / name).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        report_setup(results)
        print(f"\nsaved bench/setup-{stamp}.json")
        return

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        project = project_copy(tmp)
        cache = tmp / "cache"
        one_language = project / "mkdocs-ko.yml"
        one_language.write_text(
            (project / "mkdocs.yml").read_text(encoding="utf-8").replace(
                "      docs_structure: suffix\n", "      docs_structure: suffix\n      build_only_locale: ko\n"
            ),
            encoding="utf-8",
        )
        results: dict = {}
        results["cold_one_language_s"] = round(build(project, tmp / "ko-only", cache=None, config=one_language.name), 2)
        results["cold_build_s"] = round(build(project, tmp / "cold", cache=cache), 2)
        results["second_build_s"] = round(build(project, tmp / "second", cache=cache), 2)
        post = project / PROSE_POST
        post.write_text(post.read_text(encoding="utf-8") + "\n이 문장은 측정을 위해 덧붙였다.\n", encoding="utf-8")
        results["prose_rebuild_s"] = round(build(project, tmp / "prose", cache=cache), 2)
        results["second_language_share"] = round(results["cold_build_s"] / results["cold_one_language_s"] - 1, 3)
        results["snippets_s"] = snippet_times()
        results["snippets_total_s"] = round(sum(results["snippets_s"].values()), 2)
        results["pages"] = page_weights(tmp / "cold")
        downloads = first_visit_downloads(tmp / "cold", list(results["pages"]))
        if downloads is not None:
            for page, kb in downloads.items():
                results["pages"][page]["first_visit_kb"] = kb
        if args.phone:
            import bench_phone

            results["phone"] = bench_phone.measure(tmp / "cold", args.runs)

    OUT.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    for name in (f"results-{stamp}.json", "latest.json"):
        (OUT / name).write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    old = json.loads(args.compare.read_text(encoding="utf-8")) if args.compare else None
    report(results, old)
    if "phone" in results:
        import bench_phone

        bench_phone.report(results["phone"], (old or {}).get("phone"))
    print(f"\nsaved bench/results-{stamp}.json (and bench/latest.json)")


def report(results: dict, old: dict | None) -> None:
    def row(label: str, key: str, target: str = "") -> None:
        before = f"{old[key]:>9}" if old and key in old else " " * 9
        print(f"{label:<44}{before}{results[key]:>10}  {target}")

    print(f"{'build':<44}{'before' if old else '':>9}{'now':>10}  target")
    row("cold strict build, ko + en, no cache (s)", "cold_build_s", f"< {TARGETS['cold_build_s']:g}")
    row("cold strict build, ko only (s)", "cold_one_language_s")
    row("second language adds (share of one)", "second_language_share", f"< {TARGETS['second_language_share']:g}")
    row("second build, nothing changed (s)", "second_build_s")
    row("rebuild after a prose-only edit (s)", "prose_rebuild_s", f"< {TARGETS['prose_rebuild_s']:g}")
    row("snippets run one by one, sum (s)", "snippets_total_s")
    print(f"\n{'snippet':<56}{'s':>8}")
    for name, seconds in results["snippets_s"].items():
        print(f"{name:<56}{seconds:>8.2f}")
    print(f"\n{'page':<44}{'HTML KB':>9}{'figures':>9}{'largest':>9}{'1st visit':>10}")
    for page, w in results["pages"].items():
        flag = " !" if w["html_kb"] > TARGETS["page_html_kb"] or w["largest_figure_kb"] > TARGETS["figure_kb"] else ""
        first = w.get("first_visit_kb", "-")
        print(f"{page:<44}{w['html_kb']:>9}{w['figures_kb']:>9}{w['largest_figure_kb']:>9}{first:>10}{flag}")


if __name__ == "__main__":
    main()
