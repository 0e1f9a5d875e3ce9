/*
 * smc.h — the pieces the self-modifying-code tests (rv32ui/fence_i.S,
 * rv32ui/smc_nofence.S) share: small routines that get rewritten, the
 * instruction words written over them, and the call-and-check steps.
 *
 * A routine is rewritten by storing a whole instruction word taken from a
 * template assembled in the data section, so the test never spells an
 * encoding as a number. Whether the new bits are seen with or without
 * FENCE.I is what the two tests check (zifencei.adoc, "Instruction-Fetch
 * Fence").
 */
#ifndef TZ_SMC_H
#define TZ_SMC_H

/* Call `routine`; it must return `value` in a0. Clobbers ra, t2. */
#define SMC_CALL_EXPECT(routine, value)                                  \
        call routine;                                                    \
        li t2, value;                                                    \
        bne a0, t2, fail

/* Store the instruction word at `tmpl` over the first instruction of
 * `routine`. Clobbers t0, t1. */
#define SMC_PATCH(routine, tmpl)                                         \
        la t0, routine;                                                  \
        lw t1, tmpl;                                                     \
        sw t1, 0(t0)

/* The routines (in the code section): smc_routine returns 1, smc_hot 3;
 * the first instruction of each is what the tests rewrite. */
#define SMC_ROUTINES                                                     \
        .align 2;                                                        \
smc_routine:                                                             \
        addi a0, zero, 1;                                                \
        ret;                                                             \
smc_hot:                                                                 \
        addi a0, zero, 3;                                                \
        ret

/* The replacement words (in the data section): return 2, return 5. */
#define SMC_TEMPLATES                                                    \
tmpl_addi2: addi a0, zero, 2;                                            \
tmpl_addi5: addi a0, zero, 5

#endif /* TZ_SMC_H */
