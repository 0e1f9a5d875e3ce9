// rv32mi/illegal.S — illegal instructions and illegal CSR accesses in M-mode.
//
// An illegal instruction traps with mcause 2, mepc = its address and mtval =
// the instruction's bits (machine.adoc, "Machine Trap Value Register": trapeze
// always reports the bits, which a trap-and-emulate monitor relies on); the
// destination register is not written. CSR rules (zicsr.adoc; machine.adoc,
// "CSR Address Mapping Conventions"): a CSR that does not exist is illegal;
// writing a read-only CSR (number bits 11:10 = 3) is illegal, but CSRRS/CSRRC
// with rs1 = x0 and CSRRSI/CSRRCI with a zero immediate do not write and are
// legal reads.
// Each case is numbered; a failing run exits with that number.
//
// QEMU-DEVIATION(exit=27): QEMU 7.2 lets CSRRS/CSRRC with rs1 != x0 holding zero "write" a read-only CSR without trapping; zicsr.adoc says the write is still attempted, so it must raise illegal instruction
#include "riscv_test.h"
#include "test_macros.h"
#define CSR_UNALLOCATED 0x123           /* no CSR has this number */
#define CSR_FCSR 0x003                  /* F extension: absent */
RVTEST_RV32M
RVTEST_CODE_BEGIN
  // reserved and unimplemented encodings
  TEST_ILLEGAL(2, .word 0x00000000)     // all zeros: defined illegal
  TEST_ILLEGAL(3, .word 0x0000000b)     // custom-0 opcode: nothing there
  TEST_ILLEGAL(4, .word 0x40001033)     // SLL with funct7 = 0x20
  TEST_ILLEGAL(5, .word 0x00002007)     // FLW: no F extension
  TEST_ILLEGAL(6, .word 0x00003003)     // LD: RV64 only
  TEST_ILLEGAL(7, .word 0x00007003)     // LOAD with reserved funct3 = 7
  TEST_ILLEGAL(8, .word 0x2800202f)     // AMO with reserved funct5 = 5
  TEST_ILLEGAL(9, .word 0x02001013)     // SLLI with shamt[5] set: RV32 has 5-bit shifts
  TEST_ILLEGAL(10, .word 0x60005013)    // SRAI with a bad funct7
  TEST_ILLEGAL(11, .word 0x00002063)    // BRANCH with reserved funct3 = 2
  TEST_ILLEGAL(12, .word 0x00001067)    // JALR with funct3 != 0
  TEST_ILLEGAL(13, .word 0x00003023)    // SD: RV64 only
  TEST_ILLEGAL(14, .word 0x00200073)    // URET: the N extension is not there

  // CSRs that do not exist
  TEST_ILLEGAL(15, csrr a0, CSR_UNALLOCATED)
  TEST_ILLEGAL(16, csrr a0, CSR_FCSR)
  // writes to read-only CSRs
  li a2, 1
  TEST_ILLEGAL(17, csrw mhartid, a2)
  TEST_ILLEGAL(18, csrrs a0, mhartid, a2)   // rs1 != x0: a write
  TEST_ILLEGAL(19, csrrsi a0, mvendorid, 1)
  TEST_ILLEGAL(20, csrrwi a0, cycle, 0)              // CSRRW always writes
  TEST_ILLEGAL(21, unimp)                            // = csrrw x0, cycle, x0

  // reads of read-only CSRs that do not write are legal
  TEST_LEGAL(22, csrrs a0, mhartid, x0)
  TEST_LEGAL(23, csrrc a0, cycle, x0)
  TEST_LEGAL(24, csrrsi a0, mimpid, 0)
  TEST_LEGAL(25, sfence.vma)
  TEST_LEGAL(26, fence.i)

  // rs1 != x0 is a write even when the register holds zero (zicsr.adoc:
  // "the instruction will still attempt to write the unmodified value back")
  li a2, 0
  TEST_ILLEGAL(27, csrrs a0, mhartid, a2)
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
