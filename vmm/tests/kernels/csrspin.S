/* csrspin — like spinner, but its endless loop reads a CSR: under full
 * virtualization every iteration traps into the VMM and straight back, and
 * an emulated guest hands each read to the VMM's CSR emulation. Either way
 * the slice must still end on time (the interpreter keeps counting towards
 * its next timer poll across those hand-offs), and the watchdog stops it. */
#include "common.h"
    .section .text.start, "ax"
    .globl _start
_start:
    PUTS    msg
    TIMER_PENDING_MASKED
1:  csrr    t1, sstatus
    j       1b
    .section .rodata
msg: .asciz "csrspin: timer pending, interrupts off, reading sstatus forever\n"
