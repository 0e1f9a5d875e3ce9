/*
 * compare.h — run one guest kernel natively, fully virtualized,
 * paravirtualized and emulated, and compare what each run cost.
 *
 * Each run is an ordinary machine: natively the SBI firmware boots the kernel
 * on the bare machine; otherwise a one-guest scenario boots the VMM, which
 * runs the kernel in the requested mode. The comparison only measures: the
 * cycles are the machine's, the guest/VMM split comes from the VMM's
 * trace-port reports (guest_stats.h), and the output check compares the bytes
 * the kernel printed in each run with its native output.
 *
 * Runs advance in slices (compare_step) so a GUI can drive several from its
 * main loop; the CLI simply steps each to the end.
 */
#ifndef TRAPEZE_COMPARE_H
#define TRAPEZE_COMPARE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "machine.h"

enum compare_mode { CMP_NATIVE = 0, CMP_FULL, CMP_PARA, CMP_EMULATED, CMP__COUNT };

struct guest_stats;

struct compare_run {
    enum compare_mode mode;
    bool available;            /* false: this mode cannot run; `why` says why */
    char why[512];
    bool done;
    enum machine_status status;
    int exit_code;             /* the kernel's own exit status */
    bool killed;               /* the VMM stopped the kernel (kill_reason says why) */
    uint32_t kill_reason;      /* enum tz_kill_reason */
    struct machine_counters counters;   /* valid once done */
    uint64_t guest_cycles;     /* cycles the kernel ran in S/U mode, sleep excluded */
    uint64_t vmm_cycles;       /* cycles the VMM worked for it (0 natively) */
    uint64_t vmm_exits;        /* traps from the guest into the VMM */
    const uint8_t *output;     /* what the kernel printed (valid until release) */
    size_t output_len;
    /* owned */
    struct machine *m;
    struct guest_stats *gs;
};

const char *compare_mode_name(enum compare_mode mode);

/*
 * Prepare a run of `kernel` (a kernel name such as "tasks", or a path to an
 * ELF) in `mode`. rv32_dir is the build's cross-compiled tree ("build/rv32").
 * Returns 0 with r->available set to whether the mode can run (if not, r->why
 * explains, e.g. "the VMM does not support emulated mode yet"); -1 with err
 * for bad input (no such kernel, unreadable file).
 */
int compare_prepare(struct compare_run *r, enum compare_mode mode, const char *kernel,
                    const char *rv32_dir, uint64_t max_instructions, char *err, size_t errlen);

/* Run up to `cycles` more; returns true once the run has ended. */
bool compare_step(struct compare_run *r, uint64_t cycles);

void compare_release(struct compare_run *r);

#endif
