/*
 * riscv.h — the RV32 privileged-architecture bits the firmware and the guest
 * kernels use: CSR fields, trap causes, Sv32 page-table entries, PMP.
 *
 * The constants themselves are machine/abi/riscv_bits.h, named once for the
 * simulator, the VMM, the guests and the tests alike; this header adds the
 * PMP address helpers only the firmware needs. Only constants live here (no
 * code), so assembly files can include it too.
 */
#ifndef GUEST_RISCV_H
#define GUEST_RISCV_H

#if !defined(__riscv) || __riscv_xlen != 32
#error "guests/lib/riscv.h is for RV32 code built with the cross compiler"
#endif

#include "riscv_bits.h"

/* ---- PMP addresses (machine.adoc "Physical Memory Protection") ---------- */
/* pmpaddr for a NAPOT region: address bits 33:2, low bits (size/8 - 1). */
#define PMP_NAPOT_ADDR(base, size) (((base) >> PMP_ADDR_SHIFT) | (((size) >> 3) - 1u))
#define PMP_ADDR_ALL     0xFFFFFFFFu      /* NAPOT covering the whole 34-bit space */

#endif /* GUEST_RISCV_H */
