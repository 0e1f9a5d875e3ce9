// rv32si/counteren.S — who may read cycle, time and instret.
//
// Below M, reading cycle/time/instret (and their ...h halves) needs the
// matching bit (CY, TM, IR) in mcounteren; in U it needs the bit in
// scounteren as well. Otherwise the read raises illegal instruction
// (machine.adoc, "Machine Counter-Enable Register"; supervisor.adoc,
// "Counter-Enable Register"). M-mode may always read them.
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32M
RVTEST_CODE_BEGIN
  csrw mcounteren, zero
  csrw scounteren, zero
  // 2-7: nothing enabled: S cannot read any of them
  TEST_TRAP_IN(2, PRV_S, CAUSE_ILLEGAL_INSTRUCTION, rdcycle a0)
  TEST_TRAP_IN(3, PRV_S, CAUSE_ILLEGAL_INSTRUCTION, rdtime a0)
  TEST_TRAP_IN(4, PRV_S, CAUSE_ILLEGAL_INSTRUCTION, rdinstret a0)
  TEST_TRAP_IN(5, PRV_S, CAUSE_ILLEGAL_INSTRUCTION, rdcycleh a0)
  TEST_TRAP_IN(6, PRV_S, CAUSE_ILLEGAL_INSTRUCTION, rdtimeh a0)
  TEST_TRAP_IN(7, PRV_S, CAUSE_ILLEGAL_INSTRUCTION, rdinstreth a0)
  // 8-10: one bit enables exactly one counter
  li t0, COUNTEREN_CY
  csrw mcounteren, t0
  TEST_NOTRAP_IN(8, PRV_S, rdcycle a0; rdcycleh a0)
  TEST_TRAP_IN(9, PRV_S, CAUSE_ILLEGAL_INSTRUCTION, rdtime a0)
  TEST_TRAP_IN(10, PRV_S, CAUSE_ILLEGAL_INSTRUCTION, rdinstret a0)
  li t0, COUNTEREN_TM
  csrw mcounteren, t0
  TEST_NOTRAP_IN(11, PRV_S, rdtime a0; rdtimeh a0)
  TEST_TRAP_IN(12, PRV_S, CAUSE_ILLEGAL_INSTRUCTION, rdcycle a0)
  li t0, COUNTEREN_IR
  csrw mcounteren, t0
  TEST_NOTRAP_IN(13, PRV_S, rdinstret a0; rdinstreth a0)
  TEST_TRAP_IN(14, PRV_S, CAUSE_ILLEGAL_INSTRUCTION, rdtime a0)
  // 15-18: U needs both levels
  li t0, COUNTEREN_CY | COUNTEREN_TM | COUNTEREN_IR
  csrw mcounteren, t0
  TEST_NOTRAP_IN(15, PRV_S, rdcycle a0; rdtime a0; rdinstret a0)
  TEST_TRAP_IN(16, PRV_U, CAUSE_ILLEGAL_INSTRUCTION, rdcycle a0)
  li t0, COUNTEREN_CY | COUNTEREN_TM | COUNTEREN_IR
  csrw scounteren, t0
  TEST_NOTRAP_IN(17, PRV_U, rdcycle a0; rdtime a0; rdinstret a0; rdcycleh a0; rdtimeh a0; rdinstreth a0)
  // scounteren alone is not enough
  csrw mcounteren, zero
  TEST_TRAP_IN(18, PRV_U, CAUSE_ILLEGAL_INSTRUCTION, rdinstret a0)
  // 19: M reads them regardless
  TEST_LEGAL(19, rdcycle a0; rdtime a0; rdinstret a0)
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
