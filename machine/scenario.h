/*
 * scenario.h — a run of several guest kernels under the VMM, described in JSON.
 *
 * A scenario names the guests (kernel ELF, memory size, virtualization mode,
 * time slice), the machine profile and the VMM image. scenario_load reads and
 * checks one (format: docs/scenarios.md); scenario_boot puts it into a fresh
 * machine: the VMM image at TZ_VMM_BASE, each guest kernel into its own RAM
 * partition, the boot-info block (struct tz_vmm_bootinfo, trapeze_abi.h) the
 * VMM reads, and the pc at the VMM's entry. That is all the host does — every
 * bit of virtualization happens in the VMM's RISC-V code on the machine.
 *
 * Paths inside a scenario are relative to the scenario file's directory;
 * "kernel": "NAME" means the guest built with trapeze,
 * <rv32_dir>/guests/NAME/NAME.elf (or the VMM's test kernel
 * <rv32_dir>/vmm/tests/NAME.elf), and the VMM defaults to
 * <rv32_dir>/vmm/vmm.elf (rv32_dir is e.g. "build/rv32").
 */
#ifndef TRAPEZE_SCENARIO_H
#define TRAPEZE_SCENARIO_H

#include <stddef.h>
#include <stdint.h>

#include "abi/trapeze_abi.h"
#include "cost.h"

#define SCENARIO_PATH_MAX 1024
#define SCENARIO_DEFAULT_MEMORY_MIB 8u       /* what native firmware gives a kernel */
#define SCENARIO_DEFAULT_SLICE_US 1000u
#define SCENARIO_MAX_SLICE_US 1000000u
/*
 * The shortest time slice a scenario may ask for, in cycles of the profile's
 * clock. Switching from one guest to another costs the VMM about 640 cycles
 * on the default profile (`build/bench/vmmcost`, kind=world_switch: median
 * 639, p90 741 in the default scenario); a slice not well above that spends
 * more of the machine on switching than on the guests. 1000 cycles is 10 us
 * at the default 100 MHz.
 * (The VMM still makes progress with any slice: vmm/sched.c.)
 */
#define SCENARIO_MIN_SLICE_CYCLES 1000u
/* A guest name the console already uses for the VMM's own lines ("[vmm] "). */
#define SCENARIO_RESERVED_NAME "vmm"

struct scenario_guest {
    char name[TZ_GUEST_NAME_MAX];
    char elf[SCENARIO_PATH_MAX];   /* resolved path of the kernel ELF */
    uint32_t mode;                 /* enum tz_guest_mode */
    uint32_t mem_size;             /* partition bytes */
    uint32_t part_base;            /* machine-physical, chosen or given */
    uint32_t slice_us;
    uint32_t slice_ticks;          /* slice_us in mtime ticks of the profile */
};

struct scenario {
    char file[SCENARIO_PATH_MAX];  /* where it came from (for messages) */
    char name[64];
    char description[512];
    char vmm_elf[SCENARIO_PATH_MAX];
    char profile_path[SCENARIO_PATH_MAX];  /* "" = built-in default profile */
    struct cost_profile profile;   /* the machine to create for this scenario */
    uint32_t ram_size;             /* machine RAM the scenario needs, bytes */
    uint32_t watchdog_slices;
    unsigned nguests;
    struct scenario_guest guest[TZ_VMM_MAX_GUESTS];
};

/* Read and check a scenario file. 0, or -1 with err = "FILE: path: problem". */
int scenario_load(const char *path, const char *rv32_dir, struct scenario *out,
                  char *err, size_t errlen);

/* Same from text; `name` is used in messages, `base_dir` resolves paths. */
int scenario_parse(const char *name, const char *text, size_t len, const char *base_dir,
                   const char *rv32_dir, struct scenario *out, char *err, size_t errlen);

/* The built-in default scenario (identical to vmm/scenarios/default.json). */
extern const char scenario_default_json[];
int scenario_load_default(const char *rv32_dir, struct scenario *out, char *err, size_t errlen);

/* SCENARIO_MIN_SLICE_CYCLES in microseconds of the profile's clock, rounded up. */
uint32_t scenario_min_slice_us(const struct cost_profile *p);

/* Fill the boot-info block the VMM will read (no machine needed; tests use it). */
void scenario_bootinfo(const struct scenario *s, struct tz_vmm_bootinfo *bi);

/*
 * Load the VMM and every guest into `m` (created with at least s->ram_size
 * bytes of RAM), write the boot-info block and point the pc at the VMM.
 * 0, or -1 with err naming the file and the problem.
 */
struct machine;
struct machine_config;
int scenario_boot(const struct scenario *s, struct machine *m, char *err, size_t errlen);

/*
 * Create a machine for the scenario and boot it: what every front end does
 * with a scenario (CLI, dashboard, comparisons, benchmarks, tests). `base`
 * (may be NULL) supplies the rest of the configuration (limits, UART sink);
 * its profile defaults to the scenario's, and its RAM (or the profile's) is
 * raised to what the scenario needs. NULL, with err, on failure.
 */
struct machine *scenario_start(const struct scenario *s, const struct machine_config *base,
                               char *err, size_t errlen);

#endif
