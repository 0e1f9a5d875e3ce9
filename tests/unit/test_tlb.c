/*
 * test_tlb.c — the modelled TLB (machine/tlb.c) and what it costs.
 *
 * An S-mode body marks checkpoints with ecall; the M-mode handler skips
 * them (mepc += 4) and a listener snapshots the counters at each one, so
 * the test sees exactly how many hits, misses and flushes each stretch of
 * code caused. The model: a fetch consults the TLB when execution enters a
 * page, a load/store on every access; a miss walks the table and costs
 * tlb_miss + page_walk_level per level read.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../machine/cost.h"
#include "rvprog.h"

#define SKIP_HANDLER (TP_CODE + 0x600)
#define ROOT_B 0x80012000u
#define L0_B   0x80013000u
#define VALUE_A 0xaaaa0001u
#define VALUE_B 0xbbbb0002u
#define MAX_CP 16
#define MAX_INSTRUCTIONS 100000

struct cps {
    struct machine *m;
    unsigned n;
    struct machine_counters c[MAX_CP];
};

static void on_event(void *ctx, const struct machine_event *ev)
{
    struct cps *k = ctx;
    if (ev->kind == EV_TRAP && ev->cause == CAUSE_SUPERVISOR_ECALL && k->n < MAX_CP)
        machine_get_counters(k->m, &k->c[k->n++]);
}

/* M handler: ebreak ends the run, anything else resumes after the trap. */
static void load_skip_handler(struct machine *m)
{
    struct prog h;
    prog_init(&h, SKIP_HANDLER);
    E(&h, rv_csrrs(T6, CSR_MCAUSE, ZERO));
    E(&h, rv_addi(T5, ZERO, CAUSE_BREAKPOINT));
    E(&h, rv_bne(T6, T5, 16));
    P_jump(&h, TP_HANDLER);              /* 3 words: exit */
    E(&h, rv_csrrs(T6, CSR_MEPC, ZERO));
    E(&h, rv_addi(T6, T6, 4));
    E(&h, rv_csrrw(ZERO, CSR_MEPC, T6));
    E(&h, RV_MRET);
    prog_load(m, &h);
}

/* A machine with the handlers loaded, Sv32 tables at PT_ROOT (VA_TEST ->
 * TP_DATA, which holds VALUE_A; VALUE_B in the page after it) and `k`
 * listening for checkpoints. `prof` NULL = the default cost profile. */
static struct machine *tlb_machine(const struct cost_profile *prof, uint32_t code_flags,
                                   struct cps *k)
{
    struct machine *m = tm_new_profile(prof, MAX_INSTRUCTIONS);
    assert_non_null(m);
    load_skip_handler(m);
    pt_setup(m, PT_ROOT, PT_L0, code_flags);
    pt_map(m, PT_L0, VA_TEST, TP_DATA, PTE_V | PTE_R | PTE_W | PTE_A | PTE_D);
    uint32_t a = VALUE_A, b = VALUE_B;
    machine_write_phys(m, TP_DATA, &a, 4);
    machine_write_phys(m, TP_DATA + PAGE_SIZE, &b, 4);
    memset(k, 0, sizeof *k);
    k->m = m;
    machine_subscribe(m, on_event, k);
    return m;
}

/* The S-mode body starts at TP_LOWER: its first words point T0 at VA_TEST. */
static void body_init(struct prog *b)
{
    prog_init(b, TP_LOWER);
    P_li(b, T0, VA_TEST);
}

static void start_s(struct machine *m, uint32_t satp, struct prog *body)
{
    struct prog p;
    prog_init(&p, TP_CODE);
    P_csrw(&p, CSR_MTVEC, SKIP_HANDLER);
    P_pmp_open(&p);
    P_csrw(&p, CSR_SATP, satp);
    P_csrw(&p, CSR_MEPC, TP_LOWER);
    P_csrw(&p, CSR_MSTATUS, PRV_S << MSTATUS_MPP_SHIFT);
    E(&p, RV_MRET);
    prog_load(m, &p);
    prog_load(m, body);
    machine_set_pc(m, TP_CODE);
    assert_int_equal(tm_run(m), MACHINE_EXITED);
}

#define D(field, i) (k.c[(i) + 1].field - k.c[i].field)

static void hit_miss_body(struct prog *b)
{
    body_init(b);
    E(b, RV_ECALL);                 /* cp0 */
    E(b, rv_lw(A0, T0, 0));         /* miss */
    E(b, RV_ECALL);                 /* cp1 */
    E(b, rv_lw(A1, T0, 0));         /* hit */
    E(b, rv_lw(A2, T0, 4));         /* hit */
    E(b, RV_ECALL);                 /* cp2 */
    E(b, rv_sfence(T0, ZERO));      /* this page, every ASID */
    E(b, rv_lw(A1, T0, 0));         /* miss */
    E(b, RV_ECALL);                 /* cp3 */
    E(b, rv_sfence(ZERO, ZERO));    /* everything, code page included */
    E(b, rv_lw(A1, T0, 0));         /* miss, and the code page misses again */
    E(b, RV_ECALL);                 /* cp4 */
    E(b, RV_EBREAK);
}

static void test_hits_misses_flushes(void **state)
{
    struct cps k;
    struct prog b;
    (void)state;
    struct machine *m = tlb_machine(NULL, 0, &k);
    hit_miss_body(&b);
    start_s(m, satp_of(PT_ROOT, 1), &b);
    assert_int_equal(k.n, 5);
    assert_int_equal(machine_reg(m, A0), VALUE_A);
    /* before cp0: the code megapage was walked once (1 level) */
    assert_int_equal(k.c[0].tlb_misses, 1);
    /* cp0 -> cp1: re-entering the code page hits, the load misses */
    assert_int_equal(D(tlb_misses, 0), 1);
    assert_int_equal(D(tlb_hits, 0), 1);
    assert_int_equal(D(page_walks, 0), 1);
    /* cp1 -> cp2: code re-entry + two loads, all hits */
    assert_int_equal(D(tlb_misses, 1), 0);
    assert_int_equal(D(tlb_hits, 1), 3);
    /* cp2 -> cp3: one page flushed */
    assert_int_equal(D(tlb_flushes, 2), 1);
    assert_int_equal(D(tlb_misses, 2), 1);
    /* cp3 -> cp4: everything flushed: code and data miss */
    assert_int_equal(D(tlb_flushes, 3), 1);
    assert_int_equal(D(tlb_misses, 3), 2);
    machine_destroy(m);
}

/* A miss costs tlb_miss + page_walk_level per level read: changing those
 * two profile numbers changes the total by exactly misses and levels. */
static void test_miss_cost(void **state)
{
    struct cost_profile base, dear;
    struct cps k;
    struct prog b;
    struct machine_counters c0, c1;
    (void)state;
    cost_profile_default(&base);
    dear = base;
    dear.tlb_miss += 100;
    dear.page_walk_level += 1000;
    struct machine *m = tlb_machine(&base, 0, &k);
    hit_miss_body(&b);
    start_s(m, satp_of(PT_ROOT, 1), &b);
    machine_get_counters(m, &c0);
    machine_destroy(m);
    m = tlb_machine(&dear, 0, &k);
    start_s(m, satp_of(PT_ROOT, 1), &b);
    machine_get_counters(m, &c1);
    machine_destroy(m);
    /* misses: code x2 (1 level each, megapage), data x3 (2 levels each) */
    assert_int_equal(c0.tlb_misses, 5);
    assert_int_equal(c1.cycles - c0.cycles, 5 * 100 + (2 * 1 + 3 * 2) * 1000);
    assert_int_equal(c1.instret, c0.instret);
}

/* Entries are tagged with the ASID: switching satp back and forth between
 * two address spaces needs no flush and hits. */
static void test_asid(void **state)
{
    struct cps k;
    struct prog b;
    (void)state;
    struct machine *m = tlb_machine(NULL, 0, &k);
    pt_setup(m, ROOT_B, L0_B, 0);
    pt_map(m, L0_B, VA_TEST, TP_DATA + PAGE_SIZE, PTE_V | PTE_R | PTE_A | PTE_D);
    body_init(&b);
    P_li(&b, T1, satp_of(ROOT_B, 2));
    P_li(&b, T2, satp_of(PT_ROOT, 1));
    E(&b, rv_lw(A0, T0, 0));                    /* space 1 */
    E(&b, rv_csrrw(ZERO, CSR_SATP, T1));
    E(&b, rv_lw(A1, T0, 0));                    /* space 2: same VA, other page */
    E(&b, rv_csrrw(ZERO, CSR_SATP, T2));
    E(&b, RV_ECALL);                            /* cp0 */
    E(&b, rv_lw(A2, T0, 0));                    /* space 1 again: still cached */
    E(&b, RV_ECALL);                            /* cp1 */
    E(&b, RV_EBREAK);
    start_s(m, satp_of(PT_ROOT, 1), &b);
    assert_int_equal(machine_reg(m, A0), VALUE_A);
    assert_int_equal(machine_reg(m, A1), VALUE_B);
    assert_int_equal(machine_reg(m, A2), VALUE_A);
    assert_int_equal(k.n, 2);
    assert_int_equal(D(tlb_misses, 0), 0);
    assert_int_equal(D(tlb_flushes, 0), 0);
    machine_destroy(m);
}

/* SFENCE.VMA with an ASID keeps global entries (the code megapage here). */
static void test_global_survives_asid_flush(void **state)
{
    struct cps k;
    struct prog b;
    (void)state;
    struct machine *m = tlb_machine(NULL, PTE_G, &k);
    body_init(&b);
    P_li(&b, T1, 1);
    E(&b, rv_lw(A0, T0, 0));
    E(&b, RV_ECALL);                            /* cp0 */
    E(&b, rv_sfence(ZERO, T1));                 /* ASID 1, all addresses */
    E(&b, rv_lw(A0, T0, 0));
    E(&b, RV_ECALL);                            /* cp1 */
    E(&b, RV_EBREAK);
    start_s(m, satp_of(PT_ROOT, 1), &b);
    assert_int_equal(k.n, 2);
    assert_int_equal(D(tlb_misses, 0), 1);      /* data only; code kept */
    assert_int_equal(D(tlb_flushes, 0), 1);
    machine_destroy(m);
}

/* A one-entry TLB thrashes between the code and the data page. */
static void test_capacity(void **state)
{
    struct cost_profile prof;
    struct cps k;
    struct prog b;
    const unsigned loops = 50;
    (void)state;
    cost_profile_default(&prof);
    prof.tlb_entries = 1;
    struct machine *m = tlb_machine(&prof, 0, &k);
    body_init(&b);
    P_li(&b, T1, loops);
    E(&b, rv_lw(A0, T0, 0));                    /* loop: */
    E(&b, rv_addi(T1, T1, -1));
    E(&b, rv_bne(T1, ZERO, -8));
    E(&b, RV_EBREAK);
    start_s(m, satp_of(PT_ROOT, 1), &b);
    struct machine_counters c;
    machine_get_counters(m, &c);
    assert_true(c.tlb_misses >= 2 * loops);
    assert_int_equal(machine_reg(m, A0), VALUE_A);
    machine_destroy(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hits_misses_flushes),
        cmocka_unit_test(test_miss_cost),
        cmocka_unit_test(test_asid),
        cmocka_unit_test(test_global_survives_asid_flush),
        cmocka_unit_test(test_capacity),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
