/*
 * test_ring.c — the event ring the dashboard reads (machine/ring.c):
 * capacity limits, overwrite-oldest, sequence numbers, what a lapped reader
 * is told it missed, and the kind / trace-code filter.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../machine/abi/trapeze_abi.h"
#include "../../machine/ring.h"

static struct machine_event ev_at(uint64_t cycle, uint32_t kind, uint32_t cause)
{
    struct machine_event e;
    memset(&e, 0, sizeof e);
    e.cycle = cycle;
    e.kind = kind;
    e.cause = cause;
    e.guest = TZ_GUEST_NONE;
    return e;
}

/* Push events with cycles first .. first+n-1. */
static void push_n(struct event_ring *r, uint64_t first, unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        struct machine_event e = ev_at(first + i, EV_TRAP, 2);
        event_ring_push(r, &e);
    }
}

static void create_rejects_bad_capacity(void **state)
{
    (void)state;
    assert_null(event_ring_create(0));
    assert_null(event_ring_create((size_t)EVENT_RING_MAX_CAPACITY + 1));
    struct event_ring *r = event_ring_create(1);
    assert_non_null(r);
    assert_int_equal(event_ring_capacity(r), 1);
    event_ring_destroy(r);
    event_ring_destroy(NULL);   /* like free(NULL) */
}

static void empty_ring_has_nothing(void **state)
{
    (void)state;
    struct event_ring *r = event_ring_create(8);
    struct machine_event out[4];
    uint64_t cursor = 0, missed = 99;
    assert_int_equal(event_ring_count(r), 0);
    assert_int_equal(event_ring_next_seq(r), 0);
    assert_int_equal(event_ring_oldest_seq(r), 0);
    assert_false(event_ring_get(r, 0, &out[0]));
    assert_int_equal(event_ring_read(r, &cursor, out, 4, &missed), 0);
    assert_int_equal(cursor, 0);
    assert_int_equal(missed, 0);
    event_ring_destroy(r);
}

/* Overwrite-oldest, driven by a table: capacity, events pushed, and what
 * must be held afterwards. */
static void overwrites_oldest_table(void **state)
{
    (void)state;
    static const struct {
        size_t capacity;
        unsigned pushed;
        uint64_t oldest, count;
    } rows[] = {
        { 4, 3, 0, 3 },     /* not full */
        { 4, 4, 0, 4 },     /* exactly full */
        { 4, 5, 1, 4 },     /* one overwritten */
        { 4, 10, 6, 4 },    /* lapped twice */
        { 1, 7, 6, 1 },     /* a ring of one keeps the newest */
        { 1000, 999, 0, 999 },
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        struct event_ring *r = event_ring_create(rows[i].capacity);
        assert_non_null(r);
        push_n(r, 100, rows[i].pushed);
        assert_int_equal(event_ring_next_seq(r), rows[i].pushed);
        assert_int_equal(event_ring_oldest_seq(r), rows[i].oldest);
        assert_int_equal(event_ring_count(r), rows[i].count);
        struct machine_event e;
        /* every held event is the one pushed with that sequence number */
        for (uint64_t s = rows[i].oldest; s < rows[i].pushed; s++) {
            assert_true(event_ring_get(r, s, &e));
            assert_int_equal(e.cycle, 100 + s);
        }
        if (rows[i].oldest > 0)
            assert_false(event_ring_get(r, rows[i].oldest - 1, &e));
        assert_false(event_ring_get(r, rows[i].pushed, &e));
        event_ring_destroy(r);
    }
}

/* A reader that falls behind is told exactly how many events it missed. */
static void lapped_reader_learns_what_it_missed(void **state)
{
    (void)state;
    struct event_ring *r = event_ring_create(4);
    struct machine_event out[8];
    uint64_t cursor = 0, missed = 0;

    push_n(r, 0, 3);
    assert_int_equal(event_ring_read(r, &cursor, out, 8, &missed), 3);
    assert_int_equal(missed, 0);
    assert_int_equal(cursor, 3);
    assert_int_equal(out[2].cycle, 2);

    push_n(r, 3, 7);    /* sequence 3..9 pushed; 6..9 held; 3..5 lost */
    assert_int_equal(event_ring_read(r, &cursor, out, 8, &missed), 4);
    assert_int_equal(missed, 3);
    assert_int_equal(out[0].cycle, 6);
    assert_int_equal(out[3].cycle, 9);
    assert_int_equal(cursor, 10);

    /* nothing new: nothing read, nothing missed */
    assert_int_equal(event_ring_read(r, &cursor, out, 8, &missed), 0);
    assert_int_equal(missed, 0);
    event_ring_destroy(r);
}

/* Reading in small chunks yields the same sequence as one big read. */
static void chunked_reads_are_contiguous(void **state)
{
    (void)state;
    struct event_ring *r = event_ring_create(16);
    push_n(r, 1000, 11);
    struct machine_event out[3];
    uint64_t cursor = 0, missed = 0, expect = 1000;
    size_t n, total = 0;
    while ((n = event_ring_read(r, &cursor, out, 3, &missed)) > 0) {
        assert_int_equal(missed, 0);
        for (size_t i = 0; i < n; i++)
            assert_int_equal(out[i].cycle, expect++);
        total += n;
    }
    assert_int_equal(total, 11);
    assert_int_equal(cursor, 11);
    /* missed may be NULL */
    cursor = 5;
    assert_int_equal(event_ring_read(r, &cursor, out, 3, NULL), 3);
    assert_int_equal(out[0].cycle, 1005);
    event_ring_destroy(r);
}

/* A cursor from the future (e.g. kept across a reset) is pulled back. */
static void cursor_beyond_end_is_pulled_back(void **state)
{
    (void)state;
    struct event_ring *r = event_ring_create(4);
    push_n(r, 0, 2);
    struct machine_event out[4];
    uint64_t cursor = 50, missed = 7;
    assert_int_equal(event_ring_read(r, &cursor, out, 4, &missed), 0);
    assert_int_equal(cursor, 2);
    assert_int_equal(missed, 0);
    event_ring_destroy(r);
}

/* Clearing drops the held events but never reuses a sequence number, so a
 * reader holding an old cursor sees the cleared events as missed. */
static void clear_keeps_counting(void **state)
{
    (void)state;
    struct event_ring *r = event_ring_create(8);
    push_n(r, 0, 5);
    event_ring_clear(r);
    assert_int_equal(event_ring_count(r), 0);
    assert_int_equal(event_ring_next_seq(r), 5);
    assert_int_equal(event_ring_oldest_seq(r), 5);
    push_n(r, 50, 2);
    struct machine_event out[8];
    uint64_t cursor = 2, missed = 0;
    assert_int_equal(event_ring_read(r, &cursor, out, 8, &missed), 2);
    assert_int_equal(missed, 3);
    assert_int_equal(out[0].cycle, 50);
    event_ring_destroy(r);
}

/* The filter: which events get in (and so get a sequence number). */
static void filter_table(void **state)
{
    (void)state;
    static const struct {
        uint32_t kind_mask, trace_mask;
        uint32_t kind, cause;
        bool accepted;
    } rows[] = {
        { EVENT_RING_ALL, EVENT_RING_ALL, EV_DEVICE, 1, true },
        { EVENT_RING_BIT(EV_TRAP), EVENT_RING_ALL, EV_TRAP, 2, true },
        { EVENT_RING_BIT(EV_TRAP), EVENT_RING_ALL, EV_DEVICE, 1, false },
        { EVENT_RING_BIT(EV_TRACE), EVENT_RING_BIT(TZ_EV_INJECT), EV_TRACE, TZ_EV_INJECT, true },
        { EVENT_RING_BIT(EV_TRACE), EVENT_RING_BIT(TZ_EV_INJECT), EV_TRACE, TZ_EV_CONSOLE, false },
        /* trace mask does not apply to other kinds */
        { EVENT_RING_BIT(EV_XRET), 0, EV_XRET, 0, true },
        /* out-of-range numbers never match a partial mask */
        { EVENT_RING_BIT(EV_TRACE), 0x7FFFFFFFu, EV_TRACE, 40, false },
        { EVENT_RING_BIT(EV_TRAP), EVENT_RING_ALL, 77, 0, false },
        { EVENT_RING_ALL, EVENT_RING_ALL, EV_TRACE, 40, true },
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        struct event_ring *r = event_ring_create(4);
        event_ring_set_filter(r, rows[i].kind_mask, rows[i].trace_mask);
        struct machine_event e = ev_at(1, rows[i].kind, rows[i].cause);
        assert_int_equal(event_ring_push(r, &e), rows[i].accepted);
        assert_int_equal(event_ring_next_seq(r), rows[i].accepted ? 1 : 0);
        event_ring_destroy(r);
    }
}

/* The ring as a listener on a real machine: a tiny M-mode program that
 * takes an ecall trap; the ring sees the trap with the right cause. */
static void listens_to_a_machine(void **state)
{
    (void)state;
    char err[256];
    struct machine_config cfg = { 0 };
    struct machine *m = machine_create(&cfg, err, sizeof err);
    assert_non_null(m);
    /* 0x80000000: csrw mtvec, t0 with t0 = 0x80000100 ... kept tiny:
     * auipc t0,0 ; addi t0,t0,0x100 ; csrw mtvec,t0 ; ecall
     * 0x80000100: j . (loops until the slice ends) */
    const uint32_t prog[] = { 0x00000297u, 0x10028293u, 0x30529073u, 0x00000073u };
    const uint32_t spin = 0x0000006fu;
    uint32_t base = machine_ram_base(m);
    assert_int_equal(machine_write_phys(m, base, prog, sizeof prog), 0);
    assert_int_equal(machine_write_phys(m, base + 0x100, &spin, sizeof spin), 0);
    machine_set_pc(m, base);
    struct event_ring *r = event_ring_create(16);
    event_ring_set_filter(r, EVENT_RING_BIT(EV_TRAP), 0);
    assert_true(machine_subscribe(m, event_ring_listener, r) >= 0);
    (void)machine_run(m, 1000);
    struct machine_event e;
    assert_int_equal(event_ring_count(r), 1);
    assert_true(event_ring_get(r, 0, &e));
    assert_int_equal(e.kind, EV_TRAP);
    assert_string_equal(machine_cause_name(e.cause, false), "ecall_from_m");
    assert_int_equal(e.pc, base + 3 * sizeof(uint32_t));
    machine_destroy(m);
    event_ring_destroy(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(create_rejects_bad_capacity),
        cmocka_unit_test(empty_ring_has_nothing),
        cmocka_unit_test(overwrites_oldest_table),
        cmocka_unit_test(lapped_reader_learns_what_it_missed),
        cmocka_unit_test(chunked_reads_are_contiguous),
        cmocka_unit_test(cursor_beyond_end_is_pulled_back),
        cmocka_unit_test(clear_keeps_counting),
        cmocka_unit_test(filter_table),
        cmocka_unit_test(listens_to_a_machine),
    };
    return cmocka_run_group_tests_name("ring", tests, NULL, NULL);
}
