#!/bin/sh
# check.sh — auto-checker for lab 04 (isolation and containment).
#
# Runs rogue beside tasks and compute, and the containment scenario (hello
# beside five broken kernels) with its watchdog at 20 and at 5 slices,
# measures every figure the questions ask about from trapeze's own output
# (figures and console), and checks answers.txt against them.
# Usage: ./check.sh [ANSWERS_FILE] (LANG=ko_KR.UTF-8 for Korean hints).
LAB_DIR=$(cd "$(dirname "$0")" && pwd)
. "$LAB_DIR/../lib/check-lib.sh"
lab_init "$@"

# The watchdog setting the students are asked to try (q16).
SHORT_WATCHDOG=5
# trapeze's exit status after a scenario is the number of guests that did not
# exit with status 0; in containment.json that is every broken kernel.
BROKEN_GUESTS=5

lab_run rogue -- "$(lab_scenario rogue-beside-others.json)"
lab_run contain "$BROKEN_GUESTS" -- "$(lab_scenario containment.json)"
contain_rc=$LAB_RC
sed "s/\"watchdog_slices\": *[0-9]*/\"watchdog_slices\": $SHORT_WATCHDOG/" "$(lab_scenario containment.json)" \
    >"$LAB_WORK/containment-short.json"
lab_run short "$BROKEN_GUESTS" -- "$LAB_WORK/containment-short.json"

OUT=$LAB_WORK/rogue.out
blocked=$(sed -n 's/^\[rogue\] rogue: PASS blocked \([0-9]*\) of.*/\1/p' "$OUT")
# the attempt whose report says "not blocked"
open=$(awk '/^\[rogue\] rogue: attempt [0-9]+:/ { n = $4; sub(/:$/, "", n) }
            /^\[rogue\] rogue: +not blocked/ { print n; exit }' "$OUT")
access=$(grep -c '^\[rogue\] rogue: *blocked: .*access fault' "$OUT")
exited_ok=$(awk -F '\t' '$1 ~ /^guests\.[0-9]+\.exit_code$/ && $2 == 0 { n++ } END { print n + 0 }' \
    "$LAB_WORK/rogue.flat")

# The VMM's kill reason as the name of its enum tz_kill_reason constant
# (TZ_KILL_<NAME>, machine/abi/trapeze_abi.h), from the text trapeze reports.
reason() {
    case $(guest_get contain "$1" kill_reason) in
    *storm*) echo trap_storm ;;
    *partition*) echo bad_memory ;;
    *illegal*) echo illegal ;;
    *watchdog*) echo budget ;;
    *never*) echo deadlock ;;
    *) echo "" ;;
    esac
}
REASON_HINT_EN="the per-guest table says 'killed by the VMM (...)'; answer with the TZ_KILL_ name without the prefix (docs/vmm.md, Containment)"
REASON_HINT_KO="게스트별 표에 'killed by the VMM (...)'이 나옵니다. TZ_KILL_ 접두사를 뺀 이름으로 답하세요 (docs/vmm.md의 Containment 절)"

lab_int q1 "$blocked" \
    "rogue's last line says how many attempts were stopped" \
    "rogue의 마지막 줄에 몇 번의 시도가 막혔는지 나옵니다"
lab_int q2 "$open" \
    "find the attempt followed by 'not blocked' in rogue's output" \
    "rogue의 출력에서 바로 뒤에 'not blocked'가 나오는 시도를 찾으세요"
lab_int q3 "$access" \
    "count rogue's 'blocked: ... access fault' lines" \
    "rogue의 'blocked: ... access fault' 줄을 세세요"
lab_int q4 "$(guest_num rogue rogue injected)" \
    "rogue's row: 'traps injected into the guest: N'" \
    "rogue 항목의 'traps injected into the guest: N'을 보세요"
lab_choice q5 d5902d7b6ede352516575ff4059f83ff4f68f60e963c3ec68a4958283992e140 \
    "the guest's page table holds guest-physical addresses; follow them through shadow.c's walk and the partition check" \
    "게스트 페이지 테이블에는 게스트 물리 주소가 들어 있습니다. shadow.c의 워크와 파티션 검사를 따라가 보세요"
lab_int q6 "$(guest_num rogue rogue traps.machine_timer)" \
    "rogue's 'traps into the VMM': machine_timer" \
    "rogue의 'traps into the VMM'에서 machine_timer를 보세요"
lab_choice q7 6de1dded9b9db31fb4f15b48258b1c5ec7fd697ccc1995d64367897136aedc13 \
    "whose interrupt-enable bit does rogue clear: the real mstatus or its vcpu's sstatus? (docs/vmm.md, Time)" \
    "rogue가 끄는 인터럽트 허용 비트는 실제 mstatus일까요, vcpu의 sstatus일까요? (docs/vmm.md의 Time 절)"
lab_int q8 "$exited_ok" \
    "count the guests whose status is 'exit 0' in the rogue scenario's table" \
    "rogue 시나리오의 표에서 상태가 'exit 0'인 게스트를 세세요"
lab_word q9 "$(reason garbage)" "$REASON_HINT_EN" "$REASON_HINT_KO"
lab_word q10 "$(reason wild)" "$REASON_HINT_EN" "$REASON_HINT_KO"
lab_word q11 "$(reason faultloop)" "$REASON_HINT_EN" "$REASON_HINT_KO"
lab_word q12 "$(reason sleeper)" "$REASON_HINT_EN" "$REASON_HINT_KO"
lab_word q13 "$(reason spinner)" "$REASON_HINT_EN" "$REASON_HINT_KO"
lab_int q14 "$contain_rc" \
    "run it and then 'echo \$?'; see docs/scenarios.md, Output" \
    "실행한 뒤 'echo \$?'로 확인하세요. docs/scenarios.md의 Output 절을 보세요"
lab_int q15 "$(guest_num contain faultloop injected)" \
    "faultloop's row: 'traps injected into the guest: N'; compare with inject.c's storm limit" \
    "faultloop 항목의 'traps injected into the guest: N'을 inject.c의 폭주 한도와 비교하세요"
lab_int q16 "$(guest_num short spinner traps.machine_timer)" \
    "copy containment.json, set \"watchdog_slices\": $SHORT_WATCHDOG, run it, read spinner's machine_timer" \
    "containment.json을 복사해 \"watchdog_slices\": $SHORT_WATCHDOG 로 바꿔 실행하고 spinner의 machine_timer를 읽으세요"
lab_choice q17 3d18d1c093bd3fd0e857d7aedfbd6f841d60b47e340c173579199a7f5e96002f \
    "the VMM runs in M-mode: every address is reachable for it" \
    "VMM은 M 모드에서 실행되므로 모든 주소에 접근할 수 있습니다"
lab_finish
