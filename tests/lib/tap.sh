# tests/lib/tap.sh — what every test suite script needs to speak TAP (the
# Test Anything Protocol that tests/run-all reads): numbered "ok N - name" /
# "not ok N - name" lines, checks, a scratch folder that disappears on exit,
# runs under a time limit, and the closing plan line "1..N".
#
# A suite sources it first thing (paths are relative to the script):
#     . "$(dirname "$0")/../lib/tap.sh"
# and ends with tap_done. Sourced, never run: it defines functions and the
# counters n (tests so far) and tap_failures (how many of them failed).

n=0
tap_failures=0

# ok NAME / not_ok NAME [DETAIL...] / skip NAME REASON: one numbered line
# each; DETAIL lines follow a failure as TAP comments, for the reader.
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
    n=$((n + 1)); tap_failures=$((tap_failures + 1))
    echo "not ok $n - $1"
    shift
    local line
    for line in "$@"; do echo "#   $line"; done
}
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }

# check NAME CONDITION: passes when the shell text CONDITION, evaluated,
# succeeds (so it may hold pipes, && and $(...) expanded at check time).
check() { if eval "$2"; then ok "$1"; else not_ok "$1"; fi; }

# check_cmd NAME COMMAND [ARG...]: passes when the command succeeds (its
# arguments are passed as they are, never re-parsed by the shell).
check_cmd() {
    local name=$1; shift
    if "$@"; then ok "$name"; else not_ok "$name"; fi
}

# tap_workdir: a fresh scratch folder in $work, removed when the suite exits.
tap_workdir() {
    work=$(mktemp -d "${TMPDIR:-/tmp}/trapeze-test.XXXXXX") || exit 1
    trap 'rm -rf "$work"' EXIT
}

# limited COMMAND [ARG...]: run it with at most RUN_TIMEOUT seconds of host
# time (the suite sets RUN_TIMEOUT), so a hang is a failure and not a stuck
# test run; the status of a run cut short is 124 (timeout(1)).
limited() { timeout "$RUN_TIMEOUT" "$@"; }

# tap_done: the plan line, the number of tests that ran.
tap_done() { echo "1..$n"; }
