/* sleeper — waits for an interrupt with every interrupt disabled in sie:
 * nothing can ever wake it. The VMM stops it once nothing else runs. */
#include "common.h"
    .section .text.start, "ax"
    .globl _start
_start:
    PUTS    msg
    csrw    sie, zero
1:  wfi
    j       1b
    .section .rodata
msg: .asciz "sleeper: wfi with no interrupt enabled\n"
