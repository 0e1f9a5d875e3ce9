/*
 * test_decode.c — the instruction table and decoder (isa/insn.def, isa/decode.c).
 *
 * Checks that every required RV32IMA/Zicsr/Zifencei/privileged mnemonic has
 * a row, that no two rows accept the same word, that each row's match word
 * (with random don't-care bits) decodes to that row, that operand fields and
 * immediates come out right for encodings produced by the GNU assembler, and
 * that reserved encodings decode as illegal.
 */
#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../isa/decode.h"

static const char *const required[] = {
    "lui", "auipc", "jal", "jalr", "beq", "bne", "blt", "bge", "bltu", "bgeu",
    "lb", "lh", "lw", "lbu", "lhu", "sb", "sh", "sw", "addi", "slti", "sltiu",
    "xori", "ori", "andi", "slli", "srli", "srai", "add", "sub", "sll", "slt",
    "sltu", "xor", "srl", "sra", "or", "and", "fence", "fence.i", "ecall", "ebreak",
    "mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu",
    "lr.w", "sc.w", "amoswap.w", "amoadd.w", "amoxor.w", "amoand.w", "amoor.w",
    "amomin.w", "amomax.w", "amominu.w", "amomaxu.w",
    "csrrw", "csrrs", "csrrc", "csrrwi", "csrrsi", "csrrci",
    "mret", "sret", "wfi", "sfence.vma",
};

static void test_every_mnemonic_present(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof required / sizeof required[0]; i++) {
        bool found = false;
        for (unsigned op = 1; op < INSN__COUNT; op++)
            if (strcmp(insn_table[op].mnemonic, required[i]) == 0)
                found = true;
        if (!found)
            fail_msg("mnemonic %s missing from insn.def", required[i]);
    }
    assert_int_equal(INSN__COUNT - 1, sizeof required / sizeof required[0]);
}

/* Two rows overlap iff some word satisfies both: their match values agree
 * on every bit both masks care about. */
static void test_no_overlap(void **state)
{
    (void)state;
    for (unsigned a = 1; a < INSN__COUNT; a++) {
        assert_int_equal(insn_table[a].match & ~insn_table[a].mask, 0);
        for (unsigned b = a + 1; b < INSN__COUNT; b++) {
            uint32_t common = insn_table[a].mask & insn_table[b].mask;
            if (((insn_table[a].match ^ insn_table[b].match) & common) == 0)
                fail_msg("rows %s and %s overlap", insn_table[a].mnemonic,
                         insn_table[b].mnemonic);
        }
    }
}

static void test_rows_decode_to_themselves(void **state)
{
    uint32_t seed = 12345;
    (void)state;
    for (unsigned op = 1; op < INSN__COUNT; op++) {
        for (int k = 0; k < 64; k++) {
            struct insn in;
            seed = seed * 1103515245u + 12345u;
            uint32_t w = insn_table[op].match | (seed & ~insn_table[op].mask);
            insn_decode(w, &in);
            if (in.op != op)
                fail_msg("0x%08x should decode as %s, got %s", w, insn_table[op].mnemonic,
                         insn_name(in.op));
            assert_int_equal(in.raw, w);
        }
    }
}

struct expect {
    uint32_t word;
    unsigned op;
    int rd, rs1, rs2;
    int32_t imm;
    int csr;
};

/* Words from riscv64-unknown-elf-as (-march=rv32ima_zicsr_zifencei). */
static const struct expect cases[] = {
    { 0x01010513, INSN_ADDI, 10, 2, -1, 16, -1 },        /* addi a0, sp, 16 */
    { 0x80010513, INSN_ADDI, 10, 2, -1, -2048, -1 },     /* addi a0, sp, -2048 */
    { 0x00812503, INSN_LW, 10, 2, -1, 8, -1 },           /* lw a0, 8(sp) */
    { 0xfea12e23, INSN_SW, -1, 2, 10, -4, -1 },          /* sw a0, -4(sp) */
    { 0x12345537, INSN_LUI, 10, -1, -1, 0x12345000, -1 },
    { 0xfffff297, INSN_AUIPC, 5, -1, -1, (int32_t)0xfffff000, -1 },
    { 0x01f59513, INSN_SLLI, 10, 11, -1, 31, -1 },
    { 0x4035d513, INSN_SRAI, 10, 11, -1, 3, -1 },
    { 0x41c48433, INSN_SUB, 8, 9, 28, 0, -1 },
    { 0x03df7fb3, INSN_REMU, 31, 30, 29, 0, -1 },
    { 0x00b50463, INSN_BEQ, -1, 10, 11, 8, -1 },         /* beq a0, a1, .+8 */
    { 0x80b51063, INSN_BNE, -1, 10, 11, -4096, -1 },     /* bne a0, a1, .-4096 */
    { 0x7e62ffe3, INSN_BGEU, -1, 5, 6, 4094, -1 },
    { 0x001000ef, INSN_JAL, 1, -1, -1, 2048, -1 },       /* jal ra, .+2048 */
    { 0x8000006f, INSN_JAL, 0, -1, -1, -1048576, -1 },
    { 0x30029073, INSN_CSRRW, 0, 5, -1, 0, 0x300 },     /* csrrw zero, mstatus, t0 */
    { 0x10045073, INSN_CSRRWI, 0, 8, -1, 8, 0x100 },    /* csrrwi zero, sstatus, 8 */
    { 0x1005a52f, INSN_LR_W, 10, 11, -1, 0, -1 },
    { 0x1ec5a52f, INSN_SC_W, 10, 11, 12, 0, -1 },       /* sc.w.aqrl */
    { 0xe0c5a52f, INSN_AMOMAXU_W, 10, 11, 12, 0, -1 },
    { 0x0ff0000f, INSN_FENCE, -1, -1, -1, 0xff, -1 },
    { 0x0000100f, INSN_FENCE_I, -1, -1, -1, 0, -1 },
    { 0x00000073, INSN_ECALL, -1, -1, -1, 0, -1 },
    { 0x00100073, INSN_EBREAK, -1, -1, -1, 0, -1 },
    { 0x30200073, INSN_MRET, -1, -1, -1, 0, -1 },
    { 0x10200073, INSN_SRET, -1, -1, -1, 0, -1 },
    { 0x10500073, INSN_WFI, -1, -1, -1, 0, -1 },
    { 0x12b50073, INSN_SFENCE_VMA, -1, 10, 11, 0, -1 },
};

static void test_fields(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const struct expect *c = &cases[i];
        struct insn in;
        insn_decode(c->word, &in);
        if (in.op != c->op)
            fail_msg("0x%08x: op %s, want %s", c->word, insn_name(in.op), insn_name(c->op));
        if (c->rd >= 0)
            assert_int_equal(in.rd, c->rd);
        if (c->rs1 >= 0)
            assert_int_equal(in.rs1, c->rs1);
        if (c->rs2 >= 0)
            assert_int_equal(in.rs2, c->rs2);
        if (in.op != INSN_SC_W && in.op != INSN_AMOMAXU_W && in.op != INSN_LR_W)
            assert_int_equal(in.imm, c->imm);
        if (c->csr >= 0)
            assert_int_equal(in.csr, c->csr);
    }
}

static void test_illegal(void **state)
{
    static const uint32_t bad[] = {
        0x00000000,   /* all zeros: defined illegal (unpriv §2.2 note) */
        0xffffffff,
        0x02059513,   /* slli with shamt[5] = 1: reserved on RV32 */
        0x1015a52f,   /* lr.w with rs2 != 0 */
        0x00200073,   /* uret (N extension, not implemented) */
        0x7b200073,   /* dret */
        0x0000202f & ~0x7fu,   /* opcode 0 */
        0x00003003,   /* ld: RV64 only */
    };
    (void)state;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct insn in;
        insn_decode(bad[i], &in);
        if (in.op != INSN_ILLEGAL)
            fail_msg("0x%08x decoded as %s", bad[i], insn_name(in.op));
    }
    assert_string_equal(insn_name(INSN_ILLEGAL), "illegal");
    assert_string_equal(insn_name(9999), "illegal");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_mnemonic_present),
        cmocka_unit_test(test_no_overlap),
        cmocka_unit_test(test_rows_decode_to_themselves),
        cmocka_unit_test(test_fields),
        cmocka_unit_test(test_illegal),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
