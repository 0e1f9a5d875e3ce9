/*
 * tlb.c — the modelled TLB of the simulated hart.
 *
 * A set-associative table of `tlb_entries` (profile) translations: up to
 * TLB_WAYS ways per set, the set chosen by the low bits of the virtual page
 * number, each entry tagged by VPN and ASID (satp has 9 ASID bits on RV32,
 * priv spec §4.1.11), so address spaces with different ASIDs can share the
 * TLB without flushes. A full set replaces its ways round-robin (an invalid
 * way is used first), which keeps the model deterministic. Entries from
 * PTEs with G = 1 match every ASID (§4.3.1). A 4 MiB megapage is cached in 4 KiB pieces, each
 * remembering that it came from a level-1 leaf so SFENCE.VMA of any address
 * inside the megapage removes it (§4.2.1).
 *
 * The TLB exists to be measured: a hit costs nothing extra, a miss costs
 * tlb_miss + page_walk_level per PTE read (mmu.c). Because the host caches
 * may only hold translations the modelled TLB holds, replacing or flushing an
 * entry drops the host caches too.
 */
#include <stdlib.h>

#include "internal.h"

int tlb_init(struct machine *m, uint32_t entries)
{
    m->tlb_ways = entries < TLB_WAYS ? entries : TLB_WAYS;
    m->tlb_sets = entries / m->tlb_ways;
    m->tlb = calloc(entries, sizeof *m->tlb);
    m->tlb_victim = calloc(m->tlb_sets, sizeof *m->tlb_victim);
    if (!m->tlb || !m->tlb_victim)
        return -1;
    m->tlb_mask = entries - 1;
    m->tlb_megapages = 0;
    return 0;
}

void tlb_free(struct machine *m)
{
    free(m->tlb);
    free(m->tlb_victim);
    m->tlb = NULL;
    m->tlb_victim = NULL;
}

static struct tlb_entry *tlb_set(struct machine *m, uint32_t vpn)
{
    return &m->tlb[(vpn & (m->tlb_sets - 1)) * m->tlb_ways];
}

struct tlb_entry *tlb_lookup(struct machine *m, uint32_t vpn, uint16_t asid)
{
    struct tlb_entry *set = tlb_set(m, vpn);
    for (uint32_t w = 0; w < m->tlb_ways; w++) {
        struct tlb_entry *e = &set[w];
        if (e->valid && e->vpn == vpn && ((e->pte & PTE_G) || e->asid == asid))
            return e;
    }
    return NULL;
}

struct tlb_entry *tlb_insert(struct machine *m, uint32_t vpn, uint16_t asid)
{
    uint32_t si = vpn & (m->tlb_sets - 1);
    struct tlb_entry *set = tlb_set(m, vpn), *e = NULL;
    for (uint32_t w = 0; w < m->tlb_ways && !e; w++)
        if (!set[w].valid || (set[w].vpn == vpn && set[w].asid == asid))
            e = &set[w];
    if (!e) {
        e = &set[m->tlb_victim[si]];
        m->tlb_victim[si] = (uint8_t)((m->tlb_victim[si] + 1) % m->tlb_ways);
    }
    if (e->valid) {
        if (e->level)
            m->tlb_megapages--;
        hc_flush(m);    /* host caches may hold the translation it replaces */
    }
    memset(e, 0, sizeof *e);
    e->vpn = vpn;
    e->asid = asid;
    return e;
}

void tlb_flush(struct machine *m, bool all_addr, uint32_t vaddr, bool all_asid, uint16_t asid)
{
    uint32_t vpn = vaddr >> PAGE_SHIFT;
    uint32_t mega = vaddr >> SV32_MEGAPAGE_SHIFT;
    for (uint32_t i = 0; i <= m->tlb_mask; i++) {
        struct tlb_entry *e = &m->tlb[i];
        bool addr_ok, asid_ok;
        if (!e->valid)
            continue;
        addr_ok = all_addr || e->vpn == vpn ||
                  (e->level && (e->vpn >> SV32_VPN_BITS) == mega);
        /* §4.2.1: with an ASID given, global mappings are kept. */
        asid_ok = all_asid || (!(e->pte & PTE_G) && e->asid == asid);
        if (addr_ok && asid_ok) {
            if (e->level)
                m->tlb_megapages--;
            e->valid = 0;
        }
    }
    m->ctr.tlb_flushes++;
    hc_flush(m);
}
