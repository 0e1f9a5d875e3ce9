// rv32si/trap_ctl.S — the mstatus bits that let M-mode intercept S-mode
// (the hooks a trap-and-emulate monitor depends on), and xRET/WFI legality.
//
//  - TSR = 1: SRET in S raises illegal instruction;
//  - TW = 1: WFI in S raises illegal instruction;
//  - TVM = 1: satp accesses and SFENCE.VMA in S raise illegal instruction
//    (machine.adoc, "Virtualization Support in mstatus Register");
//  - SRET and MRET in U, and MRET in S, are always illegal; WFI in U is
//    illegal whenever S-mode exists (trapeze traps at once, which the
//    "bounded time limit" of machine.adoc, "Wait for Interrupt", allows).
// With the bits clear the same instructions work in S.
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
#include "timer.h"
RVTEST_RV32M
RVTEST_CODE_BEGIN
  TIMER_OFF                         // no machine timer interrupt

  // 2-4: TSR
  li t0, MSTATUS_TSR
  csrs mstatus, t0
  TEST_TRAP_IN(2, PRV_S, CAUSE_ILLEGAL_INSTRUCTION, sret)
  TEST_MTRAP_TVAL_INSN(3, 98b)
  li t0, MSTATUS_TSR
  csrc mstatus, t0
  // with TSR clear, sret in S works (SPP = S, sepc = the next label)
  TEST_NOTRAP_IN(4, PRV_S, li t0, MSTATUS_SPP; csrs sstatus, t0; la t0, 1f; csrw sepc, t0; sret; j fail; 1:)

  // 5-7: TW
  li t0, MSTATUS_TW
  csrs mstatus, t0
  TEST_TRAP_IN(5, PRV_S, CAUSE_ILLEGAL_INSTRUCTION, wfi)
  TEST_MTRAP_TVAL_INSN(6, 98b)
  li t0, MSTATUS_TW
  csrc mstatus, t0
  // with TW clear WFI is legal in S; a pending enabled interrupt (SSIP,
  // delegated, SIE off so it is not taken) makes it return at once
  li t0, MIP_SSIP
  csrw mideleg, t0
  csrs mie, t0
  csrs mip, t0
  TEST_NOTRAP_IN(7, PRV_S, wfi)
  li t0, MIP_SSIP
  csrc mip, t0
  csrc mie, t0
  csrw mideleg, zero

  // 8-11: TVM
  li t0, MSTATUS_TVM
  csrs mstatus, t0
  TEST_TRAP_IN(8, PRV_S, CAUSE_ILLEGAL_INSTRUCTION, csrr a0, satp)
  TEST_TRAP_IN(9, PRV_S, CAUSE_ILLEGAL_INSTRUCTION, csrw satp, zero)
  TEST_TRAP_IN(10, PRV_S, CAUSE_ILLEGAL_INSTRUCTION, sfence.vma)
  TEST_MTRAP_TVAL_INSN(11, 98b)
  li t0, MSTATUS_TVM
  csrc mstatus, t0
  TEST_NOTRAP_IN(12, PRV_S, csrr a0, satp; csrw satp, zero; sfence.vma)

  // 13-17: never legal
  TEST_TRAP_IN(13, PRV_U, CAUSE_ILLEGAL_INSTRUCTION, sret)
  TEST_TRAP_IN(14, PRV_U, CAUSE_ILLEGAL_INSTRUCTION, mret)
  TEST_TRAP_IN(15, PRV_S, CAUSE_ILLEGAL_INSTRUCTION, mret)
  TEST_TRAP_IN(16, PRV_U, CAUSE_ILLEGAL_INSTRUCTION, wfi)
  TEST_TRAP_IN(17, PRV_U, CAUSE_ILLEGAL_INSTRUCTION, sfence.vma)

  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
