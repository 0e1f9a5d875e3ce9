// rv32ui/sll.S — SLL: shift left by the low 5 bits of rs2 (higher bits of rs2 are ignored).
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  // register-register cases
  TEST_RR_OP(2, sll, 0x80000001, 0x80000001, 0x00000000)
  TEST_RR_OP(3, sll, 0x00000002, 0x80000001, 0x00000001)
  TEST_RR_OP(4, sll, 0x00000080, 0x80000001, 0x00000007)
  TEST_RR_OP(5, sll, 0x00004000, 0x80000001, 0x0000000e)
  TEST_RR_OP(6, sll, 0x80000000, 0x80000001, 0x0000001f)
  TEST_RR_OP(7, sll, 0x80000000, 0xffffffff, 0x0000001f)
  TEST_RR_OP(8, sll, 0x21212121, 0x21212121, 0x00000000)
  TEST_RR_OP(9, sll, 0x80000000, 0x21212121, 0x0000001f)
  TEST_RR_OP(10, sll, 0xff980000, 0x7ffffff3, 0x00000013)
  TEST_RR_OP(11, sll, 0x80000001, 0x80000001, 0xffffffe0)
  TEST_RR_OP(12, sll, 0x00000002, 0x80000001, 0xffffffe1)
  TEST_RR_OP(13, sll, 0x90909080, 0x21212121, 0x00000027)
  TEST_RR_OP(14, sll, 0x00000000, 0xf0f0f0f0, 0xffffffff)
  // destination equal to a source, x0 as source or destination
  TEST_RR_SRC1_EQ_DEST(15, sll, 0x00004000, 0x80000001, 0x0000000e)
  TEST_RR_SRC2_EQ_DEST(16, sll, 0x00004000, 0x80000001, 0x0000000e)
  TEST_RR_SRC12_EQ_DEST(17, sll, 0x00000002, 0x80000001)
  TEST_RR_ZEROSRC1(18, sll, 0x00000000, 0x00000005)
  TEST_RR_ZEROSRC2(19, sll, 0x87654321, 0x87654321)
  TEST_CASE(20, x14, 0x00000000, sll x14, x0, x0)
  TEST_RR_ZERODEST(21, sll, 0x80000001, 0x0000000e)
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
