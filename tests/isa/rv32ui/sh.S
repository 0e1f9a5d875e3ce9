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
  TEST_ST_MERGE(9, sh, 0, 0x0123d2c3)
  TEST_ST_MERGE(10, sh, 2, 0xd2c34567)
  TEST_ST_ZEROSRC(11, lhu, sh, sdat)
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
  TEST_ST_DATA
RVTEST_DATA_END
