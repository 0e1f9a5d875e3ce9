// rv32si/sintr.S — supervisor timer and software interrupts.
//
// M-mode software drives mip.STIP (the SBI timer is built this way); S sets
// SSIP itself through sip. A delegated (mideleg) S interrupt is taken by S
// when the hart is in S with sstatus.SIE set, or in U whatever SIE says; it
// is never taken in M. A pending S interrupt that is not delegated traps to
// M, and below M that happens even with mstatus.MIE clear (machine.adoc,
// "Machine Interrupt Registers"; supervisor.adoc, "Supervisor Interrupt
// Registers").
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
#include "timer.h"
#define SPIN 100
RVTEST_RV32M
RVTEST_CODE_BEGIN
  TIMER_OFF                         // no machine timer interrupt
  la t0, tz_strap_vector
  csrw stvec, t0
  li t0, MIP_SSIP | MIP_STIP
  csrw mideleg, t0
  csrs mie, t0

  // 2-3: M raises STIP; S takes it once SIE is set
  li TESTNUM, 2
  li t0, MIP_STIP
  csrs mip, t0
  STRAP_ARM(3f)
  GOTO_PRIV(PRV_S, 1f)
1:nop                                   // SIE clear: nothing happens yet
  la t0, tz_srec
  lw t1, REC_ARMED(t0)
  beqz t1, fail
  csrsi sstatus, MSTATUS_SIE
2:j fail
3:csrci sstatus, MSTATUS_SIE
  TEST_STRAP(2, CAUSE_INTERRUPT | IRQ_S_TIMER)
  TEST_STRAP_EPC(3, 2b)                 // the instruction after csrsi
  // 4: S cannot clear STIP through sip (only M can)
  li TESTNUM, 4
  li t0, MIP_STIP
  csrc sip, t0
  csrr t1, sip
  and t1, t1, t0
  beqz t1, fail
  BACK_TO_M
  li t0, MIP_STIP
  csrc mip, t0

  // 5-6: S raises its own software interrupt
  li TESTNUM, 5
  STRAP_ARM(3f)
  li t0, MIP_SSIP
  csrs mie, t0
  GOTO_PRIV(PRV_S, 1f)
1:csrsi sstatus, MSTATUS_SIE
  csrsi sip, MIP_SSIP
2:j fail
3:csrci sstatus, MSTATUS_SIE
  csrci sip, MIP_SSIP
  TEST_STRAP(5, CAUSE_INTERRUPT | IRQ_S_SOFT)
  TEST_STRAP_EPC(6, 2b)
  BACK_TO_M

  // 7: in U a delegated S interrupt is taken even with SIE clear
  li TESTNUM, 7
  STRAP_ARM(3f)
  li t0, MIP_STIP
  csrs mie, t0
  csrs mip, t0
  GOTO_PRIV(PRV_U, 1f)
1:j 1b
3:TEST_STRAP(7, CAUSE_INTERRUPT | IRQ_S_TIMER)
  li TESTNUM, 8                         // SPP = U at the trap
  lw t1, REC_STATUS(t0)
  andi t1, t1, MSTATUS_SPP
  bnez t1, fail
  BACK_TO_M

  // 9: in M, with MIE set, a delegated S interrupt is not taken
  li TESTNUM, 9
  li t0, MIP_STIP
  csrs mie, t0                          // STIP still pending
  csrsi mstatus, MSTATUS_MIE
  li t1, SPIN
1:addi t1, t1, -1
  bnez t1, 1b
  csrci mstatus, MSTATUS_MIE

  // 10: not delegated, the same STIP in S traps to M although MIE is clear
  li TESTNUM, 10
  csrw mideleg, zero
  TEST_TRAP_IN(10, PRV_S, CAUSE_INTERRUPT | IRQ_S_TIMER, nop; j 98b)
  li t0, MIP_STIP
  csrc mip, t0
  csrw mie, zero

  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
