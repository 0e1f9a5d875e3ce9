// rv32ui/lui.S — LUI: rd = imm20 << 12, low 12 bits zero (rv32.adoc,
// "Integer Register-Immediate Instructions").
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  TEST_CASE(2, x14, 0x00000000, lui x14, 0x00000)
  TEST_CASE(3, x14, 0xfffff000, lui x14, 0xfffff)
  TEST_CASE(4, x14, 0x7ffff000, lui x14, 0x7ffff)
  TEST_CASE(5, x14, 0x80000000, lui x14, 0x80000)
  TEST_CASE(6, x14, 0x00001000, lui x14, 0x00001)
  // with addi it builds any 32-bit constant (addi's immediate is signed)
  TEST_CASE(7, x14, 0x12344fff, lui x14, 0x12345; addi x14, x14, -1)
  // the old value of rd does not matter
  TEST_CASE(8, x14, 0xabcde000, li x14, 0xffffffff; lui x14, 0xabcde)
  TEST_CASE(9, x0, 0, lui x0, 0x80000)
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
