/*
 * disasm.h — render a decoded instruction as assembly text.
 *
 * Output follows the GNU assembler's operand order with ABI register names
 * and ", " separators: "addi a0, sp, 16", "lw a0, 8(sp)",
 * "csrrw zero, mstatus, t0", "beq a0, a1, 0x80000010" (branch and jump
 * targets are printed as absolute addresses computed from pc).
 */
#ifndef TRAPEZE_DISASM_H
#define TRAPEZE_DISASM_H

#include <stddef.h>
#include <stdint.h>

#include "decode.h"

/* ABI name of integer register 0..31 ("zero", "ra", "sp", ...). */
const char *reg_abi_name(unsigned reg);

/* Write the text of `in` (located at `pc`) into buf; returns the length the
 * full text needs (like snprintf). */
int disasm(const struct insn *in, uint32_t pc, char *buf, size_t len);

/* Decode and disassemble a word in one call. */
int disasm_word(uint32_t word, uint32_t pc, char *buf, size_t len);

#endif
