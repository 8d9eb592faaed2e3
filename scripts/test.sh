#!/usr/bin/env bash
# The whole test suite: linters, then every package's tests (golden files,
# gold accuracy, fuzz seed corpora, store and CLI tests). CI runs exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== go vet"
go vet ./...
echo "== gofmt"
bad=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$bad" ]; then echo "gofmt would change:"; echo "$bad"; exit 1; fi
echo "== go test"
go test -count=1 ./...
