/*
 * hypercall.h — paravirtualization: what the rest of the VMM calls to serve a
 * guest running in "para" mode (hypercall.c has the full story).
 *
 * A paravirtual guest kernel keeps the cheap part of its virtual CPU in a
 * shared page of its own RAM (struct tz_pv_shared, machine/abi/trapeze_abi.h)
 * and reads and writes it without trapping. The VMM's vcpu stays the
 * authority: the page is copied into the vcpu when the kernel exits to the
 * VMM (pv_sync_in) and refreshed from it before the kernel resumes
 * (pv_sync_out). Both are short and run on every exit of such a guest, so
 * they are inline; a guest that never registered a page pays one test.
 */
#ifndef VMM_HYPERCALL_H
#define VMM_HYPERCALL_H

#include "vmm.h"

/* Bits of sstatus the kernel may change through the shared page. SUM and MXR
 * are not among them: they reshape the shadow page tables, so the VMM must
 * see every change (a CSR write, or TZPV_SRET). */
#define PV_SSTATUS_SHARED_WMASK (SSTATUS_SIE | SSTATUS_SPIE | SSTATUS_SPP)
#define PV_SEPC_MASK            (~0x3u)   /* IALIGN = 32: sepc[1:0] read as 0 */
#define PV_REG_SP               2u        /* x2 */
#define PV_REG_A7               17u       /* x17: the SBI extension id */

static inline volatile struct tz_pv_shared *pv_shared(const struct vcpu *v)
{
    return (volatile struct tz_pv_shared *)(uintptr_t)v->pv_shared;
}

/* The kernel exited: take what it wrote to the page. Values are sanitized as
 * a CSR write would be — the page is guest memory, nothing in it is trusted. */
static inline void pv_sync_in(struct vcpu *v)
{
    if (!v->pv_shared || v->vpriv != VPRIV_S)
        return;
    volatile struct tz_pv_shared *sh = pv_shared(v);
    v->sstatus = (v->sstatus & ~PV_SSTATUS_SHARED_WMASK) | (sh->sstatus & PV_SSTATUS_SHARED_WMASK);
    v->sepc = sh->sepc & PV_SEPC_MASK;
    v->scause = sh->scause;
    v->stval = sh->stval;
    v->sscratch = sh->sscratch;
}

/* The kernel is about to run: show it its virtual CPU. */
static inline void pv_sync_out(struct vcpu *v)
{
    if (!v->pv_shared || v->vpriv != VPRIV_S)
        return;
    volatile struct tz_pv_shared *sh = pv_shared(v);
    sh->sstatus = v->sstatus;
    sh->sepc = v->sepc;
    sh->scause = v->scause;
    sh->stval = v->stval;
    sh->sscratch = v->sscratch;
    sh->sie = v->sie;
    sh->sip = v->sip;
    sh->pending = v->sip & v->sie;
}

/* A trap was just delivered into the kernel (inject.c): do what the first
 * instruction of a native trap entry does, csrrw sp, sscratch, sp. */
static inline void pv_trap_delivered(struct vcpu *v)
{
    if (!v->pv_shared)
        return;
    uint32_t sp = v->x[PV_REG_SP];
    v->x[PV_REG_SP] = v->sscratch;
    v->sscratch = sp;
}

/* ECALL from virtual S with a7 = SBI_EXT_TZPV, from a guest in para mode. */
void hypercall(struct vcpu *v);

#endif
