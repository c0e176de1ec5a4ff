# Two commands set everything up on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_OUT ?= demo-out

.PHONY: demo test lint bench clean

# (Re)install when pyproject.toml changes; creates the venv when missing.
# WeasyPrint subsets fonts faster with HarfBuzz-Subset: installed from Debian's packages
# where this runs as root with apt, skipped (with a note) elsewhere.
$(STAMP): pyproject.toml
	@ldconfig -p 2>/dev/null | grep -q libharfbuzz-subset || \
		{ [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null && \
		  apt-get install -y -qq libharfbuzz-subset0 >/dev/null 2>&1; } || \
		echo "note: libharfbuzz-subset0 not installed (PDF fonts are subset more slowly)"
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

# Heavy runs live here, not in the test suite (see README "Benchmark" sections).
bench: $(STAMP)
	$(BIN)/python bench/class_scale.py --students 300 --jobs 2
	$(BIN)/python bench/sandbox_bench.py
	$(BIN)/python bench/groups_bench.py --students 300 --jobs 2
	$(BIN)/python bench/bench_reference.py vit --device auto --n-train 512 --n-val 256

clean:
	rm -rf $(DEMO_OUT) .pytest_cache
