"""Start a new post: both languages, a glossary file, a snippet folder with one example, a navigation entry.

    make post SLUG=stat110-lecture-21 CATEGORY=stat110 \
        TITLE_KO='21. $E(XY)$와 공분산 (Covariance)' TITLE_EN='21. $E(XY)$ and Covariance'

or ``make post`` alone, which asks for each value (a title typed there is taken as it is), or

    python scripts/new_post.py --slug stat110-lecture-21 --category stat110 --title-ko '...' --title-en '...'

``make post`` hands its values to this script through the environment, unexpanded (the Makefile reads them
with ``$(value ...)``), so a title reaches the page verbatim: Hangul, TeX such as ``$E(XY)$``, quotes and
backticks; only your own shell's quoting applies (single quotes keep everything). The script checks every
value before it writes anything, and a failure of any kind removes what it had written and prints one line.

The home index, the category page, the feeds, the glossary page, the notebooks, the flashcards and the parity
tests find the post by itself; the navigation lists posts explicitly, so the post's line is added to its
category's section in mkdocs.yml: the section whose first entry is the category's page,
``category/<category>.md``. Standard library only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# category -> the line naming the lecture a post follows, in each language (the categories themselves
# are the keys of CATEGORIES in hooks/studynotes_site/posts.py; tests/takealong/test_new_post.py checks both agree)
SOURCE_LINES = {
    "stat110": {
        "ko": "이 글은 Harvard University의 Statistics 110 강의를 듣고 정리한 내용이다.",
        "en": "These notes follow Harvard University's Statistics 110 lectures.",
    },
    "cs231n": {
        "ko": "이 글은 Stanford University의 CS231n 강의를 듣고 정리한 내용이다.",
        "en": "These notes follow Stanford University's CS231n lectures.",
    },
    "ml": {"ko": "", "en": ""},
}
EXAMPLE = "x1_example"

PAGE = {
    "ko": """\
---
title: {title}
date: {date}
category: {category}
excerpt: >-
  이 글에서 다루는 내용을 두세 문장으로 요약한다. 홈 화면과 피드에 이 문장이 실린다.
---

# {heading} {{ #{slug} }}

{source}첫 문단에서 이 글이 무엇을 다루는지 밝힌다. 아래의 모든 수치는 사이트를 만들 때 예제 코드를 실행해서 얻은 것이다.

## 첫 예제 {{ #first-example }}

아래 예제는 공정한 주사위를 여러 번 던져 6이 나올 확률을 추정하고, 정확한 값 $1/6$과 나란히 보여 준다.

```python exec="1" source="tabbed-right" id="{slug}-x1" title="{example}.py"
--8<-- "{slug}/{example}.py"
```
""",
    "en": """\
---
title: {title}
date: {date}
category: {category}
excerpt: >-
  Two or three sentences on what this post covers. The home page and the feed show them.
---

# {heading} {{ #{slug} }}

{source}The first paragraph says what this post is about. Every number below comes from running the example code when the site is built.

## A first example {{ #first-example }}

The example below rolls a fair die many times, estimates the chance of a six, and shows it next to the exact value $1/6$.

```python exec="1" source="tabbed-right" id="{slug}-x1" title="{example}.py"
--8<-- "{slug}/{example}.py"
```
""",
}

SNIPPET = '''\
# A first example: the chance that a fair die shows a six, simulated next to the exact value.
import numpy as np

from studynotes.i18n import localized
from studynotes.prob import mc_estimate
from studynotes.tables import table

TEXT = localized(
    {
        "ko": dict(what="양", sim="시뮬레이션 (± 표준오차)", exact="정확한 값", six="6이 나올 확률"),
        "en": dict(what="quantity", sim="simulation (± standard error)", exact="exact", six="chance of a six"),
    }
)

rng = np.random.default_rng(1)
rolls = rng.integers(1, 7, size=100_000)
estimate = mc_estimate((rolls == 6).astype(float))
print(table([TEXT["what"], TEXT["sim"], TEXT["exact"]], [(TEXT["six"], estimate, f"{1 / 6:.4f}")]))
'''

GLOSSARY = """\
# Terms of this post for the glossary page: one entry per term, e.g.
# - ko: 표준오차
#   en: standard error
#   note_ko: 추정값이 표본마다 흔들리는 정도  (optional)
#   note_en: how much an estimate varies from sample to sample  (optional)
[]
"""


def add_to_nav(config: str, category: str, slug: str) -> str:
    """Add ``posts/<slug>.md`` as the last entry of the navigation section that lists the category's
    page ``category/<category>.md``."""
    lines = config.split("\n")
    page = f"- category/{category}.md"
    first = next((i for i, line in enumerate(lines) if line.strip() == page), None)
    if first is None:
        raise PostError(f"mkdocs.yml's nav has no section listing {page[2:]}")
    prefix = lines[first][: len(lines[first]) - len(lines[first].lstrip())] + "- "
    end = first + 1
    while end < len(lines) and lines[end].startswith(prefix):
        end += 1
    lines.insert(end, prefix + f"posts/{slug}.md")
    return "\n".join(lines)


class PostError(Exception):
    """A value the post cannot be made from; the message names it."""


def check(slug: str, category: str, title_ko: str, title_en: str) -> None:
    if not SLUG.fullmatch(slug):
        raise PostError(f"slug must be lowercase words joined by '-', got {slug!r}")
    if category not in SOURCE_LINES:
        raise PostError(f"category must be one of {sorted(SOURCE_LINES)}, got {category!r}")
    for name, title in (("title-ko", title_ko), ("title-en", title_en)):
        if not title.strip() or "\n" in title or "\r" in title:
            raise PostError(f"--{name} must be one non-empty line, got {title!r}")
        try:
            title.encode("utf-8")
        except UnicodeEncodeError:
            raise PostError(f"--{name} is not valid text (undecodable bytes), got {title!r}") from None


def create(root: Path, slug: str, category: str, title_ko: str, title_en: str, date: dt.date) -> list[Path]:
    """Write the post's files and its navigation line; on any failure, remove what was written and raise."""
    check(slug, category, title_ko, title_en)
    paths = {
        "ko": root / "docs" / "posts" / f"{slug}.ko.md",
        "en": root / "docs" / "posts" / f"{slug}.en.md",
        "glossary": root / "docs" / "glossary" / f"{slug}.yml",
        "snippet": root / "snippets" / slug / f"{EXAMPLE}.py",
    }
    existing = [p for p in paths.values() if p.exists()]
    if not paths["snippet"].exists() and paths["snippet"].parent.exists():
        existing.append(paths["snippet"].parent)
    if existing:
        raise PostError(f"already there: {', '.join(str(p.relative_to(root)) for p in existing)}")
    config_path = root / "mkdocs.yml"
    original = config_path.read_text(encoding="utf-8")
    config = add_to_nav(original, category, slug)
    texts = {}
    for lang, title in (("ko", title_ko), ("en", title_en)):
        source = SOURCE_LINES[category][lang]
        texts[lang] = PAGE[lang].format(
            title=json.dumps(title, ensure_ascii=False), heading=title, date=date.isoformat(), category=category,
            slug=slug, example=EXAMPLE, source=f'<p class="sn-source-line">{source}</p>\n\n' if source else "",
        )
    written: list[Path] = []
    try:
        for lang in ("ko", "en"):
            written.append(paths[lang])
            paths[lang].write_text(texts[lang], encoding="utf-8")
        written.append(paths["glossary"])
        paths["glossary"].write_text(GLOSSARY, encoding="utf-8")
        paths["snippet"].parent.mkdir(parents=True)
        written.append(paths["snippet"].parent)
        paths["snippet"].write_text(SNIPPET, encoding="utf-8")
        written.append(config_path)
        config_path.write_text(config, encoding="utf-8")
    except BaseException:
        for path in reversed(written):
            if path == config_path:
                config_path.write_text(original, encoding="utf-8")
            elif path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink(missing_ok=True)
        raise
    return [*paths.values(), config_path]


# make post passes its values in these variables (empty when not given)
ENVIRONMENT = {"slug": "SLUG", "category": "CATEGORY", "title_ko": "TITLE_KO", "title_en": "TITLE_EN", "date": "DATE"}
PROMPTS = {
    "slug": "slug (e.g. stat110-lecture-21): ",
    "category": f"category ({' | '.join(sorted(SOURCE_LINES))}): ",
    "title_ko": "Korean title: ",
    "title_en": "English title: ",
}


def from_environment(args: argparse.Namespace) -> None:
    """Fill the values make post passed in the environment; ask for a missing one on a terminal."""
    missing = []
    for key, variable in ENVIRONMENT.items():
        value = os.environ.get(variable, "")
        if key == "date":
            if value:
                try:
                    args.date = dt.date.fromisoformat(value)
                except ValueError:
                    raise PostError(f"DATE must be YYYY-MM-DD, got {value!r}") from None
            continue
        if not value and sys.stdin.isatty():
            value = input(PROMPTS[key])
        if not value:
            missing.append(variable)
        setattr(args, key, value)
    if missing:
        raise PostError(f"{' and '.join(missing)} not set: make post SLUG=... CATEGORY=... TITLE_KO='...' TITLE_EN='...'")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--from-environment", action="store_true",
                        help="read SLUG, CATEGORY, TITLE_KO, TITLE_EN (and DATE) from the environment (make post)")
    parser.add_argument("--slug", help="e.g. stat110-lecture-21 (files and URLs use it)")
    parser.add_argument("--category", choices=sorted(SOURCE_LINES))
    parser.add_argument("--title-ko")
    parser.add_argument("--title-en")
    parser.add_argument("--date", type=dt.date.fromisoformat, default=dt.date.today(), help="YYYY-MM-DD (default: today)")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        if args.from_environment:
            from_environment(args)
        missing = [f"--{k.replace('_', '-')}" for k in ("slug", "category", "title_ko", "title_en") if getattr(args, k) is None]
        if missing:
            parser.error(f"the following arguments are required: {', '.join(missing)}")
        created = create(args.root, args.slug, args.category, args.title_ko, args.title_en, args.date)
    except PostError as error:
        print(f"new post: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("new post: interrupted, nothing written", file=sys.stderr)
        return 1
    except Exception as error:  # noqa: BLE001 - one line, whatever went wrong: create() has removed its files
        print(f"new post: nothing written: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    for path in created:
        print(path.relative_to(args.root))
    print(f"Preview with `make serve`; the example runs with: python snippets/{args.slug}/{EXAMPLE}.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
