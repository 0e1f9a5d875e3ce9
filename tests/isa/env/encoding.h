/*
 * encoding.h — names for the architectural constants the ISA test programs use.
 *
 * The test programs are assembly; they must never spell a CSR field, a trap
 * cause or a PTE bit as a bare number. The architectural values come from
 * machine/abi/riscv_bits.h, the header the simulator itself is built with
 * (RISC-V Privileged Architecture, riscv-isa-manual src/machine.adoc and
 * src/supervisor.adoc); what is left here is what these tests expect of the
 * hart they run on. CSR *numbers* are not here: the assembler knows the CSR
 * names (mstatus, satp, pmpaddr0, ...).
 *
 * Only the preprocessor may read this file (it is included by .S files).
 */
#ifndef TZ_ISA_ENCODING_H
#define TZ_ISA_ENCODING_H

#include "riscv_bits.h"

/* The fields of the hart the tests expect (RV32 with S and U, no F or V):
 * mstatus fields that are writable, and the mip bits M-mode software may
 * write (machine.adoc, "Machine Interrupt Registers": SSIP, STIP and SEIP);
 * every interrupt of MIP_ALL has its enable bit in mie. */
#define MSTATUS_CORE (MSTATUS_SIE | MSTATUS_MIE | MSTATUS_SPIE | MSTATUS_MPIE | \
                      MSTATUS_SPP | MSTATUS_MPP | MSTATUS_MPRV | MSTATUS_SUM |  \
                      MSTATUS_MXR | MSTATUS_TVM | MSTATUS_TW | MSTATUS_TSR)
#define MIP_M_WRITABLE (MIP_SSIP | MIP_STIP | MIP_SEIP)

/* ---- PMP configurations the tests write ---------------------------------- */
#define PMP_RWX   (PMPCFG_R | PMPCFG_W | PMPCFG_X)
#define PMP_CFG_SHIFT1 8            /* pmpcfg0 byte of entry 1 */
#define PMP_CFG_SHIFT2 16           /* pmpcfg0 byte of entry 2 */
#define PMP_NAPOT_4K_BITS 0x1ff     /* pmpaddr low ones for a 4 KiB NAPOT region */

#endif /* TZ_ISA_ENCODING_H */
