/*
 * pt.c — Sv32 page-table construction; see pt.h. The walk mirrors the
 * hardware's (supervisor.adoc "Virtual Address Translation Process"): a
 * valid entry with R, W and X all clear points to the next level.
 */
#include "pt.h"
#include "klib.h"
#include "palloc.h"

static inline uint32_t vpn1(uint32_t va) { return (va >> SV32_VPN1_SHIFT) & SV32_VPN_MASK; }
static inline uint32_t vpn0(uint32_t va) { return (va >> SV32_VPN0_SHIFT) & SV32_VPN_MASK; }

pte_t *pt_create(void)
{
    return page_alloc();
}

void pt_destroy(pte_t *root)
{
    for (uint32_t i = 0; i < SV32_PTES_PER_TABLE; i++) {
        pte_t e = root[i];
        if ((e & PTE_V) && !(e & PTE_LEAF_MASK))
            page_free((void *)(uintptr_t)pte_to_pa(e));
    }
    page_free(root);
}

pte_t *pt_walk(pte_t *root, uint32_t va, int alloc)
{
    pte_t *l1 = &root[vpn1(va)];
    if (!(*l1 & PTE_V)) {
        if (!alloc)
            return NULL;
        pte_t *table = page_alloc();
        if (!table)
            return NULL;
        *l1 = pa_to_pte((uint32_t)(uintptr_t)table) | PTE_V;  /* pointer: R=W=X=0 */
    } else if (*l1 & PTE_LEAF_MASK) {
        return NULL;             /* a 4 MiB leaf: these helpers do not split them */
    }
    pte_t *l0 = (pte_t *)(uintptr_t)pte_to_pa(*l1);
    return &l0[vpn0(va)];
}

static pte_t leaf(uint32_t pa, uint32_t perm)
{
    pte_t e = pa_to_pte(pa) | perm | PTE_V | PTE_A;
    if (perm & PTE_W)
        e |= PTE_D;
    return e;
}

int pt_map(pte_t *root, uint32_t va, uint32_t pa, uint32_t perm)
{
    pte_t *slot = pt_walk(root, va, 1);
    if (!slot)
        return PT_ERR_NOMEM;
    if (*slot & PTE_V)
        return PT_ERR_MAPPED;
    *slot = leaf(pa, perm);
    return PT_OK;
}

int pt_map_range(pte_t *root, uint32_t va, uint32_t pa, uint32_t size, uint32_t perm)
{
    for (uint32_t off = 0; off < size; off += PAGE_SIZE) {
        int rc = pt_map(root, va + off, pa + off, perm);
        if (rc != PT_OK)
            return rc;
    }
    return PT_OK;
}

uint32_t pt_unmap(pte_t *root, uint32_t va)
{
    pte_t *slot = pt_walk(root, va, 0);
    if (!slot || !(*slot & PTE_V))
        return 0;
    pte_t old = *slot;
    *slot = 0;
    return old;
}

int pt_protect(pte_t *root, uint32_t va, uint32_t perm)
{
    pte_t *slot = pt_walk(root, va, 0);
    if (!slot || !(*slot & PTE_V))
        return -1;
    *slot = leaf(pte_to_pa(*slot), perm);
    return 0;
}

int pt_translate(pte_t *root, uint32_t va, uint32_t *pa)
{
    pte_t *slot = pt_walk(root, va, 0);
    if (!slot || !(*slot & PTE_V))
        return 0;
    *pa = pte_to_pa(*slot) | (va & (PAGE_SIZE - 1));
    return 1;
}

int pt_map_kernel(pte_t *root)
{
    return pt_map_range(root, guest_mem.kernel_start, guest_mem.kernel_start,
                        guest_mem.mem_end - guest_mem.kernel_start,
                        PTE_R | PTE_W | PTE_X | PTE_G);
}
