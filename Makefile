# ReviewPack — the commands a user runs. `make demo` and `make test` set up what is
# missing (Debian packages), so a fresh machine with the Swift toolchain needs nothing else.
SWIFT ?= swift
SITE ?= site

.PHONY: setup build demo test bench fuzz clean

setup:
	@scripts/setup.sh

# Swift's runtime and Foundation linked in: a build starts 9 ms sooner than loading them.
build: setup
	$(SWIFT) build -c release --static-swift-stdlib --product reviewpack
	@echo "binary: .build/release/reviewpack"

# Three months of the sample, so that the archive and the previous/next links have something to show.
demo: build
	.build/release/reviewpack build --data sample-data --out $(SITE) --month 2026-08
	.build/release/reviewpack build --data sample-data --out $(SITE) --month 2026-09
	.build/release/reviewpack build --data sample-data --out $(SITE)
	@echo ""
	@echo "The sample pack is in $(SITE)/:"
	@echo "  open $(SITE)/index.html (all months) or $(SITE)/2026-10/index.html, and $(SITE)/2026-10/pack.pdf"
	@echo "The month's e-mail waits in $(SITE).outbox/2026-10/pack.eml (reviewpack send --data sample-data --dry-run)"

test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: build
	@scripts/bench.sh

# libFuzzer on the CSV reader, the value parsers and pack.yaml (FUZZ_SECONDS per harness, default 60).
fuzz: setup
	@scripts/fuzz.sh

clean:
	rm -rf .build .build-fuzz $(SITE) $(SITE).outbox
