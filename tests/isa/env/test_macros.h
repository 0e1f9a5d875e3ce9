/*
 * test_macros.h — one-line test cases for the ISA test programs.
 *
 * Each macro runs one small case and compares a result register with the
 * expected value; on a mismatch it branches to `fail` (defined by
 * TEST_PASSFAIL), with the case number already in TESTNUM. The shapes follow
 * the riscv-tests suites: register-register and register-immediate ALU
 * operations, loads, stores, branches, and the same operations with x0 as a
 * source or destination and with a source equal to the destination.
 *
 * Register use: sources in x11/x12 (a1/a2), results in x14 (a4), the expected
 * value in x7 (t2). Code passed to TEST_CASE must not clobber gp.
 */
#ifndef TZ_TEST_MACROS_H
#define TZ_TEST_MACROS_H

/* Sign-extend a 12-bit immediate, as the instruction itself will. */
#define SEXT_IMM(x) ((x) | (-(((x) >> 11) & 1) << 11))

#define TEST_CASE(testnum, testreg, correctval, code...)                 \
test_ ## testnum:                                                        \
        li TESTNUM, testnum;                                             \
        code;                                                            \
        li x7, correctval;                                               \
        bne testreg, x7, fail

/* ---- register-immediate ------------------------------------------------- */
#define TEST_IMM_OP(testnum, inst, result, val1, imm)                    \
        TEST_CASE(testnum, x14, result,                                  \
                  li x11, val1; inst x14, x11, SEXT_IMM(imm))

#define TEST_IMM_SRC1_EQ_DEST(testnum, inst, result, val1, imm)          \
        TEST_CASE(testnum, x11, result,                                  \
                  li x11, val1; inst x11, x11, SEXT_IMM(imm))

#define TEST_IMM_ZEROSRC1(testnum, inst, result, imm)                    \
        TEST_CASE(testnum, x14, result, inst x14, x0, SEXT_IMM(imm))

#define TEST_IMM_ZERODEST(testnum, inst, val1, imm)                      \
        TEST_CASE(testnum, x0, 0,                                        \
                  li x11, val1; inst x0, x11, SEXT_IMM(imm))

/* ---- register-register -------------------------------------------------- */
#define TEST_RR_OP(testnum, inst, result, val1, val2)                    \
        TEST_CASE(testnum, x14, result,                                  \
                  li x11, val1; li x12, val2; inst x14, x11, x12)

#define TEST_RR_SRC1_EQ_DEST(testnum, inst, result, val1, val2)          \
        TEST_CASE(testnum, x11, result,                                  \
                  li x11, val1; li x12, val2; inst x11, x11, x12)

#define TEST_RR_SRC2_EQ_DEST(testnum, inst, result, val1, val2)          \
        TEST_CASE(testnum, x12, result,                                  \
                  li x11, val1; li x12, val2; inst x12, x11, x12)

#define TEST_RR_SRC12_EQ_DEST(testnum, inst, result, val1)               \
        TEST_CASE(testnum, x11, result, li x11, val1; inst x11, x11, x11)

#define TEST_RR_ZEROSRC1(testnum, inst, result, val)                     \
        TEST_CASE(testnum, x14, result, li x12, val; inst x14, x0, x12)

#define TEST_RR_ZEROSRC2(testnum, inst, result, val)                     \
        TEST_CASE(testnum, x14, result, li x11, val; inst x14, x11, x0)

#define TEST_RR_ZERODEST(testnum, inst, val1, val2)                      \
        TEST_CASE(testnum, x0, 0,                                        \
                  li x11, val1; li x12, val2; inst x0, x11, x12)

/* ---- loads and stores --------------------------------------------------- */
#define TEST_LD_OP(testnum, inst, result, offset, base)                  \
        TEST_CASE(testnum, x14, result,                                  \
                  la x11, base; inst x14, offset(x11))

/* rd = x0: the loaded value goes nowhere. */
#define TEST_LD_ZERODEST(testnum, inst, offset, base)                    \
        TEST_CASE(testnum, x0, 0, la x11, base; inst x0, offset(x11))

/* rd = rs1: the address is computed before rd is written. */
#define TEST_LD_DEST_EQ_BASE(testnum, inst, result, offset, base)        \
        TEST_CASE(testnum, x11, result, la x11, base; inst x11, offset(x11))

/* The 24 bytes the load tests (lb, lbu, lh, lhu, lw) read, at `tdat`: every
 * byte value class (0x00, 0xff, a nibble each way, the sign-bit edges). */
#define TEST_LD_DATA                                                     \
tdat:                                                                    \
        .word 0x00ff00ff, 0xff00ff00, 0x0ff00ff0, 0xf00ff00f, 0x80017ffe, 0x7f8081ff

/* Store `result`, read it back with `load_inst`. */
#define TEST_ST_OP(testnum, load_inst, store_inst, result, offset, base) \
        TEST_CASE(testnum, x14, result,                                  \
                  la x11, base; li x12, result;                          \
                  store_inst x12, offset(x11);                           \
                  load_inst x14, offset(x11))

/* A narrow store must leave the neighbouring bytes alone: the word at spat
 * holds ST_BACKGROUND, `store_inst` writes (the low part of) ST_VALUE at
 * spat + offset, and the whole word must then be `word`. */
#define ST_BACKGROUND 0x01234567
#define ST_VALUE      0xf0e1d2c3
#define TEST_ST_MERGE(testnum, store_inst, offset, word)                 \
        TEST_CASE(testnum, x14, word,                                    \
                  la x11, spat; li x12, ST_BACKGROUND; sw x12, 0(x11);   \
                  li x12, ST_VALUE; store_inst x12, offset(x11);         \
                  lw x14, 0(x11))

/* A store from x0 writes zero. */
#define TEST_ST_ZEROSRC(testnum, load_inst, store_inst, base)            \
        TEST_CASE(testnum, x14, 0,                                       \
                  la x11, base; store_inst x0, 0(x11); load_inst x14, 0(x11))

/* The memory the store tests (sb, sh, sw) write: a scratch area and the
 * word TEST_ST_MERGE works on. */
#define TEST_ST_DATA                                                     \
        .align 4;                                                        \
sdat:   .space 64;                                                       \
spat:   .word 0

/* ---- atomic memory operations (a-st-ext.adoc, "Atomic Memory Operations")
 * The word at `amo_word` (TEST_AMO_DATA) starts as `old`; the AMO with
 * rs2 = `src` must return `old` in rd (case n_old) and leave `newval` in
 * memory (case n_mem). */
#define TEST_AMO_OP(n_old, n_mem, inst, old, src, newval)                \
        TEST_CASE(n_old, x14, old, la x11, amo_word; li x12, old;        \
                  sw x12, 0(x11); li x13, src; inst x14, x13, (x11));    \
        TEST_CASE(n_mem, x15, newval, lw x15, 0(x11))

/* rd = x0: memory is still updated, nothing is written back. */
#define TEST_AMO_ZERODEST(testnum, inst, old, src, newval)               \
        TEST_CASE(testnum, x15, newval, la x11, amo_word; li x12, old;   \
                  sw x12, 0(x11); li x13, src; inst x0, x13, (x11);      \
                  lw x15, 0(x11))

/* rd = rs2: the source is read before rd is written (case n_old: rd holds
 * `old`; case n_mem: memory holds `newval`). */
#define TEST_AMO_SRC_EQ_DEST(n_old, n_mem, inst, old, src, newval)       \
        TEST_CASE(n_old, x13, old, la x11, amo_word; li x12, old;        \
                  sw x12, 0(x11); li x13, src; inst x13, x13, (x11));    \
        TEST_CASE(n_mem, x15, newval, lw x15, 0(x11))

/* The word the AMO tests work on, and the one after it (a misaligned access
 * may straddle both). The AMO cases store their own `old` value first. */
#define AMO_WORD_INIT 0x01020304
#define AMO_WORD_NEXT 0x05060708
#define TEST_AMO_DATA                                                    \
        .align 4;                                                        \
amo_word: .word AMO_WORD_INIT, AMO_WORD_NEXT

/* ---- branches: taken both forwards and backwards, or never -------------- */
#define TEST_BR2_OP_TAKEN(testnum, inst, val1, val2)                     \
test_ ## testnum:                                                        \
        li TESTNUM, testnum;                                             \
        li x11, val1;                                                    \
        li x12, val2;                                                    \
        inst x11, x12, 2f;                                               \
        j fail;                                                          \
1:      j 3f;                                                            \
2:      inst x11, x12, 1b;                                               \
        j fail;                                                          \
3:

#define TEST_BR2_OP_NOTTAKEN(testnum, inst, val1, val2)                  \
test_ ## testnum:                                                        \
        li TESTNUM, testnum;                                             \
        li x11, val1;                                                    \
        li x12, val2;                                                    \
        inst x11, x12, 1f;                                               \
        j 2f;                                                            \
1:      j fail;                                                          \
2:      inst x11, x12, 1b;                                               \
3:

/* ---- trap records (see riscv_test.h) ------------------------------------ */
/* The armed trap happened, and its cause was `cause`. */
#define TEST_TRAP_REC(testnum, rec, cause)                               \
        li TESTNUM, testnum;                                             \
        la t0, rec;                                                      \
        lw t1, REC_ARMED(t0);                                            \
        bnez t1, fail;                                                   \
        lw t1, REC_CAUSE(t0);                                            \
        li t2, cause;                                                    \
        bne t1, t2, fail

#define TEST_TRAP_FIELD(testnum, rec, field, value)                      \
        li TESTNUM, testnum;                                             \
        la t0, rec;                                                      \
        lw t1, field(t0);                                                \
        li t2, value;                                                    \
        bne t1, t2, fail

/* Like TEST_TRAP_FIELD, but the expected value is a label's address. */
#define TEST_TRAP_FIELD_ADDR(testnum, rec, field, label)                 \
        li TESTNUM, testnum;                                             \
        la t0, rec;                                                      \
        lw t1, field(t0);                                                \
        la t2, label;                                                    \
        bne t1, t2, fail

/* The armed trap did NOT happen (the recorder is still armed); disarm. */
#define TEST_NO_TRAP(testnum, rec)                                       \
        li TESTNUM, testnum;                                             \
        la t0, rec;                                                      \
        lw t1, REC_ARMED(t0);                                            \
        beqz t1, fail;                                                   \
        sw zero, REC_ARMED(t0)

#define TEST_MTRAP(testnum, cause)        TEST_TRAP_REC(testnum, tz_mrec, cause)
#define TEST_STRAP(testnum, cause)        TEST_TRAP_REC(testnum, tz_srec, cause)
#define TEST_MTRAP_TVAL(testnum, value)   TEST_TRAP_FIELD(testnum, tz_mrec, REC_TVAL, value)
#define TEST_STRAP_TVAL(testnum, value)   TEST_TRAP_FIELD(testnum, tz_srec, REC_TVAL, value)
#define TEST_MTRAP_EPC(testnum, label)    TEST_TRAP_FIELD_ADDR(testnum, tz_mrec, REC_EPC, label)
#define TEST_STRAP_EPC(testnum, label)    TEST_TRAP_FIELD_ADDR(testnum, tz_srec, REC_EPC, label)

/* The recorded tval holds the instruction word stored at `label` (what an
 * illegal-instruction trap must report). */
#define TEST_TRAP_TVAL_INSN(testnum, rec, label)                         \
        li TESTNUM, testnum;                                             \
        la t0, label;                                                    \
        lw t2, 0(t0);                                                    \
        la t0, rec;                                                      \
        lw t1, REC_TVAL(t0);                                             \
        bne t1, t2, fail
#define TEST_MTRAP_TVAL_INSN(testnum, label) TEST_TRAP_TVAL_INSN(testnum, tz_mrec, label)
#define TEST_STRAP_TVAL_INSN(testnum, label) TEST_TRAP_TVAL_INSN(testnum, tz_srec, label)

/* In the current (M) mode: `insn` must raise illegal instruction, report its
 * own bits in mtval and its own address in mepc, and leave a0 unwritten. */
#define ILLEGAL_SENTINEL 0x5ca1ab1e
#define TEST_ILLEGAL(testnum, insn...)                                   \
        li TESTNUM, testnum;                                             \
        MTRAP_ARM_SKIP;                                                  \
        li a0, ILLEGAL_SENTINEL;                                         \
97:     insn;                                                            \
        TEST_MTRAP(testnum, CAUSE_ILLEGAL_INSTRUCTION);                  \
        TEST_MTRAP_EPC(testnum, 97b);                                    \
        TEST_MTRAP_TVAL_INSN(testnum, 97b);                              \
        li t2, ILLEGAL_SENTINEL;                                         \
        bne a0, t2, fail

/* In the current mode: `insn` must not trap. */
#define TEST_LEGAL(testnum, insn...)                                     \
        li TESTNUM, testnum;                                             \
        MTRAP_ARM_SKIP;                                                  \
        insn;                                                            \
        TEST_NO_TRAP(testnum, tz_mrec)

/* ---- running one instruction in another privilege ----------------------
 * TEST_TRAP_IN: from M-mode, run `insn` in privilege `prv` (identity-mapped
 * code); it must trap to M with `cause`, after which M-mode continues. The
 * trapping instruction is at local label 98 (check mepc with TEST_MTRAP_EPC
 * (n, 98b)). TEST_NOTRAP_IN: `insn` must complete without any trap. */
#define TEST_TRAP_IN(testnum, prv, cause, insn...)                       \
        li TESTNUM, testnum;                                             \
        MTRAP_ARM(99f);                                                  \
        GOTO_PRIV(prv, 98f);                                             \
98:     insn;                                                            \
        j fail;                                                          \
99:     TEST_MTRAP(testnum, cause)

#define TEST_NOTRAP_IN(testnum, prv, insn...)                            \
        li TESTNUM, testnum;                                             \
        GOTO_PRIV(prv, 98f);                                             \
98:     insn;                                                            \
        BACK_TO_M

/* ---- misaligned accesses (rv32.adoc, "Load and Store Instructions") -----
 * `insn`, with a1 = an address the caller set up (a2 = a value it may store),
 * must trap to M with `cause`, report its own address in mepc and `addr` in
 * mtval (machine.adoc, "Machine Trap Value Register"), and leave a0 unwritten.
 * The trapping instruction is at local label 96. */
#define MISALIGNED_SENTINEL 0x7e57da7a
#define TEST_MISALIGNED(testnum, cause, addr, insn...)                   \
        li TESTNUM, testnum;                                             \
        li a0, MISALIGNED_SENTINEL;                                      \
        MTRAP_ARM_SKIP;                                                  \
96:     insn;                                                            \
        TEST_MTRAP(testnum, cause);                                      \
        TEST_MTRAP_EPC(testnum, 96b);                                    \
        TEST_TRAP_FIELD_ADDR(testnum, tz_mrec, REC_TVAL, addr);          \
        li t2, MISALIGNED_SENTINEL;                                      \
        bne a0, t2, fail

/* The word at `addr` holds `value` (memory a faulting store left alone). */
#define CHECK_WORD(addr, value)                                          \
        la t0, addr;                                                     \
        lw t1, 0(t0);                                                    \
        li t2, value;                                                    \
        bne t1, t2, fail

/* A misaligned AMO, LR or SC (a-st-ext.adoc: "an address-misaligned
 * exception or an access-fault exception"): `insn` on a1 = amo_word + off
 * (a2 = 1 to store) must trap with `cause` and leave both words alone. */
#define TEST_AMO_MISALIGNED(testnum, off, cause, insn...)                \
        la a1, amo_word + off;                                           \
        li a2, 1;                                                        \
        TEST_MISALIGNED(testnum, cause, amo_word + off, insn);           \
        CHECK_WORD(amo_word, AMO_WORD_INIT);                             \
        CHECK_WORD(amo_word + 4, AMO_WORD_NEXT)

/* ---- end of every program ----------------------------------------------- */
#define TEST_PASSFAIL                                                    \
        j pass;                                                          \
fail:                                                                    \
        RVTEST_FAIL;                                                     \
pass:                                                                    \
        RVTEST_PASS

#endif /* TZ_TEST_MACROS_H */
