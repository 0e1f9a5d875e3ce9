// rv32ui/lw.S — LW: load a word (little-endian). Positive and negative offsets from a base (rv32.adoc, "Load and Store Instructions").
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  TEST_LD_OP(2, lw, 0x00ff00ff, 0, tdat)
  TEST_LD_OP(3, lw, 0xff00ff00, 4, tdat)
  TEST_LD_OP(4, lw, 0x0ff00ff0, 8, tdat)
  TEST_LD_OP(5, lw, 0xf00ff00f, 12, tdat)
  TEST_LD_OP(6, lw, 0x80017ffe, 16, tdat)
  TEST_LD_OP(7, lw, 0x7f8081ff, 20, tdat)
  TEST_LD_OP(8, lw, 0xff00ff00, -20, tdat + 24)
  TEST_LD_OP(9, lw, 0x0ff00ff0, -16, tdat + 24)
  TEST_LD_OP(10, lw, 0x7f8081ff, -4, tdat + 24)
  TEST_LD_ZERODEST(11, lw, 4, tdat)
  TEST_LD_DEST_EQ_BASE(12, lw, 0xf00ff00f, 12, tdat)
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
  TEST_LD_DATA
RVTEST_DATA_END
