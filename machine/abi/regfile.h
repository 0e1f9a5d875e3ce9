/*
 * regfile.h — the in-memory image of the 32 general registers that trap
 * entry code fills and trap exit code reloads, and assembler macros to do it.
 *
 * Both kinds of RISC-V code in trapeze save an interrupted context the same
 * way: the guest kernels' struct trap_frame (guests/lib/trap.h) and the
 * VMM's struct vcpu (vmm/vcpu.h) begin with uint32_t x[32], register xN at
 * byte REGFILE_X(N) (slot 0, x0, is never stored: it always reads 0). Each
 * side asserts its struct against REGFILE_X in C, so the assembly below and
 * the C views of the same memory cannot drift apart.
 *
 * The macros expand to exactly one sw or lw per register named, in the order
 * named: the register list is what a trap path chooses (which registers are
 * free at that moment, which one must come last); the encoding of each
 * store or load is written once, here.
 */
#ifndef TZ_REGFILE_H
#define TZ_REGFILE_H

#define REGFILE_XLEN_BYTES 4              /* RV32: a register is 4 bytes */
#define REGFILE_X(n)       ((n) * REGFILE_XLEN_BYTES)

/* Every register but x0 and sp (x2), for the trap paths that handle sp on
 * their own (it is the base they store through, or comes from a scratch CSR). */
#define REGFILE_ALL_BUT_SP 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, \
                           17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, \
                           30, 31

#ifdef __ASSEMBLER__
/* REGFILE_SAVE base, n...: sw xN, REGFILE_X(N)(base) for each N given. */
.macro REGFILE_SAVE base:req, regs:vararg
    .irp n, \regs
    sw      x\n, REGFILE_X(\n)(\base)
    .endr
.endm

/* REGFILE_LOAD base, n...: lw xN, REGFILE_X(N)(base) for each N given.
 * Name base itself last (or not at all): the loads go in the order given. */
.macro REGFILE_LOAD base:req, regs:vararg
    .irp n, \regs
    lw      x\n, REGFILE_X(\n)(\base)
    .endr
.endm
#endif

#endif /* TZ_REGFILE_H */
