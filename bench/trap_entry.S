/*
 * trap_entry.S — the trap-heavy workload's U-mode loop and M-mode handler.
 *
 * One round trip: U-mode ECALL -> trap_handler (M-mode, ~20 instructions:
 * switch to the handler's state block through mscratch, check mcause,
 * step mepc past the ECALL, fold a0 into a checksum, count) -> MRET.
 */
#include "rt/riscv.h"
#include "work/sizes.h"

/* Offsets in struct trap_state (checked by _Static_assert in trap.c). */
#define TS_T0     0
#define TS_T1     4
#define TS_ACC    8
#define TS_TRIPS  12
#define MIX_SHIFT 3             /* acc = (acc ^ a0) * 9: cheap and order-sensitive */
#define ECALL_LEN 4             /* ECALL is a 4-byte instruction */

    .text
    .globl trap_user_entry
trap_user_entry:                /* U-mode, satp = Bare */
    li      s0, BENCH_TRAP_TRIPS
    li      a7, BENCH_CALL_COUNT
1:  mv      a0, s0
    ecall
    addi    s0, s0, -1
    bnez    s0, 1b
    li      a7, BENCH_CALL_EXIT
    ecall
2:  j       2b                  /* M-mode never returns here */

    /* mtvec requires 4-byte alignment (direct mode). */
    .balign 4
    .globl trap_handler
trap_handler:
    csrrw   sp, mscratch, sp    /* sp = &trap_state, mscratch = U sp */
    sw      t0, TS_T0(sp)
    sw      t1, TS_T1(sp)
    csrr    t0, mcause
    li      t1, CAUSE_USER_ECALL
    bne     t0, t1, trap_unexpected
    li      t1, BENCH_CALL_EXIT
    beq     a7, t1, trap_exit
    csrr    t0, mepc
    addi    t0, t0, ECALL_LEN
    csrw    mepc, t0
    lw      t0, TS_ACC(sp)
    xor     t0, t0, a0
    slli    t1, t0, MIX_SHIFT
    add     t0, t0, t1
    sw      t0, TS_ACC(sp)
    lw      t1, TS_TRIPS(sp)
    addi    t1, t1, 1
    sw      t1, TS_TRIPS(sp)
    lw      t0, TS_T0(sp)
    lw      t1, TS_T1(sp)
    csrrw   sp, mscratch, sp
    mret

trap_exit:
    la      sp, _m_stack_top
    call    trap_done
3:  j       3b

trap_unexpected:
    j       rt_unexpected_trap_entry
