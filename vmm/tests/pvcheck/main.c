/*
 * pvcheck — the paravirtual interface checked from the guest's side.
 *
 * A paravirtual kernel (built with guests/lib/arch_paravirt.c, run with
 * "mode": "para") that calls the VMM's hypercalls with good and bad
 * arguments and checks the answers (machine/abi/trapeze_abi.h, "Hypercalls"):
 *   - every address outside its partition, misaligned, or in the firmware
 *     window is refused with SBI_ERR_INVALID_ADDRESS, and nothing changes;
 *   - a garbage MMU queue (count out of range, unknown operation) is refused
 *     with SBI_ERR_INVALID_PARAM and emptied;
 *   - the shared page and the virtual CSRs stay in step both ways, and the
 *     VMM ignores what the page may not change (SUM, sepc's low bits);
 *   - unmasking interrupts while one is pending delivers it (TZPV_IRQ_CHECK).
 * Run under the name "pvcheck-hostile" it instead spins on hypercalls with a
 * pending timer interrupt masked forever: the VMM's watchdog must stop it
 * (the containment every other guest gets applies to hypercalls too).
 */
#include "kernel.h"

#define BAD_GPA_OUTSIDE   0x90000000u   /* beyond any partition's RAM */
#define FIRMWARE_GPA      TZ_RAM_BASE   /* the firmware window: never the guest's */
#define BAD_FID           99u
#define BAD_FLUSH_KIND    7u
#define BAD_MMU_OP        77u
#define BAD_MMU_COUNT     1000u
#define MISALIGN          2u
#define SEPC_LOW_BITS     3u
#define SCRATCH_PATTERN   0x5CA7C400u
#define SEPC_PATTERN      0x80201000u
#define HOSTILE_NAME      "pvcheck-hostile"

extern volatile struct tz_pv_shared tz_pv_shared_page;   /* arch_paravirt.c */
#define SH (&tz_pv_shared_page)

static uint32_t checks, failures;
static volatile uint32_t timer_irqs;

static void expect_eq(const char *what, long got, long want)
{
    checks++;
    if (got == want) {
        printf("pvcheck: %s: ok\n", what);
    } else {
        failures++;
        printf("pvcheck: %s: FAIL (got %d, want %d)\n", what, (int)got, (int)want);
    }
}

static long hcall(uint32_t fid, uint32_t a0, uint32_t a1)
{
    return sbi_call(SBI_EXT_TZPV, fid, a0, a1, 0).error;
}

static uint32_t pa(const volatile void *p) { return (uint32_t)(uintptr_t)p; }

#define CSR_READ(csr) ({ uint32_t v_; __asm__ volatile("csrr %0, " #csr : "=r"(v_) :: "memory"); v_; })
#define CSR_WRITE(csr, v) __asm__ volatile("csrw " #csr ", %0" :: "r"((uint32_t)(v)) : "memory")

struct trap_frame *kernel_trap(struct trap_frame *tf)
{
    if (tf->scause == (CAUSE_INTERRUPT | IRQ_S_TIMER)) {
        timer_irqs++;
        sbi_set_timer(UINT64_MAX);   /* clears the pending timer */
        return tf;
    }
    panic("pvcheck: unexpected trap: %s at pc %x, stval %x",
          trap_cause_name(tf->scause), tf->sepc, tf->stval);
}

static void bad_addresses(const struct tz_bootinfo *bi)
{
    static struct trap_frame frame __attribute__((aligned(16)));
    uint32_t ram_end = bi->ram_base + bi->ram_size;
    expect_eq("unknown hypercall refused", hcall(BAD_FID, 0, 0), SBI_ERR_NOT_SUPPORTED);
    expect_eq("shared page outside the partition refused",
              hcall(TZPV_SHARED_SETUP, BAD_GPA_OUTSIDE, 0), SBI_ERR_INVALID_ADDRESS);
    expect_eq("shared page just past the partition refused",
              hcall(TZPV_SHARED_SETUP, ram_end, 0), SBI_ERR_INVALID_ADDRESS);
    expect_eq("shared page in the firmware window refused",
              hcall(TZPV_SHARED_SETUP, FIRMWARE_GPA, 0), SBI_ERR_INVALID_ADDRESS);
    expect_eq("misaligned shared page refused",
              hcall(TZPV_SHARED_SETUP, pa(SH) + sizeof(uint32_t), 0), SBI_ERR_INVALID_ADDRESS);
    /* The page registered at boot is still the one in use. */
    CSR_WRITE(sscratch, SCRATCH_PATTERN);
    expect_eq("refusals kept the registered page", SH->sscratch == SCRATCH_PATTERN, 1);
    CSR_WRITE(sscratch, 0);

    expect_eq("SRET frame outside the partition refused",
              hcall(TZPV_SRET, BAD_GPA_OUTSIDE, 0), SBI_ERR_INVALID_ADDRESS);
    expect_eq("misaligned SRET frame refused",
              hcall(TZPV_SRET, pa(&frame) + MISALIGN, 0), SBI_ERR_INVALID_ADDRESS);
    expect_eq("SRET frame running past the partition refused",
              hcall(TZPV_SRET, ram_end - TZPV_FRAME_SIZE / 2, 0), SBI_ERR_INVALID_ADDRESS);
    expect_eq("SRET frame in the firmware window refused",
              hcall(TZPV_SRET, FIRMWARE_GPA, 0), SBI_ERR_INVALID_ADDRESS);
    expect_eq("unknown flush kind refused",
              hcall(TZPV_SET_SATP, 0, BAD_FLUSH_KIND), SBI_ERR_INVALID_PARAM);
}

static void mmu_queue(void)
{
    SH->mmu_count = BAD_MMU_COUNT;
    expect_eq("MMU queue with a count out of range refused",
              hcall(TZPV_MMU_COMMIT, 0, 0), SBI_ERR_INVALID_PARAM);
    expect_eq("... and emptied", SH->mmu_count, 0);
    SH->mmu_op[0].op = BAD_MMU_OP;
    SH->mmu_op[0].arg = 0;
    SH->mmu_count = 1;
    expect_eq("unknown MMU operation refused", hcall(TZPV_MMU_COMMIT, 0, 0), SBI_ERR_INVALID_PARAM);
    arch_flush_tlb_page_deferred(TZ_KERNEL_BASE);
    arch_flush_tlb_asid_deferred(1);
    arch_flush_tlb_page_deferred(TZ_KERNEL_BASE + PAGE_SIZE);
    expect_eq("three flushes queued", SH->mmu_count, 3);
    expect_eq("a valid batch is carried out", hcall(TZPV_MMU_COMMIT, 0, 0), SBI_SUCCESS);
    expect_eq("... and the queue emptied", SH->mmu_count, 0);
    arch_set_satp_bare();
    expect_eq("TZPV_SET_SATP wrote satp", CSR_READ(satp), 0);
}

static void shared_state(void)
{
    SH->sscratch = SCRATCH_PATTERN;
    expect_eq("sscratch written in the page reads back from the CSR",
              CSR_READ(sscratch) == SCRATCH_PATTERN, 1);
    SH->sscratch = 0;
    SH->sepc = SEPC_PATTERN | SEPC_LOW_BITS;
    expect_eq("sepc from the page is masked as the CSR is", CSR_READ(sepc) == SEPC_PATTERN, 1);
    SH->sstatus |= SSTATUS_SUM;
    expect_eq("SUM cannot be set through the page", CSR_READ(sstatus) & SSTATUS_SUM, 0);
    expect_eq("... and the page shows it clear again", SH->sstatus & SSTATUS_SUM, 0);
    __asm__ volatile("csrs sstatus, %0" :: "r"(SSTATUS_SUM) : "memory");
    expect_eq("SUM set by the CSR shows in the page", (SH->sstatus & SSTATUS_SUM) != 0, 1);
    __asm__ volatile("csrc sstatus, %0" :: "r"(SSTATUS_SUM) : "memory");
}

static void interrupts(void)
{
    arch_irq_disable();
    arch_timer_irq_enable();
    sbi_set_timer(0);                /* due at once, but masked */
    expect_eq("a masked timer shows as pending in the page", (SH->pending & SIE_STIE) != 0, 1);
    expect_eq("masked: not taken", timer_irqs, 0);
    arch_irq_enable();               /* pending: TZPV_IRQ_CHECK delivers it */
    expect_eq("unmasking delivered it at once", timer_irqs, 1);
    expect_eq("nothing pending afterwards", SH->pending, 0);
    arch_irq_disable();
    arch_timer_irq_disable();
}

static void hostile(void)
{
    printf("pvcheck: spinning on hypercalls with a timer interrupt pending and masked\n");
    arch_irq_disable();
    arch_timer_irq_enable();
    sbi_set_timer(0);
    for (;;)
        hcall(TZPV_IRQ_CHECK, 0, 0);
}

static int same_name(const char *a, const char *b)
{
    while (*a && *a == *b)
        a++, b++;
    return *a == *b;
}

int kmain(const struct tz_bootinfo *bi)
{
    if (same_name(bi->name, HOSTILE_NAME))
        hostile();
    bad_addresses(bi);
    mmu_queue();
    shared_state();
    interrupts();
    printf("pvcheck: %s %u checks, %u failed\n", failures ? "FAIL" : "PASS", checks, failures);
    return failures ? 1 : 0;
}
