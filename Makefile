# Library Kiosk: the two commands of the README (`make run`, `make test`) and what they need.
# Every target does its own set-up and is quick when nothing changed.

SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV      := .venv
VPY       := $(VENV)/bin/python
KIOSK     := $(VENV)/bin/kiosk
STAMPS    := $(VENV)/.stamps
VAR       := var
DEMO_DB   := $(VAR)/demo-library.sqlite
# the committed translations and the .qm files the build compiles from them (git ignores those)
TS_FILES  := $(wildcard resources/translations/kiosk_*.ts)
QM_FILES  := $(TS_FILES:.ts=.qm)
# python3.13 when it really runs (a pyenv shim may exist without the version), else python3.
PYTHON    ?= $(shell for p in python3.13 python3; do $$p -c 'import sys; assert sys.version_info >= (3, 11)' >/dev/null 2>&1 && { command -v $$p; break; }; done)

.PHONY: help run test lint typecheck contracts pytest system-deps venv demo-db translations wheel deb bench clean

help:
	@echo "make run   - the kiosk on the embedded demo library with simulated devices"
	@echo "make test  - the whole test suite (lint, types, import contracts, tests)"
	@echo "make bench - the benchmarks (long; JSON in benchmarks/results/)"
	@echo "make wheel - the wheel, with the compiled translations, in dist/"
	@echo "make deb   - the Debian package (lintian-checked) in build/deb/"

# ---------------------------------------------------------------- set-up
$(STAMPS)/system: tools/setup-system.sh
	@bash tools/setup-system.sh
	@mkdir -p $(STAMPS) && touch $@

$(STAMPS)/venv: pyproject.toml $(STAMPS)/system
	@test -n "$(PYTHON)" || { echo "No python3 (3.11 or newer) found; install python3 and python3-venv." >&2; exit 1; }
	@test -x $(VPY) || $(PYTHON) -m venv $(VENV)
	@$(VPY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	@$(VPY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@mkdir -p $(STAMPS) && touch $@

system-deps: $(STAMPS)/system
venv: $(STAMPS)/venv

$(DEMO_DB): | $(STAMPS)/venv
	@mkdir -p $(VAR)
	@$(KIOSK) library init --db sqlite:///$(DEMO_DB) --quiet
	@$(KIOSK) library seed --db sqlite:///$(DEMO_DB) --quiet

demo-db: $(DEMO_DB)

# Compiled by PySide6's own lrelease (no system Qt tools); leaves unfinished messages out.
# `$(VPY) tools/translations.py` (no --compile) extracts new strings into the .ts files.
resources/translations/kiosk_%.qm: resources/translations/kiosk_%.ts tools/translations.py | $(STAMPS)/venv
	@$(VPY) tools/translations.py --compile --quiet --languages $*

translations: $(QM_FILES)

# ---------------------------------------------------------------- the two commands
run: $(DEMO_DB) translations
	@# Brings an older demo database up to the newest schema (a no-op when it is current).
	@$(KIOSK) library init --db sqlite:///$(DEMO_DB) --quiet
	@$(KIOSK) run --demo --db sqlite:///$(DEMO_DB)

test: $(STAMPS)/venv lint typecheck contracts pytest

lint: $(STAMPS)/venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: $(STAMPS)/venv
	$(VENV)/bin/mypy

contracts: $(STAMPS)/venv
	$(VENV)/bin/lint-imports

pytest: $(STAMPS)/venv translations
	QT_QPA_PLATFORM=offscreen $(VENV)/bin/pytest

# ---------------------------------------------------------------- opt-in
wheel: $(STAMPS)/venv translations
	$(VPY) -m build --wheel --no-isolation --outdir dist

deb: $(STAMPS)/venv translations
	PY=$(VPY) packaging/build-deb.sh

bench: $(STAMPS)/venv
	@mkdir -p benchmarks/results
	$(KIOSK) bench all --json benchmarks/results/latest.json

clean:
	rm -rf $(VENV) .venv-emupos $(VAR) build dist .pytest_cache .mypy_cache .ruff_cache
	rm -f $(QM_FILES)
