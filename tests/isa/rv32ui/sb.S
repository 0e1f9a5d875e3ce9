// rv32ui/sb.S — SB: store the low byte of rs2; the other bytes of the word stay. (rv32.adoc, "Load and Store Instructions").
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  TEST_ST_OP(2, lbu, sb, 0x000000dd, 0, sdat)
  TEST_ST_OP(3, lbu, sb, 0x00000044, 1, sdat)
  TEST_ST_OP(4, lbu, sb, 0x00000098, 2, sdat)
  TEST_ST_OP(5, lbu, sb, 0x0000000a, 3, sdat)
  TEST_ST_OP(6, lbu, sb, 0x00000000, 4, sdat)
  TEST_ST_OP(7, lbu, sb, 0x000000ff, 5, sdat)
  TEST_ST_OP(8, lbu, sb, 0x000000a5, -8, sdat + 32)
  TEST_ST_MERGE(9, sb, 0, 0x012345c3)
  TEST_ST_MERGE(10, sb, 1, 0x0123c367)
  TEST_ST_MERGE(11, sb, 2, 0x01c34567)
  TEST_ST_MERGE(12, sb, 3, 0xc3234567)
  TEST_ST_ZEROSRC(13, lbu, sb, sdat)
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
  TEST_ST_DATA
RVTEST_DATA_END
