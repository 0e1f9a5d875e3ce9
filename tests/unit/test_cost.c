/*
 * test_cost.c — the machine profile: the shipped default.json is exactly the
 * built-in default, partial profiles override only what they name, and every
 * validation rule refuses bad input with a message naming file and field.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "../../machine/cost.h"

/* default.json, found relative to this source file (the tests run from the
 * top of the tree, where the compiler was given this relative path). */
#define DEFAULT_JSON_FROM_HERE "/../../machine/profiles/default.json"

static char err[512];

static void default_json_path(char *out, size_t outlen)
{
    const char *me = __FILE__;
    const char *slash = strrchr(me, '/');
    size_t dirlen = slash ? (size_t)(slash - me) : 1;
    snprintf(out, outlen, "%.*s%s", (int)dirlen, slash ? me : ".", DEFAULT_JSON_FROM_HERE);
}

/* Field-by-field: struct padding is not part of a profile. */
static void assert_profile_equal(const struct cost_profile *a, const struct cost_profile *b)
{
    assert_string_equal(a->name, b->name);
    for (unsigned i = 0; i < COST__COUNT; i++)
        assert_int_equal(a->cost[i], b->cost[i]);
    assert_int_equal(a->branch_taken_penalty, b->branch_taken_penalty);
    assert_int_equal(a->trap_entry, b->trap_entry);
    assert_int_equal(a->tlb_miss, b->tlb_miss);
    assert_int_equal(a->page_walk_level, b->page_walk_level);
    assert_int_equal(a->tlb_entries, b->tlb_entries);
    assert_true(a->clock_hz == b->clock_hz);
    assert_true(a->timebase_hz == b->timebase_hz);
    assert_int_equal(a->ram_size, b->ram_size);
}

static int parse(const char *text, struct cost_profile *p)
{
    err[0] = '\0';
    return cost_profile_parse("p.json", text, strlen(text), p, err, sizeof err);
}

static void test_default_json_matches_builtin(void **state)
{
    (void)state;
    char path[1024];
    default_json_path(path, sizeof path);
    struct cost_profile builtin, file;
    cost_profile_default(&builtin);
    memset(&file, 0xA5, sizeof file);
    int rc = cost_profile_load(path, &file, err, sizeof err);
    if (rc != 0)
        fail_msg("%s", err);
    assert_profile_equal(&file, &builtin);
}

static void test_default_values(void **state)
{
    (void)state;
    struct cost_profile p;
    cost_profile_default(&p);
    assert_string_equal(p.name, "default");
    assert_int_equal(p.cost[COST_ALU], 1);
    assert_int_equal(p.cost[COST_DIV], 34);
    assert_int_equal(p.branch_taken_penalty, 2);
    assert_int_equal(p.tlb_entries, 32);
    assert_int_equal(p.ram_size, 128u * 1024 * 1024);
    /* mtime ticks every clock_hz / timebase_hz cycles: 10 at the default. */
    assert_true(p.clock_hz % p.timebase_hz == 0);
    assert_true(p.clock_hz / p.timebase_hz == 10);
    for (unsigned i = 0; i < COST__COUNT; i++)
        assert_true(p.cost[i] >= 1);
}

static void test_partial_profile(void **state)
{
    (void)state;
    struct cost_profile p, d;
    cost_profile_default(&d);
    assert_int_equal(parse("{\"name\": \"slow-div\", \"cycles\": {\"div\": 70, "
                           "\"page_walk_level\": 30}, \"ram_mib\": 64, \"tlb_entries\": 4}",
                           &p),
                     0);
    assert_string_equal(p.name, "slow-div");
    assert_int_equal(p.cost[COST_DIV], 70);
    assert_int_equal(p.page_walk_level, 30);
    assert_int_equal(p.ram_size, 64u * 1024 * 1024);
    assert_int_equal(p.tlb_entries, 4);
    /* Everything not named keeps the default. */
    assert_int_equal(p.cost[COST_ALU], d.cost[COST_ALU]);
    assert_int_equal(p.trap_entry, d.trap_entry);
    assert_true(p.clock_hz == d.clock_hz);

    assert_int_equal(parse("{}", &p), 0);
    assert_profile_equal(&p, &d);
    assert_int_equal(parse("{\"comment\": \"a note for readers\", \"clock_hz\": 50000000, "
                           "\"timebase_hz\": 50000000}",
                           &p),
                     0);
    assert_true(p.clock_hz == 50000000u);
}

/* Each bad profile and the exact message it must produce. */
static const struct {
    const char *text, *message;
} bad[] = {
    { "{\"cycles\": {\"div\": 2.5}}",
      "p.json: cycles.div: expected an integer from 0 to 100000, got 2.5" },
    { "{\"cycles\": {\"div\": -3}}",
      "p.json: cycles.div: expected an integer from 0 to 100000, got -3" },
    { "{\"cycles\": {\"alu\": 100001}}",
      "p.json: cycles.alu: expected an integer from 0 to 100000, got 100001" },
    { "{\"cycles\": {\"dvi\": 3}}",
      "p.json: cycles.dvi: unknown key (allowed: alu, branch, jump, load, store, mul, div, "
      "amo, csr, fence, fence_i, sfence, system, xret, wfi, branch_taken_penalty, "
      "trap_entry, tlb_miss, page_walk_level)" },
    { "{\"cycles\": {\"mul\": 3, \"mul\": 4}}", "p.json: cycles.mul: duplicate key" },
    { "{\"cycles\": 5}", "p.json: cycles: expected an object, got 5" },
    { "{\"colck_hz\": 5}",
      "p.json: colck_hz: unknown key (allowed: name, comment, clock_hz, timebase_hz, "
      "ram_mib, tlb_entries, cycles)" },
    { "{\"tlb_entries\": 48}",
      "p.json: tlb_entries: expected a power of two from 1 to 4096, got 48" },
    { "{\"tlb_entries\": 8192}",
      "p.json: tlb_entries: expected an integer from 1 to 4096, got 8192" },
    { "{\"tlb_entries\": 0}", "p.json: tlb_entries: expected an integer from 1 to 4096, got 0" },
    { "{\"timebase_hz\": 3000000}",
      "p.json: timebase_hz: must divide clock_hz exactly (clock_hz 100000000, timebase_hz "
      "3000000)" },
    { "{\"clock_hz\": 1000, \"timebase_hz\": 2000}",
      "p.json: timebase_hz: must divide clock_hz exactly (clock_hz 1000, timebase_hz 2000)" },
    { "{\"ram_mib\": 4096}", "p.json: ram_mib: expected an integer from 1 to 2048, got 4096" },
    { "{\"ram_mib\": 0}", "p.json: ram_mib: expected an integer from 1 to 2048, got 0" },
    { "{\"name\": \"\"}", "p.json: name: must not be empty" },
    { "{\"name\": 7}", "p.json: name: expected a string, got 7" },
    { "{\"name\": \"0123456789012345678901234567890123456789012345678901234567890123\"}",
      "p.json: name: string too long (64 bytes, at most 63)" },
    { "{\"clock_hz\": 1e400}",
      "p.json: clock_hz: expected an integer from 1 to 10000000000, got a number too large "
      "to represent" },
    { "[]", "p.json: expected an object, got an array" },
    /* cJSON reports the byte after the one it rejected, hence "near". */
    { "{\"cycles\": {\"alu\": 1,}}", "p.json:1:23: syntax error near '}'" },
};

static void test_bad_profiles(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct cost_profile p;
        cost_profile_default(&p);
        p.cost[COST_ALU] = 777;   /* a marker: failure must leave *out alone */
        if (parse(bad[i].text, &p) != -1)
            fail_msg("accepted bad profile %s", bad[i].text);
        if (strcmp(err, bad[i].message) != 0)
            fail_msg("for %s\n  got      %s\n  expected %s", bad[i].text, err, bad[i].message);
        assert_int_equal(p.cost[COST_ALU], 777);
    }
}

static void test_load_errors(void **state)
{
    (void)state;
    struct cost_profile p;
    assert_int_equal(cost_profile_load("/nonexistent/x.json", &p, err, sizeof err), -1);
    assert_string_equal(err, "/nonexistent/x.json: cannot open: No such file or directory");

    /* More than 1 MiB of otherwise valid JSON is refused. */
    char path[] = "/tmp/trapeze-test-cost-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fputs("{\"comment\": \"", f);
    for (int i = 0; i < 1100 * 1024; i++)
        fputc('x', f);
    fputs("\"}", f);
    fclose(f);
    assert_int_equal(cost_profile_load(path, &p, err, sizeof err), -1);
    assert_non_null(strstr(err, path));
    assert_non_null(strstr(err, "larger than 1048576 bytes"));
    unlink(path);
}

/* Random damage to a valid profile: never a crash, never an out-of-range
 * value accepted (this test also runs under ASan+UBSan). */
static void test_fuzz(void **state)
{
    (void)state;
    static const char good[] =
        "{\"name\": \"f\", \"clock_hz\": 100000000, \"timebase_hz\": 10000000, "
        "\"ram_mib\": 128, \"tlb_entries\": 32, \"cycles\": {\"alu\": 1, \"div\": 34, "
        "\"trap_entry\": 8, \"page_walk_level\": 12}}";
    static const char alphabet[] = "{}[]\",:.-+eE0123456789 \\ntruefalsenull";
    uint32_t rng = 2024;   /* fixed seed: the same cases every run */
    unsigned accepted = 0, refused = 0;
    for (int iter = 0; iter < 20000; iter++) {
        char text[sizeof good];
        memcpy(text, good, sizeof good);
        size_t len = sizeof good - 1;
        rng = rng * 1664525u + 1013904223u;
        unsigned nchanges = 1 + (rng >> 28) % 3;
        for (unsigned k = 0; k < nchanges; k++) {
            rng = rng * 1664525u + 1013904223u;
            size_t at = (rng >> 8) % len;
            rng = rng * 1664525u + 1013904223u;
            text[at] = alphabet[(rng >> 8) % (sizeof alphabet - 1)];
        }
        struct cost_profile p;
        if (cost_profile_parse("f.json", text, len, &p, err, sizeof err) == 0) {
            accepted++;
            assert_true(p.tlb_entries >= 1 && p.tlb_entries <= 4096 &&
                        (p.tlb_entries & (p.tlb_entries - 1)) == 0);
            assert_true(p.timebase_hz >= 1 && p.clock_hz % p.timebase_hz == 0);
            assert_true(p.ram_size >= 1024u * 1024u && p.ram_size <= 2048u * 1024u * 1024u);
            for (unsigned i = 0; i < COST__COUNT; i++)
                assert_true(p.cost[i] <= 100000);
        } else {
            refused++;
            assert_true(strncmp(err, "f.json", 6) == 0);
        }
    }
    assert_true(accepted > 100 && refused > 1000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default_json_matches_builtin),
        cmocka_unit_test(test_default_values),
        cmocka_unit_test(test_partial_profile),
        cmocka_unit_test(test_bad_profiles),
        cmocka_unit_test(test_load_errors),
        cmocka_unit_test(test_fuzz),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
