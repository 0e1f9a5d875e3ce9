/*
 * test_mmu.c — Sv32 translation (machine/mmu.c) and PMP (machine/pmp.c).
 *
 * Page tables are written from the host (rvprog.h); a short S- or U-mode
 * body runs, and the test checks the result or the fault (cause, tval)
 * that reached the M-mode handler. Covers 4 KiB pages and megapages,
 * hardware A/D updates written back to the PTE, permission checks with SUM
 * and MXR, the reserved W-without-R encoding, misaligned megapages, MPRV,
 * PMP (OFF/TOR/NA4/NAPOT, locking, the S/U default deny) and PMP on the
 * page-table walk itself.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "rvprog.h"

#define DATA_VALUE 0xcafebabeu
#define CODE_PAGE  (TP_DATA + PAGE_SIZE)    /* holds an ecall, for fetch tests */

#define NAPOT(base, size) (((base) >> PMP_ADDR_SHIFT) | (((size) >> 3) - 1u))
#define CFG(a, perm) ((uint32_t)(((a) << PMPCFG_A_SHIFT) | (perm)))

enum op { OP_LOAD, OP_STORE, OP_FETCH };

static struct machine *new_mmu_machine(uint32_t code_flags)
{
    struct machine *m = tm_new(100000);
    uint32_t v = DATA_VALUE, ecall = RV_ECALL;
    assert_non_null(m);
    pt_setup(m, PT_ROOT, PT_L0, code_flags);
    machine_write_phys(m, TP_DATA, &v, 4);
    machine_write_phys(m, CODE_PAGE, &ecall, 4);
    return m;
}

/* Access VA_TEST (mapped with `flags` to TP_DATA, or CODE_PAGE for fetch)
 * from `priv` with extra mstatus bits; returns mcause. */
static uint32_t access_case(unsigned priv, uint32_t flags, uint32_t mstatus_bits, enum op op,
                            uint32_t *a0)
{
    struct machine *m = new_mmu_machine(priv == PRV_U ? PTE_U : 0);
    struct prog b;
    pt_map(m, PT_L0, VA_TEST, op == OP_FETCH ? CODE_PAGE : TP_DATA, flags);
    prog_init(&b, TP_LOWER);
    P_li(&b, T0, VA_TEST);
    P_li(&b, T1, 0x11223344u);
    if (op == OP_LOAD)
        E(&b, rv_lw(A0, T0, 0));
    else if (op == OP_STORE)
        E(&b, rv_sw(T1, T0, 0));
    else
        E(&b, rv_jalr(RA, T0, 0));
    E(&b, RV_ECALL);
    load_lower(m, priv, satp_of(PT_ROOT, 1), mstatus_bits, &b);
    assert_int_equal(tm_run(m), MACHINE_EXITED);
    uint32_t cause = tm_csr(m, CSR_MCAUSE);
    if (cause == CAUSE_LOAD_PAGE_FAULT || cause == CAUSE_STORE_PAGE_FAULT ||
        cause == CAUSE_FETCH_PAGE_FAULT)
        assert_int_equal(tm_csr(m, CSR_MTVAL), VA_TEST);
    if (a0)
        *a0 = machine_reg(m, A0);
    machine_destroy(m);
    return cause;
}

#define V_R   (PTE_V | PTE_R | PTE_A | PTE_D)
#define V_RW  (PTE_V | PTE_R | PTE_W | PTE_A | PTE_D)
#define V_X   (PTE_V | PTE_X | PTE_A | PTE_D)
#define ECALL_S CAUSE_SUPERVISOR_ECALL
#define ECALL_U CAUSE_USER_ECALL

static void test_permissions(void **state)
{
    uint32_t a0 = 0;
    (void)state;
    assert_int_equal(access_case(PRV_S, V_R, 0, OP_LOAD, &a0), ECALL_S);
    assert_int_equal(a0, DATA_VALUE);
    assert_int_equal(access_case(PRV_S, V_R, 0, OP_STORE, NULL), CAUSE_STORE_PAGE_FAULT);
    assert_int_equal(access_case(PRV_S, V_RW, 0, OP_STORE, NULL), ECALL_S);
    assert_int_equal(access_case(PRV_S, V_R, 0, OP_FETCH, NULL), CAUSE_FETCH_PAGE_FAULT);
    assert_int_equal(access_case(PRV_S, V_X, 0, OP_FETCH, NULL), ECALL_S);
    /* invalid, and the reserved W-without-R encoding */
    assert_int_equal(access_case(PRV_S, V_RW & ~PTE_V, 0, OP_LOAD, NULL), CAUSE_LOAD_PAGE_FAULT);
    assert_int_equal(access_case(PRV_S, PTE_V | PTE_W | PTE_A | PTE_D, 0, OP_LOAD, NULL),
                     CAUSE_LOAD_PAGE_FAULT);
    /* SUM: S touches U pages only with SUM = 1, and never executes them */
    assert_int_equal(access_case(PRV_S, V_R | PTE_U, 0, OP_LOAD, NULL), CAUSE_LOAD_PAGE_FAULT);
    assert_int_equal(access_case(PRV_S, V_R | PTE_U, MSTATUS_SUM, OP_LOAD, NULL), ECALL_S);
    assert_int_equal(access_case(PRV_S, V_X | PTE_U, MSTATUS_SUM, OP_FETCH, NULL),
                     CAUSE_FETCH_PAGE_FAULT);
    /* U needs PTE.U */
    assert_int_equal(access_case(PRV_U, V_R, 0, OP_LOAD, NULL), CAUSE_LOAD_PAGE_FAULT);
    assert_int_equal(access_case(PRV_U, V_R | PTE_U, 0, OP_LOAD, &a0), ECALL_U);
    assert_int_equal(a0, DATA_VALUE);
    /* MXR: loads from execute-only pages */
    assert_int_equal(access_case(PRV_S, V_X, 0, OP_LOAD, NULL), CAUSE_LOAD_PAGE_FAULT);
    assert_int_equal(access_case(PRV_S, V_X, MSTATUS_MXR, OP_LOAD, &a0), ECALL_S);
    assert_int_equal(a0, DATA_VALUE);
}

/* A is set on access and D on a store, in the PTE in memory. */
static void test_accessed_dirty(void **state)
{
    (void)state;
    for (int store = 0; store <= 1; store++) {
        struct machine *m = new_mmu_machine(0);
        pt_map(m, PT_L0, VA_TEST, TP_DATA, PTE_V | PTE_R | PTE_W);
        load_lower_prologue(m, PRV_S, satp_of(PT_ROOT, 0), 0);
        assert_int_equal(tm_run_insn_lower(m, VA_TEST, store ? rv_sw(T0, T0, 0) : rv_lw(A0, T0, 0)),
                         MACHINE_EXITED);
        assert_int_equal(tm_csr(m, CSR_MCAUSE), ECALL_S);
        uint32_t pte = pt_read(m, PT_L0 + ((VA_TEST >> PAGE_SHIFT) & SV32_VPN_MASK) * 4u);
        assert_true(pte & PTE_A);
        assert_int_equal((pte & PTE_D) != 0, store);
        if (store)
            assert_int_equal(pt_read(m, TP_DATA), VA_TEST);
        machine_destroy(m);
    }
}

static void test_megapages(void **state)
{
    (void)state;
    for (int misaligned = 0; misaligned <= 1; misaligned++) {
        struct machine *m = new_mmu_machine(0);
        const uint32_t va = 0x40400000u;   /* second 4 MiB region */
        pt_write(m, PT_ROOT + (va >> 22) * 4u,
                 pte_of(TP_CODE + (misaligned ? PAGE_SIZE : 0), V_R));
        load_lower_prologue(m, PRV_S, satp_of(PT_ROOT, 0), 0);
        assert_int_equal(tm_run_insn_lower(m, va + (TP_DATA - TP_CODE), rv_lw(A0, T0, 0)),
                         MACHINE_EXITED);
        if (misaligned) {
            assert_int_equal(tm_csr(m, CSR_MCAUSE), CAUSE_LOAD_PAGE_FAULT);
            assert_int_equal(tm_csr(m, CSR_MTVAL), va + (TP_DATA - TP_CODE));
        } else {
            assert_int_equal(tm_csr(m, CSR_MCAUSE), ECALL_S);
            assert_int_equal(machine_reg(m, A0), DATA_VALUE);
        }
        machine_destroy(m);
    }
}

/* MPRV: M-mode loads translated as if at MPP. */
static void test_mprv(void **state)
{
    (void)state;
    for (int mpp_s = 0; mpp_s <= 1; mpp_s++) {
        struct machine *m = new_mmu_machine(0);
        struct prog p;
        pt_map(m, PT_L0, VA_TEST, TP_DATA, V_R);
        prog_init_m(&p);
        P_csrw(&p, CSR_PMPADDR0, 0xffffffffu);    /* MPRV accesses are checked as S */
        P_csrw(&p, CSR_PMPCFG0, CFG(PMP_A_NAPOT, 7));
        P_csrw(&p, CSR_SATP, satp_of(PT_ROOT, 0));
        P_csrw(&p, CSR_MSTATUS, MSTATUS_MPRV | ((mpp_s ? PRV_S : PRV_M) << MSTATUS_MPP_SHIFT));
        P_li(&p, T0, VA_TEST);
        E(&p, rv_lw(A0, T0, 0));
        E(&p, RV_ECALL);
        prog_load(m, &p);
        machine_set_pc(m, TP_CODE);
        assert_int_equal(tm_run(m), MACHINE_EXITED);
        if (mpp_s) {
            assert_int_equal(tm_csr(m, CSR_MCAUSE), CAUSE_MACHINE_ECALL);
            assert_int_equal(machine_reg(m, A0), DATA_VALUE);
        } else {
            /* untranslated: nothing lives at 0x40000000 */
            assert_int_equal(tm_csr(m, CSR_MCAUSE), CAUSE_LOAD_ACCESS);
        }
        machine_destroy(m);
    }
}

/* ---- PMP ------------------------------------------------------------------- */


/* S-mode (bare) body after a custom PMP setup; returns mcause. */
static uint32_t pmp_case(const uint32_t addr[4], uint32_t cfg0, uint32_t insn, uint32_t target)
{
    struct machine *m = tm_new(100000);
    struct prog p;
    prog_init_m(&p);
    for (unsigned i = 0; i < 4; i++)
        P_csrw(&p, CSR_PMPADDR0 + i, addr[i]);
    P_csrw(&p, CSR_PMPCFG0, cfg0);
    P_csrw(&p, CSR_MEPC, TP_LOWER);
    P_csrw(&p, CSR_MSTATUS, PRV_S << MSTATUS_MPP_SHIFT);
    E(&p, RV_MRET);
    prog_load(m, &p);
    assert_int_equal(tm_run_insn_lower(m, target, insn), MACHINE_EXITED);
    uint32_t cause = tm_csr(m, CSR_MCAUSE);
    if (cause == CAUSE_LOAD_ACCESS || cause == CAUSE_STORE_ACCESS)
        assert_int_equal(tm_csr(m, CSR_MTVAL), target);
    machine_destroy(m);
    return cause;
}

static void test_pmp(void **state)
{
    (void)state;
    const uint32_t none[4] = { 0, 0, 0, 0 };
    /* no entry at all: S/U may not even fetch */
    assert_int_equal(pmp_case(none, 0, RV_NOP, TP_DATA), CAUSE_FETCH_ACCESS);

    /* entry 0: NAPOT data page read-only; entry 1 OFF (its pmpaddr is the
     * bottom of entry 2); entry 2: TOR [TP_CODE, 0x80100000) RWX */
    const uint32_t a[4] = { NAPOT(TP_DATA, PAGE_SIZE), TP_CODE >> 2, 0x80100000u >> 2, 0 };
    uint32_t cfg = CFG(PMP_A_NAPOT, PMPCFG_R) |
                   CFG(PMP_A_TOR, PMPCFG_R | PMPCFG_W | PMPCFG_X) << 16;
    assert_int_equal(pmp_case(a, cfg, rv_lw(A0, T0, 0), TP_DATA), CAUSE_SUPERVISOR_ECALL);
    assert_int_equal(pmp_case(a, cfg, rv_sw(A0, T0, 0), TP_DATA + 8), CAUSE_STORE_ACCESS);
    assert_int_equal(pmp_case(a, cfg, rv_sw(A0, T0, 0), TP_DATA + PAGE_SIZE), CAUSE_SUPERVISOR_ECALL);
    /* NA4: exactly one word */
    const uint32_t b[4] = { (TP_DATA + 4) >> 2, TP_CODE >> 2, 0x80100000u >> 2, 0 };
    uint32_t cfgb = CFG(PMP_A_NA4, 0) | CFG(PMP_A_TOR, PMPCFG_R | PMPCFG_W | PMPCFG_X) << 16;
    assert_int_equal(pmp_case(b, cfgb, rv_lw(A0, T0, 0), TP_DATA + 4), CAUSE_LOAD_ACCESS);
    assert_int_equal(pmp_case(b, cfgb, rv_lw(A0, T0, 0), TP_DATA + 8), CAUSE_SUPERVISOR_ECALL);
    /* the first matching entry decides, even if a later one would allow */
    assert_int_equal(pmp_case(b, CFG(PMP_A_NA4, PMPCFG_R) | CFG(PMP_A_TOR, 7) << 16,
                              rv_lh(A0, T0, 2), TP_DATA + 4), CAUSE_SUPERVISOR_ECALL);
    assert_int_equal(pmp_case(b, CFG(PMP_A_NA4, PMPCFG_R) | CFG(PMP_A_TOR, 7) << 16,
                              rv_sw(A0, T0, 0), TP_DATA + 4), CAUSE_STORE_ACCESS);
    /* beyond the TOR top: no match -> S denied */
    assert_int_equal(pmp_case(a, cfg, rv_lw(A0, T0, 0), 0x80100000u), CAUSE_LOAD_ACCESS);
}

/* A locked entry binds M-mode too, and ignores later writes. */
static void test_pmp_lock(void **state)
{
    struct prog p;
    (void)state;
    prog_init_m(&p);
    P_csrw(&p, CSR_PMPADDR0, NAPOT(TP_DATA, PAGE_SIZE));
    P_csrw(&p, CSR_PMPCFG0, CFG(PMP_A_NAPOT, PMPCFG_R | PMPCFG_L));
    P_csrw(&p, CSR_PMPCFG0, CFG(PMP_A_NAPOT, PMPCFG_R | PMPCFG_W));   /* ignored */
    P_csrw(&p, CSR_PMPADDR0, 0);                                      /* ignored */
    P_li(&p, T0, TP_DATA);
    E(&p, rv_lw(A0, T0, 0));
    E(&p, rv_sw(A0, T0, 0));
    E(&p, RV_ECALL);
    struct machine *m = tm_new(100000);
    uint32_t v = DATA_VALUE;
    machine_write_phys(m, TP_DATA, &v, 4);
    prog_load(m, &p);
    machine_set_pc(m, TP_CODE);
    assert_int_equal(tm_run(m), MACHINE_EXITED);
    assert_int_equal(tm_csr(m, CSR_MCAUSE), CAUSE_STORE_ACCESS);
    assert_int_equal(machine_reg(m, A0), DATA_VALUE);
    assert_int_equal(tm_csr(m, CSR_PMPCFG0) & 0xffu, CFG(PMP_A_NAPOT, PMPCFG_R | PMPCFG_L));
    assert_int_equal(tm_csr(m, CSR_PMPADDR0), NAPOT(TP_DATA, PAGE_SIZE));
    machine_destroy(m);
}

/* The walk's PTE reads are checked by PMP as S-mode accesses. */
static void test_pmp_on_walk(void **state)
{
    struct machine *m = new_mmu_machine(0);
    struct prog p, b;
    (void)state;
    pt_map(m, PT_L0, VA_TEST, TP_DATA, V_R);
    prog_init_m(&p);
    P_csrw(&p, CSR_PMPADDR0, NAPOT(PT_L0, PAGE_SIZE));     /* level-0 table: no access */
    P_csrw(&p, CSR_PMPADDR1, 0xffffffffu);
    P_csrw(&p, CSR_PMPCFG0, CFG(PMP_A_NAPOT, 0) | CFG(PMP_A_NAPOT, 7) << 8);
    P_csrw(&p, CSR_SATP, satp_of(PT_ROOT, 0));
    P_csrw(&p, CSR_MEPC, TP_LOWER);
    P_csrw(&p, CSR_MSTATUS, PRV_S << MSTATUS_MPP_SHIFT);
    E(&p, RV_MRET);
    prog_load(m, &p);
    prog_init(&b, TP_LOWER);
    P_li(&b, T0, VA_TEST);
    E(&b, rv_lw(A0, T0, 0));
    E(&b, RV_ECALL);
    prog_load(m, &b);
    machine_set_pc(m, TP_CODE);
    assert_int_equal(tm_run(m), MACHINE_EXITED);
    assert_int_equal(tm_csr(m, CSR_MCAUSE), CAUSE_LOAD_ACCESS);
    assert_int_equal(tm_csr(m, CSR_MTVAL), VA_TEST);
    machine_destroy(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_permissions),
        cmocka_unit_test(test_accessed_dirty),
        cmocka_unit_test(test_megapages),
        cmocka_unit_test(test_mprv),
        cmocka_unit_test(test_pmp),
        cmocka_unit_test(test_pmp_lock),
        cmocka_unit_test(test_pmp_on_walk),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
