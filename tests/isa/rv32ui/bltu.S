// rv32ui/bltu.S — BLTU: branch if rs1 < rs2, unsigned. Each taken case branches forwards and then backwards (rv32.adoc, "Conditional Branches").
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  TEST_BR2_OP_NOTTAKEN(2, bltu, 0x00000000, 0x00000000)
  TEST_BR2_OP_NOTTAKEN(3, bltu, 0x00000001, 0x00000001)
  TEST_BR2_OP_TAKEN(4, bltu, 0x00000003, 0x00000007)
  TEST_BR2_OP_NOTTAKEN(5, bltu, 0x00000007, 0x00000003)
  TEST_BR2_OP_TAKEN(6, bltu, 0x00000000, 0xffffffff)
  TEST_BR2_OP_NOTTAKEN(7, bltu, 0xffffffff, 0x00000000)
  TEST_BR2_OP_TAKEN(8, bltu, 0x7fffffff, 0x80000000)
  TEST_BR2_OP_NOTTAKEN(9, bltu, 0x80000000, 0x7fffffff)
  TEST_BR2_OP_NOTTAKEN(10, bltu, 0x80000000, 0x80000000)
  TEST_BR2_OP_TAKEN(11, bltu, 0xfffffffe, 0xffffffff)
  TEST_BR2_OP_NOTTAKEN(12, bltu, 0xffffffff, 0xfffffffe)
  TEST_BR2_OP_NOTTAKEN(13, bltu, 0xffff8000, 0x00007fff)
  TEST_BR2_OP_NOTTAKEN(14, bltu, 0, 0)
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
