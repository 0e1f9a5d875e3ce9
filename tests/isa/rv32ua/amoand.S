// rv32ua/amoand.S — AMOAND.W: rd = old, memory = old & rs2 — one indivisible read-modify-write (a-st-ext.adoc, "Atomic Memory Operations"). Each case checks both the returned old value and the memory word.
// Each case is numbered; a failing run exits with that number.
#define AMO_CASE(n_old, n_mem, inst, old, src, newval) \
  TEST_CASE(n_old, x14, old, la x11, amo_word; li x12, old; sw x12, 0(x11); li x13, src; inst x14, x13, (x11)); \
  TEST_CASE(n_mem, x15, newval, lw x15, 0(x11))
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  AMO_CASE(2, 3, amoand.w, 0x80000000, 0xfffff800, 0x80000000)
  AMO_CASE(4, 5, amoand.w, 0xfffff800, 0x80000000, 0x80000000)
  AMO_CASE(6, 7, amoand.w, 0x00000001, 0x7fffffff, 0x00000001)
  AMO_CASE(8, 9, amoand.w, 0x7fffffff, 0xffffffff, 0x7fffffff)
  AMO_CASE(10, 11, amoand.w, 0xffffffff, 0x00000000, 0x00000000)
  AMO_CASE(12, 13, amoand.w, 0x12345678, 0x12345678, 0x12345678)
  AMO_CASE(14, 15, amoand.w, 0x00000000, 0x80000000, 0x00000000)
  // rd = x0: memory still updated, nothing written back
  TEST_CASE(16, x15, 0x80000000, la x11, amo_word; li x12, 0x80000000; sw x12, 0(x11); li x13, 0xfffff800; amoand.w x0, x13, (x11); lw x15, 0(x11))
  // rd = rs2: the source is read before rd is written
  TEST_CASE(17, x13, 0x80000000, la x11, amo_word; li x12, 0x80000000; sw x12, 0(x11); li x13, 0xfffff800; amoand.w x13, x13, (x11))
  TEST_CASE(18, x15, 0x80000000, lw x15, 0(x11))
  // the .aq/.rl orderings behave the same on one hart
  AMO_CASE(19, 20, amoand.w.aqrl, 0x80000000, 0xfffff800, 0x80000000)
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
  .align 4
amo_word: .word 0
RVTEST_DATA_END
