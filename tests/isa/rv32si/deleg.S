// rv32si/deleg.S — delegating exceptions to S-mode with medeleg, and SRET.
//
// An exception whose medeleg bit is set and that happens in S or U goes to
// the S handler: scause, sepc, stval are written, sstatus.SPP = the old
// privilege, SPIE = SIE, SIE = 0; the M registers are untouched
// (machine.adoc, "Machine Trap Delegation Registers"; supervisor.adoc,
// "Supervisor Status Register"). Traps never go to a lower privilege: an
// exception in M stays in M even when delegated. SRET returns to SPP with
// SIE = SPIE, SPIE = 1, SPP = U.
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32M
RVTEST_CODE_BEGIN
  la t0, tz_strap_vector
  csrw stvec, t0
  li t0, (1 << CAUSE_USER_ECALL) | (1 << CAUSE_ILLEGAL_INSTRUCTION) | (1 << CAUSE_BREAKPOINT) | (1 << CAUSE_MISALIGNED_FETCH)
  csrw medeleg, t0

  // 2-7: ecall from U goes to S
  li TESTNUM, 2
  li a7, NOT_EXIT_ECALL
  STRAP_ARM(3f)
  GOTO_PRIV(PRV_U, 1f)
1:li a7, NOT_EXIT_ECALL
2:ecall
  j fail
3:// back in S
  TEST_STRAP(2, CAUSE_USER_ECALL)
  TEST_STRAP_EPC(3, 2b)
  TEST_STRAP_TVAL(4, 0)
  // 5: sstatus at the trap: SPP = U (0), SIE = 0
  li TESTNUM, 5
  lw t1, REC_STATUS(t0)
  andi t1, t1, MSTATUS_SPP | MSTATUS_SIE
  bnez t1, fail
  // 6: the recorder's sret returned to S: S CSRs work. (Had the ecall gone
  // to M instead, the harness would have reported an unexpected trap.)
  li TESTNUM, 6
  csrr a0, sscratch
  BACK_TO_M

  // 8-10: an illegal instruction in U is delegated: stval = its bits
  li TESTNUM, 8
  STRAP_ARM(3f)
  GOTO_PRIV(PRV_U, 1f)
1:
2:csrr a0, sstatus
  j fail
3:TEST_STRAP(8, CAUSE_ILLEGAL_INSTRUCTION)
  TEST_STRAP_EPC(9, 2b)
  TEST_STRAP_TVAL_INSN(10, 2b)
  BACK_TO_M

  // 11-12: a delegated exception in S-mode itself goes to S (SPP = S)
  li TESTNUM, 11
  STRAP_ARM(3f)
  GOTO_PRIV(PRV_S, 1f)
1:ebreak
  j fail
3:TEST_STRAP(11, CAUSE_BREAKPOINT)
  li TESTNUM, 12
  lw t1, REC_STATUS(t0)
  andi t1, t1, MSTATUS_SPP
  beqz t1, fail
  BACK_TO_M

  // 13: ecall from S is not delegated (bit 9 clear): it goes to M
  TEST_TRAP_IN(13, PRV_S, CAUSE_SUPERVISOR_ECALL, li a7, NOT_EXIT_ECALL; ecall)

  // 14: a delegated exception in M stays in M
  li TESTNUM, 14
  MTRAP_ARM_SKIP
  ebreak
  TEST_MTRAP(14, CAUSE_BREAKPOINT)

  // 15-16: SIE is stacked into SPIE at the trap and restored by sret
  li TESTNUM, 15
  STRAP_ARM(3f)
  GOTO_PRIV(PRV_S, 1f)
1:csrsi sstatus, MSTATUS_SIE
  ebreak
  j fail
3:TEST_STRAP(15, CAUSE_BREAKPOINT)
  lw t1, REC_STATUS(t0)
  andi t1, t1, MSTATUS_SIE | MSTATUS_SPIE
  li t2, MSTATUS_SPIE
  bne t1, t2, fail
  // the recorder's sret restored SIE = 1 and set SPIE = 1
  li TESTNUM, 16
  csrr t1, sstatus
  andi t1, t1, MSTATUS_SIE | MSTATUS_SPIE
  li t2, MSTATUS_SIE | MSTATUS_SPIE
  bne t1, t2, fail
  csrci sstatus, MSTATUS_SIE

  // 17-18: sret with SPP = U drops to U, and leaves SPP = U
  li TESTNUM, 17
  BACK_TO_M
  csrw medeleg, zero                    // U's illegal instruction goes to M
  GOTO_PRIV(PRV_S, 4f)
4:li t0, MSTATUS_SPP
  csrc sstatus, t0
  la t0, 1f
  csrw sepc, t0
  sret
1:MTRAP_ARM(2f)                         // in U now: sstatus is out of reach
  csrr a0, sstatus
  j fail
2:TEST_MTRAP(17, CAUSE_ILLEGAL_INSTRUCTION)
  TEST_CASE(18, x14, 0, csrr x14, sstatus; andi x14, x14, MSTATUS_SPP)

  // 19: a misaligned jump target in U, delegated: stval = the target
  li TESTNUM, 19
  csrw medeleg, zero
  li t0, 1 << CAUSE_MISALIGNED_FETCH
  csrw medeleg, t0
  STRAP_ARM(3f)
  GOTO_PRIV(PRV_U, 1f)
1:la a1, 2f + 2
  jr a1
2:j fail
3:TEST_STRAP(19, CAUSE_MISALIGNED_FETCH)
  BACK_TO_M
  csrw medeleg, zero

  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
