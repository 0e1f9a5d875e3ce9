// rv32ui/sh.S — SH: store the low halfword of rs2 (little-endian); the neighbours stay. (rv32.adoc, "Load and Store Instructions").
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  TEST_ST_OP(2, lhu, sh, 0x0000ccdd, 0, sdat)
  TEST_ST_OP(3, lhu, sh, 0x00003344, 2, sdat)
  TEST_ST_OP(4, lhu, sh, 0x0000ba98, 4, sdat)
  TEST_ST_OP(5, lhu, sh, 0x0000a00a, 6, sdat)
  TEST_ST_OP(6, lhu, sh, 0x00000000, 8, sdat)
  TEST_ST_OP(7, lhu, sh, 0x0000ffff, 10, sdat)
  TEST_ST_OP(8, lhu, sh, 0x0000a5a5, -8, sdat + 32)
  TEST_CASE(9, x14, 0x0123d2c3, la x11, spat; li x12, 0x01234567; sw x12, 0(x11); li x12, 0xf0e1d2c3; sh x12, 0(x11); lw x14, 0(x11))
  TEST_CASE(10, x14, 0xd2c34567, la x11, spat; li x12, 0x01234567; sw x12, 0(x11); li x12, 0xf0e1d2c3; sh x12, 2(x11); lw x14, 0(x11))
  // a store from x0 writes zero
  TEST_CASE(11, x14, 0, la x11, sdat; sh x0, 0(x11); lhu x14, 0(x11))
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
  .align 4
sdat: .space 64
spat: .word 0
RVTEST_DATA_END
