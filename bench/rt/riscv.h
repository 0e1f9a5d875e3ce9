/*
 * riscv.h — what the bench workloads add to the architectural constants of
 * machine/abi/riscv_bits.h (status fields, causes, Sv32), which this header
 * includes: the service numbers their U-mode parts pass to ECALL. Usable from
 * both C and assembly (plain #defines only).
 */
#ifndef BENCH_RISCV_H
#define BENCH_RISCV_H

#include "riscv_bits.h"

/* Service numbers the U-mode parts of the workloads pass in a7 to ECALL. */
#define BENCH_CALL_COUNT    1   /* trap workload: one counted round trip, a0 = value */
#define BENCH_CALL_EXIT     2   /* finish: a0 = checksum of the U-mode work */

#endif /* BENCH_RISCV_H */
