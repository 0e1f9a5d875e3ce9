/*
 * exit.c — the trivial program: print the report line and stop.
 *
 * Timing it measures what a user waits for before any work happens:
 * process start, machine creation, ELF loading, and shutdown.
 */
#include "rt/rt.h"

/* Checksum of a program that computes nothing. */
#define EXIT_CHECKSUM 0u

void bench_main(void);
void bench_main(void)
{
    rt_report("exit", EXIT_CHECKSUM, 0);
}
