# Two commands matter: `make run` and `make test`. Everything they need is installed here.
PY := .venv/bin/python
PIP := $(PY) -m pip
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-dev chromium messages train-ner lint bench clean

.venv/bin/python:
	@python3 -m venv .venv 2>/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "python3-venv is missing: installing it with apt-get"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv && python3 -m venv .venv; \
	  else echo "Cannot create .venv: install python3-venv (sudo apt-get install python3-venv)" >&2; exit 1; fi; }
	$(PIP) install -q --upgrade pip

install: .venv/bin/python
	$(PIP) install -q -r requirements.txt
	@# The NER model's static floret vectors (CC4R licence); its spaCy<3.7 pin does not apply to the vectors alone.
	$(PIP) install -q --no-deps ro-legal-fl==3.6.1

install-dev: .venv/bin/python
	$(PIP) install -q -r requirements-dev.txt

# Browser tests drive Debian's Chromium, never a downloaded browser.
chromium:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "NOTE: /usr/bin/chromium is missing and we are not root: browser tests will be SKIPPED (sudo apt-get install chromium)."; fi

# Compile the interface translations (.po -> .mo) with Babel: pure Python, no gettext needed.
messages: install
	$(PY) -m babel.messages.frontend compile -d locale -D django

run: install messages
	$(PY) manage.py migrate --noinput
	$(PY) manage.py collectstatic --noinput -v 0
	$(PY) manage.py import_articles --publish samples/
	$(PY) manage.py create_demo_editor
	@echo "Serving on http://$(HOST):$(PORT)/"
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install-dev chromium messages
	$(PY) manage.py collectstatic --noinput -v 0
	$(PY) -m pytest

lint: install-dev
	$(PY) -m ruff check .

# Retrain the shipped Romanian NER model from the RONEC corpus (see README).
RONEC ?= ../shared/data/ronec
train-ner: install
	$(PY) -m reader.extraction.ner.train --ronec $(RONEC) --out reader/extraction/ner/model

clean:
	rm -rf staticfiles .pytest_cache
