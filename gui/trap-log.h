/*
 * trap-log.h — TrapezeTrapLog: the trap log, a GtkColumnView over the ring.
 *
 * Columns: cycle, guest, kind, cause, pc, tval — one row per trap,
 * interrupt, return to the guest and VMM action the ring kept, newest
 * first. Labels follow the dashboard's language.
 */
#ifndef TRAPEZE_GUI_TRAP_LOG_H
#define TRAPEZE_GUI_TRAP_LOG_H

#include <gtk/gtk.h>

#include "simulation.h"

G_BEGIN_DECLS

#define TRAPEZE_TYPE_TRAP_LOG (trapeze_trap_log_get_type())
G_DECLARE_FINAL_TYPE(TrapezeTrapLog, trapeze_trap_log, TRAPEZE, TRAP_LOG, GtkWidget)

GtkWidget *trapeze_trap_log_new(TrapezeSimulation *sim);
/* Rows currently in the log (tests). */
guint trapeze_trap_log_get_n_rows(TrapezeTrapLog *self);
/* The text a cell shows (tests): row from the top, column 0..TRAP_LOG_COLUMNS-1. */
#define TRAP_LOG_COLUMNS 6
char *trapeze_trap_log_cell_text(TrapezeTrapLog *self, guint row, guint column);
/* The cycle cell of the topmost row on screen, NULL if no row is drawn
 * (tests: what the user actually sees, after GTK laid the rows out). */
char *trapeze_trap_log_first_visible_cycle(TrapezeTrapLog *self);
/* The log's vertical scroll position (tests scroll it as a user would). */
GtkAdjustment *trapeze_trap_log_get_vadjustment(TrapezeTrapLog *self);

G_END_DECLS

#endif
