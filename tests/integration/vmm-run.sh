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
EXP=tests/integration/expected
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
n=0
ok()     { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; }
check()  { if eval "$2"; then ok "$1"; else not_ok "$1"; fi; }

# guest_output FILE NAME: the lines guest NAME printed, prefix removed
guest_output() { sed -n "s/^\[$2\] //p" "$1"; }

# same_as_native LOG NAME
same_as_native() {
    guest_output "$1" "$2" > "$work/$2.virt"
    diff -u "$EXP/$2.out" "$work/$2.virt" > "$work/$2.diff"
}

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
for g in hello tasks pager compute chatty rogue; do
    check "all-guests: $g prints exactly its native output" "same_as_native $work/all.log $g"
done

# ---- containment --------------------------------------------------------------
$T run vmm/scenarios/containment.json -q > "$work/contain.log" 2>&1
rc=$?
check "containment: five broken guests stopped (exit status 5)" "[ $rc -eq 5 ]"
check "containment: hello still prints its native output" "same_as_native $work/contain.log hello"
check "containment: garbage stopped for executing garbage" \
    "grep -q \"guest 1 'garbage' killed: executed garbage\" $work/contain.log"
check "containment: wild stopped for touching memory outside its partition" \
    "grep -q \"guest 2 'wild' killed: touched memory outside its partition\" $work/contain.log"
check "containment: faultloop stopped as a trap storm" \
    "grep -q \"guest 3 'faultloop' killed: trap storm\" $work/contain.log"
check "containment: sleeper stopped, nothing can wake it" \
    "grep -q \"guest 4 'sleeper' killed: waits for an interrupt that can never come\" $work/contain.log"
check "containment: spinner stopped by the watchdog" \
    "grep -q \"guest 5 'spinner' killed: kept a pending interrupt masked\" $work/contain.log"

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
bad syntax '{"guests": [' 'syntax error'
echo "1..$n"
