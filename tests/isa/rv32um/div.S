// rv32um/div.S — DIV: signed division rounding toward zero; x/0 = -1 and -2^31/-1 = -2^31, no trap (m-st-ext.adoc, "Division Operations", table of special cases).
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  // register-register cases
  TEST_RR_OP(2, div, 0x00000003, 0x00000014, 0x00000006)
  TEST_RR_OP(3, div, 0xfffffffd, 0xffffffec, 0x00000006)
  TEST_RR_OP(4, div, 0xfffffffd, 0x00000014, 0xfffffffa)
  TEST_RR_OP(5, div, 0x00000003, 0xffffffec, 0xfffffffa)
  TEST_RR_OP(6, div, 0x80000000, 0x80000000, 0x00000001)
  TEST_RR_OP(7, div, 0x80000000, 0x80000000, 0xffffffff)
  TEST_RR_OP(8, div, 0xffffffff, 0x80000000, 0x00000000)
  TEST_RR_OP(9, div, 0xffffffff, 0x00000001, 0x00000000)
  TEST_RR_OP(10, div, 0xffffffff, 0x00000000, 0x00000000)
  TEST_RR_OP(11, div, 0xffffffff, 0xffffffff, 0x00000000)
  TEST_RR_OP(12, div, 0x80000001, 0x7fffffff, 0xffffffff)
  TEST_RR_OP(13, div, 0x00010004, 0x12345678, 0x00001234)
  TEST_RR_OP(14, div, 0xfffffffd, 0xfffffff9, 0x00000002)
  TEST_RR_OP(15, div, 0x00000000, 0x00000003, 0x00000005)
  // destination equal to a source, x0 as source or destination
  TEST_RR_SRC1_EQ_DEST(16, div, 0x00000003, 0xffffffec, 0xfffffffa)
  TEST_RR_SRC2_EQ_DEST(17, div, 0x00000003, 0xffffffec, 0xfffffffa)
  TEST_RR_SRC12_EQ_DEST(18, div, 0x00000001, 0xffffffec)
  TEST_RR_ZEROSRC1(19, div, 0x00000000, 0x87654321)
  TEST_RR_ZEROSRC2(20, div, 0xffffffff, 0x87654321)
  TEST_CASE(21, x14, 0xffffffff, div x14, x0, x0)
  TEST_RR_ZERODEST(22, div, 0xffffffec, 0xfffffffa)
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
