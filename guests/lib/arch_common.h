/*
 * arch_common.h — the arch operations that are the same in both backends
 * (arch.h): WFI and reading the time, which S-mode does with unprivileged
 * instructions that never leave the guest, natively or under the VMM.
 *
 * A kernel links exactly one backend, arch_native.c or arch_paravirt.c, and
 * each includes this file once, so it defines the functions rather than
 * declaring them: the one definition both backends compile.
 */
#ifndef GUEST_ARCH_COMMON_H
#define GUEST_ARCH_COMMON_H

#include <stdint.h>

#include "arch.h"

void arch_wfi(void) { __asm__ volatile("wfi"); }

/* Read the 64-bit time as two halves, retrying if the low half wrapped
 * between the reads (zicsr.adoc, the RV32 counter idiom). */
uint64_t arch_read_time(void)
{
    uint32_t hi, lo, hi2;
    do {
        __asm__ volatile("rdtimeh %0" : "=r"(hi));
        __asm__ volatile("rdtime %0" : "=r"(lo));
        __asm__ volatile("rdtimeh %0" : "=r"(hi2));
    } while (hi != hi2);
    return ((uint64_t)hi << 32) | lo;
}

#endif /* GUEST_ARCH_COMMON_H */
