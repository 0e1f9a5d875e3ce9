/*
 * ring.c — fixed-capacity, overwrite-oldest event ring (see ring.h).
 *
 * Storage is one array of `capacity` records. The event with sequence
 * number s lives in slot s % capacity; the ring holds the sequence numbers
 * [oldest, next). Keeping 64-bit sequence numbers instead of head/tail
 * indices makes "how many did I miss" a subtraction and can never wrap in
 * practice (2^64 events).
 */
#include "ring.h"

#include <stdlib.h>
#include <string.h>

struct event_ring {
    size_t capacity;
    uint64_t next;        /* sequence number of the next accepted event */
    uint64_t oldest;      /* sequence number of the oldest held event */
    uint32_t kind_mask;
    uint32_t trace_mask;
    struct machine_event slot[];
};

struct event_ring *event_ring_create(size_t capacity)
{
    if (capacity == 0 || capacity > EVENT_RING_MAX_CAPACITY)
        return NULL;
    struct event_ring *r = calloc(1, sizeof *r + capacity * sizeof r->slot[0]);
    if (!r)
        return NULL;
    r->capacity = capacity;
    r->kind_mask = EVENT_RING_ALL;
    r->trace_mask = EVENT_RING_ALL;
    return r;
}

void event_ring_destroy(struct event_ring *r)
{
    free(r);
}

void event_ring_set_filter(struct event_ring *r, uint32_t kind_mask, uint32_t trace_mask)
{
    r->kind_mask = kind_mask;
    r->trace_mask = trace_mask;
}

/* A bit test that is false (not undefined) for numbers past the mask. */
static bool mask_has(uint32_t mask, uint32_t n)
{
    if (mask == EVENT_RING_ALL)
        return true;
    return n < 32 && (mask & EVENT_RING_BIT(n));
}

bool event_ring_push(struct event_ring *r, const struct machine_event *ev)
{
    if (!mask_has(r->kind_mask, ev->kind))
        return false;
    if (ev->kind == EV_TRACE && !mask_has(r->trace_mask, ev->cause))
        return false;
    r->slot[r->next % r->capacity] = *ev;
    r->next++;
    if (r->next - r->oldest > r->capacity)
        r->oldest = r->next - r->capacity;   /* overwrote the oldest */
    return true;
}

void event_ring_listener(void *ctx, const struct machine_event *ev)
{
    (void)event_ring_push(ctx, ev);
}

void event_ring_clear(struct event_ring *r)
{
    r->oldest = r->next;
}

size_t event_ring_capacity(const struct event_ring *r)
{
    return r->capacity;
}

uint64_t event_ring_next_seq(const struct event_ring *r)
{
    return r->next;
}

uint64_t event_ring_oldest_seq(const struct event_ring *r)
{
    return r->oldest;
}

size_t event_ring_count(const struct event_ring *r)
{
    return (size_t)(r->next - r->oldest);
}

bool event_ring_get(const struct event_ring *r, uint64_t seq, struct machine_event *out)
{
    if (seq < r->oldest || seq >= r->next)
        return false;
    *out = r->slot[seq % r->capacity];
    return true;
}

size_t event_ring_read(const struct event_ring *r, uint64_t *cursor, struct machine_event *out,
                       size_t max, uint64_t *missed)
{
    uint64_t c = *cursor;
    uint64_t lost = 0;
    if (c < r->oldest) {
        lost = r->oldest - c;
        c = r->oldest;
    }
    if (c > r->next)
        c = r->next;
    size_t n = 0;
    while (n < max && c < r->next) {
        out[n++] = r->slot[c % r->capacity];
        c++;
    }
    *cursor = c;
    if (missed)
        *missed = lost;
    return n;
}
