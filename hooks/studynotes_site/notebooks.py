"""Notebooks: a post's executed examples as a Jupyter notebook (nbformat 4), one per post and language.

`notebook` makes a title cell, a cell that installs the package if it is missing and picks the
language, then for every executed block a Markdown cell (the heading it sits under, linked) and a
code cell with the example's code (``--8<--`` includes resolved). Outputs are empty and cell ids come
from the block ids, so the same sources give the same bytes. The post's front matter is read by
`studynotes_site.posts`; ``hooks/takealong.py`` writes the files.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .posts import PostError, body

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{\s*#([A-Za-z0-9_-]+)\s*\})?\s*$")
FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,})python\b(?P<options>[^\n]*)$")
EXEC = re.compile(r'\bexec="(?:1|true)"')
OPTION = re.compile(r'\b(\w+)="([^"]*)"')
INCLUDE = re.compile(r'^\s*--8<--\s+"([^"]+)"\s*$')

TEXT = {
    "ko": {
        "setup": (
            "이 노트북은 글의 예제를 순서대로 담고 있다. 먼저 아래 셀을 실행하면 `studynotes` 패키지가 없을 때 "
            "저장소에서 설치하고, 예제가 한국어로 출력하도록 언어를 정한다. 패키지는 저장소를 받아 그 폴더에서 "
            "`pip install -e .`로 설치해도 된다."
        ),
        "setup_local": (
            "이 노트북은 글의 예제를 순서대로 담고 있다. 예제는 `studynotes` 패키지를 쓰므로, 저장소를 받아 그 "
            "폴더에서 `pip install -e .`로 먼저 설치한다. 아래 셀은 패키지가 있는지 확인하고, 예제가 한국어로 "
            "출력하도록 언어를 정한다."
        ),
        "published": "{date}에 쓴 글",
        "page": "사이트에서 읽기",
        "example": "예제",
        "no_repo": "studynotes가 설치되어 있지 않다. 저장소를 받아 그 폴더에서 pip install -e . 을 실행한 뒤 다시 시도하자.",
    },
    "en": {
        "setup": (
            "This notebook holds the post's examples in order. Run the cell below first: it installs the "
            "`studynotes` package from the repository if it is missing, and makes the examples print in English. "
            "You can also install the package from a clone of the repository with `pip install -e .`."
        ),
        "setup_local": (
            "This notebook holds the post's examples in order. They use the `studynotes` package: install it "
            "first from a clone of the repository with `pip install -e .`. The cell below checks that it is "
            "there and makes the examples print in English."
        ),
        "published": "Published {date}",
        "page": "Read it on the site",
        "example": "Example",
        "no_repo": "studynotes is not installed: clone the repository, run pip install -e . in it, and try again.",
    },
}



@dataclass
class Example:
    """One executed block of a post: where it sits and the code it runs."""

    block_id: str
    title: str
    heading: str
    anchor: str
    code: str
    includes: list[str] = field(default_factory=list)


def examples(markdown: str, snippets_dir: Path) -> list[Example]:
    """The executed Python blocks of a page, in order, with the heading each sits under.

    A block's ``--8<-- "path"`` lines are replaced by the snippet file, as pymdownx.snippets does.
    """
    found: list[Example] = []
    heading, anchor = "", ""
    lines = body(markdown).splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        match = FENCE_OPEN.match(line)
        if match is None:
            fence = re.match(r"^\s*(`{3,}|~{3,})", line)
            if fence:  # skip any other fenced block whole: a '#' in it is not a heading
                close = fence.group(1)
                i += 1
                while i < len(lines) and not lines[i].strip().startswith(close):
                    i += 1
            else:
                title = HEADING.match(line)
                if title:
                    heading, anchor = title.group(2), title.group(3) or ""
            i += 1
            continue
        indent, fence, options = match.group("indent"), match.group("fence"), match.group("options")
        content: list[str] = []
        i += 1
        while i < len(lines) and lines[i].strip() != fence:
            content.append(lines[i][len(indent) :] if lines[i].startswith(indent) else lines[i].lstrip())
            i += 1
        i += 1
        if not EXEC.search(options):
            continue
        opts = dict(OPTION.findall(options))
        code: list[str] = []
        includes: list[str] = []
        for text in content:
            include = INCLUDE.match(text)
            if include:
                path = snippets_dir / include.group(1)
                if not path.is_file():
                    raise PostError(f"block {opts.get('id', '?')}: included file {include.group(1)} not found")
                includes.append(include.group(1))
                code.append(path.read_text(encoding="utf-8").rstrip("\n"))
            else:
                code.append(text)
        block_id = opts.get("id") or f"block-{len(found) + 1}"
        found.append(Example(block_id, opts.get("title", ""), heading, anchor, "\n".join(code).strip("\n"), includes))
    return found


def _cell_id(text: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-")
    return cleaned[-64:] or "cell"


def notebook(post: dict, lang: str, markdown_source: str, snippets_dir: Path, page_url: str, repository: str = ""):
    """A notebook (``nbformat.NotebookNode``) holding every executed example of one post.

    ``post`` is the front matter (``title``, ``date``, ``slug``); ``lang`` the words of the cells and
    the language the examples print in; ``snippets_dir`` where ``--8<--`` includes are looked up;
    ``page_url`` the post's address, linked from the title cell; ``repository`` the git repository the
    install cell installs from ("" when unknown: the cell then says how to install from a clone).
    """
    import nbformat

    def markdown(source: str, cell_id: str) -> dict:
        return {"cell_type": "markdown", "id": cell_id, "metadata": {}, "source": source}

    def code(source: str, cell_id: str) -> dict:
        return {"cell_type": "code", "id": cell_id, "metadata": {}, "execution_count": None, "outputs": [], "source": source}

    text = TEXT[lang]
    date = post["date"].isoformat()
    cells = [
        markdown(f"# {post['title']}\n\n{text['published'].format(date=date)} · [{text['page']}]({page_url})", "title"),
        markdown(text["setup" if repository else "setup_local"], "setup-note"),
        code(_setup_code(lang, repository, text["no_repo"]), "setup"),
    ]
    for example in examples(markdown_source, snippets_dir):
        link = f"{page_url}#{example.anchor}" if example.anchor else page_url
        label = f"{text['example']}: `{example.title}`" if example.title else text["example"]
        cells.append(markdown(f"## [{example.heading}]({link})\n\n{label}", _cell_id(example.block_id + "-md")))
        cells.append(code(example.code, _cell_id(example.block_id)))
    # Cells are plain dicts, checked once per notebook (nbformat's cell constructors validate each cell).
    return nbformat.from_dict(
        {
            "nbformat": 4,
            "nbformat_minor": 5,
            "metadata": {
                "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                "language_info": {"name": "python"},
                "studynotes": {"post": post["slug"], "lang": lang},
            },
            "cells": cells,
        }
    )


def _setup_code(lang: str, repository: str, message: str) -> str:
    """Install the package when it is missing, then pick the language the examples print in."""
    lines = ["import importlib.util", "import os"]
    if repository:
        lines += ["import subprocess", "import sys"]
    lines += ["", 'if importlib.util.find_spec("studynotes") is None:']
    if repository:
        spec = json.dumps(f"studynotes @ git+{repository}")
        lines.append(f'    subprocess.check_call([sys.executable, "-m", "pip", "install", {spec}])')
    else:
        lines.append(f"    raise ModuleNotFoundError({json.dumps(message, ensure_ascii=False)})")
    lines += ["", f"os.environ[\"STUDYNOTES_LANG\"] = {json.dumps(lang)}"]
    return "\n".join(lines)


def notebook_bytes(nb) -> bytes:
    """The notebook as nbformat writes it (validated), UTF-8, ending in a newline."""
    import nbformat

    nbformat.validate(nb)  # raises, where writes() would only log
    return (nbformat.writes(nb, version=4) + "\n").encode("utf-8")
