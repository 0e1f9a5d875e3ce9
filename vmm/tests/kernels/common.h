/*
 * common.h — what the misbehaving test kernels share: a way to say who they
 * are before they misbehave (SBI legacy putchar, EID 1: a7 = 1, a0 = byte).
 * Each kernel is a few instructions of assembly so that what it does wrong
 * is plain to see. They exist only to be stopped by the VMM.
 */
#define SBI_PUTCHAR 1

/* Print the NUL-terminated string at `label` (clobbers a0, a7, t0). */
.macro PUTS label
    la      t0, \label
1:  lbu     a0, 0(t0)
    beqz    a0, 2f
    li      a7, SBI_PUTCHAR
    ecall
    addi    t0, t0, 1
    j       1b
2:
.endm
