/*
 * riscv.h — names for the RISC-V architectural state the VMM touches.
 *
 * Every CSR number, status bit, trap cause and page-table bit the VMM uses is
 * named here once (priv spec = riscv-isa-manual src/machine.adoc and
 * src/supervisor.adoc), together with the one-instruction helpers that read
 * and write CSRs. Nothing here has state.
 */
#ifndef VMM_RISCV_H
#define VMM_RISCV_H

#include <stdint.h>

#if !defined(__riscv) || __riscv_xlen != 32
#error "the VMM is RV32 code: build it with the cross compiler (RV_CC)"
#endif

/* ---- CSR numbers (priv spec, "CSR Listing") ----------------------------- */
#define CSR_SSTATUS     0x100
#define CSR_SIE         0x104
#define CSR_STVEC       0x105
#define CSR_SCOUNTEREN  0x106
#define CSR_SENVCFG     0x10A
#define CSR_SSCRATCH    0x140
#define CSR_SEPC        0x141
#define CSR_SCAUSE      0x142
#define CSR_STVAL       0x143
#define CSR_SIP         0x144
#define CSR_SATP        0x180
#define CSR_CYCLE       0xC00
#define CSR_TIME        0xC01
#define CSR_INSTRET     0xC02
#define CSR_CYCLEH      0xC80
#define CSR_TIMEH       0xC81
#define CSR_INSTRETH    0xC82

/* csr[9:8] is the lowest privilege allowed to access it; csr[11:10] == 3
 * means read-only (zicsr.adoc, "CSR Address Mapping Conventions"). */
#define CSR_PRIV_SHIFT  8
#define CSR_PRIV_MASK   0x3u
#define CSR_RO_SHIFT    10
#define CSR_RO_VALUE    0x3u

/* ---- trap causes (priv spec, mcause table) -------------------------------- */
#define MCAUSE_INTERRUPT          0x80000000u
#define CAUSE_MISALIGNED_FETCH    0u
#define CAUSE_FETCH_ACCESS        1u
#define CAUSE_ILLEGAL_INSN        2u
#define CAUSE_BREAKPOINT          3u
#define CAUSE_MISALIGNED_LOAD     4u
#define CAUSE_LOAD_ACCESS         5u
#define CAUSE_MISALIGNED_STORE    6u
#define CAUSE_STORE_ACCESS        7u
#define CAUSE_ECALL_U             8u
#define CAUSE_ECALL_S             9u
#define CAUSE_ECALL_M             11u
#define CAUSE_FETCH_PAGE_FAULT    12u
#define CAUSE_LOAD_PAGE_FAULT     13u
#define CAUSE_STORE_PAGE_FAULT    15u

#define IRQ_S_SOFT    1u
#define IRQ_S_TIMER   5u
#define IRQ_M_TIMER   7u
#define IRQ_S_EXT     9u

/* ---- mstatus / sstatus bits (priv spec §3.1.6 and §10.1.1) ------------------ */
#define SSTATUS_SIE   (1u << 1)
#define SSTATUS_SPIE  (1u << 5)
#define SSTATUS_SPP   (1u << 8)
#define SSTATUS_SUM   (1u << 18)
#define SSTATUS_MXR   (1u << 19)
#define MSTATUS_MIE   (1u << 3)
#define MSTATUS_MPIE  (1u << 7)
#define MSTATUS_MPP   (3u << 11)
#define MSTATUS_MPRV  (1u << 17)
#define MSTATUS_MXR   SSTATUS_MXR

/* sie/sip and mie/mip bit positions are the interrupt codes. */
#define SIP_SSIP      (1u << IRQ_S_SOFT)
#define SIP_STIP      (1u << IRQ_S_TIMER)
#define SIP_SEIP      (1u << IRQ_S_EXT)
#define MIE_MTIE      (1u << IRQ_M_TIMER)

/* stvec: BASE[31:2], MODE[1:0] — 0 direct, 1 vectored (priv spec §10.1.2). */
#define TVEC_MODE_MASK     0x3u
#define TVEC_MODE_VECTORED 0x1u

/* counteren bits: CY, TM, IR (priv spec §3.1.11). */
#define COUNTEREN_CY_TM_IR 0x7u

/* ---- Sv32 (priv spec §10.3) ----------------------------------------------- */
#define SATP_MODE_SV32   0x80000000u
#define SATP_ASID_SHIFT  22
#define SATP_ASID_MASK   0x1FFu
#define SATP_PPN_MASK    0x003FFFFFu
#define PAGE_SHIFT       12
#define PAGE_SIZE        (1u << PAGE_SHIFT)
#define PTES_PER_TABLE   1024u
#define VPN_BITS         10
#define VPN_MASK         0x3FFu
#define MEGAPAGE_SHIFT   22
#define PTE_V   (1u << 0)
#define PTE_R   (1u << 1)
#define PTE_W   (1u << 2)
#define PTE_X   (1u << 3)
#define PTE_U   (1u << 4)
#define PTE_G   (1u << 5)
#define PTE_A   (1u << 6)
#define PTE_D   (1u << 7)
#define PTE_RSW0 (1u << 8)       /* bits 9:8 are reserved for software */
#define PTE_PPN_SHIFT 10

/* ---- instruction encoding (unpriv spec, "RV32/64G Instruction Set Listings") */
#define OPCODE_MASK     0x7Fu
#define OPCODE_LOAD     0x03u
#define OPCODE_STORE    0x23u
#define OPCODE_SYSTEM   0x73u
#define INSN_SRET       0x10200073u
#define INSN_WFI        0x10500073u
#define INSN_MRET       0x30200073u
#define FUNCT7_SFENCE_VMA 0x09u

/* ---- CSR access helpers ----------------------------------------------------- */
#define csr_read(name) ({ uint32_t v_; __asm__ volatile("csrr %0, " #name : "=r"(v_)); v_; })
#define csr_write(name, val) __asm__ volatile("csrw " #name ", %0" :: "rK"(val))
#define csr_set(name, val) __asm__ volatile("csrs " #name ", %0" :: "rK"(val))
#define csr_clear(name, val) __asm__ volatile("csrc " #name ", %0" :: "rK"(val))

static inline void sfence_vma_page(uint32_t va, uint32_t asid)
{
    __asm__ volatile("sfence.vma %0, %1" :: "r"(va), "r"(asid) : "memory");
}
static inline void sfence_vma_asid(uint32_t asid)
{
    __asm__ volatile("sfence.vma zero, %0" :: "r"(asid) : "memory");
}

#endif
