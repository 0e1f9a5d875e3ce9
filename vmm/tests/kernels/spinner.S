/* spinner — lets its timer interrupt become pending (set_timer(0), STIE on)
 * and then spins forever with SIE off. The VMM still preempts it every slice;
 * with the watchdog on, it is stopped after that many masked slices. */
#include "common.h"
#define SBI_SET_TIMER 0
#define SIE_STIE (1 << 5)
#define SSTATUS_SIE (1 << 1)
    .section .text.start, "ax"
    .globl _start
_start:
    PUTS    msg
    li      a7, SBI_SET_TIMER
    li      a0, 0
    li      a1, 0
    ecall
    li      t0, SIE_STIE
    csrw    sie, t0
    csrci   sstatus, SSTATUS_SIE
1:  j       1b
    .section .rodata
msg: .asciz "spinner: timer pending, interrupts off, spinning\n"
