// rv32mi/timer.S — the machine timer interrupt and WFI.
//
// mip.MTIP is pending while mtime >= mtimecmp; writing mtimecmp clears it
// (machine.adoc, "Machine Timer Registers"). An M-level interrupt is taken in
// M-mode only if mstatus.MIE and its mie bit are set, but in S and U it is
// always enabled (machine.adoc, "Machine Interrupt Registers"). The trap:
// mcause = interrupt bit | 7, mepc = the next instruction that has not
// executed, mtval = 0. WFI resumes when an enabled interrupt is pending even
// if MIE is clear, and then execution continues after it (machine.adoc,
// "Wait for Interrupt").
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
#include "timer.h"
RVTEST_RV32M
RVTEST_CODE_BEGIN
  // 2: MTIP appears once mtime reaches mtimecmp (nothing enabled: no trap)
  li TESTNUM, 2
  TIMER_IN(TIMER_DELTA)
  WAIT_MIP(MIP_MTIP)
  // 3: moving mtimecmp into the future clears it
  li TESTNUM, 3
  TIMER_OFF
  csrr t0, mip
  andi t0, t0, MIP_MTIP
  bnez t0, fail

  // 4-6: the interrupt is taken in M with MIE and MTIE set
  li TESTNUM, 4
  MTRAP_ARM_SKIP
  li t0, MIP_MTIP
  csrs mie, t0
  csrsi mstatus, MSTATUS_MIE
  TIMER_IN(TIMER_DELTA)
  WAIT_TRAP(tz_mrec)
  csrci mstatus, MSTATUS_MIE
  TEST_MTRAP(4, CAUSE_INTERRUPT | IRQ_M_TIMER)
  TEST_MTRAP_TVAL(5, 0)
  // 6: at the trap MIE had moved to MPIE; MPP = M
  li TESTNUM, 6
  lw t1, REC_STATUS(t0)
  li t2, MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPP
  and t1, t1, t2
  li t2, MSTATUS_MPIE | MSTATUS_MPP_M
  bne t1, t2, fail
  TIMER_OFF

  // 7: WFI with MIE clear wakes on the pending timer and continues after it
  li TESTNUM, 7
  li t0, MIP_MTIP
  csrs mie, t0
  TIMER_IN(TIMER_DELTA)
  li s0, SPIN_LIMIT
1:wfi
  csrr t0, mip
  andi t0, t0, MIP_MTIP
  bnez t0, 2f
  addi s0, s0, -1                       // WFI may also return early: retry
  bnez s0, 1b
  j fail
2:

  // 8-9: pending and enabled but MIE clear: nothing; setting MIE takes it at once
  li TESTNUM, 8
  MTRAP_ARM_SKIP
  nop
  nop
  la t0, tz_mrec
  lw t1, REC_ARMED(t0)
  beqz t1, fail
  csrsi mstatus, MSTATUS_MIE
3:csrci mstatus, MSTATUS_MIE
  TEST_MTRAP(8, CAUSE_INTERRUPT | IRQ_M_TIMER)
  TEST_MTRAP_EPC(9, 3b)                 // the instruction after the csrsi
  TIMER_OFF

  // 10-11: in U-mode the machine timer interrupts even with MIE clear
  li TESTNUM, 10
  li t0, MIP_MTIP
  csrs mie, t0
  TIMER_IN(TIMER_DELTA)
  WAIT_MIP(MIP_MTIP)
  MTRAP_ARM(3f)
  GOTO_PRIV(PRV_U, 1f)
1:j 1b                                  // U-mode waits here for the interrupt
3:TEST_MTRAP(10, CAUSE_INTERRUPT | IRQ_M_TIMER)
  TEST_MTRAP_EPC(11, 1b)
  TIMER_OFF

  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
