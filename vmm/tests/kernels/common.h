/*
 * common.h — what the misbehaving test kernels share: a way to say who they
 * are before they misbehave (SBI legacy putchar, EID 1: a7 = 1, a0 = byte),
 * and the way the spinning ones keep an interrupt pending that they never take.
 * Each kernel is a few instructions of assembly so that what it does wrong
 * is plain to see. They exist only to be stopped by the VMM.
 */
#include "riscv_bits.h"
#include "trapeze_abi.h"

/* Print the NUL-terminated string at `label` (clobbers a0, a7, t0). */
.macro PUTS label
    la      t0, \label
1:  lbu     a0, 0(t0)
    beqz    a0, 2f
    li      a7, SBI_LEGACY_PUTCHAR
    ecall
    addi    t0, t0, 1
    j       1b
2:
.endm

/* Make the S-mode timer interrupt pending and keep it masked: set_timer(0)
 * (SBI legacy EID 0) is already due, sie.STIE enables the interrupt and
 * sstatus.SIE = 0 keeps S-mode from taking it. Clobbers a0, a1, a7, t0. */
.macro TIMER_PENDING_MASKED
    li      a7, SBI_LEGACY_SET_TIMER
    li      a0, 0
    li      a1, 0
    ecall
    li      t0, SIE_STIE
    csrw    sie, t0
    csrci   sstatus, SSTATUS_SIE
.endm
