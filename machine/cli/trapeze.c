/*
 * trapeze.c — the `trapeze` command.
 *
 * A thin front end over the machine library (machine/machine.h): it parses
 * the command line, builds a machine, loads what it is told to load, runs it
 * in bounded slices, and reports what the machine measured. Like the
 * dashboard, it only observes: every figure it prints comes from the
 * machine's counters or event stream.
 *
 * Exit status: the program's own exit code when it finishes; 2 for bad usage
 * or bad input (a message on stderr names the file and the problem);
 * EXIT_LIMIT when an instruction or cycle limit ends the run; EXIT_DEADLOCK
 * when the hart sleeps with nothing that could ever wake it.
 */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "../abi/trapeze_abi.h"
#include "../compare.h"
#include "../cost.h"
#include "../export.h"
#include "../guest_stats.h"
#include "../machine.h"
#include "../paths.h"
#include "../usage.h"
#include "../scenario.h"

#define EXIT_USAGE 2
#define EXIT_LIMIT 124
#define EXIT_DEADLOCK 125

/* Default bounds: every run ends, even a program that never exits. */
#define DEFAULT_MAX_INSTRUCTIONS 20000000000ull
/* Cycles per machine_run call: the CLI's own slice, invisible to results. */
#define DEFAULT_SLICE_CYCLES 1000000ull

struct options {
    const char *program;       /* ELF to run (M-mode program, or firmware) */
    const char *kernel;        /* --kernel: S-mode kernel booted by the firmware */
    const char *firmware;      /* --firmware, default: next to the binary */
    const char *profile_path;
    const char *trace_path;
    const char *json_path;
    const char *events_path;
    const char *input;         /* --input STRING: bytes for the UART receiver */
    bool stats;
    bool count_events;
    bool scenario;             /* PROGRAM is a scenario, or none given: the default */
    bool quiet;
    uint64_t max_insns;
    uint64_t max_cycles;
    uint64_t slice;
    uint32_t ram_mib;
};

static const char *progname = "trapeze";

/* After a command-line mistake: where the whole usage is. */
static void try_help(FILE *out)
{
    fprintf(out, "Try '%s --help' for more information.\n", progname);
}

static const struct usage_info usage_info = { "trapeze", try_help, EXIT_USAGE };

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));
static void die(const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s: ", progname);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(EXIT_USAGE);
}

static void usage(FILE *out)
{
    fprintf(out,
"Usage: trapeze [run] [SCENARIO.json] [OPTIONS]\n"
"       trapeze run PROGRAM.elf [OPTIONS]\n"
"       trapeze run --kernel KERNEL.elf [--firmware FIRMWARE.elf] [OPTIONS]\n"
"       trapeze compare KERNEL [--json FILE]\n"
"       trapeze --help | --version\n"
"\n"
"trapeze simulates a RISC-V RV32IMA computer (M/S/U privilege, Sv32 paging)\n"
"that counts cycles with a cost model, so every run gives the same figures on\n"
"every host. The memory map follows QEMU's riscv32 'virt' board: RAM at\n"
"0x80000000, ns16550a UART at 0x10000000, CLINT at 0x02000000, SiFive test\n"
"finisher at 0x00100000. Programs end by writing the test finisher or, if the\n"
"ELF defines 'tohost', through the HTIF protocol of the RISC-V test suites.\n"
"\n"
"Commands:\n"
"  (none)               run the built-in default scenario: several guest\n"
"                       kernels side by side under the trap-and-emulate VMM\n"
"  run SCENARIO.json    run a scenario (docs/scenarios.md) and print a table\n"
"                       of what each guest cost\n"
"  run PROGRAM.elf      load the ELF, start it in M-mode at its entry point\n"
"  run --kernel K.elf   boot the SBI firmware (M-mode) and the S-mode kernel K\n"
"  compare KERNEL       run one guest kernel (a name such as 'tasks', or an ELF)\n"
"                       natively, fully virtualized, paravirtualized and\n"
"                       emulated, and compare cycles, VMM work and output\n"
"\n"
"Options:\n"
"  --kernel FILE        S-mode kernel to boot at 0x80200000 under the firmware\n"
"  --firmware FILE      SBI firmware for --kernel (default: the one built\n"
"                       with trapeze, build/rv32/guests/firmware/firmware.elf)\n"
"  --profile FILE       machine profile (JSON cost model; docs/cost-model.md)\n"
"  --ram MIB            RAM size in MiB (default: the profile's, 128)\n"
"  --max-instructions N stop after N instructions (default %" PRIu64 ")\n"
"  --max-cycles N       stop after N simulated cycles (default: no limit)\n"
"  --stats              print instructions, cycles, CPI, time per privilege\n"
"                       mode and traps by cause when the run ends\n"
"  --json FILE          write the same figures as JSON ('-' = standard output;\n"
"                       the program's output and tables then go to stderr)\n"
"  --trace FILE         write the event stream as Chrome/Perfetto trace JSON\n"
"                       (open it at ui.perfetto.dev)\n"
"  --events FILE        write every event as a line of text ('-' = stderr)\n"
"  --count-events       listen to the event stream and count the events\n"
"                       (measures the cost of an active listener)\n"
"  --input TEXT         bytes the UART receiver delivers to the program\n"
"  --slice N            cycles per host slice (results never depend on it)\n"
"  -q, --quiet          do not print the end-of-run line on stderr\n"
"  -h, --help           show this help\n"
"  --version            show the version\n"
"\n"
"Where output goes:\n"
"  standard output: what the program writes to the UART, the per-guest table\n"
"  and the comparison table; standard error: --stats, --events -, and the\n"
"  end-of-run line. Separate them with '> out.txt 2> err.txt'.\n"
"\n"
"Exit status:\n"
"  the program's exit code (0 = pass) when it finishes;\n"
"  %d  bad usage or bad input (unreadable ELF or profile: the message says why;\n"
"      a program may also exit with 2 itself: the end-of-run line tells which);\n"
"  %d  the instruction or cycle limit was reached;\n"
"  %d  the hart waits for an interrupt that can never come.\n"
"\n"
"Examples:\n"
"  trapeze\n"
"  trapeze run vmm/scenarios/default.json --trace run.json\n"
"  trapeze run build/rv32/tests/isa/demo/hello.elf --stats\n"
"  trapeze compare tasks\n"
"  trapeze run --kernel build/rv32/guests/hello/hello.elf --stats\n"
"  trapeze run prog.elf --trace run.json --json figures.json\n",
            (uint64_t)DEFAULT_MAX_INSTRUCTIONS, EXIT_USAGE, EXIT_LIMIT, EXIT_DEADLOCK);
}

static uint64_t parse_u64(const char *opt, const char *s, uint64_t min, uint64_t max)
{
    if (!s || !*s)
        usage_error(&usage_info, "%s needs a number", opt);
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 0);
    if (errno || *end || s[0] == '-' || v < min || v > max)
        usage_error(&usage_info, "%s: '%s' is not a number from %" PRIu64 " to %" PRIu64, opt, s,
                    min, max);
    return v;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && !strcmp(s + n - k, suffix);
}

static void parse_args(int argc, char **argv, struct options *o)
{
    memset(o, 0, sizeof *o);
    o->max_insns = DEFAULT_MAX_INSTRUCTIONS;
    o->slice = DEFAULT_SLICE_CYCLES;
    int i = 1;
    if (argc >= 2 && (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
                      !strcmp(argv[1], "help"))) {
        usage(stdout);
        exit(0);
    }
    if (argc >= 2 && !strcmp(argv[1], "--version")) {
        printf("trapeze %s\n", TRAPEZE_VERSION);
        exit(0);
    }
    /* `trapeze` alone, or `trapeze --stats ...`, runs the default scenario. */
    int first = 1;
    if (argc >= 2 && !strcmp(argv[1], "run"))
        first = 2;
    else if (argc >= 2 && argv[1][0] != '-')
        usage_error(&usage_info, "unknown command '%s'", argv[1]);
    for (i = first; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--kernel"))
            o->kernel = usage_need_arg(&usage_info, argc, argv, &i);
        else if (!strcmp(a, "--firmware"))
            o->firmware = usage_need_arg(&usage_info, argc, argv, &i);
        else if (!strcmp(a, "--profile"))
            o->profile_path = usage_need_arg(&usage_info, argc, argv, &i);
        else if (!strcmp(a, "--trace"))
            o->trace_path = usage_need_arg(&usage_info, argc, argv, &i);
        else if (!strcmp(a, "--json"))
            o->json_path = usage_need_arg(&usage_info, argc, argv, &i);
        else if (!strcmp(a, "--events"))
            o->events_path = usage_need_arg(&usage_info, argc, argv, &i);
        else if (!strcmp(a, "--input"))
            o->input = usage_need_arg(&usage_info, argc, argv, &i);
        else if (!strcmp(a, "--max-instructions"))
            o->max_insns = parse_u64(a, usage_need_arg(&usage_info, argc, argv, &i), 1, UINT64_MAX);
        else if (!strcmp(a, "--max-cycles"))
            o->max_cycles = parse_u64(a, usage_need_arg(&usage_info, argc, argv, &i), 1, UINT64_MAX);
        else if (!strcmp(a, "--slice"))
            o->slice = parse_u64(a, usage_need_arg(&usage_info, argc, argv, &i), 1, UINT64_MAX);
        else if (!strcmp(a, "--ram"))
            o->ram_mib = (uint32_t)parse_u64(a, usage_need_arg(&usage_info, argc, argv, &i), 1, 2048);
        else if (!strcmp(a, "--stats"))
            o->stats = true;
        else if (!strcmp(a, "--count-events"))
            o->count_events = true;
        else if (!strcmp(a, "-q") || !strcmp(a, "--quiet"))
            o->quiet = true;
        else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            exit(0);
        } else if (a[0] == '-' && a[1])
            usage_error(&usage_info, "unknown option '%s'", a);
        else if (!o->program)
            o->program = a;
        else
            usage_error(&usage_info, "unexpected argument '%s' (one program per run)", a);
    }
    if (o->kernel && o->program && o->firmware)
        usage_error(&usage_info, "give the firmware either as PROGRAM or with --firmware, not both");
    if (!o->kernel && !o->program)
        o->scenario = true;          /* the built-in default scenario */
    else if (!o->kernel && ends_with(o->program, ".json"))
        o->scenario = true;
    if (o->scenario && (o->kernel || o->firmware))
        usage_error(&usage_info, "--kernel and --firmware do not apply to a scenario");
}

/* ---- listeners ------------------------------------------------------------ */

static void count_listener(void *ctx, const struct machine_event *ev)
{
    (void)ev;
    (*(uint64_t *)ctx)++;
}

static int last_out_byte = '\n';

/* The program's UART bytes go to standard output (or to standard error when
 * --json - claims standard output for the figures). */
static void console_sink(void *ctx, uint8_t byte)
{
    fputc(byte, (FILE *)ctx);
    last_out_byte = byte;
}

/* ---- reporting ------------------------------------------------------------ */

static const char *status_text(enum machine_status st)
{
    switch (st) {
    case MACHINE_EXITED: return "exited";
    case MACHINE_INSN_LIMIT: return "instruction limit";
    case MACHINE_CYCLE_LIMIT: return "cycle limit";
    case MACHINE_DEADLOCK: return "deadlock";
    case MACHINE_RUNNING: return "running";
    }
    return "?";
}

/* "12,345,678" — grouping by hand keeps the output locale-independent. */
static const char *grouped(uint64_t v, char *buf, size_t len)
{
    char tmp[32];
    int n = snprintf(tmp, sizeof tmp, "%" PRIu64, v);
    size_t o = 0;
    for (int i = 0; i < n && o + 2 < len; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            buf[o++] = ',';
        buf[o++] = tmp[i];
    }
    buf[o] = '\0';
    return buf;
}

/* a/b as a percentage with one decimal, from integers: "12.3%". */
static const char *percent(uint64_t a, uint64_t b, char *buf, size_t len)
{
    if (!b) {
        snprintf(buf, len, "-");
        return buf;
    }
    uint64_t tenths = (a * 1000u + b / 2) / b;
    snprintf(buf, len, "%" PRIu64 ".%" PRIu64 "%%", tenths / 10, tenths % 10);
    return buf;
}

/* a/b with `dec` decimals from integers. */
static const char *ratio(uint64_t a, uint64_t b, int dec, char *buf, size_t len)
{
    if (!b) {
        snprintf(buf, len, "-");
        return buf;
    }
    uint64_t scale = 1;
    for (int i = 0; i < dec; i++)
        scale *= 10;
    uint64_t v = (a * scale + b / 2) / b;
    snprintf(buf, len, "%" PRIu64 ".%0*" PRIu64, v / scale, dec, v % scale);
    return buf;
}

static void print_stats(FILE *out, const struct machine_counters *c, const struct cost_profile *p)
{
    char b1[40], b2[40], b3[40], b4[40];
    /* simulated time in microseconds with 3 decimals */
    uint64_t ns = c->cycles / p->clock_hz * 1000000000ull +
                  c->cycles % p->clock_hz * 1000000000ull / p->clock_hz;
    fprintf(out, "\n== trapeze statistics ==========================================\n");
    fprintf(out, "  instructions   %16s\n", grouped(c->instret, b1, sizeof b1));
    fprintf(out, "  cycles         %16s\n", grouped(c->cycles, b1, sizeof b1));
    fprintf(out, "  CPI            %16s\n", ratio(c->cycles, c->instret, 3, b1, sizeof b1));
    fprintf(out, "  simulated time %13" PRIu64 ".%03" PRIu64 " us  (%s MHz clock, profile '%s')\n",
            ns / 1000, ns % 1000, ratio(p->clock_hz, 1000000, 0, b2, sizeof b2), p->name);
    fprintf(out, "\n  mode        cycles      share    instructions\n");
    static const enum priv order[] = { PRIV_M, PRIV_S, PRIV_U };
    for (size_t i = 0; i < 3; i++) {
        enum priv pv = order[i];
        fprintf(out, "  %-2s %16s %9s %15s\n", machine_priv_name(pv),
                grouped(c->priv_cycles[pv], b1, sizeof b1),
                percent(c->priv_cycles[pv], c->cycles, b2, sizeof b2),
                grouped(c->priv_instret[pv], b3, sizeof b3));
    }
    bool any = false;
    for (int k = 0; k < 2; k++) {
        const uint64_t *arr = k ? c->interrupts : c->exceptions;
        for (uint32_t i = 0; i < 32; i++) {
            if (!arr[i])
                continue;
            if (!any)
                fprintf(out, "\n  traps by cause                      count\n");
            any = true;
            fprintf(out, "  %-9s %-22s %9s\n", k ? "interrupt" : "exception",
                    machine_cause_name(i, k), grouped(arr[i], b1, sizeof b1));
        }
    }
    if (!any)
        fprintf(out, "\n  traps: none\n");
    fprintf(out, "\n  TLB hits %s, misses %s (%s hit rate), flushes %s, page walks %s\n",
            grouped(c->tlb_hits, b1, sizeof b1), grouped(c->tlb_misses, b2, sizeof b2),
            percent(c->tlb_hits, c->tlb_hits + c->tlb_misses, b3, sizeof b3),
            grouped(c->tlb_flushes, b4, sizeof b4), grouped(c->page_walks, b2, sizeof b2));
    fprintf(out, "  UART bytes sent %s\n", grouped(c->uart_tx_bytes, b1, sizeof b1));
    fprintf(out, "================================================================\n");
}

static cJSON *counters_json(const struct machine_counters *c, const struct cost_profile *p,
                            enum machine_status st, int exit_code, const char *reason,
                            uint64_t nevents, bool counted)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "status", status_text(st));
    if (st == MACHINE_EXITED)
        cJSON_AddNumberToObject(root, "exit_code", exit_code);
    cJSON_AddStringToObject(root, "reason", reason ? reason : "");
    cJSON_AddStringToObject(root, "profile", p->name);
    cJSON_AddNumberToObject(root, "clock_hz", (double)p->clock_hz);
    cJSON_AddNumberToObject(root, "instructions", (double)c->instret);
    cJSON_AddNumberToObject(root, "cycles", (double)c->cycles);
    cJSON *pm = cJSON_AddObjectToObject(root, "privilege");
    static const enum priv order[] = { PRIV_M, PRIV_S, PRIV_U };
    for (size_t i = 0; i < 3; i++) {
        cJSON *o = cJSON_AddObjectToObject(pm, machine_priv_name(order[i]));
        cJSON_AddNumberToObject(o, "cycles", (double)c->priv_cycles[order[i]]);
        cJSON_AddNumberToObject(o, "instructions", (double)c->priv_instret[order[i]]);
    }
    cJSON *ex = cJSON_AddObjectToObject(root, "exceptions");
    cJSON *in = cJSON_AddObjectToObject(root, "interrupts");
    for (uint32_t i = 0; i < 32; i++) {
        if (c->exceptions[i])
            cJSON_AddNumberToObject(ex, machine_cause_name(i, false), (double)c->exceptions[i]);
        if (c->interrupts[i])
            cJSON_AddNumberToObject(in, machine_cause_name(i, true), (double)c->interrupts[i]);
    }
    cJSON *tlb = cJSON_AddObjectToObject(root, "tlb");
    cJSON_AddNumberToObject(tlb, "hits", (double)c->tlb_hits);
    cJSON_AddNumberToObject(tlb, "misses", (double)c->tlb_misses);
    cJSON_AddNumberToObject(tlb, "flushes", (double)c->tlb_flushes);
    cJSON_AddNumberToObject(tlb, "page_walks", (double)c->page_walks);
    cJSON_AddNumberToObject(root, "uart_tx_bytes", (double)c->uart_tx_bytes);
    if (counted)
        cJSON_AddNumberToObject(root, "events", (double)nevents);
    return root;
}

/* Open an output file before the run, so a bad path fails at once rather
 * than after minutes of simulation. "-" is standard output. */
static FILE *open_output(const char *path)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "w") : stdout;
    if (!f)
        die("%s: cannot write: %s", path, strerror(errno));
    return f;
}

static void write_json(FILE *f, const char *path, cJSON *root)
{
    char *text = cJSON_Print(root);
    if (!text)
        die("%s: out of memory while formatting JSON", path);
    fprintf(f, "%s\n", text);
    if (f != stdout ? fclose(f) != 0 : fflush(f) != 0)
        die("%s: write failed: %s", path, strerror(errno));
    free(text);
}

/* "1 flush", "2 flushes". */
static const char *plural(uint64_t n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

/* ---- main ------------------------------------------------------------------ */

/* ---- trapeze compare ------------------------------------------------------- */

/* a/b as "1.234x" from integers. */
static const char *times(uint64_t a, uint64_t b, char *buf, size_t len)
{
    ratio(a, b, 3, buf, len > 1 ? len - 1 : len);
    strcat(buf, "x");
    return buf;
}

/* Per run of a comparison: ample for every kernel in the tree emulated
 * (tasks, the longest, takes about 3·10^8), and a kernel that never ends
 * is reported within seconds rather than minutes. */
#define COMPARE_MAX_INSTRUCTIONS 2000000000ull

static int run_compare(int argc, char **argv, const char *rv32_dir)
{
    const char *kernel = NULL, *json_path = NULL;
    uint64_t max_insns = COMPARE_MAX_INSTRUCTIONS;
    for (int i = 2; i < argc; i++) {
        if (!strcmp(argv[i], "--json"))
            json_path = usage_need_arg(&usage_info, argc, argv, &i);
        else if (!strcmp(argv[i], "--max-instructions"))
            max_insns = parse_u64(argv[i], usage_need_arg(&usage_info, argc, argv, &i), 1, UINT64_MAX);
        else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            usage(stdout);
            exit(0);
        } else if (argv[i][0] == '-')
            usage_error(&usage_info, "unknown option '%s' for compare", argv[i]);
        else if (!kernel)
            kernel = argv[i];
        else
            usage_error(&usage_info, "compare takes one kernel");
    }
    if (!kernel)
        usage_error(&usage_info, "compare needs a kernel: a name such as 'tasks', or an ELF path");
    if (!rv32_dir)
        die("cannot find the firmware, VMM and guest images next to %s: build them with 'make'",
            argv[0]);

    static struct compare_run runs[CMP__COUNT];
    char err[1024];
    FILE *json_file = json_path ? open_output(json_path) : NULL;
    FILE *out = json_file == stdout ? stderr : stdout;
    for (int mode = 0; mode < CMP__COUNT; mode++) {
        if (compare_prepare(&runs[mode], (enum compare_mode)mode, kernel, rv32_dir, max_insns, err,
                            sizeof err) != 0)
            die("%s", err);
        while (!compare_step(&runs[mode], DEFAULT_SLICE_CYCLES))
            ;
    }

    const struct compare_run *nat = &runs[CMP_NATIVE];
    char b1[40], b2[40], b3[40], b4[40], b5[40];
    fprintf(out, "\n== compare '%s': one kernel, four ways to run it ", kernel);
    for (size_t i = strlen(kernel); i < 30; i++)
        fputc('=', out);
    fprintf(out, "\n%-9s %15s %10s %15s %15s %10s  %s\n", "mode", "total cycles", "vs native",
           "guest cycles", "VMM cycles", "VMM exits", "result");
    int bad = 0;
    for (int mode = 0; mode < CMP__COUNT; mode++) {
        const struct compare_run *r = &runs[mode];
        if (!r->available) {
            fprintf(out, "%-9s %15s  not available: %s\n", compare_mode_name(r->mode), "-", r->why);
            continue;
        }
        char result[96];
        bool same = r->output_len == nat->output_len &&
                    !memcmp(r->output, nat->output, nat->output_len);
        if (r->status != MACHINE_EXITED)
            snprintf(result, sizeof result, "did not finish (%s)", status_text(r->status));
        else if (r->killed)
            snprintf(result, sizeof result, "stopped by the VMM: %s", kill_reason_name(r->kill_reason));
        else if (mode == CMP_NATIVE)
            snprintf(result, sizeof result, "exit %d", r->exit_code);
        else
            snprintf(result, sizeof result, "exit %d, output %s", r->exit_code,
                     same ? "identical to native" : "DIFFERS from native");
        if (r->status != MACHINE_EXITED || (mode != CMP_NATIVE && !same))
            bad = 1;
        fprintf(out, "%-9s %15s %10s %15s %15s %10s  %s\n", compare_mode_name(r->mode),
               grouped(r->counters.cycles, b1, sizeof b1),
               times(r->counters.cycles, nat->counters.cycles, b2, sizeof b2),
               grouped(r->guest_cycles, b3, sizeof b3),
               mode == CMP_NATIVE ? "-" : grouped(r->vmm_cycles, b4, sizeof b4),
               mode == CMP_NATIVE ? "-" : grouped(r->vmm_exits, b5, sizeof b5), result);
    }
    fprintf(out, "\ntotal cycles: from reset to shutdown, everything included (firmware or VMM\n"
           "  start-up, and time asleep waiting for the kernel's timer);\n"
           "guest cycles: the kernel itself running in S or U mode, sleep excluded;\n"
           "VMM cycles: the VMM working for it (natively there is no VMM);\n"
           "VMM exits: traps and interrupts that took the kernel out into the VMM.\n");

    if (json_path) {
        cJSON *root = cJSON_CreateObject();
        cJSON_AddStringToObject(root, "kernel", kernel);
        cJSON *arr = cJSON_AddArrayToObject(root, "modes");
        for (int mode = 0; mode < CMP__COUNT; mode++) {
            const struct compare_run *r = &runs[mode];
            cJSON *o = cJSON_CreateObject();
            cJSON_AddItemToArray(arr, o);
            cJSON_AddStringToObject(o, "mode", compare_mode_name(r->mode));
            cJSON_AddBoolToObject(o, "available", r->available);
            if (!r->available) {
                cJSON_AddStringToObject(o, "why", r->why);
                continue;
            }
            cJSON_AddStringToObject(o, "status", status_text(r->status));
            cJSON_AddNumberToObject(o, "exit_code", r->exit_code);
            if (r->killed)
                cJSON_AddStringToObject(o, "kill_reason", kill_reason_name(r->kill_reason));
            cJSON_AddNumberToObject(o, "cycles", (double)r->counters.cycles);
            cJSON_AddNumberToObject(o, "instructions", (double)r->counters.instret);
            cJSON_AddNumberToObject(o, "guest_cycles", (double)r->guest_cycles);
            cJSON_AddNumberToObject(o, "vmm_cycles", (double)r->vmm_cycles);
            cJSON_AddNumberToObject(o, "vmm_exits", (double)r->vmm_exits);
            cJSON_AddBoolToObject(o, "output_matches_native",
                                  r->output_len == nat->output_len &&
                                      !memcmp(r->output, nat->output, nat->output_len));
        }
        write_json(json_file, json_path, root);
        cJSON_Delete(root);
    }
    for (int mode = 0; mode < CMP__COUNT; mode++)
        compare_release(&runs[mode]);
    return bad ? 1 : 0;
}

/* Scenario state the reports need; static because struct scenario is large. */
static struct scenario scen;
static struct guest_stats gstats;

static const char *mode_name(uint32_t mode)
{
    switch (mode) {
    case TZ_GUEST_MODE_FULL: return "full";
    case TZ_GUEST_MODE_PARA: return "para";
    case TZ_GUEST_MODE_EMULATED: return "emulated";
    default: return "?";
    }
}

static const char *guest_status(const struct guest_stat *g, char *buf, size_t len)
{
    if (g->killed)
        snprintf(buf, len, "killed");
    else if (g->exited)
        snprintf(buf, len, "exit %" PRIu32, g->exit_code);
    else
        snprintf(buf, len, "running");
    return buf;
}

/* Cycles with no guest current (`none`), and the part of them the machine
 * spent asleep in WFI (`idle`, never more than `none`). */
static void no_guest_cycles(const struct machine_counters *c, const struct guest_stats *gs,
                            uint64_t *none, uint64_t *idle)
{
    *none = c->unattributed_cycles[PRIV_M] + c->unattributed_cycles[PRIV_S] +
            c->unattributed_cycles[PRIV_U];
    *idle = gs->idle_cycles[PRIV_M] + gs->idle_cycles[PRIV_S] + gs->idle_cycles[PRIV_U];
    if (*idle > *none)
        *idle = *none;
}

/* The per-guest table: everything in it was counted by listening. */
static void print_guest_table(FILE *out, const struct scenario *s, const struct guest_stats *gs,
                              const struct machine_counters *c)
{
    char b1[40], b2[40], b3[40], b4[40], b5[40], b6[40];
    int w = 10;   /* the name column fits the longest guest name */
    for (unsigned i = 0; i < s->nguests; i++)
        if ((int)strlen(s->guest[i].name) > w)
            w = (int)strlen(s->guest[i].name);
    fprintf(out, "\n== guests (scenario '%s') ", s->name);
    for (size_t i = strlen(s->name); i < 40; i++)
        fputc('=', out);
    fprintf(out, "\n%-*s %-8s %-8s %14s %14s %7s %14s %8s\n", w, "guest", "mode", "status",
            "guest cycles", "VMM cycles", "share", "instructions", "UART");
    for (unsigned i = 0; i < s->nguests; i++) {
        const struct guest_stat *g = &gs->g[i];
        uint64_t run = c->guest_cycles[i][PRIV_U] + c->guest_cycles[i][PRIV_S];
        uint64_t vmm = c->guest_cycles[i][PRIV_M];
        uint64_t insns = c->guest_instret[i][PRIV_U] + c->guest_instret[i][PRIV_S];
        fprintf(out, "%-*s %-8s %-8s %14s %14s %7s %14s %8s\n", w, s->guest[i].name,
                mode_name(s->guest[i].mode), guest_status(g, b1, sizeof b1),
                grouped(run, b2, sizeof b2), grouped(vmm, b3, sizeof b3),
                percent(run + vmm, c->cycles, b4, sizeof b4), grouped(insns, b5, sizeof b5),
                grouped(g->console_bytes, b6, sizeof b6));
    }
    /* Cycles with no guest current: the VMM on its own (boot, scheduling)
     * and the machine asleep in the VMM's idle loop, shown apart so idle
     * time is never mistaken for virtualization overhead. */
    uint64_t none, idle;
    no_guest_cycles(c, gs, &none, &idle);
    fprintf(out, "%-*s %-8s %-8s %14s %14s %7s\n", w, "(vmm)", "", "", "",
            grouped(none - idle, b1, sizeof b1), percent(none - idle, c->cycles, b2, sizeof b2));
    fprintf(out, "%-*s %-8s %-8s %14s %14s %7s\n", w, "(idle)", "", "", "",
            grouped(idle, b1, sizeof b1), percent(idle, c->cycles, b2, sizeof b2));
    fprintf(out, "%-*s %-8s %-8s %14s\n", w, "total", "", "", grouped(c->cycles, b1, sizeof b1));

    for (unsigned i = 0; i < s->nguests; i++) {
        const struct guest_stat *g = &gs->g[i];
        fprintf(out, "\n  %s:", s->guest[i].name);
        if (g->killed)
            fprintf(out, " killed by the VMM (%s)", kill_reason_name(g->kill_reason));
        fprintf(out, "\n    traps into the VMM:");
        bool any = false;
        for (int k = 0; k < 2; k++)
            for (uint32_t code = 0; code < 32; code++) {
                uint64_t n = k ? g->interrupts[code] : g->traps[code];
                if (!n)
                    continue;
                fprintf(out, "%s %s %s", any ? "," : "", machine_cause_name(code, k),
                        grouped(n, b1, sizeof b1));
                any = true;
            }
        fprintf(out, "%s\n    emulated:", any ? "" : " none");
        for (uint32_t k = 0; k < TZ_EMUL__COUNT; k++)
            fprintf(out, "%s %s %s", k ? "," : "", emul_kind_name(k),
                    grouped(g->emulated[k], b1, sizeof b1));
        fprintf(out, "; SBI calls %s; hypercalls %s\n", grouped(g->sbi_calls, b1, sizeof b1),
                grouped(g->hypercalls, b2, sizeof b2));
        fprintf(out, "    shadow faults: %s hidden, %s passed on to the guest (its own page"
                     " %s); %s shadow %s; %" PRIu32 " shadow page-table %s\n",
                grouped(g->shadow_fills, b1, sizeof b1), grouped(g->injected_faults, b2, sizeof b2),
                plural(g->injected_faults, "fault", "faults"),
                grouped(g->shadow_flushes, b3, sizeof b3),
                plural(g->shadow_flushes, "flush", "flushes"), g->shadow_pages,
                plural(g->shadow_pages, "page", "pages"));
        fprintf(out, "    traps injected into the guest: %s (system calls, interrupts, faults)\n",
                grouped(g->injected, b4, sizeof b4));
        fprintf(out, "    world switches to it %s, emulated MMIO accesses %s\n",
                grouped(g->world_switches, b1, sizeof b1), grouped(g->mmio, b2, sizeof b2));
        if (s->guest[i].mode == TZ_GUEST_MODE_EMULATED)
            fprintf(out, "    interpreted by the VMM: %s guest instructions, %s software-TLB misses\n",
                    grouped(g->interpreted, b1, sizeof b1), grouped(g->softtlb_misses, b2, sizeof b2));
    }
    fprintf(out, "=================================================================================\n");
}

static void add_guests_json(cJSON *root, const struct scenario *s, const struct guest_stats *gs,
                            const struct machine_counters *c)
{
    cJSON_AddStringToObject(root, "scenario", s->name);
    cJSON *arr = cJSON_AddArrayToObject(root, "guests");
    for (unsigned i = 0; i < s->nguests; i++) {
        const struct guest_stat *g = &gs->g[i];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddItemToArray(arr, o);
        cJSON_AddStringToObject(o, "name", s->guest[i].name);
        cJSON_AddStringToObject(o, "mode", mode_name(s->guest[i].mode));
        cJSON_AddStringToObject(o, "status", g->killed ? "killed" : g->exited ? "exited" : "running");
        if (g->exited)
            cJSON_AddNumberToObject(o, "exit_code", g->exit_code);
        if (g->killed)
            cJSON_AddStringToObject(o, "kill_reason", kill_reason_name(g->kill_reason));
        cJSON_AddNumberToObject(o, "guest_cycles",
                                (double)(c->guest_cycles[i][PRIV_U] + c->guest_cycles[i][PRIV_S]));
        cJSON_AddNumberToObject(o, "vmm_cycles", (double)c->guest_cycles[i][PRIV_M]);
        /* share of the machine in tenths of a percent, as the table rounds it */
        uint64_t mine = c->guest_cycles[i][PRIV_U] + c->guest_cycles[i][PRIV_S] +
                        c->guest_cycles[i][PRIV_M];
        cJSON_AddNumberToObject(o, "share_permille",
                                c->cycles ? (double)((mine * 1000u + c->cycles / 2) / c->cycles) : 0);
        cJSON_AddNumberToObject(o, "guest_instructions",
                                (double)(c->guest_instret[i][PRIV_U] + c->guest_instret[i][PRIV_S]));
        cJSON_AddNumberToObject(o, "vmm_instructions", (double)c->guest_instret[i][PRIV_M]);
        cJSON *tr = cJSON_AddObjectToObject(o, "traps");
        for (uint32_t code = 0; code < 32; code++) {
            if (g->traps[code])
                cJSON_AddNumberToObject(tr, machine_cause_name(code, false), (double)g->traps[code]);
            if (g->interrupts[code])
                cJSON_AddNumberToObject(tr, machine_cause_name(code, true),
                                        (double)g->interrupts[code]);
        }
        cJSON *em = cJSON_AddObjectToObject(o, "emulated");
        for (uint32_t k = 0; k < TZ_EMUL__COUNT; k++)
            cJSON_AddNumberToObject(em, emul_kind_name(k), (double)g->emulated[k]);
        cJSON_AddNumberToObject(o, "sbi_calls", (double)g->sbi_calls);
        cJSON_AddNumberToObject(o, "hypercalls", (double)g->hypercalls);
        cJSON_AddNumberToObject(o, "shadow_fills_hidden", (double)g->shadow_fills);
        cJSON_AddNumberToObject(o, "injected", (double)g->injected);
        cJSON_AddNumberToObject(o, "injected_page_faults", (double)g->injected_faults);
        cJSON_AddNumberToObject(o, "shadow_flushes", (double)g->shadow_flushes);
        cJSON_AddNumberToObject(o, "shadow_pages", g->shadow_pages);
        cJSON_AddNumberToObject(o, "world_switches", (double)g->world_switches);
        cJSON_AddNumberToObject(o, "mmio", (double)g->mmio);
        cJSON_AddNumberToObject(o, "uart_bytes", (double)g->console_bytes);
        cJSON_AddNumberToObject(o, "interpreted_instructions", (double)g->interpreted);
        cJSON_AddNumberToObject(o, "softtlb_misses", (double)g->softtlb_misses);
    }
    uint64_t none, idle;
    no_guest_cycles(c, gs, &none, &idle);
    /* unattributed = no guest current; idle is the part spent asleep in WFI */
    cJSON_AddNumberToObject(root, "unattributed_cycles", (double)none);
    cJSON_AddNumberToObject(root, "idle_cycles", (double)idle);
}

int main(int argc, char **argv)
{
    struct options o;
    char err[1024];
    char dirbuf[4096], fwbuf[4200];

    /* The cross-compiled images built alongside this binary (paths.h). */
    const char *rv32_dir = paths_find_rv32_dir(argv[0], dirbuf, sizeof dirbuf);
    if (argc >= 2 && !strcmp(argv[1], "compare"))
        return run_compare(argc, argv, rv32_dir);
    parse_args(argc, argv, &o);

    struct cost_profile profile;
    if (o.scenario) {
        if (!rv32_dir)
            die("cannot find the VMM and guest images next to %s: build them with 'make'", argv[0]);
        int rc = o.program ? scenario_load(o.program, rv32_dir, &scen, err, sizeof err)
                           : scenario_load_default(rv32_dir, &scen, err, sizeof err);
        if (rc != 0)
            die("%s", err);
        profile = scen.profile;
    }
    if (o.profile_path) {
        if (cost_profile_load(o.profile_path, &profile, err, sizeof err) != 0)
            die("%s", err);
    } else if (!o.scenario) {
        cost_profile_default(&profile);
    }

    if (o.scenario && o.input)
        die("--input is not available for scenarios: the VMM's virtual UART has no input yet");
    /* Outputs are opened before the run: a bad path fails now, not later. */
    FILE *json_file = o.json_path ? open_output(o.json_path) : NULL;
    FILE *out = json_file == stdout ? stderr : stdout;

    struct machine_config cfg = {
        .ram_size = o.ram_mib ? o.ram_mib * 1024u * 1024u : 0,
        .profile = &profile,
        .max_instructions = o.max_insns,
        .max_cycles = o.max_cycles,
        .uart_sink = console_sink,
        .uart_sink_ctx = out,
    };
    struct machine *m = o.scenario ? scenario_start(&scen, &cfg, err, sizeof err)
                                   : machine_create(&cfg, err, sizeof err);
    if (!m)
        die("%s", err);

    if (o.scenario) {
        if (machine_subscribe(m, guest_stats_listener, &gstats) < 0)
            die("too many event listeners");
    } else {
        const char *boot = o.program;
        if (o.kernel && !boot) {
            if (o.firmware)
                boot = o.firmware;
            else if (rv32_dir && paths_firmware(rv32_dir, fwbuf, sizeof fwbuf) == 0)
                boot = fwbuf;
            else
                die("--kernel needs the SBI firmware: build it with 'make' or pass --firmware FILE");
        }
        if (o.kernel) {
            if (machine_boot_kernel(m, boot, o.kernel, err, sizeof err) != 0)
                die("%s", err);
        } else {
            struct machine_load_info info;
            if (machine_load_elf(m, boot, 0, &info, err, sizeof err) != 0)
                die("%s", err);
            machine_set_pc(m, info.entry);
        }
    }
    if (o.input)
        machine_uart_input(m, o.input, strlen(o.input));

    FILE *trace_file = NULL, *events_file = NULL;
    struct chrome_trace *trace = NULL;
    uint64_t nevents = 0;
    if (o.trace_path) {
        trace_file = fopen(o.trace_path, "w");
        if (!trace_file)
            die("%s: cannot write: %s", o.trace_path, strerror(errno));
        const char *names[MACHINE_MAX_GUESTS] = { 0 };
        unsigned n = o.scenario ? scen.nguests : 0;
        for (unsigned g = 0; g < n && g < MACHINE_MAX_GUESTS; g++)
            names[g] = scen.guest[g].name;
        trace = chrome_trace_begin(trace_file, profile.clock_hz, profile.trap_entry, names, n);
        if (!trace || machine_subscribe(m, chrome_trace_listener, trace) < 0)
            die("%s: cannot start the trace", o.trace_path);
    }
    if (o.events_path) {
        events_file = strcmp(o.events_path, "-") ? fopen(o.events_path, "w") : stderr;
        if (!events_file)
            die("%s: cannot write: %s", o.events_path, strerror(errno));
        if (machine_subscribe(m, text_log_listener, events_file) < 0)
            die("too many event listeners");
    }
    if (o.count_events && machine_subscribe(m, count_listener, &nevents) < 0)
        die("too many event listeners");

    enum machine_status st;
    do
        st = machine_run(m, o.slice);
    while (st == MACHINE_RUNNING);
    /* On a terminal, end the program's last line before our own messages
     * (a pipe or file gets the program's bytes unchanged). */
    if (last_out_byte != '\n' && isatty(fileno(out)))
        fputc('\n', out);
    fflush(out);

    struct machine_counters c;
    machine_get_counters(m, &c);
    if (trace && chrome_trace_end(trace, c.cycles) != 0)
        die("%s: write failed", o.trace_path);
    if (trace_file && fclose(trace_file) != 0)
        die("%s: write failed: %s", o.trace_path, strerror(errno));
    if (events_file && events_file != stderr && fclose(events_file) != 0)
        die("%s: write failed: %s", o.events_path, strerror(errno));

    int code = 0;
    const char *reason = NULL;
    char b1[40];
    switch (st) {
    case MACHINE_EXITED:
        code = machine_exit_code(m);
        reason = machine_exit_reason(m);
        if (!o.quiet)
            fprintf(stderr, "trapeze: program exited with code %d (%s) after %s instructions\n",
                    code, reason, grouped(c.instret, b1, sizeof b1));
        break;
    case MACHINE_INSN_LIMIT:
    case MACHINE_CYCLE_LIMIT: {
        bool insn = st == MACHINE_INSN_LIMIT;
        reason = insn ? "instruction limit reached" : "cycle limit reached";
        fprintf(stderr, "trapeze: stopped: %s limit of %" PRIu64 " reached at pc 0x%08" PRIx32
                        " (raise it with --max-%s)\n",
                insn ? "instruction" : "cycle", insn ? o.max_insns : o.max_cycles, machine_pc(m),
                insn ? "instructions" : "cycles");
        code = EXIT_LIMIT;
        break;
    }
    case MACHINE_DEADLOCK:
        reason = "deadlock: wfi with no interrupt that could wake the hart";
        fprintf(stderr, "trapeze: stopped: the hart executed WFI at pc 0x%08" PRIx32
                        " with no interrupt enabled that could ever wake it\n",
                machine_pc(m));
        code = EXIT_DEADLOCK;
        break;
    case MACHINE_RUNNING:
        break;
    }
    if (o.stats)
        print_stats(stderr, &c, &profile);
    if (o.scenario)
        print_guest_table(out, &scen, &gstats, &c);
    if (o.count_events && !o.quiet)
        fprintf(stderr, "trapeze: %" PRIu64 " events delivered to the listener\n", nevents);
    if (o.json_path) {
        cJSON *root = counters_json(&c, &profile, st, code, reason, nevents, o.count_events);
        if (o.scenario)
            add_guests_json(root, &scen, &gstats, &c);
        write_json(json_file, o.json_path, root);
        cJSON_Delete(root);
    }
    machine_destroy(m);
    return code & 0xff;
}
