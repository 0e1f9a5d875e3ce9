#!/bin/sh
# check.sh — auto-checker for lab 03 (shadow page tables).
#
# Runs pager and tasks alone under the VMM, and pager beside compute with
# 1 ms and 100 us time slices, measures every figure the questions ask about
# from trapeze's own output, and checks answers.txt against them.
# Usage: ./check.sh [ANSWERS_FILE] (LANG=ko_KR.UTF-8 for Korean hints).
LAB_DIR=$(cd "$(dirname "$0")" && pwd)
. "$LAB_DIR/../lib/check-lib.sh"
lab_init "$@"

# The time slice the students are asked to try (q12, q13, q15).
SHORT_SLICE_US=100

lab_run pager -- "$(lab_scenario pager-full.json)" --events "$LAB_WORK/pager.ev"
lab_run tasks -- "$(lab_scenario tasks-full.json)"
lab_run long -- "$(lab_scenario pager-compute.json)"
sed "s/\"slice_us\": *[0-9]*/\"slice_us\": $SHORT_SLICE_US/" "$(lab_scenario pager-compute.json)" \
    >"$LAB_WORK/pager-compute-short.json"
lab_run short -- "$LAB_WORK/pager-compute-short.json"

EV=$LAB_WORK/pager.ev
# q4: emulated CSR instructions (kind 0) on satp (CSR number 0x180).
satp=$(awk '$3 == "trace" && $6 == "emulate" && $7 == "0x0" && $9 == "0x180" { n++ } END { print n + 0 }' "$EV")
# q5, q6: shadow_flush events, whole (second argument 1) or one page (0).
flush_all=$(awk '$3 == "trace" && $6 == "shadow_flush" && $8 == "0x1" { n++ } END { print n + 0 }' "$EV")
flush_page=$(awk '$3 == "trace" && $6 == "shadow_flush" && $8 == "0x0" { n++ } END { print n + 0 }' "$EV")
syscalls=$(calc "$(guest_num tasks tasks traps.ecall_from_u) - $(guest_num tasks tasks sbi_calls)")
vmm_long=$(guest_num long pager vmm_cycles)
vmm_growth=$(calc "100 * ($(guest_num short pager vmm_cycles) - $vmm_long) / $vmm_long")

lab_int q1 "$(guest_num pager pager shadow_fills_hidden)" \
    "the per-guest table: 'shadow faults: N hidden'" \
    "게스트별 표의 'shadow faults: N hidden'을 보세요"
lab_int q2 "$(guest_num pager pager injected_page_faults)" \
    "the per-guest table: '(N page faults)' among the injected ones" \
    "게스트별 표에서 주입된 폴트 가운데 '(N page faults)'를 보세요"
lab_choice q3 93f0b45f90e49bb8234f1dfe66f3a8bc6ba76a13cfcd7cce3478c3bfb21a019b \
    "after the guest maps the page, its table has the PTE, but the shadow table does not yet" \
    "게스트가 페이지를 매핑한 뒤 게스트 테이블에는 PTE가 있지만 섀도 테이블에는 아직 없습니다"
lab_int q4 "$satp" \
    "in the --events log, count the 'emulate' trace events whose CSR (last-but-one field) is 0x180" \
    "--events 로그에서 CSR 필드(끝에서 두 번째)가 0x180인 'emulate' 트레이스 이벤트를 세세요"
lab_int q5 "$flush_all" \
    "count 'shadow_flush' events whose second argument is 0x1" \
    "두 번째 인자가 0x1인 'shadow_flush' 이벤트를 세세요"
lab_int q6 "$flush_page" \
    "count 'shadow_flush' events whose second argument is 0x0" \
    "두 번째 인자가 0x0인 'shadow_flush' 이벤트를 세세요"
lab_choice q7 f4df32ff2e8705309d7e9a0b3acd9ad6322f1e9db09b7619e081d7a4eaa57031 \
    "read shadow_satp_write() in vmm/shadow.c" \
    "vmm/shadow.c의 shadow_satp_write()를 읽으세요"
lab_choice q8 af2e19c6bcae6a6601e5d7d9716e743cf80345a972252ce528f4823204953bd2 \
    "pager uses its address spaces in turn (count them in guests/pager/main.c); what would an LRU cache of 2 keep?" \
    "pager는 주소 공간들을 차례로 돌아가며 씁니다(몇 개인지 guests/pager/main.c에서 세어 보세요). 크기 2인 LRU 캐시에는 무엇이 남을까요?"
lab_int q9 "$syscalls" \
    "every ecall_from_u exit is either an SBI call (the guest kernel) or a system call (its processes)" \
    "ecall_from_u 트랩은 모두 SBI 호출(게스트 커널)이거나 시스템 호출(그 프로세스)입니다"
lab_int q10 "$(guest_num tasks tasks injected_page_faults)" \
    "the per-guest table of tasks: '(N page faults)'; read what tasks prints about its processes" \
    "tasks의 게스트별 표에서 '(N page faults)'를 보고, tasks가 프로세스에 대해 출력한 내용을 읽으세요"
lab_int q11 "$(guest_num long pager world_switches)" \
    "pager-compute.json as it is: 'world switches to it' in pager's rows" \
    "pager-compute.json 그대로 실행: pager 항목의 'world switches to it'"
lab_int q12 "$(guest_num short pager world_switches)" \
    "copy pager-compute.json, set \"slice_us\": $SHORT_SLICE_US, run it, read the same line" \
    "pager-compute.json을 복사해 \"slice_us\": $SHORT_SLICE_US 로 바꿔 실행하고 같은 줄을 읽으세요"
lab_int q13 "$(guest_num short pager shadow_fills_hidden)" \
    "the 'hidden' count of pager in your $SHORT_SLICE_US us run" \
    "$SHORT_SLICE_US us 실행에서 pager의 'hidden' 수"
lab_choice q14 ded9734062d9e94fab246318acc327c3fd30981df11cd3108cb35a10779be65d \
    "does a world switch touch the shadow tables of the guest that is switched out?" \
    "월드 스위치가 밀려나는 게스트의 섀도 테이블을 건드리나요?"
lab_pct q15 "$vmm_growth" \
    "(pager's VMM cycles at $SHORT_SLICE_US us - at 1000 us) / (at 1000 us) × 100" \
    "(${SHORT_SLICE_US} us에서 pager의 VMM cycles - 1000 us에서의 값) / (1000 us에서의 값) × 100"
lab_choice q16 7906f5f5ec21fa846d0f6890f8233baeb65b33ccdd8de2eb5970d7ccabce0a30 \
    "both the guest kernel and its processes really run in U-mode; a kernel page has U = 0 in the guest's table" \
    "게스트 커널과 그 프로세스 모두 실제로는 U 모드에서 실행됩니다. 커널 페이지는 게스트 테이블에서 U = 0입니다"
lab_finish
