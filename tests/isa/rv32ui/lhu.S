// rv32ui/lhu.S — LHU: load a halfword (little-endian) and zero-extend it. Positive and negative offsets from a base (rv32.adoc, "Load and Store Instructions").
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  TEST_LD_OP(2, lhu, 0x000000ff, 0, tdat)
  TEST_LD_OP(3, lhu, 0x000000ff, 2, tdat)
  TEST_LD_OP(4, lhu, 0x0000ff00, 4, tdat)
  TEST_LD_OP(5, lhu, 0x0000ff00, 6, tdat)
  TEST_LD_OP(6, lhu, 0x00000ff0, 8, tdat)
  TEST_LD_OP(7, lhu, 0x00000ff0, 10, tdat)
  TEST_LD_OP(8, lhu, 0x0000f00f, 12, tdat)
  TEST_LD_OP(9, lhu, 0x0000f00f, 14, tdat)
  TEST_LD_OP(10, lhu, 0x00007ffe, 16, tdat)
  TEST_LD_OP(11, lhu, 0x00008001, 18, tdat)
  TEST_LD_OP(12, lhu, 0x000081ff, 20, tdat)
  TEST_LD_OP(13, lhu, 0x00007f80, 22, tdat)
  TEST_LD_OP(14, lhu, 0x0000ff00, -20, tdat + 24)
  TEST_LD_OP(15, lhu, 0x00000ff0, -16, tdat + 24)
  TEST_LD_OP(16, lhu, 0x000081ff, -4, tdat + 24)
  TEST_LD_ZERODEST(17, lhu, 4, tdat)
  TEST_LD_DEST_EQ_BASE(18, lhu, 0x0000f00f, 12, tdat)
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
  TEST_LD_DATA
RVTEST_DATA_END
