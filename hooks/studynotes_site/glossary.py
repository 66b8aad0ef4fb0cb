"""The glossary: one table per post from ``docs/glossary/<slug>.yml``, oldest post first.

Each file is a list of entries with ``ko`` and ``en`` (required) and ``note_ko``/``note_en``; a page
containing `GLOSSARY_MARKER` gets the tables in its language, sorted by the term in that language.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .posts import collect_posts

GLOSSARY_MARKER = "<!-- glossary -->"
GLOSSARY_HEADERS = {"ko": ("한국어", "English", "설명"), "en": ("English", "한국어", "Note")}


class GlossaryError(ValueError):
    """A glossary file has no post or an incomplete entry; the message names it."""


def check_entries(slug: str, entries: list) -> None:
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or not entry.get("ko") or not entry.get("en"):
            raise GlossaryError(f"glossary/{slug}.yml entry {i} needs both 'ko' and 'en'")


def render_table(entries: list[dict], lang: str) -> str:
    """One post's entries as a Markdown table in ``lang``: the term, its translation, the note."""
    head = GLOSSARY_HEADERS[lang]
    other = "en" if lang == "ko" else "ko"
    rows = [f"| {head[0]} | {head[1]} | {head[2]} |", "|---|---|---|"]
    for entry in sorted(entries, key=lambda e: e[lang].lower()):
        rows.append(f"| **{entry[lang]}** | {entry[other]} | {entry.get('note_' + lang, '')} |")
    return "\n".join(rows)


def render_glossary(docs_dir: Path, lang: str) -> str:
    """Every post's table under a heading linking to the post, oldest post first."""
    posts = collect_posts(docs_dir, lang)
    titles = {p["slug"]: p["title"] for p in posts}
    order = [p["slug"] for p in posts][::-1]  # oldest post first
    files = {p.stem: p for p in (docs_dir / "glossary").glob("*.yml")}
    unknown = sorted(set(files) - set(titles))
    if unknown:
        raise GlossaryError(f"glossary files without a post: {', '.join(unknown)}")
    sections = []
    for slug in [s for s in order if s in files]:
        entries = yaml.safe_load(files[slug].read_text(encoding="utf-8")) or []
        check_entries(slug, entries)
        sections.append(f"## [{titles[slug]}](posts/{slug}.md) {{ #{slug} }}\n\n" + render_table(entries, lang))
    return "\n\n".join(sections)


def expand_glossary(markdown: str, docs_dir: Path, lang: str) -> str:
    """``markdown`` with `GLOSSARY_MARKER` replaced by the glossary in ``lang`` (unchanged without it)."""
    if GLOSSARY_MARKER not in markdown:
        return markdown
    return markdown.replace(GLOSSARY_MARKER, render_glossary(docs_dir, lang))
