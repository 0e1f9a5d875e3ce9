// rv32ui/srl.S — SRL: logical right shift by the low 5 bits of rs2; zeros come in.
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  // register-register cases
  TEST_RR_OP(2, srl, 0x80000001, 0x80000001, 0x00000000)
  TEST_RR_OP(3, srl, 0x40000000, 0x80000001, 0x00000001)
  TEST_RR_OP(4, srl, 0x01000000, 0x80000001, 0x00000007)
  TEST_RR_OP(5, srl, 0x00020000, 0x80000001, 0x0000000e)
  TEST_RR_OP(6, srl, 0x00000001, 0x80000001, 0x0000001f)
  TEST_RR_OP(7, srl, 0x00000001, 0xffffffff, 0x0000001f)
  TEST_RR_OP(8, srl, 0x21212121, 0x21212121, 0x00000000)
  TEST_RR_OP(9, srl, 0x00000000, 0x21212121, 0x0000001f)
  TEST_RR_OP(10, srl, 0x00000fff, 0x7ffffff3, 0x00000013)
  TEST_RR_OP(11, srl, 0x80000001, 0x80000001, 0xffffffe0)
  TEST_RR_OP(12, srl, 0x40000000, 0x80000001, 0xffffffe1)
  TEST_RR_OP(13, srl, 0x00424242, 0x21212121, 0x00000027)
  TEST_RR_OP(14, srl, 0x00000001, 0xf0f0f0f0, 0xffffffff)
  // destination equal to a source, x0 as source or destination
  TEST_RR_SRC1_EQ_DEST(15, srl, 0x00020000, 0x80000001, 0x0000000e)
  TEST_RR_SRC2_EQ_DEST(16, srl, 0x00020000, 0x80000001, 0x0000000e)
  TEST_RR_SRC12_EQ_DEST(17, srl, 0x40000000, 0x80000001)
  TEST_RR_ZEROSRC1(18, srl, 0x00000000, 0x00000005)
  TEST_RR_ZEROSRC2(19, srl, 0x87654321, 0x87654321)
  TEST_CASE(20, x14, 0x00000000, srl x14, x0, x0)
  TEST_RR_ZERODEST(21, srl, 0x80000001, 0x0000000e)
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
