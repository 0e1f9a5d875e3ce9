/*
 * test_disasm.c — the disassembler (isa/disasm.c) on words produced by the
 * GNU assembler, including CSR names, ABI register names, branch targets
 * relative to pc, AMO ordering suffixes and illegal words.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "../../isa/csr.h"
#include "../../isa/disasm.h"

struct example {
    uint32_t word;
    const char *text;
};

#define PC 0x80000000u

static const struct example examples[] = {
    { 0x01010513, "addi a0, sp, 16" },
    { 0x80010513, "addi a0, sp, -2048" },
    { 0x00812503, "lw a0, 8(sp)" },
    { 0xfea12e23, "sw a0, -4(sp)" },
    { 0x12345537, "lui a0, 0x12345" },
    { 0xfffff297, "auipc t0, 0xfffff" },
    { 0x01f59513, "slli a0, a1, 31" },
    { 0x41c48433, "sub s0, s1, t3" },
    { 0x02c5a533, "mulhsu a0, a1, a2" },
    { 0x03df7fb3, "remu t6, t5, t4" },
    { 0x30029073, "csrrw zero, mstatus, t0" },
    { 0x34202573, "csrrs a0, mcause, zero" },
    { 0x10045073, "csrrwi zero, sstatus, 8" },
    { 0x7c0ff5f3, "csrrci a1, 0x7c0, 31" },
    { 0x1005a52f, "lr.w a0, (a1)" },
    { 0x1ec5a52f, "sc.w.aqrl a0, a2, (a1)" },
    { 0x04c5a52f, "amoadd.w.aq a0, a2, (a1)" },
    { 0xe0c5a52f, "amomaxu.w a0, a2, (a1)" },
    { 0x0ff0000f, "fence iorw, iorw" },
    { 0x0000100f, "fence.i" },
    { 0x00000073, "ecall" },
    { 0x00100073, "ebreak" },
    { 0x30200073, "mret" },
    { 0x10200073, "sret" },
    { 0x10500073, "wfi" },
    { 0x12b50073, "sfence.vma a0, a1" },
    { 0x00b50463, "beq a0, a1, 0x80000008" },
    { 0x80b51063, "bne a0, a1, 0x7ffff000" },
    { 0x001000ef, "jal ra, 0x80000800" },
    { 0x00008067, "jalr zero, 0(ra)" },
    { 0x00000000, "illegal 0x00000000" },
};

static void test_examples(void **state)
{
    char buf[64];
    (void)state;
    for (size_t i = 0; i < sizeof examples / sizeof examples[0]; i++) {
        disasm_word(examples[i].word, PC, buf, sizeof buf);
        if (strcmp(buf, examples[i].text) != 0)
            fail_msg("0x%08x: got \"%s\", want \"%s\"", examples[i].word, buf, examples[i].text);
    }
}

static void test_truncation_reports_length(void **state)
{
    char small[8];
    (void)state;
    int n = disasm_word(0x30029073, PC, small, sizeof small);
    assert_int_equal(n, (int)strlen("csrrw zero, mstatus, t0"));
    assert_int_equal(strlen(small), sizeof small - 1);
}

static void test_register_and_csr_names(void **state)
{
    (void)state;
    assert_string_equal(reg_abi_name(0), "zero");
    assert_string_equal(reg_abi_name(2), "sp");
    assert_string_equal(reg_abi_name(31), "t6");
    assert_string_equal(reg_abi_name(32), "?");
    assert_string_equal(csr_name(CSR_SATP), "satp");
    assert_int_equal(csr_lookup("mhartid"), CSR_MHARTID);
    assert_int_equal(csr_lookup("nonsense"), -1);
    assert_null(csr_name(0x7c0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_examples),
        cmocka_unit_test(test_truncation_reports_length),
        cmocka_unit_test(test_register_and_csr_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
