/*
 * compare-chart.h — TrapezeCompareChart: the cost of one kernel in each mode.
 *
 * One horizontal bar per mode (native, full virtualization,
 * paravirtualization, emulation), its length the run's total simulated
 * cycles, split into the cycles the kernel itself ran, the cycles the VMM
 * spent for it, and the rest (the VMM booting). Each bar is labelled with
 * its total and its ratio to the native run. A mode the VMM cannot run is
 * written as "not available", never drawn. The chart pulls its data from
 * a TrapezeComparison when it draws.
 */
#ifndef TRAPEZE_GUI_COMPARE_CHART_H
#define TRAPEZE_GUI_COMPARE_CHART_H

#include <gtk/gtk.h>

#include "comparison.h"

G_BEGIN_DECLS

#define TRAPEZE_TYPE_COMPARE_CHART (trapeze_compare_chart_get_type())
G_DECLARE_FINAL_TYPE(TrapezeCompareChart, trapeze_compare_chart, TRAPEZE, COMPARE_CHART, GtkWidget)

GtkWidget *trapeze_compare_chart_new(TrapezeComparison *cmp);
/* The text drawn beside a mode's bar (tests). Free with g_free. */
char *trapeze_compare_chart_row_text(TrapezeCompareChart *self, enum compare_mode mode);
/* The chart's legend (guest cycles, VMM cycles, the rest), to put under it. */
GtkWidget *trapeze_compare_chart_legend_new(void);

G_END_DECLS

#endif
