/*
 * test_scenario.c — scenarios, and the VMM they boot, end to end.
 *
 * Part one checks the host side: scenario files are parsed and refused with
 * messages that name the file, the JSON path and the problem; partitions are
 * laid out and checked; the boot-info block says what the scenario says.
 *
 * Part two boots real scenarios on the machine and checks the VMM from the
 * outside, by listening only (as the CLI does):
 *   - every guest kernel prints under the VMM exactly what it prints natively
 *     (tests/integration/expected/<guest>.out);
 *   - vmmcheck, a guest that probes the privileged architecture, sees the
 *     same thing natively and virtualized (CSRs, traps, interrupts, Sv32);
 *   - misbehaving guests are stopped with the right reason while a good one
 *     finishes, and the kill names the guest's own trap, on the console and
 *     in the event, in the words of the CLI's table;
 *   - however short the slice, every guest makes progress (a one-tick slice
 *     and the shortest slice a scenario may give both finish);
 *   - the event stream and counters are identical however the host slices
 *     the run;
 *   - an emulated CSR access costs at most 150 VMM instructions (median),
 *     measured by machine/vmm_cost.h as `make bench` measures it.
 *
 * The RISC-V images come from $BUILD/rv32 (built by `make`).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../machine/abi/riscv_bits.h"
#include "../../machine/abi/trapeze_abi.h"
#include "../../machine/guest_stats.h"
#include "../../machine/machine.h"
#include "../../machine/scenario.h"
#include "../../machine/vmm_cost.h"

#define MAX_RUN_INSNS 400000000ull
#define CSR_COST_TARGET 150u
#define SMALL_HOST_SLICE 997u
#define LARGE_HOST_SLICE 10000003u
#define DEFAULT_HOST_SLICE 1000000u
/* What the containment kernels (vmm/tests/kernels) do, and the traps it
 * raises (priv spec §3.1.15, mcause). */
#define WILD_ADDRESS 0x90000000u            /* wild.S: OUTSIDE */
#define FAULTLOOP_ADDRESS 0x80300001u       /* faultloop.S: the misaligned load */
#define TEST_KERNEL_TEXT_MAX 0x1000u        /* each is far smaller than a page */
/* The VMM's minimum guest quantum (256 cycles) at about one cycle per
 * instruction, less the register restore it also covers. */
#define MIN_INSNS_PER_TINY_SLICE 50u

static char rv32[512];
static char err[1024];

static void path_in_rv32(char *out, size_t n, const char *rel)
{
    snprintf(out, n, "%s/%s", rv32, rel);
}

static int setup(void **state)
{
    (void)state;
    const char *b = getenv("BUILD");
    snprintf(rv32, sizeof rv32, "%s/rv32", b && b[0] ? b : "build");
    return 0;
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *buf = malloc((size_t)n + 1);
    if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    if (buf) {
        buf[n] = 0;
        *len = (size_t)n;
    }
    return buf;
}

/* ---- part one: parsing and layout ------------------------------------------ */

static int parse(const char *json, struct scenario *s)
{
    err[0] = 0;
    return scenario_parse("t.json", json, strlen(json), ".", rv32, s, err, sizeof err);
}

static void test_default_matches_file(void **state)
{
    (void)state;
    size_t len;
    char *text = read_file("vmm/scenarios/default.json", &len);
    assert_non_null(text);
    assert_string_equal(text, scenario_default_json);
    free(text);
}

static void test_default_layout(void **state)
{
    (void)state;
    struct scenario s;
    int rc = scenario_load_default(rv32, &s, err, sizeof err);
    if (rc)
        fail_msg("%s", err);
    assert_true(s.nguests >= 3);
    struct tz_vmm_bootinfo bi;
    scenario_bootinfo(&s, &bi);
    assert_int_equal(bi.magic, TZ_VMM_BOOTINFO_MAGIC);
    assert_int_equal(bi.nguests, s.nguests);
    assert_int_equal(bi.timebase_hz, s.profile.timebase_hz);
    for (unsigned i = 0; i < s.nguests; i++) {
        assert_int_equal(bi.guest[i].part_base, TZ_PART_BASE + i * SCENARIO_DEFAULT_MEMORY_MIB * 1048576u);
        assert_int_equal(bi.guest[i].part_size, SCENARIO_DEFAULT_MEMORY_MIB * 1048576u);
        assert_int_equal(bi.guest[i].mode, TZ_GUEST_MODE_FULL);
        /* 1000 us at the profile's timebase */
        assert_int_equal(bi.guest[i].slice_ticks, s.profile.timebase_hz / 1000u);
        assert_string_equal(bi.guest[i].name, s.guest[i].name);
    }
    assert_string_equal(s.guest[0].name, "tasks");
}

static void test_explicit_fields(void **state)
{
    (void)state;
    struct scenario s;
    int rc = parse("{\"slice_us\": 500, \"watchdog_slices\": 7, \"guests\": ["
                   "{\"kernel\": \"hello\", \"name\": \"h1\", \"memory_mib\": 4, \"slice_us\": 2000},"
                   "{\"kernel\": \"hello\", \"name\": \"h2\", \"base\": \"0x82000000\"}]}", &s);
    if (rc)
        fail_msg("%s", err);
    assert_int_equal(s.guest[0].mem_size, 4u << 20);
    assert_int_equal(s.guest[0].slice_ticks, s.profile.timebase_hz / 500u);
    assert_int_equal(s.guest[1].slice_ticks, s.profile.timebase_hz / 2000u);
    assert_int_equal(s.guest[1].part_base, 0x82000000u);
    /* the guest without "base" goes after the highest explicit partition */
    assert_int_equal(s.guest[0].part_base, 0x82800000u);
    assert_int_equal(s.watchdog_slices, 7);
}

struct bad_case {
    const char *json;
    const char *message;   /* must appear in the error */
};

static void test_bad_scenarios(void **state)
{
    (void)state;
    static const struct bad_case cases[] = {
        { "{\"guests\": [{\"kernel\": \"hello\"}], \"slices\": 3}", "t.json: " },
        { "{\"guests\": [{\"kernel\": \"hello\"}], \"slices\": 3}", "slices" },
        { "{\"guests\": [{\"kernel\": \"hello\", \"colour\": 1}]}", "guests[0]" },
        { "{\"name\": \"x\"}", "missing key \"guests\"" },
        { "{\"guests\": []}", "no guests" },
        { "{\"guests\": {}}", "expected an array" },
        { "{\"guests\": [{\"kernel\": \"hello\"},{\"kernel\": \"hello\", \"name\": \"b\"},"
          "{\"kernel\": \"hello\", \"name\": \"c\"},{\"kernel\": \"hello\", \"name\": \"d\"},"
          "{\"kernel\": \"hello\", \"name\": \"e\"},{\"kernel\": \"hello\", \"name\": \"f\"},"
          "{\"kernel\": \"hello\", \"name\": \"g\"},{\"kernel\": \"hello\", \"name\": \"h\"},"
          "{\"kernel\": \"hello\", \"name\": \"i\"}]}", "too many guests: 9" },
        { "{\"guests\": [{\"kernel\": \"no-such-guest\"}]}", "cannot open" },
        { "{\"guests\": [{\"elf\": \"missing/file.elf\"}]}", "guests[0].elf: cannot open 'missing/file.elf'" },
        { "{\"guests\": [{\"kernel\": \"hello\", \"elf\": \"x.elf\"}]}", "exactly one of" },
        { "{\"guests\": [{\"name\": \"x\"}]}", "exactly one of" },
        { "{\"guests\": [{\"kernel\": \"hello\"},{\"kernel\": \"hello\"}]}", "already the name of guests[0]" },
        { "{\"guests\": [{\"kernel\": \"hello\", \"name\": \"a b\"}]}", "guests[0].name" },
        { "{\"guests\": [{\"kernel\": \"hello\", \"memory_mib\": 200}]}", "guests[0].memory_mib" },
        { "{\"guests\": [{\"kernel\": \"hello\", \"memory_mib\": 2}]}", "guests[0].memory_mib" },
        { "{\"guests\": [{\"kernel\": \"garbage\", \"mode\": \"para\"}]}", "has no paravirtual build" },
        { "{\"guests\": [{\"kernel\": \"hello\", \"mode\": \"turbo\"}]}", "expected \"full\"" },
        { "{\"guests\": [{\"kernel\": \"hello\", \"base\": \"0x80800000\"}]}", "overlaps the VMM" },
        { "{\"guests\": [{\"kernel\": \"hello\", \"base\": \"0x81080000\"}]}", "not a multiple of 1 MiB" },
        { "{\"guests\": [{\"kernel\": \"hello\", \"base\": \"0x87c00000\"}]}", "ends beyond RAM" },
        { "{\"guests\": [{\"kernel\": \"hello\", \"name\": \"a\", \"base\": \"0x81000000\"},"
          "{\"kernel\": \"hello\", \"name\": \"b\", \"base\": \"0x81400000\"}]}", "overlaps guests[0]" },
        { "{\"guests\": [{\"kernel\": \"hello\", \"memory_mib\": 64}, {\"kernel\": \"hello\", \"name\": \"b\","
          " \"memory_mib\": 64}]}", "no room for 64 MiB" },
        { "{\"slice_us\": 0, \"guests\": [{\"kernel\": \"hello\"}]}", "slice_us" },
        /* below SCENARIO_MIN_SLICE_CYCLES (10 us at the default 100 MHz) */
        { "{\"slice_us\": 9, \"guests\": [{\"kernel\": \"hello\"}]}",
          "t.json: slice_us: 9 us is shorter than the minimum slice, 10 us (1000 cycles at 100000000 Hz" },
        { "{\"guests\": [{\"kernel\": \"hello\", \"slice_us\": 1}]}",
          "t.json: guests[0].slice_us: 1 us is shorter than the minimum slice, 10 us" },
        /* "[vmm]" on the console must always be the VMM itself */
        { "{\"guests\": [{\"kernel\": \"hello\", \"name\": \"vmm\"}]}",
          "t.json: guests[0].name: 'vmm' is reserved" },
        { "{\"guests\": [{\"kernel\": \"hello\"}], \"vmm\": \"nope/vmm.elf\"}", "vmm: cannot open" },
        { "{\"guests\": [{\"kernel\": \"hello\"}], \"profile\": \"nope.json\"}", "nope.json" },
        { "{\"guests\": [{\"kernel\": \"hello\"}]", "t.json:1:" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct scenario s;
        if (parse(cases[i].json, &s) == 0)
            fail_msg("case %zu accepted: %s", i, cases[i].json);
        if (!strstr(err, cases[i].message))
            fail_msg("case %zu: message \"%s\" lacks \"%s\"", i, err, cases[i].message);
    }
}

static void test_oversized_kernel_refused_at_boot(void **state)
{
    (void)state;
    /* A guest ELF that is not a RISC-V executable is refused with its name. */
    const char *bogus = "/tmp/trapeze-test-scenario-bogus.elf";
    FILE *f = fopen(bogus, "wb");
    assert_non_null(f);
    fputs("this is not an ELF file", f);
    fclose(f);
    char json[256];
    snprintf(json, sizeof json, "{\"guests\": [{\"elf\": \"%s\"}]}", bogus);
    struct scenario s;
    if (parse(json, &s) != 0)
        fail_msg("%s", err);
    struct machine_config cfg = { .ram_size = s.ram_size, .profile = &s.profile };
    struct machine *m = machine_create(&cfg, err, sizeof err);
    assert_non_null(m);
    assert_int_equal(scenario_boot(&s, m, err, sizeof err), -1);
    assert_non_null(strstr(err, bogus));
    machine_destroy(m);
    remove(bogus);
}

/* ---- part two: running the VMM ------------------------------------------- */

struct run {
    struct guest_stats gs;
    uint64_t hash;            /* FNV-1a over every event */
    uint64_t nevents;
    struct machine_counters c;
    enum machine_status status;
    int exit_code;
    struct vmm_cost *cost;    /* exit costs, when a test asks for them */
    uint32_t kill_args[MACHINE_MAX_GUESTS][4];   /* TZ_EV_GUEST_KILL's, per guest */
    char *uart;               /* the whole console, NUL-terminated */
};

#define FNV_OFFSET 0xcbf29ce484222325ull
#define FNV_PRIME 0x100000001b3ull

static void hash_bytes(uint64_t *h, const void *p, size_t n)
{
    const uint8_t *b = p;
    for (size_t i = 0; i < n; i++)
        *h = (*h ^ b[i]) * FNV_PRIME;
}

static void listener(void *ctx, const struct machine_event *ev)
{
    struct run *r = ctx;
    guest_stats_listener(&r->gs, ev);
    uint32_t fields[] = { ev->kind, ev->guest, ev->priv_from, ev->priv_to, ev->cause, ev->pc,
                          ev->tval, ev->detail, ev->args[0], ev->args[1], ev->args[2], ev->args[3] };
    hash_bytes(&r->hash, &ev->cycle, sizeof ev->cycle);
    hash_bytes(&r->hash, fields, sizeof fields);
    r->nevents++;
    if (ev->kind == EV_TRACE && ev->cause == TZ_EV_GUEST_KILL && ev->guest < MACHINE_MAX_GUESTS)
        memcpy(r->kill_args[ev->guest], ev->args, sizeof r->kill_args[ev->guest]);
    if (r->cost)
        vmm_cost_listener(r->cost, ev);
}

/* Run s to its end; with `cost` non-NULL, also time every VMM exit into it
 * (the caller frees it with vmm_cost_free). */
static struct run *run_scenario_costed(const struct scenario *s, uint64_t host_slice,
                                       struct vmm_cost *cost)
{
    struct run *r = calloc(1, sizeof *r);
    assert_non_null(r);
    r->hash = FNV_OFFSET;
    r->cost = cost;
    struct machine_config cfg = { .max_instructions = MAX_RUN_INSNS };
    struct machine *m = scenario_start(s, &cfg, err, sizeof err);
    if (!m)
        fail_msg("%s", err);
    if (cost)
        vmm_cost_init(cost, m, s->profile.trap_entry);
    machine_subscribe(m, listener, r);
    while ((r->status = machine_run(m, host_slice)) == MACHINE_RUNNING)
        ;
    r->exit_code = machine_exit_code(m);
    machine_get_counters(m, &r->c);
    size_t n;
    const uint8_t *out = machine_uart_output(m, &n);
    hash_bytes(&r->hash, out, n);
    r->uart = strndup((const char *)out, n);
    assert_non_null(r->uart);
    machine_destroy(m);
    r->cost = NULL;
    return r;
}

static struct run *run_scenario(const struct scenario *s, uint64_t host_slice)
{
    return run_scenario_costed(s, host_slice, NULL);
}

static void free_run(struct run *r)
{
    free(r->uart);
    free(r);
}

static void load_or_fail(const char *json, const char *base_dir, struct scenario *s)
{
    if (scenario_parse("test scenario", json, strlen(json), base_dir, rv32, s, err, sizeof err))
        fail_msg("%s", err);
}

/* The console bytes a guest produced (from TZ_EV_CONSOLE) vs its native output. */
static void expect_native_output(const struct run *r, unsigned g, const char *name)
{
    char path[256];
    snprintf(path, sizeof path, "tests/integration/expected/%s.out", name);
    size_t len;
    char *want = read_file(path, &len);
    if (!want)
        fail_msg("%s: cannot read the expected native output", path);
    const struct guest_stat *st = &r->gs.g[g];
    if (st->console_len != len || memcmp(st->console, want, len) != 0)
        fail_msg("guest %s: output under the VMM (%u bytes) differs from %s (%zu bytes)",
                 name, st->console_len, path, len);
    assert_true(st->exited);
    assert_false(st->killed);
    assert_int_equal(st->exit_code, 0);
    free(want);
}

static void test_all_guests_match_native(void **state)
{
    (void)state;
    static const char *const names[] = { "hello", "tasks", "pager", "compute", "chatty", "rogue" };
    struct scenario s;
    load_or_fail("{\"guests\": [{\"kernel\": \"hello\"}, {\"kernel\": \"tasks\"}, {\"kernel\": \"pager\"},"
                 "{\"kernel\": \"compute\"}, {\"kernel\": \"chatty\"}, {\"kernel\": \"rogue\"}]}", ".", &s);
    struct run *r = run_scenario(&s, DEFAULT_HOST_SLICE);
    assert_int_equal(r->status, MACHINE_EXITED);
    assert_int_equal(r->exit_code, 0);
    for (unsigned i = 0; i < 6; i++)
        expect_native_output(r, i, names[i]);
    /* The guest that pages and switches address spaces really made the VMM
     * fill shadows, and the UART-driving guest really trapped on MMIO. */
    assert_true(r->gs.g[2].shadow_fills > 100);
    assert_true(r->gs.g[4].mmio > 1000);
    assert_true(r->gs.g[1].injected > 0);
    free_run(r);
}

static void test_vmmcheck_same_as_native(void **state)
{
    (void)state;
    char fw[600], k[600];
    path_in_rv32(fw, sizeof fw, "guests/firmware/firmware.elf");
    path_in_rv32(k, sizeof k, "vmm/tests/vmmcheck.elf");

    /* Native: firmware + kernel, as `trapeze run --kernel` does. */
    struct machine_config cfg = { .max_instructions = MAX_RUN_INSNS };
    struct machine *m = machine_create(&cfg, err, sizeof err);
    assert_non_null(m);
    if (machine_boot_kernel(m, fw, k, err, sizeof err) != 0)
        fail_msg("%s", err);
    while (machine_run(m, DEFAULT_HOST_SLICE) == MACHINE_RUNNING)
        ;
    assert_int_equal(machine_exit_code(m), 0);
    size_t nlen;
    const uint8_t *nout = machine_uart_output(m, &nlen);
    char *native = malloc(nlen + 1);
    memcpy(native, nout, nlen);
    native[nlen] = 0;
    machine_destroy(m);

    char json[700];
    snprintf(json, sizeof json, "{\"guests\": [{\"elf\": \"%s\"}]}", k);
    struct scenario s;
    load_or_fail(json, ".", &s);
    struct run *r = run_scenario(&s, DEFAULT_HOST_SLICE);
    const struct guest_stat *st = &r->gs.g[0];
    if (st->console_len != nlen || memcmp(st->console, native, nlen) != 0) {
        char *virt = strndup(st->console, st->console_len);
        fail_msg("vmmcheck differs under the VMM.\n--- native\n%s\n--- virtualized\n%s", native, virt);
    }
    assert_non_null(strstr(native, "vmmcheck: done"));
    assert_true(st->exited);
    free(native);
    free_run(r);
}

static void test_containment(void **state)
{
    (void)state;
    char dir[600];
    path_in_rv32(dir, sizeof dir, "vmm/tests");
    struct scenario s;
    load_or_fail("{\"watchdog_slices\": 20, \"guests\": [{\"kernel\": \"hello\"},"
                 "{\"elf\": \"garbage.elf\"}, {\"elf\": \"wild.elf\"}, {\"elf\": \"faultloop.elf\"},"
                 "{\"elf\": \"sleeper.elf\"}, {\"elf\": \"spinner.elf\"}]}", dir, &s);
    struct run *r = run_scenario(&s, DEFAULT_HOST_SLICE);
    static const uint32_t reason[] = { 0, TZ_KILL_ILLEGAL, TZ_KILL_BAD_MEMORY, TZ_KILL_TRAP_STORM,
                                       TZ_KILL_DEADLOCK, TZ_KILL_BUDGET };
    assert_int_equal(r->status, MACHINE_EXITED);
    expect_native_output(r, 0, "hello");
    for (unsigned g = 1; g < 6; g++) {
        if (!r->gs.g[g].killed || r->gs.g[g].kill_reason != reason[g])
            fail_msg("guest %s: killed %d, reason %u (want %u)", s.guest[g].name, r->gs.g[g].killed,
                     r->gs.g[g].kill_reason, reason[g]);
        /* each said who it was before misbehaving */
        assert_true(r->gs.g[g].console_len > 0);
    }
    /* The kill reports the guest's own trap that led to it — the garbage
     * word, the wild store, the misaligned load, the masked interrupt, the
     * WFI — never the fault of the missing handler at address 0. */
    static const uint32_t cause[] = { 0, CAUSE_ILLEGAL_INSTRUCTION, CAUSE_STORE_ACCESS, CAUSE_MISALIGNED_LOAD,
                                      0, CAUSE_INTERRUPT | IRQ_S_TIMER };
    static const uint32_t tval[] = { 0, 0, WILD_ADDRESS, FAULTLOOP_ADDRESS, 0, 0 };
    for (unsigned g = 1; g < 6; g++) {
        const uint32_t *a = r->kill_args[g];
        if (a[0] != reason[g] || a[1] != cause[g] || a[3] != tval[g] || a[2] < TZ_KERNEL_BASE ||
            a[2] >= TZ_KERNEL_BASE + TEST_KERNEL_TEXT_MAX)
            fail_msg("guest %s: kill event reason %u cause %08x pc %08x tval %08x", s.guest[g].name,
                     a[0], a[1], a[2], a[3]);
        /* The console line says the same, in the words of the CLI's table. */
        char line[256];
        int n = snprintf(line, sizeof line, "[vmm] guest %u '%s' killed: %s (", g, s.guest[g].name,
                         kill_reason_name(reason[g]));
        if (reason[g] == TZ_KILL_DEADLOCK)
            snprintf(line + n, sizeof line - (size_t)n, "wfi at pc %08x)\n", a[2]);
        else if (cause[g] & CAUSE_INTERRUPT)
            snprintf(line + n, sizeof line - (size_t)n, "interrupt %u %s, pc %08x)\n",
                     cause[g] & ~CAUSE_INTERRUPT, "supervisor_timer", a[2]);
        else
            snprintf(line + n, sizeof line - (size_t)n, "cause %u %s, pc %08x, tval %08x)\n", cause[g],
                     machine_cause_name(cause[g], false), a[2], a[3]);
        if (!strstr(r->uart, line))
            fail_msg("the console lacks \"%s\":\n%s", line, r->uart);
    }
    /* The VMM's exit status counts the guests that did not finish cleanly. */
    assert_int_equal(r->exit_code, 5);
    free_run(r);
}

/* Forward progress: a slice of one timer tick (100 cycles — far less than a
 * world switch, and below what the scenario loader accepts) must still let
 * every guest retire instructions in each slice, so the run finishes with the
 * native output. Without the VMM's minimum guest quantum the deadline has
 * passed by the time MRET enters the guest: the guests take turns retiring
 * nothing until the instruction limit. */
static void test_tiny_slice_makes_progress(void **state)
{
    (void)state;
    struct scenario s;
    load_or_fail("{\"guests\": [{\"kernel\": \"tasks\"}, {\"kernel\": \"compute\"},"
                 "{\"kernel\": \"hello\", \"mode\": \"emulated\"}]}", ".", &s);
    for (unsigned g = 0; g < s.nguests; g++)
        s.guest[g].slice_ticks = 1;
    struct run *r = run_scenario(&s, DEFAULT_HOST_SLICE);
    assert_int_equal(r->status, MACHINE_EXITED);
    assert_int_equal(r->exit_code, 0);
    expect_native_output(r, 0, "tasks");
    expect_native_output(r, 1, "compute");
    expect_native_output(r, 2, "hello");
    /* It really was preempted every few hundred cycles, and every slice
     * carried real guest work: at least MIN_INSNS_PER_TINY_SLICE of compute's
     * own instructions (U-mode: the guest kernel runs deprivileged). */
    uint64_t switches = r->gs.g[1].world_switches;
    uint64_t insns = r->c.guest_instret[1][PRIV_U];
    print_message("one-tick slices: compute ran %llu slices, %llu instructions per slice\n",
                  (unsigned long long)switches, (unsigned long long)(insns / switches));
    assert_true(switches > 1000);
    assert_true(insns / switches >= MIN_INSNS_PER_TINY_SLICE);
    free_run(r);
}

/* The shortest slice the loader accepts, through a scenario file. */
static void test_minimum_slice_runs(void **state)
{
    (void)state;
    struct scenario s;
    char json[256];
    cost_profile_default(&s.profile);
    snprintf(json, sizeof json, "{\"slice_us\": %u, \"guests\": [{\"kernel\": \"hello\"}, "
             "{\"kernel\": \"tasks\"}, {\"kernel\": \"compute\"}]}", scenario_min_slice_us(&s.profile));
    load_or_fail(json, ".", &s);
    struct run *r = run_scenario(&s, DEFAULT_HOST_SLICE);
    assert_int_equal(r->status, MACHINE_EXITED);
    assert_int_equal(r->exit_code, 0);
    expect_native_output(r, 0, "hello");
    expect_native_output(r, 1, "tasks");
    expect_native_output(r, 2, "compute");
    free_run(r);
}

/* The minimum slice follows the profile's clock: SCENARIO_MIN_SLICE_CYCLES
 * cycles, rounded up to whole microseconds. */
static void test_minimum_slice_from_clock(void **state)
{
    (void)state;
    struct cost_profile p;
    cost_profile_default(&p);
    assert_int_equal(p.clock_hz, 100000000u);
    assert_int_equal(scenario_min_slice_us(&p), 10);
    p.clock_hz = 50000000u;
    assert_int_equal(scenario_min_slice_us(&p), 20);
    p.clock_hz = 300000000u;
    assert_int_equal(scenario_min_slice_us(&p), 4);
    p.clock_hz = 4000000000u;
    assert_int_equal(scenario_min_slice_us(&p), 1);
    struct scenario s;
    if (parse("{\"slice_us\": 10, \"guests\": [{\"kernel\": \"hello\"}]}", &s) != 0)
        fail_msg("the minimum slice is refused: %s", err);
    assert_int_equal(s.guest[0].slice_ticks, 10u * s.profile.timebase_hz / 1000000u);
}

static void test_deterministic_across_host_slices(void **state)
{
    (void)state;
    struct scenario s;
    if (scenario_load_default(rv32, &s, err, sizeof err))
        fail_msg("%s", err);
    struct run *a = run_scenario(&s, SMALL_HOST_SLICE);
    struct run *b = run_scenario(&s, LARGE_HOST_SLICE);
    assert_int_equal(a->status, MACHINE_EXITED);
    assert_true(a->nevents > 1000);
    assert_int_equal(a->nevents, b->nevents);
    assert_true(a->hash == b->hash);
    assert_memory_equal(&a->c, &b->c, sizeof a->c);
    assert_memory_equal(&a->gs, &b->gs, sizeof a->gs);
    free_run(a);
    free_run(b);
}

static void test_csr_emulation_cost(void **state)
{
    (void)state;
    struct scenario s;
    load_or_fail("{\"guests\": [{\"kernel\": \"tasks\"}]}", ".", &s);
    struct vmm_cost cost;
    struct run *r = run_scenario_costed(&s, DEFAULT_HOST_SLICE, &cost);
    assert_int_equal(r->status, MACHINE_EXITED);
    assert_false(cost.out_of_memory);
    struct vmm_cost_summary csr, fill;
    assert_int_equal(vmm_cost_summarize(&cost, VMM_EXIT_CSR, VMM_COST_ALL_GUESTS, &csr), 0);
    assert_int_equal(vmm_cost_summarize(&cost, VMM_EXIT_SHADOW_FILL, VMM_COST_ALL_GUESTS, &fill), 0);
    /* tasks reads and writes its S-mode CSRs on every trap it handles, and
     * faults its pages in through the shadow tables. */
    assert_true(csr.count > 100);
    assert_true(fill.count > 0);
    /* Every trap of the run left the guest for the VMM (the VMM itself never
     * traps), and every one but the last returned to the guest with MRET:
     * the last is the guest's shutdown call, which stops the machine. */
    uint64_t traps = 0;
    for (unsigned i = 0; i < 32; i++)
        traps += r->c.exceptions[i] + r->c.interrupts[i];
    assert_int_equal(cost.nsamples, traps - 1);
    uint64_t median = csr.instructions[VMM_COST_MEDIAN];
    print_message("emulated CSR access: median %llu VMM instructions, %llu cycles, trap to return (%llu samples)\n",
                  (unsigned long long)median, (unsigned long long)csr.cycles[VMM_COST_MEDIAN],
                  (unsigned long long)csr.count);
    /* A CSR exit does real work: at least the register save and restore. */
    assert_true(median > 0 && csr.cycles[VMM_COST_MEDIAN] > median);
    if (median > CSR_COST_TARGET)
        fail_msg("median CSR emulation cost %llu > %u", (unsigned long long)median, CSR_COST_TARGET);
    vmm_cost_free(&cost);
    free_run(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default_matches_file),
        cmocka_unit_test(test_default_layout),
        cmocka_unit_test(test_explicit_fields),
        cmocka_unit_test(test_bad_scenarios),
        cmocka_unit_test(test_oversized_kernel_refused_at_boot),
        cmocka_unit_test(test_all_guests_match_native),
        cmocka_unit_test(test_vmmcheck_same_as_native),
        cmocka_unit_test(test_containment),
        cmocka_unit_test(test_tiny_slice_makes_progress),
        cmocka_unit_test(test_minimum_slice_runs),
        cmocka_unit_test(test_minimum_slice_from_clock),
        cmocka_unit_test(test_deterministic_across_host_slices),
        cmocka_unit_test(test_csr_emulation_cost),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
