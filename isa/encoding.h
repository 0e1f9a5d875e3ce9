/*
 * encoding.h — every bit of the RV32 instruction encoding and of the
 * privileged architecture that trapeze names, in one place.
 *
 * Instruction fields follow the unprivileged spec (ch. 2, "Base Instruction
 * Formats") and are decoded here; cause codes, interrupt numbers, mstatus
 * bits, satp, PTE and PMP layouts follow the privileged spec and come from
 * machine/abi/riscv_bits.h, which the VMM, firmware, guests and tests include
 * too. Pure definitions: no state, usable from isa/ and machine/.
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

/* Privilege levels, status fields, causes, interrupts, satp, Sv32 and PMP:
 * the architectural constants the RISC-V software in the tree sets, named in
 * machine/abi/, where the headers both sides include live. */
#include "../machine/abi/riscv_bits.h"

#endif
