// rv32ui/ori.S — ORI: or with a sign-extended 12-bit immediate.
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  TEST_IMM_OP(2, ori, 0x00000000, 0x00000000, 0)
  TEST_IMM_OP(3, ori, 0x00000001, 0x00000001, 1)
  TEST_IMM_OP(4, ori, 0x00000007, 0x00000003, 7)
  TEST_IMM_OP(5, ori, 0xfffff800, 0x00000000, -2048)
  TEST_IMM_OP(6, ori, 0x80000000, 0x80000000, 0)
  TEST_IMM_OP(7, ori, 0xfffff800, 0x80000000, -2048)
  TEST_IMM_OP(8, ori, 0x000007ff, 0x00000000, 2047)
  TEST_IMM_OP(9, ori, 0x7fffffff, 0x7fffffff, 0)
  TEST_IMM_OP(10, ori, 0x7fffffff, 0x7fffffff, 2047)
  TEST_IMM_OP(11, ori, 0x800007ff, 0x80000000, 2047)
  TEST_IMM_OP(12, ori, 0xffffffff, 0x7fffffff, -2048)
  TEST_IMM_OP(13, ori, 0xffffffff, 0x00000000, -1)
  TEST_IMM_OP(14, ori, 0xffffffff, 0xffffffff, 1)
  TEST_IMM_OP(15, ori, 0xffffffff, 0xffffffff, -1)
  TEST_IMM_OP(16, ori, 0x7fffffff, 0x7fffffff, 1)
  TEST_IMM_OP(17, ori, 0xffffff0f, 0xff00ff00, -241)
  TEST_IMM_OP(18, ori, 0x00ff07ff, 0x00ff00ff, 1807)
  TEST_IMM_OP(19, ori, 0xfffffefa, 0x12345678, -1366)
  TEST_IMM_SRC1_EQ_DEST(20, ori, 0x00000007, 0x00000003, 7)
  TEST_IMM_ZEROSRC1(21, ori, 0x000007ff, 2047)
  TEST_IMM_ZERODEST(22, ori, 0x21212121, 7)
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
