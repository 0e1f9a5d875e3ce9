/*
 * encoding.h — names for the architectural constants the ISA test programs use.
 *
 * The test programs are assembly; they must never spell a CSR field, a trap
 * cause or a PTE bit as a bare number. Every value below is defined by the
 * RISC-V Privileged Architecture (riscv-isa-manual, src/machine.adoc and
 * src/supervisor.adoc; version 1.12 for RV32). CSR *numbers* are not here:
 * the assembler knows the CSR names (mstatus, satp, pmpaddr0, ...).
 *
 * Only the preprocessor may read this file (it is included by .S files).
 */
#ifndef TZ_ISA_ENCODING_H
#define TZ_ISA_ENCODING_H

/* ---- privilege levels (machine.adoc, "Privilege Levels") ---------------- */
#define PRV_U 0
#define PRV_S 1
#define PRV_M 3

/* ---- mstatus / sstatus fields (machine.adoc, "Machine Status Registers") */
#define MSTATUS_SIE   0x00000002
#define MSTATUS_MIE   0x00000008
#define MSTATUS_SPIE  0x00000020
#define MSTATUS_UBE   0x00000040
#define MSTATUS_MPIE  0x00000080
#define MSTATUS_SPP   0x00000100
#define MSTATUS_VS    0x00000600
#define MSTATUS_MPP   0x00001800
#define MSTATUS_MPP_SHIFT 11
#define MSTATUS_MPP_S 0x00000800
#define MSTATUS_MPP_M 0x00001800
#define MSTATUS_FS    0x00006000
#define MSTATUS_XS    0x00018000
#define MSTATUS_MPRV  0x00020000
#define MSTATUS_SUM   0x00040000
#define MSTATUS_MXR   0x00080000
#define MSTATUS_TVM   0x00100000
#define MSTATUS_TW    0x00200000
#define MSTATUS_TSR   0x00400000
#define MSTATUS_SD    0x80000000

/* The fields sstatus exposes on RV32 (supervisor.adoc, "Supervisor Status
 * Register"): SIE, SPIE, UBE, SPP, VS, FS, XS, SUM, MXR, SD. */
#define SSTATUS_MASK  (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_UBE | MSTATUS_SPP | \
                       MSTATUS_VS | MSTATUS_FS | MSTATUS_XS | MSTATUS_SUM |      \
                       MSTATUS_MXR | MSTATUS_SD)

/* The fields of the hart the tests expect (RV32 with S and U, no F or V):
 * mstatus fields that are writable, every interrupt enable bit, and the mip
 * bits M-mode software may write (machine.adoc, "Machine Interrupt
 * Registers": SSIP, STIP and SEIP). */
#define MSTATUS_CORE (MSTATUS_SIE | MSTATUS_MIE | MSTATUS_SPIE | MSTATUS_MPIE | \
                      MSTATUS_SPP | MSTATUS_MPP | MSTATUS_MPRV | MSTATUS_SUM |  \
                      MSTATUS_MXR | MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR)
#define MIE_ALL (MIP_SSIP | MIP_MSIP | MIP_STIP | MIP_MTIP | MIP_SEIP | MIP_MEIP)
#define MIP_M_WRITABLE (MIP_SSIP | MIP_STIP | MIP_SEIP)

/* ---- misa (machine.adoc, "Machine ISA Register") ------------------------ */
#define MISA_MXL_32   0x40000000
#define MISA_EXT(letter) (1 << ((letter) - 'A'))

/* ---- mtvec / stvec modes ------------------------------------------------ */
#define TVEC_MODE_DIRECT   0
#define TVEC_MODE_VECTORED 1
#define TVEC_MODE_MASK     3

/* ---- exception codes (machine.adoc, table "mcause values after trap") --- */
#define CAUSE_MISALIGNED_FETCH    0
#define CAUSE_FETCH_ACCESS        1
#define CAUSE_ILLEGAL_INSTRUCTION 2
#define CAUSE_BREAKPOINT          3
#define CAUSE_MISALIGNED_LOAD     4
#define CAUSE_LOAD_ACCESS         5
#define CAUSE_MISALIGNED_STORE    6
#define CAUSE_STORE_ACCESS        7
#define CAUSE_USER_ECALL          8
#define CAUSE_SUPERVISOR_ECALL    9
#define CAUSE_MACHINE_ECALL       11
#define CAUSE_FETCH_PAGE_FAULT    12
#define CAUSE_LOAD_PAGE_FAULT     13
#define CAUSE_STORE_PAGE_FAULT    15

#define CAUSE_INTERRUPT           0x80000000
/* interrupt numbers: bit positions in mip/mie and the mcause code */
#define IRQ_S_SOFT   1
#define IRQ_M_SOFT   3
#define IRQ_S_TIMER  5
#define IRQ_M_TIMER  7
#define IRQ_S_EXT    9
#define IRQ_M_EXT    11
#define MIP_SSIP (1 << IRQ_S_SOFT)
#define MIP_MSIP (1 << IRQ_M_SOFT)
#define MIP_STIP (1 << IRQ_S_TIMER)
#define MIP_MTIP (1 << IRQ_M_TIMER)
#define MIP_SEIP (1 << IRQ_S_EXT)
#define MIP_MEIP (1 << IRQ_M_EXT)

/* ---- counter-enable bits (machine.adoc, "Counter-Enable Registers") ----- */
#define COUNTEREN_CY 0x1
#define COUNTEREN_TM 0x2
#define COUNTEREN_IR 0x4

/* ---- Sv32 (supervisor.adoc, "Sv32: Page-Based 32-bit Virtual-Memory") ---- */
#define SATP_MODE_SV32  0x80000000
#define SATP_ASID_SHIFT 22
#define SATP_ASID_MASK  0x7FC00000
#define SATP_PPN_MASK   0x003FFFFF
#define PAGE_SHIFT      12
#define PAGE_SIZE       4096
#define MEGAPAGE_SHIFT  22          /* one level-1 PTE maps 4 MiB */
#define MEGAPAGE_SIZE   0x00400000
#define PTE_V 0x001
#define PTE_R 0x002
#define PTE_W 0x004
#define PTE_X 0x008
#define PTE_U 0x010
#define PTE_G 0x020
#define PTE_A 0x040
#define PTE_D 0x080
#define PTE_PPN_SHIFT 10

/* ---- PMP (machine.adoc, "Physical Memory Protection") ------------------- */
#define PMP_R     0x01
#define PMP_W     0x02
#define PMP_X     0x04
#define PMP_A_OFF   0x00
#define PMP_A_TOR   0x08
#define PMP_A_NA4   0x10
#define PMP_A_NAPOT 0x18
#define PMP_L     0x80
#define PMP_SHIFT 2                 /* pmpaddr holds address bits 33:2 */
#define PMP_RWX   (PMP_R | PMP_W | PMP_X)
#define PMP_CFG_SHIFT1 8            /* pmpcfg0 byte of entry 1 */
#define PMP_CFG_SHIFT2 16           /* pmpcfg0 byte of entry 2 */
#define PMP_NAPOT_4K_BITS 0x1ff     /* pmpaddr low ones for a 4 KiB NAPOT region */

#endif /* TZ_ISA_ENCODING_H */
