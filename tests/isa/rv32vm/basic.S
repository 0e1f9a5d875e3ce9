// rv32vm/basic.S — Sv32 translation: mappings, page faults, superpages.
//
// With satp.MODE = Sv32, S and U addresses go through a two-level table
// walk (supervisor.adoc, "Virtual Address Translation Process"). A leaf's R,
// W, X, U bits decide; V = 0, W without R, and a level-0 entry that is not a
// leaf are page faults; a megapage whose PPN[0] is not zero is a misaligned
// superpage and faults too. Page faults: fetch 12, load 13, store/AMO 15,
// with mtval = the virtual address (for a fetch also mepc). The page-table
// layout is described in env/vm.h.
// Each case is numbered; a failing run exits with that number.
//
// QEMU-DEVIATION(exit=28): QEMU 7.2 reports a page fault on an AMO as a load page fault (13) instead of a store/AMO page fault (15)
#include "riscv_test.h"
#include "test_macros.h"
#include "vm.h"
RVTEST_RV32M
RVTEST_CODE_BEGIN
  VM_SETUP
  // 2: satp reads back
  TEST_CASE(2, x14, 1, csrr x11, satp; SATP_FOR(x12, vm_root, 0); sub x14, x11, x12; seqz x14, x14)

  // 3: S reads a 4 KiB page through its mapping
  TEST_NOTRAP_IN(3, PRV_S, li a1, VA_RO; lw a0, 0(a1); li t2, VM_MARK_RO; bne a0, t2, fail)
  // 4: ...and through the 4 MiB superpage alias of RAM
  TEST_NOTRAP_IN(4, PRV_S, li a1, VA_SUPER; la a2, vm_page_u; li t2, TZ_RAM_BASE; sub a2, a2, t2; add a1, a1, a2; lw a0, 0(a1); li t2, VM_MARK_U; bne a0, t2, fail)
  // 5: a store through the superpage lands in physical memory
  TEST_NOTRAP_IN(5, PRV_S, li a1, VA_SUPER; la a2, vm_page_b; li t2, TZ_RAM_BASE; sub a2, a2, t2; add a1, a1, a2; li a0, 0x5a5a0005; sw a0, 4(a1))
  TEST_CASE(6, x14, 0x5a5a0005, la x11, vm_page_b; lw x14, 4(x11))

  // 7-9: a store to a read-only page: store page fault, tval = va
  li a1, VA_RO + 8
  TEST_TRAP_IN(7, PRV_S, CAUSE_STORE_PAGE_FAULT, sw a0, 0(a1))
  TEST_MTRAP_TVAL(8, VA_RO + 8)
  TEST_MTRAP_EPC(9, 98b)
  // 10-12: an invalid PTE: load and store page faults
  li a1, VA_INVALID + 4
  TEST_TRAP_IN(10, PRV_S, CAUSE_LOAD_PAGE_FAULT, lw a0, 0(a1))
  TEST_MTRAP_TVAL(11, VA_INVALID + 4)
  TEST_TRAP_IN(12, PRV_S, CAUSE_STORE_PAGE_FAULT, sw a0, 0(a1))
  // 14-16: fetching from an invalid page: fetch page fault, mepc = tval = va
  li a1, VA_INVALID + 16
  TEST_TRAP_IN(14, PRV_S, CAUSE_FETCH_PAGE_FAULT, jr a1)
  TEST_MTRAP_TVAL(15, VA_INVALID + 16)
  TEST_TRAP_FIELD(16, tz_mrec, REC_EPC, VA_INVALID + 16)
  // 17: W without R is reserved: page fault
  li a1, VA_WONLY
  TEST_TRAP_IN(17, PRV_S, CAUSE_LOAD_PAGE_FAULT, lw a0, 0(a1))
  // 18: a level-0 PTE that points further down is invalid
  li a1, VA_NONLEAF
  TEST_TRAP_IN(18, PRV_S, CAUSE_LOAD_PAGE_FAULT, lw a0, 0(a1))
  // 19-20: a misaligned superpage faults
  li a1, VA_BADSUPER + 12
  TEST_TRAP_IN(19, PRV_S, CAUSE_LOAD_PAGE_FAULT, lw a0, 0(a1))
  TEST_MTRAP_TVAL(20, VA_BADSUPER + 12)
  // 21: fetching from a page without X
  li a1, VA_RO
  TEST_TRAP_IN(21, PRV_S, CAUSE_FETCH_PAGE_FAULT, jr a1)

  // 22-23: U runs code from a U page and reads a U page
  li TESTNUM, 22
  li a1, VA_USER
  li a0, 0
  li a7, NOT_EXIT_ECALL
  MTRAP_ARM(3f)
  li t0, MSTATUS_MPP | MSTATUS_MPIE
  csrc mstatus, t0
  li t0, VA_UCODE
  csrw mepc, t0
  mret                                  // to U at VA_UCODE: lw a0, 0(a1); ecall
3:TEST_MTRAP(22, CAUSE_USER_ECALL)
  li TESTNUM, 23
  li t2, VM_MARK_U
  bne a0, t2, fail
  // 24: U may not read an S page
  li a1, VA_RO
  li TESTNUM, 24
  MTRAP_ARM(3f)
  li t0, VA_UCODE
  csrw mepc, t0
  mret
3:TEST_MTRAP(24, CAUSE_LOAD_PAGE_FAULT)
  TEST_TRAP_FIELD(25, tz_mrec, REC_EPC, VA_UCODE)
  // 26: U may not run S code (the identity megapage is not U)
  TEST_TRAP_IN(26, PRV_U, CAUSE_FETCH_PAGE_FAULT, nop)
  // 27: M-mode ignores satp: physical addresses as usual
  TEST_CASE(27, x14, VM_MARK_RO, la x11, vm_page_ro; lw x14, 0(x11))

  // 28: an AMO is a store/AMO page fault
  li a1, VA_INVALID
  TEST_TRAP_IN(28, PRV_S, CAUSE_STORE_PAGE_FAULT, amoadd.w a0, a0, (a1))

  VM_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
  VM_DATA
RVTEST_DATA_END
