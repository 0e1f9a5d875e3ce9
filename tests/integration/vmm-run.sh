#!/bin/bash
# tests/integration/vmm-run.sh — the VMM through the `trapeze` CLI (TAP).
#
# Every guest kernel run under full virtualization must print exactly what it
# prints natively (tests/integration/expected/<guest>.out); the VMM prefixes
# each line on the console with "[guest] ", which is stripped here. Broken
# guests are stopped with the reason named; runs are identical whatever the
# host slice; bad scenarios are refused with a message naming the problem.
set -u
BUILD=${BUILD:-build}
T=$BUILD/trapeze
SAN=$BUILD/san/trapeze
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/guests.sh"
tap_workdir

# ---- the default scenario (no arguments) -----------------------------------
$T -q > "$work/default.log" 2>&1
rc=$?
check "trapeze with no arguments runs the default scenario (exit 0)" "[ $rc -eq 0 ]"
for g in tasks compute chatty rogue; do
    check "default scenario: $g prints exactly its native output" "same_as_native $work/default.log $g"
done
check "default scenario: the per-guest table is printed" "grep -q '^guest .*mode' $work/default.log"

# ---- every guest at once ----------------------------------------------------
$T run vmm/scenarios/all-guests.json -q > "$work/all.log" 2>&1
rc=$?
check "all-guests scenario exits 0" "[ $rc -eq 0 ]"
for g in hello tasks pager compute chatty rogue privcheck; do
    check "all-guests: $g prints exactly its native output" "same_as_native $work/all.log $g"
done

# ---- containment --------------------------------------------------------------
$T run vmm/scenarios/containment.json -q > "$work/contain.log" 2>&1
rc=$?
check "containment: five broken guests stopped (exit status 5)" "[ $rc -eq 5 ]"
check "containment: hello still prints its native output" "same_as_native $work/contain.log hello"
check "containment: garbage stopped for an illegal instruction with no handler, reported at the garbage word" \
    "grep -q \"guest 1 'garbage' killed: illegal instruction with no handler (cause 2 illegal_instruction, pc 802000\" $work/contain.log"
check "containment: wild stopped for memory outside its partition, reported at its store" \
    "grep -q \"guest 2 'wild' killed: memory outside its partition (cause 7 store_access_fault, pc 802000[0-9a-f]*, tval 90000000)\" $work/contain.log"
check "containment: faultloop stopped as a trap storm" \
    "grep -q \"guest 3 'faultloop' killed: trap storm\" $work/contain.log"
check "containment: sleeper stopped, nothing can wake it" \
    "grep -q \"guest 4 'sleeper' killed: waits for an interrupt that can never come\" $work/contain.log"
check "containment: spinner stopped by the watchdog" \
    "grep -q \"guest 5 'spinner' killed: pending interrupt masked too long (watchdog) (interrupt 5 supervisor_timer\" $work/contain.log"
# The console line and the per-guest table give a kill the same reason.
for g in garbage wild faultloop sleeper spinner; do
    check "containment: $g's kill reason reads the same on the console and in the table" \
        "r=\$(sed -n \"s/^\\[vmm\\] guest [0-9]* '$g' killed: \\(.*\\) (.*)\$/\\1/p\" $work/contain.log) &&
         [ -n \"\$r\" ] && grep -qF \"  $g: killed by the VMM (\$r)\" $work/contain.log"
done

# ---- time slices: the shortest a scenario may give still runs everyone -------
# (docs/scenarios.md: 10 us, 1000 cycles at the default 100 MHz; the VMM
# itself guarantees progress with any slice, tests/unit/test_scenario.c)
printf '{ "slice_us": 10, "guests": [ {"kernel": "tasks"}, {"kernel": "compute"}, {"kernel": "hello"} ] }\n' \
    > "$work/short-slice.json"
timeout 120 $T run "$work/short-slice.json" -q --max-instructions 200000000 > "$work/short-slice.log" 2>&1
rc=$?
check "10 us slices: the run finishes (exit 0)" "[ $rc -eq 0 ]"
for g in tasks compute hello; do
    check "10 us slices: $g prints exactly its native output" "same_as_native $work/short-slice.log $g"
done

# ---- determinism: host slice size never matters ------------------------------
$T run vmm/scenarios/default.json -q --slice 997 --json "$work/a.json" > "$work/a.log" 2>&1
$T run vmm/scenarios/default.json -q --slice 10000000 --json "$work/b.json" > "$work/b.log" 2>&1
check "same figures (JSON) with host slices of 997 and 10^7 cycles" "cmp -s $work/a.json $work/b.json"
check "same console output with host slices of 997 and 10^7 cycles" "cmp -s $work/a.log $work/b.log"
$T run vmm/scenarios/default.json -q --slice 4096 --trace "$work/a.trace" > /dev/null 2>&1
$T run vmm/scenarios/default.json -q --slice 1000000 --trace "$work/b.trace" > /dev/null 2>&1
check "same exported event stream with different host slices" "[ -s $work/a.trace ] && cmp -s $work/a.trace $work/b.trace"

# ---- the sanitized build runs the VMM too -------------------------------------
if [ -x "$SAN" ]; then
    $SAN -q > "$work/san.log" 2>&1
    rc=$?
    check "sanitized trapeze runs the default scenario cleanly" "[ $rc -eq 0 ] && same_as_native $work/san.log tasks"
else
    not_ok "sanitized trapeze runs the default scenario cleanly ($SAN missing)"
fi

# ---- bad scenarios are refused with a message ---------------------------------
bad() {   # bad NAME JSON EXPECTED-SUBSTRING
    printf '%s\n' "$2" > "$work/$1.json"
    $T run "$work/$1.json" -q > "$work/$1.out" 2>&1
    local rc=$?
    check "bad scenario ($1) refused: exit 2, message names the problem" \
        "[ $rc -eq 2 ] && grep -q '$1.json' $work/$1.out && grep -qF -- '$3' $work/$1.out"
}
bad unknown-key '{"guests": [{"kernel": "hello"}], "slise_us": 5}' 'slise_us'
bad missing-file '{"guests": [{"elf": "nowhere/k.elf"}]}' 'cannot open'
bad no-guests '{"guests": []}' 'no guests'
bad too-many '{"guests": [{"kernel":"hello","name":"a"},{"kernel":"hello","name":"b"},{"kernel":"hello","name":"c"},{"kernel":"hello","name":"d"},{"kernel":"hello","name":"e"},{"kernel":"hello","name":"f"},{"kernel":"hello","name":"g"},{"kernel":"hello","name":"h"},{"kernel":"hello","name":"i"}]}' 'too many guests'
bad overlap '{"guests": [{"kernel":"hello","name":"a","base":"0x81000000"},{"kernel":"hello","name":"b","base":"0x81400000"}]}' 'overlaps guests[0]'
bad oversized '{"guests": [{"kernel":"hello","memory_mib":512}]}' 'memory_mib'
bad beyond-ram '{"guests": [{"kernel":"hello","memory_mib":64},{"kernel":"hello","name":"b","memory_mib":64}]}' 'no room'
bad syntax '{"guests": [] x}' 'syntax error'
bad truncated '{"guests": [' 'unexpected end of the file'
bad short-slice '{"guests": [{"kernel":"tasks"},{"kernel":"compute"}], "slice_us": 1}' 'slice_us: 1 us is shorter than the minimum slice, 10 us'
bad guest-short-slice '{"guests": [{"kernel":"hello","slice_us":9}]}' 'guests[0].slice_us: 9 us is shorter than the minimum slice'
bad name-vmm '{"guests": [{"kernel":"hello","name":"vmm"}]}' 'is reserved: the console prefixes the VMM'
tap_done
