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
RVTEST_RV32U
RVTEST_CODE_BEGIN
  TEST_AMO_MISALIGNED(2, 2, CAUSE_MISALIGNED_LOAD, lr.w a0, (a1))
  TEST_AMO_MISALIGNED(3, 2, CAUSE_MISALIGNED_STORE, sc.w a0, a2, (a1))
  // 4: a misaligned SC.W traps even while a reservation is held
  li TESTNUM, 4
  la a1, amo_word
  lr.w a0, (a1)
  TEST_AMO_MISALIGNED(4, 2, CAUSE_MISALIGNED_STORE, sc.w a0, a2, (a1))
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
  TEST_AMO_DATA
RVTEST_DATA_END
