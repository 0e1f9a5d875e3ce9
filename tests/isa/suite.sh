#!/bin/bash
# tests/isa/suite.sh — run every ISA test program on trapeze (normal and
# ASan+UBSan builds) and on QEMU, and check that they agree.
#
# For each program $BUILD/rv32/tests/isa/<group>/<name>.elf it prints TAP lines
#   ok N - <group>/<name> trapeze          exit status 0 (all cases passed)
#   ok N - <group>/<name> trapeze-asan
#   ok N - <group>/<name> qemu
#   ok N - <group>/<name> agrees-with-qemu (same exit status on both)
# A program's exit status is 0 on success, the number of the failing case
# otherwise, and 128 + case number for a trap nobody expected.
#
# Known QEMU 7.2 deviations from the RISC-V specification are declared in the
# test source itself, on a line
#     // QEMU-DEVIATION(exit=N): <what QEMU does wrong, and the spec reference>
# QEMU must then fail exactly with case N (so the deviation stays pinned to
# that one case), and the qemu and agreement lines are reported as SKIP.
#
# QEMU runs with the CPU trimmed to trapeze's ISA (RV32IMA + S + U: no C, F,
# D, H, bit-manipulation or Sscofpmf), so misa, the legal encodings and the
# instruction-alignment rules match.
#
# Environment: BUILD (build directory), QEMU (the qemu-system-riscv32 binary),
# ISA_JOBS (parallel runs; default: number of CPUs).
set -u
BUILD=${BUILD:-build}
QEMU=${QEMU:-qemu-system-riscv32}
SRCDIR=$(cd "$(dirname "$0")" && pwd)
ELFDIR=$BUILD/rv32/tests/isa
QEMU_CPU=rv32,c=false,h=false,f=false,d=false,zba=false,zbb=false,zbc=false,zbs=false,sscofpmf=false
MAX_INSTRUCTIONS=5000000
RUN_TIMEOUT=30            # seconds of host time per run: a hang is a failure
LOGDIR=$BUILD/test-logs/isa
JOBS=${ISA_JOBS:-$(nproc 2>/dev/null || echo 2)}

. "$SRCDIR/../lib/tap.sh"
mkdir -p "$LOGDIR"
tap_workdir
RESULTS=$work

explain() {   # exit status -> words
    local rc=$1
    if [ "$rc" -eq 0 ]; then echo "passed"
    elif [ "$rc" -eq 124 ]; then echo "timed out after ${RUN_TIMEOUT}s"
    elif [ "$rc" -ge 128 ] && [ "$rc" -lt 256 ]; then
        echo "exit $rc: unexpected trap during case $((rc - 128))"
    else echo "exit $rc: case $rc failed"
    fi
}

# run_one NAME: writes this program's TAP lines (without numbers) to a file.
run_one() {
    local name=$1 elf=$ELFDIR/$1.elf src=$SRCDIR/$1.S
    local out=$RESULTS/$(echo "$name" | tr '/' '_')
    local log=$LOGDIR/$(echo "$name" | tr '/' '_')
    local dev_code="" dev_text="" line
    line=$(grep -m1 -o 'QEMU-DEVIATION(exit=[0-9]*): .*' "$src" 2>/dev/null)
    if [ -n "$line" ]; then
        dev_code=$(echo "$line" | sed 's/QEMU-DEVIATION(exit=\([0-9]*\)).*/\1/')
        dev_text=$(echo "$line" | sed 's/QEMU-DEVIATION(exit=[0-9]*): *//')
    fi
    local t_rc=none
    {
        local runner bin rc
        for runner in trapeze trapeze-asan; do
            if [ $runner = trapeze ]; then bin=$BUILD/trapeze; else bin=$BUILD/san/trapeze; fi
            if [ ! -x "$bin" ]; then
                echo "not ok - $name $runner # $bin is not built"
                continue
            fi
            limited "$bin" run "$elf" --max-instructions "$MAX_INSTRUCTIONS" \
                >"$log.$runner.log" 2>&1 </dev/null
            rc=$?
            [ $runner = trapeze ] && t_rc=$rc
            if [ $rc -eq 0 ]; then echo "ok - $name $runner"
            else echo "not ok - $name $runner ($(explain $rc); log $log.$runner.log)"; fi
        done
        if ! command -v "$QEMU" >/dev/null 2>&1; then
            echo "ok - $name qemu # SKIP $QEMU is not installed"
            echo "ok - $name agrees-with-qemu # SKIP $QEMU is not installed"
        else
            limited "$QEMU" -machine virt -bios none -nographic -cpu "$QEMU_CPU" \
                -kernel "$elf" >"$log.qemu.log" 2>&1 </dev/null
            rc=$?
            if [ -n "$dev_code" ]; then
                if [ "$rc" -eq "$dev_code" ] || [ "$rc" -eq 0 ]; then
                    echo "ok - $name qemu # SKIP known QEMU 7.2 deviation: $dev_text"
                    echo "ok - $name agrees-with-qemu # SKIP known QEMU 7.2 deviation (QEMU exit $rc)"
                else
                    echo "not ok - $name qemu ($(explain $rc); only case $dev_code is a known deviation)"
                    echo "ok - $name agrees-with-qemu # SKIP known QEMU 7.2 deviation"
                fi
            else
                if [ $rc -eq 0 ]; then echo "ok - $name qemu"
                else echo "not ok - $name qemu ($(explain $rc); log $log.qemu.log)"; fi
                if [ "$t_rc" = none ]; then
                    echo "not ok - $name agrees-with-qemu # trapeze did not run"
                elif [ "$t_rc" -eq "$rc" ]; then echo "ok - $name agrees-with-qemu"
                else echo "not ok - $name agrees-with-qemu (trapeze: $(explain "$t_rc"); qemu: $(explain $rc))"; fi
            fi
        fi
    } >"$out"
}
export -f run_one explain limited
export BUILD QEMU SRCDIR ELFDIR QEMU_CPU MAX_INSTRUCTIONS RUN_TIMEOUT LOGDIR RESULTS

if [ ! -d "$ELFDIR" ]; then
    not_ok "isa: no programs in $ELFDIR (build them with make)"
    exit 1
fi
names=$(cd "$ELFDIR" && find . -name '*.elf' | sed 's|^\./||; s|\.elf$||' | sort)
if [ -z "$names" ]; then
    not_ok "isa: no programs in $ELFDIR"
    exit 1
fi
echo "$names" | xargs -P "$JOBS" -I{} bash -c 'run_one "$1"' _ {}

# The runs finished in any order; number their lines in name order.
for name in $names; do
    while IFS= read -r line; do
        case $line in
        "not ok - "*) not_ok "${line#not ok - }" ;;
        "ok - "*)     ok "${line#ok - }" ;;
        esac
    done < "$RESULTS/$(echo "$name" | tr '/' '_')"
done
tap_done
