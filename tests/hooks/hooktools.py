"""Helpers for the tests of the build logic: a docs folder with posts."""

from __future__ import annotations

from pathlib import Path


def write_post(docs: Path, slug: str, lang: str, **meta) -> None:
    """``docs/posts/<slug>.<lang>.md`` with ``meta`` as its front matter."""
    lines = ["---"] + [f"{k}: {v}" for k, v in meta.items()] + ["---", "", "# Body"]
    (docs / "posts").mkdir(parents=True, exist_ok=True)
    (docs / "posts" / f"{slug}.{lang}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
