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
echo "== PostgreSQL"
# The store tests run on SQLite and on PostgreSQL; internal/testpg starts a
# throwaway PostgreSQL 15 cluster from these binaries (or uses the server
# in DUBAN_TEST_PG_DSN). On a fresh Debian machine, install them first.
install_postgres() {
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || return 1
    sudo="sudo -n"
  fi
  command -v apt-get >/dev/null || return 1
  echo "installing postgresql-15 (apt-get)…"
  # No default cluster: the tests make their own, and a system server
  # started by the package would only hold memory and port 5432.
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-common >/dev/null &&
    $sudo sed -i 's/^#\?\s*create_main_cluster.*/create_main_cluster = false/' /etc/postgresql-common/createcluster.conf &&
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-15 >/dev/null
}
if [ -z "${DUBAN_TEST_PG_DSN:-}" ] && [ ! -x /usr/lib/postgresql/15/bin/initdb ]; then
  install_postgres || echo "could not install postgresql-15 (needs apt-get as root):" \
    "its tests will skip, or fail under CI=true" >&2
fi
if [ -x /usr/lib/postgresql/15/bin/initdb ]; then /usr/lib/postgresql/15/bin/initdb --version; fi
echo "== Chromium"
# The browser tests drive Debian's headless chromium; CJK fonts make the
# screenshots show Chinese rather than boxes.
if ! command -v chromium >/dev/null && [ -z "${DUBAN_CHROMIUM:-}" ]; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "installing chromium and fonts-noto-cjk (apt-get)…"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null ||
      echo "could not install chromium: the browser tests will skip, or fail under CI=true" >&2
  fi
fi
command -v chromium >/dev/null && chromium --version 2>/dev/null || true
echo "== LibreOffice"
# The bulletins, notices and ledger exports are opened in LibreOffice
# (converted to PDF and text) to prove another office suite reads them.
if [ ! -x /usr/bin/soffice ]; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "installing libreoffice-writer-nogui and libreoffice-calc-nogui (apt-get)…"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
        libreoffice-writer-nogui libreoffice-calc-nogui fonts-noto-cjk >/dev/null ||
      echo "could not install LibreOffice: its tests will skip, or fail under CI=true" >&2
  fi
fi
# The rendered PDFs are measured (font sizes, line spacing) with poppler.
if [ ! -x /usr/bin/pdftohtml ]; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "installing poppler-utils (apt-get)…"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends poppler-utils >/dev/null ||
      echo "could not install poppler-utils: the measures will skip, or fail under CI=true" >&2
  fi
fi
echo "== nginx"
# TestNginxSubPath runs deploy/nginx-duban.conf in Debian's nginx, started
# by the test itself (its own config, ports and pid in a temporary folder):
# the package's own service is not needed.
if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "installing nginx (apt-get)…"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx >/dev/null ||
      echo "could not install nginx: the proxy tests will skip, or fail under CI=true" >&2
  fi
fi
{ command -v nginx >/dev/null && nginx -v; } 2>&1 || { [ -x /usr/sbin/nginx ] && /usr/sbin/nginx -v 2>&1; } || true
# The systemd unit in deploy/ is checked with systemd-analyze verify.
if ! command -v systemd-analyze >/dev/null; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "installing systemd (apt-get), for systemd-analyze…"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends systemd >/dev/null ||
      echo "could not install systemd: the unit's check will fail" >&2
  fi
fi
[ -x /usr/bin/soffice ] && /usr/bin/soffice --version 2>/dev/null || true
# The several-instances test (deploy/instances_test.go) runs three duban
# behind Debian's HAProxy, with deploy/haproxy-duban.cfg.
if ! command -v haproxy >/dev/null && [ ! -x /usr/sbin/haproxy ]; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "installing haproxy (apt-get)…"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends haproxy >/dev/null ||
      echo "could not install haproxy: the several-instances test will skip, or fail under CI=true" >&2
  fi
fi
echo "== go test"
# A package's tests may pass Go's default 10 minutes on a loaded 2-core machine (the
# browser tests of internal/cli); CI as a whole must stay under 20.
go test -count=1 -timeout 18m ./...
