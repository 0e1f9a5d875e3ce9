/*
 * pt.h — Sv32 page tables (priv spec, supervisor.adoc "Sv32").
 *
 * A 32-bit virtual address splits into VPN[1] (bits 31:22), VPN[0] (21:12)
 * and a 12-bit offset. The root table (one 4 KiB page, 1024 PTEs) is indexed
 * by VPN[1]; each entry either is a 4 MiB leaf or points to a second-level
 * table indexed by VPN[0] whose entries map 4 KiB pages. These helpers only
 * build 4 KiB mappings. Table pages come from palloc and are addressed
 * physically (kernels map their memory identically).
 *
 * Leaves are created with A set, and D set when writable, so that the same
 * kernel behaves identically whether the hardware updates A/D itself or
 * raises a page fault instead (both are allowed by the spec, "Svade").
 */
#ifndef GUEST_PT_H
#define GUEST_PT_H

#include <stdint.h>

#include "riscv.h"

typedef uint32_t pte_t;

#define PT_OK           0
#define PT_ERR_NOMEM   (-1)
#define PT_ERR_MAPPED  (-2)

pte_t *pt_create(void);                                      /* empty root, NULL if no memory */
void pt_destroy(pte_t *root);                                /* frees table pages, not the mapped pages */
pte_t *pt_walk(pte_t *root, uint32_t va, int alloc);         /* leaf slot or NULL */
int pt_map(pte_t *root, uint32_t va, uint32_t pa, uint32_t perm);          /* perm: PTE_R|W|X|U|G */
int pt_map_range(pte_t *root, uint32_t va, uint32_t pa, uint32_t size, uint32_t perm);
uint32_t pt_unmap(pte_t *root, uint32_t va);                 /* returns the old PTE (0: none) */
int pt_protect(pte_t *root, uint32_t va, uint32_t perm);     /* new permissions, same page */
int pt_translate(pte_t *root, uint32_t va, uint32_t *pa);    /* 1 if mapped */

/* Identity-map the kernel's memory [guest_mem.kernel_start, mem_end) RWX,
 * supervisor-only and global. */
int pt_map_kernel(pte_t *root);

static inline uint32_t pte_to_pa(pte_t pte) { return (pte >> PTE_PPN_SHIFT) << PAGE_SHIFT; }
static inline pte_t pa_to_pte(uint32_t pa) { return (pa >> PAGE_SHIFT) << PTE_PPN_SHIFT; }

#endif
