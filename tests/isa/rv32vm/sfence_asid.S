// rv32vm/sfence_asid.S — SFENCE.VMA and address-space identifiers.
//
// After software changes a PTE, SFENCE.VMA makes the new mapping visible;
// with rs1 = a virtual address it does so for that page, with rs2 = an ASID
// for that address space (supervisor.adoc, "Supervisor Memory-Management
// Fence Instruction"). satp.ASID tags translations: two address spaces that
// map the same virtual page differently can be switched by writing satp
// alone, without a fence, as long as neither table changed.
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
#include "vm.h"
#define ASID_A 1
#define ASID_B 2
RVTEST_RV32M
RVTEST_CODE_BEGIN
  VM_SETUP
  // 2: satp keeps all 9 ASID bits
  TEST_CASE(2, x14, SATP_ASID_FIELD, csrr x11, satp; li x12, SATP_ASID_FIELD; or x12, x11, x12; csrw satp, x12; csrr x14, satp; csrw satp, x11; li x12, SATP_ASID_FIELD; and x14, x14, x12)

  // 3: VA_SWAP maps vm_page_ro
  TEST_NOTRAP_IN(3, PRV_S, li a1, VA_SWAP; lw a0, 0(a1); li t2, VM_MARK_RO; bne a0, t2, fail)
  // 4: remap it to vm_page_b; after a full sfence.vma S sees the new page
  MAP_PAGE(vm_l0, VA_SWAP, vm_page_b, LEAF_RW_AD)
  sfence.vma
  TEST_NOTRAP_IN(4, PRV_S, li a1, VA_SWAP; lw a0, 0(a1); li t2, VM_MARK_B; bne a0, t2, fail)
  // 5: back to vm_page_ro, fenced for that page only (rs1 = va), from S
  MAP_PAGE(vm_l0, VA_SWAP, vm_page_ro, LEAF_RW_AD)
  TEST_NOTRAP_IN(5, PRV_S, li a1, VA_SWAP; sfence.vma a1, zero; lw a0, 0(a1); li t2, VM_MARK_RO; bne a0, t2, fail)
  // 6: invalidate it, fence with rs1 = va and rs2 = ASID 0: now it faults
  PTE_ADDR(t1, vm_l0, VA_SWAP)
  sw zero, 0(t1)
  li a1, VA_SWAP
  TEST_TRAP_IN(6, PRV_S, CAUSE_LOAD_PAGE_FAULT, sfence.vma a1, zero; lw a0, 0(a1))
  // 7: and a valid entry again becomes visible after the fence
  MAP_PAGE(vm_l0, VA_SWAP, vm_page_u, LEAF_RW_AD)
  TEST_NOTRAP_IN(7, PRV_S, li a1, VA_SWAP; sfence.vma a1; lw a0, 0(a1); li t2, VM_MARK_U; bne a0, t2, fail)

  // 8-10: two address spaces. A maps VA_SWAP -> vm_page_ro, B -> vm_page_b
  VM_BUILD(vm_root_b, vm_l0_b)
  MAP_PAGE(vm_l0, VA_SWAP, vm_page_ro, LEAF_RW_AD)
  MAP_PAGE(vm_l0_b, VA_SWAP, vm_page_b, LEAF_RW_AD)
  SATP_FOR(s2, vm_root, ASID_A)
  SATP_FOR(s3, vm_root_b, ASID_B)
  csrw satp, s2
  sfence.vma                            // start from a clean TLB
  TEST_NOTRAP_IN(8, PRV_S, li a1, VA_SWAP; lw a0, 0(a1); li t2, VM_MARK_RO; bne a0, t2, fail; csrw satp, s3; lw a0, 0(a1); li t2, VM_MARK_B; bne a0, t2, fail)
  // switching back and forth without any fence keeps them apart
  TEST_NOTRAP_IN(9, PRV_S, li a1, VA_SWAP; csrw satp, s2; lw a0, 0(a1); li t2, VM_MARK_RO; bne a0, t2, fail; csrw satp, s3; lw a0, 0(a1); li t2, VM_MARK_B; bne a0, t2, fail)
  // 10: a fence for ASID B only, after changing B's table, updates B
  MAP_PAGE(vm_l0_b, VA_SWAP, vm_page_u, LEAF_RW_AD)
  li s4, ASID_B
  TEST_NOTRAP_IN(10, PRV_S, li a1, VA_SWAP; csrw satp, s3; sfence.vma zero, s4; lw a0, 0(a1); li t2, VM_MARK_U; bne a0, t2, fail; csrw satp, s2; lw a0, 0(a1); li t2, VM_MARK_RO; bne a0, t2, fail)

  VM_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
  VM_DATA
  .align 12
vm_root_b: .space PAGE_SIZE
vm_l0_b: .space PAGE_SIZE
RVTEST_DATA_END
