/*
 * arch_native.c — the native backend of arch.h: each function is the plain
 * privileged instruction (Zicsr CSR access, SFENCE.VMA, WFI), so a kernel
 * built with it runs unmodified on bare hardware and, trapped instruction by
 * instruction, under a trap-and-emulate VMM.
 */
#include "arch.h"
#include "riscv.h"

/* Bare hardware needs no setup. */
void arch_init(uint32_t boot_flags) { (void)boot_flags; }

void arch_set_trap_vector(void (*entry)(void))
{
    __asm__ volatile("csrw stvec, %0" :: "r"(entry));
}

void arch_irq_enable(void)  { __asm__ volatile("csrs sstatus, %0" :: "r"(SSTATUS_SIE)); }
void arch_irq_disable(void) { __asm__ volatile("csrc sstatus, %0" :: "r"(SSTATUS_SIE)); }

uint32_t arch_irq_save(void)
{
    uint32_t old;
    __asm__ volatile("csrrc %0, sstatus, %1" : "=r"(old) : "r"(SSTATUS_SIE));
    return old & SSTATUS_SIE;
}

void arch_irq_restore(uint32_t saved)
{
    if (saved & SSTATUS_SIE)
        arch_irq_enable();
}

void arch_timer_irq_enable(void)  { __asm__ volatile("csrs sie, %0" :: "r"(SIE_STIE)); }
void arch_timer_irq_disable(void) { __asm__ volatile("csrc sie, %0" :: "r"(SIE_STIE)); }

uint32_t arch_read_sstatus(void)
{
    uint32_t v;
    __asm__ volatile("csrr %0, sstatus" : "=r"(v));
    return v;
}

void arch_user_access_begin(void) { __asm__ volatile("csrs sstatus, %0" :: "r"(SSTATUS_SUM)); }
void arch_user_access_end(void)   { __asm__ volatile("csrc sstatus, %0" :: "r"(SSTATUS_SUM)); }

void arch_set_satp(uint32_t root_pa, uint32_t asid)
{
    uint32_t satp = SATP_MODE_SV32 | ((asid & SATP_ASID_MASK) << SATP_ASID_SHIFT) |
                    ((root_pa >> PAGE_SHIFT) & SATP_PPN_MASK);
    __asm__ volatile("csrw satp, %0" :: "r"(satp) : "memory");
}

void arch_set_satp_bare(void)
{
    __asm__ volatile("csrw satp, zero" ::: "memory");
    arch_flush_tlb_all();
}

uint32_t arch_read_satp(void)
{
    uint32_t v;
    __asm__ volatile("csrr %0, satp" : "=r"(v));
    return v;
}

void arch_flush_tlb_all(void) { __asm__ volatile("sfence.vma zero, zero" ::: "memory"); }

void arch_flush_tlb_page(uint32_t va)
{
    __asm__ volatile("sfence.vma %0, zero" :: "r"(va) : "memory");
}

void arch_flush_tlb_asid(uint32_t asid)
{
    __asm__ volatile("sfence.vma zero, %0" :: "r"(asid) : "memory");
}

void arch_set_satp_flush_all(uint32_t root_pa, uint32_t asid)
{
    arch_set_satp(root_pa, asid);
    arch_flush_tlb_all();
}

/* Nothing to defer on hardware: each flush is done when asked. */
void arch_flush_tlb_page_deferred(uint32_t va) { arch_flush_tlb_page(va); }
void arch_flush_tlb_asid_deferred(uint32_t asid) { arch_flush_tlb_asid(asid); }
void arch_flush_commit(void) {}

/* arch_wfi, arch_read_time: as in the paravirtual backend. */
#include "arch_common.h"
