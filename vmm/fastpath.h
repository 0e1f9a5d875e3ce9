/*
 * fastpath.h — the hot path of trap-and-emulate: one guest CSR access.
 *
 * A guest kernel touches sscratch, sepc, sstatus, sie, stvec, scause and stval
 * on every trap it handles, so these accesses are the most frequent reason
 * to leave the guest. emulate.c handles every privileged instruction in full
 * generality; this function handles only the plain cases — a CSR that is
 * just storage in the vcpu, accessed from virtual S, with no side effect on
 * the shadow tables — and does it with no calls, so the compiler needs no
 * stack frame. Anything else returns 0 and takes the general path. Both
 * paths implement the same semantics (zicsr.adoc; supervisor.adoc §10.1);
 * the test guest vmmcheck exercises each CSR through both.
 */
#ifndef VMM_FASTPATH_H
#define VMM_FASTPATH_H

#include "vmm.h"

#define FAST_SSTATUS_WMASK (SSTATUS_SIE | SSTATUS_SPIE | SSTATUS_SPP | SSTATUS_SUM | SSTATUS_MXR)
#define FAST_SIE_WMASK     (SIP_SSIP | SIP_STIP | SIP_SEIP)
#define FAST_STVEC_WMASK   0xFFFFFFFDu
#define FAST_SEPC_WMASK    0xFFFFFFFCu
#define FAST_F3_PRIV       0u
#define FAST_F3_RESERVED   4u
#define FAST_F3_IMM        4u
#define FAST_OP_RW         1u
#define FAST_OP_RS         2u

/* Returns 1 if the CSR instruction `insn` was emulated (mepc advanced). */
static inline int emulate_csr_fast(struct vcpu *v, uint32_t insn)
{
    uint32_t f3 = insn_funct3(insn);
    if ((insn & OPCODE_MASK) != OPCODE_SYSTEM || f3 == FAST_F3_PRIV || f3 == FAST_F3_RESERVED ||
        v->vpriv != VPRIV_S)
        return 0;
    uint32_t *reg, wmask;
    switch (insn_csr(insn)) {
    case CSR_SSCRATCH: reg = &v->sscratch; wmask = ~0u; break;
    case CSR_SEPC:     reg = &v->sepc;     wmask = FAST_SEPC_WMASK; break;
    case CSR_SSTATUS:  reg = &v->sstatus;  wmask = FAST_SSTATUS_WMASK; break;
    case CSR_SCAUSE:   reg = &v->scause;   wmask = ~0u; break;
    case CSR_STVAL:    reg = &v->stval;    wmask = ~0u; break;
    case CSR_SIE:      reg = &v->sie;      wmask = FAST_SIE_WMASK; break;
    case CSR_STVEC:    reg = &v->stvec;    wmask = FAST_STVEC_WMASK; break;
    default:           return 0;
    }
    uint32_t rs1 = insn_rs1(insn);
    uint32_t op = f3 & 3u;
    uint32_t old = *reg;
    if (op == FAST_OP_RW || rs1 != 0) {
        uint32_t src = (f3 & FAST_F3_IMM) ? rs1 : v->x[rs1];
        uint32_t val = op == FAST_OP_RW ? src : op == FAST_OP_RS ? (old | src) : (old & ~src);
        val &= wmask;
        /* SUM/MXR changes reshape the shadow tables: general path. */
        if (reg == &v->sstatus && ((old ^ val) & (SSTATUS_SUM | SSTATUS_MXR)))
            return 0;
        *reg = val;
    }
    uint32_t rd = insn_rd(insn);
    if (rd)
        v->x[rd] = old;
    csr_write(mepc, csr_read(mepc) + 4);
    trace3(TZ_EV_EMULATE, TZ_EMUL_CSR, insn, insn_csr(insn));
    return 1;
}

#endif
