/*
 * softmmu.h — the memory side of the emulated guest mode: a software MMU.
 *
 * An emulated guest never runs on the real hart, so the real MMU never sees
 * its addresses: every fetch, load and store the interpreter (interp.c)
 * performs for it is translated here, in software, the way its own hardware
 * would translate it:
 *
 *   guest-virtual ──(the guest's Sv32 table, walked by shadow.c's
 *                     guest_translate: permissions for the virtual privilege,
 *                     SUM, MXR, A/D updates — priv spec §10.3.2)──▶
 *   guest-physical ──(gpa_to_mpa: the partition)──▶ machine-physical
 *
 * Walking two levels of page table for every guest instruction would make
 * emulation crawl, so — like QEMU's softmmu — the result is remembered in a
 * small software TLB: direct-mapped, one table per (virtual privilege, access
 * kind), page-granular, holding "machine address = guest address + delta".
 * Keeping fetch, load and store apart means an entry is only ever filled by a
 * walk that checked exactly that kind of access (and a store entry only after
 * the walk set D), so a hit needs no permission check at all.
 *
 * What the guest's hardware TLB would forget, this one forgets too: the
 * interpreter empties it on the guest's SFENCE.VMA and whenever the guest's
 * satp, SUM or MXR change (softmmu_flush).
 */
#ifndef VMM_SOFTMMU_H
#define VMM_SOFTMMU_H

#include "vmm.h"

/* Build with -DSOFTMMU_TLB=0 to walk the guest's table on every access
 * (the "before" of the measurement in docs/vmm.md). */
#ifndef SOFTMMU_TLB
#define SOFTMMU_TLB 1
#endif

#define SOFTMMU_ENTRIES   64u            /* per (privilege, access kind); a power of two */
#define SOFTMMU_INDEX     (SOFTMMU_ENTRIES - 1u)
#define SOFTMMU_NPRIV     2u             /* enum vpriv: U, S */
#define SOFTMMU_NACC      3u             /* enum access: fetch, load, store */
#define SOFTMMU_VALID     1u             /* tag bit: page addresses have bits 11:0 clear */
#define SOFTMMU_PAGE_MASK (~(PAGE_SIZE - 1u))

struct softmmu_entry {
    uint32_t tag;     /* guest-virtual page | SOFTMMU_VALID; 0 = empty */
    uint32_t delta;   /* machine address - guest-virtual address, for the page */
};

/* One guest's TLB: [virtual privilege][access kind][index]. */
typedef struct softmmu_entry softmmu_table[SOFTMMU_NACC][SOFTMMU_ENTRIES];

softmmu_table *softmmu_tables(const struct vcpu *v);

/*
 * The miss path: walk, check, fill. Returns the machine address, or 0 when
 * the access did not reach RAM and has already been dealt with as the
 * guest's hardware would: a page or access fault injected into the guest, or
 * a virtual-UART access emulated (vuart.c; the instruction is then complete).
 * v->pc must be the address of the instruction making the access.
 */
uint32_t softmmu_miss(struct vcpu *v, struct softmmu_entry *e, uint32_t va, uint32_t acc);

/* Forget every translation of this guest (both privileges, all kinds). */
void softmmu_flush(struct vcpu *v);

/* Misses since the last call (for the trace-port report). */
uint32_t softmmu_take_misses(struct vcpu *v);

/* The hit path, inlined into the interpreter loop. */
static inline uint32_t softmmu_xlate(struct vcpu *v, struct softmmu_entry *tlb, uint32_t va,
                                     uint32_t acc)
{
    struct softmmu_entry *e = &tlb[(va >> PAGE_SHIFT) & SOFTMMU_INDEX];
    if (e->tag == ((va & SOFTMMU_PAGE_MASK) | SOFTMMU_VALID))
        return va + e->delta;
    return softmmu_miss(v, e, va, acc);
}

#endif
