/*
 * test_csr.c — CSR access rules and values (machine/csr.c, isa/csr.def).
 *
 * Covers: the table agrees with the privilege/read-only bits encoded in
 * each CSR number; misa and the machine information registers; WARL masks;
 * sstatus as a view of mstatus; sie/sip as views of mie/mip through mideleg;
 * illegal instruction (with the instruction bits in mtval) for unimplemented
 * CSRs, insufficient privilege, writes to read-only CSRs, TVM, the counter
 * enables, WFI/TW, SRET/TSR; counter writes replacing the increment.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "rvprog.h"

static void test_table_matches_numbers(void **state)
{
    (void)state;
    for (unsigned i = 0; i < csr_count(); i++) {
        const struct csr_info *ci = csr_at(i);
        if (ci->priv != csr_number_priv(ci->number))
            fail_msg("%s: privilege column disagrees with the number", ci->name);
        if (ci->read_only != csr_number_read_only(ci->number))
            fail_msg("%s: read-only column disagrees with the number", ci->name);
        if (ci->read_only && ci->wmask)
            fail_msg("%s: read-only but has a writable mask", ci->name);
        if (i > 0)
            assert_true(csr_at(i - 1)->number < ci->number);
        assert_ptr_equal(csr_info(ci->number), ci);
    }
    assert_null(csr_info(0x7c0));
}

static struct machine *run_m(struct prog *p)
{
    struct machine *m = tm_new(100000);
    assert_non_null(m);
    prog_load(m, p);
    machine_set_pc(m, p->base);
    assert_int_equal(tm_run(m), MACHINE_EXITED);
    return m;
}

static void test_machine_info(void **state)
{
    struct machine *m = tm_new(0);
    (void)state;
    uint32_t misa = tm_csr(m, CSR_MISA);
    assert_int_equal(misa >> 30, 1);    /* MXL = 32 */
    assert_int_equal(misa & 0x03ffffffu,
                     MISA_EXT('I') | MISA_EXT('M') | MISA_EXT('A') | MISA_EXT('S') | MISA_EXT('U'));
    assert_int_equal(tm_csr(m, CSR_MHARTID), 0);
    assert_int_equal(tm_csr(m, CSR_MVENDORID), 0);
    assert_int_equal(tm_csr(m, CSR_MCONFIGPTR), 0);
    assert_int_equal(tm_csr(m, CSR_MSTATUS), 0);
    assert_int_equal(machine_priv(m), PRIV_M);
    uint32_t v;
    assert_int_equal(machine_csr_peek(m, 0x7c0, &v), -1);
    machine_destroy(m);
}

struct warl {
    unsigned csr;
    uint32_t want;   /* value read back after writing all ones */
};

static void test_warl_masks(void **state)
{
    static const struct warl rows[] = {
        { CSR_MTVEC, 0xfffffffdu },  { CSR_STVEC, 0xfffffffdu },
        { CSR_MEPC, 0xfffffffcu },   { CSR_SEPC, 0xfffffffcu },
        { CSR_MEDELEG, 0x0000b3ffu },{ CSR_MIDELEG, MIP_S_MASK },
        { CSR_MIE, MIP_ALL },        { CSR_MIP, MIP_S_MASK },
        { CSR_SATP, 0xffffffffu },   { CSR_MCOUNTEREN, 0xffffffffu },
        { CSR_MSCRATCH, 0xffffffffu },{ CSR_MENVCFG, 0 },
        { CSR_MHPMCOUNTER3, 0 },     { CSR_MCOUNTINHIBIT, 0 },
        { CSR_PMPCFG0, 0 },          /* locked below: all ones sets L, keep it last */
    };
    struct prog p;
    (void)state;
    prog_init_m(&p);
    for (size_t i = 0; i + 1 < sizeof rows / sizeof rows[0]; i++)
        if (rows[i].csr != CSR_MTVEC)
            P_csrw(&p, rows[i].csr, 0xffffffffu);
    P_csrw(&p, CSR_MISA, 0);
    P_csrw(&p, CSR_MSTATUS, ~MSTATUS_MIE);
    P_jump(&p, TP_HANDLER);         /* no trap: mepc and mstatus stay as written */
    struct machine *m = run_m(&p);
    assert_int_equal(tm_csr(m, CSR_MCAUSE), 0);
    for (size_t i = 0; i + 1 < sizeof rows / sizeof rows[0]; i++) {
        uint32_t want = rows[i].csr == CSR_MTVEC ? TP_HANDLER : rows[i].want;
        if (tm_csr(m, rows[i].csr) != want)
            fail_msg("%s reads 0x%08x, want 0x%08x", csr_name(rows[i].csr),
                     tm_csr(m, rows[i].csr), want);
    }
    assert_int_equal(tm_csr(m, CSR_MISA) >> 30, 1);      /* misa ignores writes */
    uint32_t want_mstatus = MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_MPIE | MSTATUS_SPP |
                            MSTATUS_MPP | MSTATUS_MPRV | MSTATUS_SUM | MSTATUS_MXR |
                            MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR;
    assert_int_equal(tm_csr(m, CSR_MSTATUS), want_mstatus);
    assert_int_equal(tm_csr(m, CSR_SSTATUS), want_mstatus & SSTATUS_MASK);
    machine_destroy(m);
}

/* MPP is WARL: the reserved value 2 is not stored. */
static void test_mpp_warl(void **state)
{
    struct prog p;
    (void)state;
    prog_init_m(&p);
    P_csrw(&p, CSR_MSTATUS, 1u << MSTATUS_MPP_SHIFT);        /* S */
    P_csrw(&p, CSR_MSTATUS, 2u << MSTATUS_MPP_SHIFT);        /* reserved */
    E(&p, rv_csrrs(A0, CSR_MSTATUS, ZERO));
    E(&p, RV_ECALL);
    struct machine *m = run_m(&p);
    assert_int_equal(machine_reg(m, A0), 1u << MSTATUS_MPP_SHIFT);
    machine_destroy(m);
}

static void test_sstatus_is_a_view(void **state)
{
    struct prog p;
    (void)state;
    prog_init_m(&p);
    P_csrw(&p, CSR_MSTATUS, MSTATUS_SIE | MSTATUS_SUM | MSTATUS_TVM | MSTATUS_MPRV | MSTATUS_MPP);
    E(&p, rv_csrrs(A0, CSR_SSTATUS, ZERO));
    P_csrw(&p, CSR_SSTATUS, MSTATUS_MXR | MSTATUS_TSR | MSTATUS_MPRV);   /* TSR/MPRV not visible */
    E(&p, rv_csrrs(A1, CSR_MSTATUS, ZERO));
    E(&p, RV_ECALL);
    struct machine *m = run_m(&p);
    assert_int_equal(machine_reg(m, A0), MSTATUS_SIE | MSTATUS_SUM);
    assert_int_equal(machine_reg(m, A1), MSTATUS_MXR | MSTATUS_TVM | MSTATUS_MPRV | MSTATUS_MPP);
    machine_destroy(m);
}

static void test_sie_sip_views(void **state)
{
    struct prog p;
    (void)state;
    prog_init_m(&p);
    P_csrw(&p, CSR_SIE, 0xffffffffu);          /* nothing delegated: no effect */
    E(&p, rv_csrrs(A0, CSR_MIE, ZERO));
    P_csrw(&p, CSR_MIDELEG, MIP_STIP | MIP_SSIP);
    P_csrw(&p, CSR_SIE, 0xffffffffu);
    E(&p, rv_csrrs(A1, CSR_MIE, ZERO));
    P_csrw(&p, CSR_MIP, MIP_STIP | MIP_SEIP);  /* M may write STIP/SEIP */
    E(&p, rv_csrrs(A2, CSR_SIP, ZERO));        /* SEIP not delegated: hidden */
    P_csrw(&p, CSR_SIP, MIP_SSIP | MIP_STIP);  /* only SSIP writable through sip */
    E(&p, rv_csrrs(A3, CSR_MIP, ZERO));
    E(&p, RV_ECALL);
    struct machine *m = run_m(&p);
    assert_int_equal(machine_reg(m, A0), 0);
    assert_int_equal(machine_reg(m, A1), MIP_STIP | MIP_SSIP);
    assert_int_equal(machine_reg(m, A2), MIP_STIP);
    assert_int_equal(machine_reg(m, A3), MIP_STIP | MIP_SEIP | MIP_SSIP);
    machine_destroy(m);
}

/* Run `insn` at privilege `priv` (with the given mstatus bits and counter
 * enables), followed by an ecall. Returns mcause; checks mtval on illegal. */
static uint32_t try_at(unsigned priv, uint32_t mstatus_bits, uint32_t mcounteren,
                       uint32_t scounteren, uint32_t insn)
{
    struct prog p;
    prog_init(&p, TP_CODE);
    P_csrw(&p, CSR_MCOUNTEREN, mcounteren);
    P_csrw(&p, CSR_SCOUNTEREN, scounteren);
    P_li(&p, T0, mstatus_bits);
    E(&p, rv_csrrs(ZERO, CSR_MSTATUS, T0));
    P_enter(&p, priv, TP_LOWER);
    struct machine *m = tm_new(100000);
    prog_load(m, &p);
    assert_int_equal(tm_run_insn_lower(m, 0, insn), MACHINE_EXITED);
    uint32_t cause = tm_csr(m, CSR_MCAUSE);
    if (cause == CAUSE_ILLEGAL_INSTRUCTION) {
        assert_int_equal(tm_csr(m, CSR_MTVAL), insn);
        assert_int_equal(tm_csr(m, CSR_MEPC), TP_LOWER + 8);
    }
    machine_destroy(m);
    return cause;
}

#define ILLEGAL CAUSE_ILLEGAL_INSTRUCTION
#define OK_U CAUSE_USER_ECALL
#define OK_S CAUSE_SUPERVISOR_ECALL
#define OK_M CAUSE_MACHINE_ECALL

static void test_access_rules(void **state)
{
    (void)state;
    /* unimplemented, read-only, write attempts */
    assert_int_equal(try_at(PRV_M, 0, 0, 0, rv_csrrs(A0, 0x7c0, ZERO)), ILLEGAL);
    assert_int_equal(try_at(PRV_M, 0, 0, 0, rv_csrrw(ZERO, CSR_MHARTID, T0)), ILLEGAL);
    assert_int_equal(try_at(PRV_M, 0, 0, 0, rv_csrrs(A0, CSR_MHARTID, ZERO)), OK_M);
    assert_int_equal(try_at(PRV_M, 0, 0, 0, rv_csrrs(A0, CSR_CYCLE, ZERO)), OK_M);
    /* csrrs with rs1 != x0 is a write attempt even if the value is 0 */
    assert_int_equal(try_at(PRV_M, 0, 0, 0, rv_csrrs(A0, CSR_CYCLE, T0)), ILLEGAL);
    /* privilege */
    assert_int_equal(try_at(PRV_U, 0, 0, 0, rv_csrrs(A0, CSR_MSTATUS, ZERO)), ILLEGAL);
    assert_int_equal(try_at(PRV_U, 0, 0, 0, rv_csrrs(A0, CSR_SSTATUS, ZERO)), ILLEGAL);
    assert_int_equal(try_at(PRV_S, 0, 0, 0, rv_csrrs(A0, CSR_MSTATUS, ZERO)), ILLEGAL);
    assert_int_equal(try_at(PRV_S, 0, 0, 0, rv_csrrs(A0, CSR_SSTATUS, ZERO)), OK_S);
    /* TVM */
    assert_int_equal(try_at(PRV_S, 0, 0, 0, rv_csrrs(A0, CSR_SATP, ZERO)), OK_S);
    assert_int_equal(try_at(PRV_S, MSTATUS_TVM, 0, 0, rv_csrrs(A0, CSR_SATP, ZERO)), ILLEGAL);
    assert_int_equal(try_at(PRV_S, MSTATUS_TVM, 0, 0, rv_sfence(ZERO, ZERO)), ILLEGAL);
    assert_int_equal(try_at(PRV_S, 0, 0, 0, rv_sfence(ZERO, ZERO)), OK_S);
    assert_int_equal(try_at(PRV_U, 0, 0, 0, rv_sfence(ZERO, ZERO)), ILLEGAL);
    /* counter enables (cycle = bit 0, time = bit 1, instret = bit 2; ...h too) */
    assert_int_equal(try_at(PRV_U, 0, 0, ~0u, rv_csrrs(A0, CSR_CYCLE, ZERO)), ILLEGAL);
    assert_int_equal(try_at(PRV_U, 0, ~0u, 0, rv_csrrs(A0, CSR_CYCLE, ZERO)), ILLEGAL);
    assert_int_equal(try_at(PRV_U, 0, ~0u, ~0u, rv_csrrs(A0, CSR_CYCLE, ZERO)), OK_U);
    assert_int_equal(try_at(PRV_S, 0, COUNTEREN_TM, 0, rv_csrrs(A0, CSR_TIMEH, ZERO)), OK_S);
    assert_int_equal(try_at(PRV_S, 0, COUNTEREN_TM, 0, rv_csrrs(A0, CSR_INSTRETH, ZERO)), ILLEGAL);
    assert_int_equal(try_at(PRV_U, 0, COUNTEREN_IR, COUNTEREN_IR, rv_csrrs(A0, CSR_INSTRET, ZERO)), OK_U);
    /* WFI: always illegal in U; in S only with TW */
    assert_int_equal(try_at(PRV_U, 0, 0, 0, RV_WFI), ILLEGAL);
    assert_int_equal(try_at(PRV_S, MSTATUS_TW, 0, 0, RV_WFI), ILLEGAL);
    /* xRET */
    assert_int_equal(try_at(PRV_U, 0, 0, 0, RV_SRET), ILLEGAL);
    assert_int_equal(try_at(PRV_S, MSTATUS_TSR, 0, 0, RV_SRET), ILLEGAL);
    assert_int_equal(try_at(PRV_S, 0, 0, 0, RV_MRET), ILLEGAL);
}

/* zicsr: a CSR instruction that writes a counter sees its write instead of
 * its own increment; reads see the value before the instruction. */
static void test_counter_writes(void **state)
{
    struct prog p;
    (void)state;
    prog_init_m(&p);
    P_li(&p, T0, 100);
    E(&p, rv_csrrw(ZERO, CSR_MINSTRET, T0));
    E(&p, rv_csrrs(A0, CSR_MINSTRET, ZERO));
    P_li(&p, T0, 1000);
    E(&p, rv_csrrw(ZERO, CSR_MCYCLE, T0));
    E(&p, rv_csrrs(A1, CSR_MCYCLE, ZERO));
    P_li(&p, T0, 5);
    E(&p, rv_csrrw(ZERO, CSR_MINSTRETH, T0));
    E(&p, rv_csrrs(A2, CSR_MINSTRETH, ZERO));
    E(&p, rv_csrrs(A3, CSR_INSTRET, ZERO));
    E(&p, rv_csrrs(A4, CSR_INSTRET, ZERO));
    E(&p, RV_ECALL);
    struct machine *m = run_m(&p);
    assert_int_equal(machine_reg(m, A0), 100);
    assert_int_equal(machine_reg(m, A1), 1000);
    assert_int_equal(machine_reg(m, A2), 5);
    assert_int_equal(machine_reg(m, A4), machine_reg(m, A3) + 1);
    /* the machine's own counters are not disturbed by software writes */
    struct machine_counters c;
    machine_get_counters(m, &c);
    assert_true(c.instret < 100);
    machine_destroy(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_table_matches_numbers),
        cmocka_unit_test(test_machine_info),
        cmocka_unit_test(test_warl_masks),
        cmocka_unit_test(test_mpp_warl),
        cmocka_unit_test(test_sstatus_is_a_view),
        cmocka_unit_test(test_sie_sip_views),
        cmocka_unit_test(test_access_rules),
        cmocka_unit_test(test_counter_writes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
