/* wild — stores outside its memory with no trap handler: the VMM injects
 * the access fault, the missing handler faults too, the guest is stopped. */
#include "common.h"
#define OUTSIDE 0x90000000
    .section .text.start, "ax"
    .globl _start
_start:
    PUTS    msg
    li      t1, OUTSIDE
    sw      zero, 0(t1)
    .section .rodata
msg: .asciz "wild: storing to 0x90000000 with no handler\n"
