# Two commands for a fresh clone: `make serve` (preview with live reload) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# Dates in the sitemap come from the last commit, not the clock: the same commit builds the same site.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: install serve build test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml package.json package-lock.json | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[docs,test,torch]'
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed

serve: install
	$(BIN)/mkdocs serve

build: install
	$(BIN)/mkdocs build --strict

test: install
	$(BIN)/python -m pytest

bench: install
	$(BIN)/python scripts/bench.py $(if $(COMPARE),--compare $(COMPARE))

clean:
	rm -rf site $(VENV) node_modules .pytest_cache .cache

# Not part of `make test`: build with properdocs (the maintained MkDocs 1.x fork) and MkDocs, print a comparison.
# Uses $(PYTHON) if it can import properdocs; otherwise installs it into a throwaway venv under /tmp (reused).
.PHONY: properdocs-check
properdocs-check:
	$(PYTHON) scripts/properdocs_check.py --python $(PYTHON)

# Start a post in both languages: make post SLUG=stat110-lecture-21 CATEGORY=stat110 TITLE_KO="..." TITLE_EN="..."
.PHONY: post
post:
	$(PYTHON) scripts/new_post.py --slug "$(SLUG)" --category "$(CATEGORY)" --title-ko "$(TITLE_KO)" --title-en "$(TITLE_EN)"

# A copy of the site that works from file:// (navigation, math, search in both languages), as the folder
# studynotes-offline/ and studynotes-offline.zip. `STUDYNOTES_OFFLINE_ZIP=studynotes-offline.zip make build`
# then publishes the zip and links it from the about page.
.PHONY: offline
offline: install
	rm -rf studynotes-offline studynotes-offline.zip
	STUDYNOTES_OFFLINE=true $(BIN)/mkdocs build --strict -d studynotes-offline
	$(BIN)/python -m zipfile -c studynotes-offline.zip studynotes-offline/
