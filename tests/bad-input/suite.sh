#!/bin/bash
# tests/bad-input/suite.sh — bad input must never crash trapeze.
#
# Every case feeds `trapeze run` one malformed ELF file or one malformed
# machine profile and checks, for both the normal build ($BUILD/trapeze) and
# the ASan+UBSan build ($BUILD/san/trapeze), that:
#   - the exit status is 2 (bad input), not a signal, a sanitizer abort or a
#     timeout (a hang counts as a failure);
#   - stderr starts with "trapeze: ", names the file, and says what is wrong
#     (the expected text is listed with each case below);
#   - no sanitizer report appears.
# Two control cases first prove the good program and the default profile run
# (exit 0), so a CLI that refuses everything cannot pass.
#
# The malformed profiles are small files in tests/bad-input/profiles/. The
# malformed ELF files are made here from ok.S: each is the good executable
# with a few bytes of its headers changed, so each shows one kind of damage.
#
# Output: TAP lines ("ok N - name" / "not ok N - name"). Environment: BUILD
# (build directory, default "build"), RV_CC (cross compiler).
set -u
BUILD=${BUILD:-build}
RV_CC=${RV_CC:-riscv64-unknown-elf-gcc}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=${ROOT:-$(cd "$HERE/../.." && pwd)}
RUN_TIMEOUT=20
. "$HERE/../lib/tap.sh"

BINS=()
for b in "$BUILD/trapeze" "$BUILD/san/trapeze"; do
    if [ -x "$b" ]; then BINS+=("$b"); else not_ok "binary $b exists" "build it with make"; fi
done

tap_workdir

# ---- the good program -------------------------------------------------------
OK="$work/ok.elf"
if ! "$RV_CC" -march=rv32ima_zicsr -mabi=ilp32 -nostdlib -nostartfiles -static \
        -Wl,--build-id=none -Wl,--no-warn-rwx-segments \
        -T "$HERE/ok.ld" "$HERE/ok.S" -o "$OK" 2>"$work/cc.log"; then
    not_ok "build ok.elf with $RV_CC" "$(cat "$work/cc.log")"
    tap_done
    exit 1
fi

# ---- little-endian field access on a copy of ok.elf --------------------------
u16() { od -An -tu2 -j "$2" -N2 "$1" | tr -d ' '; }
u32() { od -An -tu4 -j "$2" -N4 "$1" | tr -d ' '; }
put8() { printf "\\x$(printf %02x "$3")" | dd of="$1" bs=1 seek="$2" conv=notrunc status=none; }
put16() { put8 "$1" "$2" $(($3 & 255)); put8 "$1" $(($2 + 1)) $((($3 >> 8) & 255)); }
put32() { put16 "$1" "$2" $(($3 & 65535)); put16 "$1" $(($2 + 2)) $((($3 >> 16) & 65535)); }

# ELF32 header fields (System V gABI): e_entry 24, e_phoff 28, e_shoff 32,
# e_phentsize 42, e_phnum 44, e_shentsize 46, e_shnum 48. Program header:
# p_type 0, p_offset 4, p_paddr 12, p_filesz 16, p_memsz 20. Section header:
# sh_type 4, sh_link 24.
PHOFF=$(u32 "$OK" 28); PHNUM=$(u16 "$OK" 44)
SHOFF=$(u32 "$OK" 32); SHNUM=$(u16 "$OK" 48)
LOAD_PH=""; OTHER_PH=""
for ((i = 0; i < PHNUM; i++)); do
    ph=$((PHOFF + 32 * i))
    if [ "$(u32 "$OK" $ph)" = 1 ]; then
        [ -z "$LOAD_PH" ] && LOAD_PH=$ph
    else
        [ -z "$OTHER_PH" ] && OTHER_PH=$ph
    fi
done
SYMTAB_SH=""
for ((i = 0; i < SHNUM; i++)); do
    sh=$((SHOFF + 40 * i))
    [ "$(u32 "$OK" $((sh + 4)))" = 2 ] && SYMTAB_SH=$sh
done
SEG_OFF=$(u32 "$OK" $((LOAD_PH + 4)))
SEG_FILESZ=$(u32 "$OK" $((LOAD_PH + 16)))

# Make $work/NAME.elf from ok.elf with the given edits (shell commands where
# F names the file).
mk() {
    local name=$1; shift
    F="$work/$name.elf"
    cp "$OK" "$F"
    eval "$@"
}

# ---- running one case -------------------------------------------------------
# check_refused NAME FILE-IN-MESSAGE EXPECTED -- COMMAND...
check_refused() {
    local name=$1 file=$2 expect=$3; shift 4
    local bin out rc
    for bin in "${BINS[@]}"; do
        out="$work/stderr"
        limited "$bin" "$@" >"$work/stdout" 2>"$out"
        rc=$?
        local label="$name ($(basename "$(dirname "$bin")")/$(basename "$bin"))"
        if [ $rc -eq 124 ]; then
            not_ok "$label" "timed out after ${RUN_TIMEOUT}s: $*"
        elif [ $rc -gt 128 ]; then
            not_ok "$label" "killed by signal $((rc - 128)): $*" "$(head -5 "$out")"
        elif grep -qE 'Sanitizer|runtime error:' "$out"; then
            not_ok "$label" "sanitizer report: $*" "$(grep -m3 -E 'Sanitizer|runtime error:|SUMMARY' "$out")"
        elif [ $rc -ne 2 ]; then
            not_ok "$label" "exit status $rc, expected 2: $*" "$(head -3 "$out")"
        elif ! head -1 "$out" | grep -qF "trapeze: "; then
            not_ok "$label" "message does not start with 'trapeze: '" "$(head -3 "$out")"
        elif ! grep -qF -- "$file" "$out"; then
            not_ok "$label" "message does not name $file" "$(head -3 "$out")"
        elif ! grep -qF -- "$expect" "$out"; then
            not_ok "$label" "message does not say: $expect" "$(head -3 "$out")"
        else
            ok "$label"
        fi
    done
}

# ---- controls ---------------------------------------------------------------
for bin in "${BINS[@]}"; do
    for prof in "" "$ROOT/machine/profiles/default.json"; do
        label="control: ok.elf runs${prof:+ with default.json} ($(basename "$(dirname "$bin")")/$(basename "$bin"))"
        if [ -n "$prof" ]; then
            limited "$bin" run "$OK" --profile "$prof" >"$work/stdout" 2>"$work/stderr"
        else
            limited "$bin" run "$OK" >"$work/stdout" 2>"$work/stderr"
        fi
        rc=$?
        if [ $rc -eq 0 ] && grep -qx ok "$work/stdout"; then
            ok "$label"
        else
            not_ok "$label" "exit status $rc, stdout: $(head -c 80 "$work/stdout")" "$(head -3 "$work/stderr")"
        fi
    done
done

# ---- malformed ELF files ----------------------------------------------------
elf_case() {   # elf_case NAME EXPECTED EDITS
    mk "$1" "$3"
    check_refused "elf: $1" "$F" "$2" -- run "$F"
}

elf_case not-elf       "not an ELF file"            'printf "hello, world\n" > "$F"'
elf_case empty         "empty file"                 ': > "$F"'
elf_case missing       "cannot open"                'rm -f "$F"'
elf_case elf64         "64-bit ELF file"            'put8 "$F" 4 2'
elf_case big-endian    "ELF data encoding 2"        'put8 "$F" 5 2'
elf_case x86-64        "e_machine is 62, expected 243 (RISC-V)" 'put16 "$F" 18 62'
elf_case shared-object "e_type is 3, expected 2"    'put16 "$F" 16 3'
elf_case relocatable   "a relocatable object"       'put16 "$F" 16 1'
elf_case ehsize        "e_ehsize is 64"             'put16 "$F" 40 64'
elf_case phentsize     "e_phentsize is 56"          'put16 "$F" 42 56'
elf_case no-phdrs      "no program headers"         'put16 "$F" 44 0'
elf_case phoff-past-end "program header table (offset 0xfffffff0" 'put32 "$F" 28 0xfffffff0'
elf_case truncated-header "shorter than an ELF32 header" 'head -c 40 "$OK" > "$F"'
elf_case truncated-segment "truncated file?"        'head -c $((SEG_OFF + SEG_FILESZ / 2)) "$OK" > "$F"'
elf_case seg-offset    "extend past the end of the file" 'put32 "$F" $((LOAD_PH + 4)) 0x7ffffff0'
elf_case filesz-gt-memsz "is larger than its memory size" 'put32 "$F" $((LOAD_PH + 20)) $((SEG_FILESZ - 1))'
elf_case below-ram     "outside the allowed memory" 'put32 "$F" $((LOAD_PH + 12)) 0x10000000'
elf_case past-ram      "outside the allowed memory" 'put32 "$F" $((LOAD_PH + 12)) 0x87fffff0'
elf_case wraps-4g      "outside the allowed memory" 'put32 "$F" $((LOAD_PH + 12)) 0xffffff00; put32 "$F" $((LOAD_PH + 20)) 0x1000'
elf_case entry-outside "entry point 0x90000000 is not inside any loaded segment" 'put32 "$F" 24 0x90000000'
elf_case no-load       "no loadable (PT_LOAD) segment" 'put32 "$F" $LOAD_PH 6'
if [ -n "$OTHER_PH" ]; then
    # Turn the non-loadable program header into a second PT_LOAD on top of the first.
    elf_case overlap   "overlap in memory" \
        'put32 "$F" $OTHER_PH 1; put32 "$F" $((OTHER_PH + 4)) $SEG_OFF; put32 "$F" $((OTHER_PH + 12)) 0x80000000; put32 "$F" $((OTHER_PH + 16)) 4; put32 "$F" $((OTHER_PH + 20)) 4'
fi
elf_case shentsize     "e_shentsize is 64"          'put16 "$F" 46 64'
elf_case shoff-past-end "section header table"      'put32 "$F" 32 0xfffffff0'
if [ -n "$SYMTAB_SH" ]; then
    elf_case symtab-link "which does not exist"     'put32 "$F" $((SYMTAB_SH + 24)) 999'
    elf_case symtab-size "extends past the end of the file" 'put32 "$F" $((SYMTAB_SH + 20)) 0x7ffffff0'
fi

# ---- malformed profiles -----------------------------------------------------
P="$HERE/profiles"
prof_case() {   # prof_case FILE EXPECTED
    check_refused "profile: $(basename "$1")" "$1" "$2" -- run "$OK" --profile "$1"
}
prof_case "$P/syntax-error.json"        "syntax-error.json:3:"
prof_case "$P/syntax-error.json"        "syntax error near"
prof_case "$P/fraction.json"            "cycles.div: expected an integer from 0 to 100000, got 2.5"
prof_case "$P/negative.json"            "cycles.load: expected an integer from 0 to 100000, got -2"
prof_case "$P/too-large.json"           "cycles.alu: expected an integer from 0 to 100000, got 100001"
prof_case "$P/unknown-key.json"         "cycles.dvi: unknown key (allowed: alu, branch"
prof_case "$P/duplicate-key.json"       "clock_hz: duplicate key"
prof_case "$P/tlb-not-power-of-two.json" "tlb_entries: expected a power of two from 1 to 4096, got 48"
prof_case "$P/timebase-not-divisor.json" "timebase_hz: must divide clock_hz exactly"
prof_case "$P/ram-too-large.json"       "ram_mib: expected an integer from 1 to 2048, got 4096"
prof_case "$P/name-not-string.json"     "name: expected a string, got 5"
prof_case "$P/number-as-string.json"    "cycles.mul: expected an integer from 0 to 100000, got the string \"3\""
prof_case "$P/not-an-object.json"       "expected an object, got an array"
prof_case "$P/overflow.json"            "clock_hz: expected an integer from 1 to 10000000000, got a number too large to represent"
prof_case "$P/empty.json"               "empty file"
prof_case "$work/no-such-profile.json"  "cannot open: No such file or directory"
printf '{ "name": "x" }\0{}' > "$work/nul.json"
prof_case "$work/nul.json"              "NUL byte in JSON text"
# Over 1 MiB of otherwise valid JSON.
{ printf '{ "comment": "'; head -c $((1100 * 1024)) /dev/zero | tr '\0' x; printf '" }'; } > "$work/huge.json"
prof_case "$work/huge.json"             "file is larger than 1048576 bytes"
printf '{ "cycles": %s1 %s }\n' "$(printf '[%.0s' $(seq 2000))" "$(printf ']%.0s' $(seq 2000))" > "$work/deep.json"
prof_case "$work/deep.json"             "syntax error"

tap_done
[ $tap_failures -eq 0 ]
