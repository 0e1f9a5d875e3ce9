/*
 * guest_stats.h — per-guest figures gathered by *listening* to a run.
 *
 * The VMM (RISC-V code on the simulated machine) reports each of its actions
 * through the trace port; the machine turns those writes into EV_TRACE events
 * and attributes cycles to the current guest. This module only counts what it
 * hears — it never looks inside the VMM's memory and does no virtualization
 * work itself. The CLI's per-guest table and the dashboard read it.
 */
#ifndef TRAPEZE_GUEST_STATS_H
#define TRAPEZE_GUEST_STATS_H

#include <stdbool.h>
#include <stdint.h>

#include "abi/trapeze_abi.h"
#include "machine.h"

#define GUEST_CONSOLE_MAX (64u * 1024u)

struct guest_stat {
    uint64_t traps[32];               /* real machine traps taken while this guest ran, by cause */
    uint64_t interrupts[32];          /* real interrupts taken while this guest ran */
    uint64_t emulated[TZ_EMUL__COUNT];/* privileged instructions emulated, by kind */
    uint64_t sbi_calls, hypercalls;
    uint64_t shadow_fills;            /* hidden faults: the guest never saw them */
    uint64_t injected;                /* traps/interrupts injected into the guest */
    uint64_t injected_faults;         /* ... of which page faults the guest's own tables caused */
    uint64_t shadow_flushes;
    uint64_t mmio;                    /* emulated device accesses */
    uint64_t world_switches;          /* times the VMM switched *to* this guest */
    uint32_t shadow_pages;            /* latest shadow page-table pages in use */
    uint64_t console_bytes;
    uint64_t interpreted;             /* emulated mode: guest instructions the VMM interpreted */
    uint64_t softtlb_misses;          /* emulated mode: misses of the VMM's software TLB */
    bool exited, killed;
    uint32_t exit_code;
    uint32_t kill_reason;             /* enum tz_kill_reason */
    uint64_t end_cycle;
    /* The guest's console output as the VMM reported it (TZ_EV_CONSOLE). */
    char console[GUEST_CONSOLE_MAX];
    uint32_t console_len;
};

struct guest_stats {
    unsigned nguests;                 /* highest guest id seen + 1 */
    /* Cycles the hart slept in WFI with no guest current, by privilege: the
     * VMM's idle loop (or, natively, the kernel waiting for its timer). */
    uint64_t idle_cycles[4];
    struct guest_stat g[MACHINE_MAX_GUESTS];
};

/* Listener: pass a zeroed struct guest_stats as ctx to machine_subscribe. */
void guest_stats_listener(void *ctx, const struct machine_event *ev);

const char *kill_reason_name(uint32_t reason);
const char *emul_kind_name(uint32_t kind);

#endif
