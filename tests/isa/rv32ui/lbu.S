// rv32ui/lbu.S — LBU: load a byte and zero-extend it. Positive and negative offsets from a base (rv32.adoc, "Load and Store Instructions").
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  TEST_LD_OP(2, lbu, 0x000000ff, 0, tdat)
  TEST_LD_OP(3, lbu, 0x00000000, 1, tdat)
  TEST_LD_OP(4, lbu, 0x000000ff, 2, tdat)
  TEST_LD_OP(5, lbu, 0x00000000, 3, tdat)
  TEST_LD_OP(6, lbu, 0x00000000, 4, tdat)
  TEST_LD_OP(7, lbu, 0x000000ff, 5, tdat)
  TEST_LD_OP(8, lbu, 0x00000000, 6, tdat)
  TEST_LD_OP(9, lbu, 0x000000ff, 7, tdat)
  TEST_LD_OP(10, lbu, 0x000000f0, 8, tdat)
  TEST_LD_OP(11, lbu, 0x0000000f, 9, tdat)
  TEST_LD_OP(12, lbu, 0x000000f0, 10, tdat)
  TEST_LD_OP(13, lbu, 0x0000000f, 11, tdat)
  TEST_LD_OP(14, lbu, 0x0000000f, 12, tdat)
  TEST_LD_OP(15, lbu, 0x000000f0, 13, tdat)
  TEST_LD_OP(16, lbu, 0x0000000f, 14, tdat)
  TEST_LD_OP(17, lbu, 0x000000f0, 15, tdat)
  TEST_LD_OP(18, lbu, 0x000000fe, 16, tdat)
  TEST_LD_OP(19, lbu, 0x0000007f, 17, tdat)
  TEST_LD_OP(20, lbu, 0x00000001, 18, tdat)
  TEST_LD_OP(21, lbu, 0x00000080, 19, tdat)
  TEST_LD_OP(22, lbu, 0x000000ff, 20, tdat)
  TEST_LD_OP(23, lbu, 0x00000081, 21, tdat)
  TEST_LD_OP(24, lbu, 0x00000080, 22, tdat)
  TEST_LD_OP(25, lbu, 0x0000007f, 23, tdat)
  TEST_LD_OP(26, lbu, 0x00000000, -20, tdat + 24)
  TEST_LD_OP(27, lbu, 0x000000f0, -16, tdat + 24)
  TEST_LD_OP(28, lbu, 0x000000ff, -4, tdat + 24)
  TEST_LD_ZERODEST(29, lbu, 4, tdat)
  TEST_LD_DEST_EQ_BASE(30, lbu, 0x0000000f, 12, tdat)
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
  TEST_LD_DATA
RVTEST_DATA_END
