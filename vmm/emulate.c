/*
 * emulate.c — trap-and-emulate for the privileged instructions of S-mode.
 *
 * The guest kernel runs in real U-mode, so each of its privileged
 * instructions raises an illegal-instruction exception; the machine puts the
 * instruction bits in mtval (priv spec §3.1.16). This file decodes them and
 * does what S-mode hardware would have done, against the vcpu:
 *
 *   CSRRW/CSRRS/CSRRC[I]  on sstatus, sie, sip, stvec, scounteren, senvcfg,
 *                         sscratch, sepc, scause, stval, satp (zicsr.adoc,
 *                         supervisor.adoc §10.1)
 *   SRET                  return from the guest's trap handler (§3.3.2)
 *   SFENCE.VMA            drop shadow entries (§10.2.1)
 *   WFI                   the guest is idle until a virtual interrupt (§3.3.3)
 *
 * Anything else — an M-mode CSR, MRET, garbage, or a privileged instruction
 * from the guest's own U-mode processes — is what real hardware would reject:
 * the VMM injects an illegal-instruction exception into the guest kernel.
 */
#include "vmm.h"

#define SYSTEM_F3_PRIV     0u    /* ECALL/EBREAK/xRET/WFI/SFENCE.VMA */
#define SYSTEM_F3_RESERVED 4u
#define CSR_F3_IMM         4u    /* funct3 bit 2: rs1 field is a 5-bit immediate */
#define CSR_OP_MASK        3u
#define CSR_OP_RW          1u
#define CSR_OP_RS          2u
#define CSR_OP_RC          3u
#define SFENCE_FUNCT7_SHIFT 25

/* Writable bits (WARL fields) of the virtual S-mode CSRs. */
#define SSTATUS_WMASK (SSTATUS_SIE | SSTATUS_SPIE | SSTATUS_SPP | SSTATUS_SUM | SSTATUS_MXR)
#define SIE_WMASK     (SIP_SSIP | SIP_STIP | SIP_SEIP)
#define SIP_WMASK     SIP_SSIP            /* STIP/SEIP are set by the "hardware" */
#define SENVCFG_WMASK 0x0u                /* no senvcfg field is implemented */
#define SEPC_MASK     (~0x3u)             /* IALIGN = 32: sepc[1:0] read as 0 */
#define STVEC_WMASK   0xFFFFFFFDu         /* MODE >= 2 is reserved: bit 1 reads 0 */

static void illegal(struct vcpu *v, uint32_t insn)
{
    inject_exception(v, CAUSE_ILLEGAL_INSTRUCTION, insn);
}

/* Read a virtual CSR. Returns -1 for a CSR S-mode does not have. */
static int csr_get(struct vcpu *v, uint32_t csr, uint32_t *val)
{
    switch (csr) {
    case CSR_SSTATUS:    *val = v->sstatus; return 0;
    case CSR_SIE:        *val = v->sie; return 0;
    case CSR_STVEC:      *val = v->stvec; return 0;
    case CSR_SCOUNTEREN: *val = v->scounteren; return 0;
    case CSR_SENVCFG:    *val = v->senvcfg; return 0;
    case CSR_SSCRATCH:   *val = v->sscratch; return 0;
    case CSR_SEPC:       *val = v->sepc; return 0;
    case CSR_SCAUSE:     *val = v->scause; return 0;
    case CSR_STVAL:      *val = v->stval; return 0;
    case CSR_SATP:       *val = v->satp; return 0;
    case CSR_SIP:
        /* STIP mirrors the virtual timer comparison (SBI TIME ext.). */
        if (mtime_now() >= v->vtimecmp)
            v->sip |= SIP_STIP;
        *val = v->sip;
        return 0;
    /* Counters only trap here if real scounteren blocked them; S-mode may
     * read them (mcounteren is all ones natively). */
    case CSR_CYCLE:      *val = csr_read(mcycle); return 0;
    case CSR_CYCLEH:     *val = csr_read(mcycleh); return 0;
    case CSR_INSTRET:    *val = csr_read(minstret); return 0;
    case CSR_INSTRETH:   *val = csr_read(minstreth); return 0;
    case CSR_TIME:       *val = (uint32_t)mtime_now(); return 0;
    case CSR_TIMEH:      *val = (uint32_t)(mtime_now() >> 32); return 0;
    default:             return -1;
    }
}

static void csr_put(struct vcpu *v, uint32_t csr, uint32_t val)
{
    switch (csr) {
    case CSR_SSTATUS: {
        uint32_t old = v->sstatus;
        v->sstatus = val & SSTATUS_WMASK;
        if ((old ^ v->sstatus) & (SSTATUS_SUM | SSTATUS_MXR))
            shadow_status_write(v, old);
        break;
    }
    case CSR_SIE:        v->sie = val & SIE_WMASK; break;
    case CSR_SIP:        v->sip = (v->sip & ~SIP_WMASK) | (val & SIP_WMASK); break;
    case CSR_STVEC:      v->stvec = val & STVEC_WMASK; break;
    case CSR_SCOUNTEREN: v->scounteren = val; break;
    case CSR_SENVCFG:    v->senvcfg = val & SENVCFG_WMASK; break;
    case CSR_SSCRATCH:   v->sscratch = val; break;
    case CSR_SEPC:       v->sepc = val & SEPC_MASK; break;
    case CSR_SCAUSE:     v->scause = val; break;
    case CSR_STVAL:      v->stval = val; break;
    case CSR_SATP:       shadow_satp_write(v, val); break;
    default: break;      /* read-only counters were rejected before */
    }
}

/* zicsr.adoc: CSRRW always writes (and reads only if rd != x0); CSRRS/CSRRC
 * write only if rs1 (or uimm) is not zero, so a pure read of a read-only CSR
 * is legal. */
static void emulate_csr(struct vcpu *v, uint32_t insn, uint32_t f3)
{
    uint32_t csr = insn_csr(insn);
    uint32_t rs1 = insn_rs1(insn);
    uint32_t rd = insn_rd(insn);
    uint32_t op = f3 & CSR_OP_MASK;
    uint32_t src = (f3 & CSR_F3_IMM) ? rs1 : v->x[rs1];
    int writes = op == CSR_OP_RW || rs1 != 0;
    uint32_t old;

    /* Every S-level CSR is out of reach of virtual U-mode; a counter only
     * traps from virtual U if the guest kernel's scounteren forbids it. */
    if (v->vpriv == VPRIV_U || csr_get(v, csr, &old) != 0 ||
        (writes && ((csr >> CSR_RO_SHIFT) & CSR_RO_VALUE) == CSR_RO_VALUE)) {
        illegal(v, insn);
        return;
    }
    if (writes) {
        uint32_t val = op == CSR_OP_RW ? src : op == CSR_OP_RS ? (old | src) : (old & ~src);
        csr_put(v, csr, val);
    }
    if (rd)
        v->x[rd] = old;
    v->pc += 4;
    trace3(TZ_EV_EMULATE, TZ_EMUL_CSR, insn, csr);
}

/* SRET (priv spec §3.3.2 and §10.1.1): privilege <- SPP, SIE <- SPIE,
 * SPIE <- 1, SPP <- U, pc <- sepc. */
static void emulate_sret(struct vcpu *v, uint32_t insn)
{
    uint32_t s = v->sstatus;
    uint32_t to = (s & SSTATUS_SPP) ? VPRIV_S : VPRIV_U;
    s &= ~(SSTATUS_SIE | SSTATUS_SPP);
    if (v->sstatus & SSTATUS_SPIE)
        s |= SSTATUS_SIE;
    s |= SSTATUS_SPIE;
    v->sstatus = s;
    v->pc = v->sepc;
    trace3(TZ_EV_EMULATE, TZ_EMUL_SRET, insn, 0);
    if (to != v->vpriv) {
        v->vpriv = to;
        shadow_activate(v);
    }
}

/* SFENCE.VMA rs1, rs2: the guest changed its page tables. rs1 = x0 means
 * every address, rs2 = x0 every address space; otherwise only the shadows of
 * address spaces with that ASID go. A single address is dropped from every
 * cached address space: dropping more than asked is always correct. */
static void emulate_sfence(struct vcpu *v, uint32_t insn)
{
    uint32_t rs1 = insn_rs1(insn), rs2 = insn_rs2(insn);
    v->pc += 4;
    trace3(TZ_EV_EMULATE, TZ_EMUL_SFENCE, insn, 0);
    if (rs1 != 0)
        shadow_flush_page(v, v->x[rs1]);
    else if (rs2 != 0)
        shadow_flush_asid(v, v->x[rs2]);
    else
        shadow_flush_all(v);
}

void emulate_illegal(struct vcpu *v, uint32_t insn)
{
    /* A machine that leaves mtval 0 still lets the VMM read the instruction. */
    if (insn == 0 && guest_fetch_insn(v, &insn) != 0) {
        illegal(v, 0);
        return;
    }
    if ((insn & OPCODE_MASK) != OPCODE_SYSTEM) {
        illegal(v, insn);
        return;
    }
    uint32_t f3 = insn_funct3(insn);
    if (f3 != SYSTEM_F3_PRIV && f3 != SYSTEM_F3_RESERVED) {
        emulate_csr(v, insn, f3);
        return;
    }
    /* SRET, WFI and SFENCE.VMA are S-mode instructions: from virtual U-mode
     * they are illegal, as on real hardware (WFI: mstatus.TW aside, U-mode
     * WFI may trap, and with S-mode present it does). */
    if (v->vpriv != VPRIV_S || f3 != SYSTEM_F3_PRIV) {
        illegal(v, insn);
        return;
    }
    if (insn == INSN_SRET) {
        emulate_sret(v, insn);
    } else if (insn == INSN_WFI) {
        v->pc += 4;
        trace3(TZ_EV_EMULATE, TZ_EMUL_WFI, insn, 0);
        sched_wfi(v);
    } else if ((insn >> SFENCE_FUNCT7_SHIFT) == FUNCT7_SFENCE_VMA && insn_rd(insn) == 0) {
        emulate_sfence(v, insn);
    } else {
        illegal(v, insn);   /* MRET, or an encoding S-mode does not have */
    }
}
