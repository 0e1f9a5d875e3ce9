/*
 * vmmcost.c — what one VMM exit costs, for `make bench` (docs/benchmarks.md).
 *
 *   vmmcost [--rv32 DIR] [--per-guest] [SCENARIO.json]
 *
 * Boots a scenario (the built-in default one when none is named) on the
 * machine library, listens to the run with machine/vmm_cost.h, and prints,
 * for each kind of exit from a guest into the VMM (emulated CSR access,
 * hidden shadow fault, world switch, ...), how many there were and the p10,
 * median and p90 of their VMM instructions and cycles, trap to return. All
 * figures are simulated, so they are identical on every run and every host.
 *
 * Output, one record a line, `key=value` fields, for bench/run-bench to read:
 *   run scenario=NAME status=exited exit_code=0 instructions=N cycles=N
 *   exit guest=all kind=csr count=N ins_p10=N ins_median=N ins_p90=N
 *        cyc_p10=N cyc_median=N cyc_p90=N cyc_total=N
 *   (with --per-guest, the same `exit` records for each guest=NAME too)
 *
 * Exit status: 0 when the scenario ran to its end; 1 when it could not be
 * loaded or did not finish; 2 on a usage error.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../machine/abi/trapeze_abi.h"
#include "../machine/machine.h"
#include "../machine/scenario.h"
#include "../machine/vmm_cost.h"

#define DEFAULT_RV32_DIR "build/rv32"
#define RV32_SUBDIR "/rv32"
#define MAX_RUN_INSTRUCTIONS 4000000000ull   /* a scenario longer than this is a hang */
#define HOST_SLICE_CYCLES 1000000u            /* results never depend on it */
#define ERR_MAX 1024

static void usage(FILE *f)
{
    fprintf(f, "usage: vmmcost [--rv32 DIR] [--per-guest] [SCENARIO.json]\n"
               "  Runs SCENARIO (default: the built-in default scenario) and prints the\n"
               "  cost of each kind of VMM exit in VMM instructions and simulated cycles.\n"
               "  --rv32 DIR    where the RISC-V images are (default: $BUILD/rv32, else build/rv32)\n"
               "  --per-guest   also break the figures down by guest\n");
}

static void print_kinds(const struct vmm_cost *vc, uint32_t guest, const char *guest_name)
{
    for (unsigned k = 0; k < VMM_EXIT__COUNT; k++) {
        struct vmm_cost_summary s;
        if (vmm_cost_summarize(vc, (enum vmm_exit_kind)k, guest, &s) != 0) {
            fprintf(stderr, "vmmcost: out of memory summarizing the exits\n");
            exit(1);
        }
        if (s.count == 0)
            continue;
        printf("exit guest=%s kind=%s count=%" PRIu64
               " ins_p10=%" PRIu64 " ins_median=%" PRIu64 " ins_p90=%" PRIu64
               " cyc_p10=%" PRIu64 " cyc_median=%" PRIu64 " cyc_p90=%" PRIu64
               " cyc_total=%" PRIu64 "\n",
               guest_name, vmm_exit_kind_name((enum vmm_exit_kind)k), s.count,
               s.instructions[VMM_COST_P10], s.instructions[VMM_COST_MEDIAN],
               s.instructions[VMM_COST_P90], s.cycles[VMM_COST_P10],
               s.cycles[VMM_COST_MEDIAN], s.cycles[VMM_COST_P90], s.total_cycles);
    }
}

static const char *status_name(enum machine_status st)
{
    switch (st) {
    case MACHINE_EXITED:      return "exited";
    case MACHINE_INSN_LIMIT:  return "instruction_limit";
    case MACHINE_CYCLE_LIMIT: return "cycle_limit";
    case MACHINE_DEADLOCK:    return "deadlock";
    default:                  return "running";
    }
}

int main(int argc, char **argv)
{
    char rv32[SCENARIO_PATH_MAX], err[ERR_MAX];
    const char *scen_path = NULL, *build = getenv("BUILD");
    int per_guest = 0;

    if (build && build[0])
        snprintf(rv32, sizeof rv32, "%s%s", build, RV32_SUBDIR);
    else
        snprintf(rv32, sizeof rv32, "%s", DEFAULT_RV32_DIR);
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--rv32") && i + 1 < argc) {
            snprintf(rv32, sizeof rv32, "%s", argv[++i]);
        } else if (!strcmp(argv[i], "--per-guest")) {
            per_guest = 1;
        } else if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help")) {
            usage(stdout);
            return 0;
        } else if (argv[i][0] == '-' || scen_path) {
            fprintf(stderr, "vmmcost: unexpected argument '%s'\n", argv[i]);
            usage(stderr);
            return 2;
        } else {
            scen_path = argv[i];
        }
    }

    /* struct scenario is large: keep it off the stack. */
    struct scenario *s = calloc(1, sizeof *s);
    if (!s) {
        fprintf(stderr, "vmmcost: out of memory\n");
        return 1;
    }
    int rc = scen_path ? scenario_load(scen_path, rv32, s, err, sizeof err)
                       : scenario_load_default(rv32, s, err, sizeof err);
    if (rc != 0) {
        fprintf(stderr, "vmmcost: %s\n", err);
        free(s);
        return 1;
    }
    struct machine_config cfg = { .max_instructions = MAX_RUN_INSTRUCTIONS };
    struct machine *m = scenario_start(s, &cfg, err, sizeof err);
    if (!m) {
        fprintf(stderr, "vmmcost: %s\n", err);
        free(s);
        return 1;
    }
    struct vmm_cost vc;
    vmm_cost_init(&vc, m, s->profile.trap_entry);
    if (machine_subscribe(m, vmm_cost_listener, &vc) < 0) {
        fprintf(stderr, "vmmcost: cannot listen to the machine's events\n");
        machine_destroy(m);
        free(s);
        return 1;
    }
    enum machine_status st;
    while ((st = machine_run(m, HOST_SLICE_CYCLES)) == MACHINE_RUNNING)
        ;
    struct machine_counters c;
    machine_get_counters(m, &c);
    printf("run scenario=%s status=%s exit_code=%d instructions=%" PRIu64 " cycles=%" PRIu64
           " exits=%zu\n",
           s->name[0] ? s->name : s->file, status_name(st),
           st == MACHINE_EXITED ? machine_exit_code(m) : -1, c.instret, c.cycles, vc.nsamples);
    print_kinds(&vc, VMM_COST_ALL_GUESTS, "all");
    if (per_guest)
        for (unsigned g = 0; g < s->nguests; g++)
            print_kinds(&vc, g, s->guest[g].name);

    int ok = st == MACHINE_EXITED && !vc.out_of_memory;
    if (st != MACHINE_EXITED)
        fprintf(stderr, "vmmcost: %s did not finish (%s: %s)\n", s->file, status_name(st),
                machine_exit_reason(m));
    if (vc.out_of_memory)
        fprintf(stderr, "vmmcost: out of memory recording exits: the figures are incomplete\n");
    vmm_cost_free(&vc);
    machine_destroy(m);
    free(s);
    return ok ? 0 : 1;
}
