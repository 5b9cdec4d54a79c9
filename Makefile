# The README's commands. `make demo` and `make test` work on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test test-fast e2e lint bench install install-test messages compile-messages clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

# Compiled catalogues are build output, not committed: Babel compiles them without gettext.
compile-messages: install
	@for dir in locale locale_overrides education/locale; do $(BIN)/pybabel compile --statistics -d $$dir -D django || exit 1; done

demo: install compile-messages
	$(BIN)/python manage.py migrate --no-input
	$(BIN)/python manage.py load_demo
	$(BIN)/python manage.py load_demo_lessons
	@echo ""
	@echo "Serving on http://$(HOST):$(PORT)/  (Ctrl-C to stop)"
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

# Three test processes on two cores: much of a test is waiting on PostgreSQL or the browser
# (the whole suite on PostgreSQL: 589 s with two, 550 s with three, 2026-12-07).
test: install-test compile-messages
	bash scripts/ensure-test-packages.sh
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python scripts/check_translations.py
	$(BIN)/lint-imports
	HYPOTHESIS_PROFILE=full $(BIN)/pytest --numprocesses 3

# A tenth of the property-test examples (tests/conftest.py), no browser, no worker.
test-fast: install-test
	HYPOTHESIS_PROFILE=dev $(BIN)/pytest --numprocesses 2 -m "not e2e and not integration"

e2e: install-test compile-messages
	bash scripts/ensure-test-packages.sh
	$(BIN)/pytest -m e2e

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

messages: install-test
	$(BIN)/python manage.py makemessages -l zh_Hans --no-obsolete --add-location file
	$(MAKE) compile-messages

bench: install-test
	bash bench/run.sh

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles
