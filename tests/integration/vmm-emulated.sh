#!/bin/bash
# tests/integration/vmm-emulated.sh — the "emulated" guest mode (TAP).
#
# An emulated guest is interpreted instruction by instruction by the VMM
# (vmm/interp.c): it must print exactly what the same ELF prints natively,
# never execute a single instruction on the real hart (U-mode), be contained
# like any other guest when it misbehaves, share the machine with fully
# virtualized guests in one run, report its interpreted instructions through
# the trace port, and give the same figures whatever the host slice.
set -u
BUILD=${BUILD:-build}
T=$BUILD/trapeze
JSONTOOL=$BUILD/bench/benchjson
RV=$BUILD/rv32
RUN_TIMEOUT=300
. "$(dirname "$0")/../lib/tap.sh"
. "$(dirname "$0")/../lib/guests.sh"
tap_workdir

# json_get FILE KEY: one value of the flattened JSON
json_get() { "$JSONTOOL" "$1" | sed -n "s/^$2 //p"; }
# scenario FILE NAME GUEST-SPEC...: write a scenario with those guests
scenario() {
    local file=$1 name=$2; shift 2
    local list
    list=$(IFS=,; echo "$*")
    printf '{ "name": "%s", "guests": [ %s ] }\n' "$name" "$list" > "$file"
}
emulated() { printf '{ "kernel": "%s", "mode": "emulated" }' "$1"; }
full()     { printf '{ "kernel": "%s" }' "$1"; }

# ---- every guest kernel, emulated alone: native output, exit 0 -------------
for g in hello tasks pager compute chatty rogue; do
    scenario "$work/$g.json" "emu-$g" "$(emulated $g)"
    limited $T run "$work/$g.json" -q --json "$work/$g.out.json" \
        --events "$work/$g.ev" > "$work/$g.log" 2>&1
    rc=$?
    check "emulated $g exits 0 and prints exactly its native output" \
        "[ $rc -eq 0 ] && same_as_native $work/$g.log $g"
done

# Not one guest instruction ran on the hart: no cycle in U or S mode, and the
# table says so (0 guest cycles / instructions, all VMM work).
check "emulated compute: no instruction executed in U- or S-mode" \
    "[ \"\$(json_get $work/compute.out.json privilege.U.instructions)\" = 0 ] && \
     [ \"\$(json_get $work/compute.out.json privilege.S.instructions)\" = 0 ] && \
     [ \"\$(json_get $work/compute.out.json guests.0.guest_instructions)\" = 0 ]"
check "emulated compute: the per-guest table shows the mode" \
    "[ \"\$(json_get $work/compute.out.json guests.0.mode)\" = emulated ]"

# The interpreter executes the guest's own instruction stream: the counts it
# reports (TZ_EV_INTERP) add up to what the hart retires for the same kernel
# under full virtualization, give or take the few instructions that trap
# there (CSR accesses and ECALLs do not retire on the hart).
interp_sum() {
    local s=0 h
    while read -r h; do s=$((s + h)); done < <(awk '$3 == "trace" && $6 == "interp" { print $7 }' "$1")
    echo $s
}
scenario "$work/full-compute.json" full-compute "$(full compute)"
limited $T run "$work/full-compute.json" -q --json "$work/full-compute.out.json" > /dev/null 2>&1
emu_n=$(interp_sum "$work/compute.ev")
full_n=$(json_get "$work/full-compute.out.json" guests.0.guest_instructions)
check "emulated compute: interpreted instructions ($emu_n) match the hart's count under full virtualization ($full_n) within 0.01 %" \
    "[ -n \"$full_n\" ] && [ $emu_n -gt 0 ] && awk 'BEGIN { d = $emu_n - $full_n; if (d < 0) d = -d; exit !(d * 10000 <= $full_n) }'"
# One report per 1 ms slice (compute sets no virtual timer), not one per
# instruction: as many reports as simulated milliseconds, within 5 % (a
# slice ends when the interpreter next polls the timer, a little late).
reports=$(grep -c ' interp ' "$work/compute.ev")
clock=$(json_get "$work/compute.out.json" clock_hz)
ms=$(( $(json_get "$work/compute.out.json" cycles) / (${clock:-1} / 1000) ))
check "emulated compute: interpreted instructions reported once per slice ($reports reports in $ms ms)" \
    "[ $reports -ge $((ms * 95 / 100)) ] && [ $reports -le $((ms + 5)) ]"
emu_cyc=$(json_get "$work/compute.out.json" cycles)
full_cyc=$(json_get "$work/full-compute.out.json" cycles)
check "emulation costs at least 10x full virtualization for compute ($emu_cyc vs $full_cyc cycles)" \
    "[ -n \"$emu_cyc\" ] && [ -n \"$full_cyc\" ] && [ $emu_cyc -gt \$(( $full_cyc * 10 )) ]"
check "emulated chatty: its UART register accesses are emulated MMIO" \
    "[ \"\$(json_get $work/chatty.out.json guests.0.mmio)\" -gt 1000 ]"

# ---- conformance kernels: emulated output identical to native --------------
for k in vmm/tests/vmmcheck guests/privcheck/privcheck; do
    name=${k##*/}
    elf=$RV/$k.elf
    if [ ! -f "$elf" ]; then
        skip "emulated $name prints exactly its native output" "$elf not built"
        continue
    fi
    limited $T run --kernel "$elf" -q > "$work/$name.native" 2>&1
    scenario "$work/$name.json" "emu-$name" "$(emulated $name)"
    limited $T run "$work/$name.json" -q > "$work/$name.log" 2>&1
    rc=$?
    guest_output "$work/$name.log" "$name" > "$work/$name.txt"
    check "emulated $name exits 0 and prints exactly its native output" \
        "[ $rc -eq 0 ] && [ -s $work/$name.native ] && diff -u $work/$name.native $work/$name.txt > $work/$name.diff"
done

# ---- containment: the broken kernels, every one emulated -------------------
sed 's/\("kernel": "[a-z]*"\)/\1, "mode": "emulated"/' vmm/scenarios/containment.json \
    | sed 's/"name": "containment"/"name": "containment-emulated"/' > "$work/contain.json"
limited $T run "$work/contain.json" -q > "$work/contain.log" 2>&1
rc=$?
check "emulated containment: five broken guests stopped (exit status 5)" "[ $rc -eq 5 ]"
check "emulated containment: hello still prints its native output" \
    "same_as_native $work/contain.log hello"
check "emulated containment: garbage stopped for an illegal instruction with no handler, reported at the garbage word" \
    "grep -q \"guest 1 'garbage' killed: illegal instruction with no handler (cause 2 illegal_instruction, pc 802000\" $work/contain.log"
check "emulated containment: wild stopped for memory outside its partition, reported at its store" \
    "grep -q \"guest 2 'wild' killed: memory outside its partition (cause 7 store_access_fault, pc 802000[0-9a-f]*, tval 90000000)\" $work/contain.log"
check "emulated containment: faultloop stopped as a trap storm" \
    "grep -q \"guest 3 'faultloop' killed: trap storm\" $work/contain.log"
check "emulated containment: sleeper stopped, nothing can wake it" \
    "grep -q \"guest 4 'sleeper' killed: waits for an interrupt that can never come\" $work/contain.log"
check "emulated containment: spinner (interpreted, never trapping) preempted and stopped by the watchdog" \
    "grep -q \"guest 5 'spinner' killed: pending interrupt masked too long (watchdog) (interrupt 5 supervisor_timer\" $work/contain.log"

# A guest whose endless loop reads a CSR hands every iteration to the VMM's
# CSR emulation; the slice must still end (the interpreter's timer poll
# counts across those hand-offs), so hello runs and the watchdog stops it.
printf '{ "name": "csrspin", "watchdog_slices": 20, "guests": [ %s, %s ] }\n' \
    "$(emulated hello)" '{ "kernel": "csrspin", "mode": "emulated", "memory_mib": 4 }' > "$work/csrspin.json"
limited $T run "$work/csrspin.json" -q --max-instructions 2000000000 > "$work/csrspin.log" 2>&1
rc=$?
check "emulated csrspin (a CSR read in a loop, interrupts off) preempted and stopped by the watchdog" \
    "[ $rc -eq 1 ] && grep -q \"guest 1 'csrspin' killed: pending interrupt masked too long (watchdog) (interrupt 5 supervisor_timer\" $work/csrspin.log && \
     same_as_native $work/csrspin.log hello"

# ---- modes mixed in one run, deterministic ----------------------------------
scenario "$work/mixed.json" mixed "$(full tasks)" "$(emulated compute)" "$(emulated chatty)" \
    "$(full rogue)" "$(emulated hello)"
limited $T run "$work/mixed.json" -q --slice 997 --json "$work/m1.json" > "$work/m1.log" 2>&1
rc=$?
check "mixed full and emulated guests: run exits 0" "[ $rc -eq 0 ]"
for g in tasks compute chatty rogue hello; do
    check "mixed run: $g prints exactly its native output" \
        "same_as_native $work/m1.log $g"
done
check "mixed run: the table shows each guest's mode" \
    "grep -qE '^tasks +full ' $work/m1.log && grep -qE '^compute +emulated ' $work/m1.log"
limited $T run "$work/mixed.json" -q --slice 10000000 --json "$work/m2.json" > "$work/m2.log" 2>&1
check "mixed run: same figures (JSON) with host slices of 997 and 10^7 cycles" \
    "cmp -s $work/m1.json $work/m2.json"
check "mixed run: same console output with host slices of 997 and 10^7 cycles" \
    "cmp -s $work/m1.log $work/m2.log"

tap_done
