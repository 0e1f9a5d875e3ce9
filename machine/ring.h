/*
 * ring.h — a fixed-size event ring buffer, fed as a machine listener.
 *
 * A front end that draws a run while it happens (the dashboard) cannot keep
 * every event of a long run, and must never slow the machine down by
 * allocating per event. The ring keeps the most recent `capacity` events:
 * when it is full, a new event overwrites the oldest one.
 *
 * Every accepted event gets a sequence number (0, 1, 2, ... in arrival
 * order, never reused, not even after event_ring_clear). A reader keeps a
 * cursor — the sequence number of the next event it wants — and reads from
 * it; if the writer has lapped the reader, the events in between are gone
 * and event_ring_read says how many were missed, so the reader can show a
 * gap instead of silently drawing something false.
 *
 * A filter (one bit per event kind, one bit per trace-port code for
 * EV_TRACE) keeps chatty events such as every MMIO access out of the ring,
 * so its capacity covers a longer stretch of the run.
 *
 * Pure C, single-threaded (the machine calls listeners synchronously), no
 * allocation after event_ring_create.
 */
#ifndef TRAPEZE_RING_H
#define TRAPEZE_RING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "machine.h"

struct event_ring;

/* Bit for an event kind (enum machine_event_kind) or trace code (enum tz_trace_code). */
#define EVENT_RING_BIT(n) (1u << (n))
/* Masks that let everything through. */
#define EVENT_RING_ALL 0xFFFFFFFFu

/* A ring holding up to `capacity` events (1 .. EVENT_RING_MAX_CAPACITY),
 * accepting every event. NULL if capacity is out of range or memory is short. */
#define EVENT_RING_MAX_CAPACITY (1u << 24)
struct event_ring *event_ring_create(size_t capacity);
void event_ring_destroy(struct event_ring *r);

/*
 * Accept only events whose kind bit is set in kind_mask; EV_TRACE events
 * must also have their trace code's bit set in trace_mask (codes >= 32 are
 * rejected unless trace_mask is EVENT_RING_ALL). Rejected events get no
 * sequence number.
 */
void event_ring_set_filter(struct event_ring *r, uint32_t kind_mask, uint32_t trace_mask);

/* Offer one event; returns true if the filter accepted it. */
bool event_ring_push(struct event_ring *r, const struct machine_event *ev);
/* machine_listener_fn: pass the ring as ctx to machine_subscribe. */
void event_ring_listener(void *ctx, const struct machine_event *ev);

/* Forget every held event; sequence numbers keep counting. */
void event_ring_clear(struct event_ring *r);

size_t event_ring_capacity(const struct event_ring *r);
/* Sequence number the next accepted event will get (= events accepted so far). */
uint64_t event_ring_next_seq(const struct event_ring *r);
/* Sequence number of the oldest event still held (== next_seq when empty). */
uint64_t event_ring_oldest_seq(const struct event_ring *r);
/* Events held now (next_seq - oldest_seq, at most capacity). */
size_t event_ring_count(const struct event_ring *r);

/* Copy the event with sequence number `seq`; false if it was overwritten,
 * cleared, or has not happened yet. */
bool event_ring_get(const struct event_ring *r, uint64_t seq, struct machine_event *out);

/*
 * Copy up to `max` events starting at *cursor into out[], oldest first, and
 * advance *cursor past them. If *cursor points at events already
 * overwritten, reading starts at the oldest held event and *missed (if not
 * NULL) receives how many were skipped; otherwise *missed is 0. A cursor
 * beyond next_seq is pulled back to next_seq. Returns the number copied.
 */
size_t event_ring_read(const struct event_ring *r, uint64_t *cursor, struct machine_event *out,
                       size_t max, uint64_t *missed);

#endif
