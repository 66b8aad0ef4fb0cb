"""Navigation as a reader meets it: each post's date and category under its title, the category pages,
the footer's previous/next inside each course, and the glossary (one row per term, links that land)."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from htmltext import read_page
from sitetools import LANGS, ROOT, built_page

sys.path.insert(0, str(ROOT / "hooks"))
from studynotes_site.listings import HOME_POSTS  # noqa: E402

pytestmark = pytest.mark.site
DOCS = ROOT / "docs"


def front_matters(lang: str) -> dict[str, dict]:
    """Every post's front matter in ``lang``, read here with plain YAML."""
    out = {}
    for path in sorted((DOCS / "posts").glob(f"*.{lang}.md")):
        text = path.read_text(encoding="utf-8")
        out[path.name.split(".")[0]] = yaml.safe_load(text.split("\n---", 1)[0].removeprefix("---\n"))
    return out


def newest_first(lang: str) -> list[str]:
    metas = front_matters(lang)
    return sorted(metas, key=lambda s: (metas[s]["date"], metas[s].get("order", 0)), reverse=True)


def resolve(page: Path, href: str) -> tuple[Path, str]:
    parts = urlsplit(href)
    target = (page.parent / unquote(parts.path)).resolve()
    return (target / "index.html" if parts.path.endswith("/") or target.is_dir() else target), parts.fragment


def footer_links(html: str) -> dict[str, str]:
    return {rel: href for href, rel in re.findall(r'<a href="([^"]*)" class="md-footer__link md-footer__link--(prev|next)"', html)}


@pytest.mark.parametrize("lang", LANGS)
def test_each_post_shows_its_date_and_category_under_the_title(built_site, lang) -> None:
    for slug, meta in front_matters(lang).items():
        page = built_page(built_site, f"posts/{slug}", lang)
        html = page.read_text(encoding="utf-8")
        after_title = html[html.index("</h1>") :]
        meta_line = re.search(r'<p class="sn-post__meta">(.*?)</p>', after_title, re.S)
        assert meta_line and after_title.index(meta_line.group(0)) < after_title.index("<p", 1) + 1, f"{slug}: no meta line right under the title"
        assert f'<time datetime="{meta["date"].isoformat()}">' in meta_line.group(1), slug
        href = re.search(r'<a class="sn-post__category" href="([^"]+)"', meta_line.group(1)).group(1)
        target, _ = resolve(page, href)
        assert target == built_page(built_site, f"category/{meta['category']}", lang).resolve(), slug


@pytest.mark.parametrize("lang", LANGS)
def test_category_pages_list_exactly_their_posts_newest_first(built_site, lang) -> None:
    metas = front_matters(lang)
    categories = {meta["category"] for meta in metas.values()}
    assert categories == {p.name.split(".")[0] for p in (DOCS / "category").glob(f"*.{lang}.md")}
    for category in categories:
        page = built_page(built_site, f"category/{category}", lang)
        listed = re.findall(r'<h2 id="post-([a-z0-9-]+)"', page.read_text(encoding="utf-8"))
        expected = [slug for slug in newest_first(lang) if metas[slug]["category"] == category]
        assert listed == expected, category


@pytest.mark.parametrize("lang", LANGS)
def test_home_cards_link_their_category_page(built_site, lang) -> None:
    home = built_page(built_site, "index", lang)
    html = home.read_text(encoding="utf-8")
    cards = re.findall(r'<article class="sn-post-card">(.*?)</article>', html, re.S)
    assert [re.search(r'id="post-([a-z0-9-]+)"', card).group(1) for card in cards] == newest_first(lang)[:HOME_POSTS]
    for card in cards:
        slug = re.search(r'id="post-([a-z0-9-]+)"', card).group(1)
        href = re.search(r'<a class="sn-post-card__category" href="([^"]+)"', card).group(1)
        assert resolve(home, href)[0] == built_page(built_site, f"category/{front_matters(lang)[slug]['category']}", lang).resolve()


def menu_courses() -> dict[str, list[str]]:
    """Each course as mkdocs.yml's menu lists it: its category page, then its posts (read here with plain YAML)."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = yaml.safe_load(text[text.index("\nnav:"):])["nav"]
    courses = {}

    def walk(items):
        for item in items:
            for value in item.values() if isinstance(item, dict) else []:
                if isinstance(value, list):
                    pages = [v for v in value if isinstance(v, str)]
                    if pages and pages[0].startswith("category/"):
                        courses[pages[0]] = [p.removesuffix(".md") for p in pages]
                    walk(value)

    walk(nav)
    return courses


@pytest.mark.parametrize("lang", LANGS)
def test_footer_stays_inside_each_course(built_site, lang) -> None:
    courses = menu_courses()
    assert {"category/cs231n.md", "category/stat110.md", "category/ml.md"} <= set(courses)
    assert courses["category/cs231n.md"][1:3] == ["posts/cs231n-lecture-6", "posts/cs231n-lecture-7"]
    for order in courses.values():
        for i, name in enumerate(order):
            page = built_page(built_site, name, lang)
            links = footer_links(page.read_text(encoding="utf-8"))
            expected = {"prev": order[i - 1] if i else None, "next": order[i + 1] if i + 1 < len(order) else None}
            for rel, want in expected.items():
                got = resolve(page, links[rel])[0] if rel in links else None
                assert got == (built_page(built_site, want, lang).resolve() if want else None), f"{name} {rel}"


@pytest.mark.parametrize("lang", LANGS)
def test_home_page_has_the_site_menu(built_site, lang) -> None:
    html = built_page(built_site, "index", lang).read_text(encoding="utf-8")
    sidebar = html[html.index('class="md-sidebar md-sidebar--primary"') : html.index('class="md-content"')]
    assert 'data-md-component="sidebar"' in html and "hidden" not in sidebar[:200]
    for page in ("glossary", "api", "about"):
        assert f'href="{page}/"' in sidebar or f'href="./{page}/"' in sidebar, page


@pytest.mark.parametrize("lang", LANGS)
def test_glossary_has_one_row_per_term_and_its_links_land(built_site, lang) -> None:
    page = built_page(built_site, "glossary", lang)
    html = page.read_text(encoding="utf-8")
    table = html[html.index("<table>") : html.index("</table>")]
    terms = [re.sub(r"<[^>]+>", "", t) for t in re.findall(r"<tr>\s*<td><strong(?: id=\"g-[\w-]+\")?>(.*?)</strong></td>", table, re.S)]
    assert len(terms) == len(set(terms)), sorted(t for t in terms if terms.count(t) > 1)
    listed = {e[lang] for yml in (DOCS / "glossary").glob("*.yml") for e in yaml.safe_load(yml.read_text(encoding="utf-8"))}
    assert len(terms) == len(listed)
    links = [href for href in read_page(table).links if "posts/" in href]
    assert len(links) >= len(terms)
    anchored = 0
    ids: dict[Path, set[str]] = {}  # each linked post is read once, not once per link
    for href in links:
        target, fragment = resolve(page, href)
        assert target.is_file(), href
        if fragment:
            anchored += 1
            if target not in ids:
                ids[target] = set(read_page(target.read_text(encoding="utf-8")).ids)
            assert fragment in ids[target], href
    assert anchored > 0.8 * len(links)  # nearly every use is linked at its section
    # math in the notes is rendered (MathML), not left as raw text
    assert table.count("<math ") >= 40 and "e^{-x}" not in re.sub(r"<math .*?</math>", "", table)


@pytest.mark.parametrize("lang", LANGS)
def test_home_links_the_archive_and_every_category_with_its_count(built_site, lang) -> None:
    home = built_page(built_site, "index", lang)
    html = home.read_text(encoding="utf-8")
    more = re.search(r'<p class="sn-post-more">(.*?)</p>', html, re.S).group(1)
    archive = re.search(r'<a class="sn-post-more__archive" href="([^"]+)"', more).group(1)
    assert resolve(home, archive)[0] == built_page(built_site, "archive", lang).resolve()
    metas = front_matters(lang)
    assert f">{ {'ko': f'전체 글 {len(metas)}편', 'en': f'All {len(metas)} posts'}[lang]}<" in more
    for category in {m["category"] for m in metas.values()}:
        href, count = re.search(rf'<a href="([^"]*category/{category}/)">[^<]*</a> (\d+)', more).groups()
        assert resolve(home, href)[0] == built_page(built_site, f"category/{category}", lang).resolve()
        assert int(count) == sum(m["category"] == category for m in metas.values())


@pytest.mark.parametrize("lang", LANGS)
def test_archive_lists_every_post_once_under_its_year_newest_first(built_site, lang) -> None:
    archive = built_page(built_site, "archive", lang)
    html = archive.read_text(encoding="utf-8")
    metas = front_matters(lang)
    listed, year = [], None
    for heading, item in re.findall(r'<h2 id="year-(\d+)"|<li><time datetime="[^"]+">.*?</time> <a href="([^"]+)"', html):
        if heading:
            year = int(heading)
            continue
        page, _ = resolve(archive, item)
        slug = page.parent.name
        assert page == built_page(built_site, f"posts/{slug}", lang).resolve() and page.is_file()
        assert metas[slug]["date"].year == year, slug
        listed.append(slug)
    assert listed == newest_first(lang)
