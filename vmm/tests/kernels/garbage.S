/* garbage — executes an all-zero word with no trap handler (stvec = 0).
 * Natively it would spin through trap after trap at address 0; the VMM
 * sees the handler itself fault and stops it: "executed garbage". */
#include "common.h"
    .section .text.start, "ax"
    .globl _start
_start:
    PUTS    msg
    .word   0
    .section .rodata
msg: .asciz "garbage: executing an all-zero word with no handler\n"
