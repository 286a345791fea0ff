#!/usr/bin/env bash
# N:1 aggregation example (reference: examples/example-aggregation): only the speaker whose recordings changed is
# recomputed.
source "$(dirname "$0")/../lib.sh"
fresh_store
push_graph
expect_project_version 1661b8b7

scenario "Initial pipeline run"
run_step "run_pipeline" example_main dev.metaxy.examples.aggregation.Pipeline
assert_output "Found 4 new audio recordings" "Found 2 speakers that need embedding computation" \
  "Computing embedding for speaker s1 from 2 audio recordings" "Computing embedding for speaker s2 from 2 audio recordings" \
  "Writing embeddings for 2 speakers"

scenario "Idempotent rerun"
run_step "rerun" example_main dev.metaxy.examples.aggregation.Pipeline
assert_output "No new or changed audio recordings" "Found 0 speakers that need embedding computation"

scenario "Update one audio - only the affected speaker is recomputed"
apply_patch patches/01_update_audio_provenance.env
expect_project_version 1661b8b7
run_step "after_a1_update" example_main dev.metaxy.examples.aggregation.Pipeline
assert_output "Found 1 changed audio recordings" "Found 1 speakers that need embedding computation" \
  "Computing embedding for speaker s1 from 2 audio recordings" "Writing embeddings for 1 speakers"

scenario "Add new audio - only the affected speaker is recomputed"
apply_patch patches/02_add_audio.env
expect_project_version 1661b8b7
run_step "after_a5_added" example_main dev.metaxy.examples.aggregation.Pipeline
assert_output "Found 1 new audio recordings" "Found 1 speakers that need embedding computation" \
  "Computing embedding for speaker s1 from 3 audio recordings" "Writing embeddings for 1 speakers"

scenario "Final idempotent check"
run_step "final_rerun" example_main dev.metaxy.examples.aggregation.Pipeline
assert_output "No new or changed audio recordings" "Found 0 speakers that need embedding computation"

finish
