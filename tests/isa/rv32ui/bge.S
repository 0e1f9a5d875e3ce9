// rv32ui/bge.S — BGE: branch if rs1 >= rs2, signed. Each taken case branches forwards and then backwards (rv32.adoc, "Conditional Branches").
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  TEST_BR2_OP_TAKEN(2, bge, 0x00000000, 0x00000000)
  TEST_BR2_OP_TAKEN(3, bge, 0x00000001, 0x00000001)
  TEST_BR2_OP_NOTTAKEN(4, bge, 0x00000003, 0x00000007)
  TEST_BR2_OP_TAKEN(5, bge, 0x00000007, 0x00000003)
  TEST_BR2_OP_TAKEN(6, bge, 0x00000000, 0xffffffff)
  TEST_BR2_OP_NOTTAKEN(7, bge, 0xffffffff, 0x00000000)
  TEST_BR2_OP_TAKEN(8, bge, 0x7fffffff, 0x80000000)
  TEST_BR2_OP_NOTTAKEN(9, bge, 0x80000000, 0x7fffffff)
  TEST_BR2_OP_TAKEN(10, bge, 0x80000000, 0x80000000)
  TEST_BR2_OP_NOTTAKEN(11, bge, 0xfffffffe, 0xffffffff)
  TEST_BR2_OP_TAKEN(12, bge, 0xffffffff, 0xfffffffe)
  TEST_BR2_OP_NOTTAKEN(13, bge, 0xffff8000, 0x00007fff)
  TEST_BR2_OP_TAKEN(14, bge, 0, 0)
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
