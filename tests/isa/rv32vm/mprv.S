// rv32vm/mprv.S — MPRV: M-mode loads and stores as if in MPP's privilege.
//
// With mstatus.MPRV = 1 and MPP = S or U, M-mode data accesses are
// translated and checked with that privilege (SUM and MXR included); with
// MPP = M nothing changes. Instruction fetches ignore MPRV (machine.adoc,
// "Memory Privilege in mstatus Register"). A fault is reported to M with the
// virtual address in mtval.
// Each case is numbered; a failing run exits with that number.
//
// QEMU-DEVIATION(exit=13): QEMU 7.2 does not clear MPRV on an MRET to S or U, which machine.adoc ("Privilege and Global Interrupt-Enable Stack in mstatus register": "If y != M, xRET also sets MPRV = 0") requires since privileged spec 1.12
#include "riscv_test.h"
#include "test_macros.h"
#include "vm.h"

// Set MPP = prv and MPRV, run `insn`, clear MPRV. Clobbers t0.
#define WITH_MPRV(prv, insn...)                                          \
        li t0, MSTATUS_MPP;                                              \
        csrc mstatus, t0;                                                \
        li t0, (prv) << MSTATUS_MPP_SHIFT;                               \
        csrs mstatus, t0;                                                \
        li t0, MSTATUS_MPRV;                                             \
        csrs mstatus, t0;                                                \
        insn;                                                            \
        li t0, MSTATUS_MPRV;                                             \
        csrc mstatus, t0

RVTEST_RV32M
RVTEST_CODE_BEGIN
  VM_SETUP
  // 2: MPP = S: a load at a virtual address is translated
  li TESTNUM, 2
  li a1, VA_RO
  WITH_MPRV(PRV_S, lw a0, 0(a1))
  li t2, VM_MARK_RO
  bne a0, t2, fail
  // 3: a store through the superpage alias lands in RAM
  li TESTNUM, 3
  li a1, VA_SUPER
  la a2, vm_page_b
  li t2, TZ_RAM_BASE
  sub a2, a2, t2
  add a1, a1, a2
  li a0, 0x3333
  WITH_MPRV(PRV_S, sw a0, 8(a1))
  TEST_CASE(4, x14, 0x3333, la x11, vm_page_b; lw x14, 8(x11))
  // 5-6: MPP = S: store to a read-only page: store page fault with the va
  li TESTNUM, 5
  li a1, VA_RO
  MTRAP_ARM(1f)
  WITH_MPRV(PRV_S, sw a0, 0(a1))
  j fail
1:li t0, MSTATUS_MPRV
  csrc mstatus, t0
  TEST_MTRAP(5, CAUSE_STORE_PAGE_FAULT)
  TEST_MTRAP_TVAL(6, VA_RO)
  // 7: MPP = U: an S page is out of reach
  li TESTNUM, 7
  li a1, VA_RO
  MTRAP_ARM(1f)
  WITH_MPRV(PRV_U, lw a0, 0(a1))
  j fail
1:li t0, MSTATUS_MPRV
  csrc mstatus, t0
  TEST_MTRAP(7, CAUSE_LOAD_PAGE_FAULT)
  // 8: MPP = U: a U page is fine
  li TESTNUM, 8
  li a1, VA_USER
  WITH_MPRV(PRV_U, lw a0, 0(a1))
  li t2, VM_MARK_U
  bne a0, t2, fail
  // 9: MPP = S with SUM clear: the U page faults; 10: with SUM it works
  li TESTNUM, 9
  li a1, VA_USER
  MTRAP_ARM(1f)
  WITH_MPRV(PRV_S, lw a0, 0(a1))
  j fail
1:li t0, MSTATUS_MPRV
  csrc mstatus, t0
  TEST_MTRAP(9, CAUSE_LOAD_PAGE_FAULT)
  li TESTNUM, 10
  li t0, MSTATUS_SUM
  csrs mstatus, t0
  li a1, VA_USER
  WITH_MPRV(PRV_S, lw a0, 0(a1))
  li t0, MSTATUS_SUM
  csrc mstatus, t0
  // 11: MXR applies under MPRV too
  li TESTNUM, 11
  li t0, MSTATUS_MXR
  csrs mstatus, t0
  li a1, VA_XONLY
  WITH_MPRV(PRV_S, lw a0, 0(a1))
  li t0, MSTATUS_MXR
  csrc mstatus, t0
  li t2, VM_MARK_X
  bne a0, t2, fail
  // 12: MPP = M: no translation: VA_SUPER is a physical hole (access fault)
  li TESTNUM, 12
  li a1, VA_SUPER
  MTRAP_ARM(1f)
  WITH_MPRV(PRV_M, lw a0, 0(a1))
  j fail
1:li t0, MSTATUS_MPRV
  csrc mstatus, t0
  TEST_MTRAP(12, CAUSE_LOAD_ACCESS)
  // 13: mret to a lower privilege clears MPRV (priv 1.12)
  li TESTNUM, 13
  li t0, MSTATUS_MPRV
  csrs mstatus, t0
  GOTO_PRIV(PRV_S, 1f)
1:BACK_TO_M
  csrr t0, mstatus
  li t1, MSTATUS_MPRV
  and t0, t0, t1
  bnez t0, fail

  VM_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
  VM_DATA
RVTEST_DATA_END
