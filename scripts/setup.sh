#!/usr/bin/env bash
# Installs what a fresh machine lacks for InfraDrift's tests and demo, and nothing more:
#   Debian packages: chromium (browser tests), prometheus + promtool (integration tests, demo),
#                    prometheus-alertmanager (alerting end-to-end test, demo)
#   npm packages:    `npm ci` when node_modules is missing or older than package-lock.json
# With --bench (or INFRADRIFT_BENCH_PYTHON=1) also what `npm run bench -- reference` compares against:
#   Debian packages: python3-numpy, python3-scipy, python3-pandas (bench/reference/reference.py)
# Safe to run again: it skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

bench_python=${INFRADRIFT_BENCH_PYTHON:-0}
for arg in "$@"; do
  case "$arg" in
    --bench) bench_python=1 ;;
    *)
      echo "setup: unknown option $arg (known: --bench)" >&2
      exit 2
      ;;
  esac
done

missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
command -v prometheus-alertmanager >/dev/null 2>&1 || [ -x /usr/bin/prometheus-alertmanager ] || missing+=(prometheus-alertmanager)
if [ "$bench_python" = 1 ]; then
  # The references run under Debian's /usr/bin/python3 (not a virtualenv), as bench/lib/python.ts expects.
  for module in numpy scipy pandas; do
    /usr/bin/python3 -c "import $module" >/dev/null 2>&1 || missing+=("python3-$module")
  done
fi

if ((${#missing[@]})); then
  if [ "$(id -u)" = 0 ]; then
    echo "setup: installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  elif command -v sudo >/dev/null 2>&1; then
    echo "setup: installing Debian packages with sudo: ${missing[*]}"
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "setup: please install these Debian packages: ${missing[*]} (apt-get install ${missing[*]})" >&2
    exit 1
  fi
fi

# Keyed on the lock file's content, not its time: a fresh checkout or a merge makes the lock file look new
# although nothing changed, and a needless `npm ci` costs a minute and deletes node_modules under running tools.
stamp=node_modules/.infradrift-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f node_modules/.package-lock.json ] || [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" >"$stamp"
fi
