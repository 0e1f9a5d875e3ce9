/*
 * trap.h — the trap frame every guest kernel sees, and the hook it implements.
 *
 * trap.S saves the interrupted context (all 31 registers plus sepc, sstatus,
 * scause, stval) in a struct trap_frame on the kernel stack and calls
 * kernel_trap(frame). Whatever frame kernel_trap returns is the context that
 * resumes: the same one (return from a fault or interrupt, perhaps with sepc
 * moved on), or another process's (a context switch is just "return into a
 * different frame"). Frames of U-mode contexts sit at the top of their own
 * kernel stack; trap.S points sscratch there when it returns to U-mode.
 *
 * The offsets are written once here and used by both C and assembly
 * (trapframe.h holds the assembler steps that fill and empty a frame).
 */
#ifndef GUEST_TRAP_H
#define GUEST_TRAP_H

#include "regfile.h"

#define TF_REG(n)    REGFILE_X(n)    /* x1..x31; slot 0 is unused */
#define TF_SEPC      128
#define TF_SSTATUS   132
#define TF_SCAUSE    136
#define TF_STVAL     140
#define TF_SIZE      144             /* multiple of 16: keeps sp aligned */

#ifndef __ASSEMBLER__
#include <stdint.h>

struct trap_frame {
    uint32_t x[32];                  /* x[n] = register xn */
    uint32_t sepc, sstatus, scause, stval;
};
_Static_assert(__builtin_offsetof(struct trap_frame, x[31]) == TF_REG(31), "TF_REG");
_Static_assert(__builtin_offsetof(struct trap_frame, sepc) == TF_SEPC, "TF_SEPC");
_Static_assert(__builtin_offsetof(struct trap_frame, sstatus) == TF_SSTATUS, "TF_SSTATUS");
_Static_assert(__builtin_offsetof(struct trap_frame, scause) == TF_SCAUSE, "TF_SCAUSE");
_Static_assert(__builtin_offsetof(struct trap_frame, stval) == TF_STVAL, "TF_STVAL");
_Static_assert(sizeof(struct trap_frame) == TF_SIZE, "TF_SIZE");

/* Register numbers of the calling convention, for reading frames. */
enum { REG_RA = 1, REG_SP = 2, REG_A0 = 10, REG_A1, REG_A2, REG_A3,
       REG_A4, REG_A5, REG_A6, REG_A7 };

/* Implemented by each kernel (a weak default panics with the cause). */
struct trap_frame *kernel_trap(struct trap_frame *tf);

/* trap.S: the stvec target, and "restore this frame and sret" (never returns). */
void trap_entry(void);
__attribute__((noreturn)) void trap_exit(struct trap_frame *tf);

/* Human-readable name of an scause value ("load page fault", ...). */
const char *trap_cause_name(uint32_t scause);
int trap_is_interrupt(uint32_t scause);
uint32_t trap_code(uint32_t scause);    /* scause without the interrupt bit */

#define INSN_BYTES 4u                   /* no compressed instructions (RV32IMA) */
#endif

#endif
