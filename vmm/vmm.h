/*
 * vmm.h — what the VMM's files share: global state, the trace port, and the
 * functions each concern (one file each) offers the others.
 *
 *   entry.S    reset, trap entry/exit: saves guest registers into struct vcpu
 *   main.c     reads the boot-info block, builds the guests
 *   trap.c     the one dispatcher on mcause; return path into the guest
 *   decode.c   the small RV32 decoder for the instructions the VMM emulates
 *   emulate.c  CSR accesses, SRET, SFENCE.VMA, WFI against the vcpu
 *   shadow.c   guest page-table walks, shadow tables, A/D bits, flushes
 *   inject.c   delivering traps and interrupts into the guest kernel
 *   sbi.c      the SBI the guest kernel calls (console, timer, shutdown)
 *   vuart.c    the guest's virtual ns16550a UART and its console output
 *   sched.c    the real timer, round-robin slices, guest exit and kill
 *   hypercall.c paravirtual guests: hypercalls and the shared page (hypercall.h)
 *   interp.c   emulated guests: the VMM interprets their instructions
 *   softmmu.c  emulated guests: software address translation and its TLB
 *   lib/       freestanding memory and print helpers
 */
#ifndef VMM_VMM_H
#define VMM_VMM_H

#include <stddef.h>
#include <stdint.h>

#include "riscv.h"
#include "trapeze_abi.h"
#include "vcpu.h"

/* Shadow page-table pools start here, SHADOW_POOL_PAGES pages per guest
 * (vmm.ld checks the VMM image ends below it). */
#define VMM_POOL_BASE   (TZ_VMM_BASE + 0x00400000u)
_Static_assert(VMM_POOL_BASE + TZ_VMM_MAX_GUESTS * SHADOW_POOL_PAGES * 4096u <= TZ_VMM_BOOTINFO_ADDR,
               "shadow pools fit below the boot-info page");

/* ---- global state (main.c, sched.c) ------------------------------------- */
extern struct vcpu vcpus[TZ_VMM_MAX_GUESTS];
extern uint32_t nguests;
extern struct vcpu *cur;                 /* the guest running or being served */
extern const volatile struct tz_vmm_bootinfo *bootinfo;

/* ---- trace port: one store per argument, one to commit ------------------ */
#define TRACE_REG(off) (*(volatile uint32_t *)(uintptr_t)(TZ_TRACE_BASE + (off)))

static inline void trace1(uint32_t code, uint32_t a0)
{
    TRACE_REG(TZ_TRACE_ARG0) = a0;
    TRACE_REG(TZ_TRACE_EMIT) = code;
}
static inline void trace2(uint32_t code, uint32_t a0, uint32_t a1)
{
    TRACE_REG(TZ_TRACE_ARG0) = a0;
    TRACE_REG(TZ_TRACE_ARG1) = a1;
    TRACE_REG(TZ_TRACE_EMIT) = code;
}
static inline void trace3(uint32_t code, uint32_t a0, uint32_t a1, uint32_t a2)
{
    TRACE_REG(TZ_TRACE_ARG0) = a0;
    TRACE_REG(TZ_TRACE_ARG1) = a1;
    TRACE_REG(TZ_TRACE_ARG2) = a2;
    TRACE_REG(TZ_TRACE_EMIT) = code;
}
static inline void trace4(uint32_t code, uint32_t a0, uint32_t a1, uint32_t a2, uint32_t a3)
{
    TRACE_REG(TZ_TRACE_ARG0) = a0;
    TRACE_REG(TZ_TRACE_ARG1) = a1;
    TRACE_REG(TZ_TRACE_ARG2) = a2;
    TRACE_REG(TZ_TRACE_ARG3) = a3;
    TRACE_REG(TZ_TRACE_EMIT) = code;
}
/* Every following cycle is charged to this guest (TZ_GUEST_NONE: the VMM idles). */
static inline void trace_set_guest(uint32_t id)
{
    TRACE_REG(TZ_TRACE_GUEST) = id;
}

/* ---- entry.S ------------------------------------------------------------- */
void vmm_enter_guest(struct vcpu *v) __attribute__((noreturn));

/* ---- trap.c --------------------------------------------------------------- */
struct vcpu *vmm_trap(struct vcpu *v);
struct vcpu *vmm_resume(void);
void vmm_panic(uint32_t mcause, uint32_t mepc, uint32_t mtval) __attribute__((noreturn));

/* ---- decode.c -------------------------------------------------------------- */
enum mem_width { MEM_BYTE = 1, MEM_HALF = 2, MEM_WORD = 4 };
struct mem_insn {
    uint32_t store;      /* 1 store, 0 load */
    uint32_t width;      /* enum mem_width */
    uint32_t is_signed;  /* loads: sign-extend */
    uint32_t reg;        /* rd for loads, rs2 for stores */
};
/* 0 if insn is an RV32I load or store (fills *m), -1 otherwise. */
int decode_mem(uint32_t insn, struct mem_insn *m);
static inline uint32_t insn_rd(uint32_t insn)  { return (insn >> 7) & 0x1Fu; }
static inline uint32_t insn_rs1(uint32_t insn) { return (insn >> 15) & 0x1Fu; }
static inline uint32_t insn_rs2(uint32_t insn) { return (insn >> 20) & 0x1Fu; }
static inline uint32_t insn_funct3(uint32_t insn) { return (insn >> 12) & 0x7u; }
static inline uint32_t insn_csr(uint32_t insn) { return insn >> 20; }

/* ---- emulate.c ------------------------------------------------------------- */
void emulate_illegal(struct vcpu *v, uint32_t insn);

/* ---- inject.c -------------------------------------------------------------- */
void inject_exception(struct vcpu *v, uint32_t cause, uint32_t tval);
void inject_interrupt(struct vcpu *v, uint32_t pending);

/* ---- shadow.c -------------------------------------------------------------- */
enum access { ACC_FETCH = 0, ACC_LOAD = 1, ACC_STORE = 2 };
void shadow_init(struct vcpu *v);
void shadow_activate(struct vcpu *v);          /* real satp/scounteren/MXR for v */
void shadow_page_fault(struct vcpu *v, uint32_t cause, uint32_t va);
void shadow_flush_all(struct vcpu *v);
void shadow_flush_page(struct vcpu *v, uint32_t va);
void shadow_flush_asid(struct vcpu *v, uint32_t asid);
void shadow_satp_write(struct vcpu *v, uint32_t satp);
void shadow_status_write(struct vcpu *v, uint32_t old_sstatus);
int guest_fetch_insn(struct vcpu *v, uint32_t *insn);
/* One walk of the guest's own Sv32 table (priv spec §10.3.2) for the vcpu's
 * privilege, SUM and MXR, setting A/D: 0, or the fault cause to inject. */
struct xlate {
    uint32_t gpa;     /* guest-physical address of va */
    uint32_t pte;     /* the guest's leaf PTE (after A/D update) */
    uint32_t mega;    /* 1 if it is a megapage */
};
uint32_t guest_translate(struct vcpu *v, uint32_t va, uint32_t acc, struct xlate *t);
/* Guest-physical to machine-physical inside the partition; 0 if outside. */
int gpa_to_mpa(const struct vcpu *v, uint32_t gpa, uint32_t *mpa);

/* ---- sbi.c ----------------------------------------------------------------- */
void sbi_call(struct vcpu *v);

/* ---- vuart.c --------------------------------------------------------------- */
void vuart_mmio(struct vcpu *v, uint32_t gpa, uint32_t va, uint32_t cause);
void console_putc(struct vcpu *v, uint8_t c);
void console_flush(struct vcpu *v);

/* ---- sched.c --------------------------------------------------------------- */
uint64_t mtime_now(void);
void sched_start(void);
void sched_timer_interrupt(void);
/* Write the running guest's deadline to mtimecmp, at least a minimum guest
 * quantum from now: called last on the way back into a guest. */
void sched_arm_timer(void);
void sched_set_vtimer(struct vcpu *v, uint64_t when);
void sched_wfi(struct vcpu *v);
void guest_exit(struct vcpu *v, uint32_t code);
/* Stop v for `reason` (enum tz_kill_reason); cause/pc/tval: the guest's own
 * trap that led to it (trapeze_abi.h, TZ_EV_GUEST_KILL). */
void guest_kill(struct vcpu *v, uint32_t reason, uint32_t cause, uint32_t pc, uint32_t tval);

/* ---- lib/ ------------------------------------------------------------------- */
void *memset(void *d, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);
size_t strlen(const char *s);
void uart_putc(char c);
/* %s %c %d %u %x with an optional 0-padded width; integers are 32-bit. */
void vmm_printf(const char *fmt, ...);
void machine_finish(uint32_t code) __attribute__((noreturn));

#endif
