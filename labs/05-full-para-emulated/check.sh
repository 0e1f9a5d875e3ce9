#!/bin/sh
# check.sh — auto-checker for lab 05 (native, full, para and emulated).
#
# Runs pager and compute natively and alone under the VMM in each of its
# three guest modes, and hello in all three modes side by side, measures
# every figure the questions ask about from trapeze's own output, and checks
# answers.txt against them. The emulated runs take a few seconds each.
# Usage: ./check.sh [ANSWERS_FILE] (LANG=ko_KR.UTF-8 for Korean hints).
LAB_DIR=$(cd "$(dirname "$0")" && pwd)
. "$LAB_DIR/../lib/check-lib.sh"
lab_init "$@"

for k in pager compute; do
    lab_run "$k-native" -- --kernel "$(lab_kernel $k)"
    for m in full para emulated; do
        lab_run "$k-$m" -- "$(lab_scenario "$k-$m.json")"
    done
done
lab_run mixed -- "$(lab_scenario mixed.json)"

# (cycles in MODE - native cycles) / native cycles, in %
overhead() { calc "100 * ($(json_get "$1-$2" cycles) - $(json_get "$1-native" cycles)) / $(json_get "$1-native" cycles)"; }
# emulated cycles / native cycles
slowdown() { calc "$(json_get "$1-emulated" cycles) / $(json_get "$1-native" cycles)"; }
# the guest of the mixed run that cost the VMM the most cycles
costliest=$(awk -F '\t' '$1 ~ /^guests\.[0-9]+\.name$/ { split($1, p, "."); name[p[2]] = $2 }
                         $1 ~ /^guests\.[0-9]+\.vmm_cycles$/ { split($1, p, "."); c[p[2]] = $2 }
                         END { best = -1; for (i in c) if (c[i] > best) { best = c[i]; who = name[i] } print who }' \
            "$LAB_WORK/mixed.flat")

OVER_EN="(cycles of the scenario run - cycles of the native run) / native cycles × 100, the machine's total 'cycles' (one decimal, correctly rounded, is enough)"
OVER_KO="(시나리오 실행의 사이클 - 네이티브 실행의 사이클) / 네이티브 사이클 × 100. 머신 전체 'cycles'를 쓰세요 (소수점 한 자리까지 바르게 반올림하면 충분합니다)"
lab_pct q1 "$(overhead pager full)" "$OVER_EN" "$OVER_KO"
lab_pct q2 "$(overhead pager para)" "$OVER_EN" "$OVER_KO"
lab_rel q3 "$(slowdown pager)" "$LAB_REL_TOL" \
    "the emulated run's cycles divided by the native run's cycles" \
    "에뮬레이션 실행의 사이클을 네이티브 실행의 사이클로 나누세요"
lab_int q4 "$(guest_sum pager-full pager traps)" \
    "add up every cause in pager's 'traps into the VMM' (full)" \
    "전가상화 실행에서 pager의 'traps into the VMM'에 나온 모든 원인을 더하세요"
lab_int q5 "$(guest_sum pager-para pager traps)" \
    "the same sum for the para run" \
    "반가상화 실행에서 같은 합을 구하세요"
lab_int q6 "$(guest_num pager-para pager hypercalls)" \
    "'hypercalls' in the --json output of the para run" \
    "반가상화 실행의 --json 출력에서 'hypercalls'를 보세요"
lab_int q7 "$(guest_num pager-para pager traps.ecall_from_u)" \
    "a hypercall is an ecall too: ecall_from_u in the para run" \
    "하이퍼콜도 ecall입니다: 반가상화 실행의 ecall_from_u를 보세요"
lab_pct q8 "$(overhead compute full)" "$OVER_EN" "$OVER_KO"
lab_pct q9 "$(overhead compute para)" "$OVER_EN" "$OVER_KO"
lab_rel q10 "$(slowdown compute)" "$LAB_REL_TOL" \
    "the emulated run's cycles divided by the native run's cycles" \
    "에뮬레이션 실행의 사이클을 네이티브 실행의 사이클로 나누세요"
lab_choice q11 df3a907b04f1384087cefe04e6ee80832444d8e71075343ac1be1bd0cab9cb33 \
    "what does the paravirtual arch backend replace? (guests/lib/arch_paravirt.c) How often does compute use it?" \
    "반가상화 arch 백엔드는 무엇을 대신할까요? (guests/lib/arch_paravirt.c) compute는 그것을 얼마나 자주 쓸까요?"
lab_choice q12 497db420be6dc6e4f5ba2a136095a8e45e2d3468d2de5a6f71f076ac60bf9ebb \
    "in emulated mode, does the guest's code ever run on the hart itself? (vmm/interp.c)" \
    "에뮬레이션 모드에서 게스트 코드가 하트 위에서 직접 실행되는 일이 있을까요? (vmm/interp.c)"
lab_choice q13 5f72e0310c62fe408345e3af7bacfd5acb410f9d3d1feccb82a8d1e9f3d1a5d3 \
    "which mode runs a different ELF file? (docs/scenarios.md, the mode key)" \
    "어느 모드가 다른 ELF 파일을 실행할까요? (docs/scenarios.md의 mode 키)"
lab_int q14 "$(guest_num pager-emulated pager shadow_fills_hidden)" \
    "pager's 'hidden' shadow faults in the emulated run" \
    "에뮬레이션 실행에서 pager의 'hidden' 섀도 폴트 수"
lab_choice q15 bdba0bb08e36ecd62f5ebf4719e7be39ca57a7b7fdbac2adc1a88211ad932e15 \
    "no guest instruction ever executes on the real hart in emulation" \
    "에뮬레이션에서는 게스트 명령어가 실제 하트에서 한 번도 실행되지 않습니다"
lab_word q16 "$costliest" \
    "mixed.json: the guest with the largest 'VMM cycles' in the table (its name)" \
    "mixed.json: 표에서 'VMM cycles'가 가장 큰 게스트 (이름)"
lab_finish
