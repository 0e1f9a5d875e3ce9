// rv32mi/access.S — access faults: touching physical addresses where
// nothing is.
//
// Outside RAM and the devices of the board there is no memory: a load raises
// load access fault (5), a store store/AMO access fault (7), and fetching an
// instruction there instruction access fault (1). mtval is the faulting
// address; for a fetch mepc is that address too, because the jump itself
// completed (machine.adoc, "Machine Cause Register", "Machine Trap Value
// Register"). RAM ends at 0x88000000 (128 MiB); 0xF0000000 is nothing.
// Each case is numbered; a failing run exits with that number.
//
// QEMU-DEVIATION(exit=17): QEMU 7.2 reports an AMO access fault as a load access fault (5) instead of a store/AMO access fault (7)
#include "riscv_test.h"
#include "test_macros.h"
#define NOWHERE      0xf0000000
#define PAST_RAM_END 0x90000000
#define SENTINEL     0x0badf00d
RVTEST_RV32M
RVTEST_CODE_BEGIN
  // 2-5: load from nowhere
  li TESTNUM, 2
  li a1, NOWHERE
  li a0, SENTINEL
  MTRAP_ARM_SKIP
2:lw a0, 0(a1)
  TEST_MTRAP(2, CAUSE_LOAD_ACCESS)
  TEST_MTRAP_EPC(3, 2b)
  TEST_MTRAP_TVAL(4, NOWHERE)
  li TESTNUM, 5
  li t2, SENTINEL
  bne a0, t2, fail

  // 6-7: byte load past the end of RAM
  li TESTNUM, 6
  li a1, PAST_RAM_END
  MTRAP_ARM_SKIP
  lbu a0, 3(a1)
  TEST_MTRAP(6, CAUSE_LOAD_ACCESS)
  TEST_MTRAP_TVAL(7, PAST_RAM_END + 3)

  // 8-10: store to nowhere
  li TESTNUM, 8
  li a1, NOWHERE
  MTRAP_ARM_SKIP
2:sw a0, 8(a1)
  TEST_MTRAP(8, CAUSE_STORE_ACCESS)
  TEST_MTRAP_EPC(9, 2b)
  TEST_MTRAP_TVAL(10, NOWHERE + 8)

  // 12-15: jump to nowhere: the jump retires (ra written), the fetch faults
  li TESTNUM, 12
  li a1, NOWHERE
  MTRAP_ARM(3f)
2:jalr ra, 0(a1)
  j fail
3:TEST_MTRAP(12, CAUSE_FETCH_ACCESS)
  TEST_MTRAP_TVAL(13, NOWHERE)
  TEST_TRAP_FIELD(14, tz_mrec, REC_EPC, NOWHERE)
  li TESTNUM, 15
  la t2, 2b + 4
  bne ra, t2, fail

  // 16: the same from U-mode (PMP allows it; there is simply nothing there)
  li a1, NOWHERE
  TEST_TRAP_IN(16, PRV_U, CAUSE_LOAD_ACCESS, lw a0, 0(a1))

  // 17: an AMO to nowhere is a store/AMO access fault (AMOs report
  // store/AMO exceptions: machine.adoc, table of mcause values)
  li TESTNUM, 17
  li a1, NOWHERE
  MTRAP_ARM_SKIP
  amoadd.w a0, a0, (a1)
  TEST_MTRAP(17, CAUSE_STORE_ACCESS)

  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
