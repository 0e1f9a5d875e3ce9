// rv32ui/sltu.S — SLTU: 1 if rs1 < rs2 as unsigned numbers (so rd = (rs2 != 0) when rs1 = x0).
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  // register-register cases
  TEST_RR_OP(2, sltu, 0x00000000, 0x00000000, 0x00000000)
  TEST_RR_OP(3, sltu, 0x00000000, 0x00000001, 0x00000001)
  TEST_RR_OP(4, sltu, 0x00000001, 0x00000003, 0x00000007)
  TEST_RR_OP(5, sltu, 0x00000000, 0x00000007, 0x00000003)
  TEST_RR_OP(6, sltu, 0x00000001, 0x00000000, 0xffffffff)
  TEST_RR_OP(7, sltu, 0x00000000, 0xffffffff, 0x00000000)
  TEST_RR_OP(8, sltu, 0x00000001, 0x7fffffff, 0x80000000)
  TEST_RR_OP(9, sltu, 0x00000000, 0x80000000, 0x7fffffff)
  TEST_RR_OP(10, sltu, 0x00000000, 0x80000000, 0x80000000)
  TEST_RR_OP(11, sltu, 0x00000001, 0xfffffffe, 0xffffffff)
  TEST_RR_OP(12, sltu, 0x00000000, 0xffffffff, 0xfffffffe)
  TEST_RR_OP(13, sltu, 0x00000000, 0xffff8000, 0x00007fff)
  // destination equal to a source, x0 as source or destination
  TEST_RR_SRC1_EQ_DEST(14, sltu, 0x00000000, 0x00000007, 0x00000003)
  TEST_RR_SRC2_EQ_DEST(15, sltu, 0x00000000, 0x00000007, 0x00000003)
  TEST_RR_SRC12_EQ_DEST(16, sltu, 0x00000000, 0x00000007)
  TEST_RR_ZEROSRC1(17, sltu, 0x00000001, 0x87654321)
  TEST_RR_ZEROSRC2(18, sltu, 0x00000000, 0x87654321)
  TEST_CASE(19, x14, 0x00000000, sltu x14, x0, x0)
  TEST_RR_ZERODEST(20, sltu, 0x00000007, 0x00000003)
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
