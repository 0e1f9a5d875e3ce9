// rv32ui/sltiu.S — SLTIU: 1 if rs1 < immediate, unsigned; the immediate is first sign-extended (so sltiu rd, rs, 1 is SEQZ and -1 means 2^32-1).
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  TEST_IMM_OP(2, sltiu, 0x00000000, 0x00000000, 0)
  TEST_IMM_OP(3, sltiu, 0x00000000, 0x00000001, 1)
  TEST_IMM_OP(4, sltiu, 0x00000001, 0x00000003, 7)
  TEST_IMM_OP(5, sltiu, 0x00000001, 0x00000000, -2048)
  TEST_IMM_OP(6, sltiu, 0x00000000, 0x80000000, 0)
  TEST_IMM_OP(7, sltiu, 0x00000001, 0x80000000, -2048)
  TEST_IMM_OP(8, sltiu, 0x00000001, 0x00000000, 2047)
  TEST_IMM_OP(9, sltiu, 0x00000000, 0x7fffffff, 0)
  TEST_IMM_OP(10, sltiu, 0x00000000, 0x7fffffff, 2047)
  TEST_IMM_OP(11, sltiu, 0x00000000, 0x80000000, 2047)
  TEST_IMM_OP(12, sltiu, 0x00000001, 0x7fffffff, -2048)
  TEST_IMM_OP(13, sltiu, 0x00000001, 0x00000000, -1)
  TEST_IMM_OP(14, sltiu, 0x00000000, 0xffffffff, 1)
  TEST_IMM_OP(15, sltiu, 0x00000000, 0xffffffff, -1)
  TEST_IMM_OP(16, sltiu, 0x00000000, 0x7fffffff, 1)
  TEST_IMM_OP(17, sltiu, 0x00000001, 0xff00ff00, -241)
  TEST_IMM_OP(18, sltiu, 0x00000000, 0x00ff00ff, 1807)
  TEST_IMM_OP(19, sltiu, 0x00000001, 0x12345678, -1366)
  TEST_IMM_SRC1_EQ_DEST(20, sltiu, 0x00000001, 0x00000003, 7)
  TEST_IMM_ZEROSRC1(21, sltiu, 0x00000001, 2047)
  TEST_IMM_ZERODEST(22, sltiu, 0x21212121, 7)
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
