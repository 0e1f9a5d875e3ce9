/*
 * entry.S — the VMM's first instructions and its door to and from the guests.
 *
 * The hart resets in M-mode at TZ_VMM_BASE. _start sets up a stack and the
 * trap vector and calls vmm_main (main.c), which never returns: it enters the
 * first guest through vmm_enter_guest.
 *
 * While a guest runs, mscratch holds the address of its struct vcpu (vcpu.h);
 * while the VMM itself runs, mscratch is 0. Every trap out of a guest lands on
 * vmm_trap_entry, which swaps sp with mscratch (priv spec §3.1.17: mscratch
 * exists for exactly this), stores the 31 guest registers into vcpu->x[],
 * switches to the VMM stack and calls vmm_trap (trap.c). vmm_trap returns the
 * vcpu to run next — the same one, or another after a world switch — and
 * vmm_enter_guest reloads its registers and MRETs into it (mstatus.MPP is
 * always U: the guest kernel runs deprivileged).
 *
 * x[] is the first member of struct vcpu, so register xN lives at
 * REGFILE_X(N) (machine/abi/regfile.h; trap.c asserts the layout).
 */
#include "regfile.h"

#define VMM_STACK_SIZE 16384

    .section .text.entry, "ax"
    .globl _start
_start:
    csrw    mie, zero
    csrw    mscratch, zero
    la      sp, vmm_stack_top
    la      t0, vmm_trap_entry
    csrw    mtvec, t0
    call    vmm_main
1:  wfi
    j       1b

    .text
    .balign 4
    .globl vmm_trap_entry
vmm_trap_entry:
    csrrw   sp, mscratch, sp        /* sp = vcpu, mscratch = guest sp */
    beqz    sp, vmm_self_trap       /* mscratch was 0: the VMM itself trapped */
    REGFILE_SAVE sp, REGFILE_ALL_BUT_SP
    csrrw   t0, mscratch, zero      /* guest sp; mscratch = 0 while in the VMM */
    sw      t0, REGFILE_X(2)(sp)
    mv      a0, sp
    la      sp, vmm_stack_top
    call    vmm_trap                /* returns the vcpu to run in a0 */
    /* fall through */

    .globl vmm_enter_guest
vmm_enter_guest:                    /* a0 = struct vcpu *, mepc already set */
    csrw    mscratch, a0
    REGFILE_LOAD a0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15, 16, 17, \
                     18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, \
                     10                 /* a0 (x10) last: it is the base */
    mret

/*
 * A trap taken while the VMM itself runs is a VMM bug, never a guest's doing:
 * report it and stop the machine rather than loop.
 */
vmm_self_trap:
    csrrw   sp, mscratch, sp        /* undo the swap: mscratch = 0 again */
    la      sp, vmm_stack_top
    csrr    a0, mcause
    csrr    a1, mepc
    csrr    a2, mtval
    call    vmm_panic
2:  j       2b

    .section .bss.stack, "aw", @nobits
    .balign 16
vmm_stack:
    .space  VMM_STACK_SIZE
    .globl vmm_stack_top
vmm_stack_top:
