// rv32ui/fence_i.S — self-modifying code made visible with FENCE.I.
//
// A store to instruction memory is only guaranteed to be seen by this hart's
// instruction fetches after a FENCE.I (zifencei.adoc, "Instruction-Fetch
// Fence"). Each case runs a routine (so any decoded copy of it exists),
// rewrites it, executes FENCE.I, and checks that the new instruction ran.
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
#include "smc.h"
#define HOT_LOOPS 100
#define TMPL_ROUTINE_WORDS 3          /* instructions in tmpl_routine */

// Call smc_hot HOT_LOOPS times; the returns must add up to `sum`.
#define HOT_SUM(sum)                                     \
  li s0, HOT_LOOPS;                                      \
  li s1, 0;                                              \
1:call smc_hot;                                          \
  add s1, s1, a0;                                        \
  addi s0, s0, -1;                                       \
  bnez s0, 1b;                                           \
  li t2, sum;                                            \
  bne s1, t2, fail
RVTEST_RV32U
RVTEST_CODE_BEGIN
  // 2: rewrite a whole instruction
  li TESTNUM, 2
  SMC_CALL_EXPECT(smc_routine, 1)
  SMC_PATCH(smc_routine, tmpl_addi2)
  fence.i
  SMC_CALL_EXPECT(smc_routine, 2)

  // 3: a routine run many times (hot in any cache), then rewritten
  li TESTNUM, 3
  HOT_SUM(HOT_LOOPS * 3)
  SMC_PATCH(smc_hot, tmpl_addi5)
  fence.i
  HOT_SUM(HOT_LOOPS * 5)

  // 4: replace an instruction with one of another format (addi -> lui)
  li TESTNUM, 4
  SMC_PATCH(smc_routine, tmpl_lui)
  fence.i
  SMC_CALL_EXPECT(smc_routine, 0x12345000)

  // 5: rewrite only the upper half of an instruction with a halfword store
  //    (the upper 16 bits of `addi a0, zero, imm` hold the immediate)
  li TESTNUM, 5
  la t0, smc_half
  SMC_CALL_EXPECT(smc_half, 7)        // (smc_half leaves t0 alone)
  lw t1, tmpl_addi_0x123
  srli t1, t1, 16
  sh t1, 2(t0)
  fence.i
  SMC_CALL_EXPECT(smc_half, 0x123)

  // 6: copy a routine into a data buffer and run it there
  li TESTNUM, 6
  la t0, tmpl_routine
  la t1, code_buf
  li t3, TMPL_ROUTINE_WORDS
1:
  lw t4, 0(t0)
  sw t4, 0(t1)
  addi t0, t0, 4
  addi t1, t1, 4
  addi t3, t3, -1
  bnez t3, 1b
  fence.i
  li a0, 20
  la t0, code_buf
  jalr ra, 0(t0)
  li t2, 42
  bne a0, t2, fail

  TEST_PASSFAIL

  SMC_ROUTINES
smc_half:
  addi a0, zero, 7
  ret
RVTEST_CODE_END

RVTEST_DATA_BEGIN
  // Instruction words used as data: what gets stored over the routines.
  SMC_TEMPLATES
tmpl_lui:        lui a0, 0x12345
tmpl_addi_0x123: addi a0, zero, 0x123
tmpl_routine:                       // a0 = 2 * a0 + 2
  slli a0, a0, 1
  addi a0, a0, 2
  ret
  .align 4
code_buf: .space 64
RVTEST_DATA_END
