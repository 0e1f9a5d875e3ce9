/*
 * ctx.S — save and resume a kernel context (setjmp/longjmp for privcheck).
 *
 * privcheck enters U-mode from the middle of a check; the trap that ends
 * the U-mode program arrives on another stack, in kernel_trap. ctx_resume
 * takes the kernel from there straight back to where ctx_save was called,
 * as if ctx_save had returned a second time (with a nonzero value).
 * Only the callee-saved registers, sp and ra need saving (RISC-V psABI).
 */
    .section .text
    .balign 4

#define CTX_RA   0
#define CTX_SP   4
#define CTX_S(n) (8 + 4 * (n))
#define CTX_SREGS 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11   /* s0..s11 */

    .globl ctx_save               /* int ctx_save(struct kctx *c): 0 now, v later */
ctx_save:
    sw      ra, CTX_RA(a0)
    sw      sp, CTX_SP(a0)
    .irp n, CTX_SREGS
    sw      s\n, CTX_S(\n)(a0)
    .endr
    li      a0, 0
    ret

    .globl ctx_resume             /* void ctx_resume(struct kctx *c, int v) */
ctx_resume:
    lw      ra, CTX_RA(a0)
    lw      sp, CTX_SP(a0)
    .irp n, CTX_SREGS
    lw      s\n, CTX_S(\n)(a0)
    .endr
    mv      a0, a1
    ret
