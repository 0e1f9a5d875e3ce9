/*
 * trap.c — taking traps and returning from them: privilege transitions.
 *
 * Trap entry follows priv spec §3.1.6.1 (the MIE/MPIE/MPP stack), §3.1.7
 * (mtvec direct/vectored), §3.1.8 (medeleg/mideleg: a trap taken in S or U
 * mode whose bit is set goes to S-mode; traps never go to a lower privilege
 * than the one they come from), §4.1.1 (the SIE/SPIE/SPP stack). Interrupt
 * selection follows §3.1.9: an interrupt i traps to M if it is pending and
 * enabled in mie, not delegated, and the hart is below M or in M with
 * mstatus.MIE; delegated interrupts go to S when the hart is below S, or in S
 * with mstatus.SIE, and never interrupt M-mode. Among several, the fixed
 * priority is MEI, MSI, MTI, SEI, SSI, STI.
 */
#include "internal.h"

/* mip as software sees it: software-writable bits plus the CLINT's lines. */
uint32_t hart_mip(const struct machine *m)
{
    uint32_t mip = m->csr.mip_sw;
    if (m->clint_msip & 1u)
        mip |= MIP_MSIP;
    if (clint_mtime(m) >= m->mtimecmp)
        mip |= MIP_MTIP;
    return mip;
}

void hart_update_modes(struct machine *m)
{
    unsigned dp = m->priv;
    /* §3.1.6.3: with MPRV = 1, M-mode loads and stores are translated and
     * protected as if at privilege MPP. */
    if (m->priv == PRV_M && (m->csr.mstatus & MSTATUS_MPRV))
        dp = (m->csr.mstatus & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT;
    m->data_priv = dp;
    m->data_key = (m->hc_gen << HC_GEN_SHIFT) | ((uint64_t)dp << HC_PRIV_SHIFT);
    m->fetch_key = (m->hc_gen << HC_GEN_SHIFT) | ((uint64_t)m->priv << HC_PRIV_SHIFT);
    m->fetch_vpn = FETCH_NONE;
}

void hart_set_priv(struct machine *m, unsigned priv)
{
    if (priv != m->priv) {
        counters_account(m);
        m->priv = priv;
    }
    hart_update_modes(m);
}

/* Common trap entry for exceptions and interrupts. */
static void trap_enter(struct machine *m, uint32_t cause, uint32_t tval, bool interrupt)
{
    unsigned from = m->priv;
    uint32_t deleg = interrupt ? m->csr.mideleg : m->csr.medeleg;
    uint32_t epc = m->pc;
    uint32_t mcause = cause | (interrupt ? CAUSE_INTERRUPT : 0u);
    uint32_t tvec;
    unsigned to;

    m->resv_valid = false;
    if (from <= PRV_S && ((deleg >> cause) & 1u)) {
        uint32_t s = m->csr.mstatus;
        m->csr.scause = mcause;
        m->csr.sepc = epc;
        m->csr.stval = tval;
        s = (s & ~MSTATUS_SPIE) | ((s & MSTATUS_SIE) ? MSTATUS_SPIE : 0u);
        s = (s & ~MSTATUS_SPP) | (from == PRV_S ? MSTATUS_SPP : 0u);
        s &= ~MSTATUS_SIE;
        m->csr.mstatus = s;
        tvec = m->csr.stvec;
        to = PRV_S;
    } else {
        uint32_t s = m->csr.mstatus;
        m->csr.mcause = mcause;
        m->csr.mepc = epc;
        m->csr.mtval = tval;
        s = (s & ~MSTATUS_MPIE) | ((s & MSTATUS_MIE) ? MSTATUS_MPIE : 0u);
        s = (s & ~MSTATUS_MPP) | ((uint32_t)from << MSTATUS_MPP_SHIFT);
        s &= ~MSTATUS_MIE;
        m->csr.mstatus = s;
        tvec = m->csr.mtvec;
        to = PRV_M;
    }
    /* §3.1.7: vectored mode sends interrupts to BASE + 4 * cause. */
    m->pc = (tvec & ~TVEC_MODE_MASK) +
            ((interrupt && (tvec & TVEC_MODE_MASK) == TVEC_MODE_VECTORED) ? 4u * cause : 0u);
    hart_set_priv(m, to);
    /* The trap-entry cycles are charged after the switch, so they count for
     * the privilege (and current guest) that takes the trap — the handler's
     * side: a VMM exit is VMM time, a guest in U-mode is never billed for
     * being interrupted. The event below is stamped after the charge, at
     * the cycle the handler's first instruction starts (vmm_cost.c relies
     * on that: it adds trap_entry to each exit itself). */
    m->cycles += m->prof.trap_entry;
    if (interrupt)
        m->ctr.interrupts[cause & 31u]++;
    else
        m->ctr.exceptions[cause & 31u]++;
    event_emit(m, interrupt ? EV_INTERRUPT : EV_TRAP, from, to, cause, epc, tval, 0);
    recheck(m);
}

void trap_take_exception(struct machine *m)
{
    trap_enter(m, m->exc_cause, m->exc_tval, false);
}

void trap_take_interrupt(struct machine *m, unsigned irq)
{
    trap_enter(m, irq, 0, true);
}

/* Interrupt priority of §3.1.9 (highest first). */
static const unsigned irq_priority[] = {
    IRQ_M_EXT, IRQ_M_SOFT, IRQ_M_TIMER, IRQ_S_EXT, IRQ_S_SOFT, IRQ_S_TIMER,
};
#define IRQ_PRIORITY_COUNT (sizeof irq_priority / sizeof irq_priority[0])

int trap_pending_interrupt(const struct machine *m)
{
    uint32_t pending, m_en, s_en, take;
    /* Every trap and xRET asks this, so rule out the common "nothing can be
     * pending" case without reading the CLINT's time (a division): mip has
     * no bits beyond the software-written ones and MSIP/MTIP (hart_mip). */
    if (!(m->csr.mie & (m->csr.mip_sw | MIP_MSIP | MIP_MTIP)))
        return -1;
    pending = hart_mip(m) & m->csr.mie;
    if (!pending)
        return -1;
    m_en = (m->priv < PRV_M || (m->csr.mstatus & MSTATUS_MIE)) ? ~m->csr.mideleg : 0u;
    s_en = (m->priv < PRV_S || (m->priv == PRV_S && (m->csr.mstatus & MSTATUS_SIE)))
               ? m->csr.mideleg : 0u;
    /* Delegated interrupts are never taken in M-mode (s_en is 0 there). */
    take = pending & m_en;
    if (!take)
        take = pending & s_en;
    if (!take)
        return -1;
    for (unsigned i = 0; i < IRQ_PRIORITY_COUNT; i++)
        if (take & (1u << irq_priority[i]))
            return (int)irq_priority[i];
    return -1;
}

/* The part of MRET and SRET that is the same: write back the updated status,
 * return to the saved pc (xepc) in privilege `to`, and drop any LR
 * reservation, as trap entry does. The event names the instruction by the
 * mode it returns from, `xret_mode`. */
static bool finish_xret(struct machine *m, uint32_t mstatus, unsigned to, uint32_t epc,
                        unsigned xret_mode)
{
    unsigned from = m->priv;
    m->csr.mstatus = mstatus;
    m->pc = epc;
    m->resv_valid = false;
    hart_set_priv(m, to);
    event_emit(m, EV_XRET, from, to, 0, m->pc, 0, xret_mode);
    recheck(m);
    return true;
}

/* MRET (§3.3.2): privilege <- MPP, MIE <- MPIE, MPIE <- 1, MPP <- U (the
 * least-privileged mode); leaving M clears MPRV. */
bool exec_mret(struct machine *m)
{
    uint32_t s = m->csr.mstatus;
    unsigned to = (s & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT;
    s = (s & ~MSTATUS_MIE) | ((s & MSTATUS_MPIE) ? MSTATUS_MIE : 0u);
    s |= MSTATUS_MPIE;
    s &= ~MSTATUS_MPP;
    if (to != PRV_M)
        s &= ~MSTATUS_MPRV;
    return finish_xret(m, s, to, m->csr.mepc, PRV_M);
}

/* SRET (§3.3.2, §4.1.1): privilege <- SPP, SIE <- SPIE, SPIE <- 1, SPP <- U;
 * the new privilege is below M, so MPRV is cleared. */
bool exec_sret(struct machine *m)
{
    uint32_t s = m->csr.mstatus;
    unsigned to = (s & MSTATUS_SPP) ? PRV_S : PRV_U;
    s = (s & ~MSTATUS_SIE) | ((s & MSTATUS_SPIE) ? MSTATUS_SIE : 0u);
    s |= MSTATUS_SPIE;
    s &= ~(MSTATUS_SPP | MSTATUS_MPRV);
    return finish_xret(m, s, to, m->csr.sepc, PRV_S);
}
