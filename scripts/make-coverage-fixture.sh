#!/usr/bin/env bash
# Regenerates fixtures/tests/measured-coverage/coverage/ by running the fixture's
# own vitest test with v8 coverage once (the committed reports came from this).
set -euo pipefail
cd "$(dirname "$0")/../fixtures/tests/measured-coverage"
rm -rf coverage
../../../node_modules/.bin/vitest run --root . --coverage.enabled --coverage.provider=v8 \
  --coverage.reporter=lcov --coverage.reporter=json --coverage.reporter=json-summary \
  --coverage.include='src/**' --coverage.reportsDirectory=coverage
rm -rf coverage/lcov-report
# The JSON reports name files by absolute path: put a neutral root in place of this machine's.
sed -i "s|$PWD|/build/measured-coverage|g" coverage/coverage-final.json coverage/coverage-summary.json
