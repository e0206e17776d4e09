# Katalog Program Inklusif: the commands a site owner needs.
# `make serve` and `make test` set everything up themselves on a fresh machine.

VENV      ?= .venv
PY        := $(VENV)/bin/python
PELICAN   := $(VENV)/bin/pelican
CONTENT   ?= content
OUTPUT    ?= output
HOST      ?= 127.0.0.1
PORT      ?= 8000
PELICANOPTS ?=

TRANSLATIONS := theme/translations
PYBABEL   := $(VENV)/bin/pybabel

.PHONY: help venv test-venv html serve publish deployable test check lint browser clean docs bench \
        translations translations-extract translations-update translations-compile axe audit act outline \
        new-program new-site proposal report

help:
	@echo "make serve    build the sample catalog and serve it at http://$(HOST):$(PORT), rebuilding on change"
	@echo "make html     build the site into $(OUTPUT)/ (the old output stays if the build fails)"
	@echo "make check    only check the content and report every problem"
	@echo "make lint     the same checks, for editors and pre-commit"
	@echo "make publish  build for hosting; needs SITEURL, e.g. SITEURL=https://name.github.io/katalog"
	@echo "make deployable            fails when the built site is still the sample catalog, which is never published"
	@echo "make test     run every test, browser tests included"
	@echo "make new-program           answer a few questions to add a program"
	@echo "make new-site [ANSWERS=f]  make this catalog your library's own: its facts, places and partners; the sample removed"
	@echo "make new-site DIR=path     the same in a new, thin repository that depends on a released version of the generator"
	@echo "make report FROM=2026-10-01 TO=2026-12-31   the activity report for a period (CSV and a summary)"
	@echo "make audit SITE=folder     the accessibility gate over any folder of HTML, with reports in test-reports/"
	@echo "make act CASES=folder      the gate over the W3C ACT rules test cases: docs/act.md"
	@echo "make translations          list programs and pages not yet translated"
	@echo "make bench N=1000 PEERS=1  build time, memory and previews on N programs, and Eleventy on as many pages"
	@echo "make translations-update   collect the theme's strings into theme/translations/*/messages.po"

$(VENV)/.installed: requirements.txt
	@PY_BIN=$$(scripts/find-python) || exit 1; \
	  echo "Creating $(VENV) with $$PY_BIN"; \
	  "$$PY_BIN" -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(VENV)/.test-installed: $(VENV)/.installed requirements-test.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	@touch $@

venv: $(VENV)/.installed
test-venv: $(VENV)/.test-installed

# Theme strings: extract from the templates, merge into each language's catalog, compile.
# The build's own messages (content checks, guides' tables) live in plugins/katalog/locale, domain katalog.
KATALOG_LOCALE := plugins/katalog/locale

translations-extract: venv
	$(PYBABEL) -q extract -F babel.cfg --no-location --sort-output --omit-header -o $(TRANSLATIONS)/messages.pot .
	PYTHONPATH=plugins $(PY) -m katalog.docs --messages

translations-update: translations-extract
	$(PYBABEL) -q update -i $(TRANSLATIONS)/messages.pot -d $(TRANSLATIONS) --no-fuzzy-matching --ignore-obsolete --width=100
	$(PYBABEL) -q update -D katalog -i $(KATALOG_LOCALE)/katalog.pot -d $(KATALOG_LOCALE) --no-fuzzy-matching --ignore-obsolete --width=100

translations-compile: venv
	@$(PYBABEL) -q compile -d $(TRANSLATIONS)

# What is not yet translated, for librarians and translators.
translations: venv
	PYTHONPATH=plugins $(PY) -m katalog.translations $(CONTENT) -s pelicanconf.py

# Every build goes into $(OUTPUT).new and is swapped in only when it succeeded (plugins/katalog/build.py):
# a content problem prints the report, a fault in the generator one paragraph (details in $(OUTPUT).error.log,
# or on screen with PELICANOPTS=--debug), and $(OUTPUT)/ stays as it was.
BUILD = $(CHANGE_ENV) PYTHONPATH=plugins $(PY) -m katalog.build

html: venv translations-compile
	@$(BUILD) $(CONTENT) -o $(OUTPUT) -s pelicanconf.py --fatal warnings $(PELICANOPTS)
	@echo "Built $(OUTPUT)/"

# make check STRICT=1: warnings stop it too; with CHANGED="file ...", only warnings about those files (a pull request's).
# CHANGED also tells a build in GitHub Actions which programs to link in the job summary.
STRICT ?=
CHANGE_ENV = KATALOG_STRICT="$(STRICT)" $(if $(filter undefined,$(origin CHANGED)),,KATALOG_CHANGED_FILES="$(CHANGED)")
check: venv
	@$(CHANGE_ENV) PYTHONPATH=plugins $(PY) -m katalog.check $(CONTENT) -s pelicanconf.py

# The content checks alone, the model's and accessible writing's, without building: for editors and pre-commit.
lint: check

# The activity report for a period, for social-inclusion (TPBIS) reporting: a CSV (OUT, default
# laporan-kegiatan-FROM-TO.csv) and a summary on screen, from the programs' report blocks.
report: venv
	@[ -n "$(FROM)" ] && [ -n "$(TO)" ] || { echo "Give the period, e.g. make report FROM=2026-10-01 TO=2026-12-31"; exit 2; }
	@PYTHONPATH=plugins $(PY) -m katalog.report $(CONTENT) -s pelicanconf.py --from "$(FROM)" --to "$(TO)" $(if $(OUT),-o "$(OUT)")

# The catalog made the library's own: its facts, places and partners from questions (or ANSWERS=file.yaml, or
# ISSUE=body.md from the «Siapkan katalog» form, with REPORT=comment.md), every sample program, page and image
# removed, the proposal form and the template written again; then built. With DIR=path, a new thin repository there
# (the generator pinned as REQUIREMENT, default its release on PyPI), built with this checkout. AGAIN=1 starts over a
# catalog already made its own.
new-site: venv translations-compile
	@PYTHONPATH=plugins $(PY) -m katalog.new_site $(CONTENT) -s pelicanconf.py $(if $(ANSWERS),--answers "$(ANSWERS)") \
	  $(if $(ISSUE),--issue "$(ISSUE)") $(if $(REPORT),--report "$(REPORT)") $(if $(AGAIN),--again) \
	  $(if $(DIR),--dir "$(DIR)") $(if $(REQUIREMENT),--requirement "$(REQUIREMENT)")
ifdef DIR
	@cd "$(DIR)" && PYTHONPATH="$(abspath plugins)" "$(abspath $(PY))" -m katalog.build content -o output \
	  -s pelicanconf.py --fatal warnings && echo "Built $(DIR)/output/"
else
	@$(MAKE) --no-print-directory html
endif

# A new program from a few questions, each answer checked as it is given: content/programs/SLUG/id.md
new-program: venv
	@PYTHONPATH=plugins $(PY) -m katalog.new_program $(CONTENT) -s pelicanconf.py

# Serves the last good build and rebuilds on every change; a bad save shows the report and keeps serving.
serve: venv translations-compile
	@PYTHONPATH=plugins $(PY) -m katalog.serve $(CONTENT) -o $(OUTPUT) -s pelicanconf.py \
	  --bind $(HOST) --port $(PORT) $(PELICANOPTS)

publish: venv translations-compile
	@[ -n "$(SITEURL)" ] || { echo "Set SITEURL to the address the site will live at, e.g. make publish SITEURL=https://name.github.io/katalog"; exit 2; }
	@SITEURL="$(SITEURL)" $(BUILD) $(CONTENT) -o $(OUTPUT) -s publishconf.py --fatal warnings $(PELICANOPTS)
	@echo "Built $(OUTPUT)/ for $(SITEURL)"

# Whether OUTPUT may be published: a site that is still the sample is not (plugins/katalog/deployable.py).
deployable: venv
	@PYTHONPATH=plugins $(PY) -m katalog.deployable $(OUTPUT)

browser:
	@scripts/ensure-browser

# axe-core, pinned in tests/gate/package.json, installed from the npm registry.
AXE := tests/gate/node_modules/axe-core/axe.min.js
$(AXE): tests/gate/package.json tests/gate/package-lock.json
	@scripts/ensure-node
	npm ci --prefix tests/gate --no-audit --no-fund --silent
	@touch $@
axe: $(AXE)

# What a screen reader gets from one page: make outline PAGE=output/index.html
outline: test-venv browser
	@PYTHONPATH=tests $(PY) -m gate.outline $(PAGE)

# The accessibility gate over any folder of built HTML: make audit SITE=output
# A site built for its address (make publish SITEURL=...) is audited with the same SITEURL: served from the folder.
SITE    ?= $(OUTPUT)
REPORTS ?= test-reports
audit: test-venv browser axe
	PYTHONPATH=tests $(PY) -m gate $(SITE) --reports $(REPORTS) $(if $(SITEURL),--siteurl "$(SITEURL)") \
		$(if $(PAGE_TIME),--page-time $(PAGE_TIME))

# The gate over the W3C ACT rules test cases: per ACT rule, how consistent it is (docs/act.md, test-reports/act.json).
# CASES: a copy of the test cases (testcases.json and the pages), served as the web root.
CASES ?= ../shared/act
act: test-venv browser axe
	PYTHONPATH=tests $(PY) -m gate.act --cases "$(CASES)"

test: test-venv browser axe translations-compile
	$(PY) -m pytest $(PYTESTOPTS)

# How fast the build is (bench/README.md): N programs in every language, built cold RUNS times (median), a saved
# program's preview with make serve on PREVIEW programs, and with PEERS=1 Eleventy on as many pages (npm).
# SIZES=100,300,1000,4000 instead: one cold build at each size, for the growth table.
N       ?= 1000
RUNS    ?= 3
PREVIEW ?= 300
bench: venv translations-compile
	@$(if $(PEERS),scripts/ensure-node &&) $(PY) bench/run.py -n $(N) --runs $(RUNS) --preview $(PREVIEW) $(if $(PEERS),--peers) $(if $(SIZES),--sizes $(SIZES))

clean:
	rm -rf $(OUTPUT) $(OUTPUT).new $(OUTPUT).old $(OUTPUT).error.log cache

# The guides' field tables from the model; the issue form and the template program from the questions and content/data;
# from the sample catalog, what recognises it (plugins/katalog/sample-facts.json).
docs: venv
	PYTHONPATH=plugins $(PY) -m katalog.docs
	PYTHONPATH=plugins $(PY) -m katalog.docs --sample-facts $(CONTENT) pelicanconf.py
	PYTHONPATH=plugins $(PY) -m katalog.issue_form write $(CONTENT) -s pelicanconf.py
	PYTHONPATH=plugins $(PY) -m katalog.new_site --form -s pelicanconf.py

# A program proposed with the issue form: make proposal ISSUE=body.md REPORT=report.md writes it into $(CONTENT),
# or the report says what to correct (exit 1).
proposal: venv
	@PYTHONPATH=plugins $(PY) -m katalog.issue_form convert $(CONTENT) -s pelicanconf.py --issue "$(ISSUE)" \
	  $(if $(REPORT),--report "$(REPORT)")
