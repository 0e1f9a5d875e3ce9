/*
 * vmm_cost.h — what one VMM exit costs, measured by *listening* to a run.
 *
 * Trap-and-emulate means: the guest executes something it may not (a CSR
 * access, SRET, a page fault on a page the shadow table does not map yet, a
 * timer tick that ends its slice), the hart traps from U-mode into the VMM in
 * M-mode, the VMM does the work in RISC-V code, and MRET returns into a guest.
 * That round trip is one "exit". This module times each exit from the trap
 * event to the MRET event in simulated units only:
 *
 *   - VMM instructions: instructions retired in between (all in M-mode, the
 *     MRET included);
 *   - cycles: simulated cycles in between, plus the hardware's trap-entry cost
 *     (the profile's trap_entry), minus any cycles the VMM slept in WFI (idle
 *     time is not work). The machine charges trap_entry to M-mode, the side
 *     that takes the trap, just before it stamps the trap event, so the
 *     counters read at the event already hold it: "in between" excludes it
 *     and it is added here exactly once. The exit's cycles are then the
 *     VMM's own M-mode cycles for that exit (test_machine.c checks this).
 *
 * Each exit is classified by what the VMM reported through the trace port in
 * between (vmm_exit_classify below). The host never looks inside the VMM: the
 * same figures come out of every run of the same scenario, on every host, so
 * `make bench` prints them and tests/unit/test_scenario.c holds the emulated
 * CSR access to its target.
 */
#ifndef TRAPEZE_VMM_COST_H
#define TRAPEZE_VMM_COST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "machine.h"

enum vmm_exit_kind {
    VMM_EXIT_OTHER = 0,     /* the VMM reported nothing that names the exit */
    VMM_EXIT_INJECT,        /* only reflected a trap/interrupt into the guest */
    VMM_EXIT_CSR,           /* emulated CSR access */
    VMM_EXIT_SRET,          /* emulated SRET */
    VMM_EXIT_SFENCE,        /* emulated SFENCE.VMA */
    VMM_EXIT_WFI,           /* emulated WFI */
    VMM_EXIT_EMUL_OTHER,    /* another emulated instruction */
    VMM_EXIT_SHADOW_FILL,   /* hidden shadow fault: shadow PTE filled, guest never knew */
    VMM_EXIT_SBI,           /* SBI call from the guest kernel */
    VMM_EXIT_HYPERCALL,     /* paravirtual hypercall */
    VMM_EXIT_MMIO,          /* emulated device access */
    VMM_EXIT_WORLD_SWITCH,  /* the exit ended in another guest (slice end) */
    VMM_EXIT_GUEST_END,     /* a guest exited or was stopped during the exit */
    VMM_EXIT__COUNT
};

/*
 * One step of the classifier: the kind of the exit so far, updated by one
 * trace-port report (`trace_code` = enum tz_trace_code, `arg0` its first
 * argument). The rules, and why:
 *   - a guest's end dominates everything (its cost is teardown, not service);
 *   - then a guest switch (the slice ended: the exit pays for saving one
 *     world and loading another, whatever else it did first);
 *   - otherwise the first service the VMM reports names the exit (emulated
 *     instruction, shadow fill, SBI call, hypercall, MMIO); what follows it
 *     (a shadow flush after a satp write, a pending virtual interrupt
 *     injected on the way out) is part of that service's cost;
 *   - an exit that only injected something into the guest is INJECT.
 */
enum vmm_exit_kind vmm_exit_classify(enum vmm_exit_kind so_far, uint32_t trace_code,
                                     uint32_t arg0);

/* Short machine-readable name ("csr", "shadow_fill", ...) and a phrase. */
const char *vmm_exit_kind_name(enum vmm_exit_kind kind);
const char *vmm_exit_kind_description(enum vmm_exit_kind kind);

struct vmm_exit_sample {
    uint8_t kind;            /* enum vmm_exit_kind */
    uint16_t guest;          /* guest that trapped (TZ_GUEST_NONE if unknown) */
    uint32_t instructions;   /* VMM instructions, trap to return */
    uint64_t cycles;         /* cycles, trap entry to return, idle excluded */
};

struct vmm_cost {
    struct machine *m;
    uint32_t trap_entry_cycles;
    /* the exit in progress */
    bool in_exit;
    enum vmm_exit_kind kind;
    uint16_t guest;
    uint64_t start_instret, start_cycles, idle_cycles;
    /* every completed exit, in order */
    struct vmm_exit_sample *samples;
    size_t nsamples, cap;
    bool out_of_memory;      /* a sample could not be stored: figures incomplete */
};

/*
 * Start measuring `m` (not yet running): `trap_entry_cycles` is the cost
 * profile's trap_entry. Then machine_subscribe(m, vmm_cost_listener, vc).
 */
void vmm_cost_init(struct vmm_cost *vc, struct machine *m, uint32_t trap_entry_cycles);
void vmm_cost_listener(void *ctx, const struct machine_event *ev);
void vmm_cost_free(struct vmm_cost *vc);

#define VMM_COST_ALL_GUESTS 0xFFFFFFFFu

/* Order statistics of one exit kind: index 0 = p10, 1 = median, 2 = p90. */
enum { VMM_COST_P10, VMM_COST_MEDIAN, VMM_COST_P90, VMM_COST__NQ };

struct vmm_cost_summary {
    uint64_t count;
    uint64_t instructions[VMM_COST__NQ];
    uint64_t cycles[VMM_COST__NQ];
    uint64_t total_cycles;
};

/*
 * Summarize the exits of `kind` taken by `guest` (or VMM_COST_ALL_GUESTS).
 * Percentiles are the lower nearest rank: the value at index
 * floor(p * (n - 1) / 100) of the sorted samples, so the median of an even
 * count is the lower middle one and every figure is a measured exit.
 * 0, or -1 when out of memory (out zeroed). count == 0 leaves figures at 0.
 */
int vmm_cost_summarize(const struct vmm_cost *vc, enum vmm_exit_kind kind, uint32_t guest,
                       struct vmm_cost_summary *out);

/* The percentile rule above on sorted values (n > 0). */
uint64_t vmm_cost_percentile(const uint64_t *sorted, size_t n, unsigned p);

#endif
