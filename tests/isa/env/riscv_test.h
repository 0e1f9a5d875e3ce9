/*
 * riscv_test.h — the start-up, exit and trap-recording harness every ISA test
 * program is built on (the convention of the riscv-tests suites, re-done for
 * trapeze and for QEMU's `virt` board).
 *
 * A test program looks like
 *
 *     #include "riscv_test.h"
 *     #include "test_macros.h"
 *     RVTEST_RV32U                 // or RVTEST_RV32S / RVTEST_RV32M: the privilege
 *     RVTEST_CODE_BEGIN            //    the body starts in
 *         TEST_RR_OP(2, add, 3, 1, 2)
 *         ...
 *         TEST_PASSFAIL
 *     RVTEST_CODE_END
 *     RVTEST_DATA_BEGIN ... RVTEST_DATA_END
 *
 * Start-up (RVTEST_CODE_BEGIN, M-mode at 0x80000000): zero the registers, put
 * the harness trap vector in mtvec, turn translation off, clear delegation and
 * interrupt enables, open PMP entry 0 over all memory (without any PMP entry,
 * S- and U-mode may touch nothing: machine.adoc, "Physical Memory Protection"),
 * then mret into the body in the chosen privilege.
 *
 * Test number: the number of the case being checked lives in TESTNUM (gp), so a
 * failure names the exact case that broke.
 *
 * Exit: RVTEST_PASS / RVTEST_FAIL ecall to M-mode with a7 = TEST_EXIT_ECALL
 * and a0 = exit code (0 = pass, TESTNUM = that case failed). The harness
 * writes (code << 1) | 1 to `tohost` (the HTIF convention of the riscv-tests
 * suites), and then, because QEMU's virt board has no HTIF, also writes the
 * SiFive test finisher: 0x5555 on pass, (code << 16) | 0x3333 on failure.
 * A simulator stops at whichever it honours first; both give the same exit
 * status. A trap nobody expected exits with UNEXPECTED_TRAP_FLAG | TESTNUM.
 *
 * Expected traps: a test arms the M-mode recorder (MTRAP_ARM / MTRAP_ARM_SKIP)
 * right before an instruction that must trap. The harness then saves mcause,
 * mepc, mtval and mstatus into `tz_mrec` and either resumes at the armed label
 * in M-mode or skips the trapping instruction. The S-mode recorder
 * (`tz_strap_vector`, put in stvec by the test) does the same with the S CSRs
 * for delegated traps. The test checks the record with TEST_MTRAP_* /
 * TEST_STRAP_*. Arming is one-shot: a second trap is unexpected again.
 * A test may instead install its own M-mode handler (MTRAP_HOOK); the harness
 * jumps to it with every register intact except t5 and t6.
 *
 * Registers: the trap paths clobber only t5 and t6 (x30, x31); the macros
 * that arm or check use t0, t1, t2. Test numbers must stay below 128 so the
 * exit status (8 bits) names them unambiguously.
 */
#ifndef TZ_RISCV_TEST_H
#define TZ_RISCV_TEST_H

#include "encoding.h"

/* The board's memory map comes from the header shared with the simulator
 * (machine/abi/trapeze_abi.h: TZ_TEST_BASE, TZ_CLINT_BASE, TZ_UART_BASE,
 * TZ_RAM_BASE, ...). Full addresses of the CLINT registers the tests touch: */
#include "trapeze_abi.h"
#define CLINT_MSIP         (TZ_CLINT_BASE + TZ_CLINT_MSIP)
#define CLINT_MTIMECMP     (TZ_CLINT_BASE + TZ_CLINT_MTIMECMP)
#define CLINT_MTIME        (TZ_CLINT_BASE + TZ_CLINT_MTIME)
#define TEST_FINISHER_CODE_SHIFT 16  /* a failure's exit code sits in bits 31:16 */

#define TESTNUM gp
#define TEST_EXIT_ECALL   93     /* a7: end the program, exit code in a0 */
#define TEST_TO_M_ECALL   94     /* a7: continue after this ecall, in M-mode */
#define NOT_EXIT_ECALL    0      /* a7: an ecall that is itself the case under
                                    test (the armed recorder takes it) */
#define UNEXPECTED_TRAP_FLAG 0x80
#define TESTNUM_MASK      0x7f
#define FAIL_WITHOUT_TESTNUM 0x7f /* RVTEST_FAIL reached before any case */

/* A PMP NAPOT address with 31 trailing ones covers 2^34 bytes: everything. */
#define PMP_ADDR_ALL      0x7fffffff

/* Layout of a trap record (tz_mrec / tz_srec). */
#define REC_ARMED   0
#define REC_RESUME  4
#define REC_CAUSE   8
#define REC_EPC     12
#define REC_TVAL    16
#define REC_STATUS  20
#define REC_COUNT   24
#define REC_SIZE    32

/* ---- which privilege the body starts in --------------------------------- */
#define RVTEST_RV32U .macro init; .endm
#define RVTEST_RV32S .macro init; li a0, MSTATUS_MPP_S; csrs mstatus, a0; .endm
#define RVTEST_RV32M .macro init; li a0, MSTATUS_MPP_M; csrs mstatus, a0; .endm

#define INIT_XREG                                                        \
    li x1, 0;  li x2, 0;  li x3, 0;  li x4, 0;  li x5, 0;  li x6, 0;     \
    li x7, 0;  li x8, 0;  li x9, 0;  li x10, 0; li x11, 0; li x12, 0;    \
    li x13, 0; li x14, 0; li x15, 0; li x16, 0; li x17, 0; li x18, 0;    \
    li x19, 0; li x20, 0; li x21, 0; li x22, 0; li x23, 0; li x24, 0;    \
    li x25, 0; li x26, 0; li x27, 0; li x28, 0; li x29, 0; li x30, 0;    \
    li x31, 0

/* The exit code of a trap nobody expected, into reg. */
#define UNEXPECTED_TRAP_CODE(reg)                                        \
        andi reg, TESTNUM, TESTNUM_MASK;                                 \
        ori reg, reg, UNEXPECTED_TRAP_FLAG

/* Leave an M-mode trap handler for M-mode with interrupts off: MPP = M, and
 * MPIE cleared, which mret copies into MIE (machine.adoc, "Machine Status
 * Registers"). */
#define TZ_MRET_TO_M                                                     \
        li t6, MSTATUS_MPP;                                              \
        csrs mstatus, t6;                                                \
        li t6, MSTATUS_MPIE;                                             \
        csrc mstatus, t6;                                                \
        mret

/* Leave an S-mode trap handler for S-mode (sret goes to sstatus.SPP). */
#define TZ_SRET_TO_S                                                     \
        li t6, MSTATUS_SPP;                                              \
        csrs sstatus, t6;                                                \
        sret

/* The body of a trap recorder, for x = m (M-mode CSRs) or s (S-mode CSRs);
 * t6 = &rec on entry, the recorder is armed. Disarm it, save xcause, xepc,
 * xtval and xstatus, count the trap; for an interrupt, clear its enable bit
 * in xie until the test clears the source. Then resume at the armed label in
 * the same privilege (return_same_priv), or skip the trapping instruction
 * (an exception; an interrupt returns to the interrupted one). */
#define TZ_RECORD_TRAP(x, rec, return_same_priv)                         \
        sw zero, REC_ARMED(t6);                                          \
        csrr t5, x ## cause;                                             \
        sw t5, REC_CAUSE(t6);                                            \
        csrr t5, x ## epc;                                               \
        sw t5, REC_EPC(t6);                                              \
        csrr t5, x ## tval;                                              \
        sw t5, REC_TVAL(t6);                                             \
        csrr t5, x ## status;                                            \
        sw t5, REC_STATUS(t6);                                           \
        lw t5, REC_COUNT(t6);                                            \
        addi t5, t5, 1;                                                  \
        sw t5, REC_COUNT(t6);                                            \
        csrr t5, x ## cause;                                             \
        bgez t5, 1f;                                                     \
        li t6, 1;                                                        \
        sll t6, t6, t5;                                                  \
        csrc x ## ie, t6;                                                \
        la t6, rec;                                                      \
1:      lw t5, REC_RESUME(t6);                                           \
        beqz t5, 2f;                                                     \
        csrw x ## epc, t5;                                               \
        return_same_priv;                                                \
2:      csrr t5, x ## cause;                                             \
        bltz t5, 3f;                                                     \
        csrr t5, x ## epc;                                               \
        addi t5, t5, 4;                                                  \
        csrw x ## epc, t5;                                               \
3:      x ## ret

#define RVTEST_CODE_BEGIN                                                \
        .section .text.init, "ax";                                       \
        .globl _start;                                                   \
_start:                                                                  \
        j tz_reset;                                                      \
                                                                         \
        /* The harness M-mode trap vector (direct mode: 4-aligned). */   \
        .align 2;                                                        \
tz_trap_vector:                                                          \
        csrr t5, mcause;                                                 \
        li t6, CAUSE_USER_ECALL;                                         \
        beq t5, t6, 1f;                                                  \
        li t6, CAUSE_SUPERVISOR_ECALL;                                   \
        beq t5, t6, 1f;                                                  \
        li t6, CAUSE_MACHINE_ECALL;                                      \
        bne t5, t6, 3f;                                                  \
1:      li t6, TEST_EXIT_ECALL;                                          \
        beq a7, t6, tz_exit;                                             \
        li t6, TEST_TO_M_ECALL;                                          \
        bne a7, t6, 3f;                                                  \
        /* continue after the ecall, now in M-mode, interrupts off */    \
        csrr t5, mepc;                                                   \
        addi t5, t5, 4;                                                  \
        csrw mepc, t5;                                                   \
        TZ_MRET_TO_M;                                                    \
3:      /* a handler installed by the test takes everything else */      \
        la t6, tz_mtrap_hook;                                            \
        lw t5, 0(t6);                                                    \
        beqz t5, 4f;                                                     \
        jr t5;                                                           \
4:      la t6, tz_mrec;                                                  \
        lw t5, REC_ARMED(t6);                                            \
        bnez t5, tz_mrecord;                                             \
        /* nobody expected this trap */                                  \
        UNEXPECTED_TRAP_CODE(a0);                                        \
        j tz_exit;                                                       \
                                                                         \
tz_mrecord: /* t6 = &tz_mrec */                                          \
        TZ_RECORD_TRAP(m, tz_mrec, TZ_MRET_TO_M);                        \
                                                                         \
        /* The S-mode recorder, for traps a test delegates (stvec). */   \
        .align 2;                                                        \
tz_strap_vector:                                                         \
        la t6, tz_srec;                                                  \
        lw t5, REC_ARMED(t6);                                            \
        bnez t5, tz_srecord;                                             \
        UNEXPECTED_TRAP_CODE(a0);                                        \
        li a7, TEST_EXIT_ECALL;                                          \
        ecall;                                                           \
tz_srecord: /* t6 = &tz_srec */                                          \
        TZ_RECORD_TRAP(s, tz_srec, TZ_SRET_TO_S);                        \
                                                                         \
tz_exit: /* a0 = exit code */                                            \
        slli t5, a0, 1;                                                  \
        ori t5, t5, 1;                                                   \
        la t6, tohost;                                                   \
        sw t5, 0(t6);                                                    \
        li t6, TZ_TEST_BASE;                                             \
        li t5, TZ_TEST_PASS;                                             \
        beqz a0, 1f;                                                     \
        slli t5, a0, TEST_FINISHER_CODE_SHIFT;                           \
        li a1, TZ_TEST_FAIL;                                             \
        or t5, t5, a1;                                                   \
1:      sw t5, 0(t6);                                                    \
2:      j 2b;                                                            \
                                                                         \
tz_reset:                                                                \
        INIT_XREG;                                                       \
        la t0, tz_trap_vector;                                           \
        csrw mtvec, t0;                                                  \
        csrwi mie, 0;                                                    \
        csrwi medeleg, 0;                                                \
        csrwi mideleg, 0;                                                \
        csrwi satp, 0;                                                   \
        li t0, PMP_ADDR_ALL;                                             \
        csrw pmpaddr0, t0;                                               \
        li t0, PMPCFG_A_NAPOT | PMPCFG_R | PMPCFG_W | PMPCFG_X;                      \
        csrw pmpcfg0, t0;                                                \
        csrwi mstatus, 0;                                                \
        init;                                                            \
        la t0, tz_body;                                                  \
        csrw mepc, t0;                                                   \
        mret;                                                            \
                                                                         \
        .pushsection .data;                                              \
        .align 4;                                                        \
        .globl tz_mrec, tz_srec, tz_mtrap_hook;                          \
tz_mrec: .space REC_SIZE;                                                \
tz_srec: .space REC_SIZE;                                                \
tz_mtrap_hook: .word 0;                                                  \
        .popsection;                                                     \
                                                                         \
        .text;                                                           \
        .align 2;                                                        \
tz_body:

#define RVTEST_CODE_END                                                  \
        unimp

/* ---- pass / fail -------------------------------------------------------- */
#define RVTEST_PASS                                                      \
        fence;                                                           \
        li a0, 0;                                                        \
        li a7, TEST_EXIT_ECALL;                                          \
        ecall

#define RVTEST_FAIL                                                      \
        fence;                                                           \
        andi a0, TESTNUM, TESTNUM_MASK;                                  \
        bnez a0, 1f;                                                     \
        li a0, FAIL_WITHOUT_TESTNUM;                                     \
1:      li a7, TEST_EXIT_ECALL;                                          \
        ecall

/* ---- moving between privilege levels ------------------------------------
 * GOTO_PRIV (from M only): continue at `label` in privilege `prv`.
 * BACK_TO_M (from S or U, identity-mapped code only): the next instruction
 * runs in M-mode. Both, and a recorder that resumes at an armed label, leave
 * M-mode with mstatus.MIE clear: a test turns M interrupts on explicitly. */
#define GOTO_PRIV(prv, label)                                            \
        SET_MPP(prv);                                                    \
        la t0, label;                                                    \
        csrw mepc, t0;                                                   \
        mret

/* The same, to a (virtual) address rather than a label. */
#define GOTO_PRIV_AT(prv, addr)                                          \
        SET_MPP(prv);                                                    \
        li t0, addr;                                                     \
        csrw mepc, t0;                                                   \
        mret

/* mstatus.MPP = prv and MPIE = 0: the next mret goes to prv with M
 * interrupts off. Clobbers t0. */
#define SET_MPP(prv)                                                     \
        li t0, MSTATUS_MPP | MSTATUS_MPIE;                               \
        csrc mstatus, t0;                                                \
        li t0, (prv) << MSTATUS_MPP_SHIFT;                               \
        csrs mstatus, t0

#define BACK_TO_M                                                        \
        li a7, TEST_TO_M_ECALL;                                          \
        ecall

/* ---- expected traps ----------------------------------------------------- */
/* Arm the recorder `rec` (tz_mrec or tz_srec): resume at `resume`, or, with
 * the _SKIP form, skip the trapping instruction. Clobbers t0, t1. */
#define TRAP_ARM(rec, resume)                                            \
        la t0, rec;                                                      \
        la t1, resume;                                                   \
        sw t1, REC_RESUME(t0);                                           \
        li t1, 1;                                                        \
        sw t1, REC_ARMED(t0)

#define TRAP_ARM_SKIP(rec)                                               \
        la t0, rec;                                                      \
        sw zero, REC_RESUME(t0);                                         \
        li t1, 1;                                                        \
        sw t1, REC_ARMED(t0)

#define MTRAP_ARM(resume)  TRAP_ARM(tz_mrec, resume)
#define MTRAP_ARM_SKIP     TRAP_ARM_SKIP(tz_mrec)
#define STRAP_ARM(resume)  TRAP_ARM(tz_srec, resume)
#define STRAP_ARM_SKIP     TRAP_ARM_SKIP(tz_srec)

#define MTRAP_HOOK(handler)                                              \
        la t0, tz_mtrap_hook;                                            \
        la t1, handler;                                                  \
        sw t1, 0(t0)

#define MTRAP_UNHOOK                                                     \
        la t0, tz_mtrap_hook;                                            \
        sw zero, 0(t0)

/* ---- data ---------------------------------------------------------------- */
#define RVTEST_DATA_BEGIN                                                \
        .pushsection .tohost, "aw", @progbits;                           \
        .align 6; .globl tohost; tohost: .word 0, 0;                     \
        .align 6; .globl fromhost; fromhost: .word 0, 0;                 \
        .popsection;                                                     \
        .data;                                                           \
        .align 4; .globl begin_signature; begin_signature:

#define RVTEST_DATA_END                                                  \
        .align 4; .globl end_signature; end_signature:

#endif /* TZ_RISCV_TEST_H */
