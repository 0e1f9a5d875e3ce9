/*
 * start.S — reset entry of every bench workload (M-mode, at the start of RAM).
 *
 * Sets up an M-mode stack, clears .bss, points mtvec at a handler that
 * reports any unexpected trap loudly instead of hanging, and calls the
 * workload's bench_main(), which never returns (it ends in rt_report()).
 */
    .section .text.start, "ax"
    .globl _start
_start:
    la      sp, _m_stack_top
    la      t0, rt_unexpected_trap_entry
    csrw    mtvec, t0

    la      t0, _bss_start
    la      t1, _bss_end
1:  bgeu    t0, t1, 2f
    sw      zero, 0(t0)
    addi    t0, t0, 4
    j       1b
2:
    call    bench_main
    /* bench_main never returns; if it does, say so. */
    la      a0, rt_msg_returned
    li      a1, 2
    call    rt_fail

    .text
    /* mtvec requires 4-byte alignment (direct mode, privileged spec "mtvec"). */
    .balign 4
    .globl rt_unexpected_trap_entry
rt_unexpected_trap_entry:
    la      sp, _m_stack_top      /* never returns: any stack will do */
    csrr    a0, mcause
    csrr    a1, mepc
    csrr    a2, mtval
    call    rt_unexpected_trap
3:  j       3b

    .section .rodata
rt_msg_returned:
    .asciz  "bench_main returned"
