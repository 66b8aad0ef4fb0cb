"""The site loads nothing from another host: scripts, styles, fonts, images and frames are all local."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from htmltext import read_page

pytestmark = pytest.mark.site

CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)")
IMPORT = re.compile(r"@import\s+(?:url\()?['\"]?([^'\");]+)")


def is_remote(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.netloc) or parts.scheme not in {"", "data"}


def html_files(site):
    return sorted(site.rglob("*.html"))


def test_pages_load_only_local_resources(built_site) -> None:
    offenders = []
    for path in html_files(built_site):
        html = path.read_text(encoding="utf-8")
        for tag, url in read_page(html).resources:
            if is_remote(url):
                offenders.append(f"{path.relative_to(built_site)}: <{tag}> {url}")
        # inline styles can pull fonts or images too
        for url in CSS_URL.findall(" ".join(re.findall(r"<style[^>]*>(.*?)</style>", html, flags=re.S))):
            if is_remote(url):
                offenders.append(f"{path.relative_to(built_site)}: inline CSS {url}")
    assert not offenders, "\n".join(offenders[:20])


def test_stylesheets_load_only_local_resources(built_site) -> None:
    offenders = []
    for path in built_site.rglob("*.css"):
        css = path.read_text(encoding="utf-8")
        for url in CSS_URL.findall(css) + IMPORT.findall(css):
            if is_remote(url.strip()):
                offenders.append(f"{path.relative_to(built_site)}: {url}")
    assert not offenders, "\n".join(offenders[:20])


def test_no_google_fonts_or_cdn_in_any_page(built_site) -> None:
    for path in html_files(built_site):
        html = path.read_text(encoding="utf-8")
        for host in ("fonts.googleapis.com", "fonts.gstatic.com", "cdn.jsdelivr.net", "unpkg.com", "polyfill.io"):
            assert host not in html, f"{path.relative_to(built_site)} mentions {host}"


def test_the_math_font_and_stylesheet_are_served_by_the_site(built_site) -> None:
    css = (built_site / "assets/stylesheets/studynotes.css").read_text(encoding="utf-8")
    assert 'url("../fonts/sn-math.woff2")' in css and "url('../fonts/Temml.woff2')" in css
    assert (built_site / "assets/fonts/sn-math.woff2").stat().st_size > 5_000
    assert (built_site / "assets/fonts/Temml.woff2").is_file()


@pytest.mark.parametrize("url,remote", [("https://x.org/a.js", True), ("//x.org/a.js", True), ("../a.js", False), ("data:image/png;base64,AA", False)])
def test_is_remote(url, remote) -> None:
    assert is_remote(url) is remote
