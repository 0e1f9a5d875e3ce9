#!/bin/bash
# tests/integration/privcheck-vmm.sh — the privcheck kernel under the VMM (TAP).
#
# privcheck (guests/privcheck) checks the supervisor architecture from the
# inside: CSRs and their WARL rules, SRET/SFENCE.VMA/WFI, every trap kind a
# kernel can see, Sv32 permission and A/D corner cases, superpages, ASIDs,
# timer and software interrupts. One line per check. On the bare machine
# (firmware + kernel) its output is tests/integration/expected/privcheck.out.
#
# Under full virtualization every one of those checks is answered by the VMM
# instead of the hardware, so each check line must come out exactly as it
# does natively. This script prints one TAP line per check and scenario:
#     ok 12 - privcheck/12 scounteren CY TM IR writable under vmm (alone)
# and, on a mismatch, what the bare machine printed and what the VMM did.
#
# Scenarios (tests/integration/scenarios/):
#   privcheck.json         privcheck alone
#   privcheck-mixed.json   beside compute and rogue, with 50 us slices, so
#                          world switches land in the middle of checks
# BUILD (default build) comes from tests/run-all.
set -u
cd "$(dirname "$0")/../.." || exit 1
BUILD=${BUILD:-build}
T=$BUILD/trapeze
FIRMWARE=$BUILD/rv32/guests/firmware/firmware.elf
ELF=$BUILD/rv32/guests/privcheck/privcheck.elf
NATIVE_OUT=tests/integration/expected/privcheck.out
SCEN=tests/integration/scenarios
RUN_TIMEOUT=120              # seconds of host time; a run takes well under one
MAX_INSNS=100000000          # native privcheck needs about 1.3 million
. tests/lib/tap.sh
. tests/lib/guests.sh
tap_workdir

if [ ! -x "$T" ] || [ ! -f "$ELF" ] || [ ! -f "$FIRMWARE" ]; then
    not_ok "privcheck: built" "missing $T, $ELF or $FIRMWARE (run make)"
    tap_done
    exit 0
fi

# ---- the reference: the bare machine ---------------------------------------
limited "$T" run --kernel "$ELF" --firmware "$FIRMWARE" \
    --max-instructions $MAX_INSNS -q >"$work/native.out" 2>"$work/native.err"
rc=$?
if [ $rc -eq 0 ] && cmp -s "$NATIVE_OUT" "$work/native.out"; then
    ok "privcheck natively on trapeze: exit 0, output equals $NATIVE_OUT"
else
    not_ok "privcheck natively on trapeze: exit 0, output equals $NATIVE_OUT" "exit $rc" \
        "$(diff "$NATIVE_OUT" "$work/native.out" | head -6)" "$(tail -2 "$work/native.err")"
fi

# The check lines of the expected output: "privcheck: N name ... ok".
grep -E '^privcheck: [0-9]+ .* \.\.\. ok$' "$NATIVE_OUT" > "$work/checks"
if [ ! -s "$work/checks" ]; then
    not_ok "privcheck: $NATIVE_OUT lists the checks" "no 'privcheck: N ...' lines in it"
    tap_done
    exit 0
fi

# ---- under the VMM -------------------------------------------------------------
run_scenario() {   # label scenario-file
    local label=$1 json=$2 log=$work/$1.log virt=$work/$1.virt
    limited "$T" run "$json" -q >"$log" 2>"$log.err"
    local rc=$?
    guest_output "$log" privcheck >"$virt"
    if [ $rc -eq 0 ]; then
        ok "privcheck under vmm ($label): trapeze exits 0"
    else
        not_ok "privcheck under vmm ($label): trapeze exits 0" "exit status $rc" \
            "$(tail -3 "$log.err")"
    fi

    # One TAP line per check: the same line as on the bare machine.
    local want num name got
    while IFS= read -r want; do
        num=${want#privcheck: }
        num=${num%% *}
        name=${want#privcheck: }
        name=${name% ... ok}
        got=$(grep -E "^privcheck: $num .* \.\.\. " "$virt" | head -1)
        if [ "$got" = "$want" ]; then
            ok "privcheck/$name under vmm ($label)"
        else
            not_ok "privcheck/$name under vmm ($label)" "native: $want" "vmm:    ${got:-(no line for check $num)}"
        fi
    done <"$work/checks"

    local want_last got_last
    want_last=$(tail -n 1 "$NATIVE_OUT")
    got_last=$(tail -n 1 "$virt")
    if [ "$got_last" = "$want_last" ]; then
        ok "privcheck under vmm ($label): result line '$want_last'"
    else
        not_ok "privcheck under vmm ($label): result line" "native: $want_last" "vmm:    ${got_last:-(none)}"
    fi
    if cmp -s "$NATIVE_OUT" "$virt"; then
        ok "privcheck under vmm ($label): whole output identical to the bare machine's"
    else
        not_ok "privcheck under vmm ($label): whole output identical to the bare machine's" \
            "$(diff "$NATIVE_OUT" "$virt" | head -8)"
    fi
}

run_scenario alone "$SCEN/privcheck.json"
run_scenario "beside compute and rogue" "$SCEN/privcheck-mixed.json"

# The neighbours must be unaffected by privcheck's checks (and it by theirs).
for g in compute rogue; do
    if same_as_native "$work/beside compute and rogue.log" "$g"; then
        ok "beside privcheck: $g prints exactly its native output"
    else
        not_ok "beside privcheck: $g prints exactly its native output" \
            "$(head -6 "$work/$g.diff")"
    fi
done

tap_done
