# duban — common tasks. `make test` is the README's test command and what CI runs.
GO ?= go
BIN := bin/duban

.PHONY: build run demo test test-pg lint bench fuzz fixtures screenshots clean

build:
	$(GO) build -o $(BIN) ./cmd/duban

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
	rm -rf bin duban-data
