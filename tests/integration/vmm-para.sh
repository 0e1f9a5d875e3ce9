#!/bin/bash
# tests/integration/vmm-para.sh — paravirtualization through the `trapeze` CLI (TAP).
#
# Every kernel's paravirtual build (<name>-pv.elf: the same sources linked
# with guests/lib/arch_paravirt.c) run with "mode": "para" must print exactly
# what the kernel prints natively (tests/integration/expected/<name>.out).
# For the kernels that trap often (tasks, pager) it must also leave the guest
# less often and cost less than full virtualization. Modes mix in one run;
# the hypercall interface refuses bad arguments (vmm/tests/pvcheck) and a
# guest that abuses it is contained; a paravirtual kernel outside para mode
# stops with a message saying so.
set -u
BUILD=${BUILD:-build}
T=$BUILD/trapeze
SAN=$BUILD/san/trapeze
RV=$BUILD/rv32
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/guests.sh"
tap_workdir
# exits JSON: every trap into the VMM (one guest alone: all of the machine's traps)
exits() {
    awk '/"(exceptions|interrupts)":/ { f = 1; next } f && /}/ { f = 0 }
         f { gsub(/[^0-9]/, "", $2); s += $2 } END { print s + 0 }' "$1"
}
# field JSON KEY: the first numeric value of KEY
field() { awk -v k="\"$2\":" '$1 == k { gsub(/[^0-9]/, "", $2); print $2; exit }' "$1"; }
# scenario NAME JSON-GUESTS [TOP-LEVEL-KEYS]
scenario() { printf '{ "name": "%s", %s "guests": [ %s ] }\n' "$1" "${3:-}" "$2" > "$work/$1.json"; }

# ---- each kernel alone, para against full -------------------------------------
for g in hello tasks pager compute chatty rogue; do
    for m in full para; do
        scenario "$g-$m" "{ \"kernel\": \"$g\", \"mode\": \"$m\" }"
        $T run "$work/$g-$m.json" -q --json "$work/$g-$m.out.json" > "$work/$g-$m.log" 2>&1
        echo $? > "$work/$g-$m.rc"
    done
    check "$g (para) exits 0 and prints exactly its native output" \
        "[ \$(cat $work/$g-para.rc) -eq 0 ] && same_as_native $work/$g-para.log $g $g"
    check "$g (para) is served by hypercalls, $g (full) by none" \
        "[ \$(field $work/$g-para.out.json hypercalls) -gt 0 ] && [ \$(field $work/$g-full.out.json hypercalls) -eq 0 ]"
done
for g in tasks pager; do
    check "$g: para leaves the guest less than half as often as full" \
        "[ \$((2 * \$(exits $work/$g-para.out.json))) -lt \$(exits $work/$g-full.out.json) ]"
    check "$g: para costs fewer VMM cycles and fewer cycles in all than full" \
        "[ \$(field $work/$g-para.out.json vmm_cycles) -lt \$(field $work/$g-full.out.json vmm_cycles) ] &&
         [ \$(field $work/$g-para.out.json cycles) -lt \$(field $work/$g-full.out.json cycles) ]"
done
check "the per-guest table names the mode 'para'" "grep -q '^tasks  *para ' $work/tasks-para.log"

# ---- modes mixed in one run -----------------------------------------------------
scenario mixed '{ "kernel": "tasks", "name": "tasks-full" },
    { "kernel": "tasks", "name": "tasks-para", "mode": "para" },
    { "kernel": "pager", "name": "pager-para", "mode": "para" },
    { "kernel": "hello", "name": "hello-emul", "mode": "emulated" },
    { "kernel": "chatty", "mode": "para" }'
$T run "$work/mixed.json" -q > "$work/mixed.log" 2>&1
rc=$?
check "mixed full/para/emulated scenario exits 0" "[ $rc -eq 0 ]"
for pair in tasks-full:tasks tasks-para:tasks pager-para:pager hello-emul:hello chatty:chatty; do
    check "mixed: ${pair%%:*} prints exactly its native output" \
        "same_as_native $work/mixed.log ${pair%%:*} ${pair##*:}"
done

# ---- the interface refuses bad arguments; abuse is contained --------------------
scenario pvcheck '{ "kernel": "hello" }, { "kernel": "pvcheck", "mode": "para" },
    { "kernel": "pvcheck", "name": "pvcheck-hostile", "mode": "para" }' '"watchdog_slices": 3,'
$T run "$work/pvcheck.json" -q > "$work/pvcheck.log" 2>&1
rc=$?
check "pvcheck: every check passes" \
    "grep -q '^\[pvcheck\] pvcheck: PASS' $work/pvcheck.log && ! grep -q '^\[pvcheck\] .*FAIL' $work/pvcheck.log"
check "pvcheck: bad addresses, queues and flush kinds refused (27 checks)" \
    "grep -q '^\[pvcheck\] pvcheck: PASS 27 checks, 0 failed' $work/pvcheck.log"
check "a guest spinning on hypercalls with an interrupt masked is stopped by the watchdog" \
    "grep -q \"guest 2 'pvcheck-hostile' killed: pending interrupt masked too long (watchdog)\" $work/pvcheck.log"
check "... the others finish (exit status 1: one guest killed)" \
    "[ $rc -eq 1 ] && same_as_native $work/pvcheck.log hello hello"

# ---- a paravirtual kernel outside para mode says so -----------------------------
$T run --kernel "$RV/guests/hello/hello-pv.elf" -q > "$work/native-pv.log" 2>&1
rc=$?
check "hello-pv.elf on the native firmware stops with a message (exit 2)" \
    "[ $rc -eq 2 ] && grep -q 'paravirtual build: run it under the trapeze VMM' $work/native-pv.log"
case $RV in /*) rv_abs=$RV ;; *) rv_abs=$PWD/$RV ;; esac
scenario pv-full "{ \"elf\": \"$rv_abs/guests/hello/hello-pv.elf\", \"name\": \"hello\" }"
$T run "$work/pv-full.json" -q > "$work/pv-full.log" 2>&1
rc=$?
check "hello-pv.elf in full mode stops with the same message" \
    "[ $rc -eq 1 ] && grep -q '^\[hello\] panic: this kernel is the paravirtual build' $work/pv-full.log"
scenario no-pv '{ "kernel": "garbage", "mode": "para" }'
$T run "$work/no-pv.json" -q > "$work/no-pv.log" 2>&1
rc=$?
check "para mode for a kernel with no paravirtual build is refused (exit 2)" \
    "[ $rc -eq 2 ] && grep -q \"guests\[0\].kernel: 'garbage' has no paravirtual build\" $work/no-pv.log"

# ---- determinism and the sanitized build ------------------------------------------
$T run "$work/mixed.json" -q --slice 997 --json "$work/m1.json" > "$work/m1.log" 2>&1
$T run "$work/mixed.json" -q --slice 10000000 --json "$work/m2.json" > "$work/m2.log" 2>&1
check "mixed run: same figures and output with host slices of 997 and 10^7 cycles" \
    "cmp -s $work/m1.json $work/m2.json && cmp -s $work/m1.log $work/m2.log"
if [ -x "$SAN" ]; then
    $SAN run "$work/tasks-para.json" -q > "$work/san.log" 2>&1
    rc=$?
    check "sanitized trapeze runs tasks in para mode cleanly" "[ $rc -eq 0 ] && same_as_native $work/san.log tasks tasks"
else
    not_ok "sanitized trapeze runs tasks in para mode ($SAN missing)"
fi
tap_done
