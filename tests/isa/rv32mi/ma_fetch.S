// rv32mi/ma_fetch.S — jumping to an address that is not 4-byte aligned.
//
// Without the C extension instructions are 4-byte aligned (IALIGN = 32). A
// taken branch or jump to a misaligned target raises instruction address
// misaligned (cause 0) *on the branch or jump itself*: mepc is the jump's own
// address, its rd is not written (rv32.adoc, "Control Transfer Instructions";
// machine.adoc, "Machine Exception Program Counter"). A branch that is not
// taken never traps. mtval is the misaligned target address (machine.adoc,
// "Machine Trap Value Register": "the faulting virtual address").
// Each case is numbered; a failing run exits with that number.
//
// QEMU-DEVIATION(exit=13): for JAL and taken branches QEMU 7.2 writes a stale address (not the misaligned target, "the faulting virtual address" of machine.adoc, "Machine Trap Value Register") into mtval for an instruction-address-misaligned exception
#include "riscv_test.h"
#include "test_macros.h"
#define RA_SENTINEL 0x600dcafe
/* Hand-encoded jumps by +6 bytes (the assembler refuses odd targets). */
#define JAL_RA_PLUS6   0x006000ef       /* jal ra, .+6 */
#define BEQ_ZERO_PLUS6 0x00000363       /* beq x0, x0, .+6 (always taken) */
#define BNE_ZERO_PLUS6 0x00001363       /* bne x0, x0, .+6 (never taken) */
RVTEST_RV32M
RVTEST_CODE_BEGIN
  // 2-4: jalr to target + 2
  li TESTNUM, 2
  li ra, RA_SENTINEL
  la t3, 1f
  addi t3, t3, 2
  MTRAP_ARM(3f)
2:jalr ra, 0(t3)
  j fail
1:j fail
3:TEST_MTRAP(2, CAUSE_MISALIGNED_FETCH)
  TEST_MTRAP_EPC(3, 2b)
  li TESTNUM, 4
  li t2, RA_SENTINEL
  bne ra, t2, fail

  // 5-7: jal to .+6
  li TESTNUM, 5
  MTRAP_ARM(3f)
2:.word JAL_RA_PLUS6
  j fail
  j fail
3:TEST_MTRAP(5, CAUSE_MISALIGNED_FETCH)
  TEST_MTRAP_EPC(6, 2b)
  li TESTNUM, 7
  li t2, RA_SENTINEL
  bne ra, t2, fail

  // 8-9: a taken branch to .+6
  li TESTNUM, 8
  MTRAP_ARM(3f)
2:.word BEQ_ZERO_PLUS6
  j fail
  j fail
3:TEST_MTRAP(8, CAUSE_MISALIGNED_FETCH)
  TEST_MTRAP_EPC(9, 2b)

  // 10: a branch that is not taken does not care where it would have gone
  li TESTNUM, 10
  MTRAP_ARM_SKIP
  .word BNE_ZERO_PLUS6
  TEST_NO_TRAP(10, tz_mrec)

  // 11: jalr clears only bit 0: target + 1 is fine, target + 3 is not
  li TESTNUM, 11
  la t3, 1f
  jalr ra, 1(t3)
  j fail
1:

  // 12: mtval holds the misaligned target (jalr)
  li TESTNUM, 12
  la t3, 1f
  addi t3, t3, 2
  MTRAP_ARM(3f)
2:jalr ra, 0(t3)
1:j fail
3:TEST_MTRAP(12, CAUSE_MISALIGNED_FETCH)
  la t2, 1b
  addi t2, t2, 2
  lw t1, REC_TVAL(t0)
  bne t1, t2, fail

  // 13: the same for jal
  li TESTNUM, 13
  MTRAP_ARM(3f)
2:.word JAL_RA_PLUS6
  nop
1:j fail
3:TEST_MTRAP(13, CAUSE_MISALIGNED_FETCH)
  la t2, 2b + 6
  lw t1, REC_TVAL(t0)
  bne t1, t2, fail

  // 14: and for a taken branch
  li TESTNUM, 14
  MTRAP_ARM(3f)
2:.word BEQ_ZERO_PLUS6
  nop
1:j fail
3:TEST_MTRAP(14, CAUSE_MISALIGNED_FETCH)
  la t2, 2b + 6
  lw t1, REC_TVAL(t0)
  bne t1, t2, fail

  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
