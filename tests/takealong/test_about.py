"""The site tells the truth about itself: its license and citation files agree with the package, the about
page names what a reader can take along, every page links its language's feed, and Pages publishes with
the repository's address and the offline zip of the same commit."""

from __future__ import annotations

import re
import tomllib

import pytest
import yaml

import studynotes
from sitetools import LANGS, ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_the_license_file_covers_code_and_text_as_pyproject_says() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert PYPROJECT["license"] == "MIT"
    assert "MIT License" in text and "Permission is hereby granted, free of charge" in text
    assert "CC BY 4.0" in text and "creativecommons.org/licenses/by/4.0" in text
    assert "CS231n" in text and "Statistics 110" in text  # what neither license covers


def test_citation_file_is_valid_cff_and_agrees_with_the_package() -> None:
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    # CFF 1.2.0: these keys are required, and authors are persons (family-names/given-names) or entities (name)
    assert cff["cff-version"] == "1.2.0"
    assert isinstance(cff["message"], str) and cff["message"].strip()
    assert isinstance(cff["title"], str) and cff["title"].strip()
    assert cff["authors"] and all(isinstance(a, dict) and (a.get("name") or a.get("family-names")) for a in cff["authors"])
    known = {"abstract", "authors", "cff-version", "date-released", "doi", "identifiers", "keywords", "license",
             "license-url", "message", "preferred-citation", "references", "repository", "repository-artifact",
             "repository-code", "title", "type", "url", "version", "commit", "contact"}
    assert set(cff) <= known, set(cff) - known
    assert cff["type"] in ("software", "dataset")
    assert cff["version"] == PYPROJECT["version"]
    assert cff["url"] == studynotes.SITE_URL
    assert PYPROJECT["license"] in cff["license"] and "CC-BY-4.0" in cff["license"]
    owner, name = re.fullmatch(r"https://([^.]+)\.github\.io/([^/]+)/", studynotes.SITE_URL).groups()
    assert cff["repository-code"] == f"https://github.com/{owner}/{name}"


def test_pages_builds_with_its_own_repository_and_publishes_the_offline_copy_of_the_same_commit() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    runs = [step.get("run", "") for step in steps]
    offline, build = runs.index("make offline"), runs.index("make build")
    assert offline < build  # the zip is made first, in the same job, from the same checkout
    for index in (offline, build):
        assert steps[index]["env"]["STUDYNOTES_REPO_URL"] == "https://github.com/${{ github.repository }}"
    assert steps[build]["env"]["STUDYNOTES_OFFLINE_ZIP"] == "studynotes-offline.zip"
    assert steps[build]["env"]["STUDYNOTES_SITE_URL"] == steps[offline]["env"]["STUDYNOTES_SITE_URL"]


@pytest.mark.parametrize("lang", LANGS)
def test_the_about_page_describes_todays_site(built_site, lang) -> None:
    root = built_site if lang == "ko" else built_site / "en"
    html = (root / "about" / "index.html").read_text(encoding="utf-8")
    for anchor in ("take-it-along", "license-and-citation"):
        assert f'id="{anchor}"' in html, anchor
    for word in ("Jupyter", "Anki", ".apkg", "Atom", "make offline", "CC BY 4.0", "MIT",
                 "CITATION.cff", studynotes.SITE_URL):
        assert word in html, word
    assert "HTML holding an SVG" not in html and "SVG가 담긴 HTML" not in html  # what examples printed once
    feed = re.search(r'<a class="sn-feed-link" href="([^"]+)"', html)  # the footer's, named by the list above
    assert feed and (root / "about" / feed.group(1)).resolve() == (root / "feed.xml").resolve()


@pytest.mark.parametrize("lang", LANGS)
def test_every_page_links_its_feed_in_the_footer(built_site, lang) -> None:
    root = built_site if lang == "ko" else built_site / "en"
    pages = [p for p in root.rglob("index.html") if lang == "en" or "en" not in p.relative_to(root).parts]
    assert len(pages) >= 10
    for page in pages:
        html = page.read_text(encoding="utf-8")
        footer = html[html.index('<footer class="md-footer">'):]
        links = re.findall(r'<a class="sn-feed-link" href="([^"]+)" type="application/atom\+xml" hreflang="(\w+)">', footer)
        assert [hreflang for _, hreflang in links] == [lang], page
        assert (page.parent / links[0][0]).resolve() == (root / "feed.xml").resolve(), page


def test_the_404_page_links_both_feeds(built_site, site_url) -> None:
    html = (built_site / "404.html").read_text(encoding="utf-8")
    links = dict((lang, href) for href, lang in re.findall(
        r'<a class="sn-feed-link" href="([^"]+)" type="application/atom\+xml" hreflang="(\w+)">', html))
    # the 404 page answers any address, so its links are absolute paths from the site's root
    path = re.sub(r"^https?://[^/]+", "", site_url).rstrip("/")
    assert links == {"ko": f"{path}/feed.xml", "en": f"{path}/en/feed.xml"}
    assert (built_site / "feed.xml").is_file() and (built_site / "en" / "feed.xml").is_file()
