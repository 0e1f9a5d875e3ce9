/* faultloop — has a trap handler, but it returns to the faulting
 * instruction without fixing anything (a misaligned load, forever). The
 * guest makes no progress: the VMM stops it as a trap storm. */
#include "common.h"
    .section .text.start, "ax"
    .globl _start
_start:
    PUTS    msg
    la      t0, handler
    csrw    stvec, t0
    li      t1, 0x80300001
1:  lw      t2, 0(t1)
    j       1b
    .balign 4
handler:
    sret
    .section .rodata
msg: .asciz "faultloop: retrying a misaligned load forever\n"
