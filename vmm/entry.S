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
 * x[] is the first member of struct vcpu, so register xN lives at N*4
 * (trap.c asserts the layout).
 */
#define XOFF(n) ((n) * 4)
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
    sw      x1,  XOFF(1)(sp)
    sw      x3,  XOFF(3)(sp)
    sw      x4,  XOFF(4)(sp)
    sw      x5,  XOFF(5)(sp)
    sw      x6,  XOFF(6)(sp)
    sw      x7,  XOFF(7)(sp)
    sw      x8,  XOFF(8)(sp)
    sw      x9,  XOFF(9)(sp)
    sw      x10, XOFF(10)(sp)
    sw      x11, XOFF(11)(sp)
    sw      x12, XOFF(12)(sp)
    sw      x13, XOFF(13)(sp)
    sw      x14, XOFF(14)(sp)
    sw      x15, XOFF(15)(sp)
    sw      x16, XOFF(16)(sp)
    sw      x17, XOFF(17)(sp)
    sw      x18, XOFF(18)(sp)
    sw      x19, XOFF(19)(sp)
    sw      x20, XOFF(20)(sp)
    sw      x21, XOFF(21)(sp)
    sw      x22, XOFF(22)(sp)
    sw      x23, XOFF(23)(sp)
    sw      x24, XOFF(24)(sp)
    sw      x25, XOFF(25)(sp)
    sw      x26, XOFF(26)(sp)
    sw      x27, XOFF(27)(sp)
    sw      x28, XOFF(28)(sp)
    sw      x29, XOFF(29)(sp)
    sw      x30, XOFF(30)(sp)
    sw      x31, XOFF(31)(sp)
    csrrw   t0, mscratch, zero      /* guest sp; mscratch = 0 while in the VMM */
    sw      t0, XOFF(2)(sp)
    mv      a0, sp
    la      sp, vmm_stack_top
    call    vmm_trap                /* returns the vcpu to run in a0 */
    /* fall through */

    .globl vmm_enter_guest
vmm_enter_guest:                    /* a0 = struct vcpu *, mepc already set */
    csrw    mscratch, a0
    lw      x1,  XOFF(1)(a0)
    lw      x2,  XOFF(2)(a0)
    lw      x3,  XOFF(3)(a0)
    lw      x4,  XOFF(4)(a0)
    lw      x5,  XOFF(5)(a0)
    lw      x6,  XOFF(6)(a0)
    lw      x7,  XOFF(7)(a0)
    lw      x8,  XOFF(8)(a0)
    lw      x9,  XOFF(9)(a0)
    lw      x11, XOFF(11)(a0)
    lw      x12, XOFF(12)(a0)
    lw      x13, XOFF(13)(a0)
    lw      x14, XOFF(14)(a0)
    lw      x15, XOFF(15)(a0)
    lw      x16, XOFF(16)(a0)
    lw      x17, XOFF(17)(a0)
    lw      x18, XOFF(18)(a0)
    lw      x19, XOFF(19)(a0)
    lw      x20, XOFF(20)(a0)
    lw      x21, XOFF(21)(a0)
    lw      x22, XOFF(22)(a0)
    lw      x23, XOFF(23)(a0)
    lw      x24, XOFF(24)(a0)
    lw      x25, XOFF(25)(a0)
    lw      x26, XOFF(26)(a0)
    lw      x27, XOFF(27)(a0)
    lw      x28, XOFF(28)(a0)
    lw      x29, XOFF(29)(a0)
    lw      x30, XOFF(30)(a0)
    lw      x31, XOFF(31)(a0)
    lw      x10, XOFF(10)(a0)
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
