// rv32mi/ma_addr.S — loads and stores at addresses that are not naturally
// aligned.
//
// The specification lets an execution environment either complete misaligned
// accesses or trap (rv32.adoc, "Load and Store Instructions"). trapeze traps,
// so that a student sees every misaligned access: load address misaligned
// (cause 4) or store/AMO address misaligned (cause 6), mepc = the load or
// store, mtval = the misaligned address (machine.adoc, "Machine Trap Value
// Register"); a load does not write rd, a store does not write memory.
// Byte accesses are never misaligned; halfwords at even addresses are fine.
// Each case is numbered; a failing run exits with that number.
//
// QEMU-DEVIATION(exit=2): QEMU 7.2 completes misaligned loads and stores to RAM without trapping (legal per rv32.adoc, but not trapeze's choice), so it cannot check these cases
#include "riscv_test.h"
#include "test_macros.h"
#define MDAT_WORD0 0x03020100          /* mdat's bytes 0..3 and 4..7 */
#define MDAT_WORD1 0x07060504
#define STORE_VALUE 0x11111111

// `insn` on mdat + off (a1 = mdat + off - disp, so the instruction's own
// displacement is disp) must trap with `cause`; a0 keeps its value and mdat
// is untouched.
#define MA_CASE(n, off, disp, cause, insn...)           \
  la a1, mdat + off - disp;                             \
  li a2, STORE_VALUE;                                   \
  TEST_MISALIGNED(n, cause, mdat + off, insn);          \
  CHECK_WORD(mdat, MDAT_WORD0);                         \
  CHECK_WORD(mdat + 4, MDAT_WORD1)

RVTEST_RV32M
RVTEST_CODE_BEGIN
  MA_CASE(2, 1, 0, CAUSE_MISALIGNED_LOAD, lw a0, 0(a1))
  MA_CASE(3, 2, 0, CAUSE_MISALIGNED_LOAD, lw a0, 0(a1))
  MA_CASE(4, 3, 0, CAUSE_MISALIGNED_LOAD, lw a0, 0(a1))
  MA_CASE(5, 1, 0, CAUSE_MISALIGNED_LOAD, lh a0, 0(a1))
  MA_CASE(6, 3, 0, CAUSE_MISALIGNED_LOAD, lhu a0, 0(a1))
  MA_CASE(7, 1, 0, CAUSE_MISALIGNED_STORE, sw a2, 0(a1))
  MA_CASE(8, 2, 0, CAUSE_MISALIGNED_STORE, sw a2, 0(a1))
  MA_CASE(9, 3, 0, CAUSE_MISALIGNED_STORE, sh a2, 0(a1))
  // the address is rs1 + offset: an aligned base with an odd offset
  MA_CASE(10, 1, 1, CAUSE_MISALIGNED_LOAD, lw a0, 1(a1))
  // naturally aligned narrow accesses are fine
  TEST_CASE(11, x14, 0x0302, la x11, mdat; lhu x14, 2(x11))
  TEST_CASE(12, x14, 0x03, la x11, mdat; lbu x14, 3(x11))
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
  .align 4
mdat: .byte 0, 1, 2, 3, 4, 5, 6, 7
RVTEST_DATA_END
