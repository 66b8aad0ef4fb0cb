"""The one regex left on finished pages: Pygments' plain-token spans. It fails loudly if Pygments
(through pymdownx.highlight, as the site uses it) stops producing the markup it removes."""

from __future__ import annotations

import re

import markdown
from studynotes_site.markup import PLAIN_TOKEN, page_name, strip_plain_tokens

FENCE = "```python\ndef f( a ,\n        b):  # a comment\n    return a \\\n        + sum(b, 'done')\n```\n"


def highlighted() -> str:
    return markdown.markdown(FENCE, extensions=["pymdownx.highlight", "pymdownx.superfences"])


def text_of(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_pygments_still_wraps_names_punctuation_and_spaces() -> None:
    html = highlighted()
    for token in "npw":
        assert f'<span class="{token}">' in html, f"Pygments no longer emits class {token!r}: update PLAIN_TOKEN"
    assert len(PLAIN_TOKEN.findall(html)) >= 10


def test_stripping_keeps_the_text_and_the_coloured_tokens() -> None:
    html = highlighted()
    stripped = strip_plain_tokens(html)
    assert text_of(stripped) == text_of(html)
    assert not re.search(r'<span class="[npw]">', stripped)
    for kept in ("k", "c1", "s1", "nb", "o"):  # keywords, comments, strings, builtins keep their colour
        assert f'<span class="{kept}">' in stripped
    assert len(stripped) < len(html)


def test_page_name_is_the_same_in_every_language() -> None:
    assert page_name("posts/stat110-lecture-20.ko.md") == page_name("posts/stat110-lecture-20.en.md") == "posts/stat110-lecture-20"
    assert page_name("index.en.md") == "index"
