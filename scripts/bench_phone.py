"""What a phone reader pays: Lighthouse and a 4x-slowed 390 px Chromium on the built site (``make bench PHONE=1``).

The site is served from a folder (``site/`` by default) by a local server that compresses text with gzip, as
GitHub Pages does. For every page in both languages it prints:

- Lighthouse 12.2.3 (mobile profile, simulated throttling), the median of ``--runs`` runs: the performance,
  accessibility, best-practices and SEO scores, total blocking time, largest contentful paint and the bytes
  transferred. Lighthouse lives in ``tools/bench`` (its own package.json and lock: ``make install`` and
  ``make install-test`` do not install it); Chromium is ``CHROME_PATH`` or ``/usr/bin/chromium``.
- the phone profile (Playwright, 390x844, device scale 3, CPU slowed 4x through the DevTools protocol): the
  longest task, the longest stretch the site's own scripts (``javascripts/*.js``) run inside one task, the
  elements after load, the delay until a tap at 3 s after navigation start is answered by a paint, and the bytes
  transferred (gzip) by a first visit.
- what the first paint waits for, read from the page as built: the render-blocking requests of its ``<head>``
  (stylesheets not limited to print, scripts without ``async``/``defer``), their gzip bytes, and the gzip bytes
  of the fonts it preloads (which share the phone's link with them).

These are figures, not assertions: the budgets of issue 24 are printed next to them. The machine's load average
is printed with them, since Lighthouse on a busy machine reports far worse scores.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOOLS = ROOT / "tools" / "bench"
LIGHTHOUSE = TOOLS / "node_modules" / "lighthouse" / "cli" / "index.js"
BUDGETS = {
    "performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100,
    "tbt_ms": 200, "lcp_ms": 2000, "elements": 5000, "longest_task_ms": 200, "tap_ms": 100,
    "own_script_task_ms": 50, "heaviest_post_kb": 250,
}
COMPRESS = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map", ".mjs"}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files; text types gzip-compressed (compressed once, kept in memory)."""

    cache: dict[str, bytes] = {}

    def log_message(self, *args) -> None:
        pass

    def send_head(self):  # noqa: D102 - same contract as the base class
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()
            path = path / "index.html"
        if (
            path.suffix in COMPRESS
            and path.is_file()
            and "gzip" in self.headers.get("Accept-Encoding", "")
        ):
            key = str(path)
            body = self.cache.get(key)
            if body is None:
                body = self.cache[key] = gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=600")
            self.end_headers()
            import io

            return io.BytesIO(body)
        return super().send_head()


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    GzipHandler.cache = {}
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def pages_of(site: Path) -> list[str]:
    """Every page of both languages, as paths relative to the root ('' is the home)."""
    pages = []
    for path in sorted(site.rglob("index.html")):
        rel = path.parent.relative_to(site).as_posix()
        rel = "" if rel == "." else rel + "/"
        if rel.startswith(("assets/", "search/", "en/search/")) or "404" in rel:
            continue
        pages.append(rel)
    return pages


def chromium() -> str:
    return os.environ.get("CHROME_PATH") or "/usr/bin/chromium"


def lighthouse_once(url: str) -> dict:
    if not LIGHTHOUSE.is_file():
        sys.exit(f"Lighthouse is not installed: run `npm ci --prefix {TOOLS.relative_to(ROOT)}` (make bench does)")
    result = subprocess.run(
        ["node", str(LIGHTHOUSE), url, "--quiet", "--output=json", "--output-path=stdout",
         "--only-categories=performance,accessibility,best-practices,seo",
         "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
        env={**os.environ, "CHROME_PATH": chromium()}, capture_output=True, text=True, timeout=600,
    )
    if result.returncode != 0:
        raise RuntimeError(f"lighthouse {url}: {result.stderr[-1500:]}")
    report = json.loads(result.stdout)
    if report.get("runtimeError"):
        raise RuntimeError(f"lighthouse {url}: {report['runtimeError']}")
    audits = report["audits"]
    for name in ("total-blocking-time", "largest-contentful-paint"):
        if "numericValue" not in audits[name]:
            raise RuntimeError(f"lighthouse {url}: no {name}: {audits[name].get('errorMessage')}")
    out = {name: round(100 * (cat["score"] or 0)) for name, cat in report["categories"].items()}
    out["tbt_ms"] = round(audits["total-blocking-time"]["numericValue"])
    out["lcp_ms"] = round(audits["largest-contentful-paint"]["numericValue"])
    out["fcp_ms"] = round(audits["first-contentful-paint"]["numericValue"])
    out["lh_kb"] = round(audits["total-byte-weight"]["numericValue"] / 1024, 1)
    out["lh_elements"] = round(audits["dom-size"].get("numericValue") or 0)
    failed = [
        a for cat in ("accessibility", "best-practices", "seo")
        for ref in report["categories"][cat]["auditRefs"]
        if ref["weight"] and (a := audits[ref["id"]]).get("score") not in (None, 1)
    ]
    out["failed"] = sorted({a["id"] for a in failed})
    return out


def lighthouse(url: str, runs: int) -> dict:
    results = []
    for _ in range(runs):
        for attempt in range(3):  # a run that loses its trace on a busy machine is repeated
            try:
                results.append(lighthouse_once(url))
                break
            except RuntimeError as error:
                if attempt == 2:
                    raise
                print(f"  retrying: {error}", file=sys.stderr)
    median = {k: statistics.median(r[k] for r in results) for k in results[0] if k != "failed"}
    median["failed"] = sorted({f for r in results for f in r["failed"]})
    return median


# A long task observer, a tap observer (Event Timing), and a flag for when MathJax (if any) has finished.
INIT = """
window.__sn = {tasks: [], events: []};
new PerformanceObserver(l => { for (const e of l.getEntries()) __sn.tasks.push([e.startTime, e.duration]); })
  .observe({type: 'longtask', buffered: true});
new PerformanceObserver(l => { for (const e of l.getEntries()) __sn.events.push([e.name, e.startTime, e.duration, e.processingStart - e.startTime]); })
  .observe({type: 'event', durationThreshold: 16, buffered: true});
new PerformanceObserver(l => { for (const e of l.getEntries()) __sn.events.push([e.name, e.startTime, e.duration, e.processingStart - e.startTime]); })
  .observe({type: 'first-input', buffered: true});
"""
SETTLED = """async () => {
  if (document.readyState !== 'complete') await new Promise(r => addEventListener('load', r, {once: true}));
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) await MathJax.startup.promise;
  await new Promise(r => setTimeout(r, 1500));
  await new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  const nav = performance.getEntriesByType('navigation')[0];
  const transfer = [nav, ...performance.getEntriesByType('resource')].reduce((s, e) => s + (e.transferSize || 0), 0);
  return {elements: document.getElementsByTagName('*').length, transfer,
          dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
          resources: performance.getEntriesByType('resource').map(e => [e.name, e.transferSize])};
}"""


def own_script_max_ms(profile: dict) -> float:
    """The longest stretch of samples, inside one task, with a site script (javascripts/*.js) on the stack."""
    nodes = {n["id"]: n for n in profile["nodes"]}
    parent = {c: n["id"] for n in profile["nodes"] for c in n.get("children", [])}
    memo: dict[int, tuple[bool, bool]] = {}

    def kind(node_id: int) -> tuple[bool, bool]:  # (idle, own script on the stack)
        if node_id not in memo:
            frame = nodes[node_id]["callFrame"]
            idle = frame["functionName"] in ("(idle)",)
            url = frame.get("url", "")
            own = "/javascripts/" in url and "/assets/javascripts/" not in url  # not Material's bundle
            up = parent.get(node_id)
            if up is not None:
                own = own or kind(up)[1]
            memo[node_id] = (idle, own)
        return memo[node_id]

    longest = current = 0.0
    for sample, delta in zip(profile["samples"], profile["timeDeltas"]):
        idle, own = kind(sample)
        if idle:
            current = 0.0
            continue
        if own:
            current += delta / 1000
            longest = max(longest, current)
    return round(longest, 1)


def phone(base: str, pages: list[str]) -> dict[str, dict]:
    from playwright.sync_api import sync_playwright

    out = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium(), args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        for rel in pages:
            ctx = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                      device_scale_factor=3)
            ctx.add_init_script(INIT)
            page = ctx.new_page()
            cdp = ctx.new_cdp_session(page)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
            cdp.send("Profiler.enable")
            cdp.send("Profiler.setSamplingInterval", {"interval": 200})
            cdp.send("Profiler.start")
            page.goto(base + rel, wait_until="commit")
            # a tap at 3 s after navigation start (or as soon as the body exists after that), in the content's
            # left padding: no link or control there, so the tap changes nothing but must still be answered
            page.wait_for_function("performance.now() >= 3000 && document.body", polling=50, timeout=120_000)
            page.touchscreen.tap(5, 500)
            settled = page.evaluate(SETTLED)
            profile = cdp.send("Profiler.stop")["profile"]
            data = page.evaluate("__sn")
            taps = [e for e in data["events"] if e[0] in ("pointerdown", "pointerup", "click", "touchstart", "touchend")]
            out[rel] = {
                "longest_task_ms": round(max((d for _, d in data["tasks"]), default=0)),
                "tbt_phone_ms": round(sum(max(0, d - 50) for _, d in data["tasks"])),
                "own_script_task_ms": own_script_max_ms(profile),
                "elements": settled["elements"],
                "tap_ms": round(max((e[2] for e in taps), default=0)),
                "transfer_kb": round(settled["transfer"] / 1024, 1),
                "dcl_ms": round(settled["dcl"]),
            }
            ctx.close()
        browser.close()
    return out


HEAD_LINK = re.compile(r"<(link|script)\b([^>]*)>")


def attribute(attrs: str, name: str) -> str | None:
    found = re.search(rf'\b{name}(?:="([^"]*)")?(?=[\s>]|$)', attrs)
    return None if found is None else (found.group(1) or "")


def critical_path(site: Path, rel: str) -> dict:
    """What the page's first paint waits for, from its HTML as built (no browser, the same on every run)."""
    page = site / rel / "index.html"
    head = page.read_text(encoding="utf-8").split("</head>", 1)[0]
    blocking: list[Path] = []
    preloaded: list[Path] = []
    for tag, attrs in HEAD_LINK.findall(head):
        href = attribute(attrs, "href" if tag == "link" else "src")
        if not href or href.startswith(("http:", "https:", "data:")):
            continue
        path = (page.parent / href.split("?")[0]).resolve()
        rel_attr = attribute(attrs, "rel") if tag == "link" else None
        if tag == "script" and attribute(attrs, "async") is None and attribute(attrs, "defer") is None \
                and attribute(attrs, "type") != "module":
            blocking.append(path)
        elif rel_attr == "stylesheet" and (attribute(attrs, "media") or "all") not in ("print",):
            blocking.append(path)
        elif rel_attr == "preload":
            preloaded.append(path)

    def gzip_kb(paths: list[Path]) -> float:
        return round(sum(len(gzip.compress(p.read_bytes(), 6)) for p in paths) / 1024, 1)

    blocking = list(dict.fromkeys(blocking))  # a stylesheet linked twice is fetched once

    return {"blocking": len(blocking), "blocking_kb": gzip_kb(blocking), "preload_kb": gzip_kb(preloaded),
            "html_kb": gzip_kb([page])}


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def measure(site: Path, runs: int = 3, only: list[str] | None = None, skip_lighthouse: bool = False) -> dict:
    server, base = serve(site)
    try:
        pages = [p for p in pages_of(site) if not only or any(o in p or (o == "home" and p in ("", "en/")) for o in only)]
        results: dict = {"load_before": load(), "pages": {}}
        phone_results = phone(base, pages)
        for rel in pages:
            row = {**phone_results[rel], **critical_path(site, rel)}
            if not skip_lighthouse:
                try:
                    row.update(lighthouse(base + rel, runs))
                except RuntimeError as error:  # reported in the table, the other pages still measured
                    row["lighthouse_error"] = str(error)[-300:]
            results["pages"][rel] = row
            print(f"  {rel or '(home)'}: {row}", file=sys.stderr, flush=True)
        results["load_after"] = load()
        return results
    finally:
        server.shutdown()


def is_post(rel: str) -> bool:
    return "/posts/" in "/" + rel


def report(results: dict, old: dict | None = None) -> None:
    cols = [("perf", "performance"), ("a11y", "accessibility"), ("bp", "best-practices"), ("seo", "seo"),
            ("TBT", "tbt_ms"), ("FCP", "fcp_ms"), ("LCP", "lcp_ms"), ("blk", "blocking"), ("blk KB", "blocking_kb"),
            ("pre KB", "preload_kb"), ("elem", "elements"), ("task", "longest_task_ms"),
            ("own", "own_script_task_ms"), ("tap", "tap_ms"), ("KB gz", "transfer_kb")]
    print(f"\nphone reader (load average {results['load_before']} before, {results['load_after']} after)")
    print(f"budgets: perf >= 95, a11y/bp/seo 100; posts: TBT <= 200 ms, LCP <= 2000 ms, <= 5000 elements, "
          f"task <= 200 ms and tap <= 100 ms at 4x CPU; own scripts <= 50 ms a task; heaviest post <= 250 KB gzip")
    head = f"{'page':<40}" + "".join(f"{c:>{14 if old else 8}}" for c, _ in cols)
    print(head)
    for rel, row in results["pages"].items():
        cells = []
        for _, key in cols:
            now = row.get(key, "-")
            now = int(now) if isinstance(now, float) and not key.endswith("_kb") else now
            if old and rel in old.get("pages", {}):
                was = old["pages"][rel].get(key, "-")
                was = int(was) if isinstance(was, float) and not key.endswith("_kb") else was
                cells.append(f"{f'{was}→{now}':>14}")
            else:
                cells.append(f"{now:>{14 if old else 8}}")
        print(f"{rel or '(home)':<40}" + "".join(cells))
    posts = {r: v for r, v in results["pages"].items() if is_post(r)}
    if posts:
        heaviest = max(posts, key=lambda r: posts[r]["transfer_kb"])
        print(f"heaviest post first visit: {heaviest} {posts[heaviest]['transfer_kb']} KB gzip (budget 250)")
    for rel, row in results["pages"].items():
        if row.get("lighthouse_error"):
            print(f"Lighthouse failed on {rel or '(home)'}: {row['lighthouse_error']}")
    failed = {r: v["failed"] for r, v in results["pages"].items() if v.get("failed")}
    for rel, ids in failed.items():
        print(f"Lighthouse audits not passed on {rel or '(home)'}: {', '.join(ids)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, default=ROOT / "site")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (the median is kept)")
    parser.add_argument("--only", nargs="*", help="only pages whose path contains one of these ('home' for the homes)")
    parser.add_argument("--no-lighthouse", action="store_true", help="the phone profile only")
    parser.add_argument("--compare", type=Path, help="an earlier phone JSON to show next to these")
    parser.add_argument("--out", type=Path, help="where to save the JSON (default bench/phone-<time>.json)")
    args = parser.parse_args()
    results = measure(args.site, args.runs, args.only, args.no_lighthouse)
    out = args.out or ROOT / "bench" / f"phone-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    old = json.loads(args.compare.read_text(encoding="utf-8")) if args.compare else None
    report(results, old)
    print(f"\nsaved {out}")


if __name__ == "__main__":
    main()
