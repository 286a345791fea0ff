#!/usr/bin/env bash
# Basic example (reference: examples/example-basic): a child feature is recomputed when its parent's code changes.
source "$(dirname "$0")/../lib.sh"
fresh_store
push_graph
expect_project_version 490f2c18

scenario "Setup upstream data"
run_step "setup_data" example_main dev.metaxy.examples.basic.SetupData

scenario "Initial pipeline run"
run_step "initial_run" example_main dev.metaxy.examples.basic.Pipeline
assert_output "Pipeline" "Identified: 3 new samples, 0 samples with new provenance_by_field" "✅ Pipeline complete!"

scenario "Idempotent rerun"
run_step "idempotent_run" example_main dev.metaxy.examples.basic.Pipeline
assert_output "Skipping write to avoid duplicates" "No changes detected (idempotent)"

scenario "Code evolution: the parent's embeddings code version goes from 1 to 2"
apply_patch patches/01_update_parent_algorithm.env
expect_project_version c423d51a
run_step "recompute_after_change" example_main dev.metaxy.examples.basic.Pipeline
assert_output "Written 3 rows for feature examples/parent" "Identified: 3 new samples, 0 samples with new provenance_by_field" \
  "Materialized" "✅ Pipeline complete!"

scenario "Extra check (not in the reference runbook): the store is in sync with the current definitions"
run_step "status" metaxy metadata status --all-features --assert-in-sync

finish
