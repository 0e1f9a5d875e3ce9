/*
 * start.S — where every guest kernel begins (linked first, at 0x80200000).
 *
 * Entered in S-mode with a0 = hartid and a1 = the guest-physical address of
 * the struct tz_bootinfo (the boot convention of trapeze_abi.h, kept by both
 * the native firmware and the VMM). Paging is off, interrupts are off.
 * It sets up the boot stack, marks "running in the kernel" in sscratch (see
 * trap.S), clears .bss and calls guest_start(hartid, bootinfo) in runtime.c.
 */
#include "boot.h"

    .section .text.start, "ax"
    .globl _start
_start:
    la      sp, boot_stack_top
    csrw    sscratch, zero
    ZERO_BSS
    call    guest_start
3:  j       3b                      /* guest_start never returns */

    .section .bss.stack, "aw", @nobits
    .balign 16
    .globl boot_stack_top
boot_stack:
    .space  16384
boot_stack_top:
