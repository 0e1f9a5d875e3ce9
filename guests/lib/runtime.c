/*
 * runtime.c — what happens between start.S and a kernel's kmain(), and how
 * a kernel ends.
 *
 * guest_start checks the boot-info block (a kernel must not guess how much
 * RAM it has: under the VMM it gets a partition), installs the trap vector,
 * prepares the console and the page allocator, then runs kmain. Its return
 * value becomes the exit status: through the trapeze SBI extension, then SBI
 * SRST shutdown.
 */
#include <stdarg.h>

#include "kernel.h"

struct guest_memory guest_mem;

extern char __kernel_end[];              /* guest.ld */

void guest_start(uint32_t hartid, uint32_t bootinfo_pa);

static uint32_t min_u32(uint32_t a, uint32_t b) { return a < b ? a : b; }

void guest_start(uint32_t hartid, uint32_t bootinfo_pa)
{
    (void)hartid;
    const struct tz_bootinfo *bi = (const struct tz_bootinfo *)(uintptr_t)bootinfo_pa;

    arch_set_trap_vector(trap_entry);
    console_init();
    if (bi->magic != TZ_BOOTINFO_MAGIC)
        panic("boot: no boot-info block at %p (magic %x, want %x)",
              (const void *)bi, bi->magic, TZ_BOOTINFO_MAGIC);
    arch_init(bi->flags);

    guest_mem.kernel_start = TZ_KERNEL_BASE;
    guest_mem.kernel_end = ((uint32_t)(uintptr_t)__kernel_end + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
    guest_mem.mem_end = min_u32(bi->ram_base + bi->ram_size, TZ_KERNEL_BASE + GUEST_MEM_LIMIT);
    if (bi->ram_base != TZ_RAM_BASE || guest_mem.mem_end <= guest_mem.kernel_end)
        panic("boot: RAM [%x, +%x) does not hold the kernel (ends at %x)",
              bi->ram_base, bi->ram_size, guest_mem.kernel_end);
    palloc_init(guest_mem.kernel_end, guest_mem.mem_end);

    kernel_exit(kmain(bi));
}

void kernel_exit(int code)
{
    console_flush();
    sbi_set_exit_code((uint32_t)code);
    sbi_shutdown(code == 0 ? SBI_SRST_REASON_NONE : SBI_SRST_REASON_FAILURE);
    /* Only reached if the layer below refused to shut down. */
    for (;;)
        arch_wfi();
}

#define PANIC_EXIT_CODE 2

void panic(const char *fmt, ...)
{
    char msg[160];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    printf("\npanic: %s\n", msg);
    kernel_exit(PANIC_EXIT_CODE);
}

/* ---- traps ------------------------------------------------------------------ */

int trap_is_interrupt(uint32_t scause) { return (scause & CAUSE_INTERRUPT) != 0; }
uint32_t trap_code(uint32_t scause) { return scause & ~CAUSE_INTERRUPT; }

const char *trap_cause_name(uint32_t scause)
{
    static const char *const exceptions[] = {
        [CAUSE_MISALIGNED_FETCH] = "instruction address misaligned",
        [CAUSE_FETCH_ACCESS] = "instruction access fault",
        [CAUSE_ILLEGAL_INSTRUCTION] = "illegal instruction",
        [CAUSE_BREAKPOINT] = "breakpoint",
        [CAUSE_MISALIGNED_LOAD] = "load address misaligned",
        [CAUSE_LOAD_ACCESS] = "load access fault",
        [CAUSE_MISALIGNED_STORE] = "store address misaligned",
        [CAUSE_STORE_ACCESS] = "store access fault",
        [CAUSE_USER_ECALL] = "ecall from U-mode",
        [CAUSE_SUPERVISOR_ECALL] = "ecall from S-mode",
        [CAUSE_FETCH_PAGE_FAULT] = "instruction page fault",
        [CAUSE_LOAD_PAGE_FAULT] = "load page fault",
        [CAUSE_STORE_PAGE_FAULT] = "store page fault",
    };
    uint32_t code = trap_code(scause);
    if (trap_is_interrupt(scause)) {
        switch (code) {
        case IRQ_S_SOFT: return "supervisor software interrupt";
        case IRQ_S_TIMER: return "supervisor timer interrupt";
        case IRQ_S_EXT: return "supervisor external interrupt";
        default: return "unknown interrupt";
        }
    }
    if (code < ARRAY_SIZE(exceptions) && exceptions[code])
        return exceptions[code];
    return "unknown exception";
}

/* A kernel that expects no traps need not write a handler: any trap is fatal. */
__attribute__((weak)) struct trap_frame *kernel_trap(struct trap_frame *tf)
{
    panic("unexpected trap: %s (scause %x) at pc %x, stval %x",
          trap_cause_name(tf->scause), tf->scause, tf->sepc, tf->stval);
}
