/*
 * softmmu.c — translation for emulated guests: the TLB miss path.
 *
 * softmmu.h explains the design; this file is what happens when the software
 * TLB has no entry. Nothing here is new policy: the guest's page table is
 * walked by the same code that fills shadow page tables for fully
 * virtualized guests (shadow.c, guest_translate), guest-physical addresses
 * are checked against the partition by the same gpa_to_mpa, faults are
 * delivered by inject.c and UART accesses emulated by vuart.c. The only
 * difference is where the answer goes: into a software TLB entry instead of
 * a shadow PTE.
 */
#include "softmmu.h"

static const uint32_t access_fault_cause[SOFTMMU_NACC] = {
    CAUSE_FETCH_ACCESS, CAUSE_LOAD_ACCESS, CAUSE_STORE_ACCESS };
/* What the real MMU would have reported: vuart.c tells loads from stores by it. */
static const uint32_t page_fault_cause[SOFTMMU_NACC] = {
    CAUSE_FETCH_PAGE_FAULT, CAUSE_LOAD_PAGE_FAULT, CAUSE_STORE_PAGE_FAULT };

static softmmu_table tlbs[TZ_VMM_MAX_GUESTS][SOFTMMU_NPRIV];
static uint32_t misses[TZ_VMM_MAX_GUESTS];

softmmu_table *softmmu_tables(const struct vcpu *v)
{
    return tlbs[v->id];
}

uint32_t softmmu_miss(struct vcpu *v, struct softmmu_entry *e, uint32_t va, uint32_t acc)
{
    struct xlate t;
    uint32_t mpa;
    misses[v->id]++;
    uint32_t fault = guest_translate(v, va, acc, &t);
    if (fault) {
        inject_exception(v, fault, va);          /* the guest's table says so */
        return 0;
    }
    if (!gpa_to_mpa(v, t.gpa, &mpa)) {
        if (acc != ACC_FETCH && t.gpa - TZ_UART_BASE < TZ_UART_SIZE)
            vuart_mmio(v, t.gpa, va, page_fault_cause[acc]);
        else
            inject_exception(v, access_fault_cause[acc], va);
        return 0;
    }
#if SOFTMMU_TLB
    e->tag = (va & SOFTMMU_PAGE_MASK) | SOFTMMU_VALID;
    e->delta = (mpa & SOFTMMU_PAGE_MASK) - (va & SOFTMMU_PAGE_MASK);
#else
    (void)e;
#endif
    return mpa;
}

void softmmu_flush(struct vcpu *v)
{
    /* Only the tags matter: an entry with tag 0 never hits. */
    struct softmmu_entry *e = &tlbs[v->id][0][0][0];
    for (uint32_t i = 0; i < SOFTMMU_NPRIV * SOFTMMU_NACC * SOFTMMU_ENTRIES; i++)
        e[i].tag = 0;
}

uint32_t softmmu_take_misses(struct vcpu *v)
{
    uint32_t n = misses[v->id];
    misses[v->id] = 0;
    return n;
}
