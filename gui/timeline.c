/*
 * timeline.c — the privilege timeline (see timeline.h).
 *
 * Drawing is cairo inside a GtkSnapshot: spans are found by binary search
 * (they are stored in time order and never overlap), and at coarse zoom
 * several spans or marks that fall on the same pixel are drawn once, so a
 * whole run of tens of thousands of traps still draws in a few
 * milliseconds.
 */
#define G_LOG_DOMAIN "trapeze-timeline"

#include "timeline.h"

#include <inttypes.h>

#include "i18n.h"
#include "palette.h"

#define LABEL_W 170.0        /* lane names on the left */
#define RIGHT_PAD 16.0
#define LEGEND_H 26.0
#define LANE_H 24.0          /* natural lane height; lanes shrink to MIN_LANE_H */
#define MIN_LANE_H 14.0
#define LANE_GAP 6.0
#define AXIS_H 26.0
#define MARK_H 9.0           /* trap triangle height */
#define MARK_W 7.0
#define MIN_SPAN_PX 1.0
#define CHIP 14.0            /* colour squares in labels and legend */
#define SWATCH_W 22.0
#define LEGEND_GAP 20.0
#define TICKS_WANTED 8.0
#define US_PER_S 1000000u
#define DEFAULT_WINDOW_US 5000u

struct _TrapezeTimeline {
    GtkWidget parent_instance;

    /* Borrowed References */
    TrapezeSimulation *sim;

    /* State */
    guint64 window_us;
};

G_DEFINE_FINAL_TYPE(TrapezeTimeline, trapeze_timeline, GTK_TYPE_WIDGET)

static guint n_guests(TrapezeTimeline *self)
{
    const struct scenario *s = trapeze_simulation_get_scenario(self->sim);
    return s ? s->nguests : 0;
}

guint trapeze_timeline_get_n_lanes(TrapezeTimeline *self)
{
    return 1 + n_guests(self);
}

void trapeze_timeline_get_range(TrapezeTimeline *self, guint64 *start, guint64 *end)
{
    uint64_t now = trapeze_simulation_get_cycle(self->sim);
    uint64_t hz = trapeze_simulation_get_clock_hz(self->sim);
    if (self->window_us == 0) {
        *start = 0;
        *end = now > 0 ? now : 1;
        return;
    }
    uint64_t w = self->window_us * hz / US_PER_S;
    if (w == 0)
        w = 1;
    /* Until the run is longer than the window, the window starts at 0. */
    *end = now > w ? now : w;
    *start = *end - w;
}

/* Lane height for the allocated height below a legend `top` high:
 * LANE_H when there is room, less (down to MIN_LANE_H) when a scenario has
 * many guests. */
static double lane_height(guint lanes, double height, double top)
{
    double h = (height - top - MARK_H - AXIS_H) / lanes - LANE_GAP;
    return CLAMP(h, MIN_LANE_H, LANE_H);
}

static void set_source(cairo_t *cr, struct rgb c)
{
    cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

/* A Pango layout of `text` in the widget's font, bold if asked. */
static PangoLayout *text_layout(TrapezeTimeline *self, const char *text, bool bold)
{
    PangoLayout *layout = gtk_widget_create_pango_layout(GTK_WIDGET(self), NULL);
    if (bold) {
        char *m = g_markup_printf_escaped("<b>%s</b>", text);
        pango_layout_set_markup(layout, m, -1);
        g_free(m);
    } else {
        pango_layout_set_text(layout, text, -1);
    }
    return layout;
}

static void draw_text(TrapezeTimeline *self, cairo_t *cr, double x, double y, const char *text,
                      double align_x, bool bold)
{
    PangoLayout *layout = text_layout(self, text, bold);
    int w, h;
    pango_layout_get_pixel_size(layout, &w, &h);
    cairo_move_to(cr, x - align_x * w, y - h / 2.0);
    pango_cairo_show_layout(cr, layout);
    g_object_unref(layout);
}

static double text_width(TrapezeTimeline *self, const char *text, bool bold)
{
    PangoLayout *layout = text_layout(self, text, bold);
    int w, h;
    pango_layout_get_pixel_size(layout, &w, &h);
    g_object_unref(layout);
    return w;
}

static void triangle(cairo_t *cr, double x, double y_top)
{
    cairo_move_to(cr, x - MARK_W / 2, y_top);
    cairo_line_to(cr, x + MARK_W / 2, y_top);
    cairo_line_to(cr, x, y_top + MARK_H);
    cairo_close_path(cr);
}

/* A "nice" tick step (1, 2 or 5 × 10^k µs) giving about TICKS_WANTED ticks. */
static uint64_t tick_step_us(uint64_t range_us)
{
    uint64_t raw = (uint64_t)(range_us / TICKS_WANTED);
    uint64_t p = 1;
    while (p * 10 <= raw)
        p *= 10;
    if (raw >= 5 * p)
        return 5 * p;
    if (raw >= 2 * p)
        return 2 * p;
    return p > 0 ? p : 1;
}

/* The legend flows like text: items left to right from the plot's left
 * edge, and onto another row of LEGEND_H when the next one does not fit,
 * so on a narrow window (or in a longer language) it wraps instead of
 * being cut. A heading ("Traps:") stays on the row of its first item. */
enum legend_kind { LEGEND_SWATCH, LEGEND_HEADING, LEGEND_MARK };

struct legend_item {
    enum legend_kind kind;
    struct rgb colour;
    const char *text;
};

#define LEGEND_ITEMS_MAX (3 + 1 + TRAP_CAT__COUNT)
#define SWATCH_TEXT_GAP 6.0
#define MARK_TEXT_GAP 5.0
#define HEADING_GAP 12.0

static unsigned legend_items(struct legend_item *it)
{
    unsigned n = 0;
    it[n++] = (struct legend_item){ LEGEND_SWATCH, palette_guest(0), tr(S_LEGEND_GUEST) };
    it[n++] = (struct legend_item){ LEGEND_SWATCH, palette_guest_dark(0), tr(S_LEGEND_VMM) };
    it[n++] = (struct legend_item){ LEGEND_SWATCH, palette_idle(), tr(S_LEGEND_IDLE) };
    it[n++] = (struct legend_item){ LEGEND_HEADING, { 0, 0, 0 }, tr(S_LEGEND_TRAPS) };
    for (int c = 0; c < TRAP_CAT__COUNT; c++)
        it[n++] = (struct legend_item){ LEGEND_MARK, palette_trap((enum trap_category)c),
                                        tr(trap_category_label((enum trap_category)c)) };
    return n;
}

/* Width an item draws, and the space after it. */
static double legend_item_width(TrapezeTimeline *self, const struct legend_item *it, double *gap)
{
    switch (it->kind) {
    case LEGEND_SWATCH:
        *gap = LEGEND_GAP + SWATCH_TEXT_GAP;
        return SWATCH_W + SWATCH_TEXT_GAP + text_width(self, it->text, false);
    case LEGEND_HEADING:
        *gap = HEADING_GAP;
        return text_width(self, it->text, true);
    case LEGEND_MARK:
    default:
        *gap = LEGEND_GAP / 2;
        return MARK_W + MARK_TEXT_GAP + text_width(self, it->text, false);
    }
}

static void draw_legend_item(TrapezeTimeline *self, cairo_t *cr, const GdkRGBA *fg,
                             const struct legend_item *it, double x, double y)
{
    switch (it->kind) {
    case LEGEND_SWATCH:
        set_source(cr, it->colour);
        cairo_rectangle(cr, x, y - CHIP / 2, SWATCH_W, CHIP);
        cairo_fill(cr);
        gdk_cairo_set_source_rgba(cr, fg);
        draw_text(self, cr, x + SWATCH_W + SWATCH_TEXT_GAP, y, it->text, 0.0, false);
        break;
    case LEGEND_HEADING:
        gdk_cairo_set_source_rgba(cr, fg);
        draw_text(self, cr, x, y, it->text, 0.0, true);
        break;
    case LEGEND_MARK:
        set_source(cr, it->colour);
        triangle(cr, x + MARK_W / 2, y - MARK_H / 2);
        cairo_fill(cr);
        gdk_cairo_set_source_rgba(cr, fg);
        draw_text(self, cr, x + MARK_W + MARK_TEXT_GAP, y, it->text, 0.0, false);
        break;
    }
}

/* Lay the legend out in a widget `width` wide; draws it when cr is not
 * NULL. Returns the number of rows (at least 1); *right (if not NULL)
 * receives the right edge of the widest row. */
static unsigned legend_flow(TrapezeTimeline *self, cairo_t *cr, const GdkRGBA *fg, double width,
                            double *right_edge)
{
    struct legend_item it[LEGEND_ITEMS_MAX];
    unsigned n = legend_items(it);
    double w[LEGEND_ITEMS_MAX], gap[LEGEND_ITEMS_MAX];
    for (unsigned i = 0; i < n; i++)
        w[i] = legend_item_width(self, &it[i], &gap[i]);
    double left = LABEL_W, right = width - RIGHT_PAD, x = left;
    unsigned row = 0;
    for (unsigned i = 0; i < n; i++) {
        double need = w[i];
        if (it[i].kind == LEGEND_HEADING && i + 1 < n)
            need += gap[i] + w[i + 1];
        if (x > left && x + need > right) {
            row++;
            x = left;
        }
        if (cr)
            draw_legend_item(self, cr, fg, &it[i], x, row * LEGEND_H + LEGEND_H / 2);
        if (right_edge && (i == 0 || x + w[i] > *right_edge))
            *right_edge = x + w[i];
        x += w[i] + gap[i];
    }
    return row + 1;
}

guint trapeze_timeline_legend_rows(TrapezeTimeline *self, int width, double *right)
{
    return legend_flow(self, NULL, NULL, width, right);
}

static void trapeze_timeline_snapshot(GtkWidget *widget, GtkSnapshot *snapshot)
{
    TrapezeTimeline *self = TRAPEZE_TIMELINE(widget);
    double width = gtk_widget_get_width(widget), height = gtk_widget_get_height(widget);
    if (width <= LABEL_W + RIGHT_PAD || height <= 0)
        return;
    cairo_t *cr = gtk_snapshot_append_cairo(snapshot, &GRAPHENE_RECT_INIT(0, 0, (float)width, (float)height));
    GdkRGBA fg;
    gtk_style_context_get_color(gtk_widget_get_style_context(widget), &fg);
    GdkRGBA faint = fg;
    faint.alpha = 0.08f;
    GdkRGBA grid = fg;
    grid.alpha = 0.18f;

    /* everything below the legend starts at `top` */
    double top = legend_flow(self, cr, &fg, width, NULL) * LEGEND_H;

    const struct scenario *s = trapeze_simulation_get_scenario(self->sim);
    guint lanes = trapeze_timeline_get_n_lanes(self);
    double lane_h = lane_height(lanes, height, top);
    double plot_x = LABEL_W, plot_w = width - LABEL_W - RIGHT_PAD;
    guint64 t0, t1;
    trapeze_timeline_get_range(self, &t0, &t1);
    double scale = plot_w / (double)(t1 - t0);
    uint64_t hz = trapeze_simulation_get_clock_hz(self->sim);

    /* lane backgrounds and names */
    for (guint l = 0; l < lanes; l++) {
        double y = top + l * (lane_h + LANE_GAP) + MARK_H;
        gdk_cairo_set_source_rgba(cr, &faint);
        cairo_rectangle(cr, plot_x, y, plot_w, lane_h);
        cairo_fill(cr);
        if (l == 0) {
            set_source(cr, palette_unattributed());
            cairo_rectangle(cr, 8, y + lane_h / 2 - CHIP / 2, CHIP, CHIP);
            cairo_fill(cr);
            gdk_cairo_set_source_rgba(cr, &fg);
            draw_text(self, cr, 8 + CHIP + 8, y + lane_h / 2, tr(S_LANE_VMM), 0.0, true);
        } else {
            set_source(cr, palette_guest(l - 1));
            cairo_rectangle(cr, 8, y + lane_h / 2 - CHIP / 2, CHIP, CHIP);
            cairo_fill(cr);
            gdk_cairo_set_source_rgba(cr, &fg);
            draw_text(self, cr, 8 + CHIP + 8, y + lane_h / 2, s ? s->guest[l - 1].name : "?", 0.0,
                      true);
        }
    }

    /* axis ticks and grid */
    double axis_y = top + lanes * (lane_h + LANE_GAP) + MARK_H;
    uint64_t us0 = t0 * US_PER_S / hz, us1 = t1 * US_PER_S / hz;
    uint64_t step = tick_step_us(us1 > us0 ? us1 - us0 : 1);
    for (uint64_t us = (us0 + step - 1) / step * step; us <= us1; us += step) {
        double x = plot_x + ((double)(us * hz / US_PER_S) - (double)t0) * scale;
        gdk_cairo_set_source_rgba(cr, &grid);
        cairo_rectangle(cr, x, top + MARK_H, 1, axis_y - top - MARK_H);
        cairo_fill(cr);
        char num[32], label[48];
        snprintf(label, sizeof label, "%s µs", fmt_grouped(us, num, sizeof num));
        gdk_cairo_set_source_rgba(cr, &fg);
        draw_text(self, cr, x, axis_y + AXIS_H / 2, label, 0.5, false);
    }

    cairo_save(cr);
    cairo_rectangle(cr, plot_x, 0, plot_w, height);
    cairo_clip(cr);

    /* spans */
    guint n;
    const struct tl_span *sp = trapeze_simulation_get_spans(self->sim, &n);
    guint lo = 0, hi = n;
    while (lo < hi) {     /* first span ending after t0 */
        guint mid = lo + (hi - lo) / 2;
        if (sp[mid].end <= t0)
            lo = mid + 1;
        else
            hi = mid;
    }
    double last_x[2 + MACHINE_MAX_GUESTS];
    for (guint i = 0; i < G_N_ELEMENTS(last_x); i++)
        last_x[i] = -1;
    for (guint i = lo; i < n && sp[i].start < t1; i++) {
        guint lane = sp[i].vmm != SPAN_GUEST ? 0 : (guint)sp[i].guest + 1;
        if (lane >= lanes)
            continue;
        double x0 = plot_x + ((double)sp[i].start - (double)t0) * scale;
        double x1 = plot_x + ((double)sp[i].end - (double)t0) * scale;
        if (x1 - x0 < MIN_SPAN_PX) {
            if (x0 < last_x[lane] + MIN_SPAN_PX && sp[i].vmm == SPAN_GUEST)
                continue;     /* this pixel is already painted */
            x1 = x0 + MIN_SPAN_PX;
        }
        last_x[lane] = x0;
        double y = top + lane * (lane_h + LANE_GAP) + MARK_H;
        if (sp[i].vmm == SPAN_IDLE)
            set_source(cr, palette_idle());
        else if (sp[i].vmm == SPAN_VMM)
            set_source(cr, sp[i].guest == TZ_GUEST_NONE ? palette_unattributed()
                                                         : palette_guest_dark(sp[i].guest));
        else
            set_source(cr, palette_guest(sp[i].guest));
        cairo_rectangle(cr, x0, y, x1 - x0, lane_h);
        cairo_fill(cr);
    }

    /* trap marks above the guest lanes */
    const struct tl_mark *mk = trapeze_simulation_get_marks(self->sim, &n);
    lo = 0;
    hi = n;
    while (lo < hi) {
        guint mid = lo + (hi - lo) / 2;
        if (mk[mid].cycle < t0)
            lo = mid + 1;
        else
            hi = mid;
    }
    double last_mark[MACHINE_MAX_GUESTS][TRAP_CAT__COUNT];
    for (guint g = 0; g < MACHINE_MAX_GUESTS; g++)
        for (guint c = 0; c < TRAP_CAT__COUNT; c++)
            last_mark[g][c] = -100;
    for (guint i = lo; i < n && mk[i].cycle < t1; i++) {
        guint g = mk[i].guest;
        if (g + 1 >= lanes || g >= MACHINE_MAX_GUESTS || mk[i].category >= TRAP_CAT__COUNT)
            continue;
        double x = plot_x + ((double)mk[i].cycle - (double)t0) * scale;
        if (x - last_mark[g][mk[i].category] < 2.0)
            continue;
        last_mark[g][mk[i].category] = x;
        double y = top + (g + 1) * (lane_h + LANE_GAP);
        set_source(cr, palette_trap((enum trap_category)mk[i].category));
        triangle(cr, x, y);
        cairo_fill(cr);
    }
    cairo_restore(cr);

    uint64_t missed = trapeze_simulation_get_missed(self->sim);
    if (missed) {
        char num[32], msg[128];
        tr_fill(msg, sizeof msg, S_MISSED_FMT, fmt_grouped(missed, num, sizeof num), NULL);
        cairo_set_source_rgb(cr, 0.7, 0.1, 0.1);
        draw_text(self, cr, width - RIGHT_PAD, axis_y + AXIS_H / 2, msg, 1.0, true);
    }
    cairo_destroy(cr);
}

#define MIN_WIDTH (LABEL_W + RIGHT_PAD + 200)
#define NATURAL_WIDTH 1000

/* The legend wraps, so the height depends on the width. */
static GtkSizeRequestMode trapeze_timeline_get_request_mode(GtkWidget *widget)
{
    (void)widget;
    return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void trapeze_timeline_measure(GtkWidget *widget, GtkOrientation orientation, int for_size,
                                     int *minimum, int *natural, int *min_baseline, int *nat_baseline)
{
    TrapezeTimeline *self = TRAPEZE_TIMELINE(widget);
    if (orientation == GTK_ORIENTATION_HORIZONTAL) {
        *minimum = (int)MIN_WIDTH;
        *natural = NATURAL_WIDTH;
    } else {
        guint lanes = trapeze_timeline_get_n_lanes(self);
        /* Width unknown (the window's own minimum size): one legend row.
         * Counting the rows of some guessed width here would raise the
         * window's minimum height by rows a wide window never needs; the
         * box lays the timeline out with its real width, and then the rows
         * that width needs come out of the trap log's room (it scrolls). */
        double top = (for_size < 0 ? 1 : legend_flow(self, NULL, NULL, for_size, NULL)) * LEGEND_H;
        *minimum = (int)(top + lanes * (MIN_LANE_H + LANE_GAP) + MARK_H + AXIS_H);
        *natural = (int)(top + lanes * (LANE_H + LANE_GAP) + MARK_H + AXIS_H);
    }
    *min_baseline = *nat_baseline = -1;
}

static void on_advanced(TrapezeSimulation *sim, gpointer data)
{
    GtkWidget *w = data;
    /* Pull model: nothing is computed here; only ask for a frame, and only
     * when the widget is on screen. */
    if (gtk_widget_get_mapped(w))
        gtk_widget_queue_draw(w);
}

static void on_reset(TrapezeSimulation *sim, gpointer data)
{
    gtk_widget_queue_resize(GTK_WIDGET(data));
}

static void trapeze_timeline_dispose(GObject *object)
{
    TrapezeTimeline *self = TRAPEZE_TIMELINE(object);
    if (self->sim) {
        g_signal_handlers_disconnect_by_data(self->sim, self);
        self->sim = NULL;
    }
    G_OBJECT_CLASS(trapeze_timeline_parent_class)->dispose(object);
}

static void trapeze_timeline_class_init(TrapezeTimelineClass *klass)
{
    G_OBJECT_CLASS(klass)->dispose = trapeze_timeline_dispose;
    GtkWidgetClass *wc = GTK_WIDGET_CLASS(klass);
    wc->snapshot = trapeze_timeline_snapshot;
    wc->measure = trapeze_timeline_measure;
    wc->get_request_mode = trapeze_timeline_get_request_mode;
    gtk_widget_class_set_css_name(wc, "timeline");
}

static void trapeze_timeline_init(TrapezeTimeline *self)
{
    self->window_us = DEFAULT_WINDOW_US;
}

GtkWidget *trapeze_timeline_new(TrapezeSimulation *sim)
{
    TrapezeTimeline *self = g_object_new(TRAPEZE_TYPE_TIMELINE, NULL);
    self->sim = sim;
    g_signal_connect(sim, "advanced", G_CALLBACK(on_advanced), self);
    g_signal_connect(sim, "reset", G_CALLBACK(on_reset), self);
    return GTK_WIDGET(self);
}

void trapeze_timeline_set_window_us(TrapezeTimeline *self, guint64 us)
{
    self->window_us = us;
    gtk_widget_queue_draw(GTK_WIDGET(self));
}

guint64 trapeze_timeline_get_window_us(TrapezeTimeline *self)
{
    return self->window_us;
}
