"""The one regex left on finished pages: Pygments' plain-token spans. It fails loudly if Pygments
(through pymdownx.highlight, as the site uses it) stops producing the markup it removes."""

from __future__ import annotations

import re
from html import escape, unescape

import markdown
from studynotes_site.markup import (
    PLAIN_TOKEN,
    defer_hidden_highlighting,
    page_name,
    strip_plain_tokens,
    unmark_tab_sets,
)

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


TABS = (
    '=== "Result"\n\n    Some result with `inline code`.\n\n'
    '=== "Source"\n\n    ```python title="x1.py"\n    ' + FENCE.split("\n", 1)[1].replace("\n", "\n    ").rstrip() + "\n\n"
)


def tabbed() -> str:
    return markdown.markdown(
        TABS,
        extensions=["pymdownx.highlight", "pymdownx.superfences", "pymdownx.tabbed"],
        extension_configs={"pymdownx.tabbed": {"alternate_style": True}},
    )


def test_tab_sets_lose_the_mark_material_sets_up() -> None:
    html = tabbed()
    assert 'class="tabbed-set tabbed-alternate" data-tabs="1:2"' in html, "pymdownx.tabbed changed its markup"
    unmarked = unmark_tab_sets(html)
    assert "data-tabs" not in unmarked and unmarked.count("tabbed-set") == html.count("tabbed-set")


def rebuilt(text: str, runs: str) -> str:
    """The highlighted code from the plain text and its runs, as source-tabs.js rebuilds it."""
    plain, out, at = unescape(text), [], 0
    for run in runs.split(" "):
        name, _, length = run.rpartition(":")
        piece = plain[at : at + int(length)]
        at += int(length)
        out.append(f'<span class="{name.replace(".", " ")}">{escape(piece, quote=False)}</span>' if name else escape(piece, quote=False))
    return "".join(out) + escape(plain[at:], quote=False)


def test_closed_tab_code_is_plain_text_with_its_highlighting_as_runs() -> None:
    html = strip_plain_tokens(tabbed())
    deferred = defer_hidden_highlighting(html)
    original = re.search(r"<pre><span></span><code>(.*?)</code></pre>", html, re.S).group(1)
    runs, code = re.search(r'<pre><span></span><code data-sn-hl="([^"]*)">(.*?)</code></pre>', deferred, re.S).groups()
    assert "<" not in code, "the closed tab's code still holds elements"
    # the text a reader copies or reads without JavaScript is the code, character for character
    assert code == text_of(original)
    assert "return a \\\n        + sum(b, 'done')" in unescape(code)
    # the runs give back every coloured token of the original
    assert unescape(rebuilt(code, runs)) == unescape(original) and '<span class="k">' in original
    assert len(deferred) < len(html)
    # the first tab's content and a page without tabs are left alone
    assert "Some result with <code>inline code</code>" in deferred
    plain = strip_plain_tokens(highlighted())
    assert defer_hidden_highlighting(plain) == plain


def test_runs_count_characters_as_the_browser_does() -> None:
    """Hangul, an escaped character and a character outside the BMP (two UTF-16 units) in one closed tab."""
    code = '<span class="s2">&quot;확률 𝔼&quot;</span> &lt; <span class="mi">1</span>'
    html = ('<div class="tabbed-block">x</div>\n<div class="tabbed-block">\n<div class="highlight"><pre><span></span>'
            f"<code>{code}</code></pre></div>")
    runs = re.search(r'data-sn-hl="([^"]*)"', defer_hidden_highlighting(html)).group(1)
    assert runs == "s2:7 3 mi:1"
