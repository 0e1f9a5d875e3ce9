// rv32ui/lb.S — LB: load a byte and sign-extend it. Positive and negative offsets from a base (rv32.adoc, "Load and Store Instructions").
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  TEST_LD_OP(2, lb, 0xffffffff, 0, tdat)
  TEST_LD_OP(3, lb, 0x00000000, 1, tdat)
  TEST_LD_OP(4, lb, 0xffffffff, 2, tdat)
  TEST_LD_OP(5, lb, 0x00000000, 3, tdat)
  TEST_LD_OP(6, lb, 0x00000000, 4, tdat)
  TEST_LD_OP(7, lb, 0xffffffff, 5, tdat)
  TEST_LD_OP(8, lb, 0x00000000, 6, tdat)
  TEST_LD_OP(9, lb, 0xffffffff, 7, tdat)
  TEST_LD_OP(10, lb, 0xfffffff0, 8, tdat)
  TEST_LD_OP(11, lb, 0x0000000f, 9, tdat)
  TEST_LD_OP(12, lb, 0xfffffff0, 10, tdat)
  TEST_LD_OP(13, lb, 0x0000000f, 11, tdat)
  TEST_LD_OP(14, lb, 0x0000000f, 12, tdat)
  TEST_LD_OP(15, lb, 0xfffffff0, 13, tdat)
  TEST_LD_OP(16, lb, 0x0000000f, 14, tdat)
  TEST_LD_OP(17, lb, 0xfffffff0, 15, tdat)
  TEST_LD_OP(18, lb, 0xfffffffe, 16, tdat)
  TEST_LD_OP(19, lb, 0x0000007f, 17, tdat)
  TEST_LD_OP(20, lb, 0x00000001, 18, tdat)
  TEST_LD_OP(21, lb, 0xffffff80, 19, tdat)
  TEST_LD_OP(22, lb, 0xffffffff, 20, tdat)
  TEST_LD_OP(23, lb, 0xffffff81, 21, tdat)
  TEST_LD_OP(24, lb, 0xffffff80, 22, tdat)
  TEST_LD_OP(25, lb, 0x0000007f, 23, tdat)
  TEST_LD_OP(26, lb, 0x00000000, -20, tdat + 24)
  TEST_LD_OP(27, lb, 0xfffffff0, -16, tdat + 24)
  TEST_LD_OP(28, lb, 0xffffffff, -4, tdat + 24)
  TEST_LD_ZERODEST(29, lb, 4, tdat)
  TEST_LD_DEST_EQ_BASE(30, lb, 0x0000000f, 12, tdat)
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
  TEST_LD_DATA
RVTEST_DATA_END
