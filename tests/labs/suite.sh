#!/bin/bash
# tests/labs/suite.sh — the labs and their auto-checkers (TAP).
#
# For every lab in labs/: its scenario files run; its check.sh accepts a
# right answers file and rejects a wrong one, question by question, without
# ever printing a right figure; hints come in Korean under LANG=ko_KR.UTF-8.
#
# The right answers are computed here, independently of the checkers: the
# figures with jq from trapeze's own --json/--events/console output, the
# reasoning questions from the answer key below (instructors: this is the
# key; students, the labs are more fun without it).
set -u
BUILD=${BUILD:-build}
case $BUILD in /*) ;; *) BUILD=$PWD/$BUILD ;; esac
export BUILD
T=$BUILD/trapeze
RV=$BUILD/rv32
LABS=labs
. "$(dirname "$0")/../lib/tap.sh"
tap_workdir

if ! command -v jq >/dev/null; then
    not_ok "jq is installed (the suite computes the right answers with it)"
    exit 1
fi

# ---- the answer key of the reasoning questions --------------------------------
key_01="q8 = c
q9 = yes
q10 = no
q11 = a
q13 = d"
key_02="q12 = c
q13 = a
q14 = d
q15 = 1"
key_03="q3 = b
q7 = c
q8 = d
q14 = a
q16 = b"
key_04="q5 = c
q7 = a
q17 = d"
key_05="q11 = b
q12 = d
q13 = para
q15 = a"

# run TAG ARGS...: trapeze run ARGS with JSON in $work/TAG.json, console in TAG.out
run() {
    local tag=$1; shift
    "$T" run "$@" -q --json "$work/$tag.json" >"$work/$tag.out" 2>"$work/$tag.err"
}
j() { jq -r "$2" "$work/$1.json"; }
g() { jq -r --arg n "$2" ".guests[] | select(.name == \$n) | $3" "$work/$1.json"; }
pct() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f\n", 100 * (a - b) / b }'; }

# ---- right answers, lab by lab ----------------------------------------------------
answers_01() {
    run native --kernel "$RV/guests/hello/hello.elf" --events "$work/native.ev"
    local ev=$work/native.ev
    echo "q1 = $(j native '.exceptions.ecall_from_s // 0')"
    echo "q2 = $(grep -E ' (trap|interrupt) +[SU]->M ' "$ev" | wc -l)"
    echo "q3 = $(j native '.exceptions.illegal_instruction // 0')"
    echo "q4 = $(grep -m1 -E ' xret +M->S ' "$ev" | sed 's/.*pc=\(0x[0-9a-f]*\).*/\1/')"
    local t0 t1
    t0=$(grep -m1 -E ' trap .* ecall_from_s ' "$ev" | awk '{ print $1 }')
    t1=$(awk -v t="$t0" '$1 > t && $3 == "xret" { print $1; exit }' "$ev")
    echo "q5 = $((t1 - t0))"
    echo "q6 = $(j native '100 * .privilege.M.cycles / .cycles')"
    echo "q7 = $(j native '.cycles / .instructions')"
    echo "q12 = $(jq -r '.cycles.trap_entry' machine/profiles/default.json)"
    echo "$key_01"
}

answers_02() {
    local d=$LABS/02-trap-and-emulate
    run hello "$d/hello-full.json" --events "$work/hello.ev"
    echo "q1 = $(g hello hello '.traps.illegal_instruction')"
    echo "q2 = $(g hello hello '.emulated.csr')"
    echo "q3 = $(g hello hello '.emulated.wfi')"
    echo "q4 = $(g hello hello '.traps | keys[] | select(startswith("ecall"))')"
    # median trap-to-xret of the illegal-instruction exits reported as CSR emulations
    echo "q5 = $(awk '$3 == "trap" { t = ($6 == "illegal_instruction") ? $1 : 0; e = 0 }
                     $6 == "emulate" && $7 == "0x0" { e = 1 }
                     $3 == "xret" && t { if (e) print $1 - t; t = 0 }' "$work/hello.ev" |
                 sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')"
    for k in compute chatty; do
        run "$k-n" --kernel "$RV/guests/$k/$k.elf"
        run "$k-f" "$d/$k-full.json"
    done
    echo "q6 = $(pct "$(j compute-f .cycles)" "$(j compute-n .cycles)")"
    echo "q7 = $(pct "$(j chatty-f .cycles)" "$(j chatty-n .cycles)")"
    echo "q8 = $(g compute-f compute '[.traps[]] | add')"
    echo "q9 = $(g chatty-f chatty '[.traps[]] | add')"
    echo "q10 = $(g chatty-f chatty '.vmm_cycles / ([.traps[]] | add)')"
    echo "q11 = $(g chatty-f chatty '.mmio')"
    echo "$key_02"
}

answers_03() {
    local d=$LABS/03-shadow-page-tables
    run pager "$d/pager-full.json" --events "$work/pager.ev"
    run tasks "$d/tasks-full.json"
    run long "$d/pager-compute.json"
    jq '.slice_us = 100' "$d/pager-compute.json" >"$work/short.json"
    run short "$work/short.json"
    echo "q1 = $(g pager pager '.shadow_fills_hidden')"
    echo "q2 = $(g pager pager '.injected_page_faults')"
    echo "q4 = $(grep -cE ' emulate 0x0 0x[0-9a-f]+ 0x180 ' "$work/pager.ev")"
    echo "q5 = $(grep -cE ' shadow_flush 0x[0-9a-f]+ 0x1 ' "$work/pager.ev")"
    echo "q6 = $(grep -cE ' shadow_flush 0x[0-9a-f]+ 0x0 ' "$work/pager.ev")"
    echo "q9 = $(g tasks tasks '.traps.ecall_from_u - .sbi_calls')"
    echo "q10 = $(g tasks tasks '.injected_page_faults')"
    echo "q11 = $(g long pager '.world_switches')"
    echo "q12 = $(g short pager '.world_switches')"
    echo "q13 = $(g short pager '.shadow_fills_hidden')"
    echo "q15 = $(pct "$(g short pager .vmm_cycles)" "$(g long pager .vmm_cycles)")"
    echo "$key_03"
}

answers_04() {
    local d=$LABS/04-isolation
    run rogue "$d/rogue-beside-others.json"
    run contain "$d/containment.json"
    echo "q14 = $?"
    jq '.watchdog_slices = 5' "$d/containment.json" >"$work/short.json"
    run short "$work/short.json"
    echo "q1 = $(grep -o 'PASS blocked [0-9]*' "$work/rogue.out" | awk '{ print $3 }')"
    echo "q2 = $(grep '^\[rogue\]' "$work/rogue.out" | grep -B1 'rogue:   not blocked' | grep -o 'attempt [0-9]*' | awk '{ print $2 }')"
    echo "q3 = $(grep -c 'rogue:   blocked: .*access fault' "$work/rogue.out")"
    echo "q4 = $(g rogue rogue '.injected')"
    echo "q6 = $(g rogue rogue '.traps.machine_timer')"
    echo "q8 = $(j rogue '[.guests[] | select(.exit_code == 0)] | length')"
    local q=9 name r
    for name in garbage wild faultloop sleeper spinner; do
        r=$(g contain "$name" '.kill_reason')
        case $r in
        "illegal instruction with no handler") r=illegal ;;
        "memory outside its partition") r=bad_memory ;;
        "trap storm") r=trap_storm ;;
        "waits for an interrupt that can never come") r=deadlock ;;
        "pending interrupt masked too long (watchdog)") r=budget ;;
        esac
        echo "q$q = $r"
        q=$((q + 1))
    done
    echo "q15 = $(g contain faultloop '.injected')"
    echo "q16 = $(g short spinner '.traps.machine_timer')"
    echo "$key_04"
}

answers_05() {
    local d=$LABS/05-full-para-emulated k m
    for k in pager compute; do
        run "$k-native" --kernel "$RV/guests/$k/$k.elf"
        for m in full para emulated; do run "$k-$m" "$d/$k-$m.json"; done
    done
    run mixed "$d/mixed.json"
    echo "q1 = $(pct "$(j pager-full .cycles)" "$(j pager-native .cycles)")"
    echo "q2 = $(pct "$(j pager-para .cycles)" "$(j pager-native .cycles)")"
    echo "q3 = $(awk -v a="$(j pager-emulated .cycles)" -v b="$(j pager-native .cycles)" 'BEGIN { print a / b }')"
    echo "q4 = $(g pager-full pager '[.traps[]] | add')"
    echo "q5 = $(g pager-para pager '[.traps[]] | add')"
    echo "q6 = $(g pager-para pager '.hypercalls')"
    echo "q7 = $(g pager-para pager '.traps.ecall_from_u')"
    echo "q8 = $(pct "$(j compute-full .cycles)" "$(j compute-native .cycles)")"
    echo "q9 = $(pct "$(j compute-para .cycles)" "$(j compute-native .cycles)")"
    echo "q10 = $(awk -v a="$(j compute-emulated .cycles)" -v b="$(j compute-native .cycles)" 'BEGIN { print a / b }')"
    echo "q14 = $(g pager-emulated pager '.shadow_fills_hidden')"
    echo "q16 = $(j mixed '.guests | max_by(.vmm_cycles) | .name')"
    echo "$key_05"
}

# ---- plausible wrong answers ---------------------------------------------------
# A tolerance is only right if it rejects the mistakes students really make:
# two answers swapped, a figure off by a factor (a fraction for a percentage,
# "times slower" minus one), the neighbouring question's figure, the right
# formula on the wrong counter. plausible_LAB prints "GROUP KEY = VALUE" lines,
# computed from the same runs as the right answers; every key of a group must
# get its ✗ (one checker run per group, so a key appears once per group).

# rv KEY: the right answer to KEY of the lab being checked
rv() { awk -F ' = ' -v k="$1" '$1 == k { print $2; exit }' "$work/$lab.right"; }
f() { awk "BEGIN { printf \"%.4f\\n\", $1 }"; }

plausible_01() {
    echo "scaled q6 = $(f "$(rv q6) / 100")"                                   # a fraction, not a %
    echo "scaled q7 = $(j native '.instructions / .cycles')"                    # IPC, not CPI
    echo "miscounted q6 = $(j native '100 * .privilege.M.instructions / .instructions')" # instructions
    echo "miscounted q7 = $(j native '.privilege.S.cycles / .privilege.S.instructions')" # the kernel's CPI
}

plausible_02() {
    echo "swapped q6 = $(rv q7)"
    echo "swapped q7 = $(rv q6)"
    echo "swapped q10 = $(rv q11)"
    echo "scaled q6 = $(f "$(rv q6) / 100")"
    echo "scaled q7 = $(f "100 + $(rv q7)")"                                   # the ratio, as a %
    # the mean of every illegal-instruction exit, not the median of the CSR emulations
    echo "miscounted q5 = $(awk '$3 == "trap" { t = ($6 == "illegal_instruction") ? $1 : 0 }
                          $3 == "xret" && t { s += $1 - t; k++; t = 0 } END { printf "%.1f\n", s / k }' "$work/hello.ev")"
    echo "miscounted q6 = $(f "100 * $(g compute-f compute .vmm_cycles) / $(j compute-n .cycles)")" # VMM work / native
    # the machine's M-mode cycles (VMM start-up and idle included), not the VMM's work for chatty
    echo "miscounted q10 = $(f "$(j chatty-f .privilege.M.cycles) / $(rv q9)")"
    echo "base q7 = $(f "100 * ($(j chatty-f .cycles) - $(j chatty-n .cycles)) / $(j chatty-f .cycles)")"
    echo "base q10 = $(g chatty-f chatty '.vmm_cycles / .mmio')"               # per MMIO access
}

plausible_03() {
    local l s
    l=$(g long pager .vmm_cycles); s=$(g short pager .vmm_cycles)
    echo "scaled q15 = $(f "100 * $s / $l")"                                   # the ratio, as a %
    echo "base q15 = $(f "100 * ($s - $l) / $s")"                              # base: the 100 us run
}

plausible_05() {
    echo "swapped q1 = $(rv q2)"
    echo "swapped q2 = $(rv q1)"
    echo "swapped q3 = $(rv q10)"
    echo "swapped q10 = $(rv q3)"
    echo "swapped q8 = $(rv q9)"
    echo "swapped q9 = $(rv q8)"
    echo "scaled q1 = $(f "$(rv q1) / 100")"
    echo "scaled q3 = $(f "$(rv q3) - 1")"                                     # "slower by", not "times"
    echo "scaled q8 = $(f "100 + $(rv q8)")"
    echo "scaled q9 = $(f "$(rv q9) / 100")"
    echo "scaled q10 = $(f "100 * ($(rv q10) - 1)")"
    # (a wrong base is not listed for compute: at a 1.5 % overhead it moves the
    # figure by 0.02 point, less than rounding to one decimal does)
    echo "base q2 = $(f "100 * ($(j pager-para .cycles) - $(j pager-native .cycles)) / $(j pager-para .cycles)")"
    echo "miscounted q8 = $(f "100 * $(g compute-full compute .vmm_cycles) / $(j compute-native .cycles)")"
    # para as much cheaper than full as it really is dearer
    echo "miscounted q9 = $(f "2 * $(rv q8) - $(rv q9)")"
}

# wrong ANSWERS: every answer changed to a wrong one of the same kind
wrong() {
    awk -F ' = ' '{
        v = $2
        if (v ~ /^0x/) w = "0x1"
        else if (v ~ /^-?[0-9.]+$/) w = v * 2 + 11
        else if (v == "yes") w = "no"
        else if (v == "no") w = "yes"
        else if (v == "1") w = "2"
        else if (v == "para") w = "full"
        else if (v ~ /^[a-d]$/) w = (v == "d") ? "a" : sprintf("%c", index("abcd", v) + 97)
        else w = "nonsense"
        print $1 " = " w
    }' "$1"
}

# ---- scenario files of each lab run -------------------------------------------
for f in "$LABS"/*/*.json; do
    want=0
    # a scenario of broken guests ends with the number of guests stopped
    [ "$(basename "$f")" = containment.json ] && want=$(jq '[.guests[] | select(.kernel != "hello")] | length' "$f")
    "$T" run "$f" -q >"$work/scen.out" 2>&1
    rc=$?
    check "$f parses and runs (exit status $want)" "[ $rc -eq $want ]"
done
"$T" run --kernel "$RV/guests/hello/hello.elf" -q >/dev/null 2>&1
check "lab 01's native run of hello exits 0" "[ $? -eq 0 ]"

# ---- the checkers ------------------------------------------------------------------
for lab in 01 02 03 04 05; do
    dir=$(ls -d "$LABS/$lab"-*)
    name=$(basename "$dir")
    nq=$(grep -cE '^[[:space:]]*q[0-9]+[[:space:]]*=' "$dir/answers.template.txt")
    check "$name: has README.md, README.ko.md, answers.template.txt, executable check.sh" \
        "[ -s $dir/README.md ] && [ -s $dir/README.ko.md ] && [ $nq -gt 0 ] && [ -x $dir/check.sh ]"

    "answers_$lab" >"$work/$lab.right" 2>"$work/$lab.gen.err"
    # every template question has a generated answer
    missing=$(grep -oE '^[[:space:]]*q[0-9]+' "$dir/answers.template.txt" | tr -d ' \t' | while read -r k; do
        grep -q "^$k = ." "$work/$lab.right" || echo "$k"; done)
    check "$name: right answers generated for every question ($nq)${missing:+; missing: $missing}" "[ -z '$missing' ]"

    "$dir/check.sh" "$work/$lab.right" >"$work/$lab.ok.out" 2>&1
    rc=$?
    good=$(grep -c '^  ✓' "$work/$lab.ok.out")
    check "$name: check.sh passes the right answers ($good of $nq ✓, exit $rc)" "[ $rc -eq 0 ] && [ $good -eq $nq ]"
    [ $rc -eq 0 ] || sed 's/^/# /' "$work/$lab.ok.out"

    wrong "$work/$lab.right" >"$work/$lab.wrong"
    "$dir/check.sh" "$work/$lab.wrong" >"$work/$lab.bad.out" 2>&1
    rc=$?
    bad=$(grep -c '^  ✗' "$work/$lab.bad.out")
    check "$name: check.sh rejects every wrong answer ($bad of $nq ✗, exit $rc)" "[ $rc -eq 1 ] && [ $bad -eq $nq ]"

    # the checker never shows a right figure (numbers of 3 digits or more)
    leaked=$(awk -F ' = ' '$2 ~ /^[0-9]+(\.[0-9]+)?$/ && length($2) >= 3 { print $2 }' "$work/$lab.right" |
             while read -r v; do grep -qw -- "$v" "$work/$lab.bad.out" && echo "$v"; done)
    check "$name: the checker's output shows no right figure${leaked:+ (shows: $leaked)}" "[ -z '$leaked' ]"

    LANG=ko_KR.UTF-8 LC_ALL= LC_MESSAGES= "$dir/check.sh" "$work/$lab.wrong" >"$work/$lab.ko.out" 2>&1
    check "$name: hints in Korean under LANG=ko_KR.UTF-8" "grep -q '힌트' $work/$lab.ko.out && ! grep -q 'hint:' $work/$lab.ko.out"

    if type "plausible_$lab" >/dev/null 2>&1; then
        "plausible_$lab" >"$work/$lab.plausible"
        for grp in $(cut -d' ' -f1 "$work/$lab.plausible" | sort -u); do
            # a case equal to the right answer is no wrong answer (two equal figures swapped)
            awk -v g="$grp" '$1 == g { sub(/^[^ ]+ /, ""); print }' "$work/$lab.plausible" |
                while read -r k _ v; do
                    awk -v a="$v" -v b="$(rv "$k")" 'BEGIN { exit !(a + 0 != b + 0) }' && echo "$k = $v"
                done >"$work/$lab.$grp"
            keys=$(cut -d' ' -f1 "$work/$lab.$grp" | tr '\n' ' ')
            "$dir/check.sh" "$work/$lab.$grp" >"$work/$lab.$grp.out" 2>&1
            accepted=$(for k in $keys; do grep -q "^  ✗ $k — hint" "$work/$lab.$grp.out" || echo "$k"; done | tr '\n' ' ')
            if [ -z "$accepted" ] && [ -n "$keys" ]; then
                ok "$name: rejects plausible wrong answers ($grp: ${keys% })"
            else
                not_ok "$name: rejects plausible wrong answers ($grp: ${keys% }); ACCEPTS: $accepted" \
                    "$(tr '\n' ';' <"$work/$lab.$grp")"
            fi
        done
    fi

    head -n 3 "$work/$lab.right" >"$work/$lab.part"
    "$dir/check.sh" "$work/$lab.part" >"$work/$lab.part.out" 2>&1
    rc=$?
    check "$name: unanswered questions count as wrong (exit 1, 'no answer in' the file given)" \
        "[ $rc -eq 1 ] && grep -qF 'no answer in $work/$lab.part ' $work/$lab.part.out"

    "$dir/check.sh" "$work/nowhere.txt" >"$work/$lab.none.out" 2>&1
    rc=$?
    check "$name: a missing answers file is reported (exit 2)" \
        "[ $rc -eq 2 ] && grep -q 'answers.template.txt' $work/$lab.none.out"
done

# ---- how a checker reads an answers file (the shared code, through lab 01) ------
d1=$(ls -d "$LABS"/01-*)
r1=$work/01.right
lab=01
runc() {   # FILE: run lab 01's checker on FILE; output in FILE.out, status in rc
    "$d1/check.sh" "$1" >"$1.out" 2>&1
    rc=$?
    crosses=$(grep -c '^  ✗' "$1.out")
}

# a question answered twice is an error, even when the last answer is right
{ echo "q1 = $(($(rv q1) + 1))"; cat "$r1"; } >"$work/twice.txt"
runc "$work/twice.txt"
check "a question answered twice is an error, not the last value (✗ q1 only, exit $rc)" \
    "[ $rc -eq 1 ] && [ $crosses -eq 1 ] && grep -qF '  ✗ q1 — answered more than once in $work/twice.txt (lines 1, ' $work/twice.txt.out"

# a key that is no question of the lab, and a line that is not "key = value": warnings
{ cat "$r1"; echo "q99 = 7"; echo "q5 $(rv q5)"; } >"$work/unknown.txt"
runc "$work/unknown.txt"
lines=$(wc -l <"$r1")
check "an unknown key is warned about and ignored (exit $rc)" \
    "[ $rc -eq 0 ] && grep -qF 'unknown key q99 in $work/unknown.txt (line $((lines + 1)))' $work/unknown.txt.out"
check "a line that is not 'key = value' is warned about and ignored" \
    "grep -qF \"line $((lines + 2)) of $work/unknown.txt is not 'key = value'\" $work/unknown.txt.out"

# "q3 = 0 0" is not the number 0 (q3 with its right value written twice)
awk -F ' = ' '$1 == "q3" { print "q3 = " $2 " " $2; next } { print }' "$r1" >"$work/twonum.txt"
runc "$work/twonum.txt"
check "'q3 = $(rv q3) $(rv q3)' is not a number (✗ q3 only, exit $rc)" \
    "[ $rc -eq 1 ] && [ $crosses -eq 1 ] && grep -q '^  ✗ q3 — expected one number' $work/twonum.txt.out"

# what counts as a number (to_number, straight from the shared code)
tn() { LAB_DIR=$d1 sh -c '. "$LAB_DIR/../lib/check-lib.sh"; to_number "$1"' sh "$1"; }
for c in "0 0|" "1,5|" "12,34|" "12abc|" "1.2.3|" "%|" "0x|" \
         "12.5 %|12.5" "12.5%|12.5" "1,234|1234" "1,234.5|1234.5" "0x1f|31" "-3|-3" ".5|0.5" "459.2358581|459.2358581"; do
    in=${c%|*}; want=${c#*|}; got=$(tn "$in")
    if [ "$got" = "$want" ]; then ok "to_number '$in' is '${want:-not a number}'"
    else not_ok "to_number '$in' is '${want:-not a number}' (got '$got')"; fi
done

tap_done
