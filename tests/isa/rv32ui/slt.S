// rv32ui/slt.S — SLT: 1 if rs1 < rs2 as signed numbers, else 0.
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  // register-register cases
  TEST_RR_OP(2, slt, 0x00000000, 0x00000000, 0x00000000)
  TEST_RR_OP(3, slt, 0x00000000, 0x00000001, 0x00000001)
  TEST_RR_OP(4, slt, 0x00000001, 0x00000003, 0x00000007)
  TEST_RR_OP(5, slt, 0x00000000, 0x00000007, 0x00000003)
  TEST_RR_OP(6, slt, 0x00000000, 0x00000000, 0xffffffff)
  TEST_RR_OP(7, slt, 0x00000001, 0xffffffff, 0x00000000)
  TEST_RR_OP(8, slt, 0x00000000, 0x7fffffff, 0x80000000)
  TEST_RR_OP(9, slt, 0x00000001, 0x80000000, 0x7fffffff)
  TEST_RR_OP(10, slt, 0x00000000, 0x80000000, 0x80000000)
  TEST_RR_OP(11, slt, 0x00000001, 0xfffffffe, 0xffffffff)
  TEST_RR_OP(12, slt, 0x00000000, 0xffffffff, 0xfffffffe)
  TEST_RR_OP(13, slt, 0x00000001, 0xffff8000, 0x00007fff)
  // destination equal to a source, x0 as source or destination
  TEST_RR_SRC1_EQ_DEST(14, slt, 0x00000000, 0x00000007, 0x00000003)
  TEST_RR_SRC2_EQ_DEST(15, slt, 0x00000000, 0x00000007, 0x00000003)
  TEST_RR_SRC12_EQ_DEST(16, slt, 0x00000000, 0x00000007)
  TEST_RR_ZEROSRC1(17, slt, 0x00000000, 0x87654321)
  TEST_RR_ZEROSRC2(18, slt, 0x00000001, 0x87654321)
  TEST_CASE(19, x14, 0x00000000, slt x14, x0, x0)
  TEST_RR_ZERODEST(20, slt, 0x00000007, 0x00000003)
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
