/*
 * decode.c — the VMM's decoder for the one instruction class it must
 * understand besides SYSTEM: loads and stores that hit an emulated device.
 *
 * SYSTEM instructions (CSR accesses, SRET, WFI, SFENCE.VMA) are decoded
 * inline in emulate.c with the field helpers in vmm.h — they are the hot path.
 * A UART access only tells the VMM *where* (mtval) and *what kind* (mcause);
 * to emulate it the VMM reads the instruction and needs its width, signedness
 * and register (unpriv spec, "RV32I Base Integer Instruction Set", Load and
 * Store Instructions):
 *
 *   LOAD  opcode 0000011: funct3 0 LB, 1 LH, 2 LW, 4 LBU, 5 LHU; rd = [11:7]
 *   STORE opcode 0100011: funct3 0 SB, 1 SH, 2 SW;            rs2 = [24:20]
 */
#include "vmm.h"

#define F3_BYTE   0u
#define F3_HALF   1u
#define F3_WORD   2u
#define F3_BYTE_U 4u
#define F3_HALF_U 5u

int decode_mem(uint32_t insn, struct mem_insn *m)
{
    uint32_t f3 = insn_funct3(insn);
    switch (insn & OPCODE_MASK) {
    case OPCODE_LOAD:
        m->store = 0;
        m->reg = insn_rd(insn);
        switch (f3) {
        case F3_BYTE:   m->width = MEM_BYTE; m->is_signed = 1; return 0;
        case F3_HALF:   m->width = MEM_HALF; m->is_signed = 1; return 0;
        case F3_WORD:   m->width = MEM_WORD; m->is_signed = 0; return 0;
        case F3_BYTE_U: m->width = MEM_BYTE; m->is_signed = 0; return 0;
        case F3_HALF_U: m->width = MEM_HALF; m->is_signed = 0; return 0;
        default: return -1;
        }
    case OPCODE_STORE:
        m->store = 1;
        m->is_signed = 0;
        m->reg = insn_rs2(insn);
        switch (f3) {
        case F3_BYTE: m->width = MEM_BYTE; return 0;
        case F3_HALF: m->width = MEM_HALF; return 0;
        case F3_WORD: m->width = MEM_WORD; return 0;
        default: return -1;
        }
    default:
        return -1;   /* AMOs and everything else: not a device access we emulate */
    }
}
