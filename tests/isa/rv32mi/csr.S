// rv32mi/csr.S — the machine-mode CSRs: what is there, what can be written,
// and what each write leaves behind (machine.adoc, "Machine-Level CSRs";
// zicsr.adoc for the CSR instructions).
//
// WARL ("write any, read legal") fields are checked by writing all ones and
// reading back exactly the bits trapeze implements for RV32IMA with S and U.
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
#include "timer.h"

#define MISA_RV32IMASU (MISA_MXL_32 | MISA_EXT('I') | MISA_EXT('M') | MISA_EXT('A') | \
                        MISA_EXT('S') | MISA_EXT('U'))
#define COUNTEREN_BASE (COUNTEREN_CY | COUNTEREN_TM | COUNTEREN_IR)

RVTEST_RV32M
RVTEST_CODE_BEGIN
  // misa: RV32 (MXL = 1) with I, M, A, S, U
  TEST_CASE(2, x14, MISA_RV32IMASU, csrr x14, misa)
  // trapeze's misa is read-only (a legal WARL choice): writes are ignored
  TEST_CASE(3, x14, MISA_RV32IMASU, csrw misa, zero; csrr x14, misa)

  // identification CSRs read without trapping; one hart, number 0
  TEST_CASE(4, x14, 0, csrr x14, mvendorid; csrr x14, marchid; csrr x14, mimpid; csrr x14, mhartid)

  // mstatus: the implemented fields hold what is written...
  TEST_CASE(5, x14, MSTATUS_CORE & ~MSTATUS_MIE, li x11, -1; csrw mstatus, x11; csrr x14, mstatus; li x12, MSTATUS_CORE & ~MSTATUS_MIE; and x14, x14, x12; csrw mstatus, zero)
  // ...and clear again; SD/FS/VS/XS stay zero without F and V
  TEST_CASE(6, x14, 0, csrw mstatus, zero; csrr x14, mstatus; li x12, MSTATUS_CORE; and x14, x14, x12)
  // the RV32 upper half mstatush exists and reads zero (little-endian M and S)
  TEST_CASE(8, x14, 0, csrr x14, mstatush)

  // mtvec: direct and vectored modes hold; the reserved modes 2/3 never read back
  TEST_CASE(9, x14, 0x80004000, li x11, 0x80004000; csrw mtvec, x11; csrr x14, mtvec)
  TEST_CASE(10, x14, 0x80004001, li x11, 0x80004001; csrw mtvec, x11; csrr x14, mtvec)
  TEST_CASE(11, x14, 1, li x11, 0x80004002; csrw mtvec, x11; csrr x14, mtvec; andi x14, x14, TVEC_MODE_MASK; sltiu x14, x14, 2)
  la t0, tz_trap_vector
  csrw mtvec, t0

  // mcause: holds any exception or interrupt code
  TEST_CASE(13, x14, 0x80000007, li x11, 0x80000007; csrw mcause, x11; csrr x14, mcause)
  TEST_CASE(14, x14, 0x0000000d, li x11, 0x0000000d; csrw mcause, x11; csrr x14, mcause)
  // mtval and mscratch: any value
  TEST_CASE(15, x14, 0x87654321, li x11, 0x87654321; csrw mtval, x11; csrr x14, mtval)
  TEST_CASE(16, x14, 0xdeadbeef, li x11, 0xdeadbeef; csrw mscratch, x11; csrr x14, mscratch)
  // csrrw returns the old value; csrrs/csrrc set/clear bits and return the old value
  TEST_CASE(17, x14, 0xdeadbeef, li x11, 0x11111111; csrrw x14, mscratch, x11)
  TEST_CASE(18, x14, 0x11111111, li x11, 0x00000f00; csrrs x14, mscratch, x11)
  TEST_CASE(19, x14, 0x11111f11, li x11, 0x00000011; csrrc x14, mscratch, x11)
  TEST_CASE(20, x14, 0x11111f00, csrr x14, mscratch)
  // immediate forms (5-bit zero-extended immediate)
  TEST_CASE(21, x14, 0x0000001f, csrrwi x0, mscratch, 0x1f; csrr x14, mscratch)
  TEST_CASE(22, x14, 0x0000001b, csrrci x0, mscratch, 0x4; csrr x14, mscratch)
  TEST_CASE(23, x14, 0x1f, csrrsi x0, mscratch, 0x4; csrr x14, mscratch)

  // mie: the six standard interrupt enables are writable (csr_warl.S checks
  // that nothing else is)
  TEST_CASE(24, x14, MIP_ALL, li x11, -1; csrw mie, x11; csrr x14, mie; li x12, MIP_ALL; and x14, x14, x12; csrw mie, zero)
  // mip: M-mode can set the S-level pending bits; MSIP/MTIP/MEIP are read-only
  // (mtimecmp far in the future so MTIP is clear)
  TIMER_OFF
  TEST_CASE(25, x14, MIP_M_WRITABLE, li x11, -1; csrw mip, x11; csrr x14, mip; li x12, MIP_ALL; and x14, x14, x12; csrw mip, zero)
  TEST_CASE(26, x14, 0, csrr x14, mip; li x12, MIP_ALL; and x14, x14, x12)

  // medeleg/mideleg: exceptions and S interrupts can be delegated
  TEST_CASE(28, x14, MIP_SSIP | MIP_STIP | MIP_SEIP, li x11, -1; csrw mideleg, x11; csrr x14, mideleg; li x12, MIP_ALL; and x14, x14, x12; csrw mideleg, zero)
  TEST_CASE(29, x14, 1 << CAUSE_ILLEGAL_INSTRUCTION, li x11, 1 << CAUSE_ILLEGAL_INSTRUCTION; csrw medeleg, x11; csrr x14, medeleg; csrw medeleg, zero)

  // mcounteren: the cycle, time and instret enables hold
  TEST_CASE(30, x14, COUNTEREN_BASE, li x11, COUNTEREN_BASE; csrw mcounteren, x11; csrr x14, mcounteren; andi x14, x14, COUNTEREN_BASE)
  TEST_CASE(31, x14, 0, csrw mcounteren, zero; csrr x14, mcounteren; andi x14, x14, COUNTEREN_BASE)

  // the user-level aliases read the same counters
  li TESTNUM, 33
  csrr t0, mcycle
  csrr t1, cycle
  bltu t1, t0, fail
  csrr t0, minstret
  csrr t1, instret
  bltu t1, t0, fail
  csrr t0, mcycleh
  csrr t1, cycleh
  bltu t1, t0, fail
  csrr t0, minstreth
  csrr t1, instreth
  bltu t1, t0, fail
  // the counters move forward
  li TESTNUM, 34
  csrr t0, mcycle
  nop
  csrr t1, mcycle
  bgeu t0, t1, fail
  csrr t0, minstret
  nop
  csrr t1, minstret
  bgeu t0, t1, fail
  // time reads the CLINT's mtime
  li TESTNUM, 35
  li t2, CLINT_MTIME
  lw t0, 0(t2)
  csrr t1, time
  bltu t1, t0, fail
  csrr t0, timeh

  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
