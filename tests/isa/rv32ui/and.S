// rv32ui/and.S — AND: bitwise and.
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  // register-register cases
  TEST_RR_OP(2, and, 0x00000000, 0x00000000, 0x00000000)
  TEST_RR_OP(3, and, 0x00000001, 0x00000001, 0x00000001)
  TEST_RR_OP(4, and, 0x00000003, 0x00000003, 0x00000007)
  TEST_RR_OP(5, and, 0x00000001, 0xffffffff, 0x00000001)
  TEST_RR_OP(6, and, 0x00000001, 0x7fffffff, 0x00000001)
  TEST_RR_OP(7, and, 0x80000000, 0x80000000, 0xffffffff)
  TEST_RR_OP(8, and, 0x80000000, 0x80000000, 0x80000000)
  TEST_RR_OP(9, and, 0x02244228, 0x12345678, 0x0fedcba9)
  TEST_RR_OP(10, and, 0x00000000, 0xffff8000, 0x00007fff)
  TEST_RR_OP(11, and, 0x00210467, 0xdeadbeef, 0x01234567)
  TEST_RR_OP(12, and, 0x7fffffff, 0x7fffffff, 0x7fffffff)
  TEST_RR_OP(13, and, 0xfffffffc, 0xfffffffe, 0xfffffffd)
  TEST_RR_OP(14, and, 0x00000001, 0x00000005, 0xfffffffb)
  // destination equal to a source, x0 as source or destination
  TEST_RR_SRC1_EQ_DEST(15, and, 0x00000001, 0xffffffff, 0x00000001)
  TEST_RR_SRC2_EQ_DEST(16, and, 0x00000001, 0xffffffff, 0x00000001)
  TEST_RR_SRC12_EQ_DEST(17, and, 0xffffffff, 0xffffffff)
  TEST_RR_ZEROSRC1(18, and, 0x00000000, 0x87654321)
  TEST_RR_ZEROSRC2(19, and, 0x00000000, 0x87654321)
  TEST_CASE(20, x14, 0x00000000, and x14, x0, x0)
  TEST_RR_ZERODEST(21, and, 0xffffffff, 0x00000001)
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
