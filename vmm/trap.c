/*
 * trap.c — the single dispatcher: every exit from a guest comes through here.
 *
 * entry.S has saved the guest's registers into its vcpu. vmm_trap looks at
 * mcause (priv spec §3.1.15) and hands the event to the file that owns it:
 *
 *   machine timer interrupt    sched.c   (slice end, virtual timer)
 *   illegal instruction        emulate.c (privileged instructions the guest
 *                                         kernel executed in real U-mode)
 *   ECALL from U-mode          sbi.c if the vcpu is in virtual S (an SBI
 *                              call); else inject.c (a system call the guest
 *                              kernel must see)
 *   page faults                shadow.c  (hidden fill, MMIO, or injected)
 *   anything else              inject.c  (reflect it into the guest kernel)
 *
 * vmm_resume then delivers a pending virtual interrupt if the vcpu would take
 * one, and returns the vcpu to enter (entry.S restores it and MRETs). The
 * common case — one emulated CSR access — is kept short: no loops, no calls
 * that are not needed.
 */
#include "fastpath.h"
#include "hypercall.h"
#include "interp.h"
#include "vmm.h"

_Static_assert(__builtin_offsetof(struct vcpu, x) == 0, "entry.S saves x[] at offset 0");
_Static_assert(__builtin_offsetof(struct vcpu, pc) == 32 * 4, "vcpu.pc follows x[]");

struct vcpu *vmm_trap(struct vcpu *v)
{
    uint32_t cause = csr_read(mcause);
    pv_sync_in(v);   /* a paravirtual kernel's shared page -> vcpu */

    /* Hot path: a plain CSR access from the guest kernel. The vcpu stays
     * current, so only a newly enabled pending interrupt needs the full
     * return path. */
    if (cause == CAUSE_ILLEGAL_INSTRUCTION && emulate_csr_fast(v, csr_read(mtval))) {
        uint32_t pending = v->sip & v->sie;
        if (!pending || !(v->sstatus & SSTATUS_SIE)) {
            pv_sync_out(v);
            return v;
        }
        v->pc = csr_read(mepc);
        return vmm_resume();
    }

    v->pc = csr_read(mepc);

    if (cause & CAUSE_INTERRUPT) {
        if ((cause & ~CAUSE_INTERRUPT) == IRQ_M_TIMER)
            sched_timer_interrupt();
        /* No other machine interrupt is enabled (mie = MTIE only). */
        return vmm_resume();
    }

    switch (cause) {
    case CAUSE_ILLEGAL_INSTRUCTION:
        emulate_illegal(v, csr_read(mtval));
        break;
    case CAUSE_USER_ECALL:
        if (v->vpriv != VPRIV_S)
            inject_exception(v, CAUSE_USER_ECALL, 0);
        else if (v->mode == TZ_GUEST_MODE_PARA && v->x[PV_REG_A7] == SBI_EXT_TZPV)
            hypercall(v);   /* a7 = the paravirtual extension */
        else
            sbi_call(v);
        break;
    case CAUSE_FETCH_PAGE_FAULT:
    case CAUSE_LOAD_PAGE_FAULT:
    case CAUSE_STORE_PAGE_FAULT:
        shadow_page_fault(v, cause, csr_read(mtval));
        break;
    default:
        /* Breakpoints, misaligned accesses, access faults: the guest's own
         * hardware would have raised them too; its kernel decides. */
        inject_exception(v, cause, csr_read(mtval));
        break;
    }
    return vmm_resume();
}

/*
 * Before entering the current guest: take a pending virtual interrupt if the
 * vcpu would (priv spec §3.1.9: an S-level interrupt is taken in U-mode
 * always, in S-mode when sstatus.SIE is set; sie must enable it).
 */
struct vcpu *vmm_resume(void)
{
    for (;;) {
        struct vcpu *v = cur;
        uint32_t pending = v->sip & v->sie;
        if (pending && (v->vpriv == VPRIV_U || (v->sstatus & SSTATUS_SIE)))
            inject_interrupt(v, pending);
        sched_arm_timer();   /* last: the guest's quantum starts about now */
        if (v->mode != TZ_GUEST_MODE_EMULATED) {
            pv_sync_out(v);   /* vcpu -> a paravirtual kernel's shared page */
            csr_write(mepc, v->pc);
            return v;
        }
        /* An emulated guest is never entered: the VMM interprets it until
         * something needs handling (interp.c), then looks again. */
        interp_run(v);
    }
}

void vmm_panic(uint32_t mcause, uint32_t mepc, uint32_t mtval)
{
    vmm_printf("[vmm] PANIC: trap inside the VMM: mcause %08x mepc %08x mtval %08x\n",
               mcause, mepc, mtval);
    machine_finish(2);
}
