"""The site's build logic as plain functions and small objects: no MkDocs imports, no module-level state.

The hook files next to this package (``hooks/*.py``, listed in mkdocs.yml) are the wiring: each
answers a few MkDocs events by calling these functions with the data they need. Everything here can
be tested without a build (``tests/hooks``) and reused by another builder.

- `posts`: front matter, the list of posts, the post cards and the category pages.
- `listings`: the home page's newest posts and the archive by year.
- `search_input`: what the search plugin parses of a page.
- `api_cache`: mkdocstrings' rendering of the API pages, cached.
- `glossary`: the glossary tables from ``docs/glossary/<slug>.yml``.
- `blocks`: running one executed block, keeping figures out of Markdown.
- `shared_runs`: one run per block for every language, tab labels per language, the on-disk cache.
- `report`: the build report table.
- `search`: the per-language search index and sitemap.
- `markup`: the one fix to finished HTML that no theme extension point covers.
"""
