/*
 * cost_class.h — the instruction cost classes of the cycle model.
 *
 * Every instruction in isa/insn.def names one class; the machine profile
 * (machine/profiles/default.json, read by machine/cost.c) gives each class a
 * cycle cost. Pure data, no state: shared by isa/ and machine/.
 */
#ifndef TRAPEZE_COST_CLASS_H
#define TRAPEZE_COST_CLASS_H

enum cost_class {
    COST_ALU = 0,   /* integer register/immediate ops, lui, auipc */
    COST_BRANCH,    /* conditional branch (taken adds branch_taken_penalty) */
    COST_JUMP,      /* jal, jalr */
    COST_LOAD,
    COST_STORE,
    COST_MUL,       /* mul, mulh, mulhsu, mulhu */
    COST_DIV,       /* div, divu, rem, remu */
    COST_AMO,       /* lr, sc, amo* */
    COST_CSR,       /* csrr* */
    COST_FENCE,     /* fence */
    COST_FENCE_I,   /* fence.i */
    COST_SFENCE,    /* sfence.vma */
    COST_SYSTEM,    /* ecall, ebreak (the trap itself is charged as trap_entry) */
    COST_XRET,      /* mret, sret */
    COST_WFI,
    COST__COUNT
};

/* JSON key of each class in a profile's "cycles" object, indexed by enum. */
#define COST_CLASS_KEYS                                                     \
    { "alu", "branch", "jump", "load", "store", "mul", "div", "amo", "csr", \
      "fence", "fence_i", "sfence", "system", "xret", "wfi" }

#endif
