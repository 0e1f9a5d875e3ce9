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
  TEST_CASE(9, x14, 0xf0e1d2c3, la x11, spat; li x12, 0x01234567; sw x12, 0(x11); li x12, 0xf0e1d2c3; sw x12, 0(x11); lw x14, 0(x11))
  // a store from x0 writes zero
  TEST_CASE(10, x14, 0, la x11, sdat; sw x0, 0(x11); lw x14, 0(x11))
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
  .align 4
sdat: .space 64
spat: .word 0
RVTEST_DATA_END
