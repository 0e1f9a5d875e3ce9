/*
 * ok.S — the well-formed program the bad-input suite starts from: it prints
 * "ok" on the UART and ends the run through the SiFive test finisher with
 * status 0. Every malformed ELF in the suite is this file with a few header
 * bytes changed, so each case shows exactly one kind of damage.
 */
/* From machine/abi/trapeze_abi.h (which holds C declarations, so an
 * assembly file cannot include it). */
#define TZ_UART_BASE  0x10000000
#define TZ_TEST_BASE  0x00100000
#define TZ_TEST_PASS  0x5555

    .section .text.start, "ax"
    .globl _start
_start:
    li    t0, TZ_UART_BASE
    li    t1, 'o'
    sb    t1, 0(t0)
    li    t1, 'k'
    sb    t1, 0(t0)
    li    t1, '\n'
    sb    t1, 0(t0)
    li    t0, TZ_TEST_BASE
    li    t1, TZ_TEST_PASS
    sw    t1, 0(t0)
1:  j     1b
