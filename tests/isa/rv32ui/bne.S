// rv32ui/bne.S — BNE: branch if not equal. Each taken case branches forwards and then backwards (rv32.adoc, "Conditional Branches").
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  TEST_BR2_OP_NOTTAKEN(2, bne, 0x00000000, 0x00000000)
  TEST_BR2_OP_NOTTAKEN(3, bne, 0x00000001, 0x00000001)
  TEST_BR2_OP_TAKEN(4, bne, 0x00000003, 0x00000007)
  TEST_BR2_OP_TAKEN(5, bne, 0x00000007, 0x00000003)
  TEST_BR2_OP_TAKEN(6, bne, 0x00000000, 0xffffffff)
  TEST_BR2_OP_TAKEN(7, bne, 0xffffffff, 0x00000000)
  TEST_BR2_OP_TAKEN(8, bne, 0x7fffffff, 0x80000000)
  TEST_BR2_OP_TAKEN(9, bne, 0x80000000, 0x7fffffff)
  TEST_BR2_OP_NOTTAKEN(10, bne, 0x80000000, 0x80000000)
  TEST_BR2_OP_TAKEN(11, bne, 0xfffffffe, 0xffffffff)
  TEST_BR2_OP_TAKEN(12, bne, 0xffffffff, 0xfffffffe)
  TEST_BR2_OP_TAKEN(13, bne, 0xffff8000, 0x00007fff)
  TEST_BR2_OP_NOTTAKEN(14, bne, 0, 0)
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
