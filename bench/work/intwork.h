/*
 * intwork.h — the CPU-bound integer workload, shared by the bare M-mode
 * image (int.elf) and the U-mode-under-Sv32 image (int-user.elf), so that
 * both execute exactly the same instructions on exactly the same data.
 */
#ifndef BENCH_INTWORK_H
#define BENCH_INTWORK_H

#include <stdint.h>

/* Run `rounds` rounds of sieve, CRC-32, matrix multiply and gcd; return a
 * checksum over every result. Touches only its own static data. */
uint32_t intwork_run(uint32_t rounds);

#endif /* BENCH_INTWORK_H */
