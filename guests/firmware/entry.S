/*
 * entry.S — reset entry and M-mode trap vector of the tiny SBI firmware.
 *
 * _start: park every hart but hart 0, set up the M-mode stack and trap
 * vector, clear .bss, let fw_main() configure the machine, then drop to
 * S-mode at the kernel with MRET (a0 = hartid, a1 = &bootinfo, the boot
 * convention of machine/abi/trapeze_abi.h).
 *
 * fw_trap_entry: every trap that reaches M-mode (SBI ecalls from the kernel,
 * the machine timer interrupt, anything not delegated). mscratch holds the
 * top of the M-mode stack while a lower privilege runs, so the entry swaps it
 * with sp, saves all registers in a struct fw_frame and calls fw_trap().
 */
#include "fw_frame.h"

#define MSTACK_SIZE 4096

    .section .text.entry, "ax"
    .globl _start
_start:
    csrr    t0, mhartid
    bnez    t0, park                /* single-hart board: others sleep */
    la      sp, fw_stack_top
    csrw    mscratch, sp
    la      t0, fw_trap_entry
    csrw    mtvec, t0               /* direct mode: address is 4-aligned */
    la      t0, __bss_start
    la      t1, __bss_end
1:  bgeu    t0, t1, 2f
    sw      zero, 0(t0)
    addi    t0, t0, 4
    j       1b
2:  call    fw_main                 /* returns the bootinfo address */
    mv      a1, a0
    csrr    a0, mhartid
    mret                            /* mepc/mstatus.MPP were set by fw_main */
park:
    wfi
    j       park

    .section .text
    .balign 4
    .globl fw_trap_entry
fw_trap_entry:
    csrrw   sp, mscratch, sp        /* sp = M stack, mscratch = interrupted sp */
    addi    sp, sp, -FW_FRAME_SIZE
    sw      x1,  1*4(sp)
    sw      x3,  3*4(sp)
    sw      x4,  4*4(sp)
    sw      x5,  5*4(sp)
    sw      x6,  6*4(sp)
    sw      x7,  7*4(sp)
    sw      x8,  8*4(sp)
    sw      x9,  9*4(sp)
    sw      x10, 10*4(sp)
    sw      x11, 11*4(sp)
    sw      x12, 12*4(sp)
    sw      x13, 13*4(sp)
    sw      x14, 14*4(sp)
    sw      x15, 15*4(sp)
    sw      x16, 16*4(sp)
    sw      x17, 17*4(sp)
    sw      x18, 18*4(sp)
    sw      x19, 19*4(sp)
    sw      x20, 20*4(sp)
    sw      x21, 21*4(sp)
    sw      x22, 22*4(sp)
    sw      x23, 23*4(sp)
    sw      x24, 24*4(sp)
    sw      x25, 25*4(sp)
    sw      x26, 26*4(sp)
    sw      x27, 27*4(sp)
    sw      x28, 28*4(sp)
    sw      x29, 29*4(sp)
    sw      x30, 30*4(sp)
    sw      x31, 31*4(sp)
    csrr    t0, mscratch
    sw      t0,  2*4(sp)            /* the interrupted sp */
    mv      a0, sp
    call    fw_trap
    addi    t0, sp, FW_FRAME_SIZE
    csrw    mscratch, t0            /* M stack top again for the next trap */
    lw      x1,  1*4(sp)
    lw      x3,  3*4(sp)
    lw      x4,  4*4(sp)
    lw      x5,  5*4(sp)
    lw      x6,  6*4(sp)
    lw      x7,  7*4(sp)
    lw      x8,  8*4(sp)
    lw      x9,  9*4(sp)
    lw      x10, 10*4(sp)
    lw      x11, 11*4(sp)
    lw      x12, 12*4(sp)
    lw      x13, 13*4(sp)
    lw      x14, 14*4(sp)
    lw      x15, 15*4(sp)
    lw      x16, 16*4(sp)
    lw      x17, 17*4(sp)
    lw      x18, 18*4(sp)
    lw      x19, 19*4(sp)
    lw      x20, 20*4(sp)
    lw      x21, 21*4(sp)
    lw      x22, 22*4(sp)
    lw      x23, 23*4(sp)
    lw      x24, 24*4(sp)
    lw      x25, 25*4(sp)
    lw      x26, 26*4(sp)
    lw      x27, 27*4(sp)
    lw      x28, 28*4(sp)
    lw      x29, 29*4(sp)
    lw      x30, 30*4(sp)
    lw      x31, 31*4(sp)
    lw      sp,  2*4(sp)
    mret

    .section .bss
    .balign 16
fw_stack:
    .space  MSTACK_SIZE
fw_stack_top:
