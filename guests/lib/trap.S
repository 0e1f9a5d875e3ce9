/*
 * trap.S — the guest kernels' trap entry and exit (stvec points here).
 *
 * sscratch tells where the trap came from: 0 while the kernel runs (S-mode),
 * the top of the current process's kernel stack while a process runs
 * (U-mode). The entry swaps it with sp:
 *   - from U: sp becomes the kernel stack, sscratch the user sp;
 *   - from S: sp is 0, so swap back and keep using the kernel stack
 *     (nested traps — a page fault in the kernel — stack up normally).
 * Then all registers and the trap CSRs are saved into a struct trap_frame
 * (layout in trap.h) and kernel_trap(frame) runs with sscratch = 0.
 *
 * trap_exit(frame) restores a frame and executes SRET; if that frame returns
 * to U-mode (sstatus.SPP = 0) sscratch is pointed just above the frame, the
 * top of that process's kernel stack, ready for its next trap.
 *
 * With start.S and arch_native.c, the only places that touch CSRs directly.
 */
#include "trapframe.h"
#include "riscv.h"

    .section .text
    .balign 4
    .globl trap_entry
trap_entry:
    csrrw   sp, sscratch, sp
    bnez    sp, from_user
    csrrw   sp, sscratch, zero      /* from S: sp = kernel sp, sscratch = 0 */
    TF_OPEN_FROM_S
    j       save_rest
from_user:
    TF_OPEN_FROM_U
    csrrw   t0, sscratch, zero      /* t0 = user sp; sscratch = 0: now in the kernel */
    sw      t0, TF_REG(2)(sp)
save_rest:
    TF_SAVE_REST
    csrr    t0, sepc
    sw      t0, TF_SEPC(sp)
    csrr    t0, sstatus
    sw      t0, TF_SSTATUS(sp)
    csrr    t0, scause
    sw      t0, TF_SCAUSE(sp)
    csrr    t0, stval
    sw      t0, TF_STVAL(sp)
    mv      a0, sp
    call    kernel_trap             /* a0 = the frame to resume */
    /* fall through */

    .globl trap_exit
trap_exit:
    mv      sp, a0
    lw      t0, TF_SEPC(sp)
    csrw    sepc, t0
    lw      t0, TF_SSTATUS(sp)
    csrw    sstatus, t0
    andi    t0, t0, SSTATUS_SPP
    bnez    t0, 1f                  /* back to S: sscratch stays 0 */
    addi    t0, sp, TF_SIZE
    csrw    sscratch, t0            /* back to U: next trap lands here */
1:  TF_RESTORE_ALL
    sret
