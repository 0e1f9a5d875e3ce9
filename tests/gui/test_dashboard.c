/*
 * test_dashboard.c — widget and model checks for the GTK dashboard (cmocka,
 * run under Xvfb by tests/gui/suite.sh).
 *
 * What is checked:
 *   - the string tables: both languages complete, templates consistent,
 *     language chosen from the environment as POSIX orders it;
 *   - number formatting that does not depend on the locale;
 *   - the ring's list-model adapter: newest first, exact items-changed;
 *   - determinism: a scenario run by the dashboard's main-loop slices ends
 *     with exactly the figures `trapeze run S.json --json` wrote;
 *   - bad input: a missing or malformed scenario is refused with a message
 *     naming the file, and the running machine stays;
 *   - the window: one panel per guest, one timeline lane per guest plus the
 *     VMM, win.step advances by one slice, the trap log fills, statuses in
 *     Korean and English, an error dialog for a bad scenario;
 *   - the timeline's legend: wraps onto more rows rather than drawing past
 *     the widget's edge, in both languages;
 *   - the trap log: the top row on screen is the newest event while the
 *     user has not scrolled away; if they have, their rows stay put;
 *   - the comparison chart: bars only for modes that ran, "not available"
 *     otherwise; its default kernel is the one the first guest runs;
 *   - screenshots made by `trapeze-dashboard --screenshot`: expected size,
 *     not blank.
 *
 * Environment (set by suite.sh): BUILD (for build/rv32), TRAPEZE_CLI_CASES
 * ("SCENARIO=JSON;..." with SCENARIO "-" for the built-in default),
 * TRAPEZE_SCREENSHOTS ("FILE=WxH;...").
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
#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "../../gui/compare-chart.h"
#include "../../gui/comparison.h"
#include "../../gui/event-model.h"
#include "../../gui/guest-panel.h"
#include "../../gui/i18n.h"
#include "../../gui/palette.h"
#include "../../gui/simulation.h"
#include "../../gui/window.h"
#include "../../machine/scenario.h"

#define MAIN_LOOP_TIMEOUT_US (120 * G_USEC_PER_SEC)
#define MIN_DISTINCT_COLOURS 16
#define MAX_STEP_OVERSHOOT 200u
#define PATH_MAX_LEN 4096

static char rv32_dir[PATH_MAX_LEN];

/* ---- helpers ------------------------------------------------------------------ */

/* Iterate the main loop until sim is finished (or time runs out). */
static void run_main_loop_until_finished(TrapezeSimulation *sim)
{
    gint64 deadline = g_get_monotonic_time() + MAIN_LOOP_TIMEOUT_US;
    while (!trapeze_simulation_is_finished(sim) && g_get_monotonic_time() < deadline)
        g_main_context_iteration(NULL, TRUE);
}

static void drain_main_loop(void)
{
    while (g_main_context_pending(NULL))
        g_main_context_iteration(NULL, FALSE);
}

static cJSON *read_json(const char *path)
{
    char *text = NULL;
    gsize len = 0;
    if (!g_file_get_contents(path, &text, &len, NULL))
        return NULL;
    cJSON *j = cJSON_ParseWithLength(text, len);
    g_free(text);
    return j;
}

static uint64_t json_u64(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    assert_non_null(v);
    assert_true(cJSON_IsNumber(v));
    return (uint64_t)v->valuedouble;
}

/* ---- strings ------------------------------------------------------------------- */

/* Count the {1} and {2} placeholders of a template. */
static unsigned placeholders(const char *s)
{
    unsigned mask = 0;
    for (; *s; s++)
        if (s[0] == '{' && (s[1] == '1' || s[1] == '2') && s[2] == '}')
            mask |= 1u << (s[1] - '1');
    return mask;
}

static void string_tables_are_complete(void **state)
{
    (void)state;
    for (int id = 0; id < S__COUNT; id++) {
        const char *en = tr_in(TZ_LANG_EN, (enum tz_str)id);
        const char *ko = tr_in(TZ_LANG_KO, (enum tz_str)id);
        if (!en || !*en || !ko || !*ko)
            fail_msg("string %d is missing in %s", id, (!en || !*en) ? "English" : "Korean");
        /* a template must take the same arguments in both languages */
        assert_int_equal(placeholders(en), placeholders(ko));
        assert_true(g_utf8_validate(ko, -1, NULL));
    }
    assert_null(tr_in(TZ_LANG__COUNT, S_RUN));
    assert_null(tr_in(TZ_LANG_EN, S__COUNT));
}

static void language_from_environment_table(void **state)
{
    (void)state;
    static const struct {
        const char *lc_all, *lc_messages, *lang;
        enum tz_lang expect;
    } rows[] = {
        { NULL, NULL, "ko_KR.UTF-8", TZ_LANG_KO },
        { NULL, NULL, "en_US.UTF-8", TZ_LANG_EN },
        { "en_GB.UTF-8", NULL, "ko_KR.UTF-8", TZ_LANG_EN },   /* LC_ALL wins */
        { NULL, "ko_KR.UTF-8", "en_US.UTF-8", TZ_LANG_KO },   /* then LC_MESSAGES */
        { "", NULL, "ko", TZ_LANG_KO },                       /* empty = unset */
        { NULL, NULL, "C", TZ_LANG_EN },
        { NULL, NULL, "de_DE.UTF-8", TZ_LANG_EN },            /* unknown: English */
        { NULL, NULL, NULL, TZ_LANG_EN },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(rows); i++) {
        const char *vals[3] = { rows[i].lc_all, rows[i].lc_messages, rows[i].lang };
        const char *names[3] = { "LC_ALL", "LC_MESSAGES", "LANG" };
        for (int k = 0; k < 3; k++) {
            if (vals[k])
                g_setenv(names[k], vals[k], TRUE);
            else
                g_unsetenv(names[k]);
        }
        assert_int_equal(i18n_lang_from_env(), rows[i].expect);
    }
    assert_int_equal(i18n_parse_lang("ko"), TZ_LANG_KO);
    assert_int_equal(i18n_parse_lang("en"), TZ_LANG_EN);
    assert_int_equal(i18n_parse_lang("kor"), -1);
    assert_int_equal(i18n_parse_lang(""), -1);
}

static void templates_and_numbers_table(void **state)
{
    (void)state;
    char buf[64];
    static const struct { uint64_t v; const char *grouped, *mega; } nums[] = {
        { 0, "0", "0.00 M" },
        { 999, "999", "0.00 M" },
        { 1000, "1,000", "0.00 M" },
        { 28647002, "28,647,002", "28.65 M" },
        { 1234567890123ull, "1,234,567,890,123", "1234567.89 M" },
        { 4994999, "4,994,999", "4.99 M" },
        { 4995000, "4,995,000", "5.00 M" },   /* rounds half up */
    };
    for (size_t i = 0; i < G_N_ELEMENTS(nums); i++) {
        assert_string_equal(fmt_grouped(nums[i].v, buf, sizeof buf), nums[i].grouped);
        assert_string_equal(fmt_mega(nums[i].v, buf, sizeof buf), nums[i].mega);
    }
    i18n_set_lang(TZ_LANG_EN);
    assert_string_equal(tr_fill(buf, sizeof buf, S_SHADOW_FMT, "5", "6"), "5 hidden · 6 injected");
    assert_string_equal(tr_fill(buf, sizeof buf, S_STATUS_EXITED_FMT, "3", NULL), "exited (code 3)");
    /* a percent sign in an argument is only text */
    assert_string_equal(tr_fill(buf, sizeof buf, S_STATUS_KILLED_FMT, "%s%n", NULL), "stopped: %s%n");
    /* truncation keeps a terminated string */
    char tiny[6];
    assert_string_equal(tr_fill(tiny, sizeof tiny, S_SHADOW_FMT, "12345", "6"), "12345");
    i18n_set_lang(TZ_LANG_KO);
    assert_string_equal(tr_fill(buf, sizeof buf, S_SHADOW_FMT, "5", "6"), "숨김 5 · 주입 6");
    assert_string_equal(tr_cause(2, false), "잘못된 명령어");
    assert_string_equal(tr_cause(7, true), "M 타이머");
    assert_string_equal(tr_cause(10, false), "알 수 없음");   /* reserved code */
    i18n_set_lang(TZ_LANG_EN);
    assert_string_equal(tr_cause(13, false), "load page fault");
}

static void trap_categories_table(void **state)
{
    (void)state;
    static const struct { uint32_t code; bool irq; enum trap_category cat; } rows[] = {
        { 2, false, TRAP_CAT_ILLEGAL }, { 8, false, TRAP_CAT_ECALL },
        { 9, false, TRAP_CAT_ECALL }, { 12, false, TRAP_CAT_PAGE_FAULT },
        { 13, false, TRAP_CAT_PAGE_FAULT }, { 15, false, TRAP_CAT_PAGE_FAULT },
        { 7, true, TRAP_CAT_TIMER }, { 5, false, TRAP_CAT_OTHER }, { 1, false, TRAP_CAT_OTHER },
    };
    for (size_t i = 0; i < G_N_ELEMENTS(rows); i++)
        assert_int_equal(trap_category_of(rows[i].code, rows[i].irq), rows[i].cat);
    char hex[8];
    assert_string_equal(palette_hex((struct rgb){ 1, 0, 0.5 }, hex), "#ff0080");
}

/* ---- the ring as a list model ---------------------------------------------------- */

struct changes { guint pos[8], removed[8], added[8]; int n; };

static void record_change(GListModel *m, guint pos, guint removed, guint added, gpointer data)
{
    struct changes *c = data;
    if (c->n < 8) {
        c->pos[c->n] = pos;
        c->removed[c->n] = removed;
        c->added[c->n] = added;
    }
    c->n++;
}

static void push_cycles(struct event_ring *r, uint64_t first, unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        struct machine_event e = { .cycle = first + i, .kind = EV_TRAP, .guest = 0 };
        event_ring_push(r, &e);
    }
}

static uint64_t item_cycle(GListModel *m, guint pos)
{
    TrapezeEventItem *item = g_list_model_get_item(m, pos);
    assert_non_null(item);
    uint64_t c = trapeze_event_item_get_event(item)->cycle;
    g_object_unref(item);
    return c;
}

static void event_model_newest_first(void **state)
{
    (void)state;
    struct event_ring *r = event_ring_create(4);
    TrapezeEventModel *model = trapeze_event_model_new();
    GListModel *m = G_LIST_MODEL(model);
    struct changes ch = { 0 };
    g_signal_connect(model, "items-changed", G_CALLBACK(record_change), &ch);

    trapeze_event_model_set_ring(model, r);
    assert_int_equal(g_list_model_get_n_items(m), 0);
    assert_int_equal(ch.n, 0);                /* nothing to announce */

    push_cycles(r, 10, 3);                    /* 10 11 12 */
    trapeze_event_model_sync(model);
    assert_int_equal(ch.n, 1);
    assert_int_equal(ch.pos[0], 0);
    assert_int_equal(ch.added[0], 3);
    assert_int_equal(g_list_model_get_n_items(m), 3);
    assert_int_equal(item_cycle(m, 0), 12);   /* newest at the top */
    assert_int_equal(item_cycle(m, 2), 10);
    assert_null(g_list_model_get_item(m, 3));

    ch.n = 0;
    push_cycles(r, 13, 2);                    /* ring of 4 holds 11..14 */
    trapeze_event_model_sync(model);
    assert_int_equal(ch.n, 2);
    /* first the oldest row leaves at the bottom, then two arrive on top */
    assert_int_equal(ch.pos[0], 2);
    assert_int_equal(ch.removed[0], 1);
    assert_int_equal(ch.added[0], 0);
    assert_int_equal(ch.pos[1], 0);
    assert_int_equal(ch.added[1], 2);
    assert_int_equal(g_list_model_get_n_items(m), 4);
    assert_int_equal(item_cycle(m, 0), 14);
    assert_int_equal(item_cycle(m, 3), 11);

    ch.n = 0;
    push_cycles(r, 100, 9);                   /* lapped: nothing in common */
    trapeze_event_model_sync(model);
    assert_int_equal(ch.n, 1);
    assert_int_equal(ch.removed[0], 4);
    assert_int_equal(ch.added[0], 4);
    assert_int_equal(item_cycle(m, 0), 108);

    ch.n = 0;
    trapeze_event_model_sync(model);          /* no change: no signal */
    assert_int_equal(ch.n, 0);
    trapeze_event_model_set_ring(model, NULL);
    assert_int_equal(g_list_model_get_n_items(m), 0);
    g_object_unref(model);
    event_ring_destroy(r);
}

/* ---- determinism against the CLI ------------------------------------------------ */

static void compare_with_cli(const char *scenario, const char *json_path)
{
    cJSON *cli = read_json(json_path);
    if (!cli)
        fail_msg("%s: cannot read the CLI's figures", json_path);
    TrapezeSimulation *sim = trapeze_simulation_new(rv32_dir);
    GError *error = NULL;
    if (!trapeze_simulation_load(sim, strcmp(scenario, "-") ? scenario : NULL, &error))
        fail_msg("%s", error->message);
    /* the real path: the main loop's frame timeout runs the slices */
    trapeze_simulation_set_cycles_per_frame(sim, SIM_SPEED_FAST_CYCLES);
    trapeze_simulation_set_running(sim, TRUE);
    run_main_loop_until_finished(sim);
    assert_true(trapeze_simulation_is_finished(sim));
    assert_false(trapeze_simulation_get_running(sim));

    const struct machine_counters *c = trapeze_simulation_get_counters(sim);
    assert_int_equal(c->cycles, json_u64(cli, "cycles"));
    assert_int_equal(c->instret, json_u64(cli, "instructions"));
    const cJSON *priv = cJSON_GetObjectItemCaseSensitive(cli, "privilege");
    assert_int_equal(c->priv_cycles[PRIV_M], json_u64(cJSON_GetObjectItemCaseSensitive(priv, "M"), "cycles"));
    assert_int_equal(c->priv_cycles[PRIV_U], json_u64(cJSON_GetObjectItemCaseSensitive(priv, "U"), "cycles"));
    assert_string_equal(cJSON_GetObjectItemCaseSensitive(cli, "status")->valuestring, "exited");

    const struct scenario *s = trapeze_simulation_get_scenario(sim);
    const struct guest_stats *gs = trapeze_simulation_get_guest_stats(sim);
    const cJSON *guests = cJSON_GetObjectItemCaseSensitive(cli, "guests");
    assert_int_equal((unsigned)cJSON_GetArraySize(guests), s->nguests);
    for (unsigned i = 0; i < s->nguests; i++) {
        const cJSON *g = cJSON_GetArrayItem(guests, (int)i);
        assert_string_equal(cJSON_GetObjectItemCaseSensitive(g, "name")->valuestring, s->guest[i].name);
        assert_int_equal(c->guest_cycles[i][PRIV_U] + c->guest_cycles[i][PRIV_S], json_u64(g, "guest_cycles"));
        assert_int_equal(c->guest_cycles[i][PRIV_M], json_u64(g, "vmm_cycles"));
        assert_int_equal(c->guest_instret[i][PRIV_U] + c->guest_instret[i][PRIV_S],
                         json_u64(g, "guest_instructions"));
        assert_int_equal(gs->g[i].shadow_fills, json_u64(g, "shadow_fills_hidden"));
        assert_int_equal(gs->g[i].injected, json_u64(g, "injected"));
        assert_int_equal(gs->g[i].world_switches, json_u64(g, "world_switches"));
        /* an emulated guest's instructions are the ones the VMM interpreted */
        if (cJSON_GetObjectItemCaseSensitive(g, "interpreted_instructions"))
            assert_int_equal(gs->g[i].interpreted, json_u64(g, "interpreted_instructions"));
        const char *status = cJSON_GetObjectItemCaseSensitive(g, "status")->valuestring;
        assert_int_equal(gs->g[i].killed, strcmp(status, "killed") == 0);
        assert_int_equal(gs->g[i].exited, strcmp(status, "exited") == 0);
        const cJSON *traps = cJSON_GetObjectItemCaseSensitive(g, "traps");
        for (uint32_t code = 0; code < 32; code++) {
            const cJSON *t = cJSON_GetObjectItemCaseSensitive(traps, machine_cause_name(code, false));
            assert_int_equal(gs->g[i].traps[code], t ? (uint64_t)t->valuedouble : 0);
        }
    }
    /* every event reached the timeline: the ring never lapped it */
    assert_int_equal(trapeze_simulation_get_missed(sim), 0);
    guint nspans;
    const struct tl_span *sp = trapeze_simulation_get_spans(sim, &nspans);
    assert_true(nspans > 0);
    assert_int_equal(sp[0].start, 0);
    assert_int_equal(sp[nspans - 1].end, c->cycles);
    uint64_t guest_span_cycles = 0;
    for (guint i = 0; i < nspans; i++) {
        if (i > 0)
            assert_int_equal(sp[i].start, sp[i - 1].end);   /* no gaps, no overlaps */
        if (!sp[i].vmm && sp[i].guest == 0)
            guest_span_cycles += sp[i].end - sp[i].start;
    }
    /* the spans the timeline draws add up to the machine's own attribution */
    assert_int_equal(guest_span_cycles, c->guest_cycles[0][PRIV_U] + c->guest_cycles[0][PRIV_S]);
    g_object_unref(sim);
    cJSON_Delete(cli);
}

static void gui_figures_equal_cli_figures(void **state)
{
    (void)state;
    const char *cases = getenv("TRAPEZE_CLI_CASES");
    if (!cases || !*cases)
        fail_msg("TRAPEZE_CLI_CASES is not set (run this through tests/gui/suite.sh)");
    char **list = g_strsplit(cases, ";", -1);
    int n = 0;
    for (char **p = list; *p; p++) {
        if (!**p)
            continue;
        char **kv = g_strsplit(*p, "=", 2);
        assert_non_null(kv[1]);
        compare_with_cli(kv[0], kv[1]);
        g_strfreev(kv);
        n++;
    }
    g_strfreev(list);
    assert_true(n >= 1);
}

/* ---- bad input ---------------------------------------------------------------------- */

static void bad_scenarios_are_refused_table(void **state)
{
    (void)state;
    char *dir = g_dir_make_tmp("trapeze-gui-XXXXXX", NULL);
    assert_non_null(dir);
    static const struct { const char *file, *text, *expect; } rows[] = {
        { "missing.json", NULL, "missing.json" },
        { "syntax.json", "{ \"guests\": [ { \"kernel\": \"hello\" } ", "syntax.json" },
        { "unknown.json", "{ \"guests\": [ { \"kernel\": \"hello\", \"colour\": 1 } ] }", "colour" },
        { "nokernel.json", "{ \"guests\": [ { \"kernel\": \"no-such-kernel\" } ] }", "no-such-kernel" },
        { "empty.json", "", "empty.json" },
    };
    TrapezeSimulation *sim = trapeze_simulation_new(rv32_dir);
    GError *error = NULL;
    assert_true(trapeze_simulation_load(sim, NULL, &error));
    trapeze_simulation_step(sim, SIM_STEP_CYCLES);
    uint64_t cycle = trapeze_simulation_get_cycle(sim);
    for (size_t i = 0; i < G_N_ELEMENTS(rows); i++) {
        char *path = g_build_filename(dir, rows[i].file, NULL);
        if (rows[i].text)
            assert_true(g_file_set_contents(path, rows[i].text, -1, NULL));
        error = NULL;
        assert_false(trapeze_simulation_load(sim, path, &error));
        assert_non_null(error);
        if (!strstr(error->message, rows[i].expect))
            fail_msg("%s: message '%s' does not mention '%s'", rows[i].file, error->message, rows[i].expect);
        g_error_free(error);
        /* the machine that was running is untouched */
        assert_true(trapeze_simulation_is_loaded(sim));
        assert_int_equal(trapeze_simulation_get_cycle(sim), cycle);
        assert_null(trapeze_simulation_get_path(sim));
        g_unlink(path);
        g_free(path);
    }
    g_object_unref(sim);
    g_rmdir(dir);
    g_free(dir);
}

/* ---- the window ------------------------------------------------------------------------ */

struct window_fixture {
    GtkApplication *app;
    TrapezeSimulation *sim;
    TrapezeComparison *cmp;
    TrapezeWindow *win;
};

static void on_activate_noop(GtkApplication *app, gpointer data) { (void)app; (void)data; }

static int window_setup(void **state)
{
    struct window_fixture *f = g_new0(struct window_fixture, 1);
    f->app = gtk_application_new(NULL, G_APPLICATION_NON_UNIQUE);
    g_signal_connect(f->app, "activate", G_CALLBACK(on_activate_noop), NULL);
    g_application_register(G_APPLICATION(f->app), NULL, NULL);
    f->sim = trapeze_simulation_new(rv32_dir);
    f->cmp = trapeze_comparison_new(rv32_dir);
    GError *error = NULL;
    if (!trapeze_simulation_load(f->sim, NULL, &error))
        fail_msg("%s", error->message);
    f->win = trapeze_window_new(f->app, f->sim, f->cmp, NULL);
    gtk_window_set_default_size(GTK_WINDOW(f->win), 1400, 900);
    gtk_window_present(GTK_WINDOW(f->win));
    drain_main_loop();
    *state = f;
    return 0;
}

static int window_teardown(void **state)
{
    struct window_fixture *f = *state;
    /* close any dialog the test opened, then the window */
    GListModel *tops = gtk_window_get_toplevels();
    for (guint i = g_list_model_get_n_items(tops); i-- > 0;) {
        GtkWindow *w = g_list_model_get_item(tops, i);
        gtk_window_destroy(w);
        g_object_unref(w);
    }
    drain_main_loop();
    g_object_unref(f->sim);
    g_object_unref(f->cmp);
    g_object_unref(f->app);
    g_free(f);
    return 0;
}

static void window_shows_every_guest(void **state)
{
    struct window_fixture *f = *state;
    const struct scenario *s = trapeze_simulation_get_scenario(f->sim);
    assert_int_equal(trapeze_window_get_n_guest_panels(f->win), s->nguests);
    assert_int_equal(trapeze_timeline_get_n_lanes(trapeze_window_get_timeline(f->win)), s->nguests + 1);
    for (guint i = 0; i < s->nguests; i++) {
        TrapezeGuestPanel *p = TRAPEZE_GUEST_PANEL(trapeze_window_get_guest_panel(f->win, i));
        assert_non_null(strstr(trapeze_guest_panel_get_text(p, GP_FIELD_NAME), s->guest[i].name));
    }
}

static void step_action_runs_one_slice(void **state)
{
    struct window_fixture *f = *state;
    TrapezeTrapLog *log = trapeze_window_get_trap_log(f->win);
    assert_int_equal(trapeze_simulation_get_cycle(f->sim), 0);
    assert_int_equal(trapeze_trap_log_get_n_rows(log), 0);
    /* the VMM boots for about 1.4 ms before the first guest runs */
    for (int i = 0; i < 30; i++)
        assert_true(gtk_widget_activate_action(GTK_WIDGET(f->win), "win.step", NULL));
    uint64_t c = trapeze_simulation_get_cycle(f->sim);
    assert_true(c >= 30u * SIM_STEP_CYCLES);
    /* each step may end a little late (an instruction is never split) */
    assert_true(c < 30u * (SIM_STEP_CYCLES + MAX_STEP_OVERSHOOT));
    assert_false(trapeze_simulation_get_running(f->sim));
    assert_true(trapeze_trap_log_get_n_rows(log) > 0);
    /* the top row is the newest event, and rows go back in time */
    char *c0 = trapeze_trap_log_cell_text(log, 0, 0), *c1 = trapeze_trap_log_cell_text(log, 1, 0);
    assert_non_null(c0);
    assert_non_null(c1);
    /* grouped decimal: compare without the commas */
    char *d0 = g_strdelimit(g_strdup(c0), ",", ' '), *d1 = g_strdelimit(g_strdup(c1), ",", ' ');
    GString *a = g_string_new(NULL), *b = g_string_new(NULL);
    for (char *p = d0; *p; p++) if (*p != ' ') g_string_append_c(a, *p);
    for (char *p = d1; *p; p++) if (*p != ' ') g_string_append_c(b, *p);
    assert_true(g_ascii_strtoull(a->str, NULL, 10) >= g_ascii_strtoull(b->str, NULL, 10));
    assert_true(g_ascii_strtoull(a->str, NULL, 10) <= c);
    g_string_free(a, TRUE);
    g_string_free(b, TRUE);
    g_free(d0);
    g_free(d1);
    g_free(c0);
    g_free(c1);
    assert_null(trapeze_trap_log_cell_text(log, 0, TRAP_LOG_COLUMNS));
    /* the status line says paused and the time */
    assert_non_null(strstr(trapeze_window_get_status_text(f->win), "Paused"));
    /* the timeline shows the last 5 ms, ending now */
    guint64 t0, t1;
    trapeze_timeline_get_range(trapeze_window_get_timeline(f->win), &t0, &t1);
    assert_int_equal(t1, c);
    assert_int_equal(t1 - t0, 5000u * trapeze_simulation_get_clock_hz(f->sim) / 1000000u);
}

static void run_and_pause_actions(void **state)
{
    struct window_fixture *f = *state;
    GtkWidget *w = GTK_WIDGET(f->win);
    assert_true(gtk_widget_activate_action(w, "win.run", NULL));
    assert_true(trapeze_simulation_get_running(f->sim));
    assert_non_null(strstr(trapeze_window_get_status_text(f->win), "Running"));
    /* a few frames of the main loop move the machine on */
    gint64 until = g_get_monotonic_time() + G_USEC_PER_SEC / 4;
    while (g_get_monotonic_time() < until)
        g_main_context_iteration(NULL, FALSE);
    uint64_t c = trapeze_simulation_get_cycle(f->sim);
    assert_true(c > 0);
    assert_true(gtk_widget_activate_action(w, "win.pause", NULL));
    assert_false(trapeze_simulation_get_running(f->sim));
    drain_main_loop();
    assert_int_equal(trapeze_simulation_get_cycle(f->sim), c);   /* paused means paused */
    assert_true(gtk_widget_activate_action(w, "win.reset", NULL));
    assert_int_equal(trapeze_simulation_get_cycle(f->sim), 0);
}

static void panels_report_exit_in_both_languages(void **state)
{
    struct window_fixture *f = *state;
    trapeze_simulation_set_cycles_per_frame(f->sim, SIM_SPEED_FAST_CYCLES);
    trapeze_simulation_set_running(f->sim, TRUE);
    run_main_loop_until_finished(f->sim);
    assert_true(trapeze_simulation_is_finished(f->sim));
    drain_main_loop();
    TrapezeGuestPanel *p = TRAPEZE_GUEST_PANEL(trapeze_window_get_guest_panel(f->win, 0));
    trapeze_guest_panel_update(p);
    assert_string_equal(trapeze_guest_panel_get_text(p, GP_FIELD_STATUS), "exited (code 0)");
    assert_non_null(strstr(trapeze_guest_panel_get_text(p, GP_FIELD_SHARE), "%"));
    assert_true(strlen(trapeze_guest_panel_get_text(p, GP_FIELD_CONSOLE)) > 0);
    i18n_set_lang(TZ_LANG_KO);
    trapeze_guest_panel_update(p);
    assert_string_equal(trapeze_guest_panel_get_text(p, GP_FIELD_STATUS), "종료 (코드 0)");
    i18n_set_lang(TZ_LANG_EN);
    /* finished: only reset is possible */
    assert_false(gtk_widget_activate_action(GTK_WIDGET(f->win), "win.step", NULL) &&
                 trapeze_simulation_get_cycle(f->sim) != trapeze_simulation_get_counters(f->sim)->cycles);
    assert_non_null(strstr(trapeze_window_get_status_text(f->win), "Finished"));
}

static void bad_scenario_shows_error_dialog(void **state)
{
    struct window_fixture *f = *state;
    trapeze_simulation_step(f->sim, SIM_STEP_CYCLES);
    uint64_t c = trapeze_simulation_get_cycle(f->sim);
    assert_null(trapeze_window_get_last_error(f->win));
    assert_false(trapeze_window_open_scenario(f->win, "/nonexistent/trapeze/scenario.json"));
    const char *msg = trapeze_window_get_last_error(f->win);
    assert_non_null(msg);
    assert_non_null(strstr(msg, "/nonexistent/trapeze/scenario.json"));
    /* a dialog is on screen, and the old run is still there */
    GListModel *tops = gtk_window_get_toplevels();
    gboolean dialog = FALSE;
    for (guint i = 0; i < g_list_model_get_n_items(tops); i++) {
        GObject *w = g_list_model_get_item(tops, i);
        if (GTK_IS_MESSAGE_DIALOG(w))
            dialog = TRUE;
        g_object_unref(w);
    }
    assert_true(dialog);
    assert_int_equal(trapeze_simulation_get_cycle(f->sim), c);
}

/* ---- the timeline's legend wraps instead of being cut ------------------------------------ */

#define LEGEND_WIDEST 1400
#define LEGEND_NARROWEST 400
#define LEGEND_WIDTH_STEP 10

static void timeline_legend_wraps_to_fit(void **state)
{
    struct window_fixture *f = *state;
    TrapezeTimeline *tl = trapeze_window_get_timeline(f->win);
    static const enum tz_lang langs[] = { TZ_LANG_EN, TZ_LANG_KO };
    for (size_t l = 0; l < G_N_ELEMENTS(langs); l++) {
        i18n_set_lang(langs[l]);
        gtk_widget_queue_resize(GTK_WIDGET(tl));   /* GTK caches sizes: the words changed */
        guint last_rows = 0;
        int one_row_h = 0;
        for (int width = LEGEND_WIDEST; width >= LEGEND_NARROWEST; width -= LEGEND_WIDTH_STEP) {
            double right = 0;
            guint rows = trapeze_timeline_legend_rows(tl, width, &right);
            /* every item lies inside the widget, however narrow */
            if (right > width)
                fail_msg("lang %d, width %d: the legend reaches x=%.0f", (int)langs[l], width, right);
            /* narrower never takes fewer rows, and the widget asks for them */
            assert_true(rows >= last_rows);
            last_rows = rows;
            int min_h;
            gtk_widget_measure(GTK_WIDGET(tl), GTK_ORIENTATION_VERTICAL, width, &min_h, NULL, NULL, NULL);
            if (width == LEGEND_WIDEST) {
                assert_int_equal(rows, 1);
                one_row_h = min_h;
            }
            if (rows > 1)
                assert_true(min_h > one_row_h);
            else
                assert_int_equal(min_h, one_row_h);
        }
        /* a narrow window wraps (a wide one kept one row, above) */
        assert_true(last_rows > 1);
    }
    i18n_set_lang(TZ_LANG_EN);
}

/* ---- the trap log stays at the newest event ------------------------------------------- */

#define FRAMES_TO_SETTLE 3
#define LOG_STEPS 10
#define SCROLLED_AWAY_PX 200.0

static gboolean count_frame(GtkWidget *w, GdkFrameClock *clock, gpointer data)
{
    (void)w;
    (void)clock;
    (*(int *)data)++;
    return G_SOURCE_CONTINUE;
}

/* Let GTK lay out and draw the window n times, as it does between the
 * simulation's slices when the dashboard runs. */
static void wait_frames(GtkWidget *w, int n)
{
    int frames = 0;
    guint id = gtk_widget_add_tick_callback(w, count_frame, &frames, NULL);
    gint64 deadline = g_get_monotonic_time() + MAIN_LOOP_TIMEOUT_US;
    while (frames < n && g_get_monotonic_time() < deadline) {
        gtk_widget_queue_draw(w);
        g_main_context_iteration(NULL, TRUE);
    }
    gtk_widget_remove_tick_callback(w, id);
    assert_true(frames >= n);
}

/* The cycle the user sees in the top row is the cycle of the newest event. */
static void assert_top_row_is_newest(TrapezeTrapLog *log)
{
    char *shown = trapeze_trap_log_first_visible_cycle(log), *newest = trapeze_trap_log_cell_text(log, 0, 0);
    assert_non_null(shown);
    assert_non_null(newest);
    if (strcmp(shown, newest) != 0)
        fail_msg("the trap log shows cycle %s at the top, the newest event is at cycle %s", shown, newest);
    g_free(shown);
    g_free(newest);
}

static void trap_log_follows_newest_unless_scrolled(void **state)
{
    struct window_fixture *f = *state;
    GtkWidget *w = GTK_WIDGET(f->win);
    TrapezeTrapLog *log = trapeze_window_get_trap_log(f->win);
    GtkAdjustment *v = trapeze_trap_log_get_vadjustment(log);
    assert_non_null(v);

    /* many slices with no frame in between (as --screenshot runs) */
    for (int i = 0; i < 3 * LOG_STEPS; i++)
        trapeze_simulation_step(f->sim, SIM_STEP_CYCLES);
    wait_frames(w, FRAMES_TO_SETTLE);
    assert_true(trapeze_trap_log_get_n_rows(log) > 0);
    assert_top_row_is_newest(log);

    /* slices with frames in between (as the running dashboard does) */
    for (int i = 0; i < LOG_STEPS; i++) {
        trapeze_simulation_step(f->sim, SIM_STEP_CYCLES);
        wait_frames(w, FRAMES_TO_SETTLE);
        assert_top_row_is_newest(log);
    }
    assert_true(gtk_adjustment_get_value(v) <= gtk_adjustment_get_lower(v));

    /* the user scrolls down: the rows they look at stay put */
    assert_true(gtk_adjustment_get_upper(v) - gtk_adjustment_get_page_size(v) > SCROLLED_AWAY_PX);
    gtk_adjustment_set_value(v, SCROLLED_AWAY_PX);
    wait_frames(w, FRAMES_TO_SETTLE);
    char *seen = trapeze_trap_log_first_visible_cycle(log);
    assert_non_null(seen);
    for (int i = 0; i < LOG_STEPS; i++) {
        trapeze_simulation_step(f->sim, SIM_STEP_CYCLES);
        wait_frames(w, FRAMES_TO_SETTLE);
        char *now = trapeze_trap_log_first_visible_cycle(log);
        assert_non_null(now);
        assert_string_equal(now, seen);
        g_free(now);
    }
    char *newest = trapeze_trap_log_cell_text(log, 0, 0);
    assert_string_not_equal(newest, seen);
    g_free(newest);
    g_free(seen);

    /* back at the top, the log follows the newest event again */
    gtk_adjustment_set_value(v, gtk_adjustment_get_lower(v));
    wait_frames(w, FRAMES_TO_SETTLE);
    for (int i = 0; i < LOG_STEPS; i++) {
        trapeze_simulation_step(f->sim, SIM_STEP_CYCLES);
        wait_frames(w, FRAMES_TO_SETTLE);
        assert_top_row_is_newest(log);
    }
}

/* ---- the comparison chart ------------------------------------------------------------- */

static void comparison_chart_rows(void **state)
{
    struct window_fixture *f = *state;
    trapeze_window_compare_kernel(f->win, "hello");
    trapeze_comparison_finish(f->cmp);
    assert_true(trapeze_comparison_is_done(f->cmp));
    TrapezeCompareChart *chart = trapeze_window_get_compare_chart(f->win);
    const struct compare_run *native = trapeze_comparison_get_run(f->cmp, CMP_NATIVE);
    assert_non_null(native);
    assert_true(native->available);
    assert_int_equal(native->status, MACHINE_EXITED);
    char *t = trapeze_compare_chart_row_text(chart, CMP_NATIVE);
    assert_non_null(strstr(t, " M cycles"));
    g_free(t);
    for (int m = CMP_FULL; m < CMP__COUNT; m++) {
        const struct compare_run *r = trapeze_comparison_get_run(f->cmp, (enum compare_mode)m);
        t = trapeze_compare_chart_row_text(chart, (enum compare_mode)m);
        if (r->available) {
            /* a bar: its total and its ratio to native */
            assert_true(r->done);
            assert_true(r->counters.cycles > 0);
            assert_non_null(strstr(t, "native"));
        } else {
            /* never a bar; the loader's reason instead */
            assert_true(g_str_has_prefix(t, "not available"));
            assert_true(strlen(r->why) > 0);
        }
        g_free(t);
    }
    /* full virtualization costs more than native */
    assert_true(trapeze_comparison_get_run(f->cmp, CMP_FULL)->counters.cycles > native->counters.cycles);
    /* a kernel that does not exist is refused with an error, not a crash */
    GError *error = NULL;
    assert_false(trapeze_comparison_set_kernel(f->cmp, "no-such-kernel", &error));
    assert_non_null(error);
    assert_non_null(strstr(error->message, "no-such-kernel"));
    g_error_free(error);
}

/* The default comparison kernel comes from the first guest's ELF, never
 * from its display name. */
static void default_compare_kernel_from_guest_elf(void **state)
{
    (void)state;
    static const struct { const char *json; const char *expect; } rows[] = {
        /* display names that are other kernels' names */
        { "{ \"guests\": [ { \"kernel\": \"hello\", \"name\": \"tasks\" },"
          "  { \"kernel\": \"tasks\", \"name\": \"hello\" } ] }", "hello" },
        /* the paravirtual build is still that kernel */
        { "{ \"guests\": [ { \"kernel\": \"compute\", \"name\": \"hello-para\", \"mode\": \"para\" } ] }",
          "compute" },
        /* names that are no kernel at all (as in labs/05's mixed.json) */
        { "{ \"guests\": [ { \"kernel\": \"hello\", \"name\": \"hello-full\" },"
          "  { \"kernel\": \"hello\", \"name\": \"hello-emu\", \"mode\": \"emulated\" } ] }", "hello" },
        /* a first guest that runs one of the VMM's test kernels: the next guest's */
        { "{ \"guests\": [ { \"kernel\": \"spinner\" }, { \"kernel\": \"chatty\" } ] }", "chatty" },
        { "{ \"guests\": [ { \"kernel\": \"spinner\", \"name\": \"tasks\" } ] }", NULL },
    };
    struct scenario *s = g_new0(struct scenario, 1);
    for (size_t i = 0; i < G_N_ELEMENTS(rows); i++) {
        char err[1024];
        if (scenario_parse("t.json", rows[i].json, strlen(rows[i].json), ".", rv32_dir, s, err, sizeof err) != 0)
            fail_msg("row %zu: %s", i, err);
        char *k = trapeze_comparison_default_kernel(rv32_dir, s);
        if (rows[i].expect && (!k || strcmp(k, rows[i].expect) != 0))
            fail_msg("row %zu: default kernel %s, expected %s", i, k ? k : "(none)", rows[i].expect);
        else if (rows[i].expect)
            assert_string_equal(k, rows[i].expect);
        else
            assert_null(k);
        g_free(k);
    }
    g_free(s);
    /* the same directory spelt another way; ELFs that are no guest kernel */
    char *elf = g_strdup_printf("./%s/../rv32/guests/hello/hello.elf", rv32_dir);
    char *k = trapeze_comparison_kernel_of_elf(rv32_dir, elf);
    assert_non_null(k);
    assert_string_equal(k, "hello");
    g_free(k);
    g_free(elf);
    elf = g_strdup_printf("%s/guests/firmware/firmware.elf", rv32_dir);
    assert_null(trapeze_comparison_kernel_of_elf(rv32_dir, elf));
    g_free(elf);
    elf = g_strdup_printf("%s/guests/hello/other.elf", rv32_dir);
    assert_null(trapeze_comparison_kernel_of_elf(rv32_dir, elf));
    g_free(elf);
    assert_null(trapeze_comparison_kernel_of_elf(rv32_dir, "/tmp/hello.elf"));
}

/* ---- screenshots made by the dashboard ------------------------------------------------- */

static void check_png(const char *path, int want_w, int want_h)
{
    GError *error = NULL;
    GdkTexture *tex = gdk_texture_new_from_filename(path, &error);
    if (!tex)
        fail_msg("%s: %s", path, error ? error->message : "cannot load");
    int w = gdk_texture_get_width(tex), h = gdk_texture_get_height(tex);
    if (w != want_w || h != want_h)
        fail_msg("%s: %dx%d, expected %dx%d", path, w, h, want_w, want_h);
    gsize stride = (gsize)w * 4;
    guchar *px = g_malloc(stride * (gsize)h);
    gdk_texture_download(tex, px, stride);
    /* not blank: many distinct colours, and dark text on the light background */
    GHashTable *colours = g_hash_table_new(g_direct_hash, g_direct_equal);
    gsize dark = 0;
    for (gsize i = 0; i < stride * (gsize)h; i += 4) {
        guint32 v;
        memcpy(&v, px + i, sizeof v);
        if (g_hash_table_size(colours) < 4096)
            g_hash_table_add(colours, GUINT_TO_POINTER(v));
        if (px[i] < 64 && px[i + 1] < 64 && px[i + 2] < 64)
            dark++;
    }
    if (g_hash_table_size(colours) < MIN_DISTINCT_COLOURS)
        fail_msg("%s: only %u colours, the window looks blank", path, g_hash_table_size(colours));
    if (dark < (gsize)w)
        fail_msg("%s: almost no dark pixels: no text drawn?", path);
    g_hash_table_unref(colours);
    g_free(px);
    g_object_unref(tex);
}

static void screenshots_have_size_and_content(void **state)
{
    (void)state;
    const char *shots = getenv("TRAPEZE_SCREENSHOTS");
    if (!shots || !*shots)
        fail_msg("TRAPEZE_SCREENSHOTS is not set (run this through tests/gui/suite.sh)");
    char **list = g_strsplit(shots, ";", -1);
    int n = 0;
    for (char **p = list; *p; p++) {
        if (!**p)
            continue;
        char **kv = g_strsplit(*p, "=", 2);
        int w = 0, h = 0;
        assert_non_null(kv[1]);
        assert_int_equal(sscanf(kv[1], "%dx%d", &w, &h), 2);
        check_png(kv[0], w, h);
        g_strfreev(kv);
        n++;
    }
    g_strfreev(list);
    assert_true(n >= 1);
}

int main(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    const char *build = getenv("BUILD");
    snprintf(rv32_dir, sizeof rv32_dir, "%s/rv32", build && *build ? build : "build");
    g_setenv("GSETTINGS_BACKEND", "memory", TRUE);
    if (!gtk_init_check()) {
        printf("1..1\nnot ok 1 - no display: run under xvfb-run\n");
        return 1;
    }
    i18n_set_lang(TZ_LANG_EN);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(string_tables_are_complete),
        cmocka_unit_test(language_from_environment_table),
        cmocka_unit_test(templates_and_numbers_table),
        cmocka_unit_test(trap_categories_table),
        cmocka_unit_test(event_model_newest_first),
        cmocka_unit_test(gui_figures_equal_cli_figures),
        cmocka_unit_test(bad_scenarios_are_refused_table),
        cmocka_unit_test_setup_teardown(window_shows_every_guest, window_setup, window_teardown),
        cmocka_unit_test_setup_teardown(step_action_runs_one_slice, window_setup, window_teardown),
        cmocka_unit_test_setup_teardown(run_and_pause_actions, window_setup, window_teardown),
        cmocka_unit_test_setup_teardown(panels_report_exit_in_both_languages, window_setup, window_teardown),
        cmocka_unit_test_setup_teardown(bad_scenario_shows_error_dialog, window_setup, window_teardown),
        cmocka_unit_test_setup_teardown(timeline_legend_wraps_to_fit, window_setup, window_teardown),
        cmocka_unit_test_setup_teardown(trap_log_follows_newest_unless_scrolled, window_setup, window_teardown),
        cmocka_unit_test_setup_teardown(comparison_chart_rows, window_setup, window_teardown),
        cmocka_unit_test(default_compare_kernel_from_guest_elf),
        cmocka_unit_test(screenshots_have_size_and_content),
    };
    return cmocka_run_group_tests_name("dashboard", tests, NULL, NULL);
}
