// rv32um/rem.S — REM: signed remainder, sign of the dividend; x%0 = x and -2^31 % -1 = 0 (m-st-ext.adoc, "Division Operations").
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  // register-register cases
  TEST_RR_OP(2, rem, 0x00000002, 0x00000014, 0x00000006)
  TEST_RR_OP(3, rem, 0xfffffffe, 0xffffffec, 0x00000006)
  TEST_RR_OP(4, rem, 0x00000002, 0x00000014, 0xfffffffa)
  TEST_RR_OP(5, rem, 0xfffffffe, 0xffffffec, 0xfffffffa)
  TEST_RR_OP(6, rem, 0x00000000, 0x80000000, 0x00000001)
  TEST_RR_OP(7, rem, 0x00000000, 0x80000000, 0xffffffff)
  TEST_RR_OP(8, rem, 0x80000000, 0x80000000, 0x00000000)
  TEST_RR_OP(9, rem, 0x00000001, 0x00000001, 0x00000000)
  TEST_RR_OP(10, rem, 0x00000000, 0x00000000, 0x00000000)
  TEST_RR_OP(11, rem, 0xffffffff, 0xffffffff, 0x00000000)
  TEST_RR_OP(12, rem, 0x00000000, 0x7fffffff, 0xffffffff)
  TEST_RR_OP(13, rem, 0x00000da8, 0x12345678, 0x00001234)
  TEST_RR_OP(14, rem, 0xffffffff, 0xfffffff9, 0x00000002)
  TEST_RR_OP(15, rem, 0x00000003, 0x00000003, 0x00000005)
  // destination equal to a source, x0 as source or destination
  TEST_RR_SRC1_EQ_DEST(16, rem, 0xfffffffe, 0xffffffec, 0xfffffffa)
  TEST_RR_SRC2_EQ_DEST(17, rem, 0xfffffffe, 0xffffffec, 0xfffffffa)
  TEST_RR_SRC12_EQ_DEST(18, rem, 0x00000000, 0xffffffec)
  TEST_RR_ZEROSRC1(19, rem, 0x00000000, 0x87654321)
  TEST_RR_ZEROSRC2(20, rem, 0x87654321, 0x87654321)
  TEST_CASE(21, x14, 0x00000000, rem x14, x0, x0)
  TEST_RR_ZERODEST(22, rem, 0xffffffec, 0xfffffffa)
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
