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

    .globl ctx_save               /* int ctx_save(struct kctx *c): 0 now, v later */
ctx_save:
    sw      ra, CTX_RA(a0)
    sw      sp, CTX_SP(a0)
    sw      s0, CTX_S(0)(a0)
    sw      s1, CTX_S(1)(a0)
    sw      s2, CTX_S(2)(a0)
    sw      s3, CTX_S(3)(a0)
    sw      s4, CTX_S(4)(a0)
    sw      s5, CTX_S(5)(a0)
    sw      s6, CTX_S(6)(a0)
    sw      s7, CTX_S(7)(a0)
    sw      s8, CTX_S(8)(a0)
    sw      s9, CTX_S(9)(a0)
    sw      s10, CTX_S(10)(a0)
    sw      s11, CTX_S(11)(a0)
    li      a0, 0
    ret

    .globl ctx_resume             /* void ctx_resume(struct kctx *c, int v) */
ctx_resume:
    lw      ra, CTX_RA(a0)
    lw      sp, CTX_SP(a0)
    lw      s0, CTX_S(0)(a0)
    lw      s1, CTX_S(1)(a0)
    lw      s2, CTX_S(2)(a0)
    lw      s3, CTX_S(3)(a0)
    lw      s4, CTX_S(4)(a0)
    lw      s5, CTX_S(5)(a0)
    lw      s6, CTX_S(6)(a0)
    lw      s7, CTX_S(7)(a0)
    lw      s8, CTX_S(8)(a0)
    lw      s9, CTX_S(9)(a0)
    lw      s10, CTX_S(10)(a0)
    lw      s11, CTX_S(11)(a0)
    mv      a0, a1
    ret
