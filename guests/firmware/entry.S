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
 * with sp, saves all registers in a struct fw_frame (the register image of
 * machine/abi/regfile.h) and calls fw_trap().
 */
#include "fw_frame.h"
#include "boot.h"

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
    ZERO_BSS
    call    fw_main                 /* returns the bootinfo address */
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
    REGFILE_SAVE sp, REGFILE_ALL_BUT_SP
    csrr    t0, mscratch
    sw      t0, REGFILE_X(2)(sp)    /* the interrupted sp */
    mv      a0, sp
    call    fw_trap
    addi    t0, sp, FW_FRAME_SIZE
    csrw    mscratch, t0            /* M stack top again for the next trap */
    REGFILE_LOAD sp, REGFILE_ALL_BUT_SP, 2   /* sp last: it is the base */
    mret

    .section .bss
    .balign 16
fw_stack:
    .space  MSTACK_SIZE
fw_stack_top:
