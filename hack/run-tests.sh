#!/usr/bin/env bash
# Runs every test of the solution against a throwaway PostgreSQL, and ends with the line
#   N passed, N failed
# summed from the TRX files in .test-results/. Exits non-zero when a test failed or any
# step (install, build, test run) failed.
#
#   hack/run-tests.sh [extra dotnet test arguments]
#
# Environment:
#   TEST_FILTER     passed to `dotnet test --filter` (e.g. TEST_FILTER='FullyQualifiedName~Watch')
#   CONFIGURATION   build configuration (default Debug)
#   TEST_HANG_TIMEOUT  kill a test host that makes no progress for this long (default 20m)
#   SKIP_DEPS=1     do not run hack/install-deps.sh
#   SKIP_CLIENTS=1  do not run hack/install-clients.sh (kubectl, helm, client libraries in .tools/)
#   KUBELIKE_TOOLS  where those clients are (default .tools/), exported for the tests
#   KUBELIKE_TEST_PG  when already set, use that PostgreSQL instead of starting one
#   KUBELIKE_TEST_CONTAINERD_DIR  when already set, use the containerd hack/containerd.sh runs there instead of
#                     starting one (the node tests run real pods through it; it needs root)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
RESULTS_DIR=$ROOT/.test-results
CONFIGURATION=${CONFIGURATION:-Debug}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { echo "run-tests: $*"; }

pg_dir=""
containerd_dir=""

stop_pg() {
  if [[ -n $pg_dir ]]; then
    "$ROOT/hack/pg-test.sh" stop "$pg_dir" >/dev/null 2>&1 || true
    pg_dir=""
  fi
}

stop_containerd() {
  if [[ -n $containerd_dir ]]; then
    "$ROOT/hack/containerd.sh" stop "$containerd_dir" --delete >/dev/null || true
    containerd_dir=""
  fi
}

# Sums one attribute of the <Counters .../> element over all TRX files.
sum_counter() {
  local attr=$1 f total=0 n
  shopt -s nullglob
  for f in "$RESULTS_DIR"/*.trx; do
    n=$(tr '\n' ' ' <"$f" | grep -o '<Counters [^>]*>' | head -n 1 |
      sed -n "s/.* $attr=\"\([0-9]*\)\".*/\1/p" || true)
    total=$((total + ${n:-0}))
  done
  shopt -u nullglob
  echo "$total"
}

# Runs on every exit: stop PostgreSQL and containerd, print the totals as the last line, keep the exit code.
finish() {
  local rc=$?
  trap - EXIT
  set +e
  stop_pg
  stop_containerd
  local passed failed skipped files
  passed=$(sum_counter passed)
  failed=$(( $(sum_counter failed) + $(sum_counter error) + $(sum_counter timeout) + $(sum_counter aborted) ))
  skipped=$(sum_counter notExecuted)
  files=$(find "$RESULTS_DIR" -maxdepth 1 -name '*.trx' 2>/dev/null | wc -l)
  if ((rc == 0 && failed > 0)); then rc=1; fi
  if ((rc != 0)); then
    log "FAILED (exit code $rc); $files TRX file(s) in .test-results/, $skipped skipped"
  else
    log "ok; $files TRX file(s) in .test-results/, $skipped skipped"
  fi
  # Also kept in a file, for .ci/run to repeat it after make's own error line.
  mkdir -p "$RESULTS_DIR" && echo "$passed passed, $failed failed" >"$RESULTS_DIR/summary.txt"
  echo "$passed passed, $failed failed"
  exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"

if [[ ${SKIP_DEPS:-0} != 1 ]]; then
  "$ROOT/hack/install-deps.sh"
fi

# The clients test/Kubelike.Compatibility.Tests drives; it finds them through KUBELIKE_TOOLS.
KUBELIKE_TOOLS=$(realpath -m "${KUBELIKE_TOOLS:-$ROOT/.tools}")
export KUBELIKE_TOOLS
if [[ ${SKIP_CLIENTS:-0} != 1 ]]; then
  "$ROOT/hack/install-clients.sh"
fi

log "dotnet build Kubelike.sln -c $CONFIGURATION"
dotnet build Kubelike.sln -c "$CONFIGURATION" --nologo -v minimal

if [[ -z ${KUBELIKE_TEST_PG:-} ]]; then
  pg_env=$("$ROOT/hack/pg-test.sh" start 55432)
  eval "$pg_env"
  pg_dir=$KUBELIKE_TEST_PG_DIR
fi
log "PostgreSQL for tests: $KUBELIKE_TEST_PG"

# The node tests' containerd: its own state directory, bridge, pod subnet and cgroup root, so that it meets
# neither a `make run` node (kubelike0, 10.88.0.0/16) nor the second instances the tests start (10.89.1-254.0/24).
if [[ -z ${KUBELIKE_TEST_CONTAINERD_DIR:-} ]]; then
  containerd_dir=$(mktemp -d /tmp/kl-containerd.XXXXXX)
  eval "$("$ROOT/hack/containerd.sh" start "$containerd_dir" \
    --bridge kltest0 --pod-cidr 10.89.0.0/24 --cgroup-root kubelike-test)"
  export KUBELIKE_TEST_CONTAINERD_DIR=$containerd_dir
fi
log "containerd for tests: $KUBELIKE_TEST_CONTAINERD_DIR"

test_args=(
  --no-build -c "$CONFIGURATION" --nologo
  --results-directory "$RESULTS_DIR"
  --logger "trx;LogFilePrefix=kubelike"
  --blame-hang-timeout "${TEST_HANG_TIMEOUT:-20m}" --blame-hang-dump-type none
)
if [[ -n ${TEST_FILTER:-} ]]; then
  test_args+=(--filter "$TEST_FILTER")
fi

log "dotnet test Kubelike.sln ${TEST_FILTER:+--filter '$TEST_FILTER'}"
dotnet test Kubelike.sln "${test_args[@]}" "$@"
