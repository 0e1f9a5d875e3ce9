/*
 * mmu.c — virtual memory: Sv32 translation, the memory access slow paths
 * and the host translation caches they fill.
 *
 * Translation (priv spec §4.3.2, "Virtual Address Translation Process"):
 * when the effective privilege is S or U and satp.MODE = Sv32, a virtual
 * address is looked up in the modelled TLB; on a miss the two-level table is
 * walked from satp.PPN. A PTE with V = 0, or W = 1 with R = 0, is a page
 * fault; R or X marks a leaf; a level-1 leaf whose PPN[0] is not zero is a
 * misaligned megapage (page fault). Permissions of the leaf:
 *   - U-mode needs PTE.U; S-mode may touch U pages only for loads/stores and
 *     only with mstatus.SUM = 1, and never executes them (§4.3.1);
 *   - fetch needs X, load needs R (or X when mstatus.MXR = 1), store/AMO W.
 * Hardware A/D update: A is set on any access and D on a store, by writing
 * the PTE back to memory (the "Svadu"-style behaviour the spec permits).
 * PMP (pmp.c) checks every physical access, including the PTE reads and
 * writes of the walk, which are made with S-mode privilege (§3.7.1).
 *
 * Faults: page faults are cause 12/13/15, access faults 1/5/7, each with
 * tval = the faulting virtual address.
 *
 * Host caches: after a RAM access succeeds, its page is entered into a host
 * cache (virtual page -> host pointer) if the whole page passes the same
 * checks, so later accesses to it skip all of the above. Keys include the
 * effective privilege and a generation number; hc_flush() bumps the
 * generation whenever satp, mstatus.{MPRV,MPP,SUM,MXR}, PMP or the modelled
 * TLB change. Stores are cached only for pages holding no decoded code and
 * no watched word, and only once the PTE's D bit is set.
 */
#include "internal.h"

static const uint32_t page_fault_cause[ACC__COUNT] = {
    CAUSE_FETCH_PAGE_FAULT, CAUSE_LOAD_PAGE_FAULT, CAUSE_STORE_PAGE_FAULT,
};
static const uint32_t access_fault_cause[ACC__COUNT] = {
    CAUSE_FETCH_ACCESS, CAUSE_LOAD_ACCESS, CAUSE_STORE_ACCESS,
};

/* Physical page numbers above this do not fit a 32-bit physical address
 * (Sv32 PTEs hold 22-bit PPNs, i.e. 34-bit addresses): no memory there. */
#define PPN_32BIT_LIMIT (1u << (32 - PAGE_SHIFT))

void hc_flush(struct machine *m)
{
    m->hc_gen++;
    hart_update_modes(m);
}

/* Leaf permission check of §4.3.1/§4.3.2 step 6. */
static bool pte_permits(const struct machine *m, uint32_t pte, enum access acc, unsigned priv)
{
    uint32_t st = m->csr.mstatus;
    if (priv == PRV_U && !(pte & PTE_U))
        return false;
    if (priv == PRV_S && (pte & PTE_U) && (acc == ACC_FETCH || !(st & MSTATUS_SUM)))
        return false;
    switch (acc) {
    case ACC_FETCH: return (pte & PTE_X) != 0;
    case ACC_LOAD:  return (pte & PTE_R) || ((st & MSTATUS_MXR) && (pte & PTE_X));
    default:        return (pte & PTE_W) != 0;
    }
}

/* Walk the Sv32 table for vaddr, fill the TLB. */
static bool sv32_walk(struct machine *m, uint32_t vaddr, enum access acc, unsigned priv,
                      uint16_t asid, struct tlb_entry **out)
{
    uint32_t table = (m->csr.satp & SATP_PPN_MASK), pte = 0, pte_addr = 0;
    unsigned levels = 0;
    int level;
    bool ok = false;
    uint32_t cause = page_fault_cause[acc];

    m->ctr.tlb_misses++;
    m->ctr.page_walks++;
    for (level = SV32_LEVELS - 1; level >= 0; level--) {
        uint32_t vpn_i = (vaddr >> (PAGE_SHIFT + SV32_VPN_BITS * (unsigned)level)) & SV32_VPN_MASK;
        if (table >= PPN_32BIT_LIMIT) {
            cause = access_fault_cause[acc];
            goto done;
        }
        pte_addr = (table << PAGE_SHIFT) + vpn_i * SV32_PTE_SIZE;
        levels++;
        if (!pmp_allows(m, pte_addr, SV32_PTE_SIZE, ACC_LOAD, PRV_S) ||
            !phys_read(m, pte_addr, SV32_PTE_SIZE, &pte)) {
            cause = access_fault_cause[acc];
            goto done;
        }
        if (!(pte & PTE_V) || (!(pte & PTE_R) && (pte & PTE_W)))
            goto done;
        if (pte & (PTE_R | PTE_X))
            break;                                  /* leaf */
        table = pte >> PTE_PPN_SHIFT;               /* next level */
    }
    if (level < 0)
        goto done;                                  /* no leaf at level 0 */
    if (!pte_permits(m, pte, acc, priv))
        goto done;
    if (level > 0 && ((pte >> PTE_PPN_SHIFT) & PTE_PPN0_MASK))
        goto done;                                  /* misaligned megapage */
    {
        uint32_t want = PTE_A | (acc == ACC_STORE ? PTE_D : 0u);
        if ((pte & want) != want) {
            pte |= want;
            if (!pmp_allows(m, pte_addr, SV32_PTE_SIZE, ACC_STORE, PRV_S) ||
                !phys_write(m, pte_addr, SV32_PTE_SIZE, pte)) {
                cause = access_fault_cause[acc];
                goto done;
            }
        }
    }
    {
        uint32_t vpn = vaddr >> PAGE_SHIFT, ppn = pte >> PTE_PPN_SHIFT;
        struct tlb_entry *e;
        if (level > 0)
            ppn = (ppn & ~PTE_PPN0_MASK) | (vpn & SV32_VPN_MASK);
        if (ppn >= PPN_32BIT_LIMIT) {
            cause = access_fault_cause[acc];
            goto done;
        }
        e = tlb_insert(m, vpn, asid);
        e->ppn = ppn;
        e->pte = pte;
        e->pte_addr = pte_addr;
        e->level = (uint8_t)level;
        e->valid = 1;
        if (level)
            m->tlb_megapages++;
        *out = e;
        ok = true;
    }
done:
    m->cycles += m->prof.tlb_miss + (uint64_t)levels * m->prof.page_walk_level;
    if (!ok)
        return raise_exc(m, cause, vaddr);
    return true;
}

bool mmu_translate(struct machine *m, uint32_t vaddr, unsigned size, enum access acc,
                   unsigned priv, uint32_t *paddr, bool *translated)
{
    if (priv == PRV_M || !(m->csr.satp & SATP_MODE_SV32)) {
        *paddr = vaddr;
        *translated = false;
    } else {
        uint16_t asid = (uint16_t)((m->csr.satp >> SATP_ASID_SHIFT) & SATP_ASID_MASK);
        uint32_t want = PTE_A | (acc == ACC_STORE ? PTE_D : 0u);
        struct tlb_entry *e = tlb_lookup(m, vaddr >> PAGE_SHIFT, asid);
        *translated = true;
        if (e && !pte_permits(m, e->pte, acc, priv))
            return raise_exc(m, page_fault_cause[acc], vaddr);
        if (e && (e->pte & want) == want) {
            m->tlb_hits++;
        } else if (!sv32_walk(m, vaddr, acc, priv, asid, &e)) {
            return false;
        }
        *paddr = (e->ppn << PAGE_SHIFT) | (vaddr & PAGE_MASK);
    }
    if (!pmp_allows(m, *paddr, size, acc, priv))
        return raise_exc(m, access_fault_cause[acc], vaddr);
    return true;
}

/* ---- physical accesses -------------------------------------------------------- */

bool phys_read(struct machine *m, uint32_t paddr, unsigned size, uint32_t *value)
{
    int64_t pg = ram_page(m, paddr);
    if (pg >= 0) {
        const uint8_t *p = m->ram + (paddr - m->ram_base);
        uint32_t v = 0;
        memcpy(&v, p, size);
        *value = v;
        return true;
    }
    if (bus_mmio_read(&m->bus, paddr, size, value) != 0)
        return false;
    event_emit(m, EV_DEVICE, m->priv, m->priv, 0, m->pc, paddr, *value);
    return true;
}

/* The HTIF convention of riscv-tests: a word written to `tohost` with bit 0
 * set ends the run with exit code value >> 1 (1 = pass). */
static void htif_store(struct machine *m, uint32_t paddr)
{
    uint32_t v;
    if (!m->has_tohost || paddr < m->tohost || paddr >= m->tohost + 4)
        return;
    memcpy(&v, m->ram + (m->tohost - m->ram_base), 4);
    if (v == 0)
        return;
    if (v & 1u)
        mach_request_exit(m, (int)(v >> 1), v == 1 ? "htif: pass" : "htif: fail");
    else
        mach_request_exit(m, 1, "htif: unsupported command");
}

bool phys_write(struct machine *m, uint32_t paddr, unsigned size, uint32_t value)
{
    int64_t pg = ram_page(m, paddr);
    if (pg >= 0) {
        memcpy(m->ram + (paddr - m->ram_base), &value, size);
        if (unlikely(m->page_flags[pg])) {
            if (m->page_flags[pg] & PG_CODE)
                icache_invalidate(m, paddr, size);
            if (m->page_flags[pg] & PG_WATCH)
                htif_store(m, paddr);
        }
        return true;
    }
    if (bus_mmio_write(&m->bus, paddr, size, value) != 0)
        return false;
    event_emit(m, EV_DEVICE, m->priv, m->priv, 1, m->pc, paddr, value);
    /* No recheck here: a device write that can change what the run loop's
     * slow check decides asks for it itself — the CLINT (interrupt lines,
     * clint.c) and any device that ends the run (mach_request_exit). The
     * trace port, written several times per VMM exit, and the UART (no
     * interrupt line on this board) change neither. */
    return true;
}

/* ---- slow paths of the interpreter's loads and stores -------------------------- */

static void hc_fill(struct machine *m, struct hc_entry *tab, uint32_t vaddr, uint32_t paddr,
                    enum access acc, bool translated)
{
    uint32_t page = paddr & ~PAGE_MASK;
    uint32_t vpn = vaddr >> PAGE_SHIFT;
    if (!pmp_allows(m, page, PAGE_SIZE, acc, m->data_priv))
        return;
    struct hc_entry *e = &tab[vpn & HC_MASK];
    e->key = m->data_key | vpn;
    e->host = m->ram + (page - m->ram_base);
    e->translated = translated;
}

bool mem_load_slow(struct machine *m, uint32_t vaddr, unsigned size, uint32_t *value)
{
    uint32_t paddr;
    bool translated;
    if (vaddr & (size - 1))
        return raise_exc(m, CAUSE_MISALIGNED_LOAD, vaddr);
    if (!mmu_translate(m, vaddr, size, ACC_LOAD, m->data_priv, &paddr, &translated))
        return false;
    if (!phys_read(m, paddr, size, value))
        return raise_exc(m, CAUSE_LOAD_ACCESS, vaddr);
    if (ram_page(m, paddr) >= 0)
        hc_fill(m, m->hc_load, vaddr, paddr, ACC_LOAD, translated);
    return true;
}

bool mem_store_slow(struct machine *m, uint32_t vaddr, unsigned size, uint32_t value)
{
    uint32_t paddr;
    bool translated;
    int64_t pg;
    if (vaddr & (size - 1))
        return raise_exc(m, CAUSE_MISALIGNED_STORE, vaddr);
    if (!mmu_translate(m, vaddr, size, ACC_STORE, m->data_priv, &paddr, &translated))
        return false;
    if (!phys_write(m, paddr, size, value))
        return raise_exc(m, CAUSE_STORE_ACCESS, vaddr);
    pg = ram_page(m, paddr);
    if (pg >= 0 && m->page_flags[pg] == 0)
        hc_fill(m, m->hc_store, vaddr, paddr, ACC_STORE, translated);
    return true;
}

struct dentry *fetch_slow(struct machine *m, uint32_t pc)
{
    uint32_t vpn = pc >> PAGE_SHIFT, paddr;
    struct fc_entry *fc = &m->hc_fetch[m->priv][vpn & HC_MASK];
    bool translated;
    int64_t pg;
    struct dpage *dp;

    if (pc & (INSN_SIZE - 1)) {
        raise_exc(m, CAUSE_MISALIGNED_FETCH, pc);
        return NULL;
    }
    if (fc->key == (m->fetch_key | vpn)) {
        m->tlb_hits += fc->translated;
        m->fetch_vpn = vpn;
        m->fetch_dp = fc->dp;
        m->fetch_host = fc->host;
        return &fc->dp->e[(pc >> 2) & (INSNS_PER_PAGE - 1)];
    }
    if (!mmu_translate(m, pc, INSN_SIZE, ACC_FETCH, m->priv, &paddr, &translated))
        return NULL;
    pg = ram_page(m, paddr);
    if (pg < 0) {
        raise_exc(m, CAUSE_FETCH_ACCESS, pc);   /* no execution from devices */
        return NULL;
    }
    dp = icache_page(m, (uint32_t)pg);
    if (!dp) {
        raise_exc(m, CAUSE_FETCH_ACCESS, pc);
        return NULL;
    }
    /* icache_page may have bumped the generation: use the current key. */
    m->fetch_dp = dp;
    m->fetch_host = m->ram + ((uint32_t)pg << PAGE_SHIFT);
    if (pmp_allows(m, paddr & ~PAGE_MASK, PAGE_SIZE, ACC_FETCH, m->priv)) {
        fc = &m->hc_fetch[m->priv][vpn & HC_MASK];
        fc->key = m->fetch_key | vpn;
        fc->dp = dp;
        fc->host = m->fetch_host;
        fc->translated = translated;
        m->fetch_vpn = vpn;
    } else {
        m->fetch_vpn = FETCH_NONE;   /* partially protected page: check each fetch */
    }
    return &dp->e[(pc >> 2) & (INSNS_PER_PAGE - 1)];
}
