// rv32si/csr.S — the supervisor CSRs and who may touch which CSR.
//
// sstatus is a restricted view of mstatus (SIE, SPIE, SPP, SUM, MXR writable
// here); sie and sip are views of mie and mip showing only the interrupts
// delegated in mideleg, and S can set only SSIP (supervisor.adoc,
// "Supervisor Status Register", "Supervisor Interrupt Registers"). stvec,
// sscratch, scause, stval hold what S writes. A CSR whose number says it
// needs a higher privilege (bits 9:8) is illegal to touch from below
// (zicsr.adoc; machine.adoc, "CSR Address Mapping Conventions").
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
#include "timer.h"
#define SSTATUS_RW (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_SUM | MSTATUS_MXR)
#define M_ONLY (MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPRV | MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR)
#define S_INTS (MIP_SSIP | MIP_STIP | MIP_SEIP)
RVTEST_RV32M
RVTEST_CODE_BEGIN
  TIMER_OFF                         // no machine timer interrupt pending
  li t0, S_INTS
  csrw mideleg, t0

  GOTO_PRIV(PRV_S, 1f)
1:
  // ---- in S ----
  // 2: sstatus: the S fields take what is written
  TEST_CASE(2, x14, SSTATUS_RW & ~MSTATUS_SIE, li x11, -1; li x12, ~MSTATUS_SIE; and x11, x11, x12; csrw sstatus, x11; csrr x14, sstatus; li x12, SSTATUS_RW; and x14, x14, x12)
  // 3: ...and sstatus never shows an M-only field
  TEST_CASE(3, x14, 0, csrr x14, sstatus; li x12, M_ONLY | MSTATUS_MPP; and x14, x14, x12)
  TEST_CASE(4, x14, 0, csrw sstatus, zero; csrr x14, sstatus; li x12, SSTATUS_RW; and x14, x14, x12)
  // 5: sie: the delegated interrupt enables are writable
  TEST_CASE(5, x14, S_INTS, li x11, -1; csrw sie, x11; csrr x14, sie; li x12, S_INTS | MIP_MSIP | MIP_MTIP | MIP_MEIP; and x14, x14, x12; csrw sie, zero)
  // 6: sip: S can set SSIP only
  TEST_CASE(6, x14, MIP_SSIP, li x11, -1; csrw sip, x11; csrr x14, sip; li x12, S_INTS; and x14, x14, x12; csrw sip, zero)
  // 7-11: stvec, sscratch, scause, stval, scounteren
  TEST_CASE(7, x14, 0x80004000, li x11, 0x80004000; csrw stvec, x11; csrr x14, stvec)
  TEST_CASE(8, x14, 0x80004001, li x11, 0x80004001; csrw stvec, x11; csrr x14, stvec)
  TEST_CASE(9, x14, 0xa5a5a5a5, li x11, 0xa5a5a5a5; csrw sscratch, x11; csrr x14, sscratch)
  TEST_CASE(10, x14, 0x8000000d, li x11, 0x8000000d; csrw scause, x11; csrr x14, scause)
  TEST_CASE(11, x14, 0x13572468, li x11, 0x13572468; csrw stval, x11; csrr x14, stval)
  TEST_CASE(12, x14, 0x80001234, li x11, 0x80001234; csrw sepc, x11; csrr x14, sepc)
  TEST_CASE(13, x14, 7, li x11, 7; csrw scounteren, x11; csrr x14, scounteren; andi x14, x14, 7)
  li TESTNUM, 14
  li a0, 0x12345678                     // marker for the M-mode check below
  csrw sscratch, a0
  BACK_TO_M
  // ---- in M ----
  // 14: sscratch is a separate register from mscratch; the S view wrote
  // the real mstatus fields (SUM set through sstatus appears in mstatus)
  TEST_CASE(14, x14, 0x12345678, csrr x14, sscratch)
  TEST_CASE(15, x14, MSTATUS_SUM, li x11, MSTATUS_SUM; csrs sstatus, x11; csrr x14, mstatus; and x14, x14, x11; csrc mstatus, x11)
  // 16: with nothing delegated, sie/sip show nothing
  TEST_CASE(16, x14, 0, csrw mideleg, zero; li x11, -1; csrw mie, x11; csrw mip, x11; csrr x14, sie; csrr x12, sip; or x14, x14, x12; csrw mie, zero; csrw mip, zero)

  // ---- S may not touch M CSRs ----
  TEST_TRAP_IN(17, PRV_S, CAUSE_ILLEGAL_INSTRUCTION, csrr a0, mstatus)
  TEST_MTRAP_TVAL_INSN(18, 98b)
  TEST_TRAP_IN(19, PRV_S, CAUSE_ILLEGAL_INSTRUCTION, csrw mscratch, zero)
  TEST_TRAP_IN(20, PRV_S, CAUSE_ILLEGAL_INSTRUCTION, csrr a0, mhartid)
  TEST_TRAP_IN(21, PRV_S, CAUSE_ILLEGAL_INSTRUCTION, csrr a0, misa)
  TEST_TRAP_IN(22, PRV_S, CAUSE_ILLEGAL_INSTRUCTION, csrr a0, mepc)
  TEST_TRAP_IN(23, PRV_S, CAUSE_ILLEGAL_INSTRUCTION, csrr a0, pmpcfg0)
  TEST_TRAP_IN(24, PRV_S, CAUSE_ILLEGAL_INSTRUCTION, csrr a0, mcycle)
  // ---- U may not touch S CSRs ----
  TEST_TRAP_IN(25, PRV_U, CAUSE_ILLEGAL_INSTRUCTION, csrr a0, sstatus)
  TEST_TRAP_IN(26, PRV_U, CAUSE_ILLEGAL_INSTRUCTION, csrw sscratch, zero)
  TEST_TRAP_IN(27, PRV_U, CAUSE_ILLEGAL_INSTRUCTION, csrr a0, satp)
  TEST_TRAP_IN(28, PRV_U, CAUSE_ILLEGAL_INSTRUCTION, csrr a0, stvec)
  TEST_MTRAP_TVAL_INSN(29, 98b)

  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
