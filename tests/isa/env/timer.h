/*
 * timer.h — helpers for the tests that use the CLINT timer and software
 * interrupt (machine.adoc, "Machine Timer Registers (mtime and mtimecmp)").
 *
 * mtime and mtimecmp are 64-bit; RV32 reaches them in two 32-bit halves.
 * mip.MTIP is pending exactly while mtime >= mtimecmp.
 */
#ifndef TZ_TIMER_H
#define TZ_TIMER_H

#define TIMER_DELTA  100        /* ticks until a programmed timer fires */
#define SPIN_LIMIT   200000     /* loop bound while waiting for an event */

/* mtimecmp = mtime + ticks. Clobbers t0-t4. The high half is first set to
 * all ones so no transient value fires early. */
#define TIMER_IN(ticks)                                                  \
        li t0, CLINT_MTIME;                                              \
        lw t1, 4(t0);                                                    \
        lw t2, 0(t0);                                                    \
        lw t3, 4(t0);                                                    \
        beq t1, t3, 1f;                                                  \
        lw t2, 0(t0);  /* the low half wrapped: reread it */             \
1:      li t4, ticks;                                                    \
        add t4, t2, t4;                                                  \
        sltu t2, t4, t2;                                                 \
        add t3, t3, t2;                                                  \
        li t0, CLINT_MTIMECMP;                                           \
        li t1, -1;                                                       \
        sw t1, 4(t0);                                                    \
        sw t4, 0(t0);                                                    \
        sw t3, 4(t0)

/* mtimecmp = all ones: the timer never fires; MTIP clears. Clobbers t0-t1. */
#define TIMER_OFF                                                        \
        li t0, CLINT_MTIMECMP;                                           \
        li t1, -1;                                                       \
        sw t1, 4(t0);                                                    \
        sw t1, 0(t0)

/* Raise / clear the machine software interrupt (msip). Clobbers t0-t1. */
#define MSIP_SET                                                         \
        li t0, CLINT_MSIP;                                               \
        li t1, 1;                                                        \
        sw t1, 0(t0)
#define MSIP_CLEAR                                                       \
        li t0, CLINT_MSIP;                                               \
        sw zero, 0(t0)

/* Spin until (mip & bits) != 0; branch to `fail` after SPIN_LIMIT tries.
 * Clobbers t0-t2. */
#define WAIT_MIP(bits)                                                   \
        li t2, SPIN_LIMIT;                                               \
        li t1, bits;                                                     \
1:      csrr t0, mip;                                                    \
        and t0, t0, t1;                                                  \
        bnez t0, 2f;                                                     \
        addi t2, t2, -1;                                                 \
        bnez t2, 1b;                                                     \
        j fail;                                                          \
2:

/* Spin until the armed recorder `rec` has taken its trap; `fail` after
 * SPIN_LIMIT tries. Clobbers t0-t2. */
#define WAIT_TRAP(rec)                                                   \
        li t2, SPIN_LIMIT;                                               \
        la t0, rec;                                                      \
1:      lw t1, REC_ARMED(t0);                                            \
        beqz t1, 2f;                                                     \
        addi t2, t2, -1;                                                 \
        bnez t2, 1b;                                                     \
        j fail;                                                          \
2:

#endif /* TZ_TIMER_H */
