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
    if ((cause & MCAUSE_INTERRUPT) && (v->stvec & TVEC_MODE_MASK) == TVEC_MODE_VECTORED)
        target += 4 * (cause & ~MCAUSE_INTERRUPT);
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
    case CAUSE_ILLEGAL_INSN:
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
    /* Storm detection. System calls and breakpoints legitimately repeat at
     * one pc (a loop around ECALL), so only faults count as "no progress". */
    if (cause != CAUSE_ECALL_U && cause != CAUSE_BREAKPOINT) {
        if (v->pc == v->storm_epc && cause == v->storm_cause && tval == v->storm_tval) {
            v->storm_count++;
        } else {
            v->storm_epc = v->pc;
            v->storm_cause = cause;
            v->storm_tval = tval;
            v->storm_count = 0;
        }
        /* A fault on the handler's own first instruction can never be
         * handled: give up much sooner, and blame the fault that sent the
         * guest there (garbage, a wild store), not the fetch at the vector. */
        uint32_t at_handler = v->pc == (v->stvec & ~TVEC_MODE_MASK);
        if (!at_handler)
            v->storm_origin = cause;
        uint32_t limit = at_handler ? STORM_HANDLER_LIMIT : STORM_REPEAT_LIMIT;
        if (v->storm_count >= limit) {
            guest_kill(v, kill_reason_for(at_handler ? v->storm_origin : cause), cause, tval);
            return;
        }
    }
    enter_trap(v, cause, tval);
}

/* Priority among S-level interrupts: SEI, SSI, STI (priv spec §3.1.9). */
void inject_interrupt(struct vcpu *v, uint32_t pending)
{
    uint32_t code = (pending & SIP_SEIP) ? IRQ_S_EXT : (pending & SIP_SSIP) ? IRQ_S_SOFT : IRQ_S_TIMER;
    enter_trap(v, MCAUSE_INTERRUPT | code, 0);
}
