#!/usr/bin/env bash
# Overview example (reference: examples/example-overview): push the graph, render it as Mermaid (byte for byte the
# reference's output), change the video's audio code and see which feature versions follow.
source "$(dirname "$0")/../lib.sh"
fresh_store
push_graph
expect_project_version 2f02765d

scenario "Initial feature graph"
run_step "push_graph" metaxy push
assert_output "2f02765d"
assert_stderr "Recorded at:" "Snapshot already recorded (no changes)"
run_step "render_graph" metaxy graph render --format mermaid
assert_output_equals "$EXAMPLE_DIR/expected/graph.mmd"

scenario "Code change - audio field"
apply_patch patches/01_update_audio_version.env
expect_project_version 904994fe
# The reference runs the hidden `metaxy graph-diff render latest current --format mermaid` here; the Java CLI has no
# graph-diff yet, so the example shows the same comparison (recorded 2f02765d vs. current) with a Java step.
run_step "show_changes" example_main dev.metaxy.examples.overview.ShowChanges 2f02765d
assert_output "~ example/video" "~ example/crop" "~ example/stt" "= example/face_detection" "f1526ee0 (unchanged)"
run_step "render_graph_after_change" metaxy graph render --format mermaid
assert_output_equals "$EXAMPLE_DIR/expected/graph-after-patch.mmd"

finish
