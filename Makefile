# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_OUT ?= demo-out

.PHONY: demo test lint bench clean

# (Re)install when pyproject.toml changes; creates the venv when missing.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# Grade the bundled sample submissions: submissions/<assignment>/<student>.
demo: $(STAMP)
	@for dir in submissions/*/; do \
		assignment=$$(basename $$dir); \
		$(BIN)/grader grade $$dir --assignment $$assignment --out $(DEMO_OUT)/$$assignment || exit 1; \
	done
	@echo "Reports: $$(ls -d $(DEMO_OUT)/*/index.html | tr '\n' ' ')"

test: $(STAMP)
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check grader reference tests bench scripts
	$(BIN)/ruff format --check grader reference tests bench scripts

clean:
	rm -rf $(DEMO_OUT) .pytest_cache
