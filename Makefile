# Two entry points (see README): `make run` serves the app, `make test` runs every check.
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: run test lint chromium bench

$(VENV)/.run: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q -e .
	touch $@

# torch is the test oracle only (never a runtime dependency); 2.13.0 is the pinned CPU build.
$(VENV)/.test: pyproject.toml $(VENV)/.run
	$(PY) -m pip install -q -e ".[dev]" torch==2.13.0
	touch $@

run: $(VENV)/.run
	$(VENV)/bin/convscope serve --host $(HOST) --port $(PORT)

# Browser tests drive Debian's chromium; install it when missing (needs root, as on CI).
chromium:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver; }

lint: $(VENV)/.test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy
	$(VENV)/bin/hadolint --failure-threshold error Dockerfile

test: lint chromium
	$(PY) -m pytest -q -p no:cacheprovider --durations=10

bench: $(VENV)/.test chromium
	for b in conv stream images frontend; do $(PY) benchmarks/bench_$$b.py || exit 1; done
