/*
 * event-model.h — the event ring as a GListModel, newest event first.
 *
 * GtkColumnView shows a GListModel and creates rows only for what is on
 * screen, so a log of tens of thousands of events costs nothing to show.
 * This adapter owns no events: item i is read from the ring on demand
 * (sequence number next_seq - 1 - i) and wrapped in a small
 * TrapezeEventItem. After the simulation advances, trapeze_event_model_sync
 * compares the ring's range with the one it last announced and emits the
 * exact items-changed: new events appear at the top, overwritten ones
 * disappear from the bottom, and the view keeps its scroll position.
 */
#ifndef TRAPEZE_GUI_EVENT_MODEL_H
#define TRAPEZE_GUI_EVENT_MODEL_H

#include <gio/gio.h>

#include "../machine/machine.h"
#include "../machine/ring.h"

G_BEGIN_DECLS

#define TRAPEZE_TYPE_EVENT_ITEM (trapeze_event_item_get_type())
G_DECLARE_FINAL_TYPE(TrapezeEventItem, trapeze_event_item, TRAPEZE, EVENT_ITEM, GObject)

const struct machine_event *trapeze_event_item_get_event(TrapezeEventItem *self);
guint64 trapeze_event_item_get_seq(TrapezeEventItem *self);

#define TRAPEZE_TYPE_EVENT_MODEL (trapeze_event_model_get_type())
G_DECLARE_FINAL_TYPE(TrapezeEventModel, trapeze_event_model, TRAPEZE, EVENT_MODEL, GObject)

TrapezeEventModel *trapeze_event_model_new(void);
/* Show another ring (borrowed; NULL = empty). Emits one items-changed. */
void trapeze_event_model_set_ring(TrapezeEventModel *self, struct event_ring *ring);
/* Announce what the ring gained and lost since the last sync. */
void trapeze_event_model_sync(TrapezeEventModel *self);

G_END_DECLS

#endif
