/*
 * shadow.c — shadow page tables: the heart of memory virtualization.
 *
 * The guest kernel builds Sv32 page tables that map its virtual addresses to
 * *guest*-physical pages, and writes their root to (its virtual) satp. The
 * real MMU cannot use them: guest-physical 0x8000_0000 + x is really
 * part_base + x. So the real satp always points at a *shadow* table built by
 * the VMM, mapping guest-virtual pages straight to machine-physical pages
 * inside the guest's partition — and nothing outside it. That is the whole
 * of the isolation between guests.
 *
 * Shadows are filled lazily (priv spec §10.3.2 is the algorithm walked):
 *
 *   real page fault -> walk the guest's own table for the vcpu's privilege,
 *                      SUM and MXR, setting A (and D on a store) in the
 *                      guest PTE as hardware would
 *     guest says fault         -> inject the page fault (the guest sees it)
 *     guest-physical not RAM   -> the virtual UART (vuart.c) or an access
 *                                 fault injected into the guest
 *     otherwise                -> fill one shadow PTE: a "hidden" fault the
 *                                 guest never sees
 *
 * A writable page whose guest PTE has D = 0 is filled read-only, so the
 * first store faults again and the VMM can set D. A guest with paging off
 * (satp.MODE = Bare) is filled the same way with an identity walk.
 *
 * Two views: the guest kernel (virtual S) and its processes (virtual U) run
 * on separate shadow roots with separate ASIDs, because a page with U = 0
 * must work for the first and fault for the second — but both really run in
 * U-mode, where every shadow leaf must have U = 1. Switching view is a write
 * of the real satp, at every virtual privilege change.
 *
 * Invalidation follows the guest's own obligations: it must execute
 * SFENCE.VMA after changing a PTE (§10.2.1), so the VMM drops shadow entries
 * then (one page, one ASID's address spaces, or all). Guest page tables need
 * no write protection.
 *
 * Address spaces: the shadows of the last SHADOW_SPACES guest satp values are
 * kept, each with its own pair of roots and ASIDs, so a guest kernel switching
 * between its processes finds their shadows still filled. That is safe for
 * the same reason: a guest that reuses an ASID for different tables must
 * fence it, and a write of a new satp value never reuses a stale shadow.
 */
#include "vmm.h"

/* Marks a shadow second-level table (in its root entry; software bits are
 * ignored by the MMU) holding 4 KiB pieces of a guest megapage: an
 * SFENCE.VMA of any one address inside the megapage must drop them all. */
#define PTE_MEGA_PIECE   PTE_RSW0
#define PTE_PERMS        (PTE_R | PTE_W | PTE_X)
#define PAGE_OFFSET_MASK (PAGE_SIZE - 1)
#define PPN_BELOW_4G     0x100000u   /* Sv32 PPNs at or above this are past 4 GiB */
#define FILL_REPEAT_LIMIT 8u

/* Guest-physical range native firmware occupies and protects with PMP: not
 * guest RAM under the VMM either (so a kernel poking it faults the same
 * way), except the page with the boot info. */
#define FW_WINDOW_END    TZ_FIRMWARE_SIZE
#define BOOTINFO_OFFSET  (TZ_GUEST_BOOTINFO_GPA - TZ_RAM_BASE)

static const uint32_t page_fault_cause[3] = {
    CAUSE_FETCH_PAGE_FAULT, CAUSE_LOAD_PAGE_FAULT, CAUSE_STORE_PAGE_FAULT };
static const uint32_t access_fault_cause[3] = {
    CAUSE_FETCH_ACCESS, CAUSE_LOAD_ACCESS, CAUSE_STORE_ACCESS };

static uint32_t real_satp;   /* last value written to the real satp */

int gpa_to_mpa(const struct vcpu *v, uint32_t gpa, uint32_t *mpa)
{
    uint32_t off = gpa - TZ_RAM_BASE;
    if (off >= v->part_size)
        return 0;
    if (off < FW_WINDOW_END && (off & ~PAGE_OFFSET_MASK) != BOOTINFO_OFFSET)
        return 0;
    *mpa = v->part_base + off;
    return 1;
}

static inline uint32_t *pte_table(uint32_t pte)
{
    return (uint32_t *)(uintptr_t)((pte >> PTE_PPN_SHIFT) << PAGE_SHIFT);
}

static inline uint32_t shadow_pages_in_use(const struct vcpu *v)
{
    return SHADOW_POOL_PAGES - v->nfree;
}

void shadow_init(struct vcpu *v)
{
    v->pool_base = VMM_POOL_BASE + v->id * SHADOW_POOL_PAGES * PAGE_SIZE;
    for (uint32_t a = 0; a < SHADOW_SPACES; a++) {
        struct shadow_space *sp = &v->space[a];
        sp->vsatp = 0;
        sp->used = 0;
        for (uint32_t i = 0; i < NVIEWS; i++) {
            struct shadow_view *sv = &sp->view[i];
            uint32_t n = a * NVIEWS + i;
            sv->root = (uint32_t *)(uintptr_t)(v->pool_base + n * PAGE_SIZE);
            memset(sv->root, 0, PAGE_SIZE);
            sv->asid = 1 + v->id * SHADOW_ROOTS + n;
            sv->satp = SATP_MODE_SV32 | (sv->asid << SATP_ASID_SHIFT) |
                       ((uint32_t)(uintptr_t)sv->root >> PAGE_SHIFT);
            sv->nl0 = 0;
            sv->status_dependent = 0;
        }
    }
    v->nfree = 0;
    for (uint32_t p = SHADOW_POOL_PAGES; p-- > SHADOW_ROOTS;)
        v->free_page[v->nfree++] = v->pool_base + p * PAGE_SIZE;
    /* The guest boots with satp = 0 (bare) in address space 0. */
    v->cur_space = 0;
    v->space[0].used = v->space_clock = 1;
    v->cur_view = VIEW_S;
}

static inline struct shadow_view *cur_view(struct vcpu *v)
{
    return &v->space[v->cur_space].view[v->cur_view];
}

/* Bare guests, and the guest kernel, run on the S view; only a guest process
 * under paging runs on the U view (with bare translation U and S see the
 * same memory). */
static inline uint32_t view_for(const struct vcpu *v)
{
    return (v->vpriv == VPRIV_U && (v->satp & SATP_MODE_SV32)) ? VIEW_U : VIEW_S;
}

void shadow_activate(struct vcpu *v)
{
    v->cur_view = view_for(v);
    uint32_t satp = cur_view(v)->satp;
    if (satp != real_satp) {
        csr_write(satp, satp);
        real_satp = satp;
    }
    /* Counters: the guest kernel may read them all (native firmware sets
     * mcounteren); its processes only what its scounteren allows. */
    csr_write(scounteren, v->vpriv == VPRIV_S ? COUNTEREN_CY_TM_IR
                                              : (v->scounteren & COUNTEREN_CY_TM_IR));
    /* MXR acts on every translated load, U-mode included, so the guest's
     * MXR can simply be the real one (the VMM itself runs untranslated). */
    if (v->sstatus & SSTATUS_MXR)
        csr_set(mstatus, MSTATUS_MXR);
    else
        csr_clear(mstatus, MSTATUS_MXR);
}

static void view_flush(struct vcpu *v, struct shadow_view *sv)
{
    for (uint32_t i = 0; i < sv->nl0; i++) {
        uint32_t slot = sv->l0_slot[i];
        v->free_page[v->nfree++] = (uint32_t)(uintptr_t)pte_table(sv->root[slot]);
        sv->root[slot] = 0;
    }
    sv->nl0 = 0;
    sv->status_dependent = 0;
    sfence_vma_asid(sv->asid);
}

static void space_flush(struct vcpu *v, struct shadow_space *sp)
{
    for (uint32_t i = 0; i < NVIEWS; i++)
        view_flush(v, &sp->view[i]);
}

static void report_flush(struct vcpu *v, uint32_t va, uint32_t all)
{
    trace2(TZ_EV_SHADOW_FLUSH, va, all);
    trace1(TZ_EV_SHADOW_PAGES, shadow_pages_in_use(v));
}

void shadow_flush_all(struct vcpu *v)
{
    for (uint32_t a = 0; a < SHADOW_SPACES; a++)
        space_flush(v, &v->space[a]);
    report_flush(v, 0, 1);
}

/* Guest SFENCE.VMA x0, asid: the shadows of every address space whose satp
 * carries that ASID (global mappings may survive natively; dropping them too
 * is merely slower). */
void shadow_flush_asid(struct vcpu *v, uint32_t asid)
{
    asid &= SATP_ASID_MASK;
    for (uint32_t a = 0; a < SHADOW_SPACES; a++) {
        struct shadow_space *sp = &v->space[a];
        if (sp->used && ((sp->vsatp >> SATP_ASID_SHIFT) & SATP_ASID_MASK) == asid)
            space_flush(v, sp);
    }
    report_flush(v, 0, 1);
}

/* Unhook the second-level table at root slot `slot` and return it to the pool. */
static void unhook_l0(struct vcpu *v, struct shadow_view *sv, uint32_t slot)
{
    v->free_page[v->nfree++] = (uint32_t)(uintptr_t)pte_table(sv->root[slot]);
    sv->root[slot] = 0;
    for (uint32_t i = 0; i < sv->nl0; i++) {
        if (sv->l0_slot[i] == slot) {
            sv->l0_slot[i] = sv->l0_slot[--sv->nl0];
            break;
        }
    }
    sfence_vma_asid(sv->asid);
}

void shadow_flush_page(struct vcpu *v, uint32_t va)
{
    uint32_t vpn1 = va >> SV32_MEGAPAGE_SHIFT;
    uint32_t vpn0 = (va >> PAGE_SHIFT) & SV32_VPN_MASK;
    for (uint32_t a = 0; a < SHADOW_SPACES; a++) {
        for (uint32_t i = 0; i < NVIEWS; i++) {
            struct shadow_view *sv = &v->space[a].view[i];
            uint32_t l1 = sv->root[vpn1];
            if (!(l1 & PTE_V))
                continue;
            uint32_t *pte = &pte_table(l1)[vpn0];
            if (l1 & PTE_MEGA_PIECE) {
                unhook_l0(v, sv, vpn1);
            } else if (*pte) {
                *pte = 0;
                sfence_vma_page(va, sv->asid);
            }
        }
    }
    trace2(TZ_EV_SHADOW_FLUSH, va, 0);
}

/*
 * A new guest satp: use its cached shadows if it has been seen recently,
 * otherwise take the least recently used address space and start it empty.
 */
void shadow_satp_write(struct vcpu *v, uint32_t satp)
{
    if (satp == v->satp)
        return;   /* same address space: the shadow is still right */
    v->satp = satp;
    uint32_t pick = SHADOW_SPACES, oldest = 0;
    for (uint32_t a = 0; a < SHADOW_SPACES; a++) {
        struct shadow_space *sp = &v->space[a];
        if (sp->used && sp->vsatp == satp) {
            pick = a;
            break;
        }
        if (a == 0 || sp->used < v->space[oldest].used)
            oldest = a;
    }
    if (pick == SHADOW_SPACES) {
        pick = oldest;
        struct shadow_space *sp = &v->space[pick];
        uint32_t filled = sp->view[VIEW_S].nl0 + sp->view[VIEW_U].nl0;
        space_flush(v, sp);
        if (filled)
            report_flush(v, 0, 1);
        sp->vsatp = satp;
    }
    v->space[pick].used = ++v->space_clock;
    v->cur_space = pick;
    shadow_activate(v);
}

/* SUM or MXR changed. Turning one on only grants more, and the faults it
 * now allows fill lazily; turning one off must take back what it granted. */
void shadow_status_write(struct vcpu *v, uint32_t old)
{
    uint32_t cleared = old & ~v->sstatus & (SSTATUS_SUM | SSTATUS_MXR);
    if (cleared) {
        for (uint32_t a = 0; a < SHADOW_SPACES; a++) {
            struct shadow_view *sv = &v->space[a].view[VIEW_S];
            if (sv->status_dependent) {
                view_flush(v, sv);
                report_flush(v, 0, 1);
            }
        }
    }
    shadow_activate(v);
}

static uint32_t *alloc_l0(struct vcpu *v)
{
    if (v->nfree == 0)
        shadow_flush_all(v);   /* pool exhausted: start over, lazily */
    uint32_t *l0 = (uint32_t *)(uintptr_t)v->free_page[--v->nfree];
    memset(l0, 0, PAGE_SIZE);
    trace1(TZ_EV_SHADOW_PAGES, shadow_pages_in_use(v));
    return l0;
}

/*
 * Walk the guest's Sv32 table for va as the vcpu's current privilege would
 * (priv spec §10.3.2, steps 1-8). Returns 0, or the exception the guest's
 * hardware would raise.
 */
uint32_t guest_translate(struct vcpu *v, uint32_t va, uint32_t acc, struct xlate *t)
{
    if (!(v->satp & SATP_MODE_SV32)) {
        t->gpa = va;
        t->pte = PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D;
        t->mega = 0;
        return 0;
    }
    uint32_t ppn = v->satp & SATP_PPN_MASK;
    uint32_t vpn[2] = { (va >> PAGE_SHIFT) & SV32_VPN_MASK, va >> SV32_MEGAPAGE_SHIFT };
    uint32_t pte, pte_mpa;
    int level;
    for (level = 1;; level--) {
        /* Step 2: the PTE must be in guest RAM, else an access fault. */
        if (ppn >= PPN_BELOW_4G ||
            !gpa_to_mpa(v, (ppn << PAGE_SHIFT) + vpn[level] * sizeof(uint32_t), &pte_mpa))
            return access_fault_cause[acc];
        pte = *(volatile uint32_t *)(uintptr_t)pte_mpa;
        /* Step 3: invalid, or the reserved W-without-R encoding. */
        if (!(pte & PTE_V) || (!(pte & PTE_R) && (pte & PTE_W)))
            return page_fault_cause[acc];
        if (pte & (PTE_R | PTE_X))
            break;                                   /* step 4: a leaf */
        if (level == 0)
            return page_fault_cause[acc];
        ppn = pte >> PTE_PPN_SHIFT;
    }
    /* Step 5: privilege (§10.1.1.2: SUM lets S load/store U pages, never
     * execute them) and access type (MXR makes X-only pages readable). */
    if (v->vpriv == VPRIV_U) {
        if (!(pte & PTE_U))
            return page_fault_cause[acc];
    } else if (pte & PTE_U) {
        if (acc == ACC_FETCH || !(v->sstatus & SSTATUS_SUM))
            return page_fault_cause[acc];
    }
    uint32_t ok = acc == ACC_FETCH ? (pte & PTE_X)
                : acc == ACC_STORE ? (pte & PTE_W)
                : ((pte & PTE_R) || ((pte & PTE_X) && (v->sstatus & SSTATUS_MXR)));
    if (!ok)
        return page_fault_cause[acc];
    /* Step 6: a megapage must be aligned. */
    if (level == 1 && ((pte >> PTE_PPN_SHIFT) & SV32_VPN_MASK))
        return page_fault_cause[acc];
    /* Step 7: set A, and D on a store, as hardware that manages them does. */
    uint32_t want = pte | PTE_A | (acc == ACC_STORE ? PTE_D : 0);
    if (want != pte) {
        *(volatile uint32_t *)(uintptr_t)pte_mpa = want;
        pte = want;
    }
    /* Step 8: the physical address. */
    uint32_t leaf = pte >> PTE_PPN_SHIFT;
    if (level == 1)
        leaf = (leaf & ~SV32_VPN_MASK) | vpn[0];
    /* Past 4 GiB no guest has RAM: 0 is not RAM either, so it faults. */
    t->gpa = leaf >= PPN_BELOW_4G ? 0 : (leaf << PAGE_SHIFT) | (va & PAGE_OFFSET_MASK);
    t->pte = pte;
    t->mega = (uint32_t)level;
    return 0;
}

int guest_fetch_insn(struct vcpu *v, uint32_t *insn)
{
    struct xlate t;
    uint32_t mpa;
    if (guest_translate(v, v->pc, ACC_FETCH, &t) != 0 || !gpa_to_mpa(v, t.gpa, &mpa))
        return -1;
    *insn = *(volatile uint32_t *)(uintptr_t)mpa;
    return 0;
}

void shadow_page_fault(struct vcpu *v, uint32_t cause, uint32_t va)
{
    uint32_t acc = cause == CAUSE_FETCH_PAGE_FAULT ? ACC_FETCH
                 : cause == CAUSE_LOAD_PAGE_FAULT ? ACC_LOAD : ACC_STORE;
    struct xlate t;
    uint32_t fault = guest_translate(v, va, acc, &t);
    if (fault) {
        inject_exception(v, fault, va);     /* the guest's table says so */
        return;
    }
    uint32_t mpa;
    if (!gpa_to_mpa(v, t.gpa, &mpa)) {
        if (acc != ACC_FETCH && t.gpa - TZ_UART_BASE < TZ_UART_SIZE)
            vuart_mmio(v, t.gpa, va, cause);
        else
            inject_exception(v, access_fault_cause[acc], va);
        return;
    }

    /* What the shadow entry may grant in this view: never more than the
     * guest's PTE, never write before D is set. */
    struct shadow_view *sv = cur_view(v);
    uint32_t perm = t.pte & PTE_PERMS;
    if (v->cur_view == VIEW_S && (t.pte & PTE_U)) {
        /* A user page seen by the guest kernel through SUM (or MXR). */
        perm &= ~PTE_X;
        if (!(perm & PTE_R) && acc == ACC_LOAD)
            perm |= PTE_R;               /* X-only page read through MXR */
        sv->status_dependent = 1;
    }
    if (!(t.pte & PTE_D))
        perm &= ~PTE_W;

    uint32_t vpn1 = va >> SV32_MEGAPAGE_SHIFT;
    uint32_t l1 = sv->root[vpn1];
    uint32_t *l0;
    if (l1 & PTE_V) {
        l0 = pte_table(l1);
    } else {
        l0 = alloc_l0(v);
        sv->root[vpn1] = (((uint32_t)(uintptr_t)l0 >> PAGE_SHIFT) << PTE_PPN_SHIFT) | PTE_V;
        sv->l0_slot[sv->nl0++] = vpn1;
    }
    if (t.mega)
        sv->root[vpn1] |= PTE_MEGA_PIECE;
    uint32_t spte = ((mpa >> PAGE_SHIFT) << PTE_PPN_SHIFT) | perm | PTE_U | PTE_A | PTE_D | PTE_V;
    uint32_t *slot = &l0[(va >> PAGE_SHIFT) & SV32_VPN_MASK];
    /* A fill that changes nothing would fault again forever: a VMM bug or
     * a case the shadow cannot express. Contain it like a trap storm. */
    if (*slot == spte) {
        if (++v->fill_repeat >= FILL_REPEAT_LIMIT) {
            guest_kill(v, TZ_KILL_TRAP_STORM, cause, v->pc, va);
            return;
        }
    } else {
        v->fill_repeat = 0;
    }
    *slot = spte;
    sfence_vma_page(va, sv->asid);
    trace3(TZ_EV_SHADOW_FILL, va, mpa, cause);
}
