// rv32um/remu.S — REMU: unsigned remainder; x%0 = x (m-st-ext.adoc, "Division Operations").
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  // register-register cases
  TEST_RR_OP(2, remu, 0x00000002, 0x00000014, 0x00000006)
  TEST_RR_OP(3, remu, 0x00000002, 0xffffffec, 0x00000006)
  TEST_RR_OP(4, remu, 0x00000014, 0x00000014, 0xfffffffa)
  TEST_RR_OP(5, remu, 0xffffffec, 0xffffffec, 0xfffffffa)
  TEST_RR_OP(6, remu, 0x00000000, 0x80000000, 0x00000001)
  TEST_RR_OP(7, remu, 0x80000000, 0x80000000, 0xffffffff)
  TEST_RR_OP(8, remu, 0x80000000, 0x80000000, 0x00000000)
  TEST_RR_OP(9, remu, 0x00000001, 0x00000001, 0x00000000)
  TEST_RR_OP(10, remu, 0x00000000, 0x00000000, 0x00000000)
  TEST_RR_OP(11, remu, 0xffffffff, 0xffffffff, 0x00000000)
  TEST_RR_OP(12, remu, 0x7fffffff, 0x7fffffff, 0xffffffff)
  TEST_RR_OP(13, remu, 0x00000da8, 0x12345678, 0x00001234)
  TEST_RR_OP(14, remu, 0x00000001, 0xfffffff9, 0x00000002)
  TEST_RR_OP(15, remu, 0x00000003, 0x00000003, 0x00000005)
  // destination equal to a source, x0 as source or destination
  TEST_RR_SRC1_EQ_DEST(16, remu, 0xffffffec, 0xffffffec, 0xfffffffa)
  TEST_RR_SRC2_EQ_DEST(17, remu, 0xffffffec, 0xffffffec, 0xfffffffa)
  TEST_RR_SRC12_EQ_DEST(18, remu, 0x00000000, 0xffffffec)
  TEST_RR_ZEROSRC1(19, remu, 0x00000000, 0x87654321)
  TEST_RR_ZEROSRC2(20, remu, 0x87654321, 0x87654321)
  TEST_CASE(21, x14, 0x00000000, remu x14, x0, x0)
  TEST_RR_ZERODEST(22, remu, 0xffffffec, 0xfffffffa)
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
