#!/usr/bin/env bash
# bench/signin_flood.sh [-- serve flags]: build duban, start `duban serve`
# on a temporary folder and flood its sign-in (300 anonymous attempts, 60
# at a time), reporting resident memory and whether a good sign-in still
# works afterwards. See bench/signinflood/main.go.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(mktemp -d)/duban
trap 'rm -rf "$(dirname "$bin")"' EXIT
go build -o "$bin" ./cmd/duban
go run ./bench/signinflood -duban "$bin" "$@"
