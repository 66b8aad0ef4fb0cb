"""Page cache: a page's Markdown converted to HTML, kept on disk by everything that decides it.

Converting a post's Markdown (tables, tabs, footnotes, its executed blocks taken from their own cache) was
the largest part of a build whose blocks were all cached: about 0.1 s a page, so most of a 108-post build.
The conversion is a pure function of the page's final Markdown (after the front-matter, glossary and
listing hooks), its address, the other files' addresses (links are checked and made relative against
them), the config, the examples and the package, the hook code and the libraries' versions. `PageCache`
keeps what the conversion produced: the HTML, the table of contents, the anchors the page holds and links
to, the title found in it, the executed blocks it recorded and the anchors it registered for
cross-references; a hit gives all of them back, so the rest of the build cannot tell a hit from a render.

One entry per page, language, URL style and set of files (a slot): a new entry replaces the slot's old one,
so editing a page for a day under ``mkdocs serve`` leaves one entry, not hundreds. A conversion that logged a
warning is never kept (the next strict build must fail the same way).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from collections.abc import Callable, Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

KEPT_OUTPUTS = 2  # `cached_outputs` keeps this many sets of outputs (the newest), not every build's

# the libraries a conversion runs through, besides those of the executed blocks (shared_runs.LIBRARIES)
CONVERTERS = ("mkdocs", "markdown", "pymdown-extensions", "markdown-exec", "mkdocs-autorefs", "mkdocs-material",
              "pygments", "mkdocs-static-i18n")
# a page that documents the package: mkdocstrings also records its objects for the site's inventory
# while it converts, which a cached page could not give back, so such a page is always converted
AUTODOC = re.compile(r"^ {0,3}(?:#{1,6} *)?::: ?\S", re.M)


def cache_folder(root: Path, name: str) -> Path | None:
    """The folder ``name`` of the build caches: under ``STUDYNOTES_CACHE_DIR``, else ``root/.cache/snippets``;
    None when ``STUDYNOTES_CACHE`` turns the caches off."""
    if os.environ.get("STUDYNOTES_CACHE", "on").lower() in {"0", "off", "false", "no"}:
        return None
    return Path(os.environ.get("STUDYNOTES_CACHE_DIR", root / ".cache" / "snippets")) / name


def tree_digest(base: Path, *roots: Path, suffixes: tuple[str, ...] = ()) -> str:
    """A digest of every file under ``roots`` (all files, or those ending in one of ``suffixes``), each
    named by its path from ``base``, so a copy of the project elsewhere has the same digest."""
    digest = hashlib.sha256()
    for root in roots:
        for path in sorted(root.rglob("*")) if root.is_dir() else [root]:
            if path.is_file() and "__pycache__" not in path.parts and (not suffixes or path.name.endswith(suffixes)):
                name = path.relative_to(base) if path.is_relative_to(base) else path
                digest.update(name.as_posix().encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def converters_digest(base: str) -> str:
    """``base`` (the package, config and block libraries: shared_runs.source_digest) and the converters' versions."""
    digest = hashlib.sha256(base.encode())
    for dist in CONVERTERS:
        try:
            installed = version(dist)
        except PackageNotFoundError:
            installed = "none"
        digest.update(f"{dist}={installed}".encode())
    return digest.hexdigest()


def files_digest(addresses: Iterable[tuple[str, str]]) -> str:
    """A digest of the build's files as (source path, URL) pairs: a page's links are checked against them."""
    return hashlib.sha256(json.dumps(sorted(addresses)).encode()).hexdigest()


def toc_data(items: Iterable[Any]) -> list:
    """A table of contents (MkDocs' AnchorLink items) as plain lists: [title, id, level, children]."""
    return [[item.title, item.id, item.level, toc_data(item.children)] for item in items]


def toc_items(data: list, make: Callable[[str, str, int], Any]) -> list:
    """The items `toc_data` stored, made again with ``make(title, id, level)``."""
    items = []
    for title, anchor, level, children in data:
        item = make(title, anchor, level)
        item.children = toc_items(children, make)
        items.append(item)
    return items


class PageCache:
    """Converted pages on disk, one JSON file per slot; ``directory=None`` turns the cache off."""

    def __init__(self, directory: Path | None, digest: str) -> None:
        self.directory = directory
        self.digest = digest
        self.hits = 0
        self.misses = 0

    def key(self, *parts: object) -> str:
        """The key of one conversion: ``parts`` (the page's Markdown, address, language...) and the digest."""
        return hashlib.sha256(json.dumps([*map(str, parts), self.digest]).encode()).hexdigest()

    def _path(self, slot: str) -> Path | None:
        if self.directory is None:
            return None
        return self.directory / f"{hashlib.sha256(slot.encode()).hexdigest()[:32]}.json"

    def get(self, slot: str, key: str) -> dict | None:
        """The entry kept for ``slot`` if it was stored under ``key``, else None."""
        path = self._path(slot)
        entry = None
        if path is not None and path.is_file():
            try:
                entry = json.loads(path.read_text(encoding="utf-8"))
            except ValueError:  # a damaged entry: the page is converted again (and the entry replaced)
                entry = None
        if entry is None or entry.get("key") != key:
            self.misses += 1
            return None
        self.hits += 1
        return entry

    def put(self, slot: str, key: str, entry: dict) -> None:
        """Keep ``entry`` (JSON-ready) as the slot's conversion under ``key``."""
        path = self._path(slot)
        if path is None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps({**entry, "key": key}, ensure_ascii=False), encoding="utf-8")
        partial.replace(path)  # atomic: a concurrent build never reads half an entry


def cached_outputs(directory: Path | None, key: str, base: Path, outputs: list[str], produce: Callable[[], None]) -> bool:
    """Run ``produce``, which writes ``outputs`` (files and folders under ``base``), or, when ``directory``
    holds what it wrote for ``key``, copy that back instead. Returns True when copied from ``directory``."""
    stored = None if directory is None else directory / key
    if stored is not None and (stored / ".complete").is_file():
        for name in outputs:
            if (stored / name).is_dir():
                shutil.copytree(stored / name, base / name, dirs_exist_ok=True)
            elif (stored / name).is_file():
                (base / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(stored / name, base / name)
        os.utime(stored)  # the newest, for pruning
        return True
    produce()
    if stored is None:
        return False
    partial = directory / f"{key}.{os.getpid()}.tmp"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    for name in outputs:
        if (base / name).is_dir():
            shutil.copytree(base / name, partial / name)
        elif (base / name).is_file():
            (partial / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(base / name, partial / name)
    (partial / ".complete").touch()
    try:
        partial.rename(stored)  # whole or not at all, also beside another build
    except OSError:  # another build stored the same outputs first
        shutil.rmtree(partial, ignore_errors=True)
    kept = sorted((p for p in directory.iterdir() if p.is_dir() and not p.name.endswith(".tmp")),
                  key=lambda p: p.stat().st_mtime, reverse=True)
    for old in kept[KEPT_OUTPUTS:]:
        shutil.rmtree(old, ignore_errors=True)
    return False
