"""Hook: render caches. mkdocstrings' Python handler renders each documented object through
`studynotes_site.api_cache.RenderCache`, on disk in ``.cache/snippets/api`` (beside the executed
blocks; ``STUDYNOTES_CACHE=off`` turns them off), keyed by the package's source, the options, the
locale, the config and the renderers' versions: a build whose package did not change renders no
docstring again. The theme's templates are compiled once too: Jinja's own bytecode cache, in
``.cache/snippets/jinja``, keyed by each template's source (every build, and every rebuild under
``mkdocs serve``, compiled some eighty templates for each language, most of a small rebuild's time).
"""

from __future__ import annotations

import sys

# `mkdocs serve` loads the hook files again on every rebuild; the logic they call is loaded again too.
for _name in [n for n in sys.modules if n.partition(".")[0] == "studynotes_site"]:
    del sys.modules[_name]

import os
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocstrings_handlers.python import PythonHandler
from studynotes_site.api_cache import RenderCache, render_digest
from studynotes_site.shared_runs import source_digest

ROOT = Path(__file__).resolve().parent.parent
CACHE_ROOT = Path(os.environ.get("STUDYNOTES_CACHE_DIR", ROOT / ".cache" / "snippets"))
CACHE_DIR = CACHE_ROOT / "api"


def _cache_enabled() -> bool:
    return os.environ.get("STUDYNOTES_CACHE", "on").lower() not in {"0", "off", "false", "no"}


def _cached_render(self, data, options, locale=None):
    cache: RenderCache | None = getattr(PythonHandler, "studynotes_cache", None)
    if cache is None:
        return _cached_render.original(self, data, options, locale)
    key = cache.key(data.path, repr(options), locale)
    return cache.render(key, lambda: _cached_render.original(self, data, options, locale), self._headings)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config_file = Path(config.config_file_path)
    digest = render_digest(source_digest(ROOT / "src" / "studynotes", config_file), config_file.parent / "overrides")
    PythonHandler.studynotes_cache = RenderCache(CACHE_DIR if _cache_enabled() else None, digest)
    if not hasattr(PythonHandler.render, "original"):  # patched once per process (serve loads hooks again)
        _cached_render.original = PythonHandler.render
        PythonHandler.render = _cached_render
    return config


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    if _cache_enabled():
        (CACHE_ROOT / "jinja").mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(str(CACHE_ROOT / "jinja"))
    return env
