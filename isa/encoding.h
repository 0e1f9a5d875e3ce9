/*
 * encoding.h — every bit of the RV32 instruction encoding and of the
 * privileged architecture that trapeze names, in one place.
 *
 * Instruction fields follow the unprivileged spec (ch. 2, "Base Instruction
 * Formats"); cause codes, interrupt numbers, mstatus bits, satp and PTE
 * layouts follow the privileged spec (machine.adoc §3.1, supervisor.adoc §4.1
 * and §4.3 "Sv32"). Pure definitions: no state, usable from isa/ and machine/.
 */
#ifndef TRAPEZE_ENCODING_H
#define TRAPEZE_ENCODING_H

#include <stdint.h>

/* ---- instruction fields (unpriv spec §2.2, §2.3) ------------------------ */

static inline uint32_t insn_opcode(uint32_t w) { return w & 0x7fu; }
static inline uint32_t insn_rd(uint32_t w)     { return (w >> 7) & 0x1fu; }
static inline uint32_t insn_funct3(uint32_t w) { return (w >> 12) & 0x7u; }
static inline uint32_t insn_rs1(uint32_t w)    { return (w >> 15) & 0x1fu; }
static inline uint32_t insn_rs2(uint32_t w)    { return (w >> 20) & 0x1fu; }
static inline uint32_t insn_funct7(uint32_t w) { return (w >> 25) & 0x7fu; }
static inline uint32_t insn_csr(uint32_t w)    { return (w >> 20) & 0xfffu; }

/* I-type immediate: inst[31:20], sign-extended. */
static inline int32_t insn_imm_i(uint32_t w) { return (int32_t)w >> 20; }
/* S-type: inst[31:25] | inst[11:7]. */
static inline int32_t insn_imm_s(uint32_t w)
{
    return (int32_t)(((int32_t)w >> 25) * 32) | (int32_t)((w >> 7) & 0x1fu);
}
/* B-type: imm[12|10:5] in inst[31:25], imm[4:1|11] in inst[11:7]. */
static inline int32_t insn_imm_b(uint32_t w)
{
    uint32_t v = ((w >> 31) & 1u) << 12 | ((w >> 7) & 1u) << 11 |
                 ((w >> 25) & 0x3fu) << 5 | ((w >> 8) & 0xfu) << 1;
    return (int32_t)(v << 19) >> 19;
}
/* U-type: inst[31:12] << 12. */
static inline int32_t insn_imm_u(uint32_t w) { return (int32_t)(w & 0xfffff000u); }
/* J-type: imm[20|10:1|11|19:12] in inst[31:12]. */
static inline int32_t insn_imm_j(uint32_t w)
{
    uint32_t v = ((w >> 31) & 1u) << 20 | ((w >> 12) & 0xffu) << 12 |
                 ((w >> 20) & 1u) << 11 | ((w >> 21) & 0x3ffu) << 1;
    return (int32_t)(v << 11) >> 11;
}

#define INSN_SIZE 4u              /* no C extension: every instruction is 4 bytes */

/* ---- privilege levels (priv spec §1.2, Table 1) ------------------------- */
#define PRV_U 0u
#define PRV_S 1u
#define PRV_M 3u

/* ---- exception codes: mcause with Interrupt = 0 (priv spec §3.1.15, Table 14) */
#define CAUSE_MISALIGNED_FETCH     0u
#define CAUSE_FETCH_ACCESS         1u
#define CAUSE_ILLEGAL_INSTRUCTION  2u
#define CAUSE_BREAKPOINT           3u
#define CAUSE_MISALIGNED_LOAD      4u
#define CAUSE_LOAD_ACCESS          5u
#define CAUSE_MISALIGNED_STORE     6u   /* store/AMO address misaligned */
#define CAUSE_STORE_ACCESS         7u   /* store/AMO access fault */
#define CAUSE_USER_ECALL           8u
#define CAUSE_SUPERVISOR_ECALL     9u
#define CAUSE_MACHINE_ECALL        11u
#define CAUSE_FETCH_PAGE_FAULT     12u
#define CAUSE_LOAD_PAGE_FAULT      13u
#define CAUSE_STORE_PAGE_FAULT     15u  /* store/AMO page fault */
#define CAUSE_EXCEPTION_COUNT      16u

/* mcause bit 31 marks an interrupt (priv spec §3.1.15). */
#define CAUSE_INTERRUPT_BIT        0x80000000u

/* ---- interrupt numbers, bit positions in mip/mie (priv spec §3.1.9) ------ */
#define IRQ_S_SOFT   1u
#define IRQ_M_SOFT   3u
#define IRQ_S_TIMER  5u
#define IRQ_M_TIMER  7u
#define IRQ_S_EXT    9u
#define IRQ_M_EXT    11u

#define MIP_SSIP (1u << IRQ_S_SOFT)
#define MIP_MSIP (1u << IRQ_M_SOFT)
#define MIP_STIP (1u << IRQ_S_TIMER)
#define MIP_MTIP (1u << IRQ_M_TIMER)
#define MIP_SEIP (1u << IRQ_S_EXT)
#define MIP_MEIP (1u << IRQ_M_EXT)
#define MIP_S_MASK (MIP_SSIP | MIP_STIP | MIP_SEIP)   /* supervisor-level interrupts */
#define MIP_ALL    (MIP_S_MASK | MIP_MSIP | MIP_MTIP | MIP_MEIP)

/* ---- mstatus (priv spec §3.1.6, RV32 layout) ---------------------------- */
#define MSTATUS_SIE   (1u << 1)
#define MSTATUS_MIE   (1u << 3)
#define MSTATUS_SPIE  (1u << 5)
#define MSTATUS_UBE   (1u << 6)
#define MSTATUS_MPIE  (1u << 7)
#define MSTATUS_SPP   (1u << 8)
#define MSTATUS_VS    (3u << 9)
#define MSTATUS_MPP_SHIFT 11
#define MSTATUS_MPP   (3u << MSTATUS_MPP_SHIFT)
#define MSTATUS_FS    (3u << 13)
#define MSTATUS_XS    (3u << 15)
#define MSTATUS_MPRV  (1u << 17)
#define MSTATUS_SUM   (1u << 18)
#define MSTATUS_MXR   (1u << 19)
#define MSTATUS_TVM   (1u << 20)
#define MSTATUS_TW    (1u << 21)
#define MSTATUS_TSR   (1u << 22)
#define MSTATUS_SD    (1u << 31)

/* Bits of mstatus visible through sstatus (priv spec §4.1.1). */
#define SSTATUS_MASK (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_UBE | MSTATUS_SPP | \
                      MSTATUS_VS | MSTATUS_FS | MSTATUS_XS | MSTATUS_SUM |     \
                      MSTATUS_MXR | MSTATUS_SD)

/* ---- misa (priv spec §3.1.1) --------------------------------------------- */
#define MISA_MXL_32    (1u << 30)
#define MISA_EXT(c)    (1u << ((c) - 'A'))

/* ---- xtvec (priv spec §3.1.7) -------------------------------------------- */
#define TVEC_MODE_MASK     3u
#define TVEC_MODE_DIRECT   0u
#define TVEC_MODE_VECTORED 1u

/* ---- counter enables: mcounteren/scounteren bit per counter (§3.1.11) -- */
#define COUNTEREN_CY (1u << 0)
#define COUNTEREN_TM (1u << 1)
#define COUNTEREN_IR (1u << 2)

/* ---- satp, Sv32 (priv spec §4.1.11, §4.3) ------------------------------- */
#define SATP_MODE_SV32  0x80000000u
#define SATP_ASID_SHIFT 22
#define SATP_ASID_MASK  0x1ffu          /* 9 ASID bits on RV32 */
#define SATP_PPN_MASK   0x003fffffu

#define PAGE_SHIFT      12
#define PAGE_SIZE       (1u << PAGE_SHIFT)
#define PAGE_MASK       (PAGE_SIZE - 1u)
#define SV32_LEVELS     2
#define SV32_PTE_SIZE   4u
#define SV32_VPN_BITS   10
#define SV32_VPN_MASK   0x3ffu
#define SV32_MEGAPAGE_SHIFT 22          /* a level-1 leaf maps 4 MiB */

#define PTE_V (1u << 0)
#define PTE_R (1u << 1)
#define PTE_W (1u << 2)
#define PTE_X (1u << 3)
#define PTE_U (1u << 4)
#define PTE_G (1u << 5)
#define PTE_A (1u << 6)
#define PTE_D (1u << 7)
#define PTE_PPN_SHIFT 10
#define PTE_PPN0_MASK 0x3ffu            /* PPN[0]: bits 19:10 of a PTE */

/* ---- PMP (priv spec §3.7) ------------------------------------------------ */
#define PMP_COUNT   16
#define PMPCFG_R    (1u << 0)
#define PMPCFG_W    (1u << 1)
#define PMPCFG_X    (1u << 2)
#define PMPCFG_A_SHIFT 3
#define PMPCFG_A    (3u << PMPCFG_A_SHIFT)
#define PMPCFG_L    (1u << 7)
#define PMP_A_OFF   0u
#define PMP_A_TOR   1u
#define PMP_A_NA4   2u
#define PMP_A_NAPOT 3u
#define PMP_ADDR_SHIFT 2                /* pmpaddr holds address bits 33:2 */

#endif
