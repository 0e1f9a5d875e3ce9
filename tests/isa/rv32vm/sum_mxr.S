// rv32vm/sum_mxr.S — SUM and MXR, the two mstatus bits that widen what a
// page's permissions allow (supervisor.adoc, "Supervisor Status Register").
//
// SUM = 0: S-mode may not load or store U pages (page fault); SUM = 1 allows
// loads and stores, but S may never execute from a U page. MXR = 1 makes
// loads from execute-only pages succeed; stores there still fault.
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
#include "vm.h"
RVTEST_RV32M
RVTEST_CODE_BEGIN
  VM_SETUP
  // 2-3: SUM clear: S loads/stores of a U page fault
  li a1, VA_USER
  TEST_TRAP_IN(2, PRV_S, CAUSE_LOAD_PAGE_FAULT, lw a0, 0(a1))
  TEST_TRAP_IN(3, PRV_S, CAUSE_STORE_PAGE_FAULT, sw a0, 0(a1))
  // 4: SUM set: both work
  li t0, MSTATUS_SUM
  csrs mstatus, t0
  TEST_NOTRAP_IN(4, PRV_S, li a1, VA_USER; lw a0, 0(a1); li t2, VM_MARK_U; bne a0, t2, fail; sw a0, 4(a1))
  // 5: SUM never allows S to execute U code
  li a1, VA_UCODE
  TEST_TRAP_IN(5, PRV_S, CAUSE_FETCH_PAGE_FAULT, jr a1)
  // 6: SUM set from S itself through sstatus works the same
  li t0, MSTATUS_SUM
  csrc mstatus, t0
  TEST_NOTRAP_IN(6, PRV_S, li t0, MSTATUS_SUM; csrs sstatus, t0; li a1, VA_USER; lw a0, 0(a1); csrc sstatus, t0)

  // 7: MXR clear: loading from an execute-only page faults
  li a1, VA_XONLY
  TEST_TRAP_IN(7, PRV_S, CAUSE_LOAD_PAGE_FAULT, lw a0, 0(a1))
  // 8: MXR set: the load works
  li t0, MSTATUS_MXR
  csrs mstatus, t0
  TEST_NOTRAP_IN(8, PRV_S, li a1, VA_XONLY; lw a0, 0(a1); li t2, VM_MARK_X; bne a0, t2, fail)
  // 9: ...stores still fault
  li a1, VA_XONLY
  TEST_TRAP_IN(9, PRV_S, CAUSE_STORE_PAGE_FAULT, sw a0, 0(a1))
  li t0, MSTATUS_MXR
  csrc mstatus, t0

  VM_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
  VM_DATA
RVTEST_DATA_END
