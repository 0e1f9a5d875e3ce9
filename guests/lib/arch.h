/*
 * arch.h — every privileged operation a guest kernel performs, in one place.
 *
 * A kernel never writes a CSR or executes SFENCE.VMA/WFI itself: it calls
 * these functions. The native backend (arch_native.c) is one instruction
 * each, which is exactly what a full-virtualization VMM must trap and
 * emulate. A paravirtual backend can implement the same header with
 * hypercalls (satp + flush in one call, batched updates) and relink the same
 * kernels without touching them — the difference then shows up in cycles.
 *
 * The only other places that touch CSRs are the trap entry/exit (trap.S,
 * replaced by trap_paravirt.S in the paravirtual build) and the start code
 * (start.S).
 *
 * arch_paravirt.c is that paravirtual backend. Some functions below exist
 * for it: they let a kernel say what it means ("switch and flush", "these
 * invalidations can wait until I commit") where the native backend simply
 * does the same work at once, so a kernel prints the same either way.
 */
#ifndef GUEST_ARCH_H
#define GUEST_ARCH_H

#include <stdint.h>

/* Called once by the runtime after the console works, with the boot-info
 * flags (TZ_BOOT_*): the paravirtual backend registers its shared page with
 * the VMM here; the native one has nothing to do. */
void arch_init(uint32_t boot_flags);

/* Trap vector (stvec, direct mode). */
void arch_set_trap_vector(void (*entry)(void));

/* S-mode interrupt enable (sstatus.SIE). save/restore nest safely. */
void arch_irq_enable(void);
void arch_irq_disable(void);
uint32_t arch_irq_save(void);            /* disable; return the previous state */
void arch_irq_restore(uint32_t saved);

/* Which S-mode interrupts may be taken (sie). */
void arch_timer_irq_enable(void);        /* sie.STIE */
void arch_timer_irq_disable(void);

/* sstatus as a whole (to build a U-mode frame) and its SUM bit, which lets
 * the kernel read user buffers during a system call. */
uint32_t arch_read_sstatus(void);
void arch_user_access_begin(void);
void arch_user_access_end(void);

/* Address translation: root is the physical address of a page-aligned Sv32
 * root table. Switching does not flush; ASIDs keep address spaces apart. */
void arch_set_satp(uint32_t root_pa, uint32_t asid);
void arch_set_satp_bare(void);           /* paging off */
uint32_t arch_read_satp(void);
void arch_flush_tlb_all(void);           /* sfence.vma zero, zero */
void arch_flush_tlb_page(uint32_t va);   /* sfence.vma va, zero */
void arch_flush_tlb_asid(uint32_t asid); /* sfence.vma zero, asid */

/* Switch address space and drop every cached translation (satp, then
 * sfence.vma zero, zero): one step for a VMM that offers it. */
void arch_set_satp_flush_all(uint32_t root_pa, uint32_t asid);

/* Deferred invalidation, for changing many PTEs at once: a flush queued here
 * takes effect at the latest at arch_flush_commit() or when the trap handler
 * returns (trap_exit), whichever comes first. Until then the old translation
 * may still be used, so queue it right after the PTE change (as sfence.vma)
 * and commit before touching the page. Natively both are done at once. */
void arch_flush_tlb_page_deferred(uint32_t va);
void arch_flush_tlb_asid_deferred(uint32_t asid);
void arch_flush_commit(void);

/* Wait for an interrupt (may return at once; callers loop on a condition). */
void arch_wfi(void);

/* The time CSR (mtime ticks, bootinfo.timebase_hz per second). */
uint64_t arch_read_time(void);

#endif
