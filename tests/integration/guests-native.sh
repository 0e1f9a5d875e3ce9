#!/bin/bash
# tests/integration/guests-native.sh — every guest kernel booted natively on
# the tiny SBI firmware, on trapeze and on QEMU, checked against its expected
# console output (tests/integration/expected/<guest>.out).
#
# For each guest:
#   trapeze output      stdout equals the expected file, byte for byte
#   trapeze exit        the exit status is the guest's (0 = its PASS line)
#   deterministic       two runs write identical --json figures (cycles,
#                       instructions, traps by cause, TLB, ...), also when the
#                       host runs the machine in slices of another size
#   sanitized           build/san/trapeze (ASan+UBSan) gives the same output
#   qemu result line    qemu-system-riscv32 -machine virt -bios none with the
#                       same firmware ends with the same result line and status
#   qemu output         ... and in fact prints the same output
# plus chatty reading UART input (--input).
#
# Prints TAP lines; BUILD (default build) and QEMU come from tests/run-all.
set -u
cd "$(dirname "$0")/../.." || exit 1
BUILD=${BUILD:-build}
QEMU=${QEMU:-qemu-system-riscv32}
GUESTS="hello tasks pager compute chatty rogue privcheck"
FIRMWARE=$BUILD/rv32/guests/firmware/firmware.elf
EXPECTED=${EXPECTED:-tests/integration/expected}
MAX_INSNS=100000000          # every guest needs far fewer (< 10 million)
QEMU_TIMEOUT=30
. tests/lib/tap.sh
tap_workdir

# Compare a produced file with the expected one; show the first differences.
check_same() {   # name expected actual
    if cmp -s "$2" "$3"; then
        ok "$1"
    else
        local d
        d=$(diff "$2" "$3" | head -8)
        not_ok "$1" "output differs from $2:" "$d"
    fi
}

run_trapeze() {  # binary guest out [extra args...]; echoes exit status
    local bin=$1 g=$2 out=$3; shift 3
    "$bin" run --kernel "$BUILD/rv32/guests/$g/$g.elf" --firmware "$FIRMWARE" \
        --max-instructions $MAX_INSNS -q "$@" >"$out" 2>"$out.err"
    echo $?
}

have_qemu=1
command -v "$QEMU" >/dev/null 2>&1 || have_qemu=0

for g in $GUESTS; do
    elf=$BUILD/rv32/guests/$g/$g.elf
    exp=$EXPECTED/$g.out
    if [ ! -f "$elf" ] || [ ! -f "$FIRMWARE" ]; then
        not_ok "$g: built" "missing $elf or $FIRMWARE (run make)"
        continue
    fi
    want_status=0            # every guest exits 0 when its checks pass

    # --- trapeze ---
    if [ -x "$BUILD/trapeze" ]; then
        rc=$(run_trapeze "$BUILD/trapeze" "$g" "$work/$g.out")
        check_same "$g: trapeze output" "$exp" "$work/$g.out"
        if [ "$rc" = "$want_status" ]; then ok "$g: trapeze exit status $rc"
        else not_ok "$g: trapeze exit status" "got $rc, want $want_status" "$(tail -3 "$work/$g.out.err")"; fi

        run_trapeze "$BUILD/trapeze" "$g" /dev/null --json "$work/$g.1.json" >/dev/null
        run_trapeze "$BUILD/trapeze" "$g" /dev/null --json "$work/$g.2.json" >/dev/null
        if [ -s "$work/$g.1.json" ] && grep -q '"cycles"' "$work/$g.1.json" &&
           cmp -s "$work/$g.1.json" "$work/$g.2.json"; then
            ok "$g: deterministic ($(grep -m1 '"cycles"' "$work/$g.1.json" | tr -d ' \t,'))"
        else
            not_ok "$g: deterministic" "two runs gave different --json figures (or none)" \
                "$(diff "$work/$g.1.json" "$work/$g.2.json" 2>&1 | head -4)"
        fi
        # Host slicing must not show in any figure (an odd slice size splits
        # instructions, traps and timer deadlines differently).
        run_trapeze "$BUILD/trapeze" "$g" /dev/null --json "$work/$g.3.json" --slice 9973 >/dev/null
        if cmp -s "$work/$g.1.json" "$work/$g.3.json"; then
            ok "$g: same figures with another host slice size"
        else
            not_ok "$g: same figures with another host slice size" \
                "$(diff "$work/$g.1.json" "$work/$g.3.json" 2>&1 | head -4)"
        fi
    else
        not_ok "$g: trapeze output" "$BUILD/trapeze is not built"
    fi

    if [ -x "$BUILD/san/trapeze" ]; then
        rc=$(run_trapeze "$BUILD/san/trapeze" "$g" "$work/$g.san.out")
        if [ "$rc" = "$want_status" ] && cmp -s "$exp" "$work/$g.san.out"; then
            ok "$g: sanitized trapeze"
        else
            not_ok "$g: sanitized trapeze" "exit $rc (want $want_status)" \
                "$(diff "$exp" "$work/$g.san.out" | head -4)" "$(tail -5 "$work/$g.san.out.err")"
        fi
    else
        not_ok "$g: sanitized trapeze" "$BUILD/san/trapeze is not built"
    fi

    # --- QEMU, the reference machine ---
    if [ $have_qemu = 0 ]; then
        skip "$g: qemu result line" "$QEMU not installed"
        continue
    fi
    timeout $QEMU_TIMEOUT "$QEMU" -machine virt -bios none -nographic -monitor none \
        -kernel "$FIRMWARE" -device loader,file="$elf" </dev/null >"$work/$g.qemu" 2>&1
    rc=$?
    want_line=$(tail -n 1 "$exp")
    got_line=$(tail -n 1 "$work/$g.qemu")
    if [ "$rc" = "$want_status" ] && [ "$got_line" = "$want_line" ]; then
        ok "$g: qemu result line"
    else
        not_ok "$g: qemu result line" "exit $rc (want $want_status)" "want: $want_line" "got:  $got_line"
    fi
    check_same "$g: qemu output" "$exp" "$work/$g.qemu"
done

# chatty with input: the bytes arrive through SBI DBCN read.
if [ -x "$BUILD/trapeze" ] && [ -f "$BUILD/rv32/guests/chatty/chatty.elf" ]; then
    rc=$(run_trapeze "$BUILD/trapeze" chatty "$work/chatty-input.out" --input "hello, trapeze")
    if [ "$rc" = 0 ]; then
        check_same "chatty: reads UART input" "$EXPECTED/chatty-input.out" "$work/chatty-input.out"
    else
        not_ok "chatty: reads UART input" "exit status $rc"
    fi
fi

tap_done
