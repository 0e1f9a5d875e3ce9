// rv32mi/intr_prio.S — software interrupts, interrupt priority, and vectored
// trap vectors in M-mode.
//
// msip in the CLINT drives mip.MSIP. When several interrupts are pending and
// enabled they are taken in the order MEI, MSI, MTI, SEI, SSI, STI
// (machine.adoc, "Machine Interrupt Registers"). S-level interrupts that are
// not delegated in mideleg trap to M like any other. With mtvec.MODE = 1
// (vectored) an interrupt with cause n jumps to BASE + 4*n while exceptions
// still go to BASE (machine.adoc, "Machine Trap-Vector Base-Address Register").
// Each case is numbered; a failing run exits with that number.
//
// QEMU-DEVIATION(exit=8): QEMU 7.2 takes pending interrupts lowest number first (SSI before MSI), not in the priority order MEI, MSI, MTI, SEI, SSI, STI of machine.adoc, "Machine Interrupt Registers"
#include "riscv_test.h"
#include "test_macros.h"
#include "timer.h"
#define LOG_WORDS 8
RVTEST_RV32M
RVTEST_CODE_BEGIN
  // 2-3: msip raises MSIP, and the interrupt is taken
  li TESTNUM, 2
  MSIP_SET
  WAIT_MIP(MIP_MSIP)
  MTRAP_ARM_SKIP
  li t0, MIP_MSIP
  csrs mie, t0
  csrsi mstatus, MSTATUS_MIE
  nop
  csrci mstatus, MSTATUS_MIE
  TEST_MTRAP(2, CAUSE_INTERRUPT | IRQ_M_SOFT)
  li TESTNUM, 3
  MSIP_CLEAR
  csrr t0, mip
  andi t0, t0, MIP_MSIP
  bnez t0, fail

  // 4-6: vectored mode: MSI enters at BASE + 4*3, an exception at BASE
  li TESTNUM, 4
  la t0, vector_table
  ori t0, t0, TVEC_MODE_VECTORED
  csrw mtvec, t0
  MSIP_SET
  WAIT_MIP(MIP_MSIP)
  li t0, MIP_MSIP
  csrs mie, t0
  csrsi mstatus, MSTATUS_MIE
  nop
  csrci mstatus, MSTATUS_MIE
  TEST_CASE(4, x14, IRQ_M_SOFT, la x11, vector_taken; lw x14, 0(x11))
  li TESTNUM, 5
  TIMER_IN(0)
  WAIT_MIP(MIP_MTIP)
  li t0, MIP_MTIP
  csrs mie, t0
  csrsi mstatus, MSTATUS_MIE
  nop
  csrci mstatus, MSTATUS_MIE
  TEST_CASE(5, x14, IRQ_M_TIMER, la x11, vector_taken; lw x14, 0(x11))
  li TESTNUM, 6
  ebreak                                // an exception: vector 0
  TEST_CASE(6, x14, 0, la x11, vector_taken; lw x14, 0(x11))
  la t0, tz_trap_vector
  csrw mtvec, t0

  // 7-11: four pending interrupts are taken in priority order MSI, MTI, SSI, STI
  li TESTNUM, 7
  MTRAP_HOOK(log_handler)
  MSIP_SET
  TIMER_IN(0)
  li t0, MIP_SSIP | MIP_STIP
  csrs mip, t0
  WAIT_MIP(MIP_MTIP)
  WAIT_MIP(MIP_MSIP)
  li t0, MIP_MSIP | MIP_MTIP | MIP_SSIP | MIP_STIP
  csrs mie, t0
  csrsi mstatus, MSTATUS_MIE
  nop                                   // all four are taken here, one by one
  csrci mstatus, MSTATUS_MIE
  MTRAP_UNHOOK
  TEST_CASE(7, x14, 4, la x11, log_count; lw x14, 0(x11))
  TEST_CASE(8, x14, CAUSE_INTERRUPT | IRQ_M_SOFT, la x11, log; lw x14, 0(x11))
  TEST_CASE(9, x14, CAUSE_INTERRUPT | IRQ_M_TIMER, lw x14, 4(x11))
  TEST_CASE(10, x14, CAUSE_INTERRUPT | IRQ_S_SOFT, lw x14, 8(x11))
  TEST_CASE(11, x14, CAUSE_INTERRUPT | IRQ_S_TIMER, lw x14, 12(x11))

  TEST_PASSFAIL

  // Logs mcause, silences that interrupt (clears its source), returns.
  .align 2
log_handler:
  la t5, log_count
  lw t6, 0(t5)
  addi t6, t6, 1
  sw t6, 0(t5)
  slli t6, t6, 2
  add t5, t5, t6                        // log[count - 1] (log follows log_count)
  csrr t6, mcause
  sw t6, 0(t5)
  slli t6, t6, 1                        // drop the interrupt bit
  srli t6, t6, 1
  li t5, 1
  sll t5, t5, t6
  csrc mie, t5                          // this interrupt is done
  csrc mip, t5                          // (clears SSIP/STIP; MSIP/MTIP below)
  li t5, IRQ_M_SOFT
  bne t6, t5, 1f
  li t5, CLINT_MSIP
  sw zero, 0(t5)
1:li t5, IRQ_M_TIMER
  bne t6, t5, 2f
  li t5, CLINT_MTIMECMP
  li t6, -1
  sw t6, 4(t5)
  sw t6, 0(t5)
2:mret

  // Vectored table: one jump per slot (slots are 4 bytes apart); each
  // target records its slot number, silences the interrupt, returns.
  .align 6
vector_table:
  .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
  j vector_\n
  .endr
  .irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
vector_\n:
  li t6, \n
  j vector_common
  .endr
vector_common:
  la t5, vector_taken
  sw t6, 0(t5)
  bnez t6, 1f
  csrr t5, mepc                         // an exception: skip the instruction
  addi t5, t5, 4
  csrw mepc, t5
  mret
1:csrw mie, zero
  li t5, CLINT_MSIP
  sw zero, 0(t5)
  li t5, CLINT_MTIMECMP
  li t6, -1
  sw t6, 4(t5)
  sw t6, 0(t5)
  mret
RVTEST_CODE_END
RVTEST_DATA_BEGIN
log_count: .word 0
log: .space 4 * LOG_WORDS
vector_taken: .word -1
RVTEST_DATA_END
