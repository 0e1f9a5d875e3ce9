/*
 * sizes.h — how much work each bench workload does.
 *
 * Two sets of images are built from the same sources: the full-size ones
 * (about 10^9 instructions for the integer workload, 5*10^6 trap round
 * trips) and, with -DBENCH_QUICK, small ones for a fast smoke run
 * (`make bench BENCH_QUICK=1`). The sizes are compile-time constants so
 * the instruction count of a workload is a property of its image alone.
 */
#ifndef BENCH_SIZES_H
#define BENCH_SIZES_H

#ifdef BENCH_QUICK
#define BENCH_INT_ROUNDS   40u        /* integer workload: rounds of all four kernels */
#define BENCH_TRAP_TRIPS   250000u    /* trap workload: ECALL/MRET round trips */
#else
#define BENCH_INT_ROUNDS   615u
#define BENCH_TRAP_TRIPS   5000000u
#endif

#endif /* BENCH_SIZES_H */
