// rv32mi/pmp_mprv.S — MPRV applies MPP's PMP rules to M-mode loads and stores.
//
// With mstatus.MPRV = 1, M-mode loads and stores are checked as if made in
// the privilege held in MPP, for translation and for PMP alike (machine.adoc,
// "Memory Privilege in mstatus Register"). Fetches are not affected.
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
RVTEST_RV32M
RVTEST_CODE_BEGIN
  // entry 0 = the page, NAPOT, no permission; entry 1 = everything
  li t0, PMP_ADDR_ALL
  csrw pmpaddr1, t0
  la t0, pmp_page
  srli t0, t0, PMP_ADDR_SHIFT
  ori t0, t0, PMP_NAPOT_4K_BITS
  csrw pmpaddr0, t0
  li t0, PMPCFG_A_NAPOT | ((PMPCFG_A_NAPOT | PMP_RWX) << PMP_CFG_SHIFT1)
  csrw pmpcfg0, t0
  // 2-3: MPRV with MPP = U: the load is checked as U's and faults
  li TESTNUM, 2
  li t0, MSTATUS_MPP
  csrc mstatus, t0
  la a1, pmp_page
  MTRAP_ARM(1f)
  li t0, MSTATUS_MPRV
  csrs mstatus, t0
  lw a0, 0(a1)
  j fail
1:li t0, MSTATUS_MPRV
  csrc mstatus, t0
  TEST_MTRAP(2, CAUSE_LOAD_ACCESS)
  TEST_TRAP_FIELD_ADDR(3, tz_mrec, REC_TVAL, pmp_page)
  // 4: with MPP = M the same load is M's own and succeeds
  li TESTNUM, 4
  li t0, MSTATUS_MPP_M
  csrs mstatus, t0
  li t0, MSTATUS_MPRV
  csrs mstatus, t0
  lw a0, 0(a1)
  csrc mstatus, t0
  // 5: fetches ignore MPRV: this code keeps running with MPP = U
  li TESTNUM, 5
  li t0, MSTATUS_MPP
  csrc mstatus, t0
  li t0, MSTATUS_MPRV
  csrs mstatus, t0
  nop
  csrc mstatus, t0
  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
  .align 12
pmp_page: .space 4096
RVTEST_DATA_END
