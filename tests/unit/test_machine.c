/*
 * test_machine.c — the hart as a whole: traps and delegation, interrupt
 * priority, WFI, cycle and instret accounting, self-modifying code, HTIF,
 * run limits, determinism across slice sizes and two machines side by side.
 *
 * Programs are assembled with tests/unit/rvprog.h; a trap into the standard
 * handler ends the run, and the test reads mcause/mepc/mtval afterwards.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "../../machine/cost.h"
#include "../../machine/vmm_cost.h"
#include "rvprog.h"

static struct cost_profile prof;

static int setup(void **state)
{
    (void)state;
    cost_profile_default(&prof);
    return 0;
}

/* Build, load and run one M-mode program; returns the machine (caller frees). */
static struct machine *run_prog(struct prog *p, enum machine_status want)
{
    struct machine *m = tm_new(0);
    assert_non_null(m);
    assert_int_equal(prog_load(m, p), 0);
    machine_set_pc(m, p->base);
    assert_int_equal(tm_run(m), want);
    return m;
}

/* The run ended in the standard handler after a trap with these mcause,
 * mepc and mtval. */
static void assert_trap(const struct machine *m, uint32_t cause, uint32_t epc, uint32_t tval)
{
    assert_int_equal(tm_csr(m, CSR_MCAUSE), cause);
    assert_int_equal(tm_csr(m, CSR_MEPC), epc);
    assert_int_equal(tm_csr(m, CSR_MTVAL), tval);
}

static void test_ecall_from_m(void **state)
{
    struct prog p;
    (void)state;
    prog_init_m(&p);
    uint32_t at = prog_pc(&p);
    E(&p, RV_ECALL);
    struct machine *m = run_prog(&p, MACHINE_EXITED);
    assert_trap(m, CAUSE_MACHINE_ECALL, at, 0);
    assert_int_equal(machine_exit_code(m), 0);
    machine_destroy(m);
}

static void test_illegal_instruction_tval(void **state)
{
    struct prog p;
    (void)state;
    prog_init_m(&p);
    uint32_t at = prog_pc(&p);
    E(&p, 0xffffffffu);
    struct machine *m = run_prog(&p, MACHINE_EXITED);
    assert_trap(m, CAUSE_ILLEGAL_INSTRUCTION, at, 0xffffffffu);
    machine_destroy(m);
}

/* U-mode ecall delegated to S (medeleg bit 8); the S handler's own ecall
 * is not delegated and reaches M as cause 9. */
static void test_delegation(void **state)
{
    struct prog p;
    const uint32_t s_handler = TP_LOWER + 0x400;
    (void)state;
    prog_init(&p, TP_CODE);
    P_csrw(&p, CSR_MEDELEG, 1u << CAUSE_USER_ECALL);
    P_csrw(&p, CSR_STVEC, s_handler);
    P_enter(&p, PRV_U, TP_LOWER);
    struct machine *m = tm_new(0);
    prog_load(m, &p);
    prog_init(&p, TP_LOWER);
    E(&p, rv_addi(A0, ZERO, 7));
    E(&p, RV_ECALL);
    prog_load(m, &p);
    prog_init(&p, s_handler);
    E(&p, RV_ECALL);
    prog_load(m, &p);
    machine_set_pc(m, TP_CODE);
    assert_int_equal(tm_run(m), MACHINE_EXITED);
    assert_int_equal(tm_csr(m, CSR_SCAUSE), CAUSE_USER_ECALL);
    assert_int_equal(tm_csr(m, CSR_SEPC), TP_LOWER + 4);
    assert_int_equal(tm_csr(m, CSR_MCAUSE), CAUSE_SUPERVISOR_ECALL);
    assert_int_equal(tm_csr(m, CSR_MEPC), s_handler);
    /* S trap from U: SPP = 0; M trap from S: MPP = S */
    assert_int_equal(tm_csr(m, CSR_MSTATUS) & MSTATUS_SPP, 0);
    assert_int_equal((tm_csr(m, CSR_MSTATUS) & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT, PRV_S);
    assert_int_equal(machine_reg(m, A0), 7);
    struct machine_counters c;
    machine_get_counters(m, &c);
    assert_int_equal(c.exceptions[CAUSE_USER_ECALL], 1);
    assert_int_equal(c.exceptions[CAUSE_SUPERVISOR_ECALL], 1);
    /* ecall raises an exception, so it does not retire (priv spec §3.3.1) */
    assert_true(c.priv_instret[PRIV_U] == 1 && c.priv_instret[PRIV_S] == 0);
    machine_destroy(m);
}

/* One faulting access after the prologue; check cause and tval. */
static void fault_case(uint32_t insn_a, uint32_t addr, uint32_t cause, uint32_t tval)
{
    struct prog p;
    prog_init_m(&p);
    P_li(&p, A1, addr);
    P_li(&p, A2, 0x12345678u);
    uint32_t at = prog_pc(&p);
    E(&p, insn_a);
    struct machine *m = run_prog(&p, MACHINE_EXITED);
    assert_trap(m, cause, at, tval);
    /* the faulting instruction did not retire: rd untouched */
    assert_int_equal(machine_reg(m, A0), 0);
    machine_destroy(m);
}

static void test_misaligned(void **state)
{
    (void)state;
    fault_case(rv_lw(A0, A1, 0), TP_DATA + 2, CAUSE_MISALIGNED_LOAD, TP_DATA + 2);
    fault_case(rv_lh(A0, A1, 0), TP_DATA + 1, CAUSE_MISALIGNED_LOAD, TP_DATA + 1);
    fault_case(rv_sw(A2, A1, 0), TP_DATA + 1, CAUSE_MISALIGNED_STORE, TP_DATA + 1);
    fault_case(rv_lr(A0, A1), TP_DATA + 4 + 2, CAUSE_MISALIGNED_LOAD, TP_DATA + 6);
    fault_case(rv_sc(A0, A2, A1), TP_DATA + 2, CAUSE_MISALIGNED_STORE, TP_DATA + 2);
    fault_case(rv_amoadd(A0, A2, A1), TP_DATA + 3, CAUSE_MISALIGNED_STORE, TP_DATA + 3);
    /* jump to a 2-byte-aligned target: fault on the jump, tval = target */
    fault_case(rv_jalr(A0, A1, 0), TP_DATA + 2, CAUSE_MISALIGNED_FETCH, TP_DATA + 2);
}

static void test_access_faults(void **state)
{
    (void)state;
    fault_case(rv_lw(A0, A1, 0), 0x40000000u, CAUSE_LOAD_ACCESS, 0x40000000u);
    fault_case(rv_sw(A2, A1, 0), 0x40000000u, CAUSE_STORE_ACCESS, 0x40000000u);
    fault_case(rv_amoadd(A0, A2, A1), 0x00000000u, CAUSE_STORE_ACCESS, 0);
    /* past the end of RAM (1 MiB in these tests) */
    fault_case(rv_lw(A0, A1, 0), TP_CODE + (1u << 20), CAUSE_LOAD_ACCESS, TP_CODE + (1u << 20));

    /* executing from a device is an instruction access fault */
    struct prog p;
    prog_init_m(&p);
    P_jump(&p, TZ_UART_BASE);
    struct machine *m = run_prog(&p, MACHINE_EXITED);
    assert_trap(m, CAUSE_FETCH_ACCESS, TZ_UART_BASE, TZ_UART_BASE);
    machine_destroy(m);
}

/* Make interrupts `mip_bits` pending (plus msip through the CLINT), enable
 * everything, set mstatus.MIE and see which one is taken. */
static uint32_t first_interrupt(uint32_t mip_bits, bool msip, bool mtip)
{
    struct prog p;
    prog_init_m(&p);
    P_csrw(&p, CSR_MIE, MIP_ALL);
    P_csrw(&p, CSR_MIP, mip_bits);
    if (msip) {
        P_li(&p, T0, TZ_CLINT_BASE + TZ_CLINT_MSIP);
        P_li(&p, T1, 1);
        E(&p, rv_sw(T1, T0, 0));
    }
    if (mtip) {
        P_li(&p, T0, TZ_CLINT_BASE + TZ_CLINT_MTIMECMP);
        E(&p, rv_sw(ZERO, T0, 0));
        E(&p, rv_sw(ZERO, T0, 4));
    }
    P_li(&p, T0, MSTATUS_MIE);
    E(&p, rv_csrrs(ZERO, CSR_MSTATUS, T0));
    E(&p, rv_jal(ZERO, 0));
    struct machine *m = run_prog(&p, MACHINE_EXITED);
    uint32_t cause = tm_csr(m, CSR_MCAUSE);
    machine_destroy(m);
    return cause;
}

static void test_interrupt_priority(void **state)
{
    (void)state;
    /* priv spec §3.1.9: MEI, MSI, MTI, SEI, SSI, STI */
    assert_int_equal(first_interrupt(MIP_SSIP | MIP_STIP | MIP_SEIP, true, true),
                     CAUSE_INTERRUPT | IRQ_M_SOFT);
    assert_int_equal(first_interrupt(MIP_SSIP | MIP_STIP | MIP_SEIP, false, true),
                     CAUSE_INTERRUPT | IRQ_M_TIMER);
    assert_int_equal(first_interrupt(MIP_SSIP | MIP_STIP | MIP_SEIP, false, false),
                     CAUSE_INTERRUPT | IRQ_S_EXT);
    assert_int_equal(first_interrupt(MIP_SSIP | MIP_STIP, false, false),
                     CAUSE_INTERRUPT | IRQ_S_SOFT);
    assert_int_equal(first_interrupt(MIP_STIP, false, false), CAUSE_INTERRUPT | IRQ_S_TIMER);
}

/* A delegated interrupt never interrupts M-mode; in U-mode it is taken by S
 * whatever sstatus.SIE says (§3.1.9). */
static void test_delegated_interrupt(void **state)
{
    struct prog p;
    const uint32_t s_handler = TP_LOWER + 0x400;
    (void)state;
    prog_init(&p, TP_CODE);
    P_csrw(&p, CSR_MIDELEG, MIP_STIP);
    P_csrw(&p, CSR_STVEC, s_handler);
    P_csrw(&p, CSR_MIE, MIP_STIP);
    P_csrw(&p, CSR_MIP, MIP_STIP);
    P_li(&p, T0, MSTATUS_MIE | MSTATUS_SIE);
    E(&p, rv_csrrs(ZERO, CSR_MSTATUS, T0));
    E(&p, rv_addi(A0, ZERO, 42));          /* still in M: not interrupted */
    P_li(&p, T0, MSTATUS_SIE);
    E(&p, rv_csrrc(ZERO, CSR_MSTATUS, T0));
    P_enter(&p, PRV_U, TP_LOWER);
    struct machine *m = tm_new(0);
    prog_load(m, &p);
    prog_init(&p, TP_LOWER);
    E(&p, rv_addi(A1, ZERO, 1));
    E(&p, rv_jal(ZERO, 0));
    prog_load(m, &p);
    prog_init(&p, s_handler);
    E(&p, RV_ECALL);
    prog_load(m, &p);
    machine_set_pc(m, TP_CODE);
    assert_int_equal(tm_run(m), MACHINE_EXITED);
    assert_int_equal(machine_reg(m, A0), 42);
    assert_int_equal(machine_reg(m, A1), 0);     /* interrupted before it ran */
    assert_int_equal(tm_csr(m, CSR_SCAUSE), CAUSE_INTERRUPT | IRQ_S_TIMER);
    assert_int_equal(tm_csr(m, CSR_SEPC), TP_LOWER);
    assert_int_equal(tm_csr(m, CSR_MCAUSE), CAUSE_SUPERVISOR_ECALL);
    machine_destroy(m);
}

struct evlog {
    unsigned n;
    struct machine_event ev[4096];
};

static void log_event(void *ctx, const struct machine_event *ev)
{
    struct evlog *l = ctx;
    if (l->n < sizeof l->ev / sizeof l->ev[0])
        l->ev[l->n++] = *ev;
}

/* Emit code that arms the machine timer for mtime = when (mtimecmp, its high
 * word 0) and enables its interrupt in M-mode (mie.MTIE, mstatus.MIE). */
static void emit_arm_machine_timer(struct prog *p, uint32_t when)
{
    P_li(p, T0, TZ_CLINT_BASE + TZ_CLINT_MTIMECMP);
    P_li(p, T1, when);
    E(p, rv_sw(T1, T0, 0));
    E(p, rv_sw(ZERO, T0, 4));
    P_csrw(p, CSR_MIE, MIE_MTIE);
    P_li(p, T0, MSTATUS_MIE);
    E(p, rv_csrrs(ZERO, CSR_MSTATUS, T0));
}

/* WFI sleeps until the timer; the skipped cycles are counted. */
static void test_wfi_timer(void **state)
{
    struct prog p;
    const uint32_t ticks = 1000;
    (void)state;
    prog_init_m(&p);
    emit_arm_machine_timer(&p, ticks);
    uint32_t at = prog_pc(&p);
    E(&p, RV_WFI);
    E(&p, rv_jal(ZERO, 0));
    struct machine *m = tm_new(0);
    struct evlog *log = calloc(1, sizeof *log);
    machine_subscribe(m, log_event, log);
    prog_load(m, &p);
    machine_set_pc(m, TP_CODE);
    assert_int_equal(tm_run(m), MACHINE_EXITED);
    assert_int_equal(tm_csr(m, CSR_MCAUSE), CAUSE_INTERRUPT | IRQ_M_TIMER);
    assert_int_equal(tm_csr(m, CSR_MEPC), at + 4);   /* WFI retired */
    struct machine_counters c;
    machine_get_counters(m, &c);
    uint64_t per_tick = prof.clock_hz / prof.timebase_hz;
    assert_true(c.cycles >= ticks * per_tick);
    assert_int_equal(c.interrupts[IRQ_M_TIMER], 1);
    bool saw_wfi = false;
    for (unsigned i = 0; i < log->n; i++)
        if (log->ev[i].kind == EV_WFI) {
            saw_wfi = true;
            assert_true(log->ev[i].detail > 0);
        }
    assert_true(saw_wfi);
    free(log);
    machine_destroy(m);
}

static void test_wfi_deadlock(void **state)
{
    struct prog p;
    (void)state;
    prog_init(&p, TP_CODE);
    P_csrw(&p, CSR_MIE, 0);
    E(&p, RV_WFI);
    struct machine *m = run_prog(&p, MACHINE_DEADLOCK);
    machine_destroy(m);
}

/* Cycles are exactly the cost model's sum; a faulting instruction does not
 * retire; the trap costs trap_entry. */
static void test_cycle_accounting(void **state)
{
    struct prog p;
    (void)state;
    prog_init(&p, TP_CODE);
    E(&p, rv_addi(A0, ZERO, 3));            /* alu */
    E(&p, rv_addi(A0, A0, -1));             /* loop: alu */
    E(&p, rv_bne(A0, ZERO, -4));            /* branch: taken twice, then not */
    E(&p, rv_mul(A1, A0, A0));              /* mul */
    E(&p, rv_lw(A2, ZERO, 0));              /* load from address 0: access fault */
    struct machine *m = tm_new(0);
    prog_load(m, &p);
    machine_set_pc(m, TP_CODE);
    /* mtvec = 0: the trap goes to address 0, which faults again; stop by insn count */
    struct machine_counters c;
    machine_run(m, 0);    /* zero budget: nothing runs */
    machine_get_counters(m, &c);
    assert_int_equal(c.cycles, 0);
    enum machine_status st;
    do
        st = machine_run(m, 1);
    while (st == MACHINE_RUNNING && machine_pc(m) != 0);
    machine_get_counters(m, &c);
    uint64_t want = prof.cost[COST_ALU] * 4 + prof.cost[COST_BRANCH] * 3 +
                    prof.branch_taken_penalty * 2 + prof.cost[COST_MUL] + prof.trap_entry;
    assert_int_equal(c.cycles, want);
    assert_int_equal(c.instret, 8);          /* the lw did not retire */
    assert_int_equal(tm_csr(m, CSR_MINSTRET), 8);
    assert_int_equal(tm_csr(m, CSR_MCYCLE), want);
    assert_int_equal(tm_csr(m, CSR_MCAUSE), CAUSE_LOAD_ACCESS);
    machine_destroy(m);
}

/* A class cost no other instruction in these programs has, so a wrong charge
 * cannot hide behind a coincidence. */
#define SYSTEM_COST_PROBE 1000u

/* ECALL and EBREAK never retire but are charged their class cost (`system`)
 * when they raise, then trap_entry: cycles up to the handler's first
 * instruction are exactly the program's costs, instret leaves them out. */
static void test_ecall_ebreak_cost(void **state)
{
    static const uint32_t insns[] = { RV_ECALL, RV_EBREAK };
    static const uint32_t causes[] = { CAUSE_MACHINE_ECALL, CAUSE_BREAKPOINT };
    (void)state;
    for (unsigned i = 0; i < 2; i++) {
        struct cost_profile pr = prof;
        struct prog p;
        struct machine_counters c;
        pr.cost[COST_SYSTEM] = SYSTEM_COST_PROBE;
        prog_init(&p, TP_CODE);
        P_csrw(&p, CSR_MTVEC, TP_HANDLER);      /* lui, addi, csrrw */
        E(&p, insns[i]);
        struct machine *m = tm_new_profile(&pr, 0);
        assert_non_null(m);
        prog_load(m, &p);
        machine_set_pc(m, TP_CODE);
        while (machine_pc(m) != TP_HANDLER && machine_run(m, 1) == MACHINE_RUNNING)
            ;
        assert_int_equal(machine_pc(m), TP_HANDLER);
        machine_get_counters(m, &c);
        uint64_t want = 2 * pr.cost[COST_ALU] + pr.cost[COST_CSR] + SYSTEM_COST_PROBE +
                        pr.trap_entry;
        assert_int_equal(c.cycles, want);
        assert_int_equal(tm_csr(m, CSR_MCYCLE), want);
        assert_int_equal(c.instret, 3);          /* the ecall/ebreak did not retire */
        assert_int_equal(tm_csr(m, CSR_MINSTRET), 3);
        assert_int_equal(tm_csr(m, CSR_MCAUSE), causes[i]);
        machine_destroy(m);
    }
}

/* Where the cycles of a trap go: the trapping instruction's own cost to the
 * privilege that ran it, trap_entry to the privilege that takes the trap —
 * M for an undelegated trap (and to the current guest's M-mode cell, i.e.
 * VMM time), S when medeleg sends it there. */
#define ATTR_GUEST 2u
#define ATTR_S_HANDLER 0x80003000u
static void test_trap_entry_charged_to_handler(void **state)
{
    (void)state;
    for (int delegated = 0; delegated <= 1; delegated++) {
        struct prog p, u;
        struct machine_counters c;
        prog_init(&p, TP_CODE);
        P_li(&p, T0, TZ_TRACE_BASE + TZ_TRACE_GUEST);
        P_li(&p, T1, ATTR_GUEST);
        E(&p, rv_sw(T1, T0, 0));                /* guest 2 from here on */
        if (delegated) {
            P_csrw(&p, CSR_MEDELEG, 1u << CAUSE_USER_ECALL);
            P_csrw(&p, CSR_STVEC, ATTR_S_HANDLER);
        }
        P_enter(&p, PRV_U, TP_LOWER);
        prog_init(&u, TP_LOWER);
        E(&u, rv_addi(A0, ZERO, 1));
        E(&u, RV_ECALL);
        struct machine *m = tm_new(0);
        assert_non_null(m);
        prog_load(m, &p);
        prog_load(m, &u);
        machine_set_pc(m, TP_CODE);
        uint32_t handler = delegated ? ATTR_S_HANDLER : TP_HANDLER;
        while (machine_pc(m) != handler && machine_run(m, 1) == MACHINE_RUNNING)
            ;
        assert_int_equal(machine_pc(m), handler);
        machine_get_counters(m, &c);
        uint64_t user = prof.cost[COST_ALU] + prof.cost[COST_SYSTEM];
        assert_int_equal(c.priv_cycles[PRIV_U], user);
        assert_int_equal(c.guest_cycles[ATTR_GUEST][PRIV_U], user);
        assert_int_equal(c.guest_instret[ATTR_GUEST][PRIV_U], 1);
        if (delegated) {
            assert_int_equal(c.priv_cycles[PRIV_S], prof.trap_entry);
            assert_int_equal(c.guest_cycles[ATTR_GUEST][PRIV_S], prof.trap_entry);
        } else {
            assert_int_equal(c.priv_cycles[PRIV_S], 0);
        }
        assert_int_equal(c.priv_cycles[PRIV_M] + c.priv_cycles[PRIV_S] + c.priv_cycles[PRIV_U],
                         c.cycles);
        machine_destroy(m);
    }
}

/* vmm_cost times one exit (U -> M trap, handler, MRET back) as trap_entry
 * plus the handler's instructions, counting trap_entry exactly once: the
 * machine charges it to M-mode just before it stamps the trap event. */
#define EXIT_HANDLER 0x80002000u
static void test_vmm_exit_cost_counts_trap_entry_once(void **state)
{
    struct prog p, u, h;
    struct vmm_cost vc;
    struct machine_counters c;
    (void)state;
    prog_init(&p, TP_CODE);                 /* P_enter, with our own mtvec */
    P_csrw(&p, CSR_MTVEC, EXIT_HANDLER);
    P_pmp_open(&p);
    P_csrw(&p, CSR_MEPC, TP_LOWER);
    P_li(&p, T6, MSTATUS_MPP);
    E(&p, rv_csrrc(ZERO, CSR_MSTATUS, T6)); /* MPP = U */
    E(&p, RV_MRET);
    prog_init(&h, EXIT_HANDLER);            /* the "VMM": skip the ecall, return */
    E(&h, rv_csrrs(T0, CSR_MEPC, ZERO));
    E(&h, rv_addi(T0, T0, 4));
    E(&h, rv_csrrw(ZERO, CSR_MEPC, T0));
    E(&h, RV_MRET);
    prog_init(&u, TP_LOWER);                /* the "guest" */
    E(&u, RV_ECALL);
    P_jump(&u, TP_HANDLER);                 /* the exit code, run in U (PMP open) */
    struct machine *m = tm_new(0);
    assert_non_null(m);
    prog_load(m, &p);
    prog_load(m, &h);
    prog_load(m, &u);
    machine_set_pc(m, TP_CODE);
    vmm_cost_init(&vc, m, prof.trap_entry);
    assert_true(machine_subscribe(m, vmm_cost_listener, &vc) >= 0);
    assert_int_equal(tm_run(m), MACHINE_EXITED);
    assert_int_equal(vc.nsamples, 1);
    uint64_t handler = 2 * prof.cost[COST_CSR] + prof.cost[COST_ALU] + prof.cost[COST_XRET];
    assert_int_equal(vc.samples[0].instructions, 4);
    assert_int_equal(vc.samples[0].cycles, prof.trap_entry + handler);
    /* and the guest was billed for its own instructions only: the ecall,
     * then li + jalr and the exit code's li, li, sw */
    machine_get_counters(m, &c);
    assert_int_equal(c.priv_cycles[PRIV_U], prof.cost[COST_SYSTEM] + 6 * prof.cost[COST_ALU] +
                                                prof.cost[COST_JUMP] + prof.cost[COST_STORE]);
    assert_int_equal(c.priv_instret[PRIV_U], 8);
    vmm_cost_free(&vc);
    machine_destroy(m);
}

/* A program rewrites an instruction it has already executed. */
static void test_self_modifying_code(void **state)
{
    struct prog p;
    (void)state;
    prog_init_m(&p);
    P_li(&p, A1, 0);                         /* pass counter */
    uint32_t loop = prog_pc(&p);
    uint32_t target = loop + 4 * 6;
    P_li(&p, T0, target);                    /* 2 words */
    P_li(&p, T1, rv_addi(A0, ZERO, 2));      /* 2 words: new instruction */
    E(&p, rv_beq(A1, ZERO, 12));             /* first pass: skip the patch */
    E(&p, rv_sw(T1, T0, 0));                 /* second pass: patch */
    /* target: */
    E(&p, rv_addi(A0, ZERO, 1));             /* at `target`: the patched slot */
    E(&p, RV_FENCE_I);
    E(&p, rv_addi(A1, A1, 1));
    P_li(&p, T2, 2);
    E(&p, rv_bne(A1, T2, (int32_t)(loop - (prog_pc(&p)))));
    E(&p, RV_ECALL);
    assert_int_equal(p.w[(target - TP_CODE) / 4], rv_addi(A0, ZERO, 1));
    struct machine *m = run_prog(&p, MACHINE_EXITED);
    assert_int_equal(machine_reg(m, A0), 2);
    machine_destroy(m);
}

static void test_limits(void **state)
{
    struct prog p;
    (void)state;
    prog_init(&p, TP_CODE);
    E(&p, rv_addi(A0, A0, 1));
    E(&p, rv_jal(ZERO, -4));
    struct machine *m = tm_new(1000);
    prog_load(m, &p);
    machine_set_pc(m, TP_CODE);
    assert_int_equal(tm_run(m), MACHINE_INSN_LIMIT);
    struct machine_counters c;
    machine_get_counters(m, &c);
    assert_int_equal(c.instret, 1000);
    assert_int_equal(machine_reg(m, A0), 500);
    machine_destroy(m);

    struct machine_config cfg;
    char err[128];
    memset(&cfg, 0, sizeof cfg);
    cfg.ram_size = 1u << 20;
    cfg.max_cycles = 5000;
    m = machine_create(&cfg, err, sizeof err);
    prog_load(m, &p);
    machine_set_pc(m, TP_CODE);
    assert_int_equal(machine_run(m, 100), MACHINE_RUNNING);
    assert_int_equal(tm_run(m), MACHINE_CYCLE_LIMIT);
    machine_get_counters(m, &c);
    assert_true(c.cycles >= 5000 && c.cycles < 5000 + 8);
    machine_destroy(m);

    /* bad configuration is refused with a message */
    cfg.ram_size = 12345;
    assert_null(machine_create(&cfg, err, sizeof err));
    assert_non_null(strstr(err, "RAM size"));
}

/* A timer-interrupt program with device accesses and xRETs. */
#define FIRST_TIMER_TICK 37u
static void build_timer_prog(struct machine *m, unsigned interrupts)
{
    struct prog p;
    const uint32_t handler = TP_CODE + 0x400;
    prog_init(&p, TP_CODE);
    P_csrw(&p, CSR_MTVEC, handler);
    emit_arm_machine_timer(&p, FIRST_TIMER_TICK);
    P_li(&p, S0, TP_DATA);
    uint32_t loop = prog_pc(&p);
    E(&p, rv_addi(A0, A0, 1));
    E(&p, rv_sw(A0, S0, 0));
    E(&p, rv_lw(A2, S0, 0));
    E(&p, rv_mul(A3, A2, A0));
    E(&p, rv_div(A4, A3, A0));
    E(&p, rv_jal(ZERO, (int32_t)(loop - prog_pc(&p))));
    prog_load(m, &p);

    prog_init(&p, handler);
    E(&p, rv_addi(S1, S1, 1));
    P_li(&p, T0, TZ_CLINT_BASE + TZ_CLINT_MTIME);
    E(&p, rv_lw(T1, T0, 0));
    E(&p, rv_addi(T1, T1, 23));
    P_li(&p, T0, TZ_CLINT_BASE + TZ_CLINT_MTIMECMP);
    E(&p, rv_sw(T1, T0, 0));
    P_li(&p, T2, interrupts);
    E(&p, rv_bne(S1, T2, 8));
    P_jump(&p, TP_HANDLER);
    E(&p, RV_MRET);
    prog_load(m, &p);
    machine_set_pc(m, TP_CODE);
}

static void run_sliced(struct machine *m, uint64_t slice)
{
    enum machine_status st;
    do
        st = machine_run(m, slice);
    while (st == MACHINE_RUNNING);
    assert_int_equal(st, MACHINE_EXITED);
}

static void test_determinism_across_slices(void **state)
{
    static const uint64_t slices[] = { 1, 7, 100, 1000000000 };
    struct evlog *ref = calloc(1, sizeof *ref), *got = calloc(1, sizeof *got);
    struct machine_counters cref, cgot;
    (void)state;
    for (size_t k = 0; k < sizeof slices / sizeof slices[0]; k++) {
        struct machine *m = tm_new(0);
        struct evlog *l = k == 0 ? ref : got;
        l->n = 0;
        machine_subscribe(m, log_event, l);
        build_timer_prog(m, 25);
        run_sliced(m, slices[k]);
        machine_get_counters(m, k == 0 ? &cref : &cgot);
        assert_int_equal(machine_reg(m, S1), 25);
        if (k > 0) {
            assert_int_equal(got->n, ref->n);
            assert_memory_equal(got->ev, ref->ev, ref->n * sizeof ref->ev[0]);
            assert_memory_equal(&cgot, &cref, sizeof cref);
        }
        machine_destroy(m);
    }
    assert_true(ref->n > 50);      /* interrupts, xrets, device accesses, exit */
    free(ref);
    free(got);
}

static void test_two_machines(void **state)
{
    struct machine *a = tm_new(0), *b = tm_new(0);
    struct machine_counters ca, cb;
    (void)state;
    build_timer_prog(a, 10);
    build_timer_prog(b, 20);
    enum machine_status sa = MACHINE_RUNNING, sb = MACHINE_RUNNING;
    while (sa == MACHINE_RUNNING || sb == MACHINE_RUNNING) {
        if (sa == MACHINE_RUNNING)
            sa = machine_run(a, 333);
        if (sb == MACHINE_RUNNING)
            sb = machine_run(b, 501);
    }
    assert_int_equal(sa, MACHINE_EXITED);
    assert_int_equal(sb, MACHINE_EXITED);
    assert_int_equal(machine_reg(a, S1), 10);
    assert_int_equal(machine_reg(b, S1), 20);
    machine_get_counters(a, &ca);
    machine_get_counters(b, &cb);
    assert_true(cb.cycles > ca.cycles);
    /* the same program alone gives the same figures */
    struct machine *c = tm_new(0);
    struct machine_counters cc;
    build_timer_prog(c, 10);
    run_sliced(c, 1u << 30);
    machine_get_counters(c, &cc);
    assert_memory_equal(&cc, &ca, sizeof cc);
    machine_destroy(a);
    machine_destroy(b);
    machine_destroy(c);
}

/* Per-guest attribution through the trace port. */
static void test_guest_attribution(void **state)
{
    struct prog p;
    (void)state;
    prog_init(&p, TP_CODE);
    P_li(&p, T0, TZ_TRACE_BASE + TZ_TRACE_GUEST);
    P_li(&p, T1, 3);
    E(&p, rv_sw(T1, T0, 0));                /* guest 3 from here */
    for (int i = 0; i < 10; i++)
        E(&p, rv_addi(A0, A0, 1));
    P_li(&p, T1, TZ_GUEST_NONE);
    E(&p, rv_sw(T1, T0, 0));
    P_jump(&p, TP_HANDLER);
    struct machine *m = run_prog(&p, MACHINE_EXITED);
    struct machine_counters c;
    machine_get_counters(m, &c);
    /* 10 addi + 2 (li) retire while guest 3 is current, + the sw that ends it */
    assert_int_equal(c.guest_instret[3][PRIV_M], 13);
    assert_int_equal(c.guest_cycles[3][PRIV_M],
                     12 * prof.cost[COST_ALU] + prof.cost[COST_STORE]);
    assert_int_equal(c.unattributed_cycles[PRIV_M] + c.guest_cycles[3][PRIV_M], c.cycles);
    assert_int_equal(c.priv_cycles[PRIV_M], c.cycles);
    machine_destroy(m);
}

/* ---- HTIF: a minimal ELF with a `tohost` symbol -------------------------- */

static void put32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}
static void put16(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

#define ELF_OFF_PHDR   52u
#define ELF_OFF_TEXT   0x100u
#define ELF_OFF_STR    0x900u
#define ELF_OFF_SYM    0x920u
#define ELF_OFF_SHDR   0x960u
#define ELF_SIZE       (ELF_OFF_SHDR + 3u * 40u)
#define TOHOST_ADDR    0x80001000u

static void write_htif_elf(const char *path, const struct prog *p)
{
    static uint8_t f[ELF_SIZE];
    static const char strtab[] = "\0tohost\0";
    memset(f, 0, sizeof f);
    static const uint8_t ident[16] = { 0x7f, 'E', 'L', 'F', 1, 1, 1 };
    memcpy(f, ident, sizeof ident);
    put16(f + 16, 2);
    put16(f + 18, 243);
    put32(f + 20, 1);
    put32(f + 24, p->base);
    put32(f + 28, ELF_OFF_PHDR);
    put32(f + 32, ELF_OFF_SHDR);
    put16(f + 40, 52);
    put16(f + 42, 32);
    put16(f + 44, 2);
    put16(f + 46, 40);
    put16(f + 48, 3);
    uint8_t *ph = f + ELF_OFF_PHDR;
    put32(ph + 0, 1);
    put32(ph + 4, ELF_OFF_TEXT);
    put32(ph + 8, p->base);
    put32(ph + 12, p->base);
    put32(ph + 16, 4u * p->n);
    put32(ph + 20, 4u * p->n);
    put32(ph + 24, 7);
    ph += 32;
    put32(ph + 0, 1);                       /* tohost page: bss */
    put32(ph + 4, ELF_OFF_TEXT);
    put32(ph + 8, TOHOST_ADDR);
    put32(ph + 12, TOHOST_ADDR);
    put32(ph + 16, 0);
    put32(ph + 20, 0x40);
    put32(ph + 24, 6);
    memcpy(f + ELF_OFF_TEXT, p->w, 4u * p->n);
    memcpy(f + ELF_OFF_STR, strtab, sizeof strtab);
    uint8_t *s = f + ELF_OFF_SYM + 16;     /* symbol 1 */
    put32(s + 0, 1);
    put32(s + 4, TOHOST_ADDR);
    put32(s + 8, 8);
    s[12] = 0x11;
    put16(s + 14, 1);
    uint8_t *sh = f + ELF_OFF_SHDR + 40;
    put32(sh + 4, 2);
    put32(sh + 16, ELF_OFF_SYM);
    put32(sh + 20, 32);
    put32(sh + 24, 2);
    put32(sh + 36, 16);
    sh += 40;
    put32(sh + 4, 3);
    put32(sh + 16, ELF_OFF_STR);
    put32(sh + 20, sizeof strtab);
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(f, 1, sizeof f, fp), sizeof f);
    fclose(fp);
}

static void htif_case(uint32_t value, int want_code)
{
    struct prog p;
    char path[] = "/tmp/trapeze-htif-XXXXXX";
    int fd = mkstemp(path);
    char err[256];
    struct machine_load_info info;
    assert_true(fd >= 0);
    close(fd);
    prog_init(&p, TP_CODE);
    P_li(&p, T0, TOHOST_ADDR);
    P_li(&p, T1, 0x55);
    E(&p, rv_sw(T1, T0, 8));                /* fromhost: no effect */
    E(&p, rv_addi(A0, ZERO, 1));
    P_li(&p, T1, value);
    E(&p, rv_sw(T1, T0, 0));
    E(&p, rv_addi(A0, ZERO, 2));            /* must not run */
    E(&p, rv_jal(ZERO, 0));
    write_htif_elf(path, &p);
    struct machine *m = tm_new(0);
    int rc = machine_load_elf(m, path, 0, &info, err, sizeof err);
    unlink(path);
    if (rc != 0)
        fail_msg("load: %s", err);
    assert_true(info.has_tohost);
    assert_int_equal(info.tohost, TOHOST_ADDR);
    machine_set_pc(m, info.entry);
    assert_int_equal(tm_run(m), MACHINE_EXITED);
    assert_int_equal(machine_exit_code(m), want_code);
    assert_int_equal(machine_reg(m, A0), 1);
    machine_destroy(m);
}

static void test_htif(void **state)
{
    (void)state;
    htif_case(1, 0);
    htif_case((5u << 1) | 1u, 5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ecall_from_m),
        cmocka_unit_test(test_illegal_instruction_tval),
        cmocka_unit_test(test_delegation),
        cmocka_unit_test(test_misaligned),
        cmocka_unit_test(test_access_faults),
        cmocka_unit_test(test_interrupt_priority),
        cmocka_unit_test(test_delegated_interrupt),
        cmocka_unit_test(test_wfi_timer),
        cmocka_unit_test(test_wfi_deadlock),
        cmocka_unit_test(test_cycle_accounting),
        cmocka_unit_test(test_ecall_ebreak_cost),
        cmocka_unit_test(test_trap_entry_charged_to_handler),
        cmocka_unit_test(test_vmm_exit_cost_counts_trap_entry_once),
        cmocka_unit_test(test_self_modifying_code),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_determinism_across_slices),
        cmocka_unit_test(test_two_machines),
        cmocka_unit_test(test_guest_attribution),
        cmocka_unit_test(test_htif),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
