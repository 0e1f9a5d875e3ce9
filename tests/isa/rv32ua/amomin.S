// rv32ua/amomin.S — AMOMIN.W: memory = signed minimum of old and rs2 — one indivisible read-modify-write (a-st-ext.adoc, "Atomic Memory Operations"). Each case checks both the returned old value and the memory word.
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  TEST_AMO_OP(2, 3, amomin.w, 0x80000000, 0xfffff800, 0x80000000)
  TEST_AMO_OP(4, 5, amomin.w, 0xfffff800, 0x80000000, 0x80000000)
  TEST_AMO_OP(6, 7, amomin.w, 0x00000001, 0x7fffffff, 0x00000001)
  TEST_AMO_OP(8, 9, amomin.w, 0x7fffffff, 0xffffffff, 0xffffffff)
  TEST_AMO_OP(10, 11, amomin.w, 0xffffffff, 0x00000000, 0xffffffff)
  TEST_AMO_OP(12, 13, amomin.w, 0x12345678, 0x12345678, 0x12345678)
  TEST_AMO_OP(14, 15, amomin.w, 0x00000000, 0x80000000, 0x80000000)
  TEST_AMO_ZERODEST(16, amomin.w, 0x80000000, 0xfffff800, 0x80000000)
  TEST_AMO_SRC_EQ_DEST(17, 18, amomin.w, 0x80000000, 0xfffff800, 0x80000000)
  // the .aq/.rl orderings behave the same on one hart
  TEST_AMO_OP(19, 20, amomin.w.aqrl, 0x80000000, 0xfffff800, 0x80000000)
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
  TEST_AMO_DATA
RVTEST_DATA_END
