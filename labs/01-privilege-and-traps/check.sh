#!/bin/sh
# check.sh — auto-checker for lab 01 (privilege levels and traps).
#
# Runs the hello kernel natively (SBI firmware in M-mode, kernel in S-mode),
# measures every figure the questions ask about from trapeze's own output,
# and checks answers.txt against them. Usage: ./check.sh [ANSWERS_FILE]
# (LANG=ko_KR.UTF-8 for Korean hints). See README.md.
LAB_DIR=$(cd "$(dirname "$0")" && pwd)
. "$LAB_DIR/../lib/check-lib.sh"
lab_init "$@"

# q7 asks for the CPI with two decimals.
CPI_TOL=0.01

lab_run native -- --kernel "$(lab_kernel hello)" --events "$LAB_WORK/native.ev"
EV=$LAB_WORK/native.ev

# q2: every trap or interrupt whose privilege transition ends in M.
to_m=$(awk '($3 == "trap" || $3 == "interrupt") && $4 ~ /->M$/ { n++ } END { print n + 0 }' "$EV")
# q4: where the firmware's first xret into S-mode lands.
entry=$(awk '$3 == "xret" && $4 == "M->S" { sub(/^pc=/, "", $5); print $5; exit }' "$EV")
entry=$(to_number "$entry")
# q5: cycles from the first SBI call's trap to the xret that returns from it.
sbi_cost=$(awk '!t && $3 == "trap" && $6 == "ecall_from_s" { t = $1; next }
                t && $3 == "xret" { print $1 - t; exit }' "$EV")
cycles=$(json_get native cycles)
m_share=$(calc "100 * $(json_get native privilege.M.cycles) / $cycles")
cpi=$(calc "$cycles / $(json_get native instructions)")
# q12: the cost model's price of taking a trap, from the profile in the tree.
json_flatten <"$LAB_ROOT/machine/profiles/default.json" >"$LAB_WORK/profile.flat"
trap_entry=$(json_get profile cycles.trap_entry)

lab_int q1 "$(json_num native exceptions.ecall_from_s)" \
    "count the ECALLs from S-mode: 'traps by cause' in --stats, or 'exceptions' in --json" \
    "S 모드에서 실행된 ECALL 수를 세세요: --stats의 'traps by cause' 또는 --json의 'exceptions'"
lab_int q2 "$to_m" \
    "count the events whose transition ends in M (S->M); a delegated interrupt stays in S (S->S)" \
    "전이가 M으로 끝나는(S->M) 이벤트를 세세요. 위임된 인터럽트는 S에 머뭅니다(S->S)"
lab_int q3 "$(json_num native exceptions.illegal_instruction)" \
    "in S-mode, may a kernel execute csrw sstatus? Look for illegal_instruction in the stats" \
    "S 모드에서 커널이 csrw sstatus를 실행해도 될까요? 통계에서 illegal_instruction을 찾아보세요"
lab_int q4 "$entry" \
    "the first 'xret M->S' event: its pc is where S-mode begins (give it in hex, 0x...)" \
    "첫 번째 'xret M->S' 이벤트의 pc가 S 모드가 시작하는 곳입니다 (16진수 0x...로 쓰세요)"
lab_int q5 "$sbi_cost" \
    "subtract the cycle (first column) of the first ecall_from_s trap from that of the next xret" \
    "첫 ecall_from_s 트랩의 사이클(첫 번째 열)을 바로 다음 xret의 사이클에서 빼세요"
lab_pct q6 "$m_share" \
    "M-mode cycles / total cycles × 100, from the mode table of --stats (one decimal, correctly rounded, is enough)" \
    "--stats의 모드 표에서 M 모드 사이클 / 전체 사이클 × 100 (소수점 한 자리까지 바르게 반올림하면 충분합니다)"
lab_num q7 "$cpi" "$CPI_TOL" \
    "CPI = cycles / instructions (two decimals)" \
    "CPI = 사이클 / 명령어 수 (소수점 두 자리)"
lab_choice q8 c3fe7fe1caf8acec86ec4a9e18bd85acafb1736bb7adb66690e7ea55cd925c4d \
    "read the 'wfi' row of docs/cost-model.md: what happens to cycles while the hart sleeps?" \
    "docs/cost-model.md의 'wfi' 항목을 읽으세요: 하트가 잠든 동안 사이클은 어떻게 될까요?"
lab_choice q9 386363eef6162a0605a64123d42a494688c0b10d6a1a884c245455c172ad9906 \
    "read the medeleg write in guests/firmware/firmware.c (fw_main)" \
    "guests/firmware/firmware.c의 fw_main에서 medeleg에 쓰는 값을 읽으세요"
lab_choice q10 4659e33c2b2d27d65a9019751846df907bae424a7a645966d95e2ca89cd14703 \
    "if ECALL from S were delegated, who would serve the SBI call?" \
    "S 모드의 ECALL이 위임된다면 SBI 호출은 누가 처리하게 될까요?"
lab_choice q11 e0c2ec941d3ff6f17e854bb464881fdcb5e1874c6870547570f918b20accc8a1 \
    "look at the pairs of interrupt events a few cycles apart, and at fw_trap in firmware.c" \
    "몇 사이클 간격으로 짝지어 나오는 인터럽트 이벤트와 firmware.c의 fw_trap을 보세요"
lab_int q12 "$trap_entry" \
    "machine/profiles/default.json and the 'other cycle costs' table of docs/cost-model.md" \
    "machine/profiles/default.json과 docs/cost-model.md의 'other cycle costs' 표를 보세요"
lab_choice q13 30ff3301716791b8aa9ec357b89f59af90a424cbd1b4c6a90dd2aef6037dbc63 \
    "which instructions need a privilege above U? (priv spec: CSR address bits 9:8 give the lowest privilege)" \
    "U보다 높은 특권이 필요한 명령어는 무엇일까요? (특권 명세: CSR 주소의 비트 9:8이 필요한 최저 특권)"
lab_finish
