/*
 * csr.c — the control and status registers of the hart.
 *
 * Access rules (zicsr.adoc; priv spec §2.1, §2.3): an unimplemented number,
 * an access from below the CSR's lowest privilege (csr[9:8]) or a write to a
 * read-only CSR (csr[11:10] = 3) raises illegal instruction. Beyond that:
 *   - satp from S-mode with mstatus.TVM = 1 is illegal (§3.1.6.5);
 *   - the unprivileged counters cycle/time/instret/hpmcounterN (and the
 *     ...h halves) are readable below M only if the matching mcounteren bit
 *     is set, and in U-mode only if the scounteren bit is set too (§3.1.11,
 *     §4.1.5).
 *
 * Values are WARL (§2.3): writes keep only legal values. Views: sstatus is
 * mstatus through SSTATUS_MASK (§4.1.1); sie/sip are mie/mip restricted to
 * the bits delegated in mideleg (§4.1.3). mip.MTIP and mip.MSIP come from
 * the CLINT and are read-only; M-mode may write SSIP, STIP and SEIP (§3.1.9).
 *
 * Counters: mcycle is the cost-model cycle count and minstret the retired
 * instruction count, both offset by what software wrote. A CSR instruction
 * that writes a counter sees its write "instead of the increment" (zicsr.adoc
 * §"CSR Instructions"): the offset accounts for the writing instruction's own
 * cycles and retirement.
 */
#include <stddef.h>

#include "internal.h"

/* sstatus bits S-mode can write (the others are read-only zero here: no F/V). */
#define SSTATUS_WRITABLE (MSTATUS_SIE | MSTATUS_SPIE | MSTATUS_SPP | MSTATUS_SUM | MSTATUS_MXR)
/* mstatus fields whose change alters translation or protection. */
#define MSTATUS_MMU_BITS (MSTATUS_MPRV | MSTATUS_MPP | MSTATUS_SUM | MSTATUS_MXR)

#define COUNTER_INDEX_MASK 0x1fu
#define MISA_VALUE (MISA_MXL_32 | MISA_EXT('A') | MISA_EXT('I') | MISA_EXT('M') | \
                    MISA_EXT('S') | MISA_EXT('U'))
#define HI32 32

/*
 * Plain CSRs: registers that are nothing but storage. Reading returns the
 * stored value, writing stores value & wmask (their WARL rule, csr.def), and
 * neither has any other effect: no view of another register, no cache to
 * flush, no interrupt that could become pending. They are what trap handlers
 * touch most (scratch, epc, cause, tval), so the interpreter does them
 * inline (exec.c); csr_read/csr_write below use this same table, so both
 * paths agree by construction. Each entry is the register's byte offset in
 * m->csr plus one (0 = not plain).
 */
#define PLAIN_CSR(num, field) [num] = \
    (uint8_t)(offsetof(struct machine, csr.field) - offsetof(struct machine, csr) + 1u)
const uint8_t csr_plain_[CSR_SPACE] = {
    PLAIN_CSR(CSR_MEDELEG, medeleg),
    PLAIN_CSR(CSR_MTVEC, mtvec),
    PLAIN_CSR(CSR_MCOUNTEREN, mcounteren),
    PLAIN_CSR(CSR_MSCRATCH, mscratch),
    PLAIN_CSR(CSR_MEPC, mepc),
    PLAIN_CSR(CSR_MCAUSE, mcause),
    PLAIN_CSR(CSR_MTVAL, mtval),
    PLAIN_CSR(CSR_STVEC, stvec),
    PLAIN_CSR(CSR_SCOUNTEREN, scounteren),
    PLAIN_CSR(CSR_SSCRATCH, sscratch),
    PLAIN_CSR(CSR_SEPC, sepc),
    PLAIN_CSR(CSR_SCAUSE, scause),
    PLAIN_CSR(CSR_STVAL, stval),
};
_Static_assert(sizeof(((struct machine *)0)->csr) < UINT8_MAX, "csr_plain_[] offsets fit a byte");

static bool is_user_counter(unsigned csr)
{
    return (csr >= CSR_CYCLE && csr <= CSR_HPMCOUNTER31) ||
           (csr >= CSR_CYCLEH && csr <= CSR_HPMCOUNTER31H);
}

/* May the current privilege access this CSR (ci = its row, NULL when it is
 * not implemented)? */
static bool csr_allowed(const struct machine *m, const struct csr_info *ci, unsigned csr,
                        bool write)
{
    if (!ci || m->priv < ci->priv)
        return false;
    if (write && ci->read_only)
        return false;
    /* The two remaining rules restrict S and U only: M-mode, where trap
     * handlers run, is done here. */
    if (m->priv == PRV_M)
        return true;
    if (csr == CSR_SATP && m->priv == PRV_S && (m->csr.mstatus & MSTATUS_TVM))
        return false;
    if (is_user_counter(csr)) {
        uint32_t bit = 1u << (csr & COUNTER_INDEX_MASK);
        if (!(m->csr.mcounteren & bit))
            return false;
        if (m->priv == PRV_U && !(m->csr.scounteren & bit))
            return false;
    }
    return true;
}

static uint64_t mcycle(const struct machine *m)
{
    return m->cycles + m->csr.mcycle_offset;
}

static uint64_t minstret(const struct machine *m)
{
    return m->instret + m->csr.minstret_offset;
}

uint32_t csr_read(const struct machine *m, unsigned csr)
{
    const uint32_t *plain = csr_plain_const(m, csr);
    if (plain)
        return *plain;
    switch (csr) {
    case CSR_CYCLE: case CSR_MCYCLE:       return (uint32_t)mcycle(m);
    case CSR_CYCLEH: case CSR_MCYCLEH:     return (uint32_t)(mcycle(m) >> HI32);
    case CSR_INSTRET: case CSR_MINSTRET:   return (uint32_t)minstret(m);
    case CSR_INSTRETH: case CSR_MINSTRETH: return (uint32_t)(minstret(m) >> HI32);
    case CSR_TIME:                         return (uint32_t)clint_mtime(m);
    case CSR_TIMEH:                        return (uint32_t)(clint_mtime(m) >> HI32);
    case CSR_SSTATUS:    return m->csr.mstatus & SSTATUS_MASK;
    case CSR_SIE:        return m->csr.mie & m->csr.mideleg;
    case CSR_SIP:        return hart_mip(m) & m->csr.mideleg;
    case CSR_SATP:       return m->csr.satp;
    case CSR_MSTATUS:    return m->csr.mstatus;
    case CSR_MISA:       return MISA_VALUE;
    case CSR_MIDELEG:    return m->csr.mideleg;
    case CSR_MIE:        return m->csr.mie;
    case CSR_MIP:        return hart_mip(m);
    case CSR_PMPCFG0: case CSR_PMPCFG1: case CSR_PMPCFG2: case CSR_PMPCFG3:
        return pmp_read_cfg(m, csr - CSR_PMPCFG0);
    default:
        if (csr >= CSR_PMPADDR0 && csr <= CSR_PMPADDR15)
            return m->pmpaddr[csr - CSR_PMPADDR0];
        /* mvendorid/marchid/mimpid/mhartid/mconfigptr, envcfg, hpm counters
         * and events, mcountinhibit, mtinst: implemented as zero. */
        return 0;
    }
}

/* Set a 64-bit counter's low or high half so that, after the writing
 * instruction retires (adding `bump`), the counter equals what was written. */
static uint64_t counter_offset(uint64_t base, uint64_t offset, uint64_t bump, bool high,
                               uint32_t value)
{
    uint64_t cur = base + offset + bump;
    uint64_t target = high ? ((uint64_t)value << HI32) | (cur & UINT32_MAX)
                           : (cur & ~(uint64_t)UINT32_MAX) | value;
    return target - (base + bump);
}

static void write_mstatus(struct machine *m, uint32_t value)
{
    uint32_t old = m->csr.mstatus;
    uint32_t wmask = csr_info(CSR_MSTATUS)->wmask;
    uint32_t nv = (old & ~wmask) | (value & wmask);
    /* MPP is WARL over the implemented modes: 2 (reserved) keeps the old value. */
    if (((nv & MSTATUS_MPP) >> MSTATUS_MPP_SHIFT) == 2u)
        nv = (nv & ~MSTATUS_MPP) | (old & MSTATUS_MPP);
    m->csr.mstatus = nv;
    if ((old ^ nv) & MSTATUS_MMU_BITS)
        hc_flush(m);
    recheck(m);
}

/* Write without checks (the caller checked csr_allowed); ci = the CSR's row.
 * `cost` is the writing instruction's cycles (counter writes replace that
 * instruction's own increment). */
static void csr_write(struct machine *m, const struct csr_info *ci, unsigned csr, uint32_t value,
                      uint32_t cost)
{
    uint32_t wmask = ci->wmask;
    uint32_t *plain = csr_plain(m, csr);

    if (plain) {
        *plain = value & wmask;
        return;
    }
    switch (csr) {
    case CSR_MSTATUS:
        write_mstatus(m, value);
        return;
    case CSR_SSTATUS:
        write_mstatus(m, (m->csr.mstatus & ~SSTATUS_WRITABLE) | (value & SSTATUS_WRITABLE));
        return;
    case CSR_MIDELEG:    m->csr.mideleg = value & wmask; recheck(m); return;
    case CSR_MIE:        m->csr.mie = value & wmask; recheck(m); return;
    case CSR_SIE: {
        uint32_t d = m->csr.mideleg & csr_info(CSR_MIE)->wmask;
        m->csr.mie = (m->csr.mie & ~d) | (value & d);
        recheck(m);
        return;
    }
    case CSR_MIP:
        m->csr.mip_sw = (m->csr.mip_sw & ~wmask) | (value & wmask);
        recheck(m);
        return;
    case CSR_SIP: {
        uint32_t d = m->csr.mideleg & wmask;   /* only SSIP, and only if delegated */
        m->csr.mip_sw = (m->csr.mip_sw & ~d) | (value & d);
        recheck(m);
        return;
    }
    case CSR_SATP:
        /* §4.1.11: MODE is Bare or Sv32 (one bit on RV32); the 9 ASID bits
         * are all implemented. No TLB flush: entries are ASID-tagged. */
        m->csr.satp = value;
        hc_flush(m);
        return;
    case CSR_MCYCLE: case CSR_MCYCLEH:
        m->csr.mcycle_offset = counter_offset(m->cycles, m->csr.mcycle_offset, cost,
                                              csr == CSR_MCYCLEH, value);
        return;
    case CSR_MINSTRET: case CSR_MINSTRETH:
        m->csr.minstret_offset = counter_offset(m->instret, m->csr.minstret_offset, 1,
                                                csr == CSR_MINSTRETH, value);
        return;
    case CSR_PMPCFG0: case CSR_PMPCFG1: case CSR_PMPCFG2: case CSR_PMPCFG3:
        pmp_write_cfg(m, csr - CSR_PMPCFG0, value);
        return;
    default:
        if (csr >= CSR_PMPADDR0 && csr <= CSR_PMPADDR15)
            pmp_write_addr(m, csr - CSR_PMPADDR0, value);
        /* everything else is WARL zero: the write is ignored */
        return;
    }
}

/* CSRRW/CSRRS/CSRRC and their immediate forms (zicsr.adoc). The row of the
 * CSR is looked up once and serves both the access check and the write. */
bool csr_execute(struct machine *m, const struct dentry *e)
{
    uint32_t src = (e->op >= INSN_CSRRWI) ? (uint32_t)e->imm : m->x[e->rs1];
    bool is_rw = e->op == INSN_CSRRW || e->op == INSN_CSRRWI;
    /* zicsr: CSRRS/CSRRC with rs1 = x0 (or uimm = 0) do not write at all. */
    bool write = is_rw || e->rs1 != 0;
    unsigned csr = insn_csr(e->raw);
    const struct csr_info *ci = csr_info(csr);
    uint32_t old, nv;

    if (!csr_allowed(m, ci, csr, write))
        return raise_exc(m, CAUSE_ILLEGAL_INSTRUCTION, e->raw);
    old = csr_read(m, csr);
    if (write) {
        if (is_rw)
            nv = src;
        else if (e->op == INSN_CSRRS || e->op == INSN_CSRRSI)
            nv = old | src;
        else
            nv = old & ~src;
        csr_write(m, ci, csr, nv, e->cost);
    }
    m->x[e->rd] = old;
    return true;
}
