// rv32mi/counters.S — exact behaviour of minstret and mcycle.
//
//  - minstret counts retired instructions, one per instruction;
//  - a CSR instruction that reads a counter sees the value before its own
//    retirement, and one that writes it replaces its own increment
//    (zicsr.adoc, "CSR Instructions": "the write is done instead of the
//    increment");
//  - an instruction that raises an exception does not retire, so it does not
//    count (machine.adoc, "Machine Instructions-Retired Counter"; ECALL and
//    illegal instructions trap instead of retiring);
//  - the low halves carry into mcycleh/minstreth.
// Each case is numbered; a failing run exits with that number.
//
// QEMU-DEVIATION(exit=2): QEMU 7.2 (without -icount) derives minstret from the host clock, so it is not instruction-exact
#include "riscv_test.h"
#include "test_macros.h"
#define NOPS 10
#define TINY_HANDLER_INSNS 4            /* csrr, addi, csrw, mret */
#define CARRY_SPIN 200
RVTEST_RV32M
RVTEST_CODE_BEGIN
  // 2: one csrr plus NOPS nops retire between the two reads
  li TESTNUM, 2
  csrr a0, minstret
  .rept NOPS
  nop
  .endr
  csrr a1, minstret
  sub a1, a1, a0
  li t2, NOPS + 1
  bne a1, t2, fail

  // 3: a write is seen exactly by the next read
  TEST_CASE(3, x14, 1000, li x11, 1000; csrw minstret, x11; csrr x14, minstret)

  // 4: ecall traps, does not retire; the tiny handler's 4 instructions do
  li TESTNUM, 4
  la t0, tiny_handler
  csrw mtvec, t0
  csrr a0, minstret
  ecall
  csrr a1, minstret
  sub a1, a1, a0
  li t2, 1 + TINY_HANDLER_INSNS
  bne a1, t2, fail

  // 5: the same for an illegal instruction
  li TESTNUM, 5
  csrr a0, minstret
  .word 0                               // all-zero word: always illegal
  csrr a1, minstret
  sub a1, a1, a0
  li t2, 1 + TINY_HANDLER_INSNS
  bne a1, t2, fail
  la t0, tz_trap_vector
  csrw mtvec, t0

  // 6: minstret carries into minstreth
  li TESTNUM, 6
  csrw minstret, zero
  li t0, 7
  csrw minstreth, t0
  li t0, -3
  csrw minstret, t0
  nop
  nop
  nop
  nop
  csrr t0, minstreth
  li t2, 8
  bne t0, t2, fail

  // 7: mcycle carries into mcycleh
  li TESTNUM, 7
  csrw mcycle, zero
  li t0, 5
  csrw mcycleh, t0
  li t0, -256
  csrw mcycle, t0
  li t1, CARRY_SPIN
1:addi t1, t1, -1
  bnez t1, 1b
  csrr t0, mcycleh
  li t2, 6
  bne t0, t2, fail

  // 8: every instruction costs at least one cycle
  li TESTNUM, 8
  csrr a0, mcycle
  .rept NOPS
  nop
  .endr
  csrr a1, mcycle
  sub a1, a1, a0
  li t2, NOPS
  bltu a1, t2, fail

  TEST_PASSFAIL

  .align 2
tiny_handler:
  csrr t5, mepc
  addi t5, t5, 4
  csrw mepc, t5
  mret
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
