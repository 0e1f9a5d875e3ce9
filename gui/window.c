/*
 * window.c — the dashboard window: layout, actions, scenario chooser,
 * error dialogs (see window.h).
 *
 * Actions are installed on the class (gtk_widget_class_install_action), so
 * buttons refer to them by name ("win.run") and their sensitivity follows
 * the simulation's state in one place, update_actions().
 */
#define G_LOG_DOMAIN "trapeze-window"

#include "window.h"

#include <inttypes.h>
#include <string.h>

#include "guest-panel.h"
#include "i18n.h"

#define SPACING 12
#define COMPARE_WIDTH 560   /* the chart's card; the trap log takes the rest */
#define US_PER_S 1000000u
#define STATUS_MAX 256

static const guint64 zoom_us[] = { 1000, 5000, 20000, 100000, 0 };
static const char *const zoom_labels[] = { "1 ms", "5 ms", "20 ms", "100 ms", NULL };
#define ZOOM_DEFAULT 1u
static const guint64 speed_cycles[] = { SIM_SPEED_SLOW_CYCLES, SIM_SPEED_NORMAL_CYCLES,
                                        SIM_SPEED_FAST_CYCLES };
#define SPEED_DEFAULT 1u

struct _TrapezeWindow {
    GtkApplicationWindow parent_instance;

    /* Template Widgets */
    GtkWidget *scenario_dropdown;
    GtkWidget *speed_dropdown;
    GtkWidget *status_label;
    GtkWidget *timeline;
    GtkWidget *zoom_dropdown;
    GtkWidget *panels_box;
    GtkWidget *trap_log;
    GtkWidget *kernel_dropdown;
    GtkWidget *chart;

    /* Owned References */
    GPtrArray *scenario_paths;     /* char *, NULL = built-in default */
    char **kernels;
    char *last_error;

    /* Borrowed References */
    TrapezeSimulation *sim;
    TrapezeComparison *cmp;

    /* State */
    gboolean changing_selection;   /* set while the code moves a dropdown */
    guint n_panels;
};

G_DEFINE_FINAL_TYPE(TrapezeWindow, trapeze_window, GTK_TYPE_APPLICATION_WINDOW)

/* ---- state shown in the header bar ---------------------------------------- */

static void update_actions(TrapezeWindow *self)
{
    gboolean loaded = trapeze_simulation_is_loaded(self->sim);
    gboolean running = trapeze_simulation_get_running(self->sim);
    gboolean finished = trapeze_simulation_is_finished(self->sim);
    GtkWidget *w = GTK_WIDGET(self);
    gtk_widget_action_set_enabled(w, "win.run", loaded && !running && !finished);
    gtk_widget_action_set_enabled(w, "win.pause", running);
    gtk_widget_action_set_enabled(w, "win.step", loaded && !running && !finished);
    gtk_widget_action_set_enabled(w, "win.reset", loaded);
}

static void update_status(TrapezeWindow *self)
{
    char state[2 * STATUS_MAX], a[32], b[32], text[STATUS_MAX];
    enum tz_str st = S_STATE_READY;
    if (trapeze_simulation_is_finished(self->sim))
        st = S_STATE_FINISHED;
    else if (trapeze_simulation_get_running(self->sim))
        st = S_STATE_RUNNING;
    else if (trapeze_simulation_get_cycle(self->sim) > 0)
        st = S_STATE_PAUSED;
    uint64_t cycles = trapeze_simulation_get_cycle(self->sim);
    uint64_t us = cycles * US_PER_S / trapeze_simulation_get_clock_hz(self->sim);
    tr_fill(text, sizeof text, S_TIME_FMT, fmt_grouped(us, a, sizeof a), fmt_grouped(cycles, b, sizeof b));
    snprintf(state, sizeof state, "%s · %s", tr(st), text);
    gtk_label_set_text(GTK_LABEL(self->status_label), state);
}

static void on_state_changed(TrapezeSimulation *sim, gpointer data)
{
    TrapezeWindow *self = data;
    update_actions(self);
    update_status(self);
}

static void on_advanced(TrapezeSimulation *sim, gpointer data)
{
    update_status(data);
}

/* A new machine: one panel per guest. */
static void rebuild_panels(TrapezeWindow *self)
{
    GtkWidget *child;
    while ((child = gtk_widget_get_first_child(self->panels_box)) != NULL)
        gtk_box_remove(GTK_BOX(self->panels_box), child);
    const struct scenario *s = trapeze_simulation_get_scenario(self->sim);
    self->n_panels = s ? s->nguests : 0;
    for (guint i = 0; i < self->n_panels; i++) {
        GtkWidget *p = trapeze_guest_panel_new(self->sim, i);
        gtk_widget_set_hexpand(p, TRUE);
        gtk_box_append(GTK_BOX(self->panels_box), p);
    }
}

static void on_reset(TrapezeSimulation *sim, gpointer data)
{
    TrapezeWindow *self = data;
    rebuild_panels(self);
    update_actions(self);
    update_status(self);
}

/* ---- errors ------------------------------------------------------------------ */

static void on_dialog_response(GtkDialog *dialog, int response, gpointer data)
{
    gtk_window_destroy(GTK_WINDOW(dialog));
}

void trapeze_window_show_error(TrapezeWindow *self, const char *primary, const char *detail)
{
    g_free(self->last_error);
    self->last_error = g_strdup_printf("%s: %s", primary, detail ? detail : "");
    g_printerr("trapeze-dashboard: %s\n", self->last_error);
    GtkWidget *d = gtk_message_dialog_new(GTK_WINDOW(self), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                          GTK_MESSAGE_ERROR, GTK_BUTTONS_NONE, "%s", primary);
    if (detail)
        gtk_message_dialog_format_secondary_text(GTK_MESSAGE_DIALOG(d), "%s", detail);
    gtk_dialog_add_button(GTK_DIALOG(d), tr(S_ERROR_CLOSE), GTK_RESPONSE_CLOSE);
    gtk_window_set_title(GTK_WINDOW(d), tr(S_ERROR_TITLE));
    g_signal_connect(d, "response", G_CALLBACK(on_dialog_response), NULL);
    gtk_window_present(GTK_WINDOW(d));
}

const char *trapeze_window_get_last_error(TrapezeWindow *self)
{
    return self->last_error;
}

/* ---- scenario chooser --------------------------------------------------------- */

static guint find_scenario(TrapezeWindow *self, const char *path)
{
    for (guint i = 0; i < self->scenario_paths->len; i++) {
        const char *p = g_ptr_array_index(self->scenario_paths, i);
        if ((!p && !path) || (p && path && strcmp(p, path) == 0))
            return i;
    }
    return GTK_INVALID_LIST_POSITION;
}

static guint add_scenario(TrapezeWindow *self, const char *path)
{
    guint i = find_scenario(self, path);
    if (i != GTK_INVALID_LIST_POSITION)
        return i;
    GListModel *model = gtk_drop_down_get_model(GTK_DROP_DOWN(self->scenario_dropdown));
    char *base = path ? g_path_get_basename(path) : g_strdup(tr(S_BUILTIN_DEFAULT));
    gtk_string_list_append(GTK_STRING_LIST(model), base);
    g_free(base);
    g_ptr_array_add(self->scenario_paths, g_strdup(path));
    return self->scenario_paths->len - 1;
}

static void select_current_scenario(TrapezeWindow *self)
{
    guint i = add_scenario(self, trapeze_simulation_get_path(self->sim));
    self->changing_selection = TRUE;
    gtk_drop_down_set_selected(GTK_DROP_DOWN(self->scenario_dropdown), i);
    self->changing_selection = FALSE;
}

gboolean trapeze_window_open_scenario(TrapezeWindow *self, const char *path)
{
    GError *error = NULL;
    if (!trapeze_simulation_load(self->sim, path, &error)) {
        trapeze_window_show_error(self, tr(S_ERROR_SCENARIO), error->message);
        g_error_free(error);
        if (trapeze_simulation_is_loaded(self->sim))
            select_current_scenario(self);
        return FALSE;
    }
    select_current_scenario(self);
    return TRUE;
}

static void on_scenario_selected(GObject *dropdown, GParamSpec *pspec, gpointer data)
{
    TrapezeWindow *self = data;
    if (self->changing_selection)
        return;
    guint i = gtk_drop_down_get_selected(GTK_DROP_DOWN(dropdown));
    if (i >= self->scenario_paths->len)
        return;
    const char *path = g_ptr_array_index(self->scenario_paths, i);
    const char *cur = trapeze_simulation_get_path(self->sim);
    if ((!path && !cur) || (path && cur && strcmp(path, cur) == 0))
        return;
    char *copy = g_strdup(path);
    trapeze_window_open_scenario(self, copy);
    g_free(copy);
}

static void fill_scenarios(TrapezeWindow *self, const char *dir)
{
    add_scenario(self, NULL);
    if (!dir)
        return;
    GDir *d = g_dir_open(dir, 0, NULL);
    if (!d)
        return;
    GPtrArray *names = g_ptr_array_new_with_free_func(g_free);
    const char *name;
    while ((name = g_dir_read_name(d)) != NULL)
        if (g_str_has_suffix(name, ".json"))
            g_ptr_array_add(names, g_strdup(name));
    g_dir_close(d);
    /* sorted, so the list is the same on every machine */
    for (guint i = 0; i < names->len; i++)
        for (guint j = i + 1; j < names->len; j++)
            if (strcmp(g_ptr_array_index(names, j), g_ptr_array_index(names, i)) < 0) {
                gpointer t = names->pdata[i];
                names->pdata[i] = names->pdata[j];
                names->pdata[j] = t;
            }
    for (guint i = 0; i < names->len; i++) {
        char *path = g_build_filename(dir, g_ptr_array_index(names, i), NULL);
        add_scenario(self, path);
        g_free(path);
    }
    g_ptr_array_unref(names);
}

/* ---- actions -------------------------------------------------------------------- */

static void action_run(GtkWidget *widget, const char *name, GVariant *param)
{
    TrapezeWindow *self = TRAPEZE_WINDOW(widget);
    trapeze_simulation_set_running(self->sim, TRUE);
}

static void action_pause(GtkWidget *widget, const char *name, GVariant *param)
{
    TrapezeWindow *self = TRAPEZE_WINDOW(widget);
    trapeze_simulation_set_running(self->sim, FALSE);
}

static void action_step(GtkWidget *widget, const char *name, GVariant *param)
{
    TrapezeWindow *self = TRAPEZE_WINDOW(widget);
    trapeze_simulation_step(self->sim, SIM_STEP_CYCLES);
    update_actions(self);
    update_status(self);
}

static void action_reset(GtkWidget *widget, const char *name, GVariant *param)
{
    TrapezeWindow *self = TRAPEZE_WINDOW(widget);
    GError *error = NULL;
    if (!trapeze_simulation_reset(self->sim, &error)) {
        trapeze_window_show_error(self, tr(S_ERROR_SCENARIO), error->message);
        g_error_free(error);
    }
}

static void on_open_response(GtkNativeDialog *dialog, int response, gpointer data)
{
    TrapezeWindow *self = data;
    if (response == GTK_RESPONSE_ACCEPT) {
        GFile *file = gtk_file_chooser_get_file(GTK_FILE_CHOOSER(dialog));
        char *path = file ? g_file_get_path(file) : NULL;
        if (path)
            trapeze_window_open_scenario(self, path);
        g_free(path);
        if (file)
            g_object_unref(file);
    }
    g_object_unref(dialog);
}

static void action_open(GtkWidget *widget, const char *name, GVariant *param)
{
    GtkFileChooserNative *fc = gtk_file_chooser_native_new(tr(S_OPEN_TITLE), GTK_WINDOW(widget),
                                                           GTK_FILE_CHOOSER_ACTION_OPEN, NULL, NULL);
    GtkFileFilter *filter = gtk_file_filter_new();
    gtk_file_filter_add_pattern(filter, "*.json");
    gtk_file_chooser_add_filter(GTK_FILE_CHOOSER(fc), filter);
    g_object_unref(filter);
    g_signal_connect(fc, "response", G_CALLBACK(on_open_response), widget);
    gtk_native_dialog_show(GTK_NATIVE_DIALOG(fc));
}

/* ---- other controls ------------------------------------------------------------ */

static void on_speed_selected(GObject *dropdown, GParamSpec *pspec, gpointer data)
{
    TrapezeWindow *self = data;
    guint i = gtk_drop_down_get_selected(GTK_DROP_DOWN(dropdown));
    if (i < G_N_ELEMENTS(speed_cycles))
        trapeze_simulation_set_cycles_per_frame(self->sim, speed_cycles[i]);
}

static void on_zoom_selected(GObject *dropdown, GParamSpec *pspec, gpointer data)
{
    TrapezeWindow *self = data;
    guint i = gtk_drop_down_get_selected(GTK_DROP_DOWN(dropdown));
    if (i < G_N_ELEMENTS(zoom_us))
        trapeze_timeline_set_window_us(TRAPEZE_TIMELINE(self->timeline), zoom_us[i]);
}

void trapeze_window_compare_kernel(TrapezeWindow *self, const char *kernel)
{
    GError *error = NULL;
    if (!trapeze_comparison_set_kernel(self->cmp, kernel, &error)) {
        trapeze_window_show_error(self, tr(S_COMPARE_TITLE), error->message);
        g_error_free(error);
    }
    for (guint i = 0; self->kernels && self->kernels[i]; i++)
        if (strcmp(self->kernels[i], kernel) == 0) {
            self->changing_selection = TRUE;
            gtk_drop_down_set_selected(GTK_DROP_DOWN(self->kernel_dropdown), i);
            self->changing_selection = FALSE;
        }
}

static void on_kernel_selected(GObject *dropdown, GParamSpec *pspec, gpointer data)
{
    TrapezeWindow *self = data;
    if (self->changing_selection)
        return;
    guint i = gtk_drop_down_get_selected(GTK_DROP_DOWN(dropdown));
    if (self->kernels && i < g_strv_length(self->kernels))
        trapeze_window_compare_kernel(self, self->kernels[i]);
}

/* ---- layout ------------------------------------------------------------------------- */

static GtkWidget *action_button(const char *action, const char *icon, enum tz_str label, enum tz_str tip)
{
    GtkWidget *box = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 6);
    gtk_box_append(GTK_BOX(box), gtk_image_new_from_icon_name(icon));
    gtk_box_append(GTK_BOX(box), gtk_label_new(tr(label)));
    GtkWidget *b = gtk_button_new();
    gtk_button_set_child(GTK_BUTTON(b), box);
    gtk_actionable_set_action_name(GTK_ACTIONABLE(b), action);
    gtk_widget_set_tooltip_text(b, tr(tip));
    gtk_widget_add_css_class(b, "control");
    return b;
}

static GtkWidget *section_title(enum tz_str title)
{
    GtkWidget *l = gtk_label_new(tr(title));
    gtk_label_set_xalign(GTK_LABEL(l), 0.0f);
    gtk_widget_add_css_class(l, "section-title");
    return l;
}

static GtkWidget *string_dropdown(const char *const *items, guint selected, enum tz_str tip)
{
    GtkWidget *d = gtk_drop_down_new_from_strings(items);
    gtk_drop_down_set_selected(GTK_DROP_DOWN(d), selected);
    gtk_widget_set_tooltip_text(d, tr(tip));
    gtk_widget_set_valign(d, GTK_ALIGN_CENTER);
    return d;
}

static void build_header(TrapezeWindow *self)
{
    GtkWidget *header = gtk_header_bar_new();
    GtkWidget *title = gtk_label_new(NULL);
    char *markup = g_markup_printf_escaped("<b>%s</b>  %s", tr(S_APP_TITLE), tr(S_APP_SUBTITLE));
    gtk_label_set_markup(GTK_LABEL(title), markup);
    g_free(markup);
    gtk_widget_add_css_class(title, "app-title");
    gtk_header_bar_set_title_widget(GTK_HEADER_BAR(header), title);

    gtk_header_bar_pack_start(GTK_HEADER_BAR(header),
                              action_button("win.run", "media-playback-start-symbolic", S_RUN, S_RUN_TIP));
    gtk_header_bar_pack_start(GTK_HEADER_BAR(header),
                              action_button("win.pause", "media-playback-pause-symbolic", S_PAUSE, S_PAUSE_TIP));
    gtk_header_bar_pack_start(GTK_HEADER_BAR(header),
                              action_button("win.step", "media-skip-forward-symbolic", S_STEP, S_STEP_TIP));
    gtk_header_bar_pack_start(GTK_HEADER_BAR(header),
                              action_button("win.reset", "view-refresh-symbolic", S_RESET, S_RESET_TIP));

    self->scenario_dropdown = gtk_drop_down_new(G_LIST_MODEL(gtk_string_list_new(NULL)), NULL);
    gtk_widget_set_tooltip_text(self->scenario_dropdown, tr(S_SCENARIO_TIP));
    gtk_widget_set_valign(self->scenario_dropdown, GTK_ALIGN_CENTER);
    gtk_header_bar_pack_start(GTK_HEADER_BAR(header), self->scenario_dropdown);
    GtkWidget *open = gtk_button_new_from_icon_name("document-open-symbolic");
    gtk_actionable_set_action_name(GTK_ACTIONABLE(open), "win.open");
    gtk_widget_set_tooltip_text(open, tr(S_OPEN_TIP));
    gtk_header_bar_pack_start(GTK_HEADER_BAR(header), open);

    const char *speeds[] = { tr(S_SPEED_SLOW), tr(S_SPEED_NORMAL), tr(S_SPEED_FAST), NULL };
    self->speed_dropdown = string_dropdown(speeds, SPEED_DEFAULT, S_SPEED_TIP);
    gtk_header_bar_pack_end(GTK_HEADER_BAR(header), self->speed_dropdown);

    gtk_window_set_titlebar(GTK_WINDOW(self), header);
}

static void build_body(TrapezeWindow *self)
{
    GtkWidget *body = gtk_box_new(GTK_ORIENTATION_VERTICAL, SPACING);
    gtk_widget_add_css_class(body, "dashboard");

    /* timeline */
    GtkWidget *tl_card = gtk_box_new(GTK_ORIENTATION_VERTICAL, 4);
    gtk_widget_add_css_class(tl_card, "card");
    GtkWidget *tl_head = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, SPACING);
    GtkWidget *tl_title = section_title(S_TIMELINE_TITLE);
    gtk_widget_set_hexpand(tl_title, TRUE);
    gtk_box_append(GTK_BOX(tl_head), tl_title);
    self->status_label = gtk_label_new("");
    gtk_widget_add_css_class(self->status_label, "status-line");
    gtk_box_append(GTK_BOX(tl_head), self->status_label);
    const char *zooms[G_N_ELEMENTS(zoom_us) + 1];
    for (guint i = 0; i < G_N_ELEMENTS(zoom_us); i++)
        zooms[i] = zoom_labels[i] ? zoom_labels[i] : tr(S_ZOOM_WHOLE);
    zooms[G_N_ELEMENTS(zoom_us)] = NULL;
    self->zoom_dropdown = string_dropdown(zooms, ZOOM_DEFAULT, S_TIMELINE_ZOOM_TIP);
    gtk_box_append(GTK_BOX(tl_head), self->zoom_dropdown);
    gtk_box_append(GTK_BOX(tl_card), tl_head);
    self->timeline = trapeze_timeline_new(self->sim);
    trapeze_timeline_set_window_us(TRAPEZE_TIMELINE(self->timeline), zoom_us[ZOOM_DEFAULT]);
    gtk_box_append(GTK_BOX(tl_card), self->timeline);
    gtk_box_append(GTK_BOX(body), tl_card);

    /* guest panels, side by side; scroll sideways when there are many */
    self->panels_box = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, SPACING);
    gtk_box_set_homogeneous(GTK_BOX(self->panels_box), TRUE);
    GtkWidget *panels_scroll = gtk_scrolled_window_new();
    gtk_scrolled_window_set_policy(GTK_SCROLLED_WINDOW(panels_scroll), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
    gtk_scrolled_window_set_propagate_natural_height(GTK_SCROLLED_WINDOW(panels_scroll), TRUE);
    gtk_scrolled_window_set_child(GTK_SCROLLED_WINDOW(panels_scroll), self->panels_box);
    gtk_box_append(GTK_BOX(body), panels_scroll);

    /* trap log | comparison */
    GtkWidget *bottom = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, SPACING);
    gtk_widget_set_vexpand(bottom, TRUE);
    self->trap_log = trapeze_trap_log_new(self->sim);
    gtk_widget_add_css_class(self->trap_log, "card");
    gtk_widget_set_hexpand(self->trap_log, TRUE);
    gtk_box_append(GTK_BOX(bottom), self->trap_log);

    GtkWidget *cmp_card = gtk_box_new(GTK_ORIENTATION_VERTICAL, 4);
    gtk_widget_add_css_class(cmp_card, "card");
    gtk_widget_set_size_request(cmp_card, COMPARE_WIDTH, -1);
    /* explicit, or the title's hexpand would make the whole card grow */
    gtk_widget_set_hexpand(cmp_card, FALSE);
    GtkWidget *cmp_head = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, SPACING);
    GtkWidget *cmp_title = section_title(S_COMPARE_TITLE);
    gtk_widget_set_hexpand(cmp_title, TRUE);
    gtk_box_append(GTK_BOX(cmp_head), cmp_title);
    self->kernels = trapeze_comparison_list_kernels(trapeze_simulation_get_rv32_dir(self->sim));
    self->kernel_dropdown = string_dropdown((const char *const *)self->kernels, 0, S_COMPARE_KERNEL_TIP);
    gtk_box_append(GTK_BOX(cmp_head), self->kernel_dropdown);
    gtk_box_append(GTK_BOX(cmp_card), cmp_head);
    self->chart = trapeze_compare_chart_new(self->cmp);
    gtk_widget_set_vexpand(self->chart, TRUE);
    gtk_box_append(GTK_BOX(cmp_card), self->chart);
    gtk_box_append(GTK_BOX(cmp_card), trapeze_compare_chart_legend_new());
    gtk_box_append(GTK_BOX(bottom), cmp_card);
    gtk_box_append(GTK_BOX(body), bottom);

    gtk_window_set_child(GTK_WINDOW(self), body);
}

static void trapeze_window_dispose(GObject *object)
{
    TrapezeWindow *self = TRAPEZE_WINDOW(object);
    if (self->sim) {
        g_signal_handlers_disconnect_by_data(self->sim, self);
        self->sim = NULL;
    }
    self->cmp = NULL;
    G_OBJECT_CLASS(trapeze_window_parent_class)->dispose(object);
}

static void trapeze_window_finalize(GObject *object)
{
    TrapezeWindow *self = TRAPEZE_WINDOW(object);
    g_ptr_array_unref(self->scenario_paths);
    g_strfreev(self->kernels);
    g_free(self->last_error);
    G_OBJECT_CLASS(trapeze_window_parent_class)->finalize(object);
}

static void trapeze_window_class_init(TrapezeWindowClass *klass)
{
    G_OBJECT_CLASS(klass)->dispose = trapeze_window_dispose;
    G_OBJECT_CLASS(klass)->finalize = trapeze_window_finalize;
    GtkWidgetClass *wc = GTK_WIDGET_CLASS(klass);
    gtk_widget_class_install_action(wc, "win.run", NULL, action_run);
    gtk_widget_class_install_action(wc, "win.pause", NULL, action_pause);
    gtk_widget_class_install_action(wc, "win.step", NULL, action_step);
    gtk_widget_class_install_action(wc, "win.reset", NULL, action_reset);
    gtk_widget_class_install_action(wc, "win.open", NULL, action_open);
    gtk_widget_class_add_binding_action(wc, GDK_KEY_n, GDK_CONTROL_MASK, "win.step", NULL);
    gtk_widget_class_add_binding_action(wc, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
}

static void trapeze_window_init(TrapezeWindow *self)
{
    self->scenario_paths = g_ptr_array_new_with_free_func(g_free);
}

TrapezeWindow *trapeze_window_new(GtkApplication *app, TrapezeSimulation *sim, TrapezeComparison *cmp,
                                  const char *scenarios_dir)
{
    TrapezeWindow *self = g_object_new(TRAPEZE_TYPE_WINDOW, "application", app, NULL);
    self->sim = sim;
    self->cmp = cmp;
    gtk_window_set_title(GTK_WINDOW(self), tr(S_APP_TITLE));
    build_header(self);
    build_body(self);
    fill_scenarios(self, scenarios_dir);
    g_signal_connect(sim, "state-changed", G_CALLBACK(on_state_changed), self);
    g_signal_connect(sim, "advanced", G_CALLBACK(on_advanced), self);
    g_signal_connect(sim, "reset", G_CALLBACK(on_reset), self);
    g_signal_connect(self->scenario_dropdown, "notify::selected", G_CALLBACK(on_scenario_selected), self);
    g_signal_connect(self->speed_dropdown, "notify::selected", G_CALLBACK(on_speed_selected), self);
    g_signal_connect(self->zoom_dropdown, "notify::selected", G_CALLBACK(on_zoom_selected), self);
    g_signal_connect(self->kernel_dropdown, "notify::selected", G_CALLBACK(on_kernel_selected), self);
    if (trapeze_simulation_is_loaded(sim)) {
        rebuild_panels(self);
        select_current_scenario(self);
    }
    update_actions(self);
    update_status(self);
    return self;
}

TrapezeTimeline *trapeze_window_get_timeline(TrapezeWindow *self) { return TRAPEZE_TIMELINE(self->timeline); }
TrapezeTrapLog *trapeze_window_get_trap_log(TrapezeWindow *self) { return TRAPEZE_TRAP_LOG(self->trap_log); }
TrapezeCompareChart *trapeze_window_get_compare_chart(TrapezeWindow *self)
{
    return TRAPEZE_COMPARE_CHART(self->chart);
}
guint trapeze_window_get_n_guest_panels(TrapezeWindow *self) { return self->n_panels; }

GtkWidget *trapeze_window_get_guest_panel(TrapezeWindow *self, guint i)
{
    GtkWidget *c = gtk_widget_get_first_child(self->panels_box);
    while (c && i-- > 0)
        c = gtk_widget_get_next_sibling(c);
    return c;
}

const char *trapeze_window_get_status_text(TrapezeWindow *self)
{
    return gtk_label_get_text(GTK_LABEL(self->status_label));
}
