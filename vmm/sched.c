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
 */
#include "interp.h"
#include "vmm.h"

#define CLINT_REG(off) (*(volatile uint32_t *)(uintptr_t)(TZ_CLINT_BASE + (off)))
#define HI_WORD 4u

struct vcpu *cur;
static uint64_t slice_end;
static uint32_t attributed = TZ_GUEST_NONE;   /* guest the trace port charges */

static const char *const kill_reason_text[] = {
    [TZ_KILL_TRAP_STORM] = "trap storm (faulting in a loop with no progress)",
    [TZ_KILL_BAD_MEMORY] = "touched memory outside its partition with no handler",
    [TZ_KILL_ILLEGAL]    = "executed garbage with no handler",
    [TZ_KILL_BUDGET]     = "kept a pending interrupt masked too long (watchdog)",
    [TZ_KILL_DEADLOCK]   = "waits for an interrupt that can never come",
};

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

static void program_timer(void)
{
    uint64_t t = slice_end;
    if (!(cur->sip & SIP_STIP) && cur->vtimecmp < t)
        t = cur->vtimecmp;
    set_mtimecmp(t);
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

static void stop_guest(struct vcpu *v, uint32_t reason, uint32_t cause, uint32_t tval)
{
    console_flush(v);
    attribute_to(v->id);
    trace3(TZ_EV_GUEST_KILL, reason, cause, v->pc);
    v->state = GUEST_KILLED;
    vmm_printf("[vmm] guest %u '%s' killed: %s (cause %x, pc %08x, tval %08x)\n", v->id, v->name,
               kill_reason_text[reason], cause, v->pc, tval);
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
                if (vcpus[i].state == GUEST_IDLE)
                    stop_guest(&vcpus[i], TZ_KILL_DEADLOCK, 0, 0);
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
    if (limit && (v->sip & v->sie) && v->vpriv == VPRIV_S && !(v->sstatus & SSTATUS_SIE)) {
        if (++v->masked_slices >= limit) {
            guest_kill(v, TZ_KILL_BUDGET, MCAUSE_INTERRUPT | IRQ_M_TIMER, 0);
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

void guest_kill(struct vcpu *v, uint32_t reason, uint32_t cause, uint32_t tval)
{
    stop_guest(v, reason, cause, tval);
    pick_next();
}
