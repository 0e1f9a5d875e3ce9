/*
 * vm.h — the Sv32 address space shared by the paging tests (rv32vm/).
 *
 * VM_SETUP (M-mode) builds, in memory, the page tables below and turns on
 * Sv32 with ASID 0; the tests then run code in S or U and check what the
 * translation did (supervisor.adoc, "Sv32: Page-Based 32-bit Virtual-Memory
 * Systems"). All mappings are made by the test, not by hardware defaults.
 *
 *   VA 0x80000000  4 MiB megapage, identity, RWX, A D, kernel (U=0): code,
 *                  data and the page tables themselves, so S-mode code runs
 *                  at the same addresses as M-mode code
 *   VA 0x40000000  level-0 table vm_l0:
 *        +0x0000   VA_AD     -> vm_page_ad   RW, A=0 D=0 (hardware sets them)
 *        +0x1000   VA_XONLY  -> vm_page_x    X only
 *        +0x2000   VA_USER   -> vm_page_u    RW, U
 *        +0x3000   VA_RO     -> vm_page_ro   R only
 *        +0x4000   VA_INVALID                V = 0
 *        +0x5000   VA_UCODE  -> vm_ucode     RX, U: code that U-mode runs
 *        +0x6000   VA_WONLY  -> vm_page_ro   W without R: reserved encoding
 *        +0x7000   VA_SWAP   -> vm_page_ro   RW (tests remap it)
 *        +0x8000   VA_NONLEAF                V=1, RWX=0 at level 0: invalid
 *        +0x9000   VA_SCODE  -> vm_scode     RX, A=0: code that S fetches
 *   VA 0xC0000000  VA_SUPER: 4 MiB megapage -> PA 0x80000000, RW (an alias)
 *   VA 0xC0400000  VA_BADSUPER: megapage whose PPN[0] != 0: misaligned
 *
 * Every page holds a distinct marker word at offset 0 (VM_MARK_*).
 */
#ifndef TZ_VM_H
#define TZ_VM_H

#define VA_AD        0x40000000
#define VA_XONLY     0x40001000
#define VA_USER      0x40002000
#define VA_RO        0x40003000
#define VA_INVALID   0x40004000
#define VA_UCODE     0x40005000
#define VA_WONLY     0x40006000
#define VA_SWAP      0x40007000
#define VA_NONLEAF   0x40008000
#define VA_SCODE     0x40009000
#define VA_SUPER     0xC0000000
#define VA_BADSUPER  0xC0400000

#define VM_MARK_AD   0xad000001
#define VM_MARK_X    0x0e000002
#define VM_MARK_U    0x05e00003
#define VM_MARK_RO   0x0f000004
#define VM_MARK_B    0x0b000005

#define LEAF_RWX_AD     (PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D)
#define LEAF_RW_AD      (PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
#define MISALIGNED_PPN0 1               /* a megapage PPN with PPN[0] != 0 */

/* reg = PTE for the physical address in reg with `flags`; clobbers t6. */
#define MAKE_PTE(reg, flags)                                             \
        srli reg, reg, PAGE_SHIFT;                                       \
        slli reg, reg, PTE_PPN_SHIFT;                                    \
        li t6, flags;                                                    \
        or reg, reg, t6

/* table[VPN(va)] = PTE(pa_label, flags), where VPN is the 10-bit field of va
 * at `vpn_shift` (SV32_VPN1_SHIFT for the root, SV32_VPN0_SHIFT for a level-0 table).
 * Clobbers t3-t6. */
#define MAP_AT(table, vpn_shift, va, pa_label, flags)                    \
        la t3, pa_label;                                                 \
        MAKE_PTE(t3, flags);                                             \
        la t4, table;                                                    \
        li t5, (((va) >> (vpn_shift)) & SV32_VPN_MASK) * SV32_PTE_SIZE;            \
        add t4, t4, t5;                                                  \
        sw t3, 0(t4)

/* A 4 MiB megapage in the root table; a 4 KiB page in a level-0 table. */
#define MAP_MEGA(root, va, pa_label, flags) MAP_AT(root, SV32_VPN1_SHIFT, va, pa_label, flags)
#define MAP_PAGE(l0, va, pa_label, flags)   MAP_AT(l0, SV32_VPN0_SHIFT, va, pa_label, flags)

/* Address of the level-0 PTE for va, into reg. */
#define PTE_ADDR(reg, l0, va)                                            \
        la reg, l0;                                                      \
        addi reg, reg, (((va) >> SV32_VPN0_SHIFT) & SV32_VPN_MASK) * SV32_PTE_SIZE

#define SATP_FOR(reg, root, asid)                                        \
        la reg, root;                                                    \
        srli reg, reg, PAGE_SHIFT;                                       \
        li t6, SATP_MODE_SV32 | ((asid) << SATP_ASID_SHIFT);             \
        or reg, reg, t6

#define VM_BUILD(root, l0)                                               \
        MAP_MEGA(root, TZ_RAM_BASE, _start, LEAF_RWX_AD);                \
        MAP_MEGA(root, VA_AD, l0, PTE_V);                                \
        MAP_MEGA(root, VA_SUPER, _start, LEAF_RW_AD);                    \
        la t3, _start;                                                   \
        srli t3, t3, PAGE_SHIFT;                                         \
        addi t3, t3, MISALIGNED_PPN0;                                    \
        slli t3, t3, PTE_PPN_SHIFT;                                      \
        ori t3, t3, LEAF_RW_AD;                                          \
        la t4, root;                                                     \
        li t5, ((VA_BADSUPER >> SV32_VPN1_SHIFT) & SV32_VPN_MASK) * SV32_PTE_SIZE;      \
        add t4, t4, t5;                                                  \
        sw t3, 0(t4);                                                    \
        MAP_PAGE(l0, VA_AD, vm_page_ad, PTE_V | PTE_R | PTE_W);          \
        MAP_PAGE(l0, VA_XONLY, vm_page_x, PTE_V | PTE_X | PTE_A | PTE_D); \
        MAP_PAGE(l0, VA_USER, vm_page_u, PTE_V | PTE_R | PTE_W | PTE_U | PTE_A | PTE_D); \
        MAP_PAGE(l0, VA_RO, vm_page_ro, PTE_V | PTE_R | PTE_A | PTE_D);  \
        MAP_PAGE(l0, VA_UCODE, vm_ucode, PTE_V | PTE_R | PTE_X | PTE_U | PTE_A | PTE_D); \
        MAP_PAGE(l0, VA_WONLY, vm_page_ro, PTE_V | PTE_W | PTE_A | PTE_D); \
        MAP_PAGE(l0, VA_SWAP, vm_page_ro, LEAF_RW_AD);                   \
        MAP_PAGE(l0, VA_NONLEAF, vm_page_ro, PTE_V);                     \
        MAP_PAGE(l0, VA_SCODE, vm_scode, PTE_V | PTE_R | PTE_X)

/* Build the standard tables in vm_root/vm_l0, enable Sv32, ASID 0. */
#define VM_SETUP                                                         \
        VM_BUILD(vm_root, vm_l0);                                        \
        SATP_FOR(t0, vm_root, 0);                                        \
        csrw satp, t0;                                                   \
        sfence.vma

/* The A and D bits of vm_l0's PTE for va must be `bits` (supervisor.adoc,
 * "Sv32": hardware sets A on any access and D on a store). */
#define TEST_PTE_AD(testnum, va, bits)                                   \
        TEST_CASE(testnum, x14, bits, PTE_ADDR(x11, vm_l0, va);          \
                  lw x14, 0(x11); andi x14, x14, PTE_A | PTE_D)

/* The end of a paging test's body: translation off again, the pass/fail
 * exits, then the code pages (so they follow the test's code). */
#define VM_PASSFAIL                                                      \
        csrw satp, zero;                                                 \
        sfence.vma;                                                      \
        TEST_PASSFAIL;                                                   \
        VM_CODE_PAGES

/* The pages. Put VM_DATA in the data section; page tables start zeroed. */
#define VM_DATA                                                          \
        .align 12; vm_root:     .space PAGE_SIZE;                        \
        .align 12; vm_l0:       .space PAGE_SIZE;                        \
        .align 12; vm_page_ad:  .word VM_MARK_AD;  .space PAGE_SIZE - 4; \
        .align 12; vm_page_x:   .word VM_MARK_X;   .space PAGE_SIZE - 4; \
        .align 12; vm_page_u:   .word VM_MARK_U;   .space PAGE_SIZE - 4; \
        .align 12; vm_page_ro:  .word VM_MARK_RO;  .space PAGE_SIZE - 4; \
        .align 12; vm_page_b:   .word VM_MARK_B;   .space PAGE_SIZE - 4

/* Code pages: put VM_CODE_PAGES at the end of the test's code. vm_ucode
 * (run by U at VA_UCODE): a0 = word at a1, then ecall. vm_scode (run by S
 * at VA_SCODE): the same. Offsets inside the page are position-independent. */
#define VM_CODE_PAGES                                                    \
        .align 12;                                                       \
vm_ucode:                                                                \
        lw a0, 0(a1);                                                    \
        ecall;                                                           \
        .align 12;                                                       \
vm_scode:                                                                \
        lw a0, 0(a1);                                                    \
        ecall;                                                           \
        .align 12

#endif /* TZ_VM_H */
