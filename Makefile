# copydesk: `make demo` runs the check on the seed case, `make test` runs the suite.
# Both create the project virtual environment (.venv) from pinned dependencies first.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
SEED := ../shared/cases/seed

.PHONY: install install-dev demo test lint bench eval accuracy fuzz browser clean

# requirements.lock pins what the command needs; requirements-dev.lock adds the tests, lint
# and the Spark engine (pyspark), for the targets that use them.
$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements.lock
	$(BIN)/pip install -q --no-deps -e .
	touch $@

$(DEV_STAMP): $(STAMP) requirements-dev.lock
	$(BIN)/pip install -q -r requirements-dev.lock
	touch $@

# The spelling vocabulary (wordfreq's frequencies, the spelling dictionary) as one compact
# file in the venv, so a check does not load both libraries (copydesk/lexicon/vocabulary.py).
VOCABULARY := $(VENV)/share/copydesk/vocabulary.marshal

$(VOCABULARY): $(STAMP) src/copydesk/lexicon/vocabulary.py
	$(BIN)/python -m copydesk.lexicon.vocabulary build >/dev/null

# WordNet 3.0 comes from Debian (wordnet-base, and wordnet-sense-index for sense frequencies).
WORDNET := /usr/share/wordnet/index.sense

$(WORDNET):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wordnet-base wordnet-sense-index >/dev/null

# The thesauri a spinner draws on come from Debian too (mythes-en-us, libaiksaurus-1.2-data).
THESAURI := /usr/share/mythes/th_en_US_v2.dat /usr/share/aiksaurus/words.dat

$(THESAURI):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mythes-en-us libaiksaurus-1.2-data >/dev/null

# The spinner's swaps of fixed phrases, places and titles, indexed once from the thesauri,
# WordNet, wordsegment's word pairs and GeoNames (copydesk/lexicon/thesaurus.py).
SWAPS := $(VENV)/share/copydesk/tortured.marshal

$(SWAPS): $(STAMP) $(WORDNET) $(THESAURI) src/copydesk/lexicon/thesaurus.py
	$(BIN)/python -m copydesk.lexicon.thesaurus build >/dev/null

install: $(STAMP) $(VOCABULARY) $(WORDNET) $(THESAURI) $(SWAPS)

install-dev: install $(DEV_STAMP)

# Exit code 1 means "major findings", which is what the seed article has; only 2 (an error) fails.
demo: install
	@if [ -f $(SEED)/article.txt ]; then \
	  $(BIN)/copydesk check $(SEED)/article.txt --source $(SEED)/source.txt; rc=$$?; \
	else \
	  $(BIN)/copydesk check examples/reworded.txt --source examples/original.txt; rc=$$?; \
	fi; test $$rc -le 1

# The HTML report test drives Debian's headless Chromium; install it when it is missing.
browser:
	@command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1 || \
	  { (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null) || \
	    echo "chromium could not be installed; the browser tests will be skipped"; }

# The suite, after the lint gate (ruff and mypy are pinned, so the gate is the same everywhere).
test: install-dev browser lint
	$(BIN)/python -m pytest -q

lint: install-dev
	$(BIN)/ruff check src tests bench eval
	$(BIN)/ruff format --check src tests bench eval
	$(BIN)/mypy src

bench: install-dev
	$(BIN)/python bench/check_speed.py
	$(BIN)/python bench/compare_speed.py
	$(BIN)/python bench/corpus_scale.py
	$(BIN)/python bench/cold_start.py
	$(BIN)/python bench/check_growth.py
	$(BIN)/python bench/compare_growth.py
	$(BIN)/python bench/scan_speed.py
	$(BIN)/python bench/serve_load.py

# The fuzz suite at length: every property over 1,000 mutated articles (CI runs a dozen): the
# command's, the service's JSON checks and forms (against a real `copydesk serve`) and a
# Spark scan of 1,000 damaged inputs, with the tallies of exit codes, HTTP statuses and records.
FUZZ_EXAMPLES ?= 1000

fuzz: install-dev
	COPYDESK_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -q -s -p no:cacheprovider tests/test_fuzz.py

eval: install-dev
	$(BIN)/python eval/perturbations.py
	$(BIN)/python eval/real_cases.py
	$(BIN)/python eval/faithful_copies.py
	$(BIN)/python eval/rewording.py
	$(BIN)/python eval/clean_copy.py
	$(BIN)/python eval/corroboration.py
	$(BIN)/python eval/census.py
	$(BIN)/python eval/accuracy.py

# docs/accuracy.md: every finding kind's precision and recall on the real texts in ../shared.
accuracy: install-dev
	$(BIN)/python eval/accuracy.py --write

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
