# Two commands for a fresh clone: `make serve` (preview with live reload) and `make test`.
# Python packages come from uv.lock (uv sync --locked): the site needs the `docs` group, the tests add `test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
# Dates in the sitemap come from the last commit, not the clock: the same commit builds the same site.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
# uv installs into $(VENV) with the interpreter named by $(PYTHON); it never downloads a Python.
export UV_PROJECT_ENVIRONMENT := $(VENV)
export UV_PYTHON_DOWNLOADS := never

# uv itself: the one on PATH, else a pinned copy installed with pip into .tools/
UV_VERSION := 0.13.9
UV ?= $(shell command -v uv 2>/dev/null)
ifeq ($(UV),)
UV := .tools/bin/uv
endif
UV_DEP := $(filter .tools/bin/uv,$(UV))
SYNC := $(UV) sync --locked --python $(PYTHON) --inexact --no-default-groups

# torch is not in the lock (uv would pick the CUDA build): the oracle script and CI install the CPU
# build with pip. Set TORCH_INDEX= (empty) where pip already finds a CPU wheel without it.
TORCH_VERSION := 2.13.0
TORCH_INDEX ?= https://download.pytorch.org/whl/cpu

.PHONY: install install-test serve serve-full build test quick torch oracles bench lock upgrade clean

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/python -m pip install --quiet uv==$(UV_VERSION)

# --inexact: the docs install keeps the test group (or torch) if an earlier `make test` added it.
$(VENV)/.docs: uv.lock pyproject.toml | $(UV_DEP)
	$(SYNC) --group docs
	touch $@

# --compile-bytecode: the tests start about a hundred Python processes (examples, builds, notebook kernels);
# with the bytecode written once here, none of them compiles numpy or matplotlib again (where
# PYTHONDONTWRITEBYTECODE is set, as on many CI images, each would: about 1.4 s a process here).
$(VENV)/.test: uv.lock pyproject.toml | $(UV_DEP)
	$(SYNC) --group docs --group test --compile-bytecode
	touch $@ $(VENV)/.docs

$(VENV)/.npm: package.json package-lock.json
	@mkdir -p $(VENV)
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.docs $(VENV)/.npm

install-test: install $(VENV)/.test

# --dirty: a rebuild redoes only the pages an edit touches (hooks/dirty_serve.py adds the pages whose
# snippets or package changed, gives the other pages their titles and search entries, and rebuilds every
# page when a title or front matter changes); --no-strict: a warning shows in the log and the page instead
# of stopping the preview. `make serve-full` rebuilds everything each time, as `make build` does.
SERVE_ADDR ?= 127.0.0.1:8000
serve: install
	$(BIN)/mkdocs serve --dev-addr $(SERVE_ADDR) --dirty --no-strict

serve-full: install
	$(BIN)/mkdocs serve --dev-addr $(SERVE_ADDR)

build: install
	$(BIN)/mkdocs build --strict

# -n: one test process per core (at most 4), the site built once for all of them (tests/conftest.py)
PYTEST_PROCESSES ?= auto
test: install-test
	$(BIN)/python -m pytest -n $(PYTEST_PROCESSES) --maxprocesses=4 --durations=15

# the package, the examples and the repository checks: no site build, no browser (a few minutes)
quick: install-test
	$(BIN)/python -m pytest -n $(PYTEST_PROCESSES) --maxprocesses=4 -m "not site and not browser" --durations=10

torch: install-test
	$(PYTHON) -m pip --python $(BIN)/python install --quiet --disable-pip-version-check \
		$(if $(TORCH_INDEX),--extra-index-url $(TORCH_INDEX)) torch==$(TORCH_VERSION)

# regenerate tests/optim/data/torch-trajectories.json from torch.optim
oracles: torch
	$(BIN)/python scripts/oracles.py

# PHONE=1 adds the phone reader's budgets (scripts/bench_phone.py: Lighthouse median of RUNS=3 runs and a
# 4x-slowed 390 px Chromium on every page; about an hour on an idle machine). Lighthouse is installed
# here only, from tools/bench's own lock: `make install` and `make install-test` never fetch it.
# SCALE=108: the blog with its posts copied to 6, 36 and 108 a language (scripts/bench_scale.py) instead
BENCH_TOOLS := tools/bench/node_modules/.installed
$(BENCH_TOOLS): tools/bench/package.json tools/bench/package-lock.json
	npm ci --prefix tools/bench --no-audit --no-fund --loglevel=error
	touch $@

bench: install-test $(if $(PHONE),$(BENCH_TOOLS))
ifdef SCALE
	$(BIN)/python scripts/bench_scale.py --up-to $(SCALE) --serve
else
	$(BIN)/python scripts/bench.py $(if $(COMPARE),--compare $(COMPARE)) $(if $(SETUP),--setup) $(if $(SETUP_TEST),--setup --setup-test) \
		$(if $(PHONE),--phone $(if $(RUNS),--runs $(RUNS)))
endif

# after editing pyproject.toml: update uv.lock to match it, keeping every other pin
lock: | $(UV_DEP)
	$(UV) lock

# move every Python dependency to the newest release pyproject.toml allows
upgrade: | $(UV_DEP)
	$(UV) lock --upgrade

clean:
	rm -rf site $(VENV) .tools node_modules .pytest_cache .cache

# Not part of `make test`: build with properdocs (the maintained MkDocs 1.x fork) and MkDocs, print a comparison.
# Uses $(PYTHON) if it can import properdocs; otherwise installs it into a throwaway venv under /tmp (reused).
.PHONY: properdocs-check
properdocs-check:
	$(PYTHON) scripts/properdocs_check.py --python $(PYTHON)

# Start a post in both languages: make post SLUG=stat110-lecture-21 CATEGORY=stat110 TITLE_KO='...' TITLE_EN='...'
# (DATE=YYYY-MM-DD optional; `make post` alone asks for each value). The values reach the script through the
# environment as typed: $(value ...) keeps make from expanding a `$` in a title, and no shell sees them.
POST_VARIABLES := SLUG CATEGORY TITLE_KO TITLE_EN DATE
ifneq ($(filter post,$(MAKECMDGOALS)),)
$(foreach v,$(POST_VARIABLES),$(eval override $(v) := $$(value $(v))))
export $(POST_VARIABLES)
endif
.PHONY: post
post:
	@$(PYTHON) scripts/new_post.py --from-environment

# A copy of the site that works from file:// (navigation, math, search in both languages), as the folder
# studynotes-offline/ and studynotes-offline.zip. `STUDYNOTES_OFFLINE_ZIP=studynotes-offline.zip make build`
# then publishes the zip and links it from the about page (it refuses a zip built from other sources).
.PHONY: offline
offline: install
	rm -rf studynotes-offline studynotes-offline.zip
	STUDYNOTES_OFFLINE=true $(BIN)/mkdocs build --strict -d studynotes-offline
	$(BIN)/python -m zipfile -c studynotes-offline.zip studynotes-offline/
