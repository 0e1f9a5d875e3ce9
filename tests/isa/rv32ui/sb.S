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
  TEST_CASE(9, x14, 0x012345c3, la x11, spat; li x12, 0x01234567; sw x12, 0(x11); li x12, 0xf0e1d2c3; sb x12, 0(x11); lw x14, 0(x11))
  TEST_CASE(10, x14, 0x0123c367, la x11, spat; li x12, 0x01234567; sw x12, 0(x11); li x12, 0xf0e1d2c3; sb x12, 1(x11); lw x14, 0(x11))
  TEST_CASE(11, x14, 0x01c34567, la x11, spat; li x12, 0x01234567; sw x12, 0(x11); li x12, 0xf0e1d2c3; sb x12, 2(x11); lw x14, 0(x11))
  TEST_CASE(12, x14, 0xc3234567, la x11, spat; li x12, 0x01234567; sw x12, 0(x11); li x12, 0xf0e1d2c3; sb x12, 3(x11); lw x14, 0(x11))
  // a store from x0 writes zero
  TEST_CASE(13, x14, 0, la x11, sdat; sb x0, 0(x11); lbu x14, 0(x11))
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
  .align 4
sdat: .space 64
spat: .word 0
RVTEST_DATA_END
