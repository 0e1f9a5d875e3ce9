/*
 * syscall.h — the system-call interface between the tasks kernel and its
 * U-mode processes: ECALL with the call number in a7, arguments in a0..a2,
 * the result in a0 (negative = error). The same convention as Linux on
 * RISC-V, reduced to four calls.
 */
#ifndef TASKS_SYSCALL_H
#define TASKS_SYSCALL_H

#include <stdint.h>

#define SYS_WRITE   1    /* a0 = buffer, a1 = length  -> bytes written */
#define SYS_YIELD   2    /* give up the CPU           -> 0 */
#define SYS_GETPID  3    /*                           -> process id */
#define SYS_EXIT    4    /* a0 = status; never returns */

#define SYS_ERR_BADADDR (-14)   /* buffer not readable by the caller */
#define SYS_ERR_NOSYS   (-38)   /* unknown call number */

/* Where every process finds its private data page and stack (virtual). */
#define USER_DATA_VA    0x40000000u
#define USER_STACK_VA   0x40001000u
#define USER_STACK_TOP  0x40002000u

/*
 * The private data page starts with this header. The kernel counts, in the
 * page of each process, how often the timer took the CPU away from it (like
 * a field of a vDSO page: the process reads it without a system call).
 */
struct private_data {
    uint32_t owner;          /* written by the process: its pid */
    uint32_t counter;        /* the process's own scratch */
    uint32_t preemptions;    /* written by the kernel */
};

/* The kernel's first word in memory: out of bounds for every process. */
#define KERNEL_PROBE_VA 0x80200000u

#endif
