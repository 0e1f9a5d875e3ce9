/*
 * inject.c — making the guest kernel take a trap its own hardware would take.
 *
 * Trap entry into S-mode (priv spec §3.1.6.1, §10.1.1, §10.1.2), done on the
 * vcpu instead of the real hart:
 *
 *   scause <- cause, stval <- tval, sepc <- pc of the trapping instruction
 *   SPP <- previous virtual privilege, SPIE <- SIE, SIE <- 0
 *   virtual privilege <- S
 *   pc <- stvec.BASE (+ 4 * code for an interrupt when stvec.MODE = vectored)
 *
 * Injected exceptions are also where a broken guest shows itself: a trap
 * handler that faults on its own first instruction (no handler, garbage,
 * unmapped stvec) or the same fault repeated at the same place with no
 * progress is a trap storm. Natively such a kernel hangs; here it would spin
 * through the VMM forever, so the VMM stops it (sched.c, guest_kill) and the
 * other guests carry on.
 */
#include "hypercall.h"
#include "vmm.h"

/* Consecutive identical fault injections (same epc, cause, tval) allowed. */
#define STORM_REPEAT_LIMIT   64u
/* Consecutive traps taken on the very instruction the last trap jumped to. */
#define STORM_HANDLER_LIMIT  4u

static void enter_trap(struct vcpu *v, uint32_t cause, uint32_t tval)
{
    /* A trap taken on the handler's own first instruction can never be
     * handled. Remember every other one: it is what the guest was doing
     * when a missing handler failed, and what a kill then reports. */
    if (v->pc != (v->stvec & ~TVEC_MODE_MASK)) {
        v->origin_cause = cause;
        v->origin_epc = v->pc;
        v->origin_tval = tval;
        v->origin_set = 1;
    }
    uint32_t s = v->sstatus & ~(SSTATUS_SPP | SSTATUS_SPIE | SSTATUS_SIE);
    if (v->vpriv == VPRIV_S)
        s |= SSTATUS_SPP;
    if (v->sstatus & SSTATUS_SIE)
        s |= SSTATUS_SPIE;
    v->sstatus = s;
    v->scause = cause;
    v->stval = tval;
    v->sepc = v->pc;
    uint32_t target = v->stvec & ~TVEC_MODE_MASK;
    if ((cause & CAUSE_INTERRUPT) && (v->stvec & TVEC_MODE_MASK) == TVEC_MODE_VECTORED)
        target += 4 * (cause & ~CAUSE_INTERRUPT);
    trace3(TZ_EV_INJECT, cause, tval, v->pc);
    v->pc = target;
    if (v->vpriv != VPRIV_S) {
        v->vpriv = VPRIV_S;
        shadow_activate(v);
    }
    pv_trap_delivered(v);   /* paravirtual kernels: the sp/sscratch swap */
}

static uint32_t kill_reason_for(uint32_t cause)
{
    switch (cause) {
    case CAUSE_ILLEGAL_INSTRUCTION:
        return TZ_KILL_ILLEGAL;
    case CAUSE_FETCH_ACCESS:
    case CAUSE_LOAD_ACCESS:
    case CAUSE_STORE_ACCESS:
        return TZ_KILL_BAD_MEMORY;
    default:
        return TZ_KILL_TRAP_STORM;
    }
}

void inject_exception(struct vcpu *v, uint32_t cause, uint32_t tval)
{
    uint32_t at_handler = v->pc == (v->stvec & ~TVEC_MODE_MASK);
    /* Storm detection. System calls and breakpoints legitimately repeat at
     * one pc (a loop around ECALL), so only faults count as "no progress". */
    if (cause != CAUSE_USER_ECALL && cause != CAUSE_BREAKPOINT) {
        if (v->pc == v->storm_epc && cause == v->storm_cause && tval == v->storm_tval) {
            v->storm_count++;
        } else {
            v->storm_epc = v->pc;
            v->storm_cause = cause;
            v->storm_tval = tval;
            v->storm_count = 0;
        }
        /* At the handler, give up much sooner, and blame the trap that sent
         * the guest there (garbage, a wild store), not the fetch at the
         * vector. Elsewhere the guest has a handler that keeps returning to
         * the same fault: a trap storm. */
        uint32_t limit = at_handler ? STORM_HANDLER_LIMIT : STORM_REPEAT_LIMIT;
        if (v->storm_count >= limit) {
            if (at_handler && v->origin_set)
                guest_kill(v, kill_reason_for(v->origin_cause), v->origin_cause, v->origin_epc,
                           v->origin_tval);
            else if (at_handler)
                guest_kill(v, kill_reason_for(cause), cause, v->pc, tval);
            else
                guest_kill(v, TZ_KILL_TRAP_STORM, cause, v->pc, tval);
            return;
        }
    }
    enter_trap(v, cause, tval);
}

/* Priority among S-level interrupts: SEI, SSI, STI (priv spec §3.1.9). */
void inject_interrupt(struct vcpu *v, uint32_t pending)
{
    uint32_t code = (pending & SIP_SEIP) ? IRQ_S_EXT : (pending & SIP_SSIP) ? IRQ_S_SOFT : IRQ_S_TIMER;
    enter_trap(v, CAUSE_INTERRUPT | code, 0);
}
