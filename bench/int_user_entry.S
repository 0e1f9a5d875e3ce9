/*
 * int_user_entry.S — the U-mode half of int-user.elf and its M-mode trap entry.
 *
 * int_user_entry runs in U-mode with Sv32 on: it takes the U-mode stack,
 * runs the integer workload and returns the checksum to M-mode with ECALL.
 * int_user_trap is mtvec: the only trap expected is that final ECALL.
 */
#include "rt/riscv.h"
#include "work/sizes.h"

    .text
    .globl int_user_entry
int_user_entry:
    la      sp, _u_stack_top
    li      a0, BENCH_INT_ROUNDS
    call    intwork_run
    li      a7, BENCH_CALL_EXIT
    ecall
1:  j       1b                  /* M-mode never returns here */

    /* mtvec requires 4-byte alignment (direct mode). */
    .balign 4
    .globl int_user_trap
int_user_trap:
    la      sp, _m_stack_top    /* the run is over: M-mode may take any stack */
    mv      a1, a0
    mv      a2, a7
    csrr    a0, mcause
    call    int_user_done
2:  j       2b
