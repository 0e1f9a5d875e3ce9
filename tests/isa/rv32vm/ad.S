// rv32vm/ad.S — the Accessed and Dirty bits of Sv32 PTEs.
//
// trapeze updates A and D in hardware (the scheme the Svadu extension names;
// supervisor.adoc, "Virtual Address Translation Process", step 7 lets an
// implementation either set them or raise a page fault): any access sets A
// in the leaf PTE in memory, a store also sets D, a load never sets D, and an
// instruction fetch sets A. The test reads the PTEs back from M-mode.
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
#include "vm.h"
RVTEST_RV32M
RVTEST_CODE_BEGIN
  VM_SETUP
  // 2: before any access: A = D = 0
  TEST_PTE_AD(2, VA_AD, 0)
  // 3-4: a load sets A only, and reads the page
  TEST_NOTRAP_IN(3, PRV_S, li a1, VA_AD; lw a0, 0(a1); li t2, VM_MARK_AD; bne a0, t2, fail)
  TEST_PTE_AD(4, VA_AD, PTE_A)
  // 5-6: a store sets D (and keeps A)
  TEST_NOTRAP_IN(5, PRV_S, li a1, VA_AD; li a0, 0x1234; sw a0, 8(a1))
  TEST_PTE_AD(6, VA_AD, PTE_A | PTE_D)
  TEST_CASE(7, x14, 0x1234, la x11, vm_page_ad; lw x14, 8(x11))
  // 8: the rest of the PTE is untouched
  TEST_CASE(8, x14, 1, PTE_ADDR(x11, vm_l0, VA_AD); lw x14, 0(x11); la x12, vm_page_ad; MAKE_PTE(x12, LEAF_RW_AD); sub x14, x14, x12; seqz x14, x14)

  // 9-10: a store to a page with A = D = 0 sets both at once
  li t0, VA_AD
  sfence.vma t0
  MAP_PAGE(vm_l0, VA_AD, vm_page_ad, PTE_V | PTE_R | PTE_W)
  sfence.vma
  TEST_NOTRAP_IN(9, PRV_S, li a1, VA_AD; sw zero, 12(a1))
  TEST_PTE_AD(10, VA_AD, PTE_A | PTE_D)

  // 11-13: an instruction fetch sets A of the code page (S runs at VA_SCODE)
  TEST_PTE_AD(11, VA_SCODE, 0)
  li TESTNUM, 12
  li a1, VA_RO
  li a7, NOT_EXIT_ECALL
  MTRAP_ARM(3f)
  GOTO_PRIV_AT(PRV_S, VA_SCODE)         // S at VA_SCODE: lw a0, 0(a1); ecall
3:TEST_MTRAP(12, CAUSE_SUPERVISOR_ECALL)
  TEST_PTE_AD(13, VA_SCODE, PTE_A)

  VM_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
  VM_DATA
RVTEST_DATA_END
