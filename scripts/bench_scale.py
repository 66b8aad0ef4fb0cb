"""The blog at scale: build a throwaway copy with the posts replicated to N per language (``make bench SCALE=108``).

For each N (6, 36 and 108 up to ``--up-to``, or the ``--sizes`` given) a copy of the project in a
temporary folder gets N posts per language: the six posts and numbered copies of them (the same
executed blocks, so every copy's blocks come from the block cache; the dates step back 40 days a copy,
so the archive spans several years; each copy is in the navigation like a real post). Nothing under
``docs/`` of the repository changes and nothing is published. Printed for each N:

- the cold strict build (no cache) and the cached one (every block and API page from the cache), wall
  seconds, and the peak memory of the build process;
- each language's search data (every file under its ``search/`` folder), raw and gzip, and what a search
  downloads: the most, over a few typical queries (`QUERIES`), of the files the site's search worker
  fetches for one query on a fresh page, gzip (``scripts/search_transfer.cjs`` runs the worker in Node);
- the home page's HTML, raw and gzip, in each language;
- what a browser with an empty cache downloads for the first visit of a post (headless Chromium);
- with ``--serve``: under ``make serve``'s command, a one-sentence edit to a post until the served page
  shows it (median of 3, each edit made as soon as the previous one shows), and that the rebuilt page
  shows no "None". MkDocs' server answers no request while a rebuild is under way, so the page shows
  the edit once the whole rebuild is done: when a browser's live reload would show it too.

Then each figure is fitted as a + b·N and as c·N^k (least squares on the logarithms), and the
report says whether the fixed part or the per-post part dominates at the largest N.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import math
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
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "scripts"))

from bench import build_env  # noqa: E402
from studynotes_site.posts import parse_front_matter  # noqa: E402

OUT = ROOT / "bench"
LANGS = ("ko", "en")
DEFAULT_SIZES = (6, 36, 108)
COPY_STEP_DAYS = 40
EDIT_POST = "stat110-lecture-20"


def project_copy(dest: Path) -> Path:
    dest.mkdir(parents=True)
    for name in ("docs", "snippets", "hooks", "overrides"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    for name in ("src", "node_modules"):
        (dest / name).symlink_to(ROOT / name)
    return dest


def original_posts(docs: Path) -> list[str]:
    return sorted(p.name[: -len(".ko.md")] for p in (docs / "posts").glob("*.ko.md"))


def copy_post(text: str, number: int) -> str:
    """A post's source as its copy ``number``: the title numbered and the date stepped back."""
    meta = parse_front_matter(text)
    end = text.find("\n---", 3)
    front, rest = text[:end], text[end:]
    date = meta["date"] - dt.timedelta(days=COPY_STEP_DAYS * number)
    front = re.sub(r"^date: .*$", f"date: {date.isoformat()}", front, count=1, flags=re.M)
    title = f"{meta['title']} ({number + 1})"
    front = re.sub(r"^title: .*$", "title: " + json.dumps(title, ensure_ascii=False), front, count=1, flags=re.M)
    # the page's own heading, which the navigation and search show
    rest = re.sub(r"^# (.*?)( \{ #[\w-]+ \})?$", lambda m: f"# {m.group(1)} ({number + 1}){m.group(2) or ''}", rest,
                  count=1, flags=re.M)
    return front + rest


def replicate(project: Path, n: int) -> list[str]:
    """Give ``project`` ``n`` posts per language (copies of the originals, added to the nav); their slugs."""
    docs = project / "docs"
    originals = original_posts(docs)
    if n < len(originals):
        raise SystemExit(f"N must be at least the {len(originals)} posts there are, got {n}")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    slugs = list(originals)
    for i in range(n - len(originals)):
        source, number = originals[i % len(originals)], i // len(originals) + 1
        slug = f"{source}-copy{number}"
        for lang in LANGS:
            text = (docs / "posts" / f"{source}.{lang}.md").read_text(encoding="utf-8")
            (docs / "posts" / f"{slug}.{lang}.md").write_text(copy_post(text, number), encoding="utf-8")
        glossary = docs / "glossary" / f"{source}.yml"
        if glossary.is_file():
            shutil.copy2(glossary, docs / "glossary" / f"{slug}.yml")
        # the copy goes into the nav right after its original, at the original's indentation
        config = re.sub(rf"^(\s*)- posts/{re.escape(source)}\.md\n",
                        lambda m, s=slug: f"{m.group(0)}{m.group(1)}- posts/{s}.md\n", config, count=1, flags=re.M)
        slugs.append(slug)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    return slugs


def build(project: Path, site: Path, cache: Path | None) -> dict:
    """A strict build: wall seconds and the build process's peak resident memory (MB)."""
    log = open(site.parent / f"{site.name}.log", "w", encoding="utf-8")
    start = time.perf_counter()
    # no -q: mkdocs then drops warnings before --strict counts them
    process = subprocess.Popen([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
                               cwd=project, env=build_env(cache), stdout=log, stderr=subprocess.STDOUT)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    seconds = time.perf_counter() - start
    log.close()
    if process.returncode != 0:
        sys.exit(f"build failed:\n{Path(log.name).read_text(encoding='utf-8')[-3000:]}")
    peak_kb = usage.ru_maxrss  # kilobytes on Linux
    return {"s": round(seconds, 2), "cpu_s": round(usage.ru_utime + usage.ru_stime, 2), "peak_mb": round(peak_kb / 1024, 1)}


def sizes(paths: list[Path]) -> dict:
    raw = sum(p.stat().st_size for p in paths)
    packed = sum(len(gzip.compress(p.read_bytes(), 6, mtime=0)) for p in paths)
    return {"kb": round(raw / 1024, 1), "gzip_kb": round(packed / 1024, 1)}


def search_data(site: Path, lang: str) -> dict:
    folder = site / "search" if lang == "ko" else site / lang / "search"
    return sizes(sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else [])


# typical queries: a post's concept, two words, a word with a particle, a word on nearly every page
QUERIES = {"ko": ["모멘텀", "조건부 확률", "베이즈 정리를", "확률", "분포"],
           "en": ["momentum", "conditional probability", "batch normalization", "probability", "distribution"]}


def query_transfer(site: Path, lang: str) -> dict:
    """Each typical query's download (gzip KB: the language's search_index.json and the files the worker
    fetched) and the largest."""
    done = subprocess.run(["node", str(ROOT / "scripts" / "search_transfer.cjs"), str(site), lang,
                           json.dumps(QUERIES[lang], ensure_ascii=False)], capture_output=True, text=True, check=True)
    each = {q: round(r["gzip_bytes"] / 1024, 1) for q, r in json.loads(done.stdout).items()}
    return {"queries": each, "max_gzip_kb": max(each.values())}


def home(site: Path, lang: str) -> dict:
    return sizes([site / "index.html" if lang == "ko" else site / lang / "index.html"])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except OSError:
        return None


def wait_for(condition, timeout: float, what: str, process: subprocess.Popen) -> float:
    start = time.perf_counter()
    while not condition():
        if process.poll() is not None:
            sys.exit(f"{what}: the server stopped (exit {process.returncode})")
        if time.perf_counter() - start > timeout:
            sys.exit(f"{what}: not within {timeout:.0f} s")
        time.sleep(0.1)
    return time.perf_counter() - start


def serve_edits(project: Path, cache: Path, tmp: Path) -> dict:
    """``make serve``'s command on the copy: a prose edit until the served page shows it (3 times)."""
    from bench import free_port

    port = free_port()
    url = f"http://127.0.0.1:{port}/posts/{EDIT_POST}/"
    log = open(tmp / "serve.log", "w", encoding="utf-8")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "--dirty", "--no-strict"],
        cwd=project, env=build_env(cache), stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )
    try:
        first = wait_for(lambda: "</html>" in (fetch(url) or ""), 1800, "make serve", server)
        source = project / "docs" / "posts" / f"{EDIT_POST}.ko.md"
        edits, nones = [], 0
        for n in range(3):
            marker = f"측정용 문장 {n} {time.time_ns()}"
            source.write_text(source.read_text(encoding="utf-8") + f"\n{marker}\n", encoding="utf-8")
            edits.append(round(wait_for(lambda: marker in (fetch(url) or ""), 300, "prose edit", server), 2))
            nones += len(re.findall(r">\s*None\s*<|: None\b", fetch(url) or ""))
    finally:
        os.killpg(server.pid, 15)
        server.wait()
        log.close()
    return {"first_page_s": round(first, 1), "edit_visible_s_runs": edits, "edit_visible_s": sorted(edits)[1],
            "none_on_rebuilt_page": nones}


def measure(n: int, tmp: Path, browser: bool, serve: bool, seed: Path | None = None) -> dict:
    from bench import first_visit_downloads

    work = tmp / f"n{n}"
    project = project_copy(work / "project")
    slugs = replicate(project, n)
    # the block cache in cache/snippets: the formulas' cache goes beside it, in cache/math (hooks/formulas.py)
    cache = work / "cache" / "snippets"
    result: dict = {"n": n, "posts": len(slugs)}
    if seed is None:
        result["cold"] = build(project, work / "cold", cache)
    else:  # a cache to start from: no cold build
        shutil.copytree(seed, cache)
        if (seed.parent / "math").is_dir():  # and the formulas rendered with it, as a real cache holds them
            shutil.copytree(seed.parent / "math", cache.parent / "math")
        # the seed holds the blocks, not the copies' pages: one build converts them, as a cold build would
        result["seeded"] = build(project, work / "seeded", cache)
    result["cached"] = build(project, work / "site", cache)
    site = work / "site"
    for lang in LANGS:
        result[f"search_{lang}"] = search_data(site, lang)
        result[f"query_{lang}"] = query_transfer(site, lang)
        result[f"home_{lang}"] = home(site, lang)
    result["pages"] = len(list(site.rglob("index.html")))
    if browser:
        post = f"posts/{EDIT_POST}"
        downloads = first_visit_downloads(site, [post, f"en/{post}"])
        if downloads is not None:
            result["first_visit_kb"] = {"ko": downloads[post], "en": downloads[f"en/{post}"]}
    if serve:
        result["serve"] = serve_edits(project, cache, work)
    shutil.rmtree(work)
    return result


def fit(ns: list[int], ys: list[float]) -> dict | None:
    """a + b·N (least squares) and the exponent k of c·N^k; None with fewer than two sizes."""
    if len(ns) < 2:
        return None
    mean_n, mean_y = sum(ns) / len(ns), sum(ys) / len(ys)
    b = sum((x - mean_n) * (y - mean_y) for x, y in zip(ns, ys)) / sum((x - mean_n) ** 2 for x in ns)
    a = mean_y - b * mean_n
    logs = [(math.log(x), math.log(y)) for x, y in zip(ns, ys) if y > 0]
    k = None
    if len(logs) >= 2:
        lx, ly = sum(p[0] for p in logs) / len(logs), sum(p[1] for p in logs) / len(logs)
        k = sum((p[0] - lx) * (p[1] - ly) for p in logs) / sum((p[0] - lx) ** 2 for p in logs)
    return {"a": round(a, 3), "b": round(b, 4), "k": None if k is None else round(k, 2)}


METRICS = [
    ("cold build (s)", lambda r: r["cold"]["s"] if "cold" in r else None),
    ("build from the seeded cache (s)", lambda r: r["seeded"]["s"] if "seeded" in r else None),
    ("cached build (s)", lambda r: r["cached"]["s"]),
    ("cached build, CPU (s)", lambda r: r["cached"]["cpu_s"]),
    ("peak memory, cached build (MB)", lambda r: r["cached"]["peak_mb"]),
    ("search data ko (KB)", lambda r: r["search_ko"]["kb"]),
    ("search data ko, gzip (KB)", lambda r: r["search_ko"]["gzip_kb"]),
    ("search data en (KB)", lambda r: r["search_en"]["kb"]),
    ("search data en, gzip (KB)", lambda r: r["search_en"]["gzip_kb"]),
    ("a search downloads, ko, most, gzip (KB)", lambda r: r["query_ko"]["max_gzip_kb"]),
    ("a search downloads, en, most, gzip (KB)", lambda r: r["query_en"]["max_gzip_kb"]),
    ("home page ko (KB)", lambda r: r["home_ko"]["kb"]),
    ("home page en (KB)", lambda r: r["home_en"]["kb"]),
    ("first visit of a post, ko (KB)", lambda r: r.get("first_visit_kb", {}).get("ko")),
    ("first visit of a post, en (KB)", lambda r: r.get("first_visit_kb", {}).get("en")),
    ("serve: prose edit visible, median (s)", lambda r: r.get("serve", {}).get("edit_visible_s")),
]


def report(results: list[dict]) -> dict:
    ns = [r["n"] for r in results]
    header = "".join(f"{'N=' + str(n):>10}" for n in ns)
    print(f"{'per language':<40}{header}   fit a + b·N        N^k   at N={ns[-1]}")
    fits = {}
    for label, get in METRICS:
        values = [get(r) for r in results]
        if any(v is None for v in values):
            continue
        line = f"{label:<40}" + "".join(f"{v:>10}" for v in values)
        found = fit(ns, values)
        if found:
            fits[label] = found
            per_post = found["b"] * ns[-1]
            share = per_post / (per_post + found["a"]) if per_post + found["a"] > 0 else 0
            what = "per-post part" if share > 0.5 else "fixed part"
            line += f"   {found['a']:>8.2f} + {found['b']:.3f}·N  {found['k']!s:>5}   {what} {share:.0%}"
        print(line)
    last = results[-1]
    print(f"\npages written at N={ns[-1]}: {last['pages']}")
    if "serve" in last:
        for r in results:
            s = r["serve"]
            print(f"serve N={r['n']}: first page {s['first_page_s']} s, edits {s['edit_visible_s_runs']} s, "
                  f"'None' on the rebuilt page: {s['none_on_rebuilt_page']}")
    return fits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--up-to", type=int, help="the largest N: measures 6, 36, 108 up to it, and it")
    parser.add_argument("--sizes", type=int, nargs="+", help="the posts per language to measure (instead of --up-to)")
    parser.add_argument("--no-browser", action="store_true", help="skip the first-visit download (no Chromium)")
    parser.add_argument("--serve", action="store_true", help="also time a prose edit under make serve's command")
    parser.add_argument("--seed-cache", type=Path, help="start from a copy of this block cache (and of the formula cache beside it, "
                        "../math) and skip the cold build (one build then converts the copies' pages)")
    parser.add_argument("--json", type=Path, help="write the results here (default: bench/scale-<time>.json)")
    args = parser.parse_args()
    if args.sizes:
        ns = sorted(set(args.sizes))
    else:
        top = args.up_to or DEFAULT_SIZES[-1]
        ns = sorted({*(n for n in DEFAULT_SIZES if n <= top), top})
    results = []
    with tempfile.TemporaryDirectory(prefix="studynotes-scale-") as tmp_name:
        for n in ns:
            print(f"N={n}: building ...", file=sys.stderr, flush=True)
            results.append(measure(n, Path(tmp_name), browser=not args.no_browser, serve=args.serve, seed=args.seed_cache))
    fits = report(results)
    out = args.json
    if out is None:
        OUT.mkdir(exist_ok=True)
        out = OUT / f"scale-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps({"results": results, "fits": fits}, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nsaved {out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}")


if __name__ == "__main__":
    main()
