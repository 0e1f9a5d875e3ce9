// rv32ui/jalr.S — JALR: target = (rs1 + imm) with bit 0 cleared, rd = pc + 4;
// rs1 is read before rd is written, so rd = rs1 works (rv32.adoc,
// "Unconditional Jumps").
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  // 2: plain indirect call
  li TESTNUM, 2
  la t0, target_2
link_2:
  jalr ra, 0(t0)
  j fail
target_2:
  la t2, link_2 + 4
  bne ra, t2, fail

  // 3: positive offset
  li TESTNUM, 3
  la t0, target_3 - 16
  jalr a5, 16(t0)
  j fail
target_3:

  // 4: negative offset
  li TESTNUM, 4
  la t0, target_4 + 2044
  jalr a5, -2044(t0)
  j fail
target_4:

  // 5: bit 0 of the sum is cleared: an odd target lands on the even address
  li TESTNUM, 5
  la t0, target_5
  jalr a5, 1(t0)
  j fail
target_5:

  // 6: rd = rs1: the jump uses the old value, rd gets the link
  li TESTNUM, 6
  la a5, target_6
link_6:
  jalr a5, 0(a5)
  j fail
target_6:
  la t2, link_6 + 4
  bne a5, t2, fail

  // 7: jalr x0 (ret/jr) links nothing
  li TESTNUM, 7
  la t0, 1f
  jalr x0, 0(t0)
  j fail
1:
  bnez x0, fail

  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
