// rv32mi/csr_warl.S — the exact legal values trapeze keeps in its WARL CSRs.
//
// "Write any, read legal" fields may legally differ between implementations;
// this program pins down trapeze's choices, which follow the strictest
// reading of the specification (machine.adoc):
//   - mepc[1:0] read zero: with IALIGN = 32 "mepc[1:0] are always zero";
//   - mstatus.MPP never holds the reserved value 2;
//   - mie/mip/mideleg have exactly the six standard S/M interrupt bits,
//     and mip's M-mode-writable ones are SSIP, STIP and SEIP;
//   - medeleg[11] (ecall from M) is read-only zero ("should be hardwired to
//     zero");
//   - mstatus: only the fields of RV32 with S and U and no F/V exist.
// Each case is numbered; a failing run exits with that number.
//
// QEMU-DEVIATION(exit=2): QEMU 7.2 keeps bit 1 of mepc although instructions are 4-byte aligned (machine.adoc, "Machine Exception Program Counter": mepc[1:0] are always zero when IALIGN=32); it also keeps MPP=2, the VS and LCOFI interrupt bits in mie/mip, and medeleg[11]
#include "riscv_test.h"
#include "test_macros.h"
#include "timer.h"
#define MPP_RESERVED (2 << MSTATUS_MPP_SHIFT)
RVTEST_RV32M
RVTEST_CODE_BEGIN
  TEST_CASE(2, x14, 0x80001234, li x11, 0x80001237; csrw mepc, x11; csrr x14, mepc)
  // writing the reserved MPP value leaves a legal one
  TEST_CASE(3, x14, 1, li x11, MPP_RESERVED; csrw mstatus, x11; csrr x14, mstatus; li x12, MSTATUS_MPP; and x14, x14, x12; li x12, MPP_RESERVED; sub x14, x14, x12; snez x14, x14)
  TEST_CASE(4, x14, MIP_ALL, li x11, -1; csrw mie, x11; csrr x14, mie; csrw mie, zero)
  TIMER_OFF                         // MTIP off: mtimecmp far in the future
  TEST_CASE(5, x14, MIP_M_WRITABLE, li x11, -1; csrw mip, x11; csrr x14, mip; csrw mip, zero)
  TEST_CASE(6, x14, MIP_M_WRITABLE, li x11, -1; csrw mideleg, x11; csrr x14, mideleg; csrw mideleg, zero)
  TEST_CASE(7, x14, 0, li x11, 1 << CAUSE_MACHINE_ECALL; csrw medeleg, x11; csrr x14, medeleg)
  TEST_CASE(8, x14, MSTATUS_CORE, li x11, -1; csrw mstatus, x11; csrr x14, mstatus; csrw mstatus, zero)
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
RVTEST_DATA_END
