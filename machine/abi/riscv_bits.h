/*
 * riscv_bits.h — the RISC-V architectural constants every part of trapeze
 * needs, named once: privilege levels, mstatus/sstatus fields, trap causes,
 * interrupt numbers and the mip/mie bits, counter enables, xtvec modes, misa,
 * satp, the Sv32 page-table format and PMP configuration fields.
 *
 * Both worlds include it: the host simulator (isa/encoding.h) checks guest
 * software against these bits, and the RISC-V code (the VMM's vmm/riscv.h,
 * the firmware and guest kernels' guests/lib/riscv.h, the ISA tests'
 * tests/isa/env/encoding.h, the bench workloads' bench/rt/riscv.h) sets them.
 * One definition means the machine and the software written for it cannot
 * disagree about a bit.
 *
 * Plain #defines only, no includes, no types: usable from C on the host and
 * on the target and from assembler (.S) files.
 *
 * Every value is from the RISC-V Privileged Architecture, version 20211203
 * (riscv/riscv-isa-manual src/machine.adoc and src/supervisor.adoc); the
 * section names are given with each group.
 */
#ifndef TZ_RISCV_BITS_H
#define TZ_RISCV_BITS_H

/* Numbers are unsigned in C (TZ_U(1) is 1u) and plain in assembler, where a
 * C suffix is not reliably understood (GNU as rejects "0u"). */
#ifdef __ASSEMBLER__
#define TZ_U(x) x
#else
#define TZ_U(x) x##u
#endif

/* ---- privilege levels (machine.adoc "Privilege Levels", Table 1) -------- */
#define PRV_U TZ_U(0)
#define PRV_S TZ_U(1)
#define PRV_M TZ_U(3)

/* ---- mstatus (machine.adoc "Machine Status Registers (mstatus and
 *      mstatush)", RV32 layout) --------------------------------------------- */
#define MSTATUS_SIE   (TZ_U(1) << 1)
#define MSTATUS_MIE   (TZ_U(1) << 3)
#define MSTATUS_SPIE  (TZ_U(1) << 5)
#define MSTATUS_UBE   (TZ_U(1) << 6)
#define MSTATUS_MPIE  (TZ_U(1) << 7)
#define MSTATUS_SPP   (TZ_U(1) << 8)           /* privilege before the trap: 1 = S, 0 = U */
#define MSTATUS_VS    (TZ_U(3) << 9)
#define MSTATUS_MPP_SHIFT 11
#define MSTATUS_MPP   (TZ_U(3) << MSTATUS_MPP_SHIFT)
#define MSTATUS_MPP_U (PRV_U << MSTATUS_MPP_SHIFT)  /* MPP field values, in place */
#define MSTATUS_MPP_S (PRV_S << MSTATUS_MPP_SHIFT)
#define MSTATUS_MPP_M (PRV_M << MSTATUS_MPP_SHIFT)
#define MSTATUS_FS    (TZ_U(3) << 13)
#define MSTATUS_XS    (TZ_U(3) << 15)
#define MSTATUS_MPRV  (TZ_U(1) << 17)
#define MSTATUS_SUM   (TZ_U(1) << 18)          /* S-mode may touch U=1 pages */
#define MSTATUS_MXR   (TZ_U(1) << 19)
#define MSTATUS_TVM   (TZ_U(1) << 20)
#define MSTATUS_TW    (TZ_U(1) << 21)
#define MSTATUS_TSR   (TZ_U(1) << 22)
#define MSTATUS_SD    (TZ_U(1) << 31)

/* sstatus is a view of mstatus (supervisor.adoc "Supervisor Status Register
 * (sstatus)"): the same bits under the names S-mode software uses, and the
 * set of fields the view shows on RV32. */
#define SSTATUS_SIE   MSTATUS_SIE
#define SSTATUS_SPIE  MSTATUS_SPIE
#define SSTATUS_SPP   MSTATUS_SPP
#define SSTATUS_SUM   MSTATUS_SUM
#define SSTATUS_MXR   MSTATUS_MXR
#define SSTATUS_MASK  (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_UBE | MSTATUS_SPP | \
                       MSTATUS_VS | MSTATUS_FS | MSTATUS_XS | MSTATUS_SUM |     \
                       MSTATUS_MXR | MSTATUS_SD)

/* ---- misa (machine.adoc "Machine ISA Register misa") --------------------- */
#define MISA_MXL_32   (TZ_U(1) << 30)
#define MISA_EXT(c)   (TZ_U(1) << ((c) - 'A'))  /* the bit of extension letter c */

/* ---- mtvec / stvec (machine.adoc "Machine Trap-Vector Base-Address
 *      Register (mtvec)"): BASE[31:2], MODE[1:0] --------------------------- */
#define TVEC_MODE_MASK     TZ_U(3)
#define TVEC_MODE_DIRECT   TZ_U(0)
#define TVEC_MODE_VECTORED TZ_U(1)

/* ---- mcounteren / scounteren: one bit per counter (machine.adoc "Machine
 *      Counter-Enable Register (mcounteren)") ------------------------------ */
#define COUNTEREN_CY  (TZ_U(1) << 0)
#define COUNTEREN_TM  (TZ_U(1) << 1)
#define COUNTEREN_IR  (TZ_U(1) << 2)

/* ---- mcause / scause (machine.adoc "Machine Cause Register (mcause)",
 *      table "Machine cause register (mcause) values after trap") ---------- */
#define CAUSE_INTERRUPT            (TZ_U(1) << 31)  /* set for interrupts */
#define CAUSE_MISALIGNED_FETCH     TZ_U(0)
#define CAUSE_FETCH_ACCESS         TZ_U(1)
#define CAUSE_ILLEGAL_INSTRUCTION  TZ_U(2)
#define CAUSE_BREAKPOINT           TZ_U(3)
#define CAUSE_MISALIGNED_LOAD      TZ_U(4)
#define CAUSE_LOAD_ACCESS          TZ_U(5)
#define CAUSE_MISALIGNED_STORE     TZ_U(6)          /* store/AMO address misaligned */
#define CAUSE_STORE_ACCESS         TZ_U(7)          /* store/AMO access fault */
#define CAUSE_USER_ECALL           TZ_U(8)
#define CAUSE_SUPERVISOR_ECALL     TZ_U(9)
#define CAUSE_MACHINE_ECALL        TZ_U(11)
#define CAUSE_FETCH_PAGE_FAULT     TZ_U(12)
#define CAUSE_LOAD_PAGE_FAULT      TZ_U(13)
#define CAUSE_STORE_PAGE_FAULT     TZ_U(15)         /* store/AMO page fault */
#define CAUSE_EXCEPTION_COUNT      TZ_U(16)         /* codes 0..15 are defined */

/* The names trapeze prints for causes, in one place for the host (CLI, trace
 * exports, dashboard) and the VMM's console. X(code, "name") rows: expand
 * with a macro that makes designated initializers. */
#define RISCV_EXCEPTION_NAMES(X)                               \
    X(CAUSE_MISALIGNED_FETCH, "instruction_address_misaligned") \
    X(CAUSE_FETCH_ACCESS, "instruction_access_fault")           \
    X(CAUSE_ILLEGAL_INSTRUCTION, "illegal_instruction")         \
    X(CAUSE_BREAKPOINT, "breakpoint")                           \
    X(CAUSE_MISALIGNED_LOAD, "load_address_misaligned")         \
    X(CAUSE_LOAD_ACCESS, "load_access_fault")                   \
    X(CAUSE_MISALIGNED_STORE, "store_address_misaligned")       \
    X(CAUSE_STORE_ACCESS, "store_access_fault")                 \
    X(CAUSE_USER_ECALL, "ecall_from_u")                         \
    X(CAUSE_SUPERVISOR_ECALL, "ecall_from_s")                   \
    X(CAUSE_MACHINE_ECALL, "ecall_from_m")                      \
    X(CAUSE_FETCH_PAGE_FAULT, "instruction_page_fault")         \
    X(CAUSE_LOAD_PAGE_FAULT, "load_page_fault")                 \
    X(CAUSE_STORE_PAGE_FAULT, "store_page_fault")

/* ---- interrupts: the code in mcause is the bit position in mip and mie
 *      (machine.adoc "Machine Interrupt Registers (mip and mie)") --------- */
#define IRQ_S_SOFT    TZ_U(1)
#define IRQ_M_SOFT    TZ_U(3)
#define IRQ_S_TIMER   TZ_U(5)
#define IRQ_M_TIMER   TZ_U(7)
#define IRQ_S_EXT     TZ_U(9)
#define IRQ_M_EXT     TZ_U(11)
#define IRQ_COUNT     TZ_U(12)   /* interrupt codes 0..11 are defined */

#define RISCV_INTERRUPT_NAMES(X)           \
    X(IRQ_S_SOFT, "supervisor_software")    \
    X(IRQ_M_SOFT, "machine_software")       \
    X(IRQ_S_TIMER, "supervisor_timer")      \
    X(IRQ_M_TIMER, "machine_timer")         \
    X(IRQ_S_EXT, "supervisor_external")     \
    X(IRQ_M_EXT, "machine_external")

#define MIP_SSIP      (TZ_U(1) << IRQ_S_SOFT)
#define MIP_MSIP      (TZ_U(1) << IRQ_M_SOFT)
#define MIP_STIP      (TZ_U(1) << IRQ_S_TIMER)
#define MIP_MTIP      (TZ_U(1) << IRQ_M_TIMER)
#define MIP_SEIP      (TZ_U(1) << IRQ_S_EXT)
#define MIP_MEIP      (TZ_U(1) << IRQ_M_EXT)
#define MIP_S_MASK    (MIP_SSIP | MIP_STIP | MIP_SEIP)   /* supervisor-level interrupts */
#define MIP_ALL       (MIP_S_MASK | MIP_MSIP | MIP_MTIP | MIP_MEIP)

/* mie has the enable bit of each interrupt at the same position; sip and sie
 * are the views of mip and mie that S-mode sees (supervisor.adoc
 * "Supervisor Interrupt Registers (sip and sie)"). */
#define MIE_MTIE      (TZ_U(1) << IRQ_M_TIMER)
#define SIE_STIE      (TZ_U(1) << IRQ_S_TIMER)
#define SIP_SSIP      MIP_SSIP
#define SIP_STIP      MIP_STIP
#define SIP_SEIP      MIP_SEIP

/* ---- satp (supervisor.adoc "Supervisor Address Translation and Protection
 *      (satp) Register", RV32: MODE[31], ASID[30:22], PPN[21:0]) ---------- */
#define SATP_MODE_SV32  (TZ_U(1) << 31)
#define SATP_ASID_SHIFT 22
#define SATP_ASID_MASK  TZ_U(0x1ff)            /* the 9 ASID bits, after shifting down */
#define SATP_PPN_MASK   TZ_U(0x003fffff)
#define SATP_ASID_FIELD (SATP_ASID_MASK << SATP_ASID_SHIFT)  /* ASID in place */

/* ---- Sv32 (supervisor.adoc "Sv32: Page-Based 32-bit Virtual-Memory
 *      Systems") ----------------------------------------------------------- */
#define PAGE_SHIFT      12
#define PAGE_SIZE       (TZ_U(1) << PAGE_SHIFT)
#define PAGE_MASK       (PAGE_SIZE - TZ_U(1))
#define SV32_LEVELS     2
#define SV32_PTE_SIZE   TZ_U(4)                /* bytes per PTE */
#define SV32_VPN_BITS   10
#define SV32_VPN_MASK   TZ_U(0x3ff)
#define SV32_PTES_PER_TABLE (TZ_U(1) << SV32_VPN_BITS)  /* a page-table page */
#define SV32_VPN0_SHIFT PAGE_SHIFT        /* VPN[0]: virtual address bits 21:12 */
#define SV32_VPN1_SHIFT 22                /* VPN[1]: virtual address bits 31:22 */
#define SV32_MEGAPAGE_SHIFT SV32_VPN1_SHIFT /* a level-1 leaf maps 4 MiB */
#define SV32_MEGAPAGE_SIZE  (TZ_U(1) << SV32_MEGAPAGE_SHIFT)

#define PTE_V         (TZ_U(1) << 0)
#define PTE_R         (TZ_U(1) << 1)
#define PTE_W         (TZ_U(1) << 2)
#define PTE_X         (TZ_U(1) << 3)
#define PTE_U         (TZ_U(1) << 4)
#define PTE_G         (TZ_U(1) << 5)
#define PTE_A         (TZ_U(1) << 6)
#define PTE_D         (TZ_U(1) << 7)
#define PTE_RSW0      (TZ_U(1) << 8)           /* bits 9:8 are reserved for software */
#define PTE_LEAF_MASK (PTE_R | PTE_W | PTE_X)  /* any of them set: a leaf */
#define PTE_PPN_SHIFT 10                  /* PTE bits 31:10 hold the PPN */
#define PTE_PPN0_MASK TZ_U(0x3ff)              /* PPN[0]: PTE bits 19:10, after shifting */

/* ---- PMP (machine.adoc "Physical Memory Protection") -------------------- */
#define PMP_COUNT         16              /* entries pmp0cfg..pmp15cfg */
#define PMPCFG_ENTRY_BITS TZ_U(8)              /* each pmpcfgN CSR packs four 8-bit entries */
#define PMPCFG_R          (TZ_U(1) << 0)
#define PMPCFG_W          (TZ_U(1) << 1)
#define PMPCFG_X          (TZ_U(1) << 2)
#define PMPCFG_A_SHIFT    3
#define PMPCFG_A          (TZ_U(3) << PMPCFG_A_SHIFT)
#define PMPCFG_L          (TZ_U(1) << 7)
/* Values of the A field (address matching mode), and the same in place. */
#define PMP_A_OFF         TZ_U(0)
#define PMP_A_TOR         TZ_U(1)
#define PMP_A_NA4         TZ_U(2)
#define PMP_A_NAPOT       TZ_U(3)
#define PMPCFG_A_OFF      (PMP_A_OFF << PMPCFG_A_SHIFT)
#define PMPCFG_A_TOR      (PMP_A_TOR << PMPCFG_A_SHIFT)
#define PMPCFG_A_NA4      (PMP_A_NA4 << PMPCFG_A_SHIFT)
#define PMPCFG_A_NAPOT    (PMP_A_NAPOT << PMPCFG_A_SHIFT)
#define PMP_ADDR_SHIFT    2               /* pmpaddr holds address bits 33:2 */

#endif /* TZ_RISCV_BITS_H */
