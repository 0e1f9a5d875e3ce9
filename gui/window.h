/*
 * window.h — TrapezeWindow: the dashboard's main window.
 *
 * A header bar with the run controls (actions win.run, win.pause,
 * win.step, win.reset, win.open), the scenario chooser and the speed; below
 * it the privilege timeline, one panel per guest, the trap log and the
 * mode-comparison chart. The window owns no machine: it shows a
 * TrapezeSimulation and a TrapezeComparison.
 */
#ifndef TRAPEZE_GUI_WINDOW_H
#define TRAPEZE_GUI_WINDOW_H

#include <gtk/gtk.h>

#include "compare-chart.h"
#include "comparison.h"
#include "simulation.h"
#include "timeline.h"
#include "trap-log.h"

G_BEGIN_DECLS

#define TRAPEZE_TYPE_WINDOW (trapeze_window_get_type())
G_DECLARE_FINAL_TYPE(TrapezeWindow, trapeze_window, TRAPEZE, WINDOW, GtkApplicationWindow)

/* scenarios_dir: where the chooser looks for *.json (may be NULL). */
TrapezeWindow *trapeze_window_new(GtkApplication *app, TrapezeSimulation *sim, TrapezeComparison *cmp,
                                  const char *scenarios_dir);

/* Load a scenario (NULL = built-in default) and select it in the chooser.
 * On failure an error dialog is shown and FALSE returned; the running
 * scenario stays. */
gboolean trapeze_window_open_scenario(TrapezeWindow *self, const char *path);
/* Show an error dialog in the window. */
void trapeze_window_show_error(TrapezeWindow *self, const char *primary, const char *detail);
/* The text of the last error shown, NULL if none (tests). */
const char *trapeze_window_get_last_error(TrapezeWindow *self);
/* Compare another kernel (shows an error dialog on failure). */
void trapeze_window_compare_kernel(TrapezeWindow *self, const char *kernel);

/* Parts, for tests. */
TrapezeTimeline *trapeze_window_get_timeline(TrapezeWindow *self);
TrapezeTrapLog *trapeze_window_get_trap_log(TrapezeWindow *self);
TrapezeCompareChart *trapeze_window_get_compare_chart(TrapezeWindow *self);
guint trapeze_window_get_n_guest_panels(TrapezeWindow *self);
GtkWidget *trapeze_window_get_guest_panel(TrapezeWindow *self, guint i);
/* The status text in the header bar (state, time, cycles). */
const char *trapeze_window_get_status_text(TrapezeWindow *self);

G_END_DECLS

#endif
