/*
 * compare-chart.c — the mode-comparison bar chart (see compare-chart.h).
 */
#define G_LOG_DOMAIN "trapeze-compare-chart"

#include "compare-chart.h"

#include <inttypes.h>

#include "i18n.h"
#include "palette.h"

#define LABEL_W 160.0
#define VALUE_W 196.0
#define ROW_H 44.0           /* natural row height; rows shrink to MIN_ROW_H */
#define MIN_ROW_H 30.0
#define BAR_H 24.0
/* Bars are scaled to the longest run within BREAK_RATIO × the shortest; a
 * longer run (emulation: about 30–90× native, `trapeze compare`) is drawn to the full width
 * with a break mark, so the small differences between native, full and
 * para stay visible and its true ratio is written beside it. */
#define BREAK_RATIO 4u
#define SCALE_HEADROOM 1.15
#define BREAK_GAP 10.0
#define PAD 8.0
#define CHIP 14
#define LEGEND_SPACING 20
#define CHIP_SPACING 6
#define RATIO_SCALE 100u
#define TEXT_MAX 640
/* The bars use guest 0's colours: the kernel under comparison is the only guest. */
#define CHART_GUEST 0u

struct _TrapezeCompareChart {
    GtkWidget parent_instance;

    /* Borrowed References */
    TrapezeComparison *cmp;
};

G_DEFINE_FINAL_TYPE(TrapezeCompareChart, trapeze_compare_chart, GTK_TYPE_WIDGET)

static const enum tz_str mode_labels[CMP__COUNT] = {
    [CMP_NATIVE] = S_MODE_NATIVE, [CMP_FULL] = S_MODE_FULL,
    [CMP_PARA] = S_MODE_PARA, [CMP_EMULATED] = S_MODE_EMULATED,
};

static uint64_t run_cycles(const struct compare_run *r)
{
    if (r->done)
        return r->counters.cycles;
    if (r->m) {
        struct machine_counters c;
        machine_get_counters(r->m, &c);
        return c.cycles;
    }
    return 0;
}

char *trapeze_compare_chart_row_text(TrapezeCompareChart *self, enum compare_mode mode)
{
    const struct compare_run *r = trapeze_comparison_get_run(self->cmp, mode);
    const struct compare_run *native = trapeze_comparison_get_run(self->cmp, CMP_NATIVE);
    const char *err = trapeze_comparison_get_error(self->cmp, mode);
    char a[32], ratio[32];
    if (!r)
        return g_strdup("");
    if (err)
        return g_strdup_printf("%s: %s", tr(S_COMPARE_FAILED), err);
    if (!r->available)
        return g_strdup_printf("%s — %s", tr(S_NOT_AVAILABLE), r->why);
    if (!r->done)
        return g_strdup_printf("%s %s", tr(S_COMPARE_RUNNING), fmt_mega(run_cycles(r), a, sizeof a));
    if (r->status != MACHINE_EXITED)
        return g_strdup_printf("%s (%s)", fmt_mega(r->counters.cycles, a, sizeof a),
                               tr(S_COMPARE_FAILED));
    if (mode == CMP_NATIVE || !native || !native->done || native->counters.cycles == 0)
        return g_strdup_printf("%s %s", fmt_mega(r->counters.cycles, a, sizeof a), tr(S_CYCLES_UNIT));
    /* ratio with two decimals from integers (locale-proof) */
    uint64_t x = (r->counters.cycles * RATIO_SCALE + native->counters.cycles / 2) / native->counters.cycles;
    snprintf(ratio, sizeof ratio, "%" PRIu64 ".%02" PRIu64, x / RATIO_SCALE, x % RATIO_SCALE);
    char vs[TEXT_MAX];
    tr_fill(vs, sizeof vs, S_VS_NATIVE_FMT, ratio, NULL);
    return g_strdup_printf("%s · %s", fmt_mega(r->counters.cycles, a, sizeof a), vs);
}

static void draw_text(GtkWidget *w, cairo_t *cr, double x, double y, double max_w, const char *text,
                      bool bold, bool italic)
{
    PangoLayout *layout = gtk_widget_create_pango_layout(w, NULL);
    char *escaped = g_markup_escape_text(text, -1);
    char *m = g_strconcat(bold ? "<b>" : "", italic ? "<i>" : "", escaped, italic ? "</i>" : "",
                          bold ? "</b>" : "", NULL);
    pango_layout_set_markup(layout, m, -1);
    g_free(m);
    g_free(escaped);
    if (max_w > 0) {
        pango_layout_set_width(layout, (int)(max_w * PANGO_SCALE));
        pango_layout_set_ellipsize(layout, PANGO_ELLIPSIZE_END);
    }
    int tw, th;
    pango_layout_get_pixel_size(layout, &tw, &th);
    cairo_move_to(cr, x, y - th / 2.0);
    pango_cairo_show_layout(cr, layout);
    g_object_unref(layout);
}

static void trapeze_compare_chart_snapshot(GtkWidget *widget, GtkSnapshot *snapshot)
{
    TrapezeCompareChart *self = TRAPEZE_COMPARE_CHART(widget);
    double width = gtk_widget_get_width(widget), height = gtk_widget_get_height(widget);
    if (width <= LABEL_W + VALUE_W || height <= 0)
        return;
    cairo_t *cr = gtk_snapshot_append_cairo(snapshot, &GRAPHENE_RECT_INIT(0, 0, (float)width, (float)height));
    GdkRGBA fg;
    gtk_style_context_get_color(gtk_widget_get_style_context(widget), &fg);
    GdkRGBA dim = fg;
    dim.alpha = 0.55f;
    GdkRGBA track = fg;
    track.alpha = 0.07f;

    uint64_t shortest = UINT64_MAX, longest = 1;
    for (int i = 0; i < CMP__COUNT; i++) {
        const struct compare_run *r = trapeze_comparison_get_run(self->cmp, (enum compare_mode)i);
        if (r && r->available && r->done && r->counters.cycles)
            shortest = MIN(shortest, r->counters.cycles);
    }
    for (int i = 0; i < CMP__COUNT; i++) {
        const struct compare_run *r = trapeze_comparison_get_run(self->cmp, (enum compare_mode)i);
        uint64_t c = r && r->available ? run_cycles(r) : 0;
        if (shortest == UINT64_MAX || c <= shortest * BREAK_RATIO)
            longest = MAX(longest, c);
    }
    uint64_t max = shortest == UINT64_MAX ? longest : (uint64_t)((double)longest * SCALE_HEADROOM);
    double row_h = MIN(ROW_H, MAX(MIN_ROW_H, (height - 2 * PAD) / CMP__COUNT));
    double bar_x = LABEL_W, bar_w = width - LABEL_W - VALUE_W - PAD;
    struct rgb guest = palette_guest(CHART_GUEST), vmm = palette_guest_dark(CHART_GUEST);
    struct rgb rest = palette_unattributed();

    for (int i = 0; i < CMP__COUNT; i++) {
        const struct compare_run *r = trapeze_comparison_get_run(self->cmp, (enum compare_mode)i);
        double yc = PAD + i * row_h + row_h / 2;
        gdk_cairo_set_source_rgba(cr, &fg);
        draw_text(widget, cr, PAD, yc, LABEL_W - 2 * PAD, tr(mode_labels[i]), true, false);
        char *text = trapeze_compare_chart_row_text(self, (enum compare_mode)i);
        bool drawable = r && r->available && !trapeze_comparison_get_error(self->cmp, (enum compare_mode)i);
        if (!drawable) {
            gdk_cairo_set_source_rgba(cr, &dim);
            draw_text(widget, cr, bar_x, yc, bar_w + VALUE_W, text, false, true);
            g_free(text);
            continue;
        }
        gdk_cairo_set_source_rgba(cr, &track);
        cairo_rectangle(cr, bar_x, yc - BAR_H / 2, bar_w, BAR_H);
        cairo_fill(cr);
        uint64_t total = run_cycles(r);
        /* a run beyond the scale is shrunk to the full width, proportions kept */
        bool broken = total > max;
        double unit = broken ? bar_w / (double)total : bar_w / (double)max;
        double w_total = unit * (double)total;
        if (r->done) {
            double wg = unit * (double)r->guest_cycles;
            double wv = unit * (double)r->vmm_cycles;
            cairo_set_source_rgb(cr, guest.r, guest.g, guest.b);
            cairo_rectangle(cr, bar_x, yc - BAR_H / 2, wg, BAR_H);
            cairo_fill(cr);
            cairo_set_source_rgb(cr, vmm.r, vmm.g, vmm.b);
            cairo_rectangle(cr, bar_x + wg, yc - BAR_H / 2, wv, BAR_H);
            cairo_fill(cr);
            cairo_set_source_rgb(cr, rest.r, rest.g, rest.b);
            cairo_rectangle(cr, bar_x + wg + wv, yc - BAR_H / 2, MAX(0.0, w_total - wg - wv), BAR_H);
            cairo_fill(cr);
            if (broken) {
                /* the break mark: a white gap slanted across the bar */
                double bx = bar_x + bar_w * 0.75;
                cairo_set_source_rgb(cr, 1, 1, 1);
                cairo_move_to(cr, bx, yc + BAR_H / 2 + 2);
                cairo_line_to(cr, bx + BREAK_GAP, yc - BAR_H / 2 - 2);
                cairo_line_to(cr, bx + BREAK_GAP * 1.6, yc - BAR_H / 2 - 2);
                cairo_line_to(cr, bx + BREAK_GAP * 0.6, yc + BAR_H / 2 + 2);
                cairo_close_path(cr);
                cairo_fill(cr);
            }
        } else {
            cairo_set_source_rgba(cr, guest.r, guest.g, guest.b, 0.35);
            cairo_rectangle(cr, bar_x, yc - BAR_H / 2, MIN(w_total, bar_w), BAR_H);
            cairo_fill(cr);
        }
        gdk_cairo_set_source_rgba(cr, &fg);
        draw_text(widget, cr, bar_x + bar_w + PAD, yc, VALUE_W - PAD, text, false, false);
        g_free(text);
    }
    cairo_destroy(cr);
}

static void trapeze_compare_chart_measure(GtkWidget *widget, GtkOrientation orientation, int for_size,
                                          int *minimum, int *natural, int *min_baseline,
                                          int *nat_baseline)
{
    if (orientation == GTK_ORIENTATION_HORIZONTAL) {
        *minimum = (int)(LABEL_W + VALUE_W + 120);
        *natural = (int)(LABEL_W + VALUE_W + 180);
    } else {
        *minimum = (int)(2 * PAD + CMP__COUNT * MIN_ROW_H);
        *natural = (int)(2 * PAD + CMP__COUNT * ROW_H);
    }
    *min_baseline = *nat_baseline = -1;
}

static void on_changed(TrapezeComparison *cmp, gpointer data)
{
    GtkWidget *w = data;
    if (gtk_widget_get_mapped(w))
        gtk_widget_queue_draw(w);
}

static void trapeze_compare_chart_dispose(GObject *object)
{
    TrapezeCompareChart *self = TRAPEZE_COMPARE_CHART(object);
    if (self->cmp) {
        g_signal_handlers_disconnect_by_data(self->cmp, self);
        self->cmp = NULL;
    }
    G_OBJECT_CLASS(trapeze_compare_chart_parent_class)->dispose(object);
}

static void trapeze_compare_chart_class_init(TrapezeCompareChartClass *klass)
{
    G_OBJECT_CLASS(klass)->dispose = trapeze_compare_chart_dispose;
    GtkWidgetClass *wc = GTK_WIDGET_CLASS(klass);
    wc->snapshot = trapeze_compare_chart_snapshot;
    wc->measure = trapeze_compare_chart_measure;
    gtk_widget_class_set_css_name(wc, "comparechart");
}

static void trapeze_compare_chart_init(TrapezeCompareChart *self) { (void)self; }

GtkWidget *trapeze_compare_chart_new(TrapezeComparison *cmp)
{
    TrapezeCompareChart *self = g_object_new(TRAPEZE_TYPE_COMPARE_CHART, NULL);
    self->cmp = cmp;
    g_signal_connect(cmp, "changed", G_CALLBACK(on_changed), self);
    return GTK_WIDGET(self);
}

/* ---- the legend ------------------------------------------------------------------
 * Made of GtkLabels rather than drawn with cairo: GTK draws a label's text
 * like every other text in the window, where cairo text at this size
 * could run letters together ("cycles" read "cydes"). */

static void draw_chip(GtkDrawingArea *area, cairo_t *cr, int w, int h, gpointer data)
{
    const struct rgb *c = data;
    cairo_set_source_rgb(cr, c->r, c->g, c->b);
    cairo_rectangle(cr, 0, 0, w, h);
    cairo_fill(cr);
}

static GtkWidget *legend_item(struct rgb colour, const char *text)
{
    GtkWidget *box = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, CHIP_SPACING);
    GtkWidget *chip = gtk_drawing_area_new();
    gtk_drawing_area_set_content_width(GTK_DRAWING_AREA(chip), CHIP);
    gtk_drawing_area_set_content_height(GTK_DRAWING_AREA(chip), CHIP);
    gtk_widget_set_valign(chip, GTK_ALIGN_CENTER);
    struct rgb *c = g_new(struct rgb, 1);
    *c = colour;
    gtk_drawing_area_set_draw_func(GTK_DRAWING_AREA(chip), draw_chip, c, g_free);
    gtk_box_append(GTK_BOX(box), chip);
    gtk_box_append(GTK_BOX(box), gtk_label_new(text));
    return box;
}

GtkWidget *trapeze_compare_chart_legend_new(void)
{
    GtkWidget *box = gtk_box_new(GTK_ORIENTATION_HORIZONTAL, LEGEND_SPACING);
    gtk_widget_set_halign(box, GTK_ALIGN_CENTER);
    gtk_widget_add_css_class(box, "chart-legend");
    gtk_box_append(GTK_BOX(box), legend_item(palette_guest(CHART_GUEST), tr(S_GUEST_CYCLES)));
    gtk_box_append(GTK_BOX(box), legend_item(palette_guest_dark(CHART_GUEST), tr(S_VMM_CYCLES)));
    gtk_box_append(GTK_BOX(box), legend_item(palette_unattributed(), tr(S_CHART_OTHER)));
    return box;
}
