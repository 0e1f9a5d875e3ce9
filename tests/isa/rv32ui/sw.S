// rv32ui/sw.S — SW: store a word (little-endian). (rv32.adoc, "Load and Store Instructions").
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  TEST_ST_OP(2, lw, sw, 0xaabbccdd, 0, sdat)
  TEST_ST_OP(3, lw, sw, 0x11223344, 4, sdat)
  TEST_ST_OP(4, lw, sw, 0xfedcba98, 8, sdat)
  TEST_ST_OP(5, lw, sw, 0x0000a00a, 12, sdat)
  TEST_ST_OP(6, lw, sw, 0x80000000, 16, sdat)
  TEST_ST_OP(7, lw, sw, 0x7fffffff, 20, sdat)
  TEST_ST_OP(8, lw, sw, 0x5a5aa5a5, -8, sdat + 32)
  TEST_ST_MERGE(9, sw, 0, 0xf0e1d2c3)
  TEST_ST_ZEROSRC(10, lw, sw, sdat)
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
  TEST_ST_DATA
RVTEST_DATA_END
