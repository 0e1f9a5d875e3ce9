/*
 * trapframe.h — the steps of saving and restoring a struct trap_frame
 * (trap.h) that both trap entries share, as assembler macros: trap.S (plain
 * CSR instructions) and trap_paravirt.S (the shared page and a hypercall)
 * differ only in where sscratch, sepc, sstatus, scause and stval live.
 *
 * Each macro expands to the same instructions the entries would spell out;
 * the frame offsets come from trap.h, which asserts them against the C
 * struct (and TF_REG against the register image of regfile.h).
 */
#ifndef GUEST_TRAPFRAME_H
#define GUEST_TRAPFRAME_H

#include "trap.h"
#include "regfile.h"

#ifdef __ASSEMBLER__
/* From S-mode (a nested trap): sp is the interrupted kernel sp. Open a frame
 * below it, free t0, and record the interrupted sp. Leaves t0 free. */
.macro TF_OPEN_FROM_S
    addi    sp, sp, -TF_SIZE
    sw      t0, TF_REG(5)(sp)
    addi    t0, sp, TF_SIZE
    sw      t0, TF_REG(2)(sp)       /* the interrupted sp */
.endm

/* From U-mode: sp is the top of the process's kernel stack. Open a frame
 * there and free t0; the caller records the user sp (it is in sscratch). */
.macro TF_OPEN_FROM_U
    addi    sp, sp, -TF_SIZE
    sw      t0, TF_REG(5)(sp)
.endm

/* Every other register into the open frame: all but sp (x2) and t0 (x5),
 * which TF_OPEN_* has handled. */
.macro TF_SAVE_REST
    REGFILE_SAVE sp, 1, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, \
                     19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
.endm

/* Every register from the frame at sp, sp itself last. */
.macro TF_RESTORE_ALL
    REGFILE_LOAD sp, REGFILE_ALL_BUT_SP, 2
.endm
#endif

#endif /* GUEST_TRAPFRAME_H */
