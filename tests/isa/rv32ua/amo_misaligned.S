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
RVTEST_RV32U
RVTEST_CODE_BEGIN
  TEST_AMO_MISALIGNED(2, 1, CAUSE_MISALIGNED_STORE, amoadd.w a0, a2, (a1))
  TEST_AMO_MISALIGNED(3, 2, CAUSE_MISALIGNED_STORE, amoswap.w a0, a2, (a1))
  TEST_AMO_MISALIGNED(4, 3, CAUSE_MISALIGNED_STORE, amomaxu.w a0, a2, (a1))
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
  TEST_AMO_DATA
RVTEST_DATA_END
