"""Shared runs: each executed Python block runs once per build and is written in every page language.

`SharedRuns.format` replaces markdown-exec's Python formatter. The block runs inside
`studynotes.i18n.collecting`, so its words come out as placeholders; the output is kept in memory for
the whole process, and each page's copy is `resolve`d into the page's language before markdown-exec
formats it. The formatted HTML of each block and language is cached on disk (`BlockCache`), keyed by
the code, its options, the languages and a digest of what else decides the output (`source_digest`).
A block that raises is never kept. Every block formatted is recorded in ``runs`` for the build report.

The object owns its state (the current page, the records); the hook sets the page, reads the records
and passes in the outputs to share between the languages of one build.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import time
import traceback
from importlib.metadata import version
from pathlib import Path

from markdown_exec import ExecutionError, base_format, code_block, default_tabs

from studynotes import i18n

from .blocks import FigureStash, label_figures, run_python

LOG = logging.getLogger("mkdocs.plugins.studynotes")  # the builder's hook passes its own plugin logger
LIBRARIES = ("numpy", "matplotlib", "markdown-exec", "pymdown-extensions", "markdown")
# The labels of a block's source and result tabs in each page language. A block's own tabs="..|.."
# wins; one that spells out markdown-exec's default ("Source|Result") gets the page's labels too.
TAB_LABELS = {"ko": ("코드", "결과"), "en": ("Source", "Result")}


def page_tabs(options: dict, lang: str) -> dict:
    """``options`` with the tab labels of ``lang`` unless the block chose its own."""
    if tuple(options.get("tabs", default_tabs)) != tuple(default_tabs) or lang not in TAB_LABELS:
        return options
    return {**options, "tabs": TAB_LABELS[lang]}


def source_digest(package: Path, config_file: Path) -> str:
    """What, besides a block's own code, decides its output: the package, the config, the libraries.

    The config's ``nav:`` section is left out: the menu does not change what a block prints, and adding a
    post to it (``make post``) should not send every other block to run again.
    """
    digest = hashlib.sha256()
    root = package.parent.parent
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    digest.update(re.sub(r"^nav:\n(?:[ \t#].*\n|\n)*", "", config_file.read_text(encoding="utf-8"), flags=re.M).encode())
    for dist in LIBRARIES:
        digest.update(f"{dist}={version(dist)}".encode())
    return digest.hexdigest()


class BlockCache:
    """Formatted blocks on disk, one JSON file per key; ``directory=None`` turns the cache off."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory

    def get(self, key: str) -> dict | None:
        if self.directory is None or not (path := self.directory / f"{key}.json").is_file():
            return None
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except ValueError as error:
            raise RuntimeError(f"unreadable cache entry {path} ({error}): delete it, or build with STUDYNOTES_CACHE=off") from error

    def put(self, key: str, entry: dict) -> None:
        if self.directory is None:
            return
        self.directory.mkdir(parents=True, exist_ok=True)
        path = self.directory / f"{key}.json"
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
        partial.replace(path)  # atomic: a concurrent build never reads half an entry


class SharedRuns:
    """markdown-exec's Python formatter, with the run shared between languages and the result cached."""

    def __init__(
        self, languages: tuple[str, ...], digest: str, cache: BlockCache,
        outputs: dict[str, dict] | None = None, log: logging.Logger = LOG,
    ) -> None:
        """``outputs`` holds each run's output by key; pass the same dict to the formatter of every
        language of one build (the i18n plugin builds the second language as a second build that calls
        on_config again). The key covers everything an output depends on, so nothing goes stale.
        ``log`` gets the errors that must fail a strict build (a logger the builder counts)."""
        self.languages = languages
        self.digest = digest
        self.cache = cache
        self.outputs = {} if outputs is None else outputs
        self.log = log
        self.page = {"src": "", "lang": ""}
        self.runs: list[dict] = []  # one record per executed block and language, in build order

    def set_page(self, src: str, lang: str) -> None:
        """The page (``posts/<slug>``) and language of the blocks formatted next."""
        self.page = {"src": src, "lang": lang}

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
        """Format one block for the current page (markdown-exec's formatter signature)."""
        try:
            return self._format(code, md, **options)
        except Exception:
            # superfences would drop the block without a word; make it a build error instead
            self.log.error("block %r could not be formatted:\n%s", options.get("id", ""), traceback.format_exc())
            return ""

    def _format(self, code: str, md, **options) -> str:
        lang = self.page["lang"]
        options = page_tabs(options, lang)
        key = self.key(code, options, lang)
        record = {"page": self.page["src"], "lang": lang, "id": options.get("id", "")}
        cached = self.cache.get(key)
        if cached is not None:
            self.runs.append({**record, "seconds": cached["seconds"], "bytes": cached["bytes"], "origin": "cache"})
            return cached["html"]
        ran: dict = {}
        figures = FigureStash()

        def run(source: str, returncode: int = 0, session: str | None = None, id: str = "", **extra) -> str:  # noqa: A002
            if session:
                raise ExecutionError(code_block("text", "session= is not supported: each block runs on its own"))
            entry, origin = self.shared_output(source, id, {"returncode": returncode, **extra})
            output = i18n.resolve(entry["output"], lang, entry["phrases"])
            ran.update(seconds=entry["seconds"], bytes=len(output.encode()), origin=origin)
            if options.get("html"):  # markdown-exec inserts this output as it is
                return output
            return figures.stash(output)

        html_out = base_format(language="python", run=run, code=code, md=md, **options)
        if not ran:  # the block raised: markdown-exec logged it (failing the strict build); keep nothing
            return html_out
        # a plain str: Markup.replace would escape the figures
        html_out, lost = figures.restore(str(html_out))
        if lost is not None:
            # superfences drops a formatter's exceptions silently, so report it as a (strict) error instead
            self.log.error("block %r: a figure did not come back out of Markdown (%s)", options.get("id", ""), lost)
            return html_out
        html_out = label_figures(html_out, options.get("id", ""))
        self.runs.append({**record, **ran})
        self.cache.put(key, {"html": html_out, "seconds": ran["seconds"], "bytes": ran["bytes"]})
        return html_out
