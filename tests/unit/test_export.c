/*
 * test_export.c — the Chrome trace writer, the text log and the per-guest
 * statistics listener, fed with hand-made event streams.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <cjson/cJSON.h>

#include "../../machine/abi/trapeze_abi.h"
#include "../../machine/export.h"
#include "../../machine/guest_stats.h"

static struct machine_event ev_make(uint64_t cycle, uint32_t kind, uint16_t guest,
                                    enum priv from, enum priv to, uint32_t cause)
{
    struct machine_event e;
    memset(&e, 0, sizeof e);
    e.cycle = cycle;
    e.kind = kind;
    e.guest = guest;
    e.priv_from = (uint8_t)from;
    e.priv_to = (uint8_t)to;
    e.cause = cause;
    e.pc = 0x80000100u;
    return e;
}

static char *capture_trace(const struct machine_event *evs, size_t n, uint64_t end)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    const char *names[2] = { "alpha \"quoted\"", NULL };
    struct chrome_trace *t = chrome_trace_begin(f, 100000000u, 8u, names, 2);
    assert_non_null(t);
    for (size_t i = 0; i < n; i++)
        chrome_trace_listener(t, &evs[i]);
    assert_int_equal(chrome_trace_end(t, end), 0);
    fclose(f);
    return buf;
}

/* The trace is valid JSON with metadata, spans and instants where expected. */
static void chrome_trace_is_valid_json(void **state)
{
    (void)state;
    struct machine_event evs[3] = {
        ev_make(150, EV_TRAP, 0, PRIV_U, PRIV_M, 8),
        ev_make(250, EV_XRET, 0, PRIV_M, PRIV_U, 0),
        ev_make(1234567, EV_TRACE, TZ_GUEST_NONE, PRIV_M, PRIV_M, TZ_EV_SHADOW_FILL),
    };
    char *text = capture_trace(evs, 3, 2000000);
    cJSON *root = cJSON_Parse(text);
    assert_non_null(root);
    cJSON *arr = cJSON_GetObjectItemCaseSensitive(root, "traceEvents");
    assert_true(cJSON_IsArray(arr));
    int spans = 0, instants = 0, meta = 0;
    cJSON *it;
    cJSON_ArrayForEach(it, arr) {
        const char *ph = cJSON_GetObjectItemCaseSensitive(it, "ph")->valuestring;
        if (!strcmp(ph, "X"))
            spans++;
        else if (!strcmp(ph, "i"))
            instants++;
        else if (!strcmp(ph, "M"))
            meta++;
    }
    assert_int_equal(instants, 3);
    assert_int_equal(meta, 4);       /* process + machine track + 2 guests */
    assert_true(spans >= 3);         /* U until 150, M until 250, U ..., M on track 0 */
    /* 1234567 cycles at 100 MHz = 12345.670 us, written without %f */
    assert_non_null(strstr(text, "\"ts\":12345.670"));
    assert_non_null(strstr(text, "alpha \\\"quoted\\\""));
    cJSON_Delete(root);
    free(text);
}

static void text_log_names_cause(void **state)
{
    (void)state;
    struct machine_event e = ev_make(42, EV_TRAP, 3, PRIV_U, PRIV_M, 2);
    e.tval = 0xdeadbeef;
    char line[256];
    machine_event_format(&e, line, sizeof line);
    assert_non_null(strstr(line, "illegal_instruction"));
    assert_non_null(strstr(line, "g3"));
    assert_non_null(strstr(line, "0xdeadbeef"));
}

static void guest_stats_counts_vmm_reports(void **state)
{
    (void)state;
    static struct guest_stats s;
    memset(&s, 0, sizeof s);
    struct machine_event e = ev_make(10, EV_TRACE, 1, PRIV_M, PRIV_M, TZ_EV_EMULATE);
    e.args[0] = TZ_EMUL_CSR;
    guest_stats_listener(&s, &e);
    guest_stats_listener(&s, &e);
    e.cause = TZ_EV_SHADOW_FILL;
    guest_stats_listener(&s, &e);
    e.cause = TZ_EV_INJECT;
    e.args[0] = 13; /* load page fault */
    guest_stats_listener(&s, &e);
    e.cause = TZ_EV_CONSOLE;
    e.args[0] = 'h';
    guest_stats_listener(&s, &e);
    e.cause = TZ_EV_GUEST_KILL;
    e.args[0] = TZ_KILL_ILLEGAL;
    guest_stats_listener(&s, &e);
    struct machine_event t = ev_make(11, EV_TRAP, 1, PRIV_U, PRIV_M, 2);
    guest_stats_listener(&s, &t);
    /* A trap the VMM takes in M-mode is not charged to the guest as a guest trap. */
    t.priv_from = PRIV_M;
    guest_stats_listener(&s, &t);

    assert_int_equal(s.nguests, 2);
    assert_int_equal(s.g[1].emulated[TZ_EMUL_CSR], 2);
    assert_int_equal(s.g[1].shadow_fills, 1);
    assert_int_equal(s.g[1].injected, 1);
    assert_int_equal(s.g[1].injected_faults, 1);
    assert_int_equal(s.g[1].console_len, 1);
    assert_int_equal(s.g[1].console[0], 'h');
    assert_true(s.g[1].killed);
    assert_int_equal(s.g[1].kill_reason, TZ_KILL_ILLEGAL);
    assert_int_equal(s.g[1].traps[2], 1);
    assert_int_equal(s.g[0].emulated[TZ_EMUL_CSR], 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(chrome_trace_is_valid_json),
        cmocka_unit_test(text_log_names_cause),
        cmocka_unit_test(guest_stats_counts_vmm_reports),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
