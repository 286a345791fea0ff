# Shared helpers for the examples' run.sh scripts (sourced, not run). Each run.sh replays the steps of the
# reference example's runbook (.example.yaml): Java pipeline steps, `metaxy` CLI commands, code-change "patches"
# and the output checks, on a fresh embedded DuckDB store.
#
#   METAXY_EXAMPLE_DATA_DIR   where the DuckDB file goes (default: the example's own .metaxy/, wiped first)
#   JAVA_OPTS                 passed to every JVM (default: quick-start flags, the steps are short-lived)
#   RANDOM_SEED               default 42, as the reference runner sets it

set -euo pipefail

EXAMPLE_DIR="$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)"
ROOT="$(cd "$EXAMPLE_DIR/../.." && pwd)"
EXAMPLES_TARGET="$ROOT/metaxy-examples/target"
CLI_TARGET="$ROOT/metaxy-dist/target"
STEP_OUT="$(mktemp "${TMPDIR:-/tmp}/metaxy-example-step.XXXXXX")"
STEP_ERR="$(mktemp "${TMPDIR:-/tmp}/metaxy-example-step.XXXXXX")"
STARTED_AT=$SECONDS
# Each step is a short JVM: skip the optimising JIT and use the serial collector (about a third less CPU per start).
export JAVA_OPTS="${JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"
trap 'rm -f "$STEP_OUT" "$STEP_ERR"' EXIT

fail() {
  echo "✗ $(basename "$EXAMPLE_DIR"): $*" >&2
  exit 1
}

# Builds metaxy-examples and the CLI with its stores (metaxy-dist, without packing the archives) once (and again after a pom or main source changed). The stamps are the
# ones bin/metaxy and bin/metaxy-example use, so those launchers do not rebuild afterwards.
ensure_built() {
  local stamps=("$CLI_TARGET/.metaxy-cli.built" "$EXAMPLES_TARGET/.metaxy-example.built") s needed=""
  for s in "${stamps[@]}"; do
    if [ ! -f "$s" ] || [ -n "$(find "$ROOT/pom.xml" "$ROOT"/metaxy-*/pom.xml "$ROOT"/metaxy-*/src/main -newer "$s" -print -quit 2>/dev/null)" ]; then
      needed=1
    fi
  done
  [ -f "$CLI_TARGET/dist-extra/lib/classpath" ] && [ -f "$EXAMPLES_TARGET/classpath.txt" ] || needed=1
  if [ -n "$needed" ]; then
    command -v mvn >/dev/null 2>&1 || fail "Maven (mvn) is needed to build the examples"
    echo "building metaxy-examples and metaxy-cli (once)..." >&2
    local log
    log="$(mktemp "${TMPDIR:-/tmp}/metaxy-examples-build.XXXXXX")"
    if ! (cd "$ROOT" && mvn -B -q -DskipTests -Dassembly.skipAssembly=true -pl metaxy-examples,metaxy-dist -am package) >"$log" 2>&1; then
      cat "$log" >&2
      rm -f "$log"
      fail "the build failed (output above)"
    fi
    rm -f "$log"
    touch "${stamps[@]}"
  fi
}

# A fresh store folder for this run; the example's metaxy.toml reads METAXY_EXAMPLE_DATA_DIR.
fresh_store() {
  local name
  name="$(basename "$EXAMPLE_DIR")"
  if [ -n "${METAXY_EXAMPLE_DATA_DIR:-}" ]; then
    mkdir -p "$METAXY_EXAMPLE_DATA_DIR"
    METAXY_EXAMPLE_DATA_DIR="$(cd "$METAXY_EXAMPLE_DATA_DIR" && pwd)"
    rm -f "$METAXY_EXAMPLE_DATA_DIR/example_$name.duckdb" "$METAXY_EXAMPLE_DATA_DIR/example_$name.duckdb.wal"
  else
    rm -rf "$EXAMPLE_DIR/.metaxy"
    mkdir -p "$EXAMPLE_DIR/.metaxy"
    METAXY_EXAMPLE_DATA_DIR="$EXAMPLE_DIR/.metaxy"
  fi
  export METAXY_EXAMPLE_DATA_DIR
  export RANDOM_SEED="${RANDOM_SEED:-42}"
  unset METAXY_ENTRYPOINTS METAXY_CONFIG
  echo "store: $METAXY_EXAMPLE_DATA_DIR/example_$name.duckdb"
}

# The metaxy CLI (bin/metaxy) with the example's feature classes on its classpath.
metaxy() {
  METAXY_CLASSPATH="$EXAMPLES_TARGET/classes" "$ROOT/bin/metaxy" "$@"
}

# Runs a Java main class of metaxy-examples (a pipeline step) in the example folder.
example_main() {
  local main="$1"
  shift
  # shellcheck disable=SC2086  # JAVA_OPTS is a list of options
  java ${JAVA_OPTS:-} --add-opens=java.base/java.nio=ALL-UNNAMED \
    -cp "$EXAMPLES_TARGET/classes:$(cat "$EXAMPLES_TARGET/classpath.txt")" "$main" "$@"
}

scenario() {
  echo
  echo "=== Scenario: $*"
}

# run_step DESCRIPTION COMMAND...: runs a command, shows its stdout and stderr and keeps them for the assertions.
run_step() {
  local description="$1"
  shift
  echo
  echo "--- $description"
  echo "\$ $*"
  local rc=0
  "$@" >"$STEP_OUT" 2>"$STEP_ERR" || rc=$?
  cat "$STEP_OUT"
  cat "$STEP_ERR" >&2
  [ "$rc" -eq 0 ] || fail "step '$description' exited with $rc"
}

# assert_output TEXT...: the last step's stdout contains every TEXT (the runbook's assert_output/contains).
assert_output() {
  local text
  for text in "$@"; do
    grep -qF -- "$text" "$STEP_OUT" || fail "expected the output of the last step to contain: $text"
  done
  echo "✓ output contains: $(printf '"%s" ' "$@")"
}

# assert_stderr TEXT...: the last step's stderr contains every TEXT.
assert_stderr() {
  local text
  for text in "$@"; do
    grep -qF -- "$text" "$STEP_ERR" || fail "expected the stderr of the last step to contain: $text"
  done
  echo "✓ stderr contains: $(printf '"%s" ' "$@")"
}

# assert_output_equals FILE: the last step's stdout is exactly FILE's content.
assert_output_equals() {
  if ! diff -u "$1" "$STEP_OUT" >&2; then
    fail "the output of the last step differs from $1 (diff above)"
  fi
  echo "✓ output equals $(basename "$1")"
}

# apply_patch FILE: a code or data change. Each KEY=VALUE line of the file is exported verbatim (comments and blank
# lines skipped); patches stay applied until the end, as in the reference runner. Then the graph is pushed again.
apply_patch() {
  local file="$EXAMPLE_DIR/$1" line
  [ -f "$file" ] || fail "no patch file $1"
  echo
  echo "--- apply patch $1"
  sed -n 's/^# \{0,1\}//p' "$file" | sed 's/^/    /'
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in ''|'#'*) continue ;; esac
    export "${line%%=*}=${line#*=}"
    echo "    export ${line%%=*}=${line#*=}"
  done <"$file"
  push_graph
}

# The runner records the graph before the first scenario and after every patch (metaxy push).
push_graph() {
  local version
  version="$(metaxy push 2>"$STEP_ERR")" || { cat "$STEP_ERR" >&2; fail "metaxy push failed"; }
  echo "graph pushed: project version $version"
  PROJECT_VERSION="$version"
}

# expect_project_version VERSION: the last push recorded this project version (the reference's recorded one).
expect_project_version() {
  [ "$PROJECT_VERSION" = "$1" ] || fail "expected project version $1, pushed $PROJECT_VERSION"
  echo "✓ project version $1 (as the reference records)"
}

finish() {
  echo
  echo "✅ $(basename "$EXAMPLE_DIR"): every runbook step passed ($((SECONDS - STARTED_AT)) s)"
}

ensure_built
cd "$EXAMPLE_DIR"
