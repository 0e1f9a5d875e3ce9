/*
 * pager — a paging-heavy kernel: it builds Sv32 page tables, takes and
 * handles its own page faults, remaps and unmaps pages, and switches
 * address spaces over and over.
 *
 * Demonstrates what makes memory virtualization expensive. Under a VMM each
 * of these is work the hardware would otherwise do alone:
 *   1. demand paging: a 128-page region starts unmapped; every first touch
 *      is a store page fault that the kernel answers by mapping a fresh zero
 *      page (the VMM sees "guest fault, inject it" then "shadow fill");
 *   2. remapping: pairs of pages swap their physical frames (PTE rewrites +
 *      SFENCE.VMA per page, so the VMM must drop stale shadow entries);
 *   3. unmapping: half the pages are unmapped and freed; touching them again
 *      faults in new, zeroed pages;
 *   4. address-space switches: four address spaces share the kernel but each
 *      has its own pages at the same virtual window; the kernel switches satp
 *      (with a distinct ASID each) 256 times, checking it always sees the
 *      right space's data.
 * All counts are deterministic (faults happen on first touch, not on time).
 */
#include "kernel.h"

#define DEMAND_BASE    0x40000000u
#define DEMAND_PAGES   128u
#define WINDOW_BASE    0x50000000u
#define WINDOW_PAGES   8u
#define NSPACES        4u
#define SWITCH_ROUNDS  64u
#define ASID_MAIN      1u
#define ASID_FIRST     2u
#define WORDS_TOUCHED  8u            /* words written per page, spread across it */
#define GOLDEN         0x9E3779B9u
#define FNV_OFFSET     0x811C9DC5u
#define FNV_PRIME      0x01000193u

static pte_t *main_root;
/* Incremented by the trap handler behind the compiler's back (a fault can
 * happen inside any load or store), hence volatile. */
static volatile uint32_t demand_faults;

static uint32_t fnv_mix(uint32_t h, uint32_t v)
{
    for (int i = 0; i < 4; i++) {
        h ^= (v >> (8 * i)) & 0xFFu;
        h *= FNV_PRIME;
    }
    return h;
}

static inline volatile uint32_t *word_at(uint32_t va) { return (volatile uint32_t *)(uintptr_t)va; }

static uint32_t pattern(uint32_t page, uint32_t word) { return (page + 1) * GOLDEN ^ (word << 8); }

static uint32_t page_va(uint32_t page) { return DEMAND_BASE + page * PAGE_SIZE; }

static uint32_t word_va(uint32_t page, uint32_t word)
{
    return page_va(page) + word * (PAGE_SIZE / WORDS_TOUCHED);
}

/*
 * Page faults from the kernel itself (it is the only code running). A fault
 * inside the demand region is answered with a fresh zeroed page; the faulting
 * store or load is then retried (sepc unchanged). Anything else is a bug.
 */
struct trap_frame *kernel_trap(struct trap_frame *tf)
{
    uint32_t code = trap_code(tf->scause);
    int is_data_fault = code == CAUSE_LOAD_PAGE_FAULT || code == CAUSE_STORE_PAGE_FAULT;
    uint32_t va = tf->stval & ~(PAGE_SIZE - 1);
    if (!trap_is_interrupt(tf->scause) && is_data_fault &&
        va >= DEMAND_BASE && va < DEMAND_BASE + DEMAND_PAGES * PAGE_SIZE) {
        void *frame = page_alloc();
        if (!frame)
            panic("pager: out of memory at fault %u", demand_faults);
        if (pt_map(main_root, va, (uint32_t)(uintptr_t)frame, PTE_R | PTE_W) != PT_OK)
            panic("pager: fault on %x, which is already mapped", va);
        arch_flush_tlb_page_deferred(va);   /* done by the return from this trap */
        demand_faults++;
        return tf;
    }
    panic("pager: unexpected trap: %s at pc %x, stval %x",
          trap_cause_name(tf->scause), tf->sepc, tf->stval);
}

static int check_pages(uint32_t first, uint32_t count, uint32_t (*expect)(uint32_t, uint32_t))
{
    int ok = 1;
    for (uint32_t p = first; p < first + count; p++)
        for (uint32_t w = 0; w < WORDS_TOUCHED; w++)
            ok &= *word_at(word_va(p, w)) == expect(p, w);
    return ok;
}

static uint32_t swapped_pattern(uint32_t page, uint32_t word)
{
    return pattern(DEMAND_PAGES - 1 - page, word);
}

static uint32_t zero_or_pattern(uint32_t page, uint32_t word)
{
    return page & 1 ? 0 : swapped_pattern(page, word);
}

/* Swap the frames behind page i and its mirror page (the caller commits
 * the invalidations: arch_flush_commit). */
static void swap_frames(uint32_t i)
{
    uint32_t j = DEMAND_PAGES - 1 - i;
    pte_t a = pt_unmap(main_root, page_va(i));
    pte_t b = pt_unmap(main_root, page_va(j));
    if (!(a & PTE_V) || !(b & PTE_V))
        panic("pager: page %u or %u not mapped before the swap", i, j);
    pt_map(main_root, page_va(i), pte_to_pa(b), PTE_R | PTE_W);
    pt_map(main_root, page_va(j), pte_to_pa(a), PTE_R | PTE_W);
    arch_flush_tlb_page_deferred(page_va(i));
    arch_flush_tlb_page_deferred(page_va(j));
}

int kmain(const struct tz_bootinfo *bi)
{
    (void)bi;
    int pass = 1, ok;
    uint32_t checksum = FNV_OFFSET;

    main_root = pt_create();
    if (!main_root || pt_map_kernel(main_root) != PT_OK)
        panic("pager: cannot build the kernel page table");
    arch_set_satp_flush_all((uint32_t)(uintptr_t)main_root, ASID_MAIN);
    uint32_t baseline = palloc_pages_in_use();
    printf("pager: paging on (Sv32), kernel identity-mapped\n");

    /* 1. demand paging */
    for (uint32_t p = 0; p < DEMAND_PAGES; p++)
        for (uint32_t w = 0; w < WORDS_TOUCHED; w++)
            *word_at(word_va(p, w)) = pattern(p, w);
    ok = check_pages(0, DEMAND_PAGES, pattern) && demand_faults == DEMAND_PAGES;
    printf("pager: touched %u unmapped pages: %u page faults, contents %s\n",
           DEMAND_PAGES, demand_faults, ok ? "ok" : "WRONG");
    pass &= ok;

    /* 2. remap: swap frames pairwise, then every page shows its mirror's data */
    for (uint32_t i = 0; i < DEMAND_PAGES / 2; i++)
        swap_frames(i);
    arch_flush_commit();
    ok = check_pages(0, DEMAND_PAGES, swapped_pattern);
    printf("pager: swapped the frames of %u page pairs: contents %s\n",
           DEMAND_PAGES / 2, ok ? "ok" : "WRONG");
    pass &= ok;

    /* 3. unmap odd pages; touching them again brings zero pages back */
    uint32_t unmapped = 0;
    for (uint32_t p = 1; p < DEMAND_PAGES; p += 2) {
        pte_t old = pt_unmap(main_root, page_va(p));
        arch_flush_tlb_page_deferred(page_va(p));
        page_free((void *)(uintptr_t)pte_to_pa(old));
        unmapped++;
    }
    arch_flush_commit();
    uint32_t faults_before = demand_faults;
    ok = check_pages(0, DEMAND_PAGES, zero_or_pattern) &&
         demand_faults - faults_before == unmapped;
    printf("pager: unmapped %u pages, re-touched them: %u faults, zero-filled %s\n",
           unmapped, demand_faults - faults_before, ok ? "ok" : "WRONG");
    pass &= ok;
    for (uint32_t p = 0; p < DEMAND_PAGES; p++)
        checksum = fnv_mix(checksum, *word_at(word_va(p, p % WORDS_TOUCHED)));

    /* 4. address spaces: same window, different pages in each */
    pte_t *space[NSPACES];
    for (uint32_t s = 0; s < NSPACES; s++) {
        space[s] = pt_create();
        if (!space[s] || pt_map_kernel(space[s]) != PT_OK)
            panic("pager: cannot build address space %u", s);
        for (uint32_t w = 0; w < WINDOW_PAGES; w++) {
            uint32_t *frame = page_alloc();
            if (!frame || pt_map(space[s], WINDOW_BASE + w * PAGE_SIZE,
                                 (uint32_t)(uintptr_t)frame, PTE_R | PTE_W) != PT_OK)
                panic("pager: out of memory for address space %u", s);
            frame[0] = s;        /* written through the identity map */
        }
    }
    uint32_t switches = 0, wrong = 0;
    for (uint32_t round = 0; round < SWITCH_ROUNDS; round++)
        for (uint32_t s = 0; s < NSPACES; s++) {
            arch_set_satp((uint32_t)(uintptr_t)space[s], ASID_FIRST + s);
            switches++;
            uint32_t w = (round + s) % WINDOW_PAGES;
            volatile uint32_t *cell = word_at(WINDOW_BASE + w * PAGE_SIZE);
            wrong += cell[0] != s;
            cell[1] += round + 1;       /* a running sum private to (space, page) */
        }
    arch_set_satp((uint32_t)(uintptr_t)main_root, ASID_MAIN);
    uint32_t sums = 0;
    for (uint32_t s = 0; s < NSPACES; s++)
        for (uint32_t w = 0; w < WINDOW_PAGES; w++) {
            uint32_t pa;
            if (!pt_translate(space[s], WINDOW_BASE + w * PAGE_SIZE, &pa))
                panic("pager: window page vanished");
            sums += ((uint32_t *)(uintptr_t)pa)[1];
            checksum = fnv_mix(checksum, ((uint32_t *)(uintptr_t)pa)[1]);
        }
    /* Each round adds round+1 to one page of each space: NSPACES * sum(1..R). */
    ok = wrong == 0 && sums == NSPACES * SWITCH_ROUNDS * (SWITCH_ROUNDS + 1) / 2;
    printf("pager: %u address spaces, %u satp switches: each saw only its own pages: %s\n",
           NSPACES, switches, ok ? "ok" : "WRONG");
    pass &= ok;

    /* Tear everything down: every page must come back. */
    for (uint32_t s = 0; s < NSPACES; s++) {
        for (uint32_t w = 0; w < WINDOW_PAGES; w++)
            page_free((void *)(uintptr_t)pte_to_pa(pt_unmap(space[s], WINDOW_BASE + w * PAGE_SIZE)));
        pt_destroy(space[s]);
        arch_flush_tlb_asid_deferred(ASID_FIRST + s);
    }
    for (uint32_t p = 0; p < DEMAND_PAGES; p++) {
        page_free((void *)(uintptr_t)pte_to_pa(pt_unmap(main_root, page_va(p))));
        arch_flush_tlb_page_deferred(page_va(p));
    }
    arch_flush_commit();
    /* The demand region's second-level table stays (it belongs to the root). */
    ok = palloc_pages_in_use() == baseline + 1;
    printf("pager: freed everything, no page leaked: %s\n", ok ? "ok" : "WRONG");
    pass &= ok;

    printf("pager: %s faults %u, checksum %08x\n", pass ? "PASS" : "FAIL",
           demand_faults, checksum);
    return pass ? 0 : 1;
}
