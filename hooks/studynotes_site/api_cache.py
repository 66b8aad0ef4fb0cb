"""API page cache: mkdocstrings' rendering of an object, kept on disk by what decides it.

Rendering the package's docstrings through mkdocstrings' templates was about a third of a build whose
executed blocks all came from the cache, and it is a pure function of the object's source, the render
options, the locale, the site's config and the versions of the libraries that render it. `RenderCache`
keeps the HTML and the headings the render registered (mkdocstrings collects them for the table of
contents and cross-references while it renders), keyed by all of those; a hit gives both back, so the
page, its table of contents and every cross-reference are the same as after a real render.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from xml.etree.ElementTree import Element

RENDERERS = ("mkdocstrings", "mkdocstrings-python", "griffelib", "mkdocs-autorefs", "mkdocs-material", "jinja2",
             "markdown", "pymdown-extensions", "black")


def render_digest(source_digest: str, overrides: Path) -> str:
    """``source_digest`` (package, config, libraries) plus the renderers' versions and any template override."""
    digest = hashlib.sha256(source_digest.encode())
    for dist in RENDERERS:
        try:
            installed = version(dist)
        except PackageNotFoundError:  # e.g. Black, which formats the signatures when it is there
            installed = "none"
        digest.update(f"{dist}={installed}".encode())
    templates = overrides / "mkdocstrings"
    for path in sorted(templates.rglob("*")) if templates.is_dir() else []:
        if path.is_file():
            digest.update(path.relative_to(overrides).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


class RenderCache:
    """Rendered objects on disk, one JSON file per key; ``directory=None`` turns the cache off."""

    def __init__(self, directory: Path | None, digest: str) -> None:
        self.directory = directory
        self.digest = digest
        self.hits = 0
        self.renders = 0

    def key(self, identifier: str, options: str, locale: str | None) -> str:
        data = json.dumps([identifier, options, locale, self.digest])
        return hashlib.sha256(data.encode()).hexdigest()

    def render(self, key: str, produce: Callable[[], str], headings: list[Element]) -> str:
        """The HTML of ``produce()``, from the cache when it holds ``key``; the headings the render
        appends to ``headings`` are kept with it and appended again on a hit."""
        path = None if self.directory is None else self.directory / f"{key}.json"
        if path is not None and path.is_file():
            entry = json.loads(path.read_text(encoding="utf-8"))
            for tag, attrib, text in entry["headings"]:
                element = Element(tag, attrib)
                element.text = text
                headings.append(element)
            self.hits += 1
            return entry["html"]
        before = len(headings)
        html = produce()
        self.renders += 1
        if path is not None:
            if any(len(h) for h in headings[before:]):
                return html  # a heading with child elements: not kept (mkdocstrings makes none today)
            entry = {"html": str(html), "headings": [[h.tag, dict(h.attrib), h.text] for h in headings[before:]]}
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_suffix(f".{os.getpid()}.tmp")
            partial.write_text(json.dumps(entry, ensure_ascii=False), encoding="utf-8")
            partial.replace(path)  # atomic: a concurrent build never reads half an entry
        return html
