/*
 * guest-panel.c — one guest's card (see guest-panel.h).
 */
#define G_LOG_DOMAIN "trapeze-guest-panel"

#include "guest-panel.h"

#include <inttypes.h>
#include <string.h>

#include "i18n.h"
#include "palette.h"

#define CONSOLE_LINES 3
#define STATUS_LINES 2
#define TEXT_MAX 512
#define SHARE_BAR_H 18
#define PERMILLE 1000u
#define CAUSE_CODES 32u

struct _TrapezeGuestPanel {
    GtkWidget parent_instance;

    /* Template Widgets */
    GtkWidget *box;
    GtkWidget *name;
    GtkWidget *mode;
    GtkWidget *status;
    GtkWidget *share_bar;
    GtkWidget *value[GP_FIELD__COUNT];
    GtkWidget *traps_detail;
    GtkWidget *emulated_detail;
    GtkWidget *shadow_detail;

    /* Borrowed References */
    TrapezeSimulation *sim;

    /* State */
    guint guest;
    uint64_t guest_cycles, vmm_cycles, total_cycles;
};

G_DEFINE_FINAL_TYPE(TrapezeGuestPanel, trapeze_guest_panel, GTK_TYPE_WIDGET)

static void draw_share(GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
    TrapezeGuestPanel *self = data;
    cairo_set_source_rgba(cr, 0.5, 0.5, 0.5, 0.18);
    cairo_rectangle(cr, 0, 0, width, height);
    cairo_fill(cr);
    if (self->total_cycles == 0)
        return;
    double gw = width * (double)self->guest_cycles / (double)self->total_cycles;
    double vw = width * (double)self->vmm_cycles / (double)self->total_cycles;
    struct rgb g = palette_guest(self->guest), v = palette_guest_dark(self->guest);
    cairo_set_source_rgb(cr, g.r, g.g, g.b);
    cairo_rectangle(cr, 0, 0, gw, height);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, v.r, v.g, v.b);
    cairo_rectangle(cr, gw, 0, vw, height);
    cairo_fill(cr);
}

static GtkWidget *add_row(TrapezeGuestPanel *self, GtkGrid *grid, int row, enum tz_str key,
                          enum guest_panel_field field)
{
    GtkWidget *k = gtk_label_new(tr(key));
    gtk_label_set_xalign(GTK_LABEL(k), 0.0f);
    gtk_widget_add_css_class(k, "field-key");
    GtkWidget *v = gtk_label_new("");
    gtk_label_set_xalign(GTK_LABEL(v), 1.0f);
    gtk_widget_set_hexpand(v, TRUE);
    gtk_label_set_ellipsize(GTK_LABEL(v), PANGO_ELLIPSIZE_START);
    gtk_widget_add_css_class(v, "field-value");
    gtk_grid_attach(grid, k, 0, row, 1, 1);
    gtk_grid_attach(grid, v, 1, row, 1, 1);
    self->value[field] = v;
    return v;
}

/* A row whose value has a detail part: key, detail (small, may be cut
 * short), total (bold). Spans both grid columns. */
static void add_split_row(TrapezeGuestPanel *self, GtkGrid *grid, int row, enum tz_str key,
                          enum guest_panel_field field, GtkWidget **detail_out)
{
    GtkWidget *box = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 8);
    GtkWidget *k = gtk_label_new(tr(key));
    gtk_label_set_xalign(GTK_LABEL(k), 0.0f);
    gtk_widget_add_css_class(k, "field-key");
    GtkWidget *d = gtk_label_new("");
    gtk_label_set_xalign(GTK_LABEL(d), 1.0f);
    gtk_widget_set_hexpand(d, TRUE);
    gtk_label_set_ellipsize(GTK_LABEL(d), PANGO_ELLIPSIZE_END);
    gtk_widget_add_css_class(d, "field-detail");
    GtkWidget *v = gtk_label_new("");
    gtk_label_set_xalign(GTK_LABEL(v), 1.0f);
    gtk_widget_add_css_class(v, "field-value");
    gtk_box_append(GTK_BOX(box), k);
    gtk_box_append(GTK_BOX(box), d);
    gtk_box_append(GTK_BOX(box), v);
    gtk_grid_attach(grid, box, 0, row, 2, 1);
    self->value[field] = v;
    *detail_out = d;
}

static void trapeze_guest_panel_dispose(GObject *object)
{
    TrapezeGuestPanel *self = TRAPEZE_GUEST_PANEL(object);
    if (self->sim) {
        g_signal_handlers_disconnect_by_data(self->sim, self);
        self->sim = NULL;
    }
    g_clear_pointer(&self->box, gtk_widget_unparent);
    G_OBJECT_CLASS(trapeze_guest_panel_parent_class)->dispose(object);
}

static void trapeze_guest_panel_class_init(TrapezeGuestPanelClass *klass)
{
    G_OBJECT_CLASS(klass)->dispose = trapeze_guest_panel_dispose;
    gtk_widget_class_set_layout_manager_type(GTK_WIDGET_CLASS(klass), GTK_TYPE_BIN_LAYOUT);
    gtk_widget_class_set_css_name(GTK_WIDGET_CLASS(klass), "guestpanel");
}

static void trapeze_guest_panel_init(TrapezeGuestPanel *self)
{
    self->box = gtk_box_new(GTK_ORIENTATION_VERTICAL, 6);
    gtk_widget_set_parent(self->box, GTK_WIDGET(self));
    gtk_widget_add_css_class(self->box, "card-body");

    GtkWidget *head = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 8);
    self->name = gtk_label_new("");
    gtk_label_set_xalign(GTK_LABEL(self->name), 0.0f);
    gtk_widget_add_css_class(self->name, "guest-name");
    self->mode = gtk_label_new("");
    gtk_widget_add_css_class(self->mode, "mode-tag");
    gtk_widget_set_valign(self->mode, GTK_ALIGN_CENTER);
    self->status = gtk_label_new("");
    gtk_label_set_xalign(GTK_LABEL(self->status), 1.0f);
    gtk_widget_set_hexpand(self->status, TRUE);
    gtk_label_set_ellipsize(GTK_LABEL(self->status), PANGO_ELLIPSIZE_END);
    gtk_widget_add_css_class(self->status, "status");
    gtk_widget_set_hexpand(self->name, TRUE);
    gtk_label_set_ellipsize(GTK_LABEL(self->name), PANGO_ELLIPSIZE_END);
    gtk_label_set_xalign(GTK_LABEL(self->status), 0.0f);
    gtk_label_set_wrap(GTK_LABEL(self->status), TRUE);
    gtk_label_set_wrap_mode(GTK_LABEL(self->status), PANGO_WRAP_WORD_CHAR);
    gtk_label_set_lines(GTK_LABEL(self->status), STATUS_LINES);
    gtk_box_append(GTK_BOX(head), self->name);
    gtk_box_append(GTK_BOX(head), self->mode);
    gtk_box_append(GTK_BOX(self->box), head);
    /* the status gets a line of its own: "stopped: touched memory outside
     * its partition" must be readable even in a narrow panel */
    gtk_box_append(GTK_BOX(self->box), self->status);
    self->value[GP_FIELD_NAME] = self->name;
    self->value[GP_FIELD_STATUS] = self->status;

    GtkWidget *share_row = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, 8);
    self->share_bar = gtk_drawing_area_new();
    gtk_widget_set_size_request(self->share_bar, -1, SHARE_BAR_H);
    gtk_widget_set_hexpand(self->share_bar, TRUE);
    gtk_widget_set_valign(self->share_bar, GTK_ALIGN_CENTER);
    gtk_drawing_area_set_draw_func(GTK_DRAWING_AREA(self->share_bar), draw_share, self, NULL);
    gtk_widget_set_tooltip_text(self->share_bar, tr(S_SHARE));
    GtkWidget *share = gtk_label_new("");
    gtk_widget_add_css_class(share, "share");
    self->value[GP_FIELD_SHARE] = share;
    gtk_box_append(GTK_BOX(share_row), self->share_bar);
    gtk_box_append(GTK_BOX(share_row), share);
    gtk_box_append(GTK_BOX(self->box), share_row);

    GtkWidget *grid = gtk_grid_new();
    gtk_grid_set_column_spacing(GTK_GRID(grid), 12);
    gtk_grid_set_row_spacing(GTK_GRID(grid), 2);
    int row = 0;
    add_row(self, GTK_GRID(grid), row++, S_GUEST_CYCLES, GP_FIELD_GUEST_CYCLES);
    add_row(self, GTK_GRID(grid), row++, S_VMM_CYCLES, GP_FIELD_VMM_CYCLES);
    add_row(self, GTK_GRID(grid), row++, S_INSTRUCTIONS, GP_FIELD_INSTRUCTIONS);
    add_split_row(self, GTK_GRID(grid), row++, S_TRAPS, GP_FIELD_TRAPS, &self->traps_detail);
    add_split_row(self, GTK_GRID(grid), row++, S_EMULATED, GP_FIELD_EMULATED, &self->emulated_detail);
    add_split_row(self, GTK_GRID(grid), row++, S_SHADOW, GP_FIELD_SHADOW, &self->shadow_detail);
    gtk_box_append(GTK_BOX(self->box), grid);

    GtkWidget *console = gtk_label_new("");
    gtk_label_set_xalign(GTK_LABEL(console), 0.0f);
    gtk_label_set_yalign(GTK_LABEL(console), 0.0f);
    gtk_label_set_wrap(GTK_LABEL(console), FALSE);
    gtk_label_set_ellipsize(GTK_LABEL(console), PANGO_ELLIPSIZE_END);
    gtk_widget_add_css_class(console, "console");
    gtk_widget_set_vexpand(console, TRUE);
    gtk_widget_set_tooltip_text(console, tr(S_CONSOLE));
    self->value[GP_FIELD_CONSOLE] = console;
    gtk_box_append(GTK_BOX(self->box), console);
}

/* The last CONSOLE_LINES lines of what the guest printed, made safe to show
 * (a guest may print anything: bytes that are not printable ASCII become '.'). */
static void console_tail(const struct guest_stat *g, char *out, size_t len)
{
    uint32_t n = g->console_len, start = n, lines = 0;
    while (n > 0 && g->console[n - 1] == '\n')
        n--;    /* ignore the final newline */
    start = n;
    while (start > 0) {
        if (g->console[start - 1] == '\n' && ++lines == CONSOLE_LINES)
            break;
        start--;
    }
    size_t o = 0;
    for (uint32_t i = start; i < n && o + 1 < len; i++) {
        unsigned char c = (unsigned char)g->console[i];
        out[o++] = (c == '\n' || (c >= ' ' && c < 0x7f)) ? (char)c : '.';
    }
    out[o] = '\0';
}

static void set_text(GtkWidget *label, const char *text)
{
    if (strcmp(gtk_label_get_text(GTK_LABEL(label)), text) != 0)
        gtk_label_set_text(GTK_LABEL(label), text);
}

static enum tz_str mode_label(uint32_t mode)
{
    switch (mode) {
    case TZ_GUEST_MODE_PARA: return S_MODE_PARA_SHORT;
    case TZ_GUEST_MODE_EMULATED: return S_MODE_EMULATED_SHORT;
    default: return S_MODE_FULL_SHORT;
    }
}

void trapeze_guest_panel_update(TrapezeGuestPanel *self)
{
    const struct scenario *s = trapeze_simulation_get_scenario(self->sim);
    const struct machine_counters *c = trapeze_simulation_get_counters(self->sim);
    const struct guest_stats *gs = trapeze_simulation_get_guest_stats(self->sim);
    if (!s || !gs || self->guest >= s->nguests || self->guest >= MACHINE_MAX_GUESTS)
        return;
    const struct guest_stat *g = &gs->g[self->guest];
    char text[TEXT_MAX], a[32], b[32], hex[8];
    guint i = self->guest;

    char *markup = g_markup_printf_escaped("<span foreground=\"%s\">●</span> %s",
                                           palette_hex(palette_guest(i), hex), s->guest[i].name);
    gtk_label_set_markup(GTK_LABEL(self->name), markup);
    g_free(markup);
    set_text(self->mode, tr(mode_label(s->guest[i].mode)));

    if (g->killed)
        tr_fill(text, sizeof text, S_STATUS_KILLED_FMT, tr_kill_reason(g->kill_reason), NULL);
    else if (g->exited)
        tr_fill(text, sizeof text, S_STATUS_EXITED_FMT, fmt_grouped(g->exit_code, a, sizeof a), NULL);
    else
        snprintf(text, sizeof text, "%s", tr(S_STATUS_RUNNING));
    set_text(self->status, text);
    gtk_widget_set_tooltip_text(self->status, text);
    gtk_widget_remove_css_class(self->status, "killed");
    gtk_widget_remove_css_class(self->status, "exited");
    if (g->killed)
        gtk_widget_add_css_class(self->status, "killed");
    else if (g->exited)
        gtk_widget_add_css_class(self->status, "exited");

    self->guest_cycles = c->guest_cycles[i][PRIV_U] + c->guest_cycles[i][PRIV_S];
    self->vmm_cycles = c->guest_cycles[i][PRIV_M];
    self->total_cycles = c->cycles;
    set_text(self->value[GP_FIELD_GUEST_CYCLES], fmt_grouped(self->guest_cycles, a, sizeof a));
    set_text(self->value[GP_FIELD_VMM_CYCLES], fmt_grouped(self->vmm_cycles, a, sizeof a));
    uint64_t permille = c->cycles ? (self->guest_cycles + self->vmm_cycles) * PERMILLE / c->cycles : 0;
    snprintf(text, sizeof text, "%" PRIu64 ".%" PRIu64 " %%", permille / 10, permille % 10);
    set_text(self->value[GP_FIELD_SHARE], text);
    gtk_widget_queue_draw(self->share_bar);
    /* An emulated guest never executes on the hart: its instructions are
     * the ones the VMM's interpreter ran for it. */
    bool interp = s->guest[i].mode == TZ_GUEST_MODE_EMULATED;
    uint64_t instructions = interp ? g->interpreted : c->guest_instret[i][PRIV_U] + c->guest_instret[i][PRIV_S];
    set_text(self->value[GP_FIELD_INSTRUCTIONS], fmt_grouped(instructions, a, sizeof a));
    gtk_widget_set_tooltip_text(self->value[GP_FIELD_INSTRUCTIONS], interp ? tr(S_INTERPRETED_TIP) : NULL);

    /* traps: counts per cause category (coloured like the timeline's marks), then the total */
    uint64_t by_cat[TRAP_CAT__COUNT] = { 0 }, total = 0;
    for (uint32_t code = 0; code < CAUSE_CODES; code++) {
        by_cat[trap_category_of(code, false)] += g->traps[code];
        by_cat[trap_category_of(code, true)] += g->interrupts[code];
        total += g->traps[code] + g->interrupts[code];
    }
    GString *tip = g_string_new(NULL);
    for (int cat = 0; cat < TRAP_CAT__COUNT; cat++) {
        if (!by_cat[cat])
            continue;
        if (tip->len)
            g_string_append(tip, "\n");
        g_string_append_printf(tip, "%s: %s", tr(trap_category_label((enum trap_category)cat)),
                               fmt_grouped(by_cat[cat], a, sizeof a));
    }
    /* small coloured counts per category after the total */
    GString *m = g_string_new(NULL);
    for (int cat = 0; cat < TRAP_CAT__COUNT; cat++) {
        if (!by_cat[cat])
            continue;
        g_string_append_printf(m, "<span foreground=\"%s\">▼</span>%s ",
                               palette_hex(palette_trap((enum trap_category)cat), hex),
                               fmt_grouped(by_cat[cat], a, sizeof a));
    }
    gtk_label_set_markup(GTK_LABEL(self->traps_detail), m->str);
    gtk_widget_set_tooltip_text(self->traps_detail, tip->str);
    set_text(self->value[GP_FIELD_TRAPS], fmt_grouped(total, b, sizeof b));
    g_string_free(m, TRUE);
    g_string_free(tip, TRUE);

    size_t o = 0;
    uint64_t emulated = 0;
    text[0] = '\0';
    for (uint32_t k = 0; k < TZ_EMUL__COUNT && o < sizeof text; k++) {
        if (!g->emulated[k])
            continue;
        emulated += g->emulated[k];
        o += (size_t)snprintf(text + o, sizeof text - o, "%s%s %s", o ? " · " : "", emul_kind_name(k),
                              fmt_grouped(g->emulated[k], a, sizeof a));
    }
    set_text(self->emulated_detail, text);
    gtk_widget_set_tooltip_text(self->emulated_detail, o ? text : NULL);
    set_text(self->value[GP_FIELD_EMULATED], fmt_grouped(emulated, a, sizeof a));
    tr_fill(text, sizeof text, S_SHADOW_FMT, fmt_grouped(g->shadow_fills, a, sizeof a),
            fmt_grouped(g->injected_faults, b, sizeof b));
    gtk_widget_set_tooltip_text(self->value[GP_FIELD_SHADOW], text);
    set_text(self->shadow_detail, tr(S_SHADOW_DETAIL));
    snprintf(text, sizeof text, "%s · %s", fmt_grouped(g->shadow_fills, a, sizeof a),
             fmt_grouped(g->injected_faults, b, sizeof b));
    set_text(self->value[GP_FIELD_SHADOW], text);
    snprintf(text, sizeof text, "%s: %s", tr(S_SWITCHES), fmt_grouped(g->world_switches, a, sizeof a));
    gtk_widget_set_tooltip_text(self->value[GP_FIELD_GUEST_CYCLES], text);

    char console[TEXT_MAX * 2];
    console_tail(g, console, sizeof console);
    set_text(self->value[GP_FIELD_CONSOLE], console);
}

static void on_advanced(TrapezeSimulation *sim, gpointer data)
{
    TrapezeGuestPanel *self = data;
    if (gtk_widget_get_mapped(GTK_WIDGET(self)))
        trapeze_guest_panel_update(self);
}

static void on_map(GtkWidget *widget, gpointer data)
{
    trapeze_guest_panel_update(TRAPEZE_GUEST_PANEL(widget));
}

GtkWidget *trapeze_guest_panel_new(TrapezeSimulation *sim, guint guest)
{
    TrapezeGuestPanel *self = g_object_new(TRAPEZE_TYPE_GUEST_PANEL, NULL);
    self->sim = sim;
    self->guest = guest;
    gtk_widget_add_css_class(GTK_WIDGET(self), "card");
    g_signal_connect(sim, "advanced", G_CALLBACK(on_advanced), self);
    g_signal_connect(self, "map", G_CALLBACK(on_map), NULL);
    trapeze_guest_panel_update(self);
    return GTK_WIDGET(self);
}

const char *trapeze_guest_panel_get_text(TrapezeGuestPanel *self, enum guest_panel_field field)
{
    if (field >= GP_FIELD__COUNT || !self->value[field])
        return NULL;
    return gtk_label_get_text(GTK_LABEL(self->value[field]));
}
