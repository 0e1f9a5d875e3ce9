/*
 * trap.c — set-up of the trap-heavy workload (see trap_entry.S).
 *
 * U-mode runs BENCH_TRAP_TRIPS ECALLs back to back; each one enters an
 * M-mode handler of about twenty instructions that accounts for the call
 * and returns with MRET. Translation stays off (satp = Bare), so the figure
 * is the cost of trap entry and exit themselves. PMP entry 0 is opened
 * first: without a matching PMP entry U-mode could not even fetch.
 */
#include "rt/rt.h"
#include "work/sizes.h"

void trap_user_entry(void);
void trap_handler(void);

/* What the handler keeps between traps; offsets are used by trap_entry.S. */
struct trap_state {
    uint32_t save_t0;    /* 0 */
    uint32_t save_t1;    /* 4 */
    uint32_t acc;        /* 8: running mix of the a0 values passed in */
    uint32_t trips;      /* 12: round trips served */
};
_Static_assert(__builtin_offsetof(struct trap_state, acc) == 8, "trap_entry.S uses offset 8");
_Static_assert(__builtin_offsetof(struct trap_state, trips) == 12, "trap_entry.S uses offset 12");

struct trap_state trap_state;

void bench_main(void);
void bench_main(void)
{
    rt_open_pmp();
    __asm__ volatile("csrw mscratch, %0" : : "r"((uintptr_t)&trap_state));
    __asm__ volatile("csrw mtvec, %0" : : "r"((uintptr_t)trap_handler));

    rt_enter_user(trap_user_entry);
}

/* U-mode asked to finish (from trap_entry.S, on the M-mode stack). */
void trap_done(void);
void trap_done(void)
{
    if (trap_state.trips != BENCH_TRAP_TRIPS)
        rt_fail("trap workload: wrong number of round trips", 4);
    rt_report("trap", trap_state.acc ^ trap_state.trips, trap_state.trips);
}
