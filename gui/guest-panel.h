/*
 * guest-panel.h — TrapezeGuestPanel: one card of figures for one guest.
 *
 * What the guest cost and what the VMM did for it: cycles spent running
 * the guest and cycles the VMM spent on its behalf (with a bar showing its
 * share of the whole machine), instructions, traps by cause, privileged
 * instructions emulated, shadow-page faults hidden from it or injected into
 * it, its console output and whether it is still running,
 * exited or was stopped. Every figure comes from the machine's counters
 * and the VMM's trace-port reports (guest_stats.h).
 */
#ifndef TRAPEZE_GUI_GUEST_PANEL_H
#define TRAPEZE_GUI_GUEST_PANEL_H

#include <gtk/gtk.h>

#include "simulation.h"

G_BEGIN_DECLS

#define TRAPEZE_TYPE_GUEST_PANEL (trapeze_guest_panel_get_type())
G_DECLARE_FINAL_TYPE(TrapezeGuestPanel, trapeze_guest_panel, TRAPEZE, GUEST_PANEL, GtkWidget)

GtkWidget *trapeze_guest_panel_new(TrapezeSimulation *sim, guint guest);
/* Refresh the figures from the simulation. */
void trapeze_guest_panel_update(TrapezeGuestPanel *self);

/* What a field shows (tests). */
enum guest_panel_field {
    GP_FIELD_NAME, GP_FIELD_STATUS, GP_FIELD_GUEST_CYCLES, GP_FIELD_VMM_CYCLES,
    GP_FIELD_SHARE, GP_FIELD_INSTRUCTIONS, GP_FIELD_TRAPS, GP_FIELD_EMULATED,
    GP_FIELD_SHADOW, GP_FIELD_CONSOLE, GP_FIELD__COUNT
};
const char *trapeze_guest_panel_get_text(TrapezeGuestPanel *self, enum guest_panel_field field);

G_END_DECLS

#endif
