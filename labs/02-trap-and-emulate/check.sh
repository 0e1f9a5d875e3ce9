#!/bin/sh
# check.sh — auto-checker for lab 02 (trap-and-emulate).
#
# Runs hello, compute and chatty natively and alone under the VMM (this
# folder's scenarios), measures every figure the questions ask about from
# trapeze's own output, and checks answers.txt against them.
# Usage: ./check.sh [ANSWERS_FILE] (LANG=ko_KR.UTF-8 for Korean hints).
LAB_DIR=$(cd "$(dirname "$0")" && pwd)
. "$LAB_DIR/../lib/check-lib.sh"
lab_init "$@"

lab_run hello -- "$(lab_scenario hello-full.json)" --events "$LAB_WORK/hello.ev"
for k in compute chatty; do
    lab_run "$k-native" -- --kernel "$(lab_kernel $k)"
    lab_run "$k-full" -- "$(lab_scenario $k-full.json)"
done

# q4: the cause under which hello's SBI calls reach the VMM.
ecall_cause=$(awk -F '\t' '$1 ~ /^guests\.0\.traps\.ecall_from_/ { sub(/^guests\.0\.traps\./, "", $1); print $1; exit }' \
    "$LAB_WORK/hello.flat")
# q5: VMM cycles per emulated CSR access: from the illegal-instruction trap to
# the xret back into the guest, for the exits the VMM reported as a CSR
# emulation (trace event "emulate", kind 0); the median of them.
csr_median=$(awk '$3 == "trap" && $6 == "illegal_instruction" { t = $1; e = 0; next }
                  t && $3 == "trace" && $6 == "emulate" && $7 == "0x0" { e = 1; next }
                  t && $3 == "xret" { if (e) print $1 - t; t = 0 }' "$LAB_WORK/hello.ev" |
             sort -n | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }')
overhead() { calc "100 * ($(json_get "$1-full" cycles) - $(json_get "$1-native" cycles)) / $(json_get "$1-native" cycles)"; }
compute_exits=$(guest_sum compute-full compute traps)
chatty_exits=$(guest_sum chatty-full chatty traps)
chatty_per_exit=$(calc "$(guest_num chatty-full chatty vmm_cycles) / $chatty_exits")

lab_int q1 "$(guest_num hello hello traps.illegal_instruction)" \
    "the per-guest table: 'traps into the VMM', illegal_instruction" \
    "게스트별 표의 'traps into the VMM'에서 illegal_instruction을 보세요"
lab_int q2 "$(guest_num hello hello emulated.csr)" \
    "the per-guest table: 'emulated: csr ...'" \
    "게스트별 표의 'emulated: csr ...' 항목을 보세요"
lab_int q3 "$(guest_num hello hello emulated.wfi)" \
    "the per-guest table: 'emulated', wfi; hello sleeps once per tick" \
    "게스트별 표의 'emulated'에서 wfi를 보세요. hello는 틱마다 한 번씩 잠듭니다"
lab_word q4 "$ecall_cause" \
    "the guest kernel believes it is in S-mode; which mode does the hart really run it in?" \
    "게스트 커널은 자신이 S 모드에 있다고 믿지만, 하트는 실제로 어느 모드에서 실행할까요?"
lab_rel q5 "$csr_median" "$LAB_REL_TOL" \
    "for each 'trap ... illegal_instruction' followed by a 'trace ... emulate 0x0', take (next xret cycle - trap cycle); sort; take the middle value" \
    "'trap ... illegal_instruction' 뒤에 'trace ... emulate 0x0'이 오는 경우마다 (다음 xret의 사이클 - 트랩의 사이클)을 구해 정렬한 뒤 가운데 값을 고르세요"
lab_pct q6 "$(overhead compute)" \
    "(cycles under the VMM - native cycles) / native cycles × 100, the machine's total 'cycles' of both runs" \
    "(VMM에서의 사이클 - 네이티브 사이클) / 네이티브 사이클 × 100. 두 실행 모두 머신 전체 'cycles'를 쓰세요"
lab_pct q7 "$(overhead chatty)" \
    "the same formula as q6, for chatty (one decimal, correctly rounded, is enough)" \
    "q6과 같은 식을 chatty에 적용하세요 (소수점 한 자리까지 바르게 반올림하면 충분합니다)"
lab_int q8 "$compute_exits" \
    "add up every cause in compute's 'traps into the VMM' (timer interrupts included)" \
    "compute의 'traps into the VMM'에 나온 모든 원인을 더하세요 (타이머 인터럽트 포함)"
lab_int q9 "$chatty_exits" \
    "add up every cause in chatty's 'traps into the VMM'" \
    "chatty의 'traps into the VMM'에 나온 모든 원인을 더하세요"
lab_rel q10 "$chatty_per_exit" "$LAB_REL_TOL" \
    "chatty's VMM cycles divided by your answer to q9" \
    "chatty의 VMM cycles를 q9의 답으로 나누세요"
lab_int q11 "$(guest_num chatty-full chatty mmio)" \
    "the per-guest table: 'emulated MMIO accesses'" \
    "게스트별 표의 'emulated MMIO accesses'를 보세요"
lab_choice q12 996726bf54ad394f8e5793b4cff89c7b463b6472d263b9de9c3d4d6b824a3d87 \
    "compare exits per million guest cycles for the two kernels (q8, q9 and their guest cycles)" \
    "두 커널이 guest cycles 100만 사이클마다 몇 번씩 VMM으로 빠져나가는지 비교해 보세요 (q8, q9와 각 커널의 guest cycles)"
lab_choice q13 6059cb5c31d71b380ae97ad5d363ff980c1c3d83e4b58c4bebd886b081b16383 \
    "which set must be contained in which: sensitive or privileged instructions?" \
    "어느 집합이 어느 집합에 포함되어야 할까요: 민감한 명령어와 특권 명령어"
lab_choice q14 07121c8341d0337426c1cf47e79e8d6b45e565dfe2f2d04ac5834674e1356c8e \
    "a VMM built on traps only learns about what traps" \
    "트랩에 의존하는 VMM은 트랩을 일으킨 일만 알 수 있습니다"
lab_choice q15 cf75571284954447f7cbda35e611d573761a0fa04df44cf8203262e6c36867c6 \
    "is there an operating system below the VMM on the simulated machine? (write 1 or 2)" \
    "시뮬레이션된 머신에서 VMM 아래에 운영체제가 있나요? (1 또는 2로 쓰세요)"
lab_finish
