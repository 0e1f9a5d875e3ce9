/*
 * main.c — trapeze-dashboard: the GTK4 dashboard over the trapeze machine.
 *
 *   trapeze-dashboard [--scenario S.json] [--lang ko|en]
 *   trapeze-dashboard --screenshot FILE.png [--scenario S.json]
 *                     [--run-cycles N] [--lang ko|en] [--size WxH] [--compare KERNEL]
 *
 * Interactive: opens the window with the scenario booted and paused.
 * Headless (--screenshot, meant for documentation and tests under Xvfb):
 * runs N simulated cycles (0 = to the end), runs the mode comparison to its
 * end, shows the window, saves it as a PNG and exits 0; any problem is
 * printed on stderr and the exit status is 1.
 *
 * Options are parsed here by hand, before GTK starts, so that a bad option
 * gets a plain message and a usage exit status even without a display.
 */
#define G_LOG_DOMAIN "trapeze-dashboard"

#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gtk/gtk.h>

#include "../machine/paths.h"
#include "../machine/usage.h"
#include "comparison.h"
#include "i18n.h"
#include "screenshot.h"
#include "simulation.h"
#include "window.h"

#define EXIT_USAGE 2
#define DEFAULT_WIDTH 1400
#define DEFAULT_HEIGHT 900
#define MIN_SIZE 320
#define MAX_SIZE 8192
/* Frames drawn before the screenshot is taken: the first frames may
 * still be laying out (GtkColumnView fills its rows after the first). */
#define SCREENSHOT_FRAMES 4
/* Give up if the window never draws (no display, broken renderer). */
#define SCREENSHOT_TIMEOUT_S 60u
/* The first size the window gets may differ from the default size asked
 * for (client-side decorations reserve a border on some displays); it is
 * corrected this many times at most. */
#define MAX_RESIZE_TRIES 3
/* A frame right after a resize may have no render node yet: the capture is
 * retried on later frames this many times before giving up. */
#define MAX_CAPTURE_TRIES 20
#define DEFAULT_COMPARE_KERNEL "tasks"
#define PATH_BUF 4096              /* bytes for a path to the rv32 directory */

struct options {
    const char *scenario;
    const char *screenshot;
    const char *compare;
    uint64_t run_cycles;
    int width, height;
    int lang;               /* -1: from the environment */
};

struct app_state {
    struct options opt;
    char *rv32_dir;
    char *scenarios_dir;
    TrapezeSimulation *sim;
    TrapezeComparison *cmp;
    TrapezeWindow *win;
    int frames;
    int resize_tries;
    int capture_tries;
    int status;
};

static void usage(FILE *out)
{
    fputs("Usage: trapeze-dashboard [OPTIONS]\n"
          "\n"
          "The trapeze dashboard: privilege timeline, trap log, per-guest figures and\n"
          "a native / virtualized / emulated comparison of a guest kernel.\n"
          "\n"
          "  --scenario FILE.json   scenario to boot (default: the built-in default)\n"
          "  --lang ko|en           language (default: from LC_ALL / LC_MESSAGES / LANG)\n"
          "  --compare KERNEL       guest kernel for the mode comparison (default: the kernel\n"
          "                         the scenario's first guest runs, else tasks)\n"
          "  --screenshot FILE.png  headless: run, save the window as a PNG, exit\n"
          "  --run-cycles N         with --screenshot: simulated cycles to run first (0 = to the end)\n"
          "  --size WxH             with --screenshot: window size (default 1400x900)\n"
          "  --help                 this text\n",
          out);
}

/* A command-line mistake: the message, then the whole usage (machine/usage.h). */
static const struct usage_info usage_info = { "trapeze-dashboard", usage, EXIT_USAGE };

static void parse_args(int argc, char **argv, struct options *o)
{
    memset(o, 0, sizeof *o);
    o->width = DEFAULT_WIDTH;
    o->height = DEFAULT_HEIGHT;
    o->lang = -1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            exit(0);
        } else if (!strcmp(a, "--scenario")) {
            o->scenario = usage_need_arg(&usage_info, argc, argv, &i);
        } else if (!strcmp(a, "--screenshot")) {
            o->screenshot = usage_need_arg(&usage_info, argc, argv, &i);
        } else if (!strcmp(a, "--compare")) {
            o->compare = usage_need_arg(&usage_info, argc, argv, &i);
        } else if (!strcmp(a, "--lang")) {
            const char *l = usage_need_arg(&usage_info, argc, argv, &i);
            if (strcmp(l, "ko") && strcmp(l, "en"))
                usage_error(&usage_info, "--lang: expected 'ko' or 'en', got '%s'", l);
            o->lang = i18n_parse_lang(l);
        } else if (!strcmp(a, "--run-cycles")) {
            const char *s = usage_need_arg(&usage_info, argc, argv, &i);
            char *end;
            errno = 0;
            unsigned long long v = strtoull(s, &end, 10);
            if (errno || end == s || *end || s[0] == '-')
                usage_error(&usage_info, "--run-cycles: expected a number of cycles, got '%s'", s);
            o->run_cycles = v;
        } else if (!strcmp(a, "--size")) {
            const char *s = usage_need_arg(&usage_info, argc, argv, &i);
            int w, h;
            char extra;
            if (sscanf(s, "%dx%d%c", &w, &h, &extra) != 2 || w < MIN_SIZE || h < MIN_SIZE ||
                w > MAX_SIZE || h > MAX_SIZE)
                usage_error(&usage_info, "--size: expected WIDTHxHEIGHT between 320 and 8192, got '%s'", s);
            o->width = w;
            o->height = h;
        } else {
            usage_error(&usage_info, "unknown option '%s'", a);
        }
    }
}

/* The cross-compiled images live next to the binary, found as the trapeze
 * CLI finds them (machine/paths.h). NULL if there are none. */
static char *find_rv32_dir(const char *argv0)
{
    char buf[PATH_BUF];
    const char *dir = paths_find_rv32_dir(argv0, buf, sizeof buf);
    return dir ? g_strdup(dir) : NULL;
}

/* The scenario files shown in the chooser: the source tree's vmm/scenarios
 * (the binary sits in <tree>/build), else ./vmm/scenarios. */
static char *find_scenarios_dir(const char *argv0)
{
    char *dir = g_path_get_dirname(argv0);
    char *cand = g_build_filename(dir, "..", "vmm", "scenarios", NULL);
    g_free(dir);
    if (g_file_test(cand, G_FILE_TEST_IS_DIR))
        return cand;
    g_free(cand);
    if (g_file_test("vmm/scenarios", G_FILE_TEST_IS_DIR))
        return g_strdup("vmm/scenarios");
    return NULL;
}

static void load_css(void)
{
    GtkCssProvider *css = gtk_css_provider_new();
    gtk_css_provider_load_from_resource(css, "/org/trapeze/dashboard/style.css");
    gtk_style_context_add_provider_for_display(gdk_display_get_default(), GTK_STYLE_PROVIDER(css),
                                               GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    g_object_unref(css);
}

static void fail(struct app_state *st, GApplication *app, const char *msg)
{
    fprintf(stderr, "trapeze-dashboard: %s\n", msg);
    st->status = EXIT_FAILURE;
    g_application_quit(app);
}

static gboolean on_screenshot_timeout(gpointer data)
{
    struct app_state *st = data;
    fail(st, G_APPLICATION(gtk_window_get_application(GTK_WINDOW(st->win))),
         "the window was never drawn; is there a display (run under xvfb-run)?");
    return G_SOURCE_REMOVE;
}

/* The window did not get the size --size asked for: say why. Either the
 * screen is smaller (xvfb-run's default screen is 1280x1024), or the
 * window's content needs more room than that size gives it. */
static void warn_wrong_size(GtkWidget *window, const struct options *o, int w, int h)
{
    GdkRectangle screen = { 0 };
    GtkNative *native = gtk_widget_get_native(window);
    GdkSurface *surface = native ? gtk_native_get_surface(native) : NULL;
    GdkMonitor *mon = surface ? gdk_display_get_monitor_at_surface(gtk_widget_get_display(window), surface) : NULL;
    if (mon)
        gdk_monitor_get_geometry(mon, &screen);
    if (mon && (screen.width < o->width || screen.height < o->height)) {
        fprintf(stderr,
                "trapeze-dashboard: warning: the screen is only %dx%d, too small for a %dx%d window; "
                "the screenshot is %dx%d. Give the display a larger screen, e.g. "
                "xvfb-run -a -s \"-screen 0 1920x1200x24\"\n",
                screen.width, screen.height, o->width, o->height, w, h);
        return;
    }
    /* The window's own measure includes the client-side decorations'
     * margins, which its width and height do not: compare with those. */
    int min_w, min_h;
    gtk_widget_measure(window, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, NULL, NULL, NULL);
    gtk_widget_measure(window, GTK_ORIENTATION_VERTICAL, o->width, &min_h, NULL, NULL, NULL);
    if (min_w > o->width || min_h > o->height)
        fprintf(stderr,
                "trapeze-dashboard: warning: the window is %dx%d, not %dx%d: its content needs that much room\n",
                w, h, o->width, o->height);
    else
        fprintf(stderr, "trapeze-dashboard: warning: the window is %dx%d, not %dx%d: the display gave it another size\n",
                w, h, o->width, o->height);
}

static gboolean on_frame(GtkWidget *widget, GdkFrameClock *clock, gpointer data)
{
    struct app_state *st = data;
    if (++st->frames < SCREENSHOT_FRAMES) {
        gtk_widget_queue_draw(widget);
        return G_SOURCE_CONTINUE;
    }
    int w = gtk_widget_get_width(widget), h = gtk_widget_get_height(widget);
    if ((w != st->opt.width || h != st->opt.height) && st->resize_tries < MAX_RESIZE_TRIES) {
        int dw, dh;
        gtk_window_get_default_size(GTK_WINDOW(widget), &dw, &dh);
        gtk_window_set_default_size(GTK_WINDOW(widget), dw + st->opt.width - w, dh + st->opt.height - h);
        st->resize_tries++;
        st->frames = 0;
        gtk_widget_queue_resize(widget);
        return G_SOURCE_CONTINUE;
    }
    if (w != st->opt.width || h != st->opt.height)
        warn_wrong_size(widget, &st->opt, w, h);
    GError *error = NULL;
    GApplication *app = G_APPLICATION(gtk_window_get_application(GTK_WINDOW(widget)));
    if (!trapeze_screenshot_save(widget, st->opt.screenshot, &error)) {
        if (g_error_matches(error, G_IO_ERROR, G_IO_ERROR_PENDING) &&
            ++st->capture_tries < MAX_CAPTURE_TRIES) {
            g_error_free(error);
            st->frames = 0;
            gtk_widget_queue_draw(widget);
            return G_SOURCE_CONTINUE;
        }
        fail(st, app, error->message);
        g_error_free(error);
    } else {
        st->status = EXIT_SUCCESS;
        g_application_quit(app);
    }
    return G_SOURCE_REMOVE;
}

/* --compare, else the kernel the scenario's first guest runs (see
 * trapeze_comparison_default_kernel), else DEFAULT_COMPARE_KERNEL. */
static const char *pick_compare_kernel(struct app_state *st)
{
    if (st->opt.compare)
        return st->opt.compare;
    char *k = trapeze_comparison_default_kernel(st->rv32_dir, trapeze_simulation_get_scenario(st->sim));
    const char *pick = k ? g_intern_string(k) : DEFAULT_COMPARE_KERNEL;
    g_free(k);
    return pick;
}

static void on_activate(GtkApplication *app, gpointer data)
{
    struct app_state *st = data;
    load_css();
    if (!st->rv32_dir) {
        fail(st, G_APPLICATION(app),
             "cannot find the VMM and guest images (build/rv32) next to this program: build them with 'make'");
        return;
    }
    st->sim = trapeze_simulation_new(st->rv32_dir);
    st->cmp = trapeze_comparison_new(st->rv32_dir);

    GError *error = NULL;
    gboolean loaded = trapeze_simulation_load(st->sim, st->opt.scenario, &error);
    if (!loaded && st->opt.screenshot) {
        fail(st, G_APPLICATION(app), error->message);
        g_error_free(error);
        return;
    }
    if (!loaded) {
        /* Interactive: show the default scenario, and the error over it. */
        GError *e2 = NULL;
        if (!trapeze_simulation_load(st->sim, NULL, &e2)) {
            fail(st, G_APPLICATION(app), e2->message);
            g_error_free(e2);
            g_error_free(error);
            return;
        }
    }
    st->win = trapeze_window_new(app, st->sim, st->cmp, st->scenarios_dir);
    gtk_window_set_default_size(GTK_WINDOW(st->win), st->opt.width, st->opt.height);
    trapeze_window_compare_kernel(st->win, pick_compare_kernel(st));
    if (!loaded) {
        trapeze_window_show_error(st->win, tr(S_ERROR_SCENARIO), error->message);
        g_error_free(error);
    }

    if (st->opt.screenshot) {
        if (trapeze_window_get_last_error(st->win)) {
            /* trapeze_window_show_error has printed it on stderr already */
            st->status = EXIT_FAILURE;
            g_application_quit(G_APPLICATION(app));
            return;
        }
        if (st->opt.run_cycles == 0)
            while (!trapeze_simulation_is_finished(st->sim))
                trapeze_simulation_step(st->sim, SIM_SPEED_FAST_CYCLES);
        else
            trapeze_simulation_step(st->sim, st->opt.run_cycles);
        trapeze_comparison_finish(st->cmp);
        gtk_widget_add_tick_callback(GTK_WIDGET(st->win), on_frame, st, NULL);
        g_timeout_add_seconds(SCREENSHOT_TIMEOUT_S, on_screenshot_timeout, st);
    }
    gtk_window_present(GTK_WINDOW(st->win));
}

int main(int argc, char **argv)
{
    struct app_state st;
    memset(&st, 0, sizeof st);
    parse_args(argc, argv, &st.opt);
    i18n_set_lang(st.opt.lang >= 0 ? (enum tz_lang)st.opt.lang : i18n_lang_from_env());
    st.rv32_dir = find_rv32_dir(argv[0]);
    st.scenarios_dir = find_scenarios_dir(argv[0]);
    /* A screenshot must work without a session bus or settings daemon. */
    if (st.opt.screenshot)
        g_setenv("GSETTINGS_BACKEND", "memory", TRUE);

    GtkApplication *app = gtk_application_new("org.trapeze.Dashboard", G_APPLICATION_NON_UNIQUE);
    g_signal_connect(app, "activate", G_CALLBACK(on_activate), &st);
    char *gtk_argv[] = { argv[0], NULL };
    int rc = g_application_run(G_APPLICATION(app), 1, gtk_argv);
    if (st.status)
        rc = st.status;
    if (st.win)
        gtk_window_destroy(GTK_WINDOW(st.win));
    g_object_unref(app);
    g_clear_object(&st.sim);
    g_clear_object(&st.cmp);
    g_free(st.rv32_dir);
    g_free(st.scenarios_dir);
    return rc;
}
