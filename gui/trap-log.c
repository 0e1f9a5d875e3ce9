/*
 * trap-log.c — the trap log widget (see trap-log.h).
 *
 * The column view reads rows from TrapezeEventModel; each cell is a label
 * whose text is made from the event when the row is bound (only rows on
 * screen are ever bound). Guest names are drawn in the guest's colour.
 */
#define G_LOG_DOMAIN "trapeze-trap-log"

#include "trap-log.h"

#include <inttypes.h>

#include "../machine/abi/riscv_bits.h"
#include "event-model.h"
#include "i18n.h"
#include "palette.h"

#define CELL_TEXT_MAX 160
#define GUEST_NAME_MAX 64
#define XRET_MRET 3u
/* Marks the labels of the cycle column, so the topmost one on screen can be
 * found among the row widgets GTK creates. */
#define CYCLE_CELL_KEY "trapeze-cycle-cell"
/* Scrolled less than this from the top still counts as "at the top". */
#define AT_TOP_TOLERANCE_PX 1.0

enum column { COL_CYCLE, COL_GUEST, COL_KIND, COL_CAUSE, COL_PC, COL_TVAL };

struct _TrapezeTrapLog {
    GtkWidget parent_instance;

    /* Template Widgets */
    GtkWidget *box;
    GtkWidget *title;
    GtkWidget *scroller;
    GtkWidget *view;

    /* Owned References */
    TrapezeEventModel *model;

    /* Borrowed References */
    TrapezeSimulation *sim;
};

G_DEFINE_FINAL_TYPE(TrapezeTrapLog, trapeze_trap_log, GTK_TYPE_WIDGET)

static const char *guest_name(TrapezeTrapLog *self, uint16_t g, char *buf, size_t len)
{
    const struct scenario *s = trapeze_simulation_get_scenario(self->sim);
    if (g == TZ_GUEST_NONE)
        return "—";
    if (s && g < s->nguests)
        return s->guest[g].name;
    snprintf(buf, len, "g%u", g);
    return buf;
}

/* The cause column: what happened, in words. */
static void cause_text(const struct machine_event *ev, char *buf, size_t len)
{
    bool ko = i18n_get_lang() == TZ_LANG_KO;
    switch (ev->kind) {
    case EV_TRAP:
    case EV_INTERRUPT: {
        bool irq = ev->kind == EV_INTERRUPT;
        if (ko)
            snprintf(buf, len, "%s (%s)", tr_cause(ev->cause, irq), machine_cause_name(ev->cause, irq));
        else
            snprintf(buf, len, "%s", machine_cause_name(ev->cause, irq));
        break;
    }
    case EV_XRET:
        snprintf(buf, len, "%s → %s", ev->detail == XRET_MRET ? "mret" : "sret",
                 machine_priv_name((enum priv)ev->priv_to));
        break;
    case EV_EXIT:
        snprintf(buf, len, "exit %" PRIu32, ev->detail);
        break;
    case EV_WFI: {
        char n[32];
        tr_fill(buf, len, S_IDLE_FMT, fmt_grouped(ev->detail, n, sizeof n), NULL);
        break;
    }
    case EV_TRACE:
        switch (ev->cause) {
        case TZ_EV_EMULATE:
            snprintf(buf, len, "%s: %s", tr_trace(ev->cause), emul_kind_name(ev->args[0]));
            break;
        case TZ_EV_INJECT: {
            bool irq = (ev->args[0] & CAUSE_INTERRUPT) != 0;
            snprintf(buf, len, "%s: %s", tr_trace(ev->cause),
                     tr_cause(ev->args[0] & ~CAUSE_INTERRUPT, irq));
            break;
        }
        case TZ_EV_GUEST_SWITCH:
            if (ev->args[0] == TZ_GUEST_NONE)
                snprintf(buf, len, "%s: → g%" PRIu32, tr_trace(ev->cause), ev->args[1]);
            else
                snprintf(buf, len, "%s: g%" PRIu32 " → g%" PRIu32, tr_trace(ev->cause), ev->args[0],
                         ev->args[1]);
            break;
        case TZ_EV_SBI:
            snprintf(buf, len, "%s: eid 0x%" PRIx32, tr_trace(ev->cause), ev->args[0]);
            break;
        case TZ_EV_GUEST_KILL:
            snprintf(buf, len, "%s: %s", tr_trace(ev->cause), tr_kill_reason(ev->args[0]));
            break;
        case TZ_EV_GUEST_EXIT:
            snprintf(buf, len, "%s: %" PRIu32, tr_trace(ev->cause), ev->args[0]);
            break;
        default:
            snprintf(buf, len, "%s", tr_trace(ev->cause));
            break;
        }
        break;
    default:
        snprintf(buf, len, "%s", machine_event_kind_name(ev->kind));
        break;
    }
}

static enum tz_str kind_label(uint32_t kind)
{
    switch (kind) {
    case EV_TRAP: return S_KIND_TRAP;
    case EV_INTERRUPT: return S_KIND_INTERRUPT;
    case EV_XRET: return S_KIND_XRET;
    case EV_TRACE: return S_KIND_VMM;
    case EV_EXIT: return S_KIND_EXIT;
    case EV_WFI: return S_KIND_IDLE;
    default: return S_KIND_OTHER;
    }
}

/* Plain text of one cell; *markup receives a Pango markup version when the
 * cell is coloured (guest names), else NULL. */
static char *cell_text(TrapezeTrapLog *self, const struct machine_event *ev, enum column col,
                       char **markup)
{
    char buf[CELL_TEXT_MAX], name[GUEST_NAME_MAX];
    *markup = NULL;
    if (ev->kind == 0)
        return g_strdup("");
    switch (col) {
    case COL_CYCLE:
        return g_strdup(fmt_grouped(ev->cycle, buf, sizeof buf));
    case COL_GUEST: {
        const char *n = guest_name(self, ev->guest, name, sizeof name);
        if (ev->guest != TZ_GUEST_NONE) {
            char hex[8];
            *markup = g_markup_printf_escaped("<span foreground=\"%s\" weight=\"bold\">●</span> %s",
                                              palette_hex(palette_guest(ev->guest), hex), n);
        }
        return g_strdup(n);
    }
    case COL_KIND:
        return g_strdup(tr(kind_label(ev->kind)));
    case COL_CAUSE:
        cause_text(ev, buf, sizeof buf);
        return g_strdup(buf);
    case COL_PC:
        return g_strdup_printf("0x%08" PRIx32, ev->pc);
    case COL_TVAL:
        if (ev->kind == EV_TRAP)
            return g_strdup_printf("0x%08" PRIx32, ev->tval);
        if (ev->kind == EV_TRACE && ev->cause == TZ_EV_SHADOW_FILL)
            return g_strdup_printf("0x%08" PRIx32, ev->args[0]);
        return g_strdup("");
    }
    return g_strdup("");
}

static void setup_cell(GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
    enum column col = (enum column)GPOINTER_TO_INT(data);
    GtkWidget *label = gtk_label_new(NULL);
    if (col == COL_CYCLE)
        g_object_set_data(G_OBJECT(label), CYCLE_CELL_KEY, GINT_TO_POINTER(TRUE));
    gtk_label_set_xalign(GTK_LABEL(label), col == COL_CYCLE ? 1.0f : 0.0f);
    if (col == COL_CYCLE || col == COL_PC || col == COL_TVAL)
        gtk_widget_add_css_class(label, "numeric");
    gtk_label_set_ellipsize(GTK_LABEL(label), col == COL_CAUSE ? PANGO_ELLIPSIZE_END : PANGO_ELLIPSIZE_NONE);
    gtk_list_item_set_child(item, label);
}

static void bind_cell(GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
    enum column col = (enum column)GPOINTER_TO_INT(data);
    TrapezeTrapLog *self = g_object_get_data(G_OBJECT(factory), "trap-log");
    TrapezeEventItem *ev_item = gtk_list_item_get_item(item);
    GtkLabel *label = GTK_LABEL(gtk_list_item_get_child(item));
    char *markup = NULL;
    char *text = cell_text(self, trapeze_event_item_get_event(ev_item), col, &markup);
    if (markup)
        gtk_label_set_markup(label, markup);
    else
        gtk_label_set_text(label, text);
    g_free(markup);
    g_free(text);
}

static void add_column(TrapezeTrapLog *self, enum column col, enum tz_str title, gboolean expand,
                       int fixed_width)
{
    GtkListItemFactory *factory = gtk_signal_list_item_factory_new();
    g_object_set_data(G_OBJECT(factory), "trap-log", self);
    g_signal_connect(factory, "setup", G_CALLBACK(setup_cell), GINT_TO_POINTER(col));
    g_signal_connect(factory, "bind", G_CALLBACK(bind_cell), GINT_TO_POINTER(col));
    GtkColumnViewColumn *c = gtk_column_view_column_new(tr(title), factory);
    gtk_column_view_column_set_expand(c, expand);
    if (fixed_width > 0)
        gtk_column_view_column_set_fixed_width(c, fixed_width);
    gtk_column_view_append_column(GTK_COLUMN_VIEW(self->view), c);
    g_object_unref(c);
}

/* The GtkListView inside the column view: the widget that scrolls, whose
 * rows are the ones on screen. */
static GtkWidget *rows_widget(TrapezeTrapLog *self)
{
    for (GtkWidget *c = gtk_widget_get_first_child(self->view); c; c = gtk_widget_get_next_sibling(c))
        if (GTK_IS_LIST_VIEW(c))
            return c;
    return NULL;
}

/* Is the view scrolled to its top (the newest event)? A user who scrolled
 * down by even part of a row is reading older events. */
static gboolean at_top(TrapezeTrapLog *self)
{
    GtkAdjustment *v = gtk_scrollable_get_vadjustment(GTK_SCROLLABLE(self->view));
    return !v || gtk_adjustment_get_value(v) - gtk_adjustment_get_lower(v) < AT_TOP_TOLERANCE_PX;
}

/* Put the newest event back at the top. A list view keeps the row it shows
 * at the top when rows are inserted above it (so a reader's place is kept),
 * which for a newest-first log means drifting into the past as events
 * arrive; its "list.scroll-to-item" action moves that anchor back to row
 * 0. (GTK 4.8 has no public scroll-to function; the action is public.) */
static void scroll_to_newest(TrapezeTrapLog *self)
{
    GtkWidget *rows = rows_widget(self);
    if (rows && g_list_model_get_n_items(G_LIST_MODEL(self->model)) > 0)
        gtk_widget_activate_action(rows, "list.scroll-to-item", "u", 0u);
}

/* New events: follow them if the user was at the top, else leave the rows
 * they are reading where they are. */
static void on_advanced(TrapezeSimulation *sim, gpointer data)
{
    TrapezeTrapLog *self = data;
    gboolean follow = at_top(self);
    trapeze_event_model_sync(self->model);
    if (follow)
        scroll_to_newest(self);
}

/* Another machine: its log starts at the top. */
static void on_reset(TrapezeSimulation *sim, gpointer data)
{
    TrapezeTrapLog *self = data;
    trapeze_event_model_set_ring(self->model, trapeze_simulation_get_ring(sim));
    scroll_to_newest(self);
}

static void trapeze_trap_log_dispose(GObject *object)
{
    TrapezeTrapLog *self = TRAPEZE_TRAP_LOG(object);
    if (self->sim) {
        g_signal_handlers_disconnect_by_data(self->sim, self);
        self->sim = NULL;
    }
    g_clear_pointer(&self->box, gtk_widget_unparent);
    g_clear_object(&self->model);
    G_OBJECT_CLASS(trapeze_trap_log_parent_class)->dispose(object);
}

static void trapeze_trap_log_class_init(TrapezeTrapLogClass *klass)
{
    G_OBJECT_CLASS(klass)->dispose = trapeze_trap_log_dispose;
    gtk_widget_class_set_layout_manager_type(GTK_WIDGET_CLASS(klass), GTK_TYPE_BIN_LAYOUT);
    gtk_widget_class_set_css_name(GTK_WIDGET_CLASS(klass), "traplog");
}

static void trapeze_trap_log_init(TrapezeTrapLog *self)
{
    self->model = trapeze_event_model_new();
    self->box = gtk_box_new(GTK_ORIENTATION_VERTICAL, 6);
    gtk_widget_set_parent(self->box, GTK_WIDGET(self));
    self->title = gtk_label_new(tr(S_TRAPLOG_TITLE));
    gtk_label_set_xalign(GTK_LABEL(self->title), 0.0f);
    gtk_widget_add_css_class(self->title, "section-title");
    gtk_box_append(GTK_BOX(self->box), self->title);

    GtkNoSelection *sel = gtk_no_selection_new(G_LIST_MODEL(g_object_ref(self->model)));
    self->view = gtk_column_view_new(GTK_SELECTION_MODEL(sel));
    gtk_column_view_set_show_column_separators(GTK_COLUMN_VIEW(self->view), FALSE);
    gtk_column_view_set_show_row_separators(GTK_COLUMN_VIEW(self->view), FALSE);
    gtk_widget_add_css_class(self->view, "data-table");
    add_column(self, COL_CYCLE, S_COL_CYCLE, FALSE, 104);
    add_column(self, COL_GUEST, S_COL_GUEST, FALSE, 100);
    add_column(self, COL_KIND, S_COL_KIND, FALSE, 76);
    add_column(self, COL_CAUSE, S_COL_CAUSE, TRUE, -1);
    add_column(self, COL_PC, S_COL_PC, FALSE, 104);
    add_column(self, COL_TVAL, S_COL_TVAL, FALSE, 104);

    self->scroller = gtk_scrolled_window_new();
    gtk_scrolled_window_set_child(GTK_SCROLLED_WINDOW(self->scroller), self->view);
    gtk_scrolled_window_set_policy(GTK_SCROLLED_WINDOW(self->scroller), GTK_POLICY_NEVER,
                                   GTK_POLICY_AUTOMATIC);
    gtk_widget_set_vexpand(self->scroller, TRUE);
    gtk_box_append(GTK_BOX(self->box), self->scroller);
}

GtkWidget *trapeze_trap_log_new(TrapezeSimulation *sim)
{
    TrapezeTrapLog *self = g_object_new(TRAPEZE_TYPE_TRAP_LOG, NULL);
    self->sim = sim;
    g_signal_connect(sim, "advanced", G_CALLBACK(on_advanced), self);
    g_signal_connect(sim, "reset", G_CALLBACK(on_reset), self);
    trapeze_event_model_set_ring(self->model, trapeze_simulation_get_ring(sim));
    return GTK_WIDGET(self);
}

guint trapeze_trap_log_get_n_rows(TrapezeTrapLog *self)
{
    return g_list_model_get_n_items(G_LIST_MODEL(self->model));
}

char *trapeze_trap_log_cell_text(TrapezeTrapLog *self, guint row, guint column)
{
    if (column >= TRAP_LOG_COLUMNS)
        return NULL;
    TrapezeEventItem *item = g_list_model_get_item(G_LIST_MODEL(self->model), row);
    if (!item)
        return NULL;
    char *markup = NULL;
    char *text = cell_text(self, trapeze_event_item_get_event(item), (enum column)column, &markup);
    g_free(markup);
    g_object_unref(item);
    return text;
}

/* Depth-first search for the cycle label nearest the top edge of the rows
 * widget among those still (partly) visible. */
static void find_top_cycle_label(GtkWidget *w, GtkWidget *rows, GtkWidget **best, float *best_y)
{
    if (!gtk_widget_get_mapped(w) || !gtk_widget_get_child_visible(w))
        return;
    if (GTK_IS_LABEL(w) && g_object_get_data(G_OBJECT(w), CYCLE_CELL_KEY)) {
        graphene_rect_t r;
        if (gtk_widget_compute_bounds(w, rows, &r) && r.origin.y + r.size.height > 0 &&
            r.origin.y < (float)gtk_widget_get_height(rows) && (!*best || r.origin.y < *best_y)) {
            *best = w;
            *best_y = r.origin.y;
        }
        return;
    }
    for (GtkWidget *c = gtk_widget_get_first_child(w); c; c = gtk_widget_get_next_sibling(c))
        find_top_cycle_label(c, rows, best, best_y);
}

char *trapeze_trap_log_first_visible_cycle(TrapezeTrapLog *self)
{
    GtkWidget *rows = rows_widget(self), *best = NULL;
    float best_y = 0;
    if (!rows)
        return NULL;
    find_top_cycle_label(rows, rows, &best, &best_y);
    return best ? g_strdup(gtk_label_get_text(GTK_LABEL(best))) : NULL;
}

GtkAdjustment *trapeze_trap_log_get_vadjustment(TrapezeTrapLog *self)
{
    return gtk_scrollable_get_vadjustment(GTK_SCROLLABLE(self->view));
}
