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
#include "trap.h"
#include "riscv.h"

    .section .text
    .balign 4
    .globl trap_entry
trap_entry:
    csrrw   sp, sscratch, sp
    bnez    sp, from_user
    csrrw   sp, sscratch, zero      /* from S: sp = kernel sp, sscratch = 0 */
    addi    sp, sp, -TF_SIZE
    sw      t0, TF_REG(5)(sp)
    addi    t0, sp, TF_SIZE
    sw      t0, TF_REG(2)(sp)       /* the interrupted sp */
    j       save_rest
from_user:
    addi    sp, sp, -TF_SIZE
    sw      t0, TF_REG(5)(sp)
    csrrw   t0, sscratch, zero      /* t0 = user sp; sscratch = 0: now in the kernel */
    sw      t0, TF_REG(2)(sp)
save_rest:
    sw      x1,  TF_REG(1)(sp)
    sw      x3,  TF_REG(3)(sp)
    sw      x4,  TF_REG(4)(sp)
    sw      x6,  TF_REG(6)(sp)
    sw      x7,  TF_REG(7)(sp)
    sw      x8,  TF_REG(8)(sp)
    sw      x9,  TF_REG(9)(sp)
    sw      x10, TF_REG(10)(sp)
    sw      x11, TF_REG(11)(sp)
    sw      x12, TF_REG(12)(sp)
    sw      x13, TF_REG(13)(sp)
    sw      x14, TF_REG(14)(sp)
    sw      x15, TF_REG(15)(sp)
    sw      x16, TF_REG(16)(sp)
    sw      x17, TF_REG(17)(sp)
    sw      x18, TF_REG(18)(sp)
    sw      x19, TF_REG(19)(sp)
    sw      x20, TF_REG(20)(sp)
    sw      x21, TF_REG(21)(sp)
    sw      x22, TF_REG(22)(sp)
    sw      x23, TF_REG(23)(sp)
    sw      x24, TF_REG(24)(sp)
    sw      x25, TF_REG(25)(sp)
    sw      x26, TF_REG(26)(sp)
    sw      x27, TF_REG(27)(sp)
    sw      x28, TF_REG(28)(sp)
    sw      x29, TF_REG(29)(sp)
    sw      x30, TF_REG(30)(sp)
    sw      x31, TF_REG(31)(sp)
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
1:  lw      x1,  TF_REG(1)(sp)
    lw      x3,  TF_REG(3)(sp)
    lw      x4,  TF_REG(4)(sp)
    lw      x5,  TF_REG(5)(sp)
    lw      x6,  TF_REG(6)(sp)
    lw      x7,  TF_REG(7)(sp)
    lw      x8,  TF_REG(8)(sp)
    lw      x9,  TF_REG(9)(sp)
    lw      x10, TF_REG(10)(sp)
    lw      x11, TF_REG(11)(sp)
    lw      x12, TF_REG(12)(sp)
    lw      x13, TF_REG(13)(sp)
    lw      x14, TF_REG(14)(sp)
    lw      x15, TF_REG(15)(sp)
    lw      x16, TF_REG(16)(sp)
    lw      x17, TF_REG(17)(sp)
    lw      x18, TF_REG(18)(sp)
    lw      x19, TF_REG(19)(sp)
    lw      x20, TF_REG(20)(sp)
    lw      x21, TF_REG(21)(sp)
    lw      x22, TF_REG(22)(sp)
    lw      x23, TF_REG(23)(sp)
    lw      x24, TF_REG(24)(sp)
    lw      x25, TF_REG(25)(sp)
    lw      x26, TF_REG(26)(sp)
    lw      x27, TF_REG(27)(sp)
    lw      x28, TF_REG(28)(sp)
    lw      x29, TF_REG(29)(sp)
    lw      x30, TF_REG(30)(sp)
    lw      x31, TF_REG(31)(sp)
    lw      sp,  TF_REG(2)(sp)
    sret
