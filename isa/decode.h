/*
 * decode.h — turn a 32-bit RV32 instruction word into a struct insn.
 *
 * The decoder is table-driven from isa/insn.def: it finds the one row whose
 * match/mask accepts the word, then extracts the operand fields the row's
 * format names. A word no row accepts decodes to INSN_ILLEGAL. Pure: no
 * machine state, so the disassembler, the simulator and the tests share it.
 */
#ifndef TRAPEZE_DECODE_H
#define TRAPEZE_DECODE_H

#include <stdint.h>

#include "cost_class.h"

/* Operand layouts, used by the decoder (which fields to extract) and the
 * disassembler (how to print them). */
enum insn_format {
    FMT_NONE = 0,   /* no operands: ecall, mret, fence.i, ... */
    FMT_R,          /* rd, rs1, rs2 */
    FMT_I,          /* rd, rs1, imm */
    FMT_SHIFT,      /* rd, rs1, shamt (imm) */
    FMT_LOAD,       /* rd, imm(rs1) */
    FMT_JALR,       /* rd, imm(rs1) */
    FMT_S,          /* rs2, imm(rs1) */
    FMT_B,          /* rs1, rs2, pc-relative imm */
    FMT_U,          /* rd, imm (already shifted: the value added) */
    FMT_J,          /* rd, pc-relative imm */
    FMT_FENCE,      /* pred, succ (imm = inst[27:20]) */
    FMT_AMO,        /* rd, rs2, (rs1) */
    FMT_LR,         /* rd, (rs1) */
    FMT_CSR,        /* rd, csr, rs1 */
    FMT_CSRI,       /* rd, csr, uimm (in rs1) */
    FMT_SFENCE      /* rs1, rs2 */
};

/* Flags (last column of insn.def). */
#define IF_LOAD  0x1u   /* reads memory */
#define IF_STORE 0x2u   /* writes memory */
#define IF_CTRL  0x4u   /* may change the pc other than by +4 */
#define IF_PRIV  0x8u   /* privilege-sensitive (CSR, xRET, WFI, SFENCE.VMA) */

enum insn_op {
    INSN_ILLEGAL = 0,
#define X(id, mn, match, mask, fmt, cls, flags) INSN_##id,
#include "insn.def"
#undef X
    INSN__COUNT
};

struct insn {
    uint16_t op;        /* enum insn_op */
    uint8_t rd, rs1, rs2;
    uint16_t csr;       /* FMT_CSR / FMT_CSRI */
    int32_t imm;        /* sign-extended immediate; shamt; uimm in rs1 for CSRI */
    uint32_t raw;       /* the instruction word */
};

struct insn_info {
    const char *mnemonic;
    uint32_t match, mask;
    enum insn_format fmt;
    enum cost_class cost;
    uint32_t flags;
};

/* Table indexed by enum insn_op (entry 0 describes INSN_ILLEGAL). */
extern const struct insn_info insn_table[INSN__COUNT];

/* Decode one word. Never fails: unknown words give op = INSN_ILLEGAL. */
void insn_decode(uint32_t word, struct insn *out);

/* Mnemonic of an op ("illegal" for INSN_ILLEGAL or out of range). */
const char *insn_name(unsigned op);

#endif
