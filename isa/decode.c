/*
 * decode.c — table-driven RV32IMA/Zicsr/Zifencei/privileged decoder.
 *
 * insn.def gives every instruction a (match, mask) pair. Decoding a word is a
 * search for the row that accepts it, followed by field extraction according
 * to the row's format (unpriv spec §2.2–2.3 "Base Instruction Formats",
 * "Immediate Encoding Variants"). The search is linear over
 * the table: the simulator decodes each instruction once per physical location (its
 * decode cache), so this path is not performance critical.
 */
#include "decode.h"

#include <stddef.h>

#include "encoding.h"

const struct insn_info insn_table[INSN__COUNT] = {
    [INSN_ILLEGAL] = { "illegal", 0, 0, FMT_NONE, COST_SYSTEM, 0 },
#define X(id, mn, mt, mk, fm, cl, fl) [INSN_##id] = { mn, mt, mk, fm, cl, fl },
#include "insn.def"
#undef X
};

const char *insn_name(unsigned op)
{
    if (op >= INSN__COUNT)
        return "illegal";
    return insn_table[op].mnemonic;
}

static void extract(const struct insn_info *ti, uint32_t w, struct insn *out)
{
    out->rd = (uint8_t)insn_rd(w);
    out->rs1 = (uint8_t)insn_rs1(w);
    out->rs2 = (uint8_t)insn_rs2(w);
    out->csr = 0;
    out->imm = 0;
    switch (ti->fmt) {
    case FMT_I:
    case FMT_LOAD:
    case FMT_JALR:
        out->imm = insn_imm_i(w);
        break;
    case FMT_SHIFT:
        out->imm = (int32_t)insn_rs2(w);   /* shamt occupies the rs2 field */
        break;
    case FMT_S:
        out->imm = insn_imm_s(w);
        break;
    case FMT_B:
        out->imm = insn_imm_b(w);
        break;
    case FMT_U:
        out->imm = insn_imm_u(w);
        break;
    case FMT_J:
        out->imm = insn_imm_j(w);
        break;
    case FMT_FENCE:
        out->imm = (int32_t)((w >> 20) & 0xffu);   /* pred in [7:4], succ in [3:0] */
        break;
    case FMT_CSR:
        out->csr = (uint16_t)insn_csr(w);
        break;
    case FMT_CSRI:
        out->csr = (uint16_t)insn_csr(w);
        out->imm = (int32_t)insn_rs1(w);     /* zero-extended 5-bit uimm */
        break;
    case FMT_NONE:
    case FMT_R:
    case FMT_AMO:
    case FMT_LR:
    case FMT_SFENCE:
        break;
    }
}

void insn_decode(uint32_t w, struct insn *out)
{
    out->raw = w;
    for (unsigned op = 1; op < INSN__COUNT; op++) {
        const struct insn_info *ti = &insn_table[op];
        if ((w & ti->mask) == ti->match) {
            out->op = (uint16_t)op;
            extract(ti, w, out);
            return;
        }
    }
    out->op = INSN_ILLEGAL;
    out->rd = out->rs1 = out->rs2 = 0;
    out->csr = 0;
    out->imm = 0;
}
