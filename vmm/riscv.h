/*
 * riscv.h — names for the RISC-V architectural state the VMM touches.
 *
 * The CSR numbers and instruction encodings the VMM decodes are named here
 * (priv spec = riscv-isa-manual src/machine.adoc and src/supervisor.adoc),
 * together with the one-instruction helpers that read and write CSRs; status
 * bits, trap causes and page-table bits come from machine/abi/riscv_bits.h.
 * Nothing here has state.
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

/* Status fields, causes, interrupt bits, tvec modes, satp and Sv32: the
 * architectural constants shared with the simulator and the guests. */
#include "riscv_bits.h"

/* The counters a guest may read directly once the VMM allows it. */
#define COUNTEREN_CY_TM_IR (COUNTEREN_CY | COUNTEREN_TM | COUNTEREN_IR)

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
