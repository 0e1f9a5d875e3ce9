/*
 * hello — the smallest complete guest kernel.
 *
 * Demonstrates: booting in S-mode from the boot convention (a0 = hartid,
 * a1 = boot info), talking to the layer below through the SBI (base version,
 * extension probing, console), and taking supervisor timer interrupts: it
 * programs the timer with SBI set_timer, enables STIE and SIE, and sleeps in
 * WFI until five ticks have arrived. It never turns paging on.
 *
 * Under a VMM every one of those steps is a trap: the CSR writes, each WFI,
 * each SBI call, and each timer interrupt injected into the guest.
 */
#include "kernel.h"

#define TICKS_WANTED   5u
#define TICKS_PER_SEC  100u            /* one timer interrupt every 10 ms */

static volatile uint32_t ticks;
static uint64_t tick_interval;
static uint64_t next_deadline;

struct trap_frame *kernel_trap(struct trap_frame *tf)
{
    if (tf->scause == (CAUSE_INTERRUPT | IRQ_S_TIMER)) {
        ticks++;
        printf("hello: tick %u\n", ticks);
        if (ticks < TICKS_WANTED) {
            next_deadline += tick_interval;
            sbi_set_timer(next_deadline);
        } else {
            sbi_set_timer(UINT64_MAX);      /* no more: also clears the pending bit */
        }
        return tf;
    }
    panic("hello: unexpected trap: %s at pc %x, stval %x",
          trap_cause_name(tf->scause), tf->sepc, tf->stval);
}

int kmain(const struct tz_bootinfo *bi)
{
    static const struct { uint32_t eid; const char *name; } exts[] = {
        { SBI_EXT_BASE, "BASE" }, { SBI_EXT_TIME, "TIME" },
        { SBI_EXT_DBCN, "DBCN" }, { SBI_EXT_SRST, "SRST" },
    };

    printf("hello: booted in S-mode\n");
    long ver = sbi_spec_version();
    printf("hello: SBI specification %ld.%ld\n", (ver >> 24) & 0x7f, ver & 0xffffff);
    uint32_t missing = 0;
    for (uint32_t i = 0; i < ARRAY_SIZE(exts); i++) {
        int ok = sbi_probe(exts[i].eid);
        printf("hello: SBI extension %s: %s\n", exts[i].name, ok ? "present" : "MISSING");
        missing += !ok;
    }

    tick_interval = bi->timebase_hz / TICKS_PER_SEC;
    printf("hello: waiting for %u timer interrupts, one every %u ms\n",
           TICKS_WANTED, 1000u / TICKS_PER_SEC);
    uint64_t start = arch_read_time();
    next_deadline = start + tick_interval;
    sbi_set_timer(next_deadline);
    arch_timer_irq_enable();
    arch_irq_enable();
    while (ticks < TICKS_WANTED)
        arch_wfi();
    arch_irq_disable();
    uint64_t elapsed = arch_read_time() - start;

    /* Five deadlines, each one interval after the previous: time must have
     * moved at least that far, whatever the machine's speed. */
    int time_ok = elapsed >= TICKS_WANTED * tick_interval;
    printf("hello: time advanced by at least %u intervals: %s\n", TICKS_WANTED,
           time_ok ? "yes" : "NO");

    int pass = missing == 0 && time_ok;
    printf("hello: %s (%u timer interrupts)\n", pass ? "PASS" : "FAIL", ticks);
    return pass ? 0 : 1;
}
