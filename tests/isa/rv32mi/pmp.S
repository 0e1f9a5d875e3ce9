// rv32mi/pmp.S — Physical Memory Protection (machine.adoc, "Physical Memory
// Protection").
//
// The lowest-numbered entry that matches an address decides; S- and U-mode
// accesses that match no entry fail. An entry that is not locked does not
// restrict M-mode; a locked one (L) restricts M-mode too and ignores writes
// to its pmpcfg and pmpaddr until reset. Address matching: NAPOT (naturally
// aligned power of two, size encoded in the trailing ones of pmpaddr), NA4,
// and TOR (pmpaddr[i-1] <= a < pmpaddr[i]). A denied access raises an
// access fault: load 5, store/AMO 7, fetch 1, with mtval = the address.
// Each case is numbered; a failing run exits with that number.
#include "riscv_test.h"
#include "test_macros.h"
#define SENTINEL 0x13572468
#define TOR_PROTECTED 8                 /* bytes at the start of the page in the TOR case */
#define NA4_OFFSET 16                   /* the word covered by the NA4 case */

// pmpaddr for address register `reg` (clobbers it): reg >> PMP_ADDR_SHIFT
#define TO_PMPADDR(reg) srli reg, reg, PMP_ADDR_SHIFT

RVTEST_RV32M
RVTEST_CODE_BEGIN
  // ---- A: entry 0 = the page, NAPOT, no permission; entry 1 = everything ----
  li t0, PMP_ADDR_ALL
  csrw pmpaddr1, t0
  la t0, pmp_page
  TO_PMPADDR(t0)
  ori t0, t0, PMP_NAPOT_4K_BITS
  csrw pmpaddr0, t0
  li t0, PMPCFG_A_NAPOT | ((PMPCFG_A_NAPOT | PMP_RWX) << PMP_CFG_SHIFT1)
  csrw pmpcfg0, t0
  // 2: the configuration reads back
  TEST_CASE(2, x14, PMPCFG_A_NAPOT | ((PMPCFG_A_NAPOT | PMP_RWX) << PMP_CFG_SHIFT1), csrr x14, pmpcfg0; li x12, 0xffff; and x14, x14, x12)

  // 3-5: U load from the page: load access fault at that address
  la a1, pmp_page + 4
  TEST_TRAP_IN(3, PRV_U, CAUSE_LOAD_ACCESS, lw a0, 0(a1))
  TEST_MTRAP_EPC(4, 98b)
  li TESTNUM, 5
  lw t1, REC_TVAL(t0)
  bne t1, a1, fail
  // 6: U store: store access fault
  TEST_TRAP_IN(6, PRV_U, CAUSE_STORE_ACCESS, sw a0, 0(a1))
  // 7: S load: the same rule for S
  TEST_TRAP_IN(7, PRV_S, CAUSE_LOAD_ACCESS, lw a0, 0(a1))
  // 8: fetching from the page in U: instruction access fault
  la a1, pmp_page
  TEST_TRAP_IN(8, PRV_U, CAUSE_FETCH_ACCESS, jr a1)
  // 9: U may use memory outside the page (entry 1)
  TEST_NOTRAP_IN(9, PRV_U, la a1, pmp_other; lw a0, 0(a1); sw a0, 0(a1))
  // 10: M-mode is not restricted by an unlocked entry
  TEST_CASE(10, x14, SENTINEL, la x11, pmp_page; li x12, SENTINEL; sw x12, 0(x11); lw x14, 0(x11))
  // ---- B: TOR over the first 8 bytes of the page, read-only ----
  // entry 0 (OFF) holds the bottom, entry 1 TOR the top, entry 2 everything
  li t0, PMP_ADDR_ALL
  csrw pmpaddr2, t0
  la t0, pmp_page + TOR_PROTECTED
  TO_PMPADDR(t0)
  csrw pmpaddr1, t0
  la t0, pmp_page
  TO_PMPADDR(t0)
  csrw pmpaddr0, t0
  li t0, PMPCFG_A_OFF | ((PMPCFG_A_TOR | PMPCFG_R) << PMP_CFG_SHIFT1) | ((PMPCFG_A_NAPOT | PMP_RWX) << PMP_CFG_SHIFT2)
  csrw pmpcfg0, t0
  // 13: U may read inside the TOR range
  TEST_NOTRAP_IN(11, PRV_U, la a1, pmp_page; lw a0, 4(a1))
  // 14: but not write
  la a1, pmp_page + 4
  TEST_TRAP_IN(12, PRV_U, CAUSE_STORE_ACCESS, sw a0, 0(a1))
  // 15: the top bound is exclusive: the word at +8 is writable
  TEST_NOTRAP_IN(13, PRV_U, la a1, pmp_page; sw a0, TOR_PROTECTED(a1))
  // 16: the bottom is inclusive, and just below it is another region
  TEST_NOTRAP_IN(14, PRV_U, la a1, pmp_page; sw a0, -4(a1))
  la a1, pmp_page
  TEST_TRAP_IN(15, PRV_U, CAUSE_STORE_ACCESS, sw a0, 0(a1))

  // ---- C: NA4: one word, no permission ----
  la t0, pmp_page + NA4_OFFSET
  TO_PMPADDR(t0)
  csrw pmpaddr0, t0
  li t0, PMPCFG_A_NA4 | ((PMPCFG_A_NAPOT | PMP_RWX) << PMP_CFG_SHIFT1)
  li t1, PMP_ADDR_ALL
  csrw pmpaddr1, t1
  csrw pmpcfg0, t0
  la a1, pmp_page + NA4_OFFSET
  TEST_TRAP_IN(16, PRV_U, CAUSE_LOAD_ACCESS, lw a0, 0(a1))
  TEST_NOTRAP_IN(17, PRV_U, la a1, pmp_page + NA4_OFFSET; lw a0, 4(a1); lw a0, -4(a1))

  // ---- D: a locked, read-only NAPOT entry binds M-mode too ----
  la t0, pmp_page
  TO_PMPADDR(t0)
  ori t0, t0, PMP_NAPOT_4K_BITS
  csrw pmpaddr0, t0
  li t0, (PMPCFG_L | PMPCFG_A_NAPOT | PMPCFG_R) | ((PMPCFG_A_NAPOT | PMP_RWX) << PMP_CFG_SHIFT1)
  csrw pmpcfg0, t0
  // 20: M can read it
  TEST_CASE(18, x14, SENTINEL, la x11, pmp_page; lw x14, 0(x11))
  // 21-22: M cannot write it
  li TESTNUM, 19
  la a1, pmp_page
  MTRAP_ARM_SKIP
  sw zero, 0(a1)
  TEST_MTRAP(19, CAUSE_STORE_ACCESS)
  TEST_CASE(20, x14, SENTINEL, la x11, pmp_page; lw x14, 0(x11))
  // 23-24: the locked entry ignores writes to its address and configuration
  TEST_CASE(21, x14, 0, csrr x11, pmpaddr0; li x12, PMP_ADDR_ALL; csrw pmpaddr0, x12; csrr x14, pmpaddr0; sub x14, x14, x11)
  TEST_CASE(22, x14, PMPCFG_L | PMPCFG_A_NAPOT | PMPCFG_R, csrw pmpcfg0, zero; csrr x14, pmpcfg0; andi x14, x14, 0xff)

  TEST_PASSFAIL
RVTEST_CODE_END
RVTEST_DATA_BEGIN
pmp_other: .word 0
  .align 12
pmp_page: .space 4096
RVTEST_DATA_END
