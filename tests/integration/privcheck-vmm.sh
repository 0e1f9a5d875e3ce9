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
EXP=tests/integration/expected/privcheck.out
SCEN=tests/integration/scenarios
RUN_TIMEOUT=120              # seconds of host time; a run takes well under one
MAX_INSNS=100000000          # native privcheck needs about 1.3 million
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

n=0
ok()     { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "#   $l"; done; }

if [ ! -x "$T" ] || [ ! -f "$ELF" ] || [ ! -f "$FIRMWARE" ]; then
    not_ok "privcheck: built" "missing $T, $ELF or $FIRMWARE (run make)"
    echo "1..$n"
    exit 0
fi

# ---- the reference: the bare machine ---------------------------------------
timeout $RUN_TIMEOUT "$T" run --kernel "$ELF" --firmware "$FIRMWARE" \
    --max-instructions $MAX_INSNS -q >"$work/native.out" 2>"$work/native.err"
rc=$?
if [ $rc -eq 0 ] && cmp -s "$EXP" "$work/native.out"; then
    ok "privcheck natively on trapeze: exit 0, output equals $EXP"
else
    not_ok "privcheck natively on trapeze: exit 0, output equals $EXP" "exit $rc" \
        "$(diff "$EXP" "$work/native.out" | head -6)" "$(tail -2 "$work/native.err")"
fi

# The check lines of the expected output: "privcheck: N name ... ok".
grep -E '^privcheck: [0-9]+ .* \.\.\. ok$' "$EXP" > "$work/checks"
if [ ! -s "$work/checks" ]; then
    not_ok "privcheck: $EXP lists the checks" "no 'privcheck: N ...' lines in it"
    echo "1..$n"
    exit 0
fi

# ---- under the VMM -------------------------------------------------------------
run_scenario() {   # label scenario-file
    local label=$1 json=$2 log=$work/$1.log virt=$work/$1.virt
    timeout $RUN_TIMEOUT "$T" run "$json" -q >"$log" 2>"$log.err"
    local rc=$?
    sed -n 's/^\[privcheck\] //p' "$log" >"$virt"
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
    want_last=$(tail -n 1 "$EXP")
    got_last=$(tail -n 1 "$virt")
    if [ "$got_last" = "$want_last" ]; then
        ok "privcheck under vmm ($label): result line '$want_last'"
    else
        not_ok "privcheck under vmm ($label): result line" "native: $want_last" "vmm:    ${got_last:-(none)}"
    fi
    if cmp -s "$EXP" "$virt"; then
        ok "privcheck under vmm ($label): whole output identical to the bare machine's"
    else
        not_ok "privcheck under vmm ($label): whole output identical to the bare machine's" \
            "$(diff "$EXP" "$virt" | head -8)"
    fi
}

run_scenario alone "$SCEN/privcheck.json"
run_scenario "beside compute and rogue" "$SCEN/privcheck-mixed.json"

# The neighbours must be unaffected by privcheck's checks (and it by theirs).
for g in compute rogue; do
    sed -n "s/^\[$g\] //p" "$work/beside compute and rogue.log" >"$work/$g.virt"
    if cmp -s "tests/integration/expected/$g.out" "$work/$g.virt"; then
        ok "beside privcheck: $g prints exactly its native output"
    else
        not_ok "beside privcheck: $g prints exactly its native output" \
            "$(diff "tests/integration/expected/$g.out" "$work/$g.virt" | head -6)"
    fi
done

echo "1..$n"
