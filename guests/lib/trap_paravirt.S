/*
 * trap_paravirt.S — the trap entry and exit of the paravirtual build (it
 * replaces trap.S; read that first: the frame, the kernel_trap contract and
 * the role of sscratch are the same).
 *
 * Natively the entry executes csrrw sp, sscratch, sp, then reads sepc,
 * sstatus, scause and stval, and the exit writes sepc, sstatus (and
 * sscratch) before SRET: under full virtualization that is about ten exits
 * into the VMM per trap. Here:
 *   - the VMM performs the sp <-> sscratch swap itself when it delivers the
 *     trap (trapeze_abi.h, "Hypercalls"), so the entry starts with sp = the
 *     old sscratch, exactly as after the native first instruction;
 *   - sscratch, sepc, sstatus, scause, stval live in the shared page
 *     (tz_pv_shared_page, arch_paravirt.c): plain loads and stores;
 *   - the exit is one hypercall, TZPV_SRET with a0 = the frame: the VMM loads
 *     every register from it, writes sepc and sstatus, and returns from the
 *     trap.
 * So a trap costs the exit that caused it plus one.
 */
#include "trapframe.h"
#include "riscv.h"
#include "trapeze_abi.h"

    .section .text
    .balign 4
    .globl trap_entry
trap_entry:
    bnez    sp, from_user           /* sp = old sscratch: non-zero means from U */
    /* From S: sscratch holds the interrupted kernel sp; sp (0) is free. */
    la      sp, tz_pv_shared_page
    lw      sp, TZPV_SH_SSCRATCH(sp)
    TF_OPEN_FROM_S
    j       1f
from_user:
    TF_OPEN_FROM_U                  /* sp = top of this process's kernel stack */
    la      t0, tz_pv_shared_page
    lw      t0, TZPV_SH_SSCRATCH(t0)
    sw      t0, TF_REG(2)(sp)       /* the user sp */
1:  la      t0, tz_pv_shared_page
    sw      zero, TZPV_SH_SSCRATCH(t0)  /* sscratch = 0: now in the kernel */
    TF_SAVE_REST
    lw      t1, TZPV_SH_SEPC(t0)
    sw      t1, TF_SEPC(sp)
    lw      t1, TZPV_SH_SSTATUS(t0)
    sw      t1, TF_SSTATUS(sp)
    lw      t1, TZPV_SH_SCAUSE(t0)
    sw      t1, TF_SCAUSE(sp)
    lw      t1, TZPV_SH_STVAL(t0)
    sw      t1, TF_STVAL(sp)
    mv      a0, sp
    call    kernel_trap             /* a0 = the frame to resume */
    /* fall through */

    .globl trap_exit
trap_exit:
    mv      sp, a0
    lw      t0, TF_SSTATUS(sp)
    andi    t0, t0, SSTATUS_SPP
    bnez    t0, 1f                  /* back to S: sscratch stays 0 */
    la      t0, tz_pv_shared_page
    addi    t1, sp, TF_SIZE
    sw      t1, TZPV_SH_SSCRATCH(t0) /* back to U: the next trap lands here */
1:  mv      a0, sp                  /* the frame, guest-physical (identity-mapped) */
    li      a6, TZPV_SRET
    li      a7, SBI_EXT_TZPV
    ecall                           /* does not come back unless refused */
    mv      a1, a0
    mv      a0, sp
    call    pv_sret_failed          /* panics */
2:  j       2b
