/*
 * rt.c — printing, reporting and stopping for the bench workloads (M-mode).
 *
 * Deliberately minimal: the workloads are measured, and the runtime must
 * not blur the figures. Printing polls the UART's "transmit empty" bit so
 * it also behaves on a real ns16550a; QEMU and trapeze are always ready.
 */
#include "rt.h"

#define MMIO8(addr)  (*(volatile uint8_t *)(uintptr_t)(addr))
#define MMIO32(addr) (*(volatile uint32_t *)(uintptr_t)(addr))

/* Exit codes are 16 bits in the finisher's encoding. */
#define FINISHER_CODE_SHIFT 16u
#define FINISHER_CODE_MASK  0xFFFFu

/* pmpaddr all ones with A = NAPOT: a naturally aligned region covering the
 * whole 34-bit physical address space of RV32. */
#define PMPADDR_ALL   0xFFFFFFFFu

#define DECIMAL_BASE   10u
#define U32_DEC_DIGITS 10     /* 2^32 - 1 = 4294967295 */

void rt_putc(char c)
{
    while ((MMIO8(TZ_UART_BASE + TZ_UART_LSR) & TZ_UART_LSR_THRE) == 0)
        ;
    MMIO8(TZ_UART_BASE + TZ_UART_THR) = (uint8_t)c;
}

void rt_puts(const char *s)
{
    while (*s)
        rt_putc(*s++);
}

void rt_put_hex32(uint32_t v)
{
    static const char digits[] = "0123456789abcdef";
    for (int shift = 28; shift >= 0; shift -= 4)
        rt_putc(digits[(v >> shift) & 0xFu]);
}

/* minstreth/minstret can tear when the low word wraps between the reads;
 * re-read until the high word is stable (privileged spec, "Hardware
 * Performance Monitor", RV32 note on reading 64-bit counters). */
uint64_t rt_instret(void)
{
    uint32_t hi, lo, hi2;
    do {
        __asm__ volatile("csrr %0, minstreth" : "=r"(hi));
        __asm__ volatile("csrr %0, minstret" : "=r"(lo));
        __asm__ volatile("csrr %0, minstreth" : "=r"(hi2));
    } while (hi != hi2);
    return ((uint64_t)hi << 32) | lo;
}

static __attribute__((noreturn)) void finish(uint32_t word)
{
    MMIO32(TZ_TEST_BASE) = word;
    for (;;)
        __asm__ volatile("wfi");
}

void rt_put_dec32(uint32_t v)
{
    char buf[U32_DEC_DIGITS];
    int n = 0;
    do {
        buf[n++] = (char)('0' + v % DECIMAL_BASE);
        v /= DECIMAL_BASE;
    } while (v != 0);
    while (n > 0)
        rt_putc(buf[--n]);
}

void rt_report(const char *name, uint32_t checksum, uint32_t work)
{
    uint64_t n = rt_instret();
    rt_puts("bench ");
    rt_puts(name);
    rt_puts(" checksum 0x");
    rt_put_hex32(checksum);
    rt_puts(" work ");
    rt_put_dec32(work);
    rt_puts(" instret 0x");
    rt_put_hex32((uint32_t)(n >> 32));
    rt_put_hex32((uint32_t)n);
    rt_putc('\n');
    finish(TZ_TEST_PASS);
}

void rt_fail(const char *what, uint32_t code)
{
    rt_puts("bench FAILED: ");
    rt_puts(what);
    rt_putc('\n');
    finish(((code & FINISHER_CODE_MASK) << FINISHER_CODE_SHIFT) | TZ_TEST_FAIL);
}

void rt_open_pmp(void)
{
    __asm__ volatile("csrw pmpaddr0, %0" : : "r"(PMPADDR_ALL));
    __asm__ volatile("csrw pmpcfg0, %0" : : "r"(PMPCFG_A_NAPOT | PMPCFG_R | PMPCFG_W | PMPCFG_X));
}

/* Reached from start.S (and the workloads) for any trap nobody expected. */
void rt_unexpected_trap(uint32_t mcause, uint32_t mepc, uint32_t mtval)
{
    rt_puts("bench: unexpected trap mcause 0x");
    rt_put_hex32(mcause);
    rt_puts(" mepc 0x");
    rt_put_hex32(mepc);
    rt_puts(" mtval 0x");
    rt_put_hex32(mtval);
    rt_putc('\n');
    rt_fail("unexpected trap", 1);
}
