// rv32ua/lrsc_misaligned.S — LR.W/SC.W need naturally aligned addresses.
//
// "If the address is not naturally aligned, an address-misaligned exception
// or an access-fault exception will be generated" (a-st-ext.adoc,
// "Load-Reserved/Store-Conditional Instructions"); trapeze raises the
// address-misaligned one, whether or not a reservation is held. LR is a load:
// cause 4; SC is a store: cause 6 (store/AMO address misaligned). mtval holds
// the faulting address. Memory must be left untouched and rd unwritten.
//
// QEMU-DEVIATION(exit=3): QEMU 7.2 does not check SC.W alignment when it holds no matching reservation: the SC simply fails without the address-misaligned exception a-st-ext.adoc requires
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
  MISALIGNED_CASE(2, 2, CAUSE_MISALIGNED_LOAD, lr.w a0, (a1))
  MISALIGNED_CASE(3, 2, CAUSE_MISALIGNED_STORE, sc.w a0, a2, (a1))
  // 4: a misaligned SC.W traps even while a reservation is held
  li TESTNUM, 4
  la a1, amo_data
  lr.w a0, (a1)
  MISALIGNED_CASE(4, 2, CAUSE_MISALIGNED_STORE, sc.w a0, a2, (a1))
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
  .align 4
amo_data: .word 0x01020304, 0x05060708
RVTEST_DATA_END
