/*
 * fw_frame.h — the register frame the firmware's trap entry saves.
 *
 * Shared by entry.S (which stores x1..x31 at REGFILE_X(n), regfile.h) and firmware.c (which reads
 * the SBI arguments a0..a7 from it and writes the results back).
 */
#ifndef FW_FRAME_H
#define FW_FRAME_H

#include "regfile.h"

#define FW_FRAME_SIZE REGFILE_X(32)  /* 32 words; slot 0 (x0) unused */

#ifndef __ASSEMBLER__
#include <stdint.h>

struct fw_frame {
    uint32_t x[32];         /* x[n] = register xn at the trap */
};
_Static_assert(sizeof(struct fw_frame) == FW_FRAME_SIZE, "fw_frame layout matches entry.S");
_Static_assert(__builtin_offsetof(struct fw_frame, x[31]) == REGFILE_X(31), "x[n] at REGFILE_X(n)");

/* ABI register numbers (RISC-V calling convention). */
enum { REG_A0 = 10, REG_A1, REG_A2, REG_A3, REG_A4, REG_A5, REG_A6, REG_A7 };
#endif

#endif
