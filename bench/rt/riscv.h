/*
 * riscv.h — architectural constants the bench workloads need, usable from
 * both C and assembly (plain #defines only).
 *
 * Sources: RISC-V privileged spec (riscv-isa-manual src/machine.adoc,
 * src/supervisor.adoc).
 */
#ifndef BENCH_RISCV_H
#define BENCH_RISCV_H

/* mstatus.MPP: privilege to return to on MRET ("Machine Status Register"). */
#define MSTATUS_MPP_SHIFT   11
#define MSTATUS_MPP_MASK    (3 << MSTATUS_MPP_SHIFT)
#define MSTATUS_MPP_U       (0 << MSTATUS_MPP_SHIFT)

/* mcause exception codes ("Machine Cause Register", table of values). */
#define CAUSE_ECALL_FROM_U  8

/* Sv32 ("Sv32: Page-Based 32-bit Virtual-Memory Systems"). */
#define SATP_MODE_SV32      0x80000000
#define PAGE_SHIFT          12
#define PAGE_SIZE_BYTES     (1 << PAGE_SHIFT)
#define SV32_VPN_BITS       10
#define SV32_ENTRIES        (1 << SV32_VPN_BITS)
#define SV32_VPN1_SHIFT     22
#define PTE_PPN_SHIFT       10
#define PTE_V               0x001
#define PTE_R               0x002
#define PTE_W               0x004
#define PTE_X               0x008
#define PTE_U               0x010
#define PTE_A               0x040
#define PTE_D               0x080

/* Service numbers the U-mode parts of the workloads pass in a7 to ECALL. */
#define BENCH_CALL_COUNT    1   /* trap workload: one counted round trip, a0 = value */
#define BENCH_CALL_EXIT     2   /* finish: a0 = checksum of the U-mode work */

#endif /* BENCH_RISCV_H */
