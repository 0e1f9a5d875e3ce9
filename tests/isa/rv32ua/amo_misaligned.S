// rv32ua/amo_misaligned.S — AMOs need naturally aligned addresses.
//
// A misaligned AMO raises "an address-misaligned exception or an access-fault
// exception" (a-st-ext.adoc, "Atomic Memory Operations"); trapeze raises the
// address-misaligned one. An AMO reports store/AMO exceptions: cause 6
// (store/AMO address misaligned; machine.adoc, table of mcause values). mtval
// holds the faulting address (machine.adoc, "Machine Trap Value Register").
// Memory must be left untouched and rd unwritten.
//
// QEMU-DEVIATION(exit=2): QEMU 7.2 reports a misaligned AMO as a load address misaligned (cause 4), not store/AMO address misaligned (cause 6) as machine.adoc's mcause table requires for AMOs
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"

// Arm the recorder, run `inst` (a1 = amo_data + off), check cause/tval/epc/rd.
#define MISALIGNED_CASE(n, off, cause, inst...)          \
  li TESTNUM, n;                                      \
  MTRAP_ARM_SKIP;                                     \
  la a1, amo_data + off;                              \
  li a2, 1;                                           \
  li a0, 0x5a5a5a5a;                                  \
1: inst;                                              \
  li t2, 0x5a5a5a5a;                                  \
  bne a0, t2, fail;                                   \
  TEST_MTRAP(n, cause);                               \
  TEST_MTRAP_EPC(n, 1b);                              \
  la t2, amo_data + off;                              \
  lw t1, REC_TVAL(t0);                                \
  bne t1, t2, fail;                                   \
  la t0, amo_data;                                    \
  lw t1, 0(t0);                                       \
  li t2, 0x01020304;                                  \
  bne t1, t2, fail

RVTEST_RV32U
RVTEST_CODE_BEGIN
  MISALIGNED_CASE(2, 1, CAUSE_MISALIGNED_STORE, amoadd.w a0, a2, (a1))
  MISALIGNED_CASE(3, 2, CAUSE_MISALIGNED_STORE, amoswap.w a0, a2, (a1))
  MISALIGNED_CASE(4, 3, CAUSE_MISALIGNED_STORE, amomaxu.w a0, a2, (a1))
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
  .align 4
amo_data: .word 0x01020304, 0x05060708
RVTEST_DATA_END
