// rv32um/divu.S — DIVU: unsigned division; x/0 = 2^32-1, no trap (m-st-ext.adoc, "Division Operations").
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  // register-register cases
  TEST_RR_OP(2, divu, 0x00000003, 0x00000014, 0x00000006)
  TEST_RR_OP(3, divu, 0x2aaaaaa7, 0xffffffec, 0x00000006)
  TEST_RR_OP(4, divu, 0x00000000, 0x00000014, 0xfffffffa)
  TEST_RR_OP(5, divu, 0x00000000, 0xffffffec, 0xfffffffa)
  TEST_RR_OP(6, divu, 0x80000000, 0x80000000, 0x00000001)
  TEST_RR_OP(7, divu, 0x00000000, 0x80000000, 0xffffffff)
  TEST_RR_OP(8, divu, 0xffffffff, 0x80000000, 0x00000000)
  TEST_RR_OP(9, divu, 0xffffffff, 0x00000001, 0x00000000)
  TEST_RR_OP(10, divu, 0xffffffff, 0x00000000, 0x00000000)
  TEST_RR_OP(11, divu, 0xffffffff, 0xffffffff, 0x00000000)
  TEST_RR_OP(12, divu, 0x00000000, 0x7fffffff, 0xffffffff)
  TEST_RR_OP(13, divu, 0x00010004, 0x12345678, 0x00001234)
  TEST_RR_OP(14, divu, 0x7ffffffc, 0xfffffff9, 0x00000002)
  TEST_RR_OP(15, divu, 0x00000000, 0x00000003, 0x00000005)
  // destination equal to a source, x0 as source or destination
  TEST_RR_SRC1_EQ_DEST(16, divu, 0x00000000, 0xffffffec, 0xfffffffa)
  TEST_RR_SRC2_EQ_DEST(17, divu, 0x00000000, 0xffffffec, 0xfffffffa)
  TEST_RR_SRC12_EQ_DEST(18, divu, 0x00000001, 0xffffffec)
  TEST_RR_ZEROSRC1(19, divu, 0x00000000, 0x87654321)
  TEST_RR_ZEROSRC2(20, divu, 0xffffffff, 0x87654321)
  TEST_CASE(21, x14, 0xffffffff, divu x14, x0, x0)
  TEST_RR_ZERODEST(22, divu, 0xffffffec, 0xfffffffa)
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
