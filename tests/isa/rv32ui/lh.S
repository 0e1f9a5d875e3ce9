// rv32ui/lh.S — LH: load a halfword (little-endian) and sign-extend it. Positive and negative offsets from a base (rv32.adoc, "Load and Store Instructions").
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  TEST_LD_OP(2, lh, 0x000000ff, 0, tdat)
  TEST_LD_OP(3, lh, 0x000000ff, 2, tdat)
  TEST_LD_OP(4, lh, 0xffffff00, 4, tdat)
  TEST_LD_OP(5, lh, 0xffffff00, 6, tdat)
  TEST_LD_OP(6, lh, 0x00000ff0, 8, tdat)
  TEST_LD_OP(7, lh, 0x00000ff0, 10, tdat)
  TEST_LD_OP(8, lh, 0xfffff00f, 12, tdat)
  TEST_LD_OP(9, lh, 0xfffff00f, 14, tdat)
  TEST_LD_OP(10, lh, 0x00007ffe, 16, tdat)
  TEST_LD_OP(11, lh, 0xffff8001, 18, tdat)
  TEST_LD_OP(12, lh, 0xffff81ff, 20, tdat)
  TEST_LD_OP(13, lh, 0x00007f80, 22, tdat)
  TEST_LD_OP(14, lh, 0xffffff00, -20, tdat + 24)
  TEST_LD_OP(15, lh, 0x00000ff0, -16, tdat + 24)
  TEST_LD_OP(16, lh, 0xffff81ff, -4, tdat + 24)
  TEST_LD_ZERODEST(17, lh, 4, tdat)
  TEST_LD_DEST_EQ_BASE(18, lh, 0xfffff00f, 12, tdat)
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
  TEST_LD_DATA
RVTEST_DATA_END
