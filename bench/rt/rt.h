/*
 * rt.h — the tiny bare-metal runtime shared by the bench workloads.
 *
 * Every workload image ends the same way: it prints one line
 *
 *     bench <name> checksum 0x<8 hex> work <decimal> instret 0x<16 hex>
 *
 * on the UART and stops the machine through the SiFive test finisher. The
 * checksum proves that trapeze and QEMU computed the same thing (bench/run-bench
 * compares them); work is how many units the workload did (rounds,
 * round trips), so rates need no knowledge of how an image was built; instret is the hart's own minstret, exact on trapeze and
 * on QEMU with `-icount shift=0`, so the instruction count needed for MIPS
 * figures comes from the program itself.
 *
 * Runs in M-mode only (the U-mode parts of workloads ask M-mode to report).
 */
#ifndef BENCH_RT_H
#define BENCH_RT_H

#include <stdint.h>
#include "trapeze_abi.h"
#include "riscv.h"

void rt_putc(char c);
void rt_puts(const char *s);
void rt_put_hex32(uint32_t v);
void rt_put_dec32(uint32_t v);
uint64_t rt_instret(void);

/* Print the report line and stop the machine with "pass". Never returns. */
__attribute__((noreturn)) void rt_report(const char *name, uint32_t checksum, uint32_t work);
/* Print a failure message and stop the machine with exit code `code`. */
__attribute__((noreturn)) void rt_fail(const char *what, uint32_t code);

/* Open PMP entry 0 over the whole address space with R+W+X so that S- and
 * U-mode code may touch memory at all (privileged spec, "Physical Memory
 * Protection": with no matching entry, S/U accesses fail). */
void rt_open_pmp(void);

/* Leave M-mode for the U-mode code at `entry` (mstatus.MPP = U, mepc =
 * entry, MRET). Inline: the workload's own instructions, as if written out. */
__attribute__((noreturn)) static inline void rt_enter_user(void (*entry)(void))
{
    uint32_t mstatus;
    __asm__ volatile("csrr %0, mstatus" : "=r"(mstatus));
    mstatus = (mstatus & ~(uint32_t)MSTATUS_MPP) | MSTATUS_MPP_U;
    __asm__ volatile("csrw mstatus, %0" : : "r"(mstatus));
    __asm__ volatile("csrw mepc, %0\n\tmret" : : "r"((uintptr_t)entry) : "memory");
    __builtin_unreachable();
}

/* Report a trap nobody expected (cause, pc, tval) and fail. Never returns. */
__attribute__((noreturn)) void rt_unexpected_trap(uint32_t mcause, uint32_t mepc, uint32_t mtval);

#endif /* BENCH_RT_H */
