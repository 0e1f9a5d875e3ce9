/*
 * riscv.h — names for the RV32 privileged-architecture bits the firmware and
 * the guest kernels use: CSR fields, trap causes, Sv32 page-table entries.
 *
 * Only constants live here (no code), so assembly files can include it too.
 * Every number is named once, next to the spec section that defines it
 * (RISC-V Privileged Architecture, riscv/riscv-isa-manual src/machine.adoc
 * and src/supervisor.adoc).
 */
#ifndef GUEST_RISCV_H
#define GUEST_RISCV_H

#if !defined(__riscv) || __riscv_xlen != 32
#error "guests/lib/riscv.h is for RV32 code built with the cross compiler"
#endif

/* Constants are unsigned in C but must stay plain numbers for the assembler. */
#ifdef __ASSEMBLER__
#define RV_U(x) x
#else
#define RV_U(x) x##u
#endif

/* ---- mstatus / sstatus (machine.adoc "Machine Status Registers") -------- */
#define SSTATUS_SIE      (RV_U(1) << 1)   /* S-mode interrupt enable */
#define MSTATUS_MIE      (RV_U(1) << 3)
#define SSTATUS_SPIE     (RV_U(1) << 5)   /* SIE before the trap */
#define MSTATUS_MPIE     (RV_U(1) << 7)
#define SSTATUS_SPP      (RV_U(1) << 8)   /* privilege before the trap: 1 = S, 0 = U */
#define MSTATUS_MPP_SHIFT 11
#define MSTATUS_MPP_MASK (RV_U(3) << MSTATUS_MPP_SHIFT)
#define MSTATUS_MPP_S    (RV_U(1) << MSTATUS_MPP_SHIFT)
#define MSTATUS_MPRV     (RV_U(1) << 17)
#define SSTATUS_SUM      (RV_U(1) << 18)  /* S-mode may touch U=1 pages */
#define SSTATUS_MXR      (RV_U(1) << 19)

/* ---- interrupt numbers and the mie/mip/sie/sip bits (machine.adoc "mip/mie") */
#define IRQ_S_SOFT       RV_U(1)
#define IRQ_M_SOFT       RV_U(3)
#define IRQ_S_TIMER      RV_U(5)
#define IRQ_M_TIMER      RV_U(7)
#define IRQ_S_EXT        RV_U(9)
#define IRQ_M_EXT        RV_U(11)
#define MIP_SSIP         (RV_U(1) << IRQ_S_SOFT)
#define MIP_STIP         (RV_U(1) << IRQ_S_TIMER)
#define MIP_MTIP         (RV_U(1) << IRQ_M_TIMER)
#define MIP_SEIP         (RV_U(1) << IRQ_S_EXT)
#define SIE_STIE         MIP_STIP
#define MIE_MTIE         MIP_MTIP

/* ---- mcause / scause (machine.adoc table "Machine cause register values") */
#define CAUSE_INTERRUPT            (RV_U(1) << 31)
#define CAUSE_MISALIGNED_FETCH     RV_U(0)
#define CAUSE_FETCH_ACCESS         RV_U(1)
#define CAUSE_ILLEGAL_INSTRUCTION  RV_U(2)
#define CAUSE_BREAKPOINT           RV_U(3)
#define CAUSE_MISALIGNED_LOAD      RV_U(4)
#define CAUSE_LOAD_ACCESS          RV_U(5)
#define CAUSE_MISALIGNED_STORE     RV_U(6)
#define CAUSE_STORE_ACCESS         RV_U(7)
#define CAUSE_USER_ECALL           RV_U(8)
#define CAUSE_SUPERVISOR_ECALL     RV_U(9)
#define CAUSE_MACHINE_ECALL        RV_U(11)
#define CAUSE_FETCH_PAGE_FAULT     RV_U(12)
#define CAUSE_LOAD_PAGE_FAULT      RV_U(13)
#define CAUSE_STORE_PAGE_FAULT     RV_U(15)

/* ---- counters (machine.adoc "Machine Counter-Enable Register") ---------- */
#define COUNTEREN_CY     (RV_U(1) << 0)
#define COUNTEREN_TM     (RV_U(1) << 1)
#define COUNTEREN_IR     (RV_U(1) << 2)

/* ---- PMP (machine.adoc "Physical Memory Protection") -------------------- */
#define PMP_R            (RV_U(1) << 0)
#define PMP_W            (RV_U(1) << 1)
#define PMP_X            (RV_U(1) << 2)
#define PMP_A_NAPOT      (RV_U(3) << 3)   /* naturally aligned power-of-two region */
#define PMP_CFG_BITS     RV_U(8)          /* each pmpcfg CSR packs four 8-bit entries */
/* pmpaddr for a NAPOT region: address bits 33:2, low bits (size/8 - 1). */
#define PMP_NAPOT_ADDR(base, size) (((base) >> 2) | (((size) >> 3) - RV_U(1)))
#define PMP_ADDR_ALL     RV_U(0xFFFFFFFF) /* NAPOT covering the whole 34-bit space */

/* ---- satp and Sv32 (supervisor.adoc "Sv32: Page-Based 32-bit Virtual-Memory") */
#define SATP_MODE_SV32   (RV_U(1) << 31)
#define SATP_ASID_SHIFT  22
#define SATP_ASID_MASK   RV_U(0x1FF)
#define SATP_PPN_MASK    RV_U(0x003FFFFF)

#define PAGE_SHIFT       12
#define PAGE_SIZE        (RV_U(1) << PAGE_SHIFT)
#define MEGAPAGE_SIZE    (RV_U(1) << 22)  /* one level-1 PTE maps 4 MiB */
#define PT_ENTRIES       RV_U(1024)       /* PTEs per page-table page */
#define VPN_BITS         10
#define VPN1_SHIFT       22
#define VPN0_SHIFT       12
#define VPN_MASK         RV_U(0x3FF)

#define PTE_V            (RV_U(1) << 0)
#define PTE_R            (RV_U(1) << 1)
#define PTE_W            (RV_U(1) << 2)
#define PTE_X            (RV_U(1) << 3)
#define PTE_U            (RV_U(1) << 4)
#define PTE_G            (RV_U(1) << 5)
#define PTE_A            (RV_U(1) << 6)
#define PTE_D            (RV_U(1) << 7)
#define PTE_PPN_SHIFT    10          /* PTE bits 31:10 hold the PPN */
#define PTE_LEAF_MASK    (PTE_R | PTE_W | PTE_X)

#endif /* GUEST_RISCV_H */
