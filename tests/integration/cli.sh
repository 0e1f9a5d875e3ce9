#!/bin/bash
# cli.sh — the `trapeze` command as a user meets it: help and version, exit
# statuses, limits, JSON and trace output, determinism across host slices,
# the default scenario and the four-way comparison. TAP output.
set -u
BUILD=${BUILD:-build}
T=$BUILD/trapeze
JSONTOOL=$BUILD/bench/benchjson
DEMO=$BUILD/rv32/tests/isa/demo/hello.elf
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
ok()   { n=$((n + 1)); echo "ok $n - $1"; }
fail() { n=$((n + 1)); echo "not ok $n - $1"; [ $# -gt 1 ] && echo "# $2"; }
check() { # name, command...: passes when the command succeeds
    local name=$1; shift
    if "$@"; then ok "$name"; else fail "$name"; fi
}
run() { # capture stdout/stderr/status of a trapeze run into $tmp/{out,err,rc}
    timeout 120 "$@" >"$tmp/out" 2>"$tmp/err"
    echo $? >"$tmp/rc"
}
rc() { cat "$tmp/rc"; }

run $T --version
check "--version prints the version" grep -q '^trapeze [0-9]' "$tmp/out"
run $T --help
check "--help exits 0 and documents exit statuses" \
    bash -c "[ $(rc) -eq 0 ] && grep -q 'Exit status' '$tmp/out'"
run $T run $DEMO --frobnicate
check "an unknown option exits 2 and names it" \
    bash -c "[ $(rc) -eq 2 ] && grep -q \"unknown option '--frobnicate'\" '$tmp/err'"
run $T run "$tmp/missing.elf"
check "a missing program exits 2 and names the file" \
    bash -c "[ $(rc) -eq 2 ] && grep -q 'missing.elf' '$tmp/err'"
run $T run $DEMO --max-instructions 100
check "the instruction limit ends the run with status 124 and says so" \
    bash -c "[ $(rc) -eq 124 ] && grep -q 'instruction limit of 100' '$tmp/err'"
run $T run $DEMO --max-cycles 1000
check "the cycle limit ends the run with status 124 and says so" \
    bash -c "[ $(rc) -eq 124 ] && grep -q 'cycle limit of 1000' '$tmp/err'"

run $T run $DEMO --stats --json "$tmp/a.json"
check "the demo exits 0 with statistics" \
    bash -c "[ $(rc) -eq 0 ] && grep -q 'CPI' '$tmp/err' && grep -q 'ecall_from_u' '$tmp/err'"
check "--json writes valid JSON with the figures" \
    bash -c "$JSONTOOL '$tmp/a.json' | grep -q '^instructions [1-9]'"
run $T run $DEMO --json "$tmp/b.json" --slice 7
check "figures are identical whatever the host slice" cmp -s "$tmp/a.json" "$tmp/b.json"

run $T run $DEMO --events "$tmp/ev.txt" --trace "$tmp/trace.json"
check "--events logs each trap with its cause" grep -q 'trap .*ecall_from_u' "$tmp/ev.txt"
check "--trace writes a valid Chrome trace with spans and instants" \
    bash -c "$JSONTOOL '$tmp/trace.json' > '$tmp/trace.flat' && grep -q '\\.ph X$' '$tmp/trace.flat' && grep -q '\\.ph i$' '$tmp/trace.flat'"

run $T --json "$tmp/s1.json"
check "trapeze with no arguments runs the default scenario to the end" \
    bash -c "[ $(rc) -eq 0 ] && [ \$(grep -cE '^(tasks|compute|chatty|rogue) +full +exit 0' '$tmp/out') -eq 4 ]"
check "the scenario's JSON lists every guest" \
    bash -c "$JSONTOOL '$tmp/s1.json' | grep -q '^guests\\.3\\.name rogue$'"
run $T run vmm/scenarios/default.json --json "$tmp/s2.json" --slice 997
check "a scenario gives the same figures whatever the host slice" \
    bash -c "$JSONTOOL '$tmp/s1.json' | grep -v '^scenario ' > '$tmp/s1.flat'; $JSONTOOL '$tmp/s2.json' | grep -v '^scenario ' > '$tmp/s2.flat'; cmp -s '$tmp/s1.flat' '$tmp/s2.flat'"

run $T compare compute --json "$tmp/cmp.json"
check "compare runs a kernel natively and fully virtualized with identical output" \
    bash -c "[ $(rc) -eq 0 ] && grep -qE '^full .*output identical to native' '$tmp/out'"
check "compare's JSON has one entry per mode" \
    bash -c "$JSONTOOL '$tmp/cmp.json' | grep -q '^modes\\.3\\.mode emulated$'"
run $T compare no-such-kernel
check "compare with an unknown kernel exits 2 and names it" \
    bash -c "[ $(rc) -eq 2 ] && grep -q 'no-such-kernel' '$tmp/err'"

echo "1..$n"
