/*
 * user.S — the U-mode side of privcheck: tiny programs the kernel enters
 * with SRET (sstatus.SPP = 0) to see what reaches it from U-mode.
 *
 * The file name ends in "user", so guest.ld puts this code in the .user
 * pages, which privcheck maps with U=1. Every program ends in an ECALL
 * (cause 8, "done") or in the trap it was written to provoke; either way the
 * kernel's handler records scause/stval/sepc and the registers and takes
 * the kernel back to where it entered U-mode. On entry a0/a1 are arguments.
 */
    .section .text
    .balign 4

    .globl u_ecall, u_ecall_insn
u_ecall:
    li      a0, 0x55
u_ecall_insn:
    ecall

    .globl u_load                 /* a0 = *(u32 *)a0 */
u_load:
    lw      a0, 0(a0)
    ecall

    .globl u_store                /* *(u32 *)a0 = a1 */
u_store:
    sw      a1, 0(a0)
    ecall

    .globl u_exec                 /* jump to a0; the target page holds an ecall */
u_exec:
    jr      a0

    .globl u_ebreak
u_ebreak:
    ebreak
    ecall

    .globl u_illegal              /* reserved opcode (custom-0) */
u_illegal:
    .word   0x0000000b
    ecall

    .globl u_csrr_sstatus         /* S-mode CSR from U-mode */
u_csrr_sstatus:
    csrr    a0, sstatus
    ecall

    .globl u_sret
u_sret:
    sret
    ecall

    .globl u_sfence
u_sfence:
    sfence.vma
    ecall

    .globl u_wfi
u_wfi:
    wfi
    ecall

    .globl u_rdcycle
u_rdcycle:
    rdcycle a0
    ecall

    .globl u_rdtime
u_rdtime:
    rdtime  a0
    ecall

    .globl u_rdinstret
u_rdinstret:
    rdinstret a0
    ecall

    .globl u_spin                 /* wait here for an interrupt */
u_spin:
    j       u_spin
