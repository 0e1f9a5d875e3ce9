/*
 * rogue — a hostile kernel: it tries to break out of the memory and the
 * privilege it was given, and reports which attempts the machine stopped.
 *
 * Demonstrates isolation. On the bare machine the hardware does the
 * stopping: PMP guards the firmware's memory (even through the kernel's own
 * page tables), the bus faults on addresses with nothing behind them, and
 * M-mode instructions and CSRs are illegal in S-mode. Under a VMM the same
 * attempts must be stopped by the VMM, without the guest being able to tell
 * the difference. Every attempt is caught by this kernel's own trap handler,
 * which resumes after the attempt, so the kernel survives to count them:
 *   1-3  load/store the firmware at 0x80000000 and store beyond RAM
 *   4    map the firmware's physical page into its own page table, read it
 *   5-7  read mstatus, write mtvec, execute MRET (M-mode only)
 *   8    spin with interrupts disabled (natively nothing stops this: it is
 *        bounded here; a VMM must preempt it instead)
 *   9    jump into garbage (an all-zero word: illegal instruction)
 */
#include "kernel.h"

#define FIRMWARE_ADDR     TZ_RAM_BASE
#define BEYOND_RAM_ADDR   0x90000000u   /* nothing is wired here on the virt board */
#define ALIAS_VA          0x60000000u   /* where the kernel maps the firmware's page */
#define ROGUE_ASID        1u
#define SPIN_ITERATIONS   1000000u
#define POISON            0xDEADBEEFu

void hostile_store(uint32_t addr, uint32_t value);
uint32_t hostile_load(uint32_t addr);
uint32_t hostile_read_mstatus(void);
void hostile_write_mtvec(uint32_t value);
void hostile_mret(void);
extern const uint32_t hostile_garbage[];

/* What the trap handler saw during the current attempt. */
static volatile int attempt_active;
static volatile uint32_t caught_cause, caught_tval, caught_count;

static uint32_t attempts, blocked;

/*
 * The only traps this kernel expects are the faults it provokes. Each comes
 * from inside a hostile_* leaf function (or the garbage it jumped to), so
 * resuming at ra returns from that function as if it had finished.
 */
struct trap_frame *kernel_trap(struct trap_frame *tf)
{
    if (!attempt_active || trap_is_interrupt(tf->scause))
        panic("rogue: unexpected trap: %s at pc %x, stval %x",
              trap_cause_name(tf->scause), tf->sepc, tf->stval);
    caught_cause = tf->scause;
    caught_tval = tf->stval;
    caught_count++;
    tf->x[REG_A0] = POISON;         /* what a faulting load "returns" */
    tf->sepc = tf->x[REG_RA];
    return tf;
}

static void begin(const char *what)
{
    attempts++;
    printf("rogue: attempt %u: %s\n", attempts, what);
    caught_count = 0;
    attempt_active = 1;
}

/* Report one attempt; `show_addr` for faults whose stval is an address. */
static void end(int show_addr)
{
    attempt_active = 0;
    if (caught_count == 0) {
        printf("rogue:   NOT blocked: it went through\n");
        return;
    }
    blocked++;
    if (show_addr)
        printf("rogue:   blocked: %s at address %x\n", trap_cause_name(caught_cause), caught_tval);
    else
        printf("rogue:   blocked: %s\n", trap_cause_name(caught_cause));
}

int kmain(const struct tz_bootinfo *bi)
{
    (void)bi;
    printf("rogue: a hostile kernel; every attempt below should be stopped\n");

    /* Physical addressing (paging off): what PMP and the bus allow. */
    begin("write the firmware's memory at 0x80000000");
    hostile_store(FIRMWARE_ADDR, POISON);
    end(1);
    begin("read the firmware's memory at 0x80000000");
    (void)hostile_load(FIRMWARE_ADDR);
    end(1);
    begin("write beyond the end of RAM at 0x90000000");
    hostile_store(BEYOND_RAM_ADDR, POISON);
    end(1);

    /* With its own page table: mapping a page is not owning it. */
    pte_t *root = pt_create();
    if (!root || pt_map_kernel(root) != PT_OK ||
        pt_map(root, ALIAS_VA, FIRMWARE_ADDR, PTE_R | PTE_W) != PT_OK)
        panic("rogue: cannot build its page table");
    arch_set_satp((uint32_t)(uintptr_t)root, ROGUE_ASID);
    arch_flush_tlb_all();
    begin("map the firmware's page at 0x60000000 in its own page table and read it");
    (void)hostile_load(ALIAS_VA);
    end(1);

    begin("read the M-mode CSR mstatus");
    (void)hostile_read_mstatus();
    end(0);
    begin("point the M-mode trap vector mtvec at itself");
    hostile_write_mtvec((uint32_t)(uintptr_t)trap_entry);
    end(0);
    begin("execute MRET to claim M-mode");
    hostile_mret();
    end(0);

    /* Interrupts off, then a long loop: only a higher privilege can stop it. */
    attempts++;
    printf("rogue: attempt %u: spin %u iterations with interrupts disabled\n", attempts,
           SPIN_ITERATIONS);
    arch_irq_disable();
    volatile uint32_t spins = 0;
    while (spins < SPIN_ITERATIONS)
        spins++;
    /* The guest cannot tell whether it was preempted: under a VMM it was,
     * on the bare machine nothing can stop it. Either way it completes. */
    printf("rogue:   not blocked: a kernel may mask its own interrupts; only a layer below it can still preempt it\n");

    begin("jump into garbage (an all-zero instruction word)");
    ((void (*)(void))(uintptr_t)hostile_garbage)();
    end(0);

    uint32_t expected_blocked = attempts - 1;      /* all but the spin */
    int pass = blocked == expected_blocked;
    printf("rogue: %s blocked %u of %u attempts\n", pass ? "PASS" : "FAIL", blocked, attempts);
    return pass ? 0 : 1;
}
