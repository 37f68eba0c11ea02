#!/usr/bin/env bash
# `npm run test:all`: every check the project has, in the order a failure is cheapest to find:
# types, lint, validator rules, unit tests, build, validator rules on dist/, browser tests.
# Ends with one line `N passed, N failed` counting every jest test plus each non-jest step.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1

OUT=test-output
mkdir -p "$OUT"
rm -f "$OUT"/jest-*.json
step_passed=0
step_failed=0
failed_steps=()

step() {
  local name=$1
  shift
  echo
  echo "=== $name: $*"
  if "$@"; then
    step_passed=$((step_passed + 1))
  else
    step_failed=$((step_failed + 1))
    failed_steps+=("$name")
  fi
}

step typecheck npx tsc --noEmit
step eslint npx eslint --cache .
step prettier npx prettier --check --log-level warn .
step import-cycles npx tsx scripts/import-cycles.ts src
step validator-rules npx tsx scripts/validator-rules.ts
# jest's own exit code is read from its JSON report below, so a failing test is counted once.
npx jest --selectProjects unit --ci --json --outputFile="$OUT/jest-unit.json"
step build npm run build --silent
step validator-rules-dist npx tsx scripts/validator-rules.ts
npx jest --selectProjects browser --ci --runInBand --json --outputFile="$OUT/jest-browser.json"

node scripts/summarize-tests.js "$step_passed" "$step_failed" "${failed_steps[*]:-}" "$OUT"/jest-*.json
