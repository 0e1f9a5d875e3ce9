/*
 * arch_paravirt.c — the paravirtual backend of arch.h: the same kernels,
 * relinked to ask the trapeze VMM for privileged work instead of trapping on
 * each privileged instruction ("mode": "para" in a scenario; the kernels are
 * built a second time as <name>-pv.elf with this file and trap_paravirt.S).
 *
 * Where the native backend executes a CSR instruction — an exit into the VMM
 * every time when fully virtualized — this one mostly touches memory:
 *
 *   - the shared page (struct tz_pv_shared, machine/abi/trapeze_abi.h) holds
 *     the trap CSRs and sstatus.SIE; the VMM keeps it in step with the vcpu
 *     on every exit and entry, so reading sstatus or masking interrupts costs
 *     a load or an atomic, not an exit. Unmasking interrupts exits only when
 *     the page says an interrupt is pending (TZPV_IRQ_CHECK);
 *   - TLB invalidations can be queued in the shared page and carried out in
 *     one exit (the *_deferred functions and arch_flush_commit);
 *   - satp + flush is one hypercall (TZPV_SET_SATP);
 *   - the trap return is one hypercall (TZPV_SRET, in trap_paravirt.S).
 * What stays an instruction is what is rare or is one exit either way:
 * stvec, sie, SUM (it reshapes the VMM's shadow tables), reading satp, WFI.
 * rdtime never traps.
 *
 * The shared page is registered in arch_init. Hypercall pointers are
 * guest-physical; a kernel's memory is mapped at identical virtual addresses
 * (pt_map_kernel), so a pointer to kernel data is its physical address.
 */
#include "arch.h"
#include "klib.h"
#include "riscv.h"
#include "sbi.h"
#include "trap.h"

/* The VMM restores a struct trap_frame as a struct tz_pv_frame: the layouts
 * must agree (trap.h is the guest's, trapeze_abi.h the VMM's). */
_Static_assert(TF_SEPC == TZPV_FRAME_SEPC, "trap_frame.sepc is where TZPV_SRET reads it");
_Static_assert(TF_SSTATUS == TZPV_FRAME_SSTATUS, "trap_frame.sstatus is where TZPV_SRET reads it");
_Static_assert(TF_SIZE >= TZPV_FRAME_SIZE, "a trap_frame holds a tz_pv_frame");

/* Page-aligned and in .bss (zero until the VMM first fills it); trap_paravirt.S
 * reads it by name. The VMM changes it at every exit, hence volatile. */
volatile struct tz_pv_shared tz_pv_shared_page __attribute__((aligned(TZPV_SHARED_SIZE)));
#define SH (&tz_pv_shared_page)

static struct sbiret hcall(uint32_t fid, uint32_t a0, uint32_t a1)
{
    return sbi_call(SBI_EXT_TZPV, fid, a0, a1, 0);
}

static uint32_t pa_of(const volatile void *p) { return (uint32_t)(uintptr_t)p; }

void arch_init(uint32_t boot_flags)
{
    if (!(boot_flags & TZ_BOOT_PARAVIRT))
        panic("this kernel is the paravirtual build: run it under the trapeze VMM "
              "with \"mode\": \"para\"");
    struct sbiret r = hcall(TZPV_SHARED_SETUP, pa_of(SH), 0);
    if (r.error != SBI_SUCCESS)
        panic("paravirt: the VMM refused the shared page at %p (error %d)",
              (const void *)SH, (int)r.error);
}

void arch_set_trap_vector(void (*entry)(void))
{
    __asm__ volatile("csrw stvec, %0" :: "r"(entry));
}

/* ---- interrupt masking: the shared page's sstatus.SIE ----------------------
 * An AMO is one instruction, so an exit can never fall between reading and
 * writing the word (the VMM may rewrite the page at any exit). */
uint32_t arch_irq_save(void)
{
    uint32_t old;
    __asm__ volatile("amoand.w %0, %1, (%2)"
                     : "=r"(old) : "r"(~SSTATUS_SIE), "r"(&SH->sstatus) : "memory");
    return old & SSTATUS_SIE;
}

void arch_irq_disable(void) { (void)arch_irq_save(); }

void arch_irq_enable(void)
{
    __asm__ volatile("amoor.w zero, %0, (%1)" :: "r"(SSTATUS_SIE), "r"(&SH->sstatus) : "memory");
    /* An interrupt became pending while masked: only the VMM can deliver
     * it, and it does on the way back from any exit. */
    if (SH->pending)
        hcall(TZPV_IRQ_CHECK, 0, 0);
}

void arch_irq_restore(uint32_t saved)
{
    if (saved & SSTATUS_SIE)
        arch_irq_enable();
}

void arch_timer_irq_enable(void)  { __asm__ volatile("csrs sie, %0" :: "r"(SIE_STIE)); }
void arch_timer_irq_disable(void) { __asm__ volatile("csrc sie, %0" :: "r"(SIE_STIE)); }

uint32_t arch_read_sstatus(void) { return SH->sstatus; }

void arch_user_access_begin(void) { __asm__ volatile("csrs sstatus, %0" :: "r"(SSTATUS_SUM) : "memory"); }
void arch_user_access_end(void)   { __asm__ volatile("csrc sstatus, %0" :: "r"(SSTATUS_SUM) : "memory"); }

/* ---- address translation ------------------------------------------------- */

static uint32_t satp_value(uint32_t root_pa, uint32_t asid)
{
    return SATP_MODE_SV32 | ((asid & SATP_ASID_MASK) << SATP_ASID_SHIFT) |
           ((root_pa >> PAGE_SHIFT) & SATP_PPN_MASK);
}

static void set_satp(uint32_t satp, uint32_t flush)
{
    struct sbiret r = hcall(TZPV_SET_SATP, satp, flush);
    if (r.error != SBI_SUCCESS)
        panic("paravirt: TZPV_SET_SATP %x refused (error %d)", satp, (int)r.error);
}

void arch_set_satp(uint32_t root_pa, uint32_t asid) { set_satp(satp_value(root_pa, asid), TZPV_FLUSH_NONE); }
void arch_set_satp_bare(void) { set_satp(0, TZPV_FLUSH_ALL); }
void arch_set_satp_flush_all(uint32_t root_pa, uint32_t asid)
{
    set_satp(satp_value(root_pa, asid), TZPV_FLUSH_ALL);
}

uint32_t arch_read_satp(void)
{
    uint32_t v;
    __asm__ volatile("csrr %0, satp" : "=r"(v));
    return v;
}

/* ---- invalidation: a queue in the shared page ---------------------------- */

void arch_flush_commit(void)
{
    if (SH->mmu_count == 0)
        return;
    struct sbiret r = hcall(TZPV_MMU_COMMIT, 0, 0);
    if (r.error != SBI_SUCCESS)
        panic("paravirt: TZPV_MMU_COMMIT refused (error %d)", (int)r.error);
}

static void queue(uint32_t op, uint32_t arg)
{
    uint32_t n = SH->mmu_count;
    if (n >= TZPV_MMU_QUEUE_MAX) {
        arch_flush_commit();
        n = 0;
    }
    SH->mmu_op[n].op = op;
    SH->mmu_op[n].arg = arg;
    SH->mmu_count = n + 1;
}

void arch_flush_tlb_page_deferred(uint32_t va) { queue(TZPV_MMU_FLUSH_PAGE, va); }
void arch_flush_tlb_asid_deferred(uint32_t asid) { queue(TZPV_MMU_FLUSH_ASID, asid); }

/* Immediate flushes: queued behind whatever is pending, then committed. */
void arch_flush_tlb_all(void)         { queue(TZPV_MMU_FLUSH_ALL, 0); arch_flush_commit(); }
void arch_flush_tlb_page(uint32_t va) { queue(TZPV_MMU_FLUSH_PAGE, va); arch_flush_commit(); }
void arch_flush_tlb_asid(uint32_t asid) { queue(TZPV_MMU_FLUSH_ASID, asid); arch_flush_commit(); }

/* ---- the rest ------------------------------------------------------------- */

/* arch_wfi, arch_read_time: as in arch_native.c (wfi and rdtime are the
 * guest's own instructions here too; rdtime is not privileged, so it never
 * leaves the guest). */
#include "arch_common.h"

/* trap_paravirt.S: TZPV_SRET came back, so the VMM refused the frame. */
void pv_sret_failed(struct trap_frame *tf, long error);
void pv_sret_failed(struct trap_frame *tf, long error)
{
    panic("paravirt: TZPV_SRET refused the trap frame at %p (error %d)", (void *)tf, (int)error);
}
