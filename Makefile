# Two commands set up a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1:8000
PO := $(wildcard locale/*/LC_MESSAGES/django.po)
MO := $(PO:.po=.mo)

.PHONY: run test fuzz lint bench messages clean deploy-test

run: $(VENV)/.runtime $(MO)
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py loaddemo
	$(BIN)/python manage.py runserver $(HOST)

test: $(VENV)/.dev $(MO)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The recipe of deploy/ on loopback ports: PostgreSQL (DEPLOY_TEST_DATABASE_URL), gunicorn, the
# task worker and nginx, checked through nginx end to end; stops all it started (about a minute).
deploy-test: $(VENV)/.runtime $(MO)
	$(BIN)/python deploy/smoke_test.py

# The fuzz tests of `make test` with many more examples each (Hypothesis profile "fuzz").
fuzz: $(VENV)/.dev $(MO)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest -m fuzz $(PYTEST_ARGS)

lint: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

bench: $(VENV)/.dev $(MO)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/exchange.py
	$(BIN)/python bench/load.py
	$(BIN)/python bench/nginx.py
	$(BIN)/python bench/memory.py
	$(BIN)/python bench/scale.py

# Extract new interface strings into the catalogues (needs GNU gettext).
messages: $(VENV)/.runtime
	$(BIN)/python manage.py makemessages --locale vi --ignore '.venv/*' --ignore 'tests/*' --ignore 'bench/*' --no-obsolete
	@echo 'Translate the new strings in locale/vi/LC_MESSAGES/django.po (scripts/fill_translations.py helps).'

$(VENV)/.runtime: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@

# Babel compiles the catalogues in pure Python, so no system gettext is needed.
%.mo: %.po $(VENV)/.runtime
	$(BIN)/pybabel compile --statistics -i $< -o $@

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles tests/artifacts
