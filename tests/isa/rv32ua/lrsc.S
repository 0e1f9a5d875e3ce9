// rv32ua/lrsc.S — LR.W / SC.W: load-reserved and store-conditional.
//
// SC.W writes rd = 0 and stores only if the hart still holds a reservation
// on the address from its most recent LR.W; otherwise it stores nothing and
// writes a nonzero code. Any SC.W, successful or not, invalidates the
// reservation (a-st-ext.adoc, "Load-Reserved/Store-Conditional Instructions").
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
#define COUNT_LOOPS 100
RVTEST_RV32U
RVTEST_CODE_BEGIN
  // 2-4: lr.w reads the word; the paired sc.w succeeds (rd = 0) and stores
  TEST_CASE(2, x14, 0x11111111, la x11, word_a; li x12, 0x11111111; sw x12, 0(x11); lr.w x14, (x11))
  TEST_CASE(3, x15, 0, li x13, 0x22222222; sc.w x15, x13, (x11))
  TEST_CASE(4, x14, 0x22222222, lw x14, 0(x11))

  // 5-6: a second sc.w has no reservation left: fails, memory unchanged
  TEST_CASE(5, x15, 1, li x13, 0x33333333; sc.w x15, x13, (x11); snez x15, x15)
  TEST_CASE(6, x14, 0x22222222, lw x14, 0(x11))

  // 7-8: sc.w without any lr.w fails
  TEST_CASE(7, x15, 1, la x11, word_b; li x13, 0x44444444; sc.w x15, x13, (x11); snez x15, x15)
  TEST_CASE(8, x14, 0, lw x14, 0(x11))

  // 9-10: sc.w to an address other than the reserved one fails
  TEST_CASE(9, x15, 1, la x11, word_a; lr.w x14, (x11); la x12, word_b; li x13, 0x55555555; sc.w x15, x13, (x12); snez x15, x15)
  TEST_CASE(10, x14, 0, la x12, word_b; lw x14, 0(x12))

  // 11: ...and that failed sc.w also cleared the reservation on word_a
  TEST_CASE(11, x15, 1, la x11, word_a; li x13, 0x66666666; sc.w x15, x13, (x11); snez x15, x15)

  // 12: a newer lr.w replaces the older reservation
  TEST_CASE(12, x15, 0, la x11, word_b; lr.w x14, (x11); la x11, word_a; lr.w x14, (x11); li x13, 0x77777777; sc.w x15, x13, (x11))
  TEST_CASE(13, x14, 0x77777777, lw x14, 0(x11))

  // 14: rd = rs2 in sc.w: the stored value is the old rs2
  TEST_CASE(14, x14, 0x12121212, la x11, word_a; lr.w x14, (x11); li x13, 0x12121212; sc.w x13, x13, (x11); bnez x13, fail; lw x14, 0(x11))

  // 15: an atomic increment loop (the classic use) counts correctly
  li TESTNUM, 15
  la a1, counter
  sw zero, 0(a1)
  li s0, COUNT_LOOPS
1:
  lr.w.aq a0, (a1)
  addi a0, a0, 1
  sc.w.rl a2, a0, (a1)
  bnez a2, 1b
  addi s0, s0, -1
  bnez s0, 1b
  lw a0, 0(a1)
  li t2, COUNT_LOOPS
  bne a0, t2, fail

  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
  .align 6
word_a: .word 0
  .align 12                         // a different reservation granule
word_b: .word 0
counter: .word 0
RVTEST_DATA_END
