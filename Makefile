# duban — common tasks. `make test` is the README's test command and what CI runs.
GO ?= go
BIN := bin/duban
# The version stamped into the binary (`duban version`): the Git tag or
# commit, "-dirty" with uncommitted changes.
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -s -w -X github.com/duban/duban/internal/buildinfo.Stamp=$(VERSION)

.PHONY: build release image run demo test test-pg lint bench fuzz fixtures screenshots clean

# A static binary (pure-Go SQLite: no cgo, no glibc), reproducible: the
# same commit and Go give the same bytes on any machine and checkout.
build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags="$(LDFLAGS)" -o $(BIN) ./cmd/duban

# Cross-builds for the platforms duban is delivered on, x86 and the
# 信创 machines (ARM: 鲲鹏/飞腾; LoongArch: 龙芯), each as static and
# reproducible as `make build`, into dist/ with their SHA256SUMS.
RELEASE_ARCHES := amd64 arm64 loong64
release:
	rm -rf dist && mkdir -p dist
	for arch in $(RELEASE_ARCHES); do \
		CGO_ENABLED=0 GOOS=linux GOARCH=$$arch $(GO) build -trimpath -ldflags="$(LDFLAGS)" -o dist/duban-$(VERSION)-linux-$$arch ./cmd/duban || exit 1; \
	done
	cd dist && sha256sum duban-* > SHA256SUMS

# Builds the container image and checks it runs as its Dockerfile says (needs
# a Docker engine, which the test machines lack, so it is not part of make test).
image:
	docker build --build-arg VERSION=$(VERSION) -t duban:$(VERSION) .
	docker run --rm duban:$(VERSION) version | grep -q '^duban $(VERSION)$$'
	docker image inspect -f '{{.Config.User}} {{json .Config.Volumes}}' duban:$(VERSION) | grep -q '^65532 .*/var/lib/duban'

run: demo

# Imports the five demo plans into ./duban-data and prints their task lists.
demo:
	$(GO) run ./cmd/duban demo

test:
	./scripts/test.sh

# Every test with PostgreSQL required: CI=true makes its tests fail, not
# skip, where PostgreSQL is missing. `make test` installs it when it can.
test-pg:
	CI=true $(GO) test -count=1 ./...

lint:
	$(GO) vet ./...
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) test -count=1 -run '^TestOpenAPI' ./internal/api

# Throughput benchmarks; figures are quoted in the README.
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./internal/...

# Longer fuzzing of the readers and parsers (the seed corpora run in `make test`).
fuzz:
	$(GO) test -run '^$$' -fuzz FuzzRead -fuzztime 60s ./internal/docread
	$(GO) test -run '^$$' -fuzz FuzzParseText -fuzztime 60s ./internal/plandoc
	$(GO) test -run '^$$' -fuzz FuzzDeadlines -fuzztime 30s ./internal/plandoc
	$(GO) test -run '^$$' -fuzz FuzzUnits -fuzztime 30s ./internal/plandoc
	$(GO) test -run '^$$' -fuzz FuzzParseICS -fuzztime 30s ./internal/workday
	$(GO) test -run '^$$' -fuzz FuzzAddWorkdays -fuzztime 30s ./internal/workday
	$(GO) test -run '^$$' -fuzz FuzzReadProgress -fuzztime 30s ./internal/report

fixtures:
	./scripts/make-format-fixtures.sh

# Remakes the README's tour (docs/screenshots) from the demo as it runs today.
screenshots:
	DUBAN_README_SHOTS=1 $(GO) test -count=1 -run TestReadmeTourInBrowser ./internal/cli

clean:
	rm -rf bin dist duban-data
