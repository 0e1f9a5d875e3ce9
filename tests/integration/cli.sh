#!/bin/bash
# cli.sh — the `trapeze` command as a user meets it: help and version, exit
# statuses, limits, JSON and trace output, determinism across host slices,
# the default scenario and the four-way comparison. TAP output.
set -u
BUILD=${BUILD:-build}
T=$BUILD/trapeze
JSONTOOL=$BUILD/bench/benchjson
DEMO=$BUILD/rv32/tests/isa/demo/hello.elf
RUN_TIMEOUT=120
. "$(dirname "$0")/../lib/tap.sh"
tap_workdir
run() { # capture stdout/stderr/status of a trapeze run into $work/{out,err,rc}
    limited "$@" >"$work/out" 2>"$work/err"
    echo $? >"$work/rc"
}
rc() { cat "$work/rc"; }

run $T --version
check_cmd "--version prints the version" grep -q '^trapeze [0-9]' "$work/out"
run $T --help
check_cmd "--help exits 0 and documents exit statuses" \
    bash -c "[ $(rc) -eq 0 ] && grep -q 'Exit status' '$work/out'"
run $T run $DEMO --frobnicate
check_cmd "an unknown option exits 2 and names it" \
    bash -c "[ $(rc) -eq 2 ] && grep -q \"unknown option '--frobnicate'\" '$work/err'"
run $T run "$work/missing.elf"
check_cmd "a missing program exits 2 and names the file" \
    bash -c "[ $(rc) -eq 2 ] && grep -q 'missing.elf' '$work/err'"
run $T run $DEMO --max-instructions 100
check_cmd "the instruction limit ends the run with status 124 and says so" \
    bash -c "[ $(rc) -eq 124 ] && grep -q 'instruction limit of 100' '$work/err'"
run $T run $DEMO --max-cycles 1000
check_cmd "the cycle limit ends the run with status 124 and says so" \
    bash -c "[ $(rc) -eq 124 ] && grep -q 'cycle limit of 1000' '$work/err'"

run $T run $DEMO --stats --json "$work/a.json"
check_cmd "the demo exits 0 with statistics" \
    bash -c "[ $(rc) -eq 0 ] && grep -q 'CPI' '$work/err' && grep -q 'ecall_from_u' '$work/err'"
check_cmd "--json writes valid JSON with the figures" \
    bash -c "$JSONTOOL '$work/a.json' | grep -q '^instructions [1-9]'"
run $T run $DEMO --json "$work/b.json" --slice 7
check_cmd "figures are identical whatever the host slice" cmp -s "$work/a.json" "$work/b.json"

run $T run $DEMO --events "$work/ev.txt" --trace "$work/trace.json"
check_cmd "--events logs each trap with its cause" grep -q 'trap .*ecall_from_u' "$work/ev.txt"
check_cmd "--trace writes a valid Chrome trace with spans and instants" \
    bash -c "$JSONTOOL '$work/trace.json' > '$work/trace.flat' && grep -q '\\.ph X$' '$work/trace.flat' && grep -q '\\.ph i$' '$work/trace.flat'"

run $T --json "$work/s1.json"
check_cmd "trapeze with no arguments runs the default scenario to the end" \
    bash -c "[ $(rc) -eq 0 ] && [ \$(grep -cE '^(tasks|compute|chatty|rogue) +full +exit 0' '$work/out') -eq 4 ]"
check_cmd "the scenario's JSON lists every guest" \
    bash -c "$JSONTOOL '$work/s1.json' | grep -q '^guests\\.3\\.name rogue$'"
run $T run vmm/scenarios/default.json --json "$work/s2.json" --slice 997
check_cmd "a scenario gives the same figures whatever the host slice" \
    bash -c "$JSONTOOL '$work/s1.json' | grep -v '^scenario ' > '$work/s1.flat'; $JSONTOOL '$work/s2.json' | grep -v '^scenario ' > '$work/s2.flat'; cmp -s '$work/s1.flat' '$work/s2.flat'"

run $T compare compute --json "$work/cmp.json"
check_cmd "compare runs a kernel natively and fully virtualized with identical output" \
    bash -c "[ $(rc) -eq 0 ] && grep -qE '^full .*output identical to native' '$work/out'"
check_cmd "compare's JSON has one entry per mode" \
    bash -c "$JSONTOOL '$work/cmp.json' | grep -q '^modes\\.3\\.mode emulated$'"
run $T compare no-such-kernel
check_cmd "compare with an unknown kernel exits 2 and names it" \
    bash -c "[ $(rc) -eq 2 ] && grep -q 'no-such-kernel' '$work/err'"

tap_done
