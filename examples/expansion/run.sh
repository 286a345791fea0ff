#!/usr/bin/env bash
# 1:N expansion example (reference: examples/example-expansion): videos split into chunks; a change to the audio
# code re-chunks every video, while face recognition (frames only) handles just the chunk ids it has not seen.
source "$(dirname "$0")/../lib.sh"
fresh_store
push_graph
expect_project_version e4f2187a

scenario "Initial pipeline run"
run_step "initial_run" example_main dev.metaxy.examples.expansion.Pipeline
assert_output "Found 3 new videos" "Found 3 new videos and 0 stale videos that need chunking" "Writing" "chunks for video" \
  "new video chunks and 0 stale video chunks that need face recognition" "Writing face recognition"

scenario "Idempotent rerun"
run_step "idempotent_run" example_main dev.metaxy.examples.expansion.Pipeline
assert_output "Found 0 new videos and 0 stale videos that need chunking" \
  "Found 0 new video chunks and 0 stale video chunks that need face recognition"

scenario "Code change - audio field only"
apply_patch patches/01_update_video_code_version.env
expect_project_version 9de76627
run_step "recompute_after_audio_change" example_main dev.metaxy.examples.expansion.Pipeline
assert_output "Found 3 new videos and 0 stale videos that need chunking" \
  "new video chunks and 0 stale video chunks that need face recognition" "Writing" "chunks for video"

scenario "Final idempotent check"
run_step "final_idempotent_check" example_main dev.metaxy.examples.expansion.Pipeline
assert_output "Found 0 new videos and 0 stale videos that need chunking" \
  "Found 0 new video chunks and 0 stale video chunks that need face recognition"

scenario "Extra check (not in the reference runbook): the store is in sync with the current definitions"
run_step "status" metaxy metadata status --all-features --assert-in-sync

finish
