/* spinner — lets its timer interrupt become pending (set_timer(0), STIE on)
 * and then spins forever with SIE off. The VMM still preempts it every slice;
 * with the watchdog on, it is stopped after that many masked slices. */
#include "common.h"
    .section .text.start, "ax"
    .globl _start
_start:
    PUTS    msg
    TIMER_PENDING_MASKED
1:  j       1b
    .section .rodata
msg: .asciz "spinner: timer pending, interrupts off, spinning\n"
