/*
 * disasm.c — the disassembler behind trace logs, the CLI and the dashboard.
 *
 * It prints what the decoder produced, using the mnemonics of isa/insn.def and
 * the CSR names of isa/csr.def, so that a student reading a trap log sees the
 * same names as in the specs. Pseudo-instructions are not substituted (the
 * log shows "addi zero, zero, 0", not "nop"): the point is to show exactly
 * the instruction the machine executed.
 */
#include "disasm.h"

#include <stdio.h>

#include "csr.h"

/* Unpriv spec, ch. "RISC-V Assembly Programmer's Handbook", register table. */
static const char *const abi_names[32] = {
    "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2",
    "s0",   "s1", "a0", "a1", "a2", "a3", "a4", "a5",
    "a6",   "a7", "s2", "s3", "s4", "s5", "s6", "s7",
    "s8",   "s9", "s10", "s11", "t3", "t4", "t5", "t6",
};

#define REG_COUNT 32u
#define AMO_AQ_BIT (1u << 26)   /* a-st-ext: acquire bit of an AMO */
#define AMO_RL_BIT (1u << 25)   /* release bit */

const char *reg_abi_name(unsigned reg)
{
    return reg < REG_COUNT ? abi_names[reg] : "?";
}

/* fence predecessor/successor sets: bits I, O, R, W from high to low. */
static void fence_set(unsigned bits, char out[5])
{
    static const char letters[4] = { 'i', 'o', 'r', 'w' };
    unsigned n = 0;
    for (unsigned i = 0; i < 4; i++)
        if (bits & (8u >> i))
            out[n++] = letters[i];
    if (n == 0)
        out[n++] = '0';
    out[n] = '\0';
}

static const char *amo_suffix(uint32_t raw)
{
    bool aq = (raw & AMO_AQ_BIT) != 0, rl = (raw & AMO_RL_BIT) != 0;
    return aq && rl ? ".aqrl" : aq ? ".aq" : rl ? ".rl" : "";
}

static void csr_text(unsigned csr, char out[16])
{
    const char *n = csr_name(csr);
    if (n)
        snprintf(out, 16, "%s", n);
    else
        snprintf(out, 16, "0x%03x", csr);
}

int disasm(const struct insn *in, uint32_t pc, char *buf, size_t len)
{
    const struct insn_info *ti = &insn_table[in->op < INSN__COUNT ? in->op : 0];
    const char *mn = ti->mnemonic;
    const char *rd = reg_abi_name(in->rd), *rs1 = reg_abi_name(in->rs1),
               *rs2 = reg_abi_name(in->rs2);
    char csr[16];

    if (in->op == INSN_ILLEGAL)
        return snprintf(buf, len, "illegal 0x%08x", (unsigned)in->raw);
    switch (ti->fmt) {
    case FMT_NONE:
        return snprintf(buf, len, "%s", mn);
    case FMT_R:
        return snprintf(buf, len, "%s %s, %s, %s", mn, rd, rs1, rs2);
    case FMT_I:
    case FMT_SHIFT:
        return snprintf(buf, len, "%s %s, %s, %d", mn, rd, rs1, (int)in->imm);
    case FMT_LOAD:
    case FMT_JALR:
        return snprintf(buf, len, "%s %s, %d(%s)", mn, rd, (int)in->imm, rs1);
    case FMT_S:
        return snprintf(buf, len, "%s %s, %d(%s)", mn, rs2, (int)in->imm, rs1);
    case FMT_B:
        return snprintf(buf, len, "%s %s, %s, 0x%08x", mn, rs1, rs2,
                        (unsigned)(pc + (uint32_t)in->imm));
    case FMT_U:
        return snprintf(buf, len, "%s %s, 0x%x", mn, rd, (unsigned)in->imm >> 12);
    case FMT_J:
        return snprintf(buf, len, "%s %s, 0x%08x", mn, rd, (unsigned)(pc + (uint32_t)in->imm));
    case FMT_FENCE: {
        char pred[5], succ[5];
        fence_set(((unsigned)in->imm >> 4) & 0xfu, pred);
        fence_set((unsigned)in->imm & 0xfu, succ);
        return snprintf(buf, len, "%s %s, %s", mn, pred, succ);
    }
    case FMT_AMO:
        return snprintf(buf, len, "%s%s %s, %s, (%s)", mn, amo_suffix(in->raw), rd, rs2, rs1);
    case FMT_LR:
        return snprintf(buf, len, "%s%s %s, (%s)", mn, amo_suffix(in->raw), rd, rs1);
    case FMT_CSR:
        csr_text(in->csr, csr);
        return snprintf(buf, len, "%s %s, %s, %s", mn, rd, csr, rs1);
    case FMT_CSRI:
        csr_text(in->csr, csr);
        return snprintf(buf, len, "%s %s, %s, %d", mn, rd, csr, (int)in->imm);
    case FMT_SFENCE:
        return snprintf(buf, len, "%s %s, %s", mn, rs1, rs2);
    }
    return snprintf(buf, len, "%s", mn);
}

int disasm_word(uint32_t word, uint32_t pc, char *buf, size_t len)
{
    struct insn in;
    insn_decode(word, &in);
    return disasm(&in, pc, buf, len);
}
