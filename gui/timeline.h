/*
 * timeline.h — TrapezeTimeline: who had the CPU, over simulated time.
 *
 * One lane for the VMM (M-mode) and one per guest. A coloured bar in a
 * guest's lane means the guest itself was running; a bar in the VMM lane
 * means the VMM was working, drawn in a darker shade of the colour of the
 * guest it worked for. Small triangles above a guest's lane mark traps
 * out of that guest, coloured by cause. Time (x) is in simulated
 * microseconds; the widget shows the last `window` µs, or the whole run.
 *
 * Like gnome-system-monitor's graph, the widget pulls its data from the
 * simulation when it draws, and it only asks to be redrawn while it is on
 * screen.
 */
#ifndef TRAPEZE_GUI_TIMELINE_H
#define TRAPEZE_GUI_TIMELINE_H

#include <gtk/gtk.h>

#include "simulation.h"

G_BEGIN_DECLS

#define TRAPEZE_TYPE_TIMELINE (trapeze_timeline_get_type())
G_DECLARE_FINAL_TYPE(TrapezeTimeline, trapeze_timeline, TRAPEZE, TIMELINE, GtkWidget)

GtkWidget *trapeze_timeline_new(TrapezeSimulation *sim);
/* Width of the time window in simulated µs; 0 = the whole run. */
void trapeze_timeline_set_window_us(TrapezeTimeline *self, guint64 us);
guint64 trapeze_timeline_get_window_us(TrapezeTimeline *self);
/* The visible range in cycles [start, end) (tests). */
void trapeze_timeline_get_range(TrapezeTimeline *self, guint64 *start, guint64 *end);
/* Lanes drawn: 1 (VMM) + guests (tests). */
guint trapeze_timeline_get_n_lanes(TrapezeTimeline *self);
/* How the legend is laid out in a widget `width` pixels wide (tests): the
 * number of rows, and in *right the right edge of its widest row. */
guint trapeze_timeline_legend_rows(TrapezeTimeline *self, int width, double *right);

G_END_DECLS

#endif
