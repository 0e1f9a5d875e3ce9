/*
 * sched.c — time: the real timer, the guests' virtual timers, round robin.
 *
 * The VMM owns the machine timer (CLINT mtimecmp, priv spec §3.2.1). Only one
 * guest runs at a time, for at most one slice; mtimecmp is programmed for the
 * earlier of the slice's end and the running guest's virtual timer deadline
 * (set with SBI set_timer). When it fires the VMM either raises the guest's
 * virtual STIP (inject.c delivers it when the guest would take it) or, at the
 * end of the slice, switches to the next runnable guest.
 *
 * Machine interrupts are always enabled while the hart is in U-mode (§3.1.9),
 * whatever the guest does with its virtual SIE — so a guest spinning with its
 * interrupts off is still preempted at the end of its slice.
 *
 * A guest that executes WFI with nothing pending becomes idle; when every
 * live guest is idle the VMM itself waits (WFI in M-mode with MIE = 0 wakes
 * on the pending timer without taking a trap) until the earliest virtual
 * deadline. A guest that waits for an interrupt that can never come is
 * stopped, as is one that keeps a pending interrupt masked for too many
 * slices (the watchdog, if the scenario enables it).
 *
 * Every cycle is charged to someone: the trace port's "current guest" is set
 * to the guest being run or served, and to TZ_GUEST_NONE while the VMM idles.
 *
 * Forward progress. However short the configured slice, a guest must retire
 * instructions in it. Entering a guest costs hundreds of cycles (the world
 * switch, then restoring 31 registers), and an interrupt that is pending and
 * enabled when MRET lowers the privilege is taken before the guest's first
 * instruction (priv spec §3.1.9): with a deadline already past at the MRET,
 * the guests would take turns retiring nothing, forever. So the decisions
 * (program_timer) only compute the deadline; sched_arm_timer, called on the
 * very last stretch of the way back into the guest (trap.c, vmm_resume),
 * writes mtimecmp, and never earlier than GUEST_MIN_QUANTUM_CYCLES after that
 * moment. A slice shorter than a world switch thus stretches to the switch
 * plus the quantum; the scenario loader refuses such slices anyway
 * (SCENARIO_MIN_SLICE_CYCLES, machine/scenario.h), but the VMM does not rely
 * on it.
 */
#include "interp.h"
#include "vmm.h"

#define CLINT_REG(off) (*(volatile uint32_t *)(uintptr_t)(TZ_CLINT_BASE + (off)))
#define HI_WORD 4u

/* Guest time the hart always gets after the MRET into a guest, in cycles:
 * covers the ~100 cycles from arming the timer to the MRET (the register
 * restore in entry.S) and leaves the guest about as much again. */
#define GUEST_MIN_QUANTUM_CYCLES 256u
/* mtime ticks measured at boot to learn how many cycles one tick lasts. */
#define CALIBRATE_TICKS 16u
#define INSN_BYTES 4u

struct vcpu *cur;
static uint64_t slice_end;
static uint64_t deadline;             /* when the running guest must be interrupted */
static uint32_t timer_armed;          /* mtimecmp holds `deadline` (or later) */
static uint32_t quantum_ticks;        /* GUEST_MIN_QUANTUM_CYCLES in mtime ticks */
static uint32_t attributed = TZ_GUEST_NONE;   /* guest the trace port charges */

/* The same words as kill_reason_name() in machine/guest_stats.c, which the
 * CLI's table, its JSON and the labs use: a student must be able to match
 * the console line with the table (tests/unit/test_scenario.c checks). */
#define NAME_ROW(code, text) [code] = text,
static const char *const kill_reason_text[] = { TZ_KILL_REASON_NAMES(NAME_ROW) };

/* mcause names as trapeze prints them: the same table machine_cause_name
 * (machine/events.c) expands, from machine/abi/riscv_bits.h. */
static const char *const exception_name[CAUSE_EXCEPTION_COUNT] = { RISCV_EXCEPTION_NAMES(NAME_ROW) };
static const char *const interrupt_name[IRQ_COUNT] = { RISCV_INTERRUPT_NAMES(NAME_ROW) };

static const char *cause_name(uint32_t cause)
{
    uint32_t code = cause & ~CAUSE_INTERRUPT;
    if (cause & CAUSE_INTERRUPT)
        return code < IRQ_COUNT && interrupt_name[code] ? interrupt_name[code] : "reserved";
    return code < CAUSE_EXCEPTION_COUNT && exception_name[code] ? exception_name[code] : "reserved";
}

/* mtime is 64 bits read as two words: re-read until the high word is stable. */
uint64_t mtime_now(void)
{
    uint32_t hi, lo;
    do {
        hi = CLINT_REG(TZ_CLINT_MTIME + HI_WORD);
        lo = CLINT_REG(TZ_CLINT_MTIME);
    } while (hi != CLINT_REG(TZ_CLINT_MTIME + HI_WORD));
    return ((uint64_t)hi << 32) | lo;
}

/* Priv spec §3.2.1: write the high word all-ones first so no spurious
 * interrupt fires between the two halves. */
static void set_mtimecmp(uint64_t t)
{
    CLINT_REG(TZ_CLINT_MTIMECMP + HI_WORD) = UINT32_MAX;
    CLINT_REG(TZ_CLINT_MTIMECMP) = (uint32_t)t;
    CLINT_REG(TZ_CLINT_MTIMECMP + HI_WORD) = (uint32_t)(t >> 32);
}

static void attribute_to(uint32_t id)
{
    if (id != attributed) {
        if (attributed < nguests)
            interp_report(&vcpus[attributed]);   /* emulated: instructions so far */
        trace_set_guest(id);
        attributed = id;
    }
}

/* Decide when the running guest must next be interrupted: the end of its
 * slice or its virtual timer, whichever comes first. sched_arm_timer writes
 * it to the CLINT on the way back into the guest. */
static void program_timer(void)
{
    uint64_t t = slice_end;
    if (!(cur->sip & SIP_STIP) && cur->vtimecmp < t)
        t = cur->vtimecmp;
    deadline = t;
    timer_armed = 0;
}

void sched_arm_timer(void)
{
    if (timer_armed)
        return;
    uint64_t earliest = mtime_now() + quantum_ticks;
    set_mtimecmp(deadline > earliest ? deadline : earliest);
    timer_armed = 1;
}

/* How many cycles one mtime tick lasts, measured over CALIBRATE_TICKS ticks
 * from a tick edge (the cycle counter and mtime are both architectural; the
 * ratio is the profile's clock_hz / timebase_hz). */
static uint32_t cycles_per_tick(void)
{
    uint64_t t0 = mtime_now(), t1;
    while ((t1 = mtime_now()) == t0)
        ;
    uint32_t c1 = csr_read(mcycle);
    uint64_t t2;
    while ((t2 = mtime_now()) < t1 + CALIBRATE_TICKS)
        ;
    uint32_t c2 = csr_read(mcycle);
    uint32_t per = (c2 - c1) / (uint32_t)(t2 - t1);
    return per ? per : 1;
}

void sched_set_vtimer(struct vcpu *v, uint64_t when)
{
    v->vtimecmp = when;
    /* SBI TIME: setting the timer clears the pending timer interrupt. */
    v->sip &= ~SIP_STIP;
    if (mtime_now() >= when)
        v->sip |= SIP_STIP;
    if (v == cur)
        program_timer();
}

static void switch_to(struct vcpu *next, uint64_t now)
{
    if (next != cur) {
        attribute_to(next->id);
        trace2(TZ_EV_GUEST_SWITCH, cur ? cur->id : TZ_GUEST_NONE, next->id);
        cur = next;
    } else {
        attribute_to(next->id);
    }
    if (now >= next->vtimecmp)
        next->sip |= SIP_STIP;
    slice_end = now + next->slice_ticks;
    shadow_activate(next);
    program_timer();
}

static void vmm_finish(void) __attribute__((noreturn));
static void vmm_finish(void)
{
    uint32_t failed = 0;
    attribute_to(TZ_GUEST_NONE);
    vmm_printf("[vmm] all guests finished\n");
    for (uint32_t i = 0; i < nguests; i++) {
        struct vcpu *g = &vcpus[i];
        if (g->state == GUEST_EXITED) {
            vmm_printf("[vmm]   %s: exited with status %u\n", g->name, g->exit_code);
            failed += g->exit_code != 0;
        } else {
            vmm_printf("[vmm]   %s: killed\n", g->name);
            failed++;
        }
    }
    machine_finish(failed);
}

/* cause, pc and tval describe the guest's own trap that led to the stop
 * (trapeze_abi.h, TZ_EV_GUEST_KILL): the fault a missing handler could not
 * take, not the handler's fault; the masked interrupt; the WFI. */
static void stop_guest(struct vcpu *v, uint32_t reason, uint32_t cause, uint32_t pc, uint32_t tval)
{
    console_flush(v);
    attribute_to(v->id);
    trace4(TZ_EV_GUEST_KILL, reason, cause, pc, tval);
    v->state = GUEST_KILLED;
    vmm_printf("[vmm] guest %u '%s' killed: %s ", v->id, v->name, kill_reason_text[reason]);
    if (reason == TZ_KILL_DEADLOCK)
        vmm_printf("(wfi at pc %08x)\n", pc);
    else if (cause & CAUSE_INTERRUPT)
        vmm_printf("(interrupt %u %s, pc %08x)\n", cause & ~CAUSE_INTERRUPT,
                   cause_name(cause), pc);
    else
        vmm_printf("(cause %u %s, pc %08x, tval %08x)\n", cause, cause_name(cause), pc, tval);
}

/* Choose who runs next, round robin after the current guest; wait if all
 * live guests are idle; end the run when none is left. */
static void pick_next(void)
{
    for (;;) {
        uint64_t now = mtime_now();
        uint64_t wake = UINT64_MAX;
        uint32_t idle = 0;
        for (uint32_t i = 0; i < nguests; i++) {
            struct vcpu *g = &vcpus[i];
            if (g->state != GUEST_IDLE)
                continue;
            if (now >= g->vtimecmp)
                g->sip |= SIP_STIP;
            if (g->sip & g->sie) {
                g->state = GUEST_RUNNABLE;   /* WFI completes */
            } else {
                idle++;
                if ((g->sie & SIP_STIP) && g->vtimecmp < wake)
                    wake = g->vtimecmp;
            }
        }
        uint32_t start = cur ? cur->id + 1 : 0;
        for (uint32_t k = 0; k < nguests; k++) {
            struct vcpu *g = &vcpus[(start + k) % nguests];
            if (g->state == GUEST_RUNNABLE) {
                switch_to(g, now);
                return;
            }
        }
        if (idle == 0)
            vmm_finish();
        if (wake == UINT64_MAX) {
            /* Everyone left waits, and nothing will ever wake them. */
            for (uint32_t i = 0; i < nguests; i++)
                if (vcpus[i].state == GUEST_IDLE)   /* pc is past its WFI */
                    stop_guest(&vcpus[i], TZ_KILL_DEADLOCK, 0, vcpus[i].pc - INSN_BYTES, 0);
            continue;
        }
        attribute_to(TZ_GUEST_NONE);
        set_mtimecmp(wake);
        while (mtime_now() < wake)
            __asm__ volatile("wfi");
    }
}

void sched_start(void)
{
    uint32_t per = cycles_per_tick();
    quantum_ticks = (GUEST_MIN_QUANTUM_CYCLES + per - 1) / per;
    cur = 0;
    pick_next();
}

void sched_timer_interrupt(void)
{
    struct vcpu *v = cur;
    uint64_t now = mtime_now();
    if (now >= v->vtimecmp)
        v->sip |= SIP_STIP;
    if (now < slice_end) {
        program_timer();
        return;
    }
    /* End of slice. Watchdog: a pending, enabled interrupt the guest kernel
     * keeps masked with SIE = 0 slice after slice. */
    uint32_t limit = bootinfo->watchdog_slices;
    uint32_t masked = v->sip & v->sie;
    if (limit && masked && v->vpriv == VPRIV_S && !(v->sstatus & SSTATUS_SIE)) {
        if (++v->masked_slices >= limit) {
            /* Name the interrupt it keeps masked, by priority (§3.1.9). */
            uint32_t code = (masked & SIP_SEIP) ? IRQ_S_EXT : (masked & SIP_SSIP) ? IRQ_S_SOFT : IRQ_S_TIMER;
            guest_kill(v, TZ_KILL_BUDGET, CAUSE_INTERRUPT | code, v->pc, 0);
            return;
        }
    } else {
        v->masked_slices = 0;
    }
    pick_next();
}

void sched_wfi(struct vcpu *v)
{
    if (mtime_now() >= v->vtimecmp)
        v->sip |= SIP_STIP;
    if (v->sip & v->sie)
        return;              /* an interrupt is already pending: WFI is a no-op */
    v->state = GUEST_IDLE;
    pick_next();
}

void guest_exit(struct vcpu *v, uint32_t code)
{
    console_flush(v);
    trace1(TZ_EV_GUEST_EXIT, code);
    v->state = GUEST_EXITED;
    v->exit_code = code;
    vmm_printf("[vmm] guest %u '%s' exited with status %u\n", v->id, v->name, code);
    pick_next();
}

void guest_kill(struct vcpu *v, uint32_t reason, uint32_t cause, uint32_t pc, uint32_t tval)
{
    stop_guest(v, reason, cause, pc, tval);
    pick_next();
}
