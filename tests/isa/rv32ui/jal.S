// rv32ui/jal.S — JAL: rd = pc + 4, jump pc-relative (+-1 MiB), forwards and
// backwards; with rd = x0 nothing is linked (rv32.adoc, "Unconditional Jumps").
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32U
RVTEST_CODE_BEGIN
  // 2: forward jump links the address of the next instruction
  li TESTNUM, 2
  li ra, 0
link_2:
  jal ra, target_2
  j fail
target_2:
  la t2, link_2 + 4
  bne ra, t2, fail

  // 3: backward jump, linking into a register other than ra
  li TESTNUM, 3
  j 2f
1:
  la t2, link_3 + 4
  bne a5, t2, fail
  j 3f
2:
link_3:
  jal a5, 1b
  j fail
3:

  // 4: jal x0 (the `j` pseudo-instruction) jumps without writing anything
  li TESTNUM, 4
  jal x0, 1f
  j fail
1:
  bnez x0, fail

  // 5: the instructions after a taken jal never execute
  li TESTNUM, 5
  li a0, 1
  jal t0, 1f
  li a0, 2
  li a0, 3
1:
  li t2, 1
  bne a0, t2, fail

  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
