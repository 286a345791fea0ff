#!/usr/bin/env bash
# Quickstart example (reference: examples/example-quickstart): root and downstream resolution, then an idempotent rerun.
source "$(dirname "$0")/../lib.sh"
fresh_store
push_graph
expect_project_version e5cdf3ba

scenario "Initial pipeline run"
run_step "initial_run" example_main dev.metaxy.examples.quickstart.Pipeline
assert_output "Quickstart Pipeline" "[Video] 3 new, 0 stale" "[Video] Wrote 3 samples" "[Audio] 3 new, 0 stale" \
  "[Audio] Wrote 3 samples" "✅ Pipeline complete!"

scenario "Idempotent rerun"
run_step "idempotent_run" example_main dev.metaxy.examples.quickstart.Pipeline
assert_output "[Video] 0 new, 0 stale" "[Audio] 0 new, 0 stale" "No changes detected (idempotent)"

finish
