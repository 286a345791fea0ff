#!/usr/bin/env bash
# Runs every example's run.sh (basic, aggregation, expansion, overview, quickstart) and stops at the first failure.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
started=$SECONDS
for example in basic aggregation expansion overview quickstart; do
  echo "################ examples/$example"
  "$here/$example/run.sh"
done
echo
echo "all examples passed ($((SECONDS - started)) s)"
