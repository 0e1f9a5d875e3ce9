/*
 * event-model.c — GListModel adapter over the event ring (see event-model.h).
 */
#define G_LOG_DOMAIN "trapeze-event-model"

#include "event-model.h"

/* ---- one row ---------------------------------------------------------------- */

struct _TrapezeEventItem {
    GObject parent_instance;
    struct machine_event ev;
    guint64 seq;
};

G_DEFINE_FINAL_TYPE(TrapezeEventItem, trapeze_event_item, G_TYPE_OBJECT)

static void trapeze_event_item_class_init(TrapezeEventItemClass *klass) { (void)klass; }
static void trapeze_event_item_init(TrapezeEventItem *self) { (void)self; }

const struct machine_event *trapeze_event_item_get_event(TrapezeEventItem *self) { return &self->ev; }
guint64 trapeze_event_item_get_seq(TrapezeEventItem *self) { return self->seq; }

/* ---- the list ----------------------------------------------------------------- */

struct _TrapezeEventModel {
    GObject parent_instance;

    /* Borrowed References */
    struct event_ring *ring;

    /* State: the range [oldest, next) last announced to the view */
    guint64 oldest;
    guint64 next;
};

static void trapeze_event_model_list_init(GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE(TrapezeEventModel, trapeze_event_model, G_TYPE_OBJECT,
                              G_IMPLEMENT_INTERFACE(G_TYPE_LIST_MODEL, trapeze_event_model_list_init))

static GType model_get_item_type(GListModel *list)
{
    (void)list;
    return TRAPEZE_TYPE_EVENT_ITEM;
}

static guint model_get_n_items(GListModel *list)
{
    TrapezeEventModel *self = TRAPEZE_EVENT_MODEL(list);
    return (guint)(self->next - self->oldest);
}

static gpointer model_get_item(GListModel *list, guint position)
{
    TrapezeEventModel *self = TRAPEZE_EVENT_MODEL(list);
    if (!self->ring || position >= self->next - self->oldest)
        return NULL;
    guint64 seq = self->next - 1 - position;
    TrapezeEventItem *item = g_object_new(TRAPEZE_TYPE_EVENT_ITEM, NULL);
    item->seq = seq;
    /* The announced range may lag the ring by one sync; an event overwritten
     * since then shows as an empty row until the next sync removes it. */
    if (!event_ring_get(self->ring, seq, &item->ev))
        item->ev.kind = 0;
    return item;
}

static void trapeze_event_model_list_init(GListModelInterface *iface)
{
    iface->get_item_type = model_get_item_type;
    iface->get_n_items = model_get_n_items;
    iface->get_item = model_get_item;
}

static void trapeze_event_model_class_init(TrapezeEventModelClass *klass) { (void)klass; }
static void trapeze_event_model_init(TrapezeEventModel *self) { (void)self; }

TrapezeEventModel *trapeze_event_model_new(void)
{
    return g_object_new(TRAPEZE_TYPE_EVENT_MODEL, NULL);
}

void trapeze_event_model_set_ring(TrapezeEventModel *self, struct event_ring *ring)
{
    guint old_n = (guint)(self->next - self->oldest);
    self->ring = ring;
    self->oldest = ring ? event_ring_oldest_seq(ring) : 0;
    self->next = ring ? event_ring_next_seq(ring) : 0;
    guint new_n = (guint)(self->next - self->oldest);
    if (old_n || new_n)
        g_list_model_items_changed(G_LIST_MODEL(self), 0, old_n, new_n);
}

void trapeze_event_model_sync(TrapezeEventModel *self)
{
    if (!self->ring)
        return;
    guint64 oldest = event_ring_oldest_seq(self->ring);
    guint64 next = event_ring_next_seq(self->ring);
    if (oldest == self->oldest && next == self->next)
        return;
    guint old_n = (guint)(self->next - self->oldest);
    if (oldest >= self->next || next < self->next || oldest < self->oldest) {
        /* Nothing in common (lapped, or cleared): replace everything. */
        self->oldest = oldest;
        self->next = next;
        g_list_model_items_changed(G_LIST_MODEL(self), 0, old_n, (guint)(next - oldest));
        return;
    }
    /* Overwritten events leave at the bottom (the oldest rows)... */
    guint removed = (guint)(oldest - self->oldest);
    self->oldest = oldest;
    if (removed)
        g_list_model_items_changed(G_LIST_MODEL(self), old_n - removed, removed, 0);
    /* ...and new ones arrive at the top. */
    guint added = (guint)(next - self->next);
    self->next = next;
    if (added)
        g_list_model_items_changed(G_LIST_MODEL(self), 0, 0, added);
}
