// rv32mi/scall.S — ECALL and EBREAK, and how a trap into M-mode stacks
// the interrupt-enable and privilege state.
//
// ECALL raises "environment call from <mode>" (8 from U, 9 from S, 11 from M),
// EBREAK raises breakpoint (3); mepc is the address of the ECALL/EBREAK itself
// and mtval is 0 for ECALL (machine.adoc, "Machine Cause Register",
// "Environment Call and Breakpoint"). For EBREAK mtval may be 0 or the pc.
// On a trap into M: MPIE = MIE, MIE = 0, MPP = the previous privilege. MRET
// does the reverse: MIE = MPIE, MPIE = 1, privilege = MPP, and MPP becomes
// the least-privileged mode, U (machine.adoc, "Machine Status Registers").
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32M
RVTEST_CODE_BEGIN
  // 2-4: ecall from M: cause 11, mepc = the ecall, mtval = 0
  li a7, NOT_EXIT_ECALL
  li TESTNUM, 2
  li t0, MSTATUS_MIE                    // MIE on (no interrupt is enabled in mie)
  csrs mstatus, t0
  MTRAP_ARM_SKIP
2:ecall
  TEST_MTRAP(2, CAUSE_MACHINE_ECALL)
  TEST_MTRAP_EPC(3, 2b)
  TEST_MTRAP_TVAL(4, 0)
  // 5: at the trap MIE was stacked into MPIE and cleared; MPP = M
  li TESTNUM, 5
  la t0, tz_mrec
  lw t1, REC_STATUS(t0)
  li t2, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP
  and t1, t1, t2
  li t2, MSTATUS_MPIE | MSTATUS_MPP_M
  bne t1, t2, fail
  // 6: after mret MIE is back from MPIE, MPIE = 1
  li TESTNUM, 6
  csrr t1, mstatus
  li t2, MSTATUS_MIE | MSTATUS_MPIE
  and t1, t1, t2
  bne t1, t2, fail
  csrc mstatus, t2

  // 7-9: ebreak from M: cause 3, mepc = the ebreak, mtval = 0 or the pc
  li TESTNUM, 7
  MTRAP_ARM(1f)
2:ebreak
  j fail
1:TEST_MTRAP(7, CAUSE_BREAKPOINT)
  TEST_MTRAP_EPC(8, 2b)
  li TESTNUM, 9
  lw t1, REC_TVAL(t0)
  beqz t1, 1f
  lw t2, REC_EPC(t0)
  bne t1, t2, fail
1:

  // 10-12: ecall from U reaches M (nothing delegated) as cause 8
  TEST_TRAP_IN(10, PRV_U, CAUSE_USER_ECALL, ecall)
  TEST_MTRAP_EPC(11, 98b)
  // the trap recorded MPP = U
  li TESTNUM, 12
  lw t1, REC_STATUS(t0)
  li t2, MSTATUS_MPP
  and t1, t1, t2
  bnez t1, fail

  // 13-14: ecall from S: cause 9, MPP = S
  TEST_TRAP_IN(13, PRV_S, CAUSE_SUPERVISOR_ECALL, ecall)
  li TESTNUM, 14
  lw t1, REC_STATUS(t0)
  li t2, MSTATUS_MPP
  and t1, t1, t2
  li t2, MSTATUS_MPP_S
  bne t1, t2, fail

  // 15-16: ebreak from U and from S
  TEST_TRAP_IN(15, PRV_U, CAUSE_BREAKPOINT, ebreak)
  TEST_TRAP_IN(16, PRV_S, CAUSE_BREAKPOINT, ebreak)

  // 17: mret to U leaves MPP = U behind (the least-privileged mode)
  li TESTNUM, 17
  GOTO_PRIV(PRV_U, 1f)
1:BACK_TO_M
  csrr t1, mstatus
  li t2, MSTATUS_MPP
  and t1, t1, t2
  bnez t1, fail

  // 18: U-mode really is U: it cannot read an M-mode CSR
  TEST_TRAP_IN(18, PRV_U, CAUSE_ILLEGAL_INSTRUCTION, csrr a0, mscratch)

  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
