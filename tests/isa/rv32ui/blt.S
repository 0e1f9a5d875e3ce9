// rv32ui/blt.S — BLT: branch if rs1 < rs2, signed. Each taken case branches forwards and then backwards (rv32.adoc, "Conditional Branches").
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  TEST_BR2_OP_NOTTAKEN(2, blt, 0x00000000, 0x00000000)
  TEST_BR2_OP_NOTTAKEN(3, blt, 0x00000001, 0x00000001)
  TEST_BR2_OP_TAKEN(4, blt, 0x00000003, 0x00000007)
  TEST_BR2_OP_NOTTAKEN(5, blt, 0x00000007, 0x00000003)
  TEST_BR2_OP_NOTTAKEN(6, blt, 0x00000000, 0xffffffff)
  TEST_BR2_OP_TAKEN(7, blt, 0xffffffff, 0x00000000)
  TEST_BR2_OP_NOTTAKEN(8, blt, 0x7fffffff, 0x80000000)
  TEST_BR2_OP_TAKEN(9, blt, 0x80000000, 0x7fffffff)
  TEST_BR2_OP_NOTTAKEN(10, blt, 0x80000000, 0x80000000)
  TEST_BR2_OP_TAKEN(11, blt, 0xfffffffe, 0xffffffff)
  TEST_BR2_OP_NOTTAKEN(12, blt, 0xffffffff, 0xfffffffe)
  TEST_BR2_OP_TAKEN(13, blt, 0xffff8000, 0x00007fff)
  TEST_BR2_OP_NOTTAKEN(14, blt, 0, 0)
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
