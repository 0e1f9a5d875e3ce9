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
 * The only other places that touch CSRs are the trap entry/exit (trap.S)
 * and the start code (start.S), which a paravirtual build also replaces.
 */
#ifndef GUEST_ARCH_H
#define GUEST_ARCH_H

#include <stdint.h>

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

/* Wait for an interrupt (may return at once; callers loop on a condition). */
void arch_wfi(void);

/* The time CSR (mtime ticks, bootinfo.timebase_hz per second). */
uint64_t arch_read_time(void);

#endif
