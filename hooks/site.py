"""Build hooks: offline MathJax, language-aware snippets and search, generated pages, a block cache.

- MathJax comes from ``node_modules/mathjax`` (``npm ci``, pinned by package-lock.json) and is
  copied into the built site at build time; nothing is committed and nothing loads from a CDN.
- Each executed Python block runs once per build for every language (``SharedRuns``): its words come
  out as `studynotes.i18n` placeholders, and each page's copy of the output gets its own language.
- A page containing ``<!-- post-index -->`` gets the list of posts in its language, newest first,
  built from each post's front matter (``title``, ``date``, ``category``, ``excerpt``).
- Search stays in the reader's language: after every language is built, the joint index is split
  into ``search/search_index.json`` (Korean) and ``en/search/search_index.json`` (English), and
  English pages point Material's ``base`` at ``en/`` so they load their own index and sitemap.
- Executed blocks are cached on disk (``.cache/snippets``), keyed by the block's code and options,
  the site's languages, the package's source, mkdocs.yml and the library versions, so a prose-only
  edit rebuilds in seconds. ``STUDYNOTES_CACHE=off`` turns the cache off; a cold build needs none.
  Each block's run time and output size feed the build report (``<!-- build-report -->``).
- A page containing ``<!-- glossary -->`` gets one table per post from ``docs/glossary/<slug>.yml``
  (entries with ``ko``, ``en`` and optional ``note_ko``/``note_en``), so every post extends the
  glossary by adding its own file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import io
import json
import linecache
import logging
import os
import re
import sys
import time
import traceback
import types
from importlib.metadata import version
from pathlib import Path

import yaml
from markdown_exec import ExecutionError, base_format, code_block, formatters
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from studynotes import i18n

ROOT = Path(__file__).resolve().parent.parent
MATHJAX = ROOT / "node_modules" / "mathjax" / "es5"
# tex-chtml.js is the combined component; the rest is what it loads on demand.
MATHJAX_PARTS = ["tex-chtml.js", "input/tex/extensions", "output/chtml/fonts/woff-v2", "a11y", "ui"]

CATEGORIES = {
    "stat110": {"ko": "Stat 110", "en": "Stat 110"},
    "cs231n": {"ko": "CS231n", "en": "CS231n"},
    "ml": {"ko": "머신러닝", "en": "Machine Learning"},
}
INDEX_MARKER = "<!-- post-index -->"
POST_KEYS = ("title", "date", "category", "excerpt")
GLOSSARY_MARKER = "<!-- glossary -->"
GLOSSARY_HEADERS = {"ko": ("한국어", "English", "설명"), "en": ("English", "한국어", "Note")}
HEAD_ALTERNATE = re.compile(r'\s*<link rel="alternate" href="[^"]*" hreflang="[^"]*">')


def _not_instant_navigation_notice(record: logging.LogRecord) -> bool:
    # mkdocs-static-i18n warns that its per-page switcher links go stale under instant
    # navigation; docs/javascripts/language-switch.js rewrites them after every page change
    # (checked by the browser tests), so this one notice must not fail the strict build.
    return "not compatible with theme.features = navigation.instant" not in str(record.msg)


logging.getLogger("mkdocs.plugins.mkdocs_static_i18n.reconfigure").addFilter(_not_instant_navigation_notice)

CACHE_DIR = Path(os.environ.get("STUDYNOTES_CACHE_DIR", ROOT / ".cache" / "snippets"))
REPORT_MARKER = "<!-- build-report -->"
RUNS: list[dict] = []  # one record per executed block and language, in build order
_current_page = {"src": "", "lang": ""}


def cache_enabled() -> bool:
    return os.environ.get("STUDYNOTES_CACHE", "on").lower() not in {"0", "off", "false", "no"}


def source_digest(config: MkDocsConfig) -> str:
    """What, besides a block's own code, decides its output: the package, the config, the libraries."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "src" / "studynotes").rglob("*.py")):
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    digest.update(Path(config.config_file_path).read_bytes())
    for dist in ("numpy", "matplotlib", "markdown-exec", "pymdown-extensions", "markdown"):
        digest.update(f"{dist}={version(dist)}".encode())
    return digest.hexdigest()


log = logging.getLogger("mkdocs.plugins.studynotes")


def run_python(code: str, block_id: str) -> str:
    """Run one block as markdown-exec would, and return what it printed.

    ``print`` writes to the block's output (with ``sep`` and ``end`` honoured); an exception becomes
    markdown-exec's ``ExecutionError`` holding the traceback, with the block's own lines in it.
    """
    filename = f"<code block: {block_id or 'python'}>"
    linecache.cache[filename] = (len(code), None, code.splitlines(keepends=True), filename)
    module = types.ModuleType(re.sub(r"[^A-Za-z0-9]+", "_", filename).strip("_"))
    sys.modules[module.__name__] = module  # dataclasses and pickle look their module up
    buffer = io.StringIO()

    def block_print(*values, sep=" ", end="\n", file=None, flush=False):
        if file is not None:  # print(..., file=sys.stderr) and the like keep their destination
            print(*values, sep=sep, end=end, file=file, flush=flush)
            return
        buffer.write((" " if sep is None else sep).join(map(str, values)) + ("\n" if end is None else end))

    namespace = module.__dict__
    namespace["print"] = block_print
    try:
        exec(compile(code, filename, "exec"), namespace)  # noqa: S102 - running the site's own examples is the point
    except Exception as error:
        trace = "".join(traceback.format_exception(type(error), error, error.__traceback__.tb_next))
        raise ExecutionError(code_block("python", trace)) from error
    return buffer.getvalue()


# A figure (or an animated one) from studynotes.plotting, printed on lines of its own. In a block's
# output it sits inside a tab, where Markdown does not see raw HTML as a block of its own: it would wrap
# the figure in <p> and read its text as Markdown. It is taken out before conversion and put back after.
FIGURE_HTML = re.compile(
    r'^(?:<div id="[^"]*" class="sn-animated">\n.*?\n</figure>\n</div>|<figure class="sn-figure">\n.*?\n</figure>)$',
    re.M | re.S,
)


class SharedRuns:
    """Run each Python block once per build and write its output in every page language.

    The block runs inside `studynotes.i18n.collecting`, so its words come out as placeholders; the
    output and its phrases are kept in memory, and each page's copy gets `resolve`d into the page's
    language before markdown-exec formats it. The formatted HTML of each block and language is cached
    on disk, keyed by the code, its options, the language and ``digest`` (package source, mkdocs.yml,
    library versions), so the next build formats nothing. A block that raises is never kept.
    """

    # Kept for the whole process: the i18n plugin builds the second language as a second build that
    # calls on_config again. The key covers everything an output depends on, so nothing goes stale.
    outputs: dict[str, dict] = {}

    def __init__(self, languages: tuple[str, ...], digest: str) -> None:
        self.languages = languages
        self.digest = digest

    def key(self, *parts) -> str:
        data = json.dumps([*parts, self.languages, self.digest], sort_keys=True, default=str)
        return hashlib.sha256(data.encode()).hexdigest()

    def shared_output(self, code: str, block_id: str, options: dict) -> tuple[dict, str]:
        """The block's output with placeholders, and ``run`` (executed now) or ``shared`` (already
        executed in this build, for another language)."""
        key = self.key(code, block_id, options)
        if key in self.outputs:
            return self.outputs[key], "shared"
        start = time.perf_counter()
        with i18n.collecting(self.languages):
            output = run_python(code, block_id)
        entry = {"output": output, "phrases": i18n.placeholders_in(output), "seconds": round(time.perf_counter() - start, 3)}
        self.outputs[key] = entry
        return entry, "run"

    def format(self, code: str, md, **options) -> str:
        """markdown-exec's Python formatter, with the run shared between languages and the result cached."""
        try:
            return self._format(code, md, **options)
        except Exception:
            # superfences would drop the block without a word; make it a build error instead
            log.error("block %r could not be formatted:\n%s", options.get("id", ""), traceback.format_exc())
            return ""

    def _format(self, code: str, md, **options) -> str:
        lang = _current_page["lang"]
        path = CACHE_DIR / f"{self.key(code, options, lang)}.json"
        record = {"page": _current_page["src"], "lang": lang, "id": options.get("id", "")}
        if cache_enabled() and path.is_file():
            try:
                cached = json.loads(path.read_text(encoding="utf-8"))
            except ValueError as error:
                raise RuntimeError(f"unreadable cache entry {path} ({error}): delete it, or build with STUDYNOTES_CACHE=off") from error
            RUNS.append({**record, "seconds": cached["seconds"], "bytes": cached["bytes"], "origin": "cache"})
            return cached["html"]
        ran: dict = {}

        def run(source: str, returncode: int = 0, session: str | None = None, id: str = "", **extra) -> str:  # noqa: A002
            if session:
                raise ExecutionError(code_block("text", "session= is not supported: each block runs on its own"))
            entry, origin = self.shared_output(source, id, {"returncode": returncode, **extra})
            output = i18n.resolve(entry["output"], lang, entry["phrases"])
            ran.update(seconds=entry["seconds"], bytes=len(output.encode()), origin=origin)
            if options.get("html"):  # markdown-exec inserts this output as it is
                return output
            return FIGURE_HTML.sub(lambda m: f"\n\n{stash(m.group(0))}\n\n", output)

        raw: dict[str, str] = {}

        def stash(markup: str) -> str:
            token = f"snfigure{len(raw)}x{hashlib.sha256(markup.encode()).hexdigest()[:12]}"
            raw[token] = markup
            return token

        html_out = base_format(language="python", run=run, code=code, md=md, **options)
        if not ran:  # the block raised: markdown-exec logged it (failing the strict build); keep nothing
            return html_out
        html_out = str(html_out)  # a plain str: Markup.replace would escape the figures
        for token, markup in raw.items():
            if f"<p>{token}</p>" not in html_out:
                # superfences drops a formatter's exceptions silently, so report it as a (strict) error instead
                log.error("block %r: a figure did not come back out of Markdown (%s)", options.get("id", ""), token)
                return html_out
            html_out = html_out.replace(f"<p>{token}</p>", markup)
        RUNS.append({**record, **ran})
        if cache_enabled():
            CACHE_DIR.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(f".{os.getpid()}.tmp")
            entry = {"html": str(html_out), "seconds": ran["seconds"], "bytes": ran["bytes"]}
            partial.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
            partial.replace(path)  # atomic: a concurrent build never reads half an entry
        return html_out


def site_languages(config: MkDocsConfig) -> tuple[str, ...]:
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise PluginError("the i18n plugin is not configured")
    # every configured language, built or not: a page is the same in a one-language build
    return tuple(language.locale for language in plugin.config.languages)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    RUNS.clear()
    formatters["python"] = SharedRuns(site_languages(config), source_digest(config)).format
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    if not (MATHJAX / "tex-chtml.js").is_file():
        raise PluginError(f"MathJax not found at {MATHJAX}: run `npm ci` (or `make install`) first.")
    for part in MATHJAX_PARTS:
        src = MATHJAX / part
        paths = [src] if src.is_file() else sorted(p for p in src.rglob("*") if p.is_file())
        for path in paths:
            uri = "assets/mathjax/" + path.relative_to(MATHJAX).as_posix()
            if files.get_file_from_path(uri) is None:
                files.append(File.generated(config, uri, abs_src_path=str(path)))
    return files


def page_language(page: Page, config: MkDocsConfig) -> str:
    return getattr(page.file, "locale", None) or config.theme["language"]


def read_front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}
    end = text.index("\n---", 4)
    return yaml.safe_load(text[4:end]) or {}


def collect_posts(docs_dir: Path, lang: str) -> list[dict]:
    posts = []
    for path in sorted((docs_dir / "posts").glob(f"*.{lang}.md")):
        meta = read_front_matter(path)
        missing = [k for k in POST_KEYS if k not in meta]
        if missing:
            raise PluginError(f"{path.name}: front matter lacks {', '.join(missing)}")
        if meta["category"] not in CATEGORIES:
            raise PluginError(f"{path.name}: category must be one of {sorted(CATEGORIES)}, got {meta['category']!r}")
        date = meta["date"]
        if not isinstance(date, dt.date):
            raise PluginError(f"{path.name}: date must be YYYY-MM-DD, got {date!r}")
        slug = path.name[: -len(f".{lang}.md")]
        posts.append({**meta, "slug": slug})
    # Newest first; posts of the same day keep the original blog's order via an optional `order`.
    posts.sort(key=lambda p: (p["date"], p.get("order", 0)), reverse=True)
    return posts


def render_index(posts: list[dict], lang: str) -> str:
    items = []
    for post in posts:
        category = CATEGORIES[post["category"]][lang]
        date = post["date"].strftime("%Y. %m. %d." if lang == "ko" else "%Y-%m-%d")
        items.append(
            '<article class="sn-post-card" markdown>\n'
            f'<p class="sn-post-card__meta"><span class="sn-post-card__category">{html.escape(category)}</span>'
            f" · <time datetime=\"{post['date'].isoformat()}\">{date}</time></p>\n\n"
            f"### [{post['title']}](posts/{post['slug']}.md) {{ #post-{post['slug']} }}\n\n"
            f"{post['excerpt'].strip()}\n\n"
            "</article>"
        )
    return "\n\n".join(items)


def render_glossary(docs_dir: Path, lang: str) -> str:
    titles = {p["slug"]: p["title"] for p in collect_posts(docs_dir, lang)}
    order = [p["slug"] for p in collect_posts(docs_dir, lang)][::-1]  # oldest post first
    files = {p.stem: p for p in (docs_dir / "glossary").glob("*.yml")}
    unknown = sorted(set(files) - set(titles))
    if unknown:
        raise PluginError(f"glossary files without a post: {', '.join(unknown)}")
    sections = []
    for slug in [s for s in order if s in files]:
        entries = yaml.safe_load(files[slug].read_text(encoding="utf-8")) or []
        for i, entry in enumerate(entries):
            if not isinstance(entry, dict) or not entry.get("ko") or not entry.get("en"):
                raise PluginError(f"glossary/{slug}.yml entry {i} needs both 'ko' and 'en'")
        head = GLOSSARY_HEADERS[lang]
        rows = [f"| {head[0]} | {head[1]} | {head[2]} |", "|---|---|---|"]
        other = "en" if lang == "ko" else "ko"
        for entry in sorted(entries, key=lambda e: e[lang].lower()):
            rows.append(f"| **{entry[lang]}** | {entry[other]} | {entry.get('note_' + lang, '')} |")
        sections.append(f"## [{titles[slug]}](posts/{slug}.md) {{ #{slug} }}\n\n" + "\n".join(rows))
    return "\n\n".join(sections)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang = page_language(page, config)
    _current_page["lang"] = lang
    _current_page["src"] = re.sub(r"\.(ko|en)\.md$", "", page.file.src_uri)
    if INDEX_MARKER in markdown:
        markdown = markdown.replace(INDEX_MARKER, render_index(collect_posts(Path(config.docs_dir), lang), lang))
    if GLOSSARY_MARKER in markdown:
        markdown = markdown.replace(GLOSSARY_MARKER, render_glossary(Path(config.docs_dir), lang))
    return markdown


SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
SEARCH_LABEL = {"ko": "검색", "en": "Search"}
# Pygments wraps every name, punctuation mark and run of spaces in its own <span>; those three take
# the default code colour anyway (Material styles them so), and they are a third of a post's weight.
PLAIN_TOKEN = re.compile(r'<span class="[npw]">([^<]*)</span>')
CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">\{"annotate": [^,]*, "base": ")([^"]*)(")')
SITEMAP_URL = re.compile(r"<url>.*?</url>", re.S)


REPORT_TEXT = {
    "ko": {
        "post": "글", "block": "예제 블록", "seconds": "실행 시간 (초)", "size": "출력 (KB)", "origin": "출처",
        "total": "합계", "subtotal": "소계", "run": "실행", "shared": "공유", "cache": "캐시",
        "summary": "블록 {blocks}개 가운데 이 빌드에서 실행한 것 {run}개, 다른 언어와 공유한 것 {shared}개, 캐시에서 가져온 것 {cache}개.",
    },
    "en": {
        "post": "Post", "block": "Example block", "seconds": "Run time (s)", "size": "Output (KB)", "origin": "From",
        "total": "Total", "subtotal": "Subtotal", "run": "run", "shared": "shared", "cache": "cache",
        "summary": "Of {blocks} blocks, {run} ran in this build, {shared} were shared with the other language and {cache} came from the cache.",
    },
}


def render_report(lang: str, docs_dir: Path) -> str:
    """The executed blocks of this language's pages as an HTML table, grouped by post."""
    text = REPORT_TEXT[lang]
    titles = {f"posts/{p['slug']}": p["title"] for p in collect_posts(docs_dir, lang)}
    runs = [r for r in RUNS if r["lang"] == lang]
    rows = []
    for page in dict.fromkeys(r["page"] for r in runs):
        group = [r for r in runs if r["page"] == page]
        title = html.escape(titles.get(page, page))
        link = f'<a href="../{page}/">{title}</a>'
        for i, run in enumerate(group):
            first = f'<td rowspan="{len(group) + 1}">{link}</td>' if i == 0 else ""
            rows.append(
                f"<tr>{first}<td><code>{html.escape(run['id'])}</code></td>"
                f"<td>{run['seconds']:.2f}</td><td>{run['bytes'] / 1024:.1f}</td><td>{text[run['origin']]}</td></tr>"
            )
        rows.append(
            f"<tr><td><em>{text['subtotal']}</em></td><td><em>{sum(r['seconds'] for r in group):.2f}</em></td>"
            f"<td><em>{sum(r['bytes'] for r in group) / 1024:.1f}</em></td><td></td></tr>"
        )
    rows.append(
        f"<tr><td><strong>{text['total']}</strong></td><td><strong>{len(runs)}</strong></td>"
        f"<td><strong>{sum(r['seconds'] for r in runs):.2f}</strong></td>"
        f"<td><strong>{sum(r['bytes'] for r in runs) / 1024:.1f}</strong></td><td></td></tr>"
    )
    head = (
        f"<tr><th>{text['post']}</th><th>{text['block']}</th><th>{text['seconds']}</th>"
        f"<th>{text['size']}</th><th>{text['origin']}</th></tr>"
    )
    counts = {origin: sum(r["origin"] == origin for r in runs) for origin in ("run", "shared", "cache")}
    summary = text["summary"].format(blocks=len(runs), **counts)
    return f'<p>{summary}</p><table class="sn-build-report"><thead>{head}</thead><tbody>{"".join(rows)}</tbody></table>'


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # Material reads <link rel="alternate" hreflang> in <head> as language *roots* and fetches
    # "sitemap.xml" next to each; the i18n plugin writes per-page links there, so every page
    # would request a missing file. The switcher in the header keeps its per-page links.
    output = HEAD_ALTERNATE.sub("", output)
    output = PLAIN_TOKEN.sub(r"\1", output)
    lang = page_language(page, config)
    if REPORT_MARKER in output:
        output = output.replace(REPORT_MARKER, render_report(lang, Path(config.docs_dir)), 1)
    # Changing language must load the other language's page for real (its own <html lang>, search
    # index and navigation); a link with a target is one that instant navigation leaves alone.
    output = output.replace('class="md-select__link">', 'class="md-select__link" target="_self">')
    # Material's search dialog has no accessible name.
    output = output.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + f' aria-label="{SEARCH_LABEL[lang]}">', 1)
    if lang == "en":
        output, count = CONFIG_BASE.subn(lambda m: f"{m.group(1)}{m.group(2)}/en/{m.group(3)}", output, count=1)
        if count != 1:
            raise PluginError(f"{page.file.src_uri}: Material's __config block not found; cannot scope search to English")
    return output


def split_search_index(site: Path) -> None:
    """Give each language its own search index (and English its own sitemap for instant navigation)."""
    path = site / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    english = [d for d in index["docs"] if d["location"].startswith("en/")]
    if not english:
        return  # already split, or an English-only intermediate index
    korean = [d for d in index["docs"] if not d["location"].startswith("en/")]
    en_index = {"config": {**index["config"], "lang": ["en"]}, "docs": [{**d, "location": d["location"][3:]} for d in english]}
    ko_index = {**index, "docs": korean}
    (site / "en" / "search").mkdir(parents=True, exist_ok=True)
    for target, data in ((path, ko_index), (site / "en" / "search" / "search_index.json", en_index)):
        target.write_text(json.dumps(data, separators=(",", ":"), default=str), encoding="utf-8")

    def english_entry(match: re.Match[str]) -> str:
        block = match.group(0)
        alternate = re.search(r'hreflang="en" href="([^"]+)"', block)
        return re.sub(r"<loc>[^<]*</loc>", f"<loc>{alternate.group(1)}</loc>", block) if alternate else ""

    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    (site / "en" / "sitemap.xml").write_text(SITEMAP_URL.sub(english_entry, sitemap), encoding="utf-8")


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language and written the joint index
def on_post_build(config: MkDocsConfig) -> None:
    split_search_index(Path(config.site_dir))
