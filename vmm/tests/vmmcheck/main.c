/*
 * vmmcheck — a guest kernel that checks the privileged architecture it runs on.
 *
 * It is built like every other guest (the guests/ runtime, linked at
 * 0x80200000) and run twice: natively on the SBI firmware, and under the VMM.
 * It prints what it observes — CSR values after each kind of write, the
 * cause and tval of every trap it provokes, the A/D bits of its own page
 * tables — and the test compares the two outputs byte for byte. Any place
 * where trap-and-emulate is not exactly the hardware shows up as a diff.
 *
 * Covered: all six CSR instruction forms on every S-mode CSR (WARL masks,
 * rd = x0, rs1 = x0), writes to read-only and M-mode CSRs, MRET, garbage,
 * EBREAK, misaligned loads, a software interrupt raised through sip, the
 * virtual timer with WFI (pending-but-masked and delivered), and Sv32:
 * accessed/dirty bits, SUM, MXR, supervisor fetch from a user page, the
 * reserved W-without-R encoding, invalid and non-leaf entries, a misaligned
 * megapage, SFENCE.VMA of one address inside a megapage, a page table outside
 * RAM, and switching between two address spaces.
 *
 * Privileged instructions appear here directly (not through arch.h) on
 * purpose: they are what is under test.
 */
#include "kernel.h"

#define CSR_WRITE_PATTERN 0xFFFFFFFFu
#define TEST_VA       0x40000000u    /* 4 KiB test pages live from here */
#define MEGA_VA       0x40400000u    /* a 4 MiB-aligned megapage slot */
#define OUTSIDE_RAM   0x90000000u    /* no RAM, no device */
#define RET_INSN      0x00008067u    /* jalr x0, 0(ra) */
#define MAGIC_A       0x1234abcdu
#define MAGIC_B       0x5678ef01u
#define TIMER_SOON    1000u          /* mtime ticks */

static volatile uint32_t traps, last_cause, last_tval, last_epc;
static volatile uint32_t interrupts, last_irq;

struct trap_frame *kernel_trap(struct trap_frame *tf)
{
    if (trap_is_interrupt(tf->scause)) {
        interrupts++;
        last_irq = trap_code(tf->scause);
        if (last_irq == IRQ_S_TIMER)
            sbi_set_timer(UINT64_MAX);
        else if (last_irq == IRQ_S_SOFT)
            __asm__ volatile("csrc sip, %0" :: "r"(1u << IRQ_S_SOFT));
        return tf;
    }
    traps++;
    last_cause = tf->scause;
    last_tval = tf->stval;
    last_epc = tf->sepc;
    /* Skip the faulting instruction; a failed fetch "returns" to the caller. */
    if (tf->scause == CAUSE_FETCH_PAGE_FAULT || tf->scause == CAUSE_FETCH_ACCESS)
        tf->sepc = tf->x[REG_RA];
    else
        tf->sepc += INSN_BYTES;
    return tf;
}

static void report_trap(const char *what, uint32_t before)
{
    if (traps == before)
        printf("vmmcheck: %s: no trap\n", what);
    else
        printf("vmmcheck: %s: trap %s, tval %x\n", what, trap_cause_name(last_cause), last_tval);
}

/* ---- CSRs ------------------------------------------------------------------ */

#define CSR_FORMS(name)                                                              \
    do {                                                                             \
        uint32_t saved_, a_, b_, c_, d_, e_, f_, g_;                                 \
        __asm__ volatile("csrr %0, " #name : "=r"(saved_));                        \
        __asm__ volatile("csrw " #name ", %1\n\tcsrr %0, " #name                     \
                         : "=r"(a_) : "r"(CSR_WRITE_PATTERN));                       \
        __asm__ volatile("csrrc %0, " #name ", %1" : "=r"(b_) : "r"(0x0F0F0F0Fu));    \
        __asm__ volatile("csrrs %0, " #name ", %1" : "=r"(c_) : "r"(0x00F000F0u));    \
        __asm__ volatile("csrrwi %0, " #name ", 0x15" : "=r"(d_));                     \
        __asm__ volatile("csrrsi %0, " #name ", 0x0a" : "=r"(e_));                     \
        __asm__ volatile("csrrci %0, " #name ", 0x01\n\tcsrr %1, " #name              \
                         : "=r"(f_), "=r"(g_));                                       \
        __asm__ volatile("csrw " #name ", %0" :: "r"(saved_));                        \
        printf("vmmcheck: csr %s: %x %x %x %x %x %x %x\n", #name, a_, b_, c_, d_, e_, f_, g_); \
    } while (0)

static void check_csrs(void)
{
    uint32_t sie_saved;
    __asm__ volatile("csrrw %0, sie, zero" : "=r"(sie_saved));   /* nothing fires meanwhile */
    CSR_FORMS(sscratch);
    CSR_FORMS(sepc);
    CSR_FORMS(scause);
    CSR_FORMS(stval);
    CSR_FORMS(scounteren);
    CSR_FORMS(senvcfg);
    CSR_FORMS(sie);
    /* sstatus and stvec: all-ones would enable interrupts / break traps, so
     * only masks the kernel can survive. */
    uint32_t s0, s1, s2;
    __asm__ volatile("csrr %0, sstatus" : "=r"(s0));
    __asm__ volatile("csrs sstatus, %1\n\tcsrr %0, sstatus" : "=r"(s1) : "r"(SSTATUS_SUM | SSTATUS_MXR | SSTATUS_SPP | SSTATUS_SPIE | 0x7000u));
    __asm__ volatile("csrw sstatus, %1\n\tcsrr %0, sstatus" : "=r"(s2) : "r"(s0));
    printf("vmmcheck: csr sstatus: set %x, restored %x\n", s1 & ~SSTATUS_SIE, s2 & ~SSTATUS_SIE);
    uint32_t t0, t1;
    __asm__ volatile("csrr %0, stvec" : "=r"(t0));
    __asm__ volatile("csrw stvec, %1\n\tcsrr %0, stvec\n\tcsrw stvec, %2" : "=r"(t1) : "r"(t0 | 3u), "r"(t0));
    printf("vmmcheck: csr stvec: mode bits written 3 read %x\n", t1 & 3u);
    uint32_t p0;
    __asm__ volatile("csrs sip, %1\n\tcsrr %0, sip\n\tcsrc sip, %1" : "=r"(p0) : "r"(1u << IRQ_S_SOFT));
    printf("vmmcheck: csr sip: after setting SSIP %x\n", p0 & (1u << IRQ_S_SOFT));
    __asm__ volatile("csrw sie, %0" :: "r"(sie_saved));
}

static void check_illegal(void)
{
    uint32_t before, x;
    before = traps;
    __asm__ volatile("csrw cycle, zero");
    report_trap("write read-only cycle", before);
    before = traps;
    __asm__ volatile("csrr %0, mstatus" : "=r"(x));
    report_trap("read mstatus", before);
    before = traps;
    __asm__ volatile("csrw mscratch, zero");
    report_trap("write mscratch", before);
    before = traps;
    __asm__ volatile("mret");
    report_trap("mret", before);
    before = traps;
    __asm__ volatile(".word 0");
    report_trap("all-zero word", before);
    before = traps;
    __asm__ volatile(".word 0xffffffff");
    report_trap("all-ones word", before);
    before = traps;
    __asm__ volatile("csrr %0, 0x5c0" : "=r"(x));    /* hypervisor/custom range: absent */
    report_trap("read csr 0x5c0", before);
    before = traps;
    __asm__ volatile("ebreak");
    printf("vmmcheck: ebreak: trap %s, at the instruction: %s\n", trap_cause_name(last_cause),
           traps != before ? "yes" : "no");
    static uint32_t words[2];
    before = traps;
    volatile uint32_t *odd = (volatile uint32_t *)((uintptr_t)words + 1);
    x = *odd;
    (void)x;
    printf("vmmcheck: misaligned load: %s\n",
           traps == before ? "done by hardware"
                           : (last_cause == CAUSE_MISALIGNED_LOAD && last_tval == (uint32_t)(uintptr_t)odd
                                  ? "trap with the address" : "trap, wrong cause or tval"));
    uint64_t t0 = arch_read_time(), t1 = arch_read_time();
    printf("vmmcheck: time readable and monotonic: %s\n", t1 >= t0 ? "yes" : "no");
}

/* ---- interrupts --------------------------------------------------------------- */

static uint64_t now(void) { return arch_read_time(); }

static void check_interrupts(void)
{
    /* A software interrupt raised by writing sip is taken at once. */
    interrupts = 0;
    __asm__ volatile("csrs sie, %0" :: "r"(1u << IRQ_S_SOFT));
    __asm__ volatile("csrs sstatus, %0" :: "r"(SSTATUS_SIE));
    __asm__ volatile("csrs sip, %0" :: "r"(1u << IRQ_S_SOFT));
    __asm__ volatile("csrc sstatus, %0" :: "r"(SSTATUS_SIE));
    printf("vmmcheck: software interrupt: %u taken, code %u\n", interrupts, last_irq);
    __asm__ volatile("csrc sie, %0" :: "r"(1u << IRQ_S_SOFT));

    /* A timer in the past with SIE off: pending, visible in sip, WFI returns. */
    interrupts = 0;
    __asm__ volatile("csrs sie, %0" :: "r"(1u << IRQ_S_TIMER));
    sbi_set_timer(0);
    __asm__ volatile("wfi");
    uint32_t sip;
    __asm__ volatile("csrr %0, sip" : "=r"(sip));
    printf("vmmcheck: masked timer: STIP %u, taken %u\n", (sip >> IRQ_S_TIMER) & 1u, interrupts);
    __asm__ volatile("csrs sstatus, %0" :: "r"(SSTATUS_SIE));
    __asm__ volatile("csrc sstatus, %0" :: "r"(SSTATUS_SIE));
    printf("vmmcheck: unmasked: taken %u, code %u\n", interrupts, last_irq);

    /* A timer in the future: WFI sleeps until it fires. */
    interrupts = 0;
    sbi_set_timer(now() + TIMER_SOON);
    __asm__ volatile("csrs sstatus, %0" :: "r"(SSTATUS_SIE));
    while (!interrupts)
        __asm__ volatile("wfi");
    __asm__ volatile("csrc sstatus, %0" :: "r"(SSTATUS_SIE));
    printf("vmmcheck: timer after wfi: taken %u, code %u\n", interrupts, last_irq);
    __asm__ volatile("csrc sie, %0" :: "r"(1u << IRQ_S_TIMER));
}

/* ---- Sv32 --------------------------------------------------------------------- */

static pte_t *root;

static pte_t *slot(uint32_t va) { return pt_walk(root, va, 1); }
static uint32_t pa_of(void *p) { return (uint32_t)(uintptr_t)p; }
static void flush(uint32_t va) { __asm__ volatile("sfence.vma %0, zero" :: "r"(va) : "memory"); }
static void flush_all(void) { __asm__ volatile("sfence.vma zero, zero" ::: "memory"); }

static uint32_t load(uint32_t va, const char *what)
{
    uint32_t before = traps, v = 0;
    v = *(volatile uint32_t *)(uintptr_t)va;
    if (traps != before)
        printf("vmmcheck: %s: trap %s, tval %x\n", what, trap_cause_name(last_cause), last_tval);
    else
        printf("vmmcheck: %s: read %x\n", what, v);
    return v;
}

static void store(uint32_t va, uint32_t val, const char *what)
{
    uint32_t before = traps;
    *(volatile uint32_t *)(uintptr_t)va = val;
    if (traps != before)
        printf("vmmcheck: %s: trap %s, tval %x\n", what, trap_cause_name(last_cause), last_tval);
    else
        printf("vmmcheck: %s: stored\n", what);
}

static void ad_bits(const char *when, uint32_t va)
{
    pte_t p = *slot(va);
    printf("vmmcheck: A/D %s: A=%u D=%u\n", when, (p & PTE_A) ? 1u : 0u, (p & PTE_D) ? 1u : 0u);
}

static void check_paging(void)
{
    root = pt_create();
    uint8_t *p1 = page_alloc(), *p2 = page_alloc(), *code = page_alloc();
    if (!root || !p1 || !p2 || !code || pt_map_kernel(root) != 0)
        panic("vmmcheck: out of memory");
    *(uint32_t *)p1 = MAGIC_A;
    *(uint32_t *)p2 = MAGIC_B;
    *(uint32_t *)code = RET_INSN;

    /* Accessed/dirty: a fresh writable page, A = D = 0. */
    *slot(TEST_VA) = pa_to_pte(pa_of(p1)) | PTE_V | PTE_R | PTE_W;
    /* A user page, an execute-only page, a reserved W-only page, an
     * invalid one, and a page holding a RET with U = 1. */
    *slot(TEST_VA + 1 * PAGE_SIZE) = pa_to_pte(pa_of(p2)) | PTE_V | PTE_R | PTE_W | PTE_U | PTE_A | PTE_D;
    *slot(TEST_VA + 2 * PAGE_SIZE) = pa_to_pte(pa_of(p1)) | PTE_V | PTE_X | PTE_A;
    *slot(TEST_VA + 3 * PAGE_SIZE) = pa_to_pte(pa_of(p1)) | PTE_V | PTE_W | PTE_A | PTE_D;
    *slot(TEST_VA + 4 * PAGE_SIZE) = pa_to_pte(pa_of(p1)) | PTE_R | PTE_A;
    *slot(TEST_VA + 5 * PAGE_SIZE) = pa_to_pte(pa_of(code)) | PTE_V | PTE_R | PTE_X | PTE_U | PTE_A;
    arch_set_satp(pa_of(root), 1);
    flush_all();
    printf("vmmcheck: paging on\n");

    ad_bits("fresh", TEST_VA);
    load(TEST_VA, "load fresh page");
    ad_bits("after load", TEST_VA);
    store(TEST_VA + 4, 7, "store fresh page");
    ad_bits("after store", TEST_VA);
    *slot(TEST_VA) &= ~(PTE_A | PTE_D);
    flush(TEST_VA);
    store(TEST_VA + 8, 9, "store after clearing A/D");
    ad_bits("after second store", TEST_VA);

    load(TEST_VA + PAGE_SIZE, "S load of U page, SUM=0");
    __asm__ volatile("csrs sstatus, %0" :: "r"(SSTATUS_SUM));
    load(TEST_VA + PAGE_SIZE, "S load of U page, SUM=1");
    store(TEST_VA + PAGE_SIZE + 4, 1, "S store to U page, SUM=1");
    __asm__ volatile("csrc sstatus, %0" :: "r"(SSTATUS_SUM));
    load(TEST_VA + PAGE_SIZE, "S load of U page, SUM=0 again");

    load(TEST_VA + 2 * PAGE_SIZE, "load X-only page, MXR=0");
    __asm__ volatile("csrs sstatus, %0" :: "r"(SSTATUS_MXR));
    load(TEST_VA + 2 * PAGE_SIZE, "load X-only page, MXR=1");
    __asm__ volatile("csrc sstatus, %0" :: "r"(SSTATUS_MXR));
    load(TEST_VA + 2 * PAGE_SIZE, "load X-only page, MXR=0 again");

    load(TEST_VA + 3 * PAGE_SIZE, "load W-only (reserved) page");
    load(TEST_VA + 4 * PAGE_SIZE, "load invalid page");

    uint32_t before = traps;
    __asm__ volatile("csrs sstatus, %0" :: "r"(SSTATUS_SUM));
    ((void (*)(void))(uintptr_t)(TEST_VA + 5 * PAGE_SIZE))();
    __asm__ volatile("csrc sstatus, %0" :: "r"(SSTATUS_SUM));
    report_trap("S fetch from U page, SUM=1", before);

    /* A megapage over the second half of guest RAM, read through it, then
     * remapped onto the firmware's megapage and invalidated with an
     * SFENCE.VMA of a *different* address inside it. */
    uint32_t mega_pa = TZ_RAM_BASE + (1u << 22);
    uint8_t *hi = page_alloc();
    while (hi && pa_of(hi) < mega_pa)   /* the allocator hands out low pages first */
        hi = page_alloc();
    if (hi)
        *(uint32_t *)hi = MAGIC_A;
    uint32_t off = hi ? pa_of(hi) - mega_pa : ~0u;
    root[MEGA_VA >> 22] = pa_to_pte(mega_pa) | PTE_V | PTE_R | PTE_W | PTE_A | PTE_D;
    flush_all();
    if (off < (1u << 22)) {
        load(MEGA_VA + off, "megapage read");
        root[MEGA_VA >> 22] = pa_to_pte(TZ_RAM_BASE) | PTE_V | PTE_R | PTE_W | PTE_A | PTE_D;
        flush(MEGA_VA + 0x1000u);
        load(MEGA_VA + off, "megapage after remap and one-address fence");
    } else {
        printf("vmmcheck: megapage read: skipped\n");
        printf("vmmcheck: megapage after remap and one-address fence: skipped\n");
    }
    root[MEGA_VA >> 22] = pa_to_pte(mega_pa + PAGE_SIZE) | PTE_V | PTE_R | PTE_A;
    flush_all();
    load(MEGA_VA, "misaligned megapage");
    root[MEGA_VA >> 22] = pa_to_pte(OUTSIDE_RAM) | PTE_V;
    flush_all();
    load(MEGA_VA, "page table outside RAM");
    root[MEGA_VA >> 22] = 0;
    flush_all();

    /* Two address spaces, one virtual address. */
    pte_t *root2 = pt_create();
    if (!root2 || pt_map_kernel(root2) != 0)
        panic("vmmcheck: out of memory");
    *pt_walk(root2, TEST_VA, 1) = pa_to_pte(pa_of(p2)) | PTE_V | PTE_R | PTE_W | PTE_A | PTE_D;
    uint32_t a = load(TEST_VA, "space 1");
    arch_set_satp(pa_of(root2), 2);
    uint32_t b = load(TEST_VA, "space 2");
    arch_set_satp(pa_of(root), 1);
    uint32_t c = load(TEST_VA, "space 1 again");
    printf("vmmcheck: address spaces distinct: %s\n", (a != b && a == c) ? "yes" : "no");

    store(OUTSIDE_RAM, 1, "store outside RAM (unmapped)");
    arch_set_satp_bare();
    flush_all();
    store(OUTSIDE_RAM, 1, "store outside RAM, paging off");
    load(TZ_RAM_BASE, "load firmware memory, paging off");
}

int kmain(const struct tz_bootinfo *bi)
{
    (void)bi;
    printf("vmmcheck: checking the privileged architecture\n");
    check_csrs();
    check_illegal();
    check_interrupts();
    check_paging();
    printf("vmmcheck: done, %u traps\n", traps);
    return 0;
}
