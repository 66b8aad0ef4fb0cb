"""The theme overrides in overrides/ stay copies of Material's templates with one change each.

When Material changes one of these templates, a test here fails and names it: copy the new version
into overrides/ and make the change again.
"""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

MATERIAL = Path(material.__file__).parent / "templates"
OVERRIDES = Path(__file__).resolve().parents[2] / "overrides"

# the footer's feed link, before Material's credit
FEED_LINK = """\
  {% endif %}
  {% if config.extra.sn_feeds %}
    {% set feeds = [(i18n_page_locale, "Atom feed" if i18n_page_locale == "en" else "Atom 피드")] if page else [("ko", "Atom 피드 (한국어)"), ("en", "Atom feed (English)")] %}
    {% for lang, label in feeds %}
      <a class="sn-feed-link" href="{{ base_url.rstrip('/') }}/{{ 'en/' if lang == 'en' else '' }}feed.xml" type="application/atom+xml" hreflang="{{ lang }}"><span class="twemoji">{% include ".icons/material/rss.svg" %}</span> {{ label }}</a> ·
    {% endfor %}
  {% endif %}
  {% if not config.extra.generator == false %}"""

# override path -> (Material's markup, what the override has instead)
PARTIALS = {
    "partials/search.html": (
        '<div class="md-search" data-md-component="search" role="dialog">',
        '<div class="md-search" data-md-component="search" role="dialog" aria-label="{{ lang.t(\'search\') }}">',
    ),
    "partials/alternate.html": (
        '<a href="{{ alt.link | url }}" hreflang="{{ alt.lang }}" class="md-select__link">',
        "<a href=\"{{ alt.link | url if page else base_url.rstrip('/') ~ '/' ~ ('' if alt.lang == config.theme.language"
        " else alt.lang ~ '/') }}\" hreflang=\"{{ alt.lang }}\" class=\"md-select__link\" target=\"_self\"{{ '' if page"
        " else ' data-sn-home' }}>",
    ),
    "partials/source.html": ('class="md-source" data-md-component="source">', 'class="md-source">'),
    "partials/copyright.html": ("  {% endif %}\n  {% if not config.extra.generator == false %}", FEED_LINK),
}


def without_leading_comment(text: str) -> str:
    return re.sub(r"\A\{#-.*?-#\}\n", "", text, flags=re.S)


@pytest.mark.parametrize("name", sorted(PARTIALS))
def test_partial_is_materials_with_one_change(name) -> None:
    original, changed = PARTIALS[name]
    theirs = without_leading_comment((MATERIAL / name).read_text(encoding="utf-8"))
    ours = without_leading_comment((OVERRIDES / name).read_text(encoding="utf-8"))
    assert theirs.count(original) == 1, f"Material's {name} changed: copy it again into overrides/"
    assert ours == theirs.replace(original, changed), f"Material's {name} changed: copy it again into overrides/"


def test_every_override_is_checked_here() -> None:
    files = {p.relative_to(OVERRIDES).as_posix() for p in OVERRIDES.rglob("*.html")}
    assert files == {*PARTIALS, "main.html", "404.html"}


def block(template: str, name: str) -> str:
    found = re.findall(rf"\{{% block {name} %\}}(.*?)\{{% endblock %\}}", template, re.S)
    assert len(found) == 1, f"block {name} appears {len(found)} times"
    return found[0]


def test_head_block_is_materials_without_the_alternate_links() -> None:
    theirs = block((MATERIAL / "base.html").read_text(encoding="utf-8"), "site_meta")
    loop = re.findall(r"\n      \{% if config\.extra\.alternate is iterable %\}\n.*?\{% endif %\}", theirs, re.S)
    assert len(loop) == 1 and 'hreflang="{{ alt.lang' in loop[0], "Material's <head> changed: copy site_meta again"
    ours = block((OVERRIDES / "main.html").read_text(encoding="utf-8"), "site_meta")
    assert ours == theirs.replace(loop[0], ""), "Material's site_meta block changed: copy it again into overrides/main.html"


def test_config_block_still_writes_base_from_base_url() -> None:
    # overrides/main.html rewrites the JSON's "base": "<base_url>" for English pages
    theirs = block((MATERIAL / "base.html").read_text(encoding="utf-8"), "config")
    assert theirs.count('"base": base_url,') == 1 and "| tojson" in theirs
    main = (OVERRIDES / "main.html").read_text(encoding="utf-8")
    assert set(re.findall(r"\{% block (\w+) %\}", main)) == {"site_meta", "config", "header", "extrahead", "scripts"}


def test_start_up_marks_are_still_materials() -> None:
    # overrides/main.html's header block sets early what Material's bundle sets when it starts, so the
    # bundle's own settings change nothing; if the bundle stops setting one of them, or the header block
    # stops being the header partial alone, the early copy has to be looked at again
    theirs = block((MATERIAL / "base.html").read_text(encoding="utf-8"), "header").strip()
    assert theirs == '{% include "partials/header.html" %}'
    bundle = next((MATERIAL / "assets" / "javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    for mark in ('classList.remove("no-js")', 'classList.add("js")', '"js-focus-visible"',
                 '"data-md-color-switching"', 'name:"color-scheme"'):
        assert mark in bundle, f"Material's bundle no longer sets {mark}"
    ours = block((OVERRIDES / "main.html").read_text(encoding="utf-8"), "header")
    assert ours.strip().startswith("{{ super() }}")
    for mark in ('classList.remove("no-js")', '"js", "js-focus-visible"', '"data-js-focus-visible"',
                 '"data-md-color-switching"', 'meta.name = "color-scheme"'):
        assert mark in ours, mark


def test_search_on_demand_runs_before_materials_bundle() -> None:
    # overrides/main.html's scripts block puts docs/javascripts/search-on-demand.js before Material's own
    # scripts block, which must still begin with the bundle (the script has to wrap what the bundle uses)
    theirs = block((MATERIAL / "base.html").read_text(encoding="utf-8"), "scripts").strip()
    assert theirs.startswith("<script src=\"{{ 'assets/javascripts/bundle.")
    ours = block((OVERRIDES / "main.html").read_text(encoding="utf-8"), "scripts")
    assert ours.index("javascripts/search-on-demand.js") < ours.index("{{ super() }}")


def test_links_resolved_before_the_bundle_as_the_bundle_resolves_them() -> None:
    # overrides/main.html's scripts block makes the page's relative links absolute before the bundle, which
    # then finds nothing to change; that holds only while instant navigation's resolve step uses the same
    # selector, the same test for "relative" and the same self-assignment
    bundle = next((MATERIAL / "assets" / "javascripts").glob("bundle.*.min.js")).read_text(encoding="utf-8")
    theirs = re.search(
        r'for\(let (\w) of \w+\("\[href\], \[src\]",\w\)\)for\(let (\w) of\["href","src"\]\)\{let (\w)=\1\.getAttribute\(\2\);'
        r"if\(\3&&!/\^\(\?:\[a-z\]\+:\)\?\\/\\//i\.test\(\3\)\)\{\1\[\2\]=\1\[\2\];break\}\}",
        bundle,
    )
    assert theirs, "Material's instant navigation no longer resolves links as overrides/main.html does"
    # the stylesheets' links at the end of <head> (Material's extrahead block is empty and comes after them),
    # the rest before the bundle
    theirs = (MATERIAL / "base.html").read_text(encoding="utf-8")
    assert "{% block extrahead %}{% endblock %}\n  </head>" in theirs
    assert theirs.index("config.extra_css") < theirs.index("{% block extrahead %}")
    main = (OVERRIDES / "main.html").read_text(encoding="utf-8")
    head, scripts = block(main, "extrahead"), block(main, "scripts")
    assert 'root.querySelectorAll("[href], [src]")' in head and "snResolveLinks(document.head);" in head
    assert "!/^(?:[a-z]+:)?\\/\\//i.test(value)" in head and "el[key] = el[key];" in head
    assert scripts.index("snResolveLinks(document);") < scripts.index("javascripts/search-on-demand.js")
