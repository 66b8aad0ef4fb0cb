"""API pages: back-links to the published posts become links to this build's pages; a missing post fails."""

from __future__ import annotations

import posixpath

import pytest
from studynotes_site.api_links import MissingPost, local_back_links, post_urls

SITE = "https://example.org/notes/"
PAGES = [
    ("posts/stat110-lecture-20.en.md", "en/posts/stat110-lecture-20/"),
    ("posts/stat110-lecture-20.ko.md", "posts/stat110-lecture-20/"),
    ("posts/cs231n-lecture-7.en.md", "en/posts/cs231n-lecture-7/"),
    ("api/prob.en.md", "en/api/prob/"),
    ("index.en.md", "en/"),
]


def relative_from(page_url: str):
    """MkDocs' get_relative_url for directory URLs, written out: the link from ``page_url`` to ``url``."""
    return lambda url: posixpath.relpath(url, page_url) + "/"


def test_post_urls_keep_the_posts_of_one_language() -> None:
    assert post_urls(PAGES, "en") == {"stat110-lecture-20": "en/posts/stat110-lecture-20/", "cs231n-lecture-7": "en/posts/cs231n-lecture-7/"}
    assert post_urls(PAGES, "ko") == {"stat110-lecture-20": "posts/stat110-lecture-20/"}


def test_published_links_become_local_links_in_the_page_language() -> None:
    html = (
        f'<p>Introduced in: <a href="{SITE}en/posts/stat110-lecture-20/">20. Multinomial and Cauchy</a>.</p>'
        f'<p>Introduced in: <a href="{SITE}en/posts/stat110-lecture-20/">again</a></p>'
    )
    en = local_back_links(html, SITE, post_urls(PAGES, "en"), relative_from("en/api/prob/"))
    assert en.count('href="../../posts/stat110-lecture-20/"') == 2 and SITE not in en
    ko = local_back_links(html, SITE, post_urls(PAGES, "ko"), relative_from("api/prob/"))
    assert ko.count('href="../../posts/stat110-lecture-20/"') == 2
    # the Korean page's link leads to the Korean post, the English page's to the English one
    titled = local_back_links(html, SITE, post_urls(PAGES, "ko"), relative_from("api/prob/"),
                              {"stat110-lecture-20": "20. 다항분포 & 코시분포"})
    assert titled.count('">20. 다항분포 &amp; 코시분포</a>') == 2 and "Multinomial" not in titled and "again" not in titled
    assert posixpath.normpath(posixpath.join("api/prob/", "../../posts/stat110-lecture-20/")) == "posts/stat110-lecture-20"


def test_other_links_are_left_alone() -> None:
    html = (
        '<a href="https://numpy.org/doc/">NumPy</a> <a href="../../posts/x/">x</a> '
        f'<a href="https://elsewhere.org/notes/en/posts/stat110-lecture-20/">a copy</a> <a href="{SITE}en/about/">about</a>'
    )
    assert local_back_links(html, SITE, post_urls(PAGES, "en"), relative_from("en/api/prob/")) == html


def test_a_missing_post_fails_with_its_slug() -> None:
    html = f'<a href="{SITE}en/posts/stat110-lecture-99/">gone</a>'
    with pytest.raises(MissingPost, match=r"'stat110-lecture-99'.*docs/posts/stat110-lecture-99\.<lang>\.md"):
        local_back_links(html, SITE, post_urls(PAGES, "en"), relative_from("en/api/prob/"))


def test_the_hook_maps_links_on_api_pages_only_and_fails_the_build_for_a_missing_post(tmp_path) -> None:
    """hooks/api_links.py as MkDocs calls it, with the build's files of one language."""
    from types import SimpleNamespace

    import api_links  # hooks/api_links.py (tests/hooks/conftest.py puts hooks/ on the path)
    from mkdocs.exceptions import PluginError

    from studynotes import SITE_URL

    files = SimpleNamespace(documentation_pages=lambda: [SimpleNamespace(src_uri=s, url=u) for s, u in PAGES])
    for lang, title in (("ko", "20. 다항분포 및 코시분포"), ("en", "20. Multinomial and Cauchy")):
        (tmp_path / "posts").mkdir(exist_ok=True)
        (tmp_path / "posts" / f"stat110-lecture-20.{lang}.md").write_text(
            f'---\ntitle: "{title}"\ndate: 2022-02-07\ncategory: stat110\nexcerpt: x\n---\n\n# {title}\n', encoding="utf-8")
    config = SimpleNamespace(theme={"language": "ko"}, docs_dir=str(tmp_path))

    def page(src_uri: str, url: str):
        return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri, locale=src_uri.split(".")[-2]), url=url)

    link = f'<a href="{SITE_URL}en/posts/stat110-lecture-20/">20</a>'
    # each language's page names the post by its title in that language
    assert api_links.on_page_content(link, page("api/prob.ko.md", "api/prob/"), config, files) == (
        '<a href="../../posts/stat110-lecture-20/">20. 다항분포 및 코시분포</a>'
    )
    assert api_links.on_page_content(link, page("api/prob.en.md", "en/api/prob/"), config, files) == (
        '<a href="../../posts/stat110-lecture-20/">20. Multinomial and Cauchy</a>'
    )
    # a post page keeps its published links (its print line names the post's own address)
    assert api_links.on_page_content(link, page("posts/cs231n-lecture-7.en.md", "en/posts/cs231n-lecture-7/"), config, files) == link
    # the Korean build has no Korean cs231n-lecture-7 in PAGES: the build stops and names page and post
    with pytest.raises(PluginError, match=r"api/optim\.ko\.md: .*'cs231n-lecture-7'"):
        api_links.on_page_content(link.replace("stat110-lecture-20", "cs231n-lecture-7"), page("api/optim.ko.md", "api/optim/"), config, files)
