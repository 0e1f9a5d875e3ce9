/*
 * pmp.c — physical memory protection (priv spec §3.7).
 *
 * 16 entries, grain 4 bytes (G = 0). Each entry is a pmpcfg byte (R, W, X,
 * address-matching mode A, lock L) and a pmpaddr register holding physical
 * address bits 33:2. Modes (§3.7.1): OFF; TOR, the range
 * [pmpaddr[i-1], pmpaddr[i]) (from 0 for entry 0); NA4, a naturally aligned
 * 4-byte region; NAPOT, a naturally aligned power-of-two region of 8 bytes or
 * more encoded by trailing ones in pmpaddr.
 *
 * Checking (§3.7.1, "Priority and Matching Logic"): the lowest-numbered entry
 * that matches any byte of the access decides; it must match all bytes, or
 * the access fails. A matching entry grants S/U accesses by its R/W/X bits,
 * and M accesses only if it is locked (otherwise M passes). If no entry
 * matches, M-mode accesses succeed and S/U accesses fail (PMP is
 * implemented, so the default for S/U is deny — as QEMU 7.2 does).
 * Locked entries ignore writes to their pmpcfg and pmpaddr, and a locked TOR
 * entry also locks the pmpaddr below it (§3.7.1 "Locking").
 *
 * Speed: every access that misses the host caches is checked here, so the
 * registers are not decoded per access. Whenever a pmpcfg or pmpaddr write
 * changes them, pmp_compile() turns the entries into a list of rules — the
 * byte range [lo, hi) and the cfg byte of each entry that can match
 * anything, in entry order — and pmp_allows() walks only that list. Entries
 * that match no address (OFF, or TOR with pmpaddr[i-1] >= pmpaddr[i]) can
 * never be the first match, so leaving them out changes no decision; the
 * rules keep the entry order, so "the lowest-numbered match decides" still
 * holds. A typical configuration has one or two rules.
 */
#include "internal.h"

#define PMP_CFG_PER_REG 4u
#define PMP_CFG_WRITABLE (PMPCFG_R | PMPCFG_W | PMPCFG_X | PMPCFG_A | PMPCFG_L)

static unsigned pmp_mode(uint8_t cfg)
{
    return (cfg & PMPCFG_A) >> PMPCFG_A_SHIFT;
}

/* Byte range [lo, hi) of entry i; false if the entry matches nothing. */
static bool pmp_range(const struct machine *m, unsigned i, uint64_t *lo, uint64_t *hi)
{
    uint64_t a = (uint64_t)m->pmpaddr[i] << PMP_ADDR_SHIFT;
    switch (pmp_mode(m->pmpcfg[i])) {
    case PMP_A_TOR:
        *lo = i ? (uint64_t)m->pmpaddr[i - 1] << PMP_ADDR_SHIFT : 0;
        *hi = a;
        return *lo < *hi;
    case PMP_A_NA4:
        *lo = a;
        *hi = a + 4;
        return true;
    case PMP_A_NAPOT: {
        /* pmpaddr = base/4 with (t) trailing ones: size = 2^(t + 3) bytes. */
        unsigned t = 0;
        uint32_t v = m->pmpaddr[i];
        while (t < 32 && (v >> t) & 1u)
            t++;
        uint64_t size = 1ull << (t + 3);
        *lo = a & ~(size - 1);
        *hi = *lo + size;
        return true;
    }
    default:
        return false;
    }
}

bool pmp_allows(const struct machine *m, uint32_t paddr, uint32_t size, enum access acc,
                unsigned priv)
{
    static const uint8_t need[ACC__COUNT] = { PMPCFG_X, PMPCFG_R, PMPCFG_W };
    uint64_t start = paddr, end = (uint64_t)paddr + size;

    /* No locked rule: M-mode passes whatever matches (§3.7.1). */
    if (priv == PRV_M && !m->pmp_locked_any)
        return true;
    for (unsigned i = 0; i < m->pmp_nrules; i++) {
        const struct pmp_rule *r = &m->pmp_rules[i];
        if (end <= r->lo || start >= r->hi)
            continue;                       /* no byte matches */
        if (start < r->lo || end > r->hi)
            return false;                   /* partial match fails */
        if (priv == PRV_M && !(r->cfg & PMPCFG_L))
            return true;
        return (r->cfg & need[acc]) != 0;
    }
    return priv == PRV_M;                   /* no match: only M passes */
}

uint32_t pmp_read_cfg(const struct machine *m, unsigned reg)
{
    uint32_t v = 0;
    for (unsigned j = 0; j < PMP_CFG_PER_REG; j++)
        v |= (uint32_t)m->pmpcfg[reg * PMP_CFG_PER_REG + j] << (j * PMPCFG_ENTRY_BITS);
    return v;
}

/* Rebuild the rule list from the registers; called after every change. */
static void pmp_compile(struct machine *m)
{
    uint64_t lo, hi;
    m->pmp_locked_any = false;
    m->pmp_nrules = 0;
    for (unsigned i = 0; i < PMP_COUNT; i++) {
        if (!pmp_range(m, i, &lo, &hi))
            continue;                       /* matches no address */
        struct pmp_rule *r = &m->pmp_rules[m->pmp_nrules++];
        r->lo = lo;
        r->hi = hi;
        r->cfg = m->pmpcfg[i];
        /* A locked entry that matches nothing binds nothing, so only the
         * rules decide whether M-mode must look at the list at all. */
        if (r->cfg & PMPCFG_L)
            m->pmp_locked_any = true;
    }
    hc_flush(m);   /* cached page permissions may have changed */
}

void pmp_write_cfg(struct machine *m, unsigned reg, uint32_t value)
{
    for (unsigned j = 0; j < PMP_CFG_PER_REG; j++) {
        unsigned i = reg * PMP_CFG_PER_REG + j;
        uint8_t c = (uint8_t)((value >> (j * PMPCFG_ENTRY_BITS)) & PMP_CFG_WRITABLE);
        if (m->pmpcfg[i] & PMPCFG_L)
            continue;
        /* R = 0, W = 1 is reserved (§3.7.1): legalise by dropping W. */
        if ((c & (PMPCFG_R | PMPCFG_W)) == PMPCFG_W)
            c &= (uint8_t)~PMPCFG_W;
        m->pmpcfg[i] = c;
    }
    pmp_compile(m);
}

void pmp_write_addr(struct machine *m, unsigned idx, uint32_t value)
{
    if (m->pmpcfg[idx] & PMPCFG_L)
        return;
    if (idx + 1 < PMP_COUNT && (m->pmpcfg[idx + 1] & PMPCFG_L) &&
        pmp_mode(m->pmpcfg[idx + 1]) == PMP_A_TOR)
        return;
    m->pmpaddr[idx] = value;
    pmp_compile(m);
}
