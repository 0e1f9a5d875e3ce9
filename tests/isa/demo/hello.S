/*
 * demo/hello.S — the first program `make run` shows: a bare-metal RV32 program
 * that talks to the UART, computes something, and walks through the privilege
 * levels the way an operating system (or a hypervisor) does.
 *
 *   1. M-mode: print a greeting on the ns16550a UART at 0x10000000.
 *   2. M-mode: count the primes below SIEVE_LIMIT with a sieve of Eratosthenes
 *      (tens of thousands of loop iterations) and print the count.
 *   3. Drop to U-mode with mret. The user code asks M-mode to print for it
 *      (ecall: mcause 8), then tries to read mstatus, which U-mode may not:
 *      illegal instruction (mcause 2; mtval holds the instruction bits). This
 *      is "trap and emulate" in miniature: the trap handler sees exactly which
 *      instruction was refused and decides what to do (here: report, skip).
 *   4. The user code's last ecall brings control back to M-mode, which writes
 *      0x5555 to the SiFive test finisher at 0x00100000: exit status 0.
 *
 * The same ELF runs on `trapeze run` and on
 * `qemu-system-riscv32 -machine virt -bios none -nographic -kernel hello.elf`.
 */
#include "encoding.h"
#include "trapeze_abi.h"   /* the board: TZ_UART_BASE, TZ_TEST_BASE, UART registers */

#define TEST_FINISHER_CODE_SHIFT 16  /* a failure's exit code sits in bits 31:16 */
#define PMP_ADDR_ALL       0x7fffffff  /* NAPOT: 31 trailing ones = all memory */

#define SIEVE_LIMIT        10000
#define STACK_SIZE         4096

/* The two requests user code can make with ecall (number in a7). */
#define SYS_PUTS           1        /* a0 = address of a NUL-terminated string */
#define SYS_DONE           2        /* the user part is over: back to M-mode */

#define EXIT_UNEXPECTED_TRAP 1

        .section .text.init, "ax"
        .globl _start
_start:
        la sp, stack_top
        la t0, trap_handler
        csrw mtvec, t0
        /* Let U-mode reach all memory: with no PMP entry it may touch nothing. */
        li t0, PMP_ADDR_ALL
        csrw pmpaddr0, t0
        li t0, PMPCFG_A_NAPOT | PMPCFG_R | PMPCFG_W | PMPCFG_X
        csrw pmpcfg0, t0

        la a0, msg_hello
        call puts

        /* ---- 2. some honest work: a sieve of Eratosthenes ---- */
        call count_primes
        mv s0, a0
        la a0, msg_primes1
        call puts
        li a0, SIEVE_LIMIT
        call put_dec
        la a0, msg_primes2
        call puts
        mv a0, s0
        call put_dec
        la a0, msg_primes3
        call puts

        /* ---- 3. into U-mode ---- */
        la a0, msg_to_user
        call puts
        li t0, MSTATUS_MPP          /* MPP = U (0): mret drops to user mode */
        csrc mstatus, t0
        la t0, user_main
        csrw mepc, t0
        mret

back_in_m:
        /* ---- 4. done ---- */
        la a0, msg_bye
        call puts
        li t0, TZ_TEST_BASE
        li t1, TZ_TEST_PASS
        sw t1, 0(t0)
1:      j 1b

/* ------------------------------------------------------------------------
 * U-mode part. It may not touch CSRs of higher privilege; it asks M-mode.
 */
user_main:
        la a0, msg_user
        li a7, SYS_PUTS
        ecall
        /* Not allowed in U-mode: traps as an illegal instruction. */
        csrr a1, mstatus
        la a0, msg_user_after
        li a7, SYS_PUTS
        ecall
        li a7, SYS_DONE
        ecall
1:      j 1b                        /* never reached */

/* ------------------------------------------------------------------------
 * M-mode trap handler. Runs on the M-mode stack (the U part never uses sp).
 */
        .align 2
trap_handler:
        addi sp, sp, -16
        sw ra, 0(sp)
        sw a0, 4(sp)
        sw s1, 8(sp)
        csrr s1, mcause
        li t0, CAUSE_USER_ECALL
        beq s1, t0, handle_ecall
        li t0, CAUSE_ILLEGAL_INSTRUCTION
        beq s1, t0, handle_illegal
        /* anything else: report and stop with a failure */
        la a0, msg_unexpected
        call puts
        mv a0, s1
        call put_hex
        li a0, '\n'
        call putc
        li t0, TZ_TEST_BASE
        li t1, (EXIT_UNEXPECTED_TRAP << TEST_FINISHER_CODE_SHIFT) | TZ_TEST_FAIL
        sw t1, 0(t0)
1:      j 1b

handle_ecall:
        li t0, SYS_DONE
        beq a7, t0, 2f
        la a0, msg_trap_ecall       /* SYS_PUTS: print the user's string */
        call puts
        lw a0, 4(sp)
        call puts
        j skip_insn
2:      la a0, msg_trap_done
        call puts
        la t0, back_in_m            /* resume in M-mode, not after the ecall */
        csrw mepc, t0
        li t0, MSTATUS_MPP
        csrs mstatus, t0
        j trap_return

handle_illegal:
        la a0, msg_trap_illegal1
        call puts
        csrr a0, mtval              /* the refused instruction's bits */
        call put_hex
        la a0, msg_trap_illegal2
        call puts
        csrr a0, mepc
        call put_hex
        la a0, msg_trap_illegal3
        call puts
skip_insn:
        csrr t0, mepc
        addi t0, t0, 4
        csrw mepc, t0
trap_return:
        lw ra, 0(sp)
        lw a0, 4(sp)
        lw s1, 8(sp)
        addi sp, sp, 16
        mret

/* ------------------------------------------------------------------------
 * count_primes: a0 = number of primes below SIEVE_LIMIT.
 */
count_primes:
        la t0, sieve                /* sieve[i] = 1 once i is known composite */
        li t6, SIEVE_LIMIT
        add t1, t0, t6
0:      addi t1, t1, -1             /* start from a clean sieve */
        sb zero, 0(t1)
        bne t1, t0, 0b
        li t1, 2                    /* i */
        li a0, 0
1:      add t2, t0, t1
        lbu t3, 0(t2)
        bnez t3, 3f
        addi a0, a0, 1              /* i is prime: strike its multiples */
        mul t4, t1, t1
        bge t4, t6, 3f
        li t5, 1
2:      add t2, t0, t4
        sb t5, 0(t2)
        add t4, t4, t1
        blt t4, t6, 2b
3:      addi t1, t1, 1
        blt t1, t6, 1b
        ret

/* ------------------------------------------------------------------------
 * UART output: putc(a0), puts(a0 = string), put_dec(a0), put_hex(a0).
 */
putc:
        li t0, TZ_UART_BASE
1:      lbu t1, TZ_UART_LSR(t0)
        andi t1, t1, TZ_UART_LSR_THRE
        beqz t1, 1b
        sb a0, TZ_UART_THR(t0)
        ret

puts:
        addi sp, sp, -16
        sw ra, 0(sp)
        sw s0, 4(sp)
        mv s0, a0
1:      lbu a0, 0(s0)
        beqz a0, 2f
        call putc
        addi s0, s0, 1
        j 1b
2:      lw ra, 0(sp)
        lw s0, 4(sp)
        addi sp, sp, 16
        ret

#define DEC_BASE 10
#define DEC_DIGITS_MAX 12
put_dec:
        addi sp, sp, -32
        sw ra, 0(sp)
        sw s0, 4(sp)
        addi s0, sp, 31             /* build digits backwards */
        sb zero, 0(s0)
        li t2, DEC_BASE
1:      remu t3, a0, t2
        divu a0, a0, t2
        addi t3, t3, '0'
        addi s0, s0, -1
        sb t3, 0(s0)
        bnez a0, 1b
        mv a0, s0
        call puts
        lw ra, 0(sp)
        lw s0, 4(sp)
        addi sp, sp, 32
        ret

#define HEX_DIGITS 8
#define NIBBLE_BITS 4
#define NIBBLE_MASK 0xf
put_hex:
        addi sp, sp, -16
        sw ra, 0(sp)
        sw s0, 4(sp)
        sw s1, 8(sp)
        mv s0, a0
        li s1, HEX_DIGITS
        la a0, msg_0x
        call puts
1:      srli a0, s0, 32 - NIBBLE_BITS
        slli s0, s0, NIBBLE_BITS
        la t0, hex_digits
        add t0, t0, a0
        lbu a0, 0(t0)
        call putc
        addi s1, s1, -1
        bnez s1, 1b
        lw ra, 0(sp)
        lw s0, 4(sp)
        lw s1, 8(sp)
        addi sp, sp, 16
        ret

        .section .rodata
hex_digits:     .ascii "0123456789abcdef"
msg_0x:         .asciz "0x"
msg_hello:
        .ascii "\n"
        .ascii "Hello from trapeze!\n"
        .ascii "This program runs on a simulated RV32IMA computer, starting in machine mode.\n"
        .asciz "안녕하세요! 시뮬레이션된 RISC-V 컴퓨터에서 실행 중입니다.\n\n"
msg_primes1:    .asciz "Counting primes below "
msg_primes2:    .asciz " with a sieve... "
msg_primes3:    .asciz " primes.\n\n"
msg_to_user:    .asciz "M-mode: dropping to user mode with mret.\n"
msg_user:       .asciz "U-mode: hello! I may not touch machine CSRs, so I ask M-mode to print this.\n"
msg_user_after: .asciz "U-mode: my forbidden csrr was skipped; I am still running.\n"
msg_trap_ecall: .asciz "  [trap] ecall from U-mode (mcause 8), M-mode prints for it:\n  "
msg_trap_illegal1: .asciz "  [trap] illegal instruction (mcause 2): U-mode tried instruction "
msg_trap_illegal2: .asciz " (csrr a1, mstatus) at pc "
msg_trap_illegal3: .asciz ";\n         M-mode refuses it and skips it.\n"
msg_trap_done:  .asciz "  [trap] ecall from U-mode: the user part is done, back to M-mode.\n\n"
msg_bye:        .asciz "M-mode: all done. Goodbye! (exit status 0 through the test finisher)\n"
msg_unexpected: .asciz "unexpected trap, mcause "

        .bss
        .align 4
sieve:  .space SIEVE_LIMIT
        .align 4
stack:  .space STACK_SIZE
stack_top:
