/*
 * int.c — the integer workload, bare: M-mode, no translation.
 *
 * The reference point for the other figures: int-user.elf runs the same
 * intwork_run() in U-mode under Sv32 and is compared against this one.
 */
#include "rt/rt.h"
#include "work/intwork.h"
#include "work/sizes.h"

void bench_main(void);
void bench_main(void)
{
    rt_report("int", intwork_run(BENCH_INT_ROUNDS), BENCH_INT_ROUNDS);
}
