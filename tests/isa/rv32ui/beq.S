// rv32ui/beq.S — BEQ: branch if equal. Each taken case branches forwards and then backwards (rv32.adoc, "Conditional Branches").
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  TEST_BR2_OP_TAKEN(2, beq, 0x00000000, 0x00000000)
  TEST_BR2_OP_TAKEN(3, beq, 0x00000001, 0x00000001)
  TEST_BR2_OP_NOTTAKEN(4, beq, 0x00000003, 0x00000007)
  TEST_BR2_OP_NOTTAKEN(5, beq, 0x00000007, 0x00000003)
  TEST_BR2_OP_NOTTAKEN(6, beq, 0x00000000, 0xffffffff)
  TEST_BR2_OP_NOTTAKEN(7, beq, 0xffffffff, 0x00000000)
  TEST_BR2_OP_NOTTAKEN(8, beq, 0x7fffffff, 0x80000000)
  TEST_BR2_OP_NOTTAKEN(9, beq, 0x80000000, 0x7fffffff)
  TEST_BR2_OP_TAKEN(10, beq, 0x80000000, 0x80000000)
  TEST_BR2_OP_NOTTAKEN(11, beq, 0xfffffffe, 0xffffffff)
  TEST_BR2_OP_NOTTAKEN(12, beq, 0xffffffff, 0xfffffffe)
  TEST_BR2_OP_NOTTAKEN(13, beq, 0xffff8000, 0x00007fff)
  TEST_BR2_OP_TAKEN(14, beq, 0, 0)
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
