// rv32ui/auipc.S — AUIPC: rd = pc of the auipc + (imm20 << 12); the basis of
// position-independent addressing (rv32.adoc, "Integer Register-Immediate
// Instructions").
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
#define AUIPC_STEP 0x1000
RVTEST_RV32U
RVTEST_CODE_BEGIN
  // 2: offset 0 gives the instruction's own address
  li TESTNUM, 2
1:
  auipc a0, 0
  lui t2, %hi(1b)
  addi t2, t2, %lo(1b)
  bne a0, t2, fail

  // 3: positive upper immediate
  li TESTNUM, 3
1:
  auipc a0, 0x10
  lui t2, %hi(1b)
  addi t2, t2, %lo(1b)
  li t1, 0x10 * AUIPC_STEP
  add t2, t2, t1
  bne a0, t2, fail

  // 4: negative upper immediate (0xfffff = -1 page)
  li TESTNUM, 4
1:
  auipc a0, 0xfffff
  lui t2, %hi(1b)
  addi t2, t2, %lo(1b)
  li t1, AUIPC_STEP
  sub t2, t2, t1
  bne a0, t2, fail

  // 5: an auipc/addi pair (%pcrel_hi/%pcrel_lo) reaches a data label
  li TESTNUM, 5
1:
  auipc a0, %pcrel_hi(tdat)
  addi a0, a0, %pcrel_lo(1b)
  lui t2, %hi(tdat)
  addi t2, t2, %lo(tdat)
  bne a0, t2, fail
  lw a1, 0(a0)
  li t2, 0xcafef00d
  bne a1, t2, fail

  // 6: rd = x0 stays zero
  li TESTNUM, 6
  auipc x0, 0x12345
  bnez x0, fail

  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
tdat: .word 0xcafef00d
RVTEST_DATA_END
