// rv32ui/smc_nofence.S — self-modifying code WITHOUT FENCE.I.
//
// The specification does not promise that a hart sees its own stores to
// instruction memory until it executes FENCE.I (zifencei.adoc). trapeze makes
// the stronger choice that instruction fetch is always coherent with stores:
// a store into a page drops whatever the decode cache holds for that page,
// so the next fetch sees the new bits, even for the very next instruction.
// That is a legal implementation (it behaves as if every store were followed
// by FENCE.I) and it keeps student programs that forget FENCE.I predictable.
// QEMU behaves the same way for code outside the running block, but not for
// the very next instruction (case 4):
// QEMU-DEVIATION(exit=4): QEMU 7.2 still executes the old, already translated instruction when the very next instruction is overwritten without FENCE.I; legal (zifencei.adoc promises visibility only after FENCE.I), but not trapeze's choice of coherent fetch
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
#include "smc.h"
#define HOT_LOOPS 50
RVTEST_RV32U
RVTEST_CODE_BEGIN
  // 2: rewrite a routine that already ran, call it again
  li TESTNUM, 2
  SMC_CALL_EXPECT(smc_routine, 1)
  SMC_PATCH(smc_routine, tmpl_addi2)
  SMC_CALL_EXPECT(smc_routine, 2)

  // 3: a hot routine rewritten in the middle of a loop
  li TESTNUM, 3
  li s0, HOT_LOOPS
  li s1, 0
  la s2, smc_hot
  lw s3, tmpl_addi5
1:
  li t2, HOT_LOOPS / 2
  bne s0, t2, 2f
  sw s3, 0(s2)                      // half way: 3 becomes 5
2:
  call smc_hot
  add s1, s1, a0
  addi s0, s0, -1
  bnez s0, 1b
  li t2, (HOT_LOOPS / 2) * 3 + (HOT_LOOPS / 2) * 5
  bne s1, t2, fail

  // 4: rewrite the very next instruction in straight-line code
  li TESTNUM, 4
  la t0, 1f
  lw t1, tmpl_addi9
  li a0, 0
  sw t1, 0(t0)
1:
  addi a0, zero, 4                  // replaced by `addi a0, zero, 9` above
  li t2, 9
  bne a0, t2, fail

  TEST_PASSFAIL

  SMC_ROUTINES
RVTEST_CODE_END

RVTEST_DATA_BEGIN
  SMC_TEMPLATES
tmpl_addi9: addi a0, zero, 9
RVTEST_DATA_END
