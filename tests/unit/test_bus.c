/*
 * test_bus.c — the device table: kept sorted, overlaps (with RAM or another
 * device) and wrapping windows refused, lookups exact at both edges, and
 * accesses routed with device-relative offsets; anything unclaimed, straddling
 * a device's end, misaligned or of an odd width is an access fault (-1).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../../machine/bus.h"

/* A recording device: remembers the last access, returns a fixed pattern. */
struct probe {
    uint32_t last_offset, last_value;
    unsigned last_size, reads, writes;
    int refuse;
};

static int probe_read(void *ctx, uint32_t offset, unsigned size, uint32_t *value)
{
    struct probe *p = ctx;
    if (p->refuse)
        return -1;
    p->reads++;
    p->last_offset = offset;
    p->last_size = size;
    *value = 0xA1B2C3D4u;   /* wider than any narrow access: the bus must mask */
    return 0;
}

static int probe_write(void *ctx, uint32_t offset, unsigned size, uint32_t value)
{
    struct probe *p = ctx;
    if (p->refuse)
        return -1;
    p->writes++;
    p->last_offset = offset;
    p->last_size = size;
    p->last_value = value;
    return 0;
}

static const struct device_ops probe_ops = { probe_read, probe_write };
static const struct device_ops read_only_ops = { probe_read, NULL };

static void init_bus(struct bus *b)
{
    memset(b, 0, sizeof *b);
    b->ram_base = 0x80000000u;
    b->ram_size = 0x08000000u;
}

static void test_sorted_and_overlaps(void **state)
{
    (void)state;
    struct bus b;
    struct probe p = { 0 };
    init_bus(&b);
    assert_int_equal(bus_add_device(&b, "uart", 0x10000000u, 0x100, &probe_ops, &p), 0);
    assert_int_equal(bus_add_device(&b, "test", 0x00100000u, 0x1000, &probe_ops, &p), 0);
    assert_int_equal(bus_add_device(&b, "trace", 0x10001000u, 0x1000, &probe_ops, &p), 0);
    assert_int_equal(bus_add_device(&b, "clint", 0x02000000u, 0x10000, &probe_ops, &p), 0);
    assert_int_equal(b.ndev, 4);
    for (unsigned i = 1; i < b.ndev; i++)
        assert_true(b.dev[i - 1].base < b.dev[i].base);
    assert_string_equal(b.dev[0].name, "test");
    assert_string_equal(b.dev[3].name, "trace");

    /* Overlaps: partial at either end, contained, containing, with RAM. */
    assert_int_equal(bus_add_device(&b, "x", 0x100000FFu, 2, &probe_ops, &p), -1);
    assert_int_equal(bus_add_device(&b, "x", 0x0FFFFFFFu, 2, &probe_ops, &p), -1);
    assert_int_equal(bus_add_device(&b, "x", 0x10000010u, 1, &probe_ops, &p), -1);
    assert_int_equal(bus_add_device(&b, "x", 0x0F000000u, 0x02000000u, &probe_ops, &p), -1);
    assert_int_equal(bus_add_device(&b, "x", 0x87FFF000u, 0x1000, &probe_ops, &p), -1);
    assert_int_equal(bus_add_device(&b, "x", 0x7FFFF000u, 0x2000, &probe_ops, &p), -1);
    /* Wrapping past 2^32, zero size, no ops. */
    assert_int_equal(bus_add_device(&b, "x", 0xFFFFF000u, 0x2000, &probe_ops, &p), -1);
    assert_int_equal(bus_add_device(&b, "x", 0x20000000u, 0, &probe_ops, &p), -1);
    assert_int_equal(bus_add_device(&b, "x", 0x20000000u, 4, NULL, &p), -1);
    assert_int_equal(b.ndev, 4);
    /* Adjacent is fine, and a window may end exactly at 2^32. */
    assert_int_equal(bus_add_device(&b, "next", 0x10000100u, 0x100, &probe_ops, &p), 0);
    assert_int_equal(bus_add_device(&b, "top", 0xFFFFF000u, 0x1000, &probe_ops, &p), 0);
    assert_int_equal(bus_add_device(&b, "below-ram", 0x7FFFF000u, 0x1000, &probe_ops, &p), 0);
    assert_int_equal(b.ndev, 7);
}

static void test_table_full(void **state)
{
    (void)state;
    struct bus b;
    struct probe p = { 0 };
    init_bus(&b);
    for (unsigned i = 0; i < BUS_MAX_DEVICES; i++)
        assert_int_equal(bus_add_device(&b, "d", 0x1000u * (BUS_MAX_DEVICES - i), 0x1000,
                                        &probe_ops, &p),
                         0);
    assert_int_equal(bus_add_device(&b, "d", 0x40000000u, 0x1000, &probe_ops, &p), -1);
    for (unsigned i = 0; i < BUS_MAX_DEVICES; i++)
        assert_int_equal(b.dev[i].base, 0x1000u * (i + 1));
}

static void test_find_edges(void **state)
{
    (void)state;
    struct bus b;
    struct probe p = { 0 };
    init_bus(&b);
    assert_int_equal(bus_add_device(&b, "uart", 0x10000000u, 0x100, &probe_ops, &p), 0);
    assert_int_equal(bus_add_device(&b, "top", 0xFFFFFF00u, 0x100, &probe_ops, &p), 0);
    assert_null(bus_find(&b, 0x0FFFFFFFu));
    assert_non_null(bus_find(&b, 0x10000000u));
    assert_non_null(bus_find(&b, 0x100000FFu));
    assert_null(bus_find(&b, 0x10000100u));
    assert_null(bus_find(&b, 0));
    assert_string_equal(bus_find(&b, 0xFFFFFFFFu)->name, "top");
    assert_null(bus_find(&b, 0x80000000u));   /* RAM is not a device */
}

static void test_routing(void **state)
{
    (void)state;
    struct bus b;
    struct probe p = { 0 }, ro = { 0 };
    init_bus(&b);
    assert_int_equal(bus_add_device(&b, "dev", 0x10000000u, 0x100, &probe_ops, &p), 0);
    assert_int_equal(bus_add_device(&b, "rom", 0x20000000u, 0x100, &read_only_ops, &ro), 0);
    uint32_t v = 0;

    assert_int_equal(bus_mmio_write(&b, 0x10000014u, 4, 0xDEADBEEFu), 0);
    assert_int_equal(p.last_offset, 0x14);
    assert_int_equal(p.last_size, 4);
    assert_int_equal(p.last_value, 0xDEADBEEFu);
    /* Narrow accesses see only their bytes, in both directions. */
    assert_int_equal(bus_mmio_write(&b, 0x10000003u, 1, 0x1234u), 0);
    assert_int_equal(p.last_value, 0x34);
    assert_int_equal(bus_mmio_write(&b, 0x10000002u, 2, 0x12345678u), 0);
    assert_int_equal(p.last_value, 0x5678);
    assert_int_equal(bus_mmio_read(&b, 0x10000001u, 1, &v), 0);
    assert_int_equal(v, 0xD4);
    assert_int_equal(p.last_offset, 1);
    assert_int_equal(bus_mmio_read(&b, 0x10000002u, 2, &v), 0);
    assert_int_equal(v, 0xC3D4);
    assert_int_equal(bus_mmio_read(&b, 0x100000FCu, 4, &v), 0);
    assert_int_equal(v, 0xA1B2C3D4u);

    unsigned reads = p.reads, writes = p.writes;
    /* Faults: unmapped, straddling the end, misaligned, odd width. */
    assert_int_equal(bus_mmio_read(&b, 0x30000000u, 4, &v), -1);
    assert_int_equal(bus_mmio_write(&b, 0x0u, 1, 0), -1);
    assert_int_equal(bus_mmio_read(&b, 0x100000FEu, 4, &v), -1);
    assert_int_equal(bus_mmio_read(&b, 0x10000002u, 4, &v), -1);
    assert_int_equal(bus_mmio_write(&b, 0x10000001u, 2, 0), -1);
    assert_int_equal(bus_mmio_read(&b, 0x10000000u, 3, &v), -1);
    assert_int_equal(bus_mmio_read(&b, 0x10000000u, 8, &v), -1);
    assert_int_equal(p.reads, reads);
    assert_int_equal(p.writes, writes);

    /* A device without a write op, or one that refuses, faults. */
    assert_int_equal(bus_mmio_read(&b, 0x20000000u, 4, &v), 0);
    assert_int_equal(bus_mmio_write(&b, 0x20000000u, 4, 1), -1);
    p.refuse = 1;
    assert_int_equal(bus_mmio_read(&b, 0x10000000u, 4, &v), -1);
    assert_int_equal(bus_mmio_write(&b, 0x10000000u, 4, 0), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sorted_and_overlaps),
        cmocka_unit_test(test_table_full),
        cmocka_unit_test(test_find_edges),
        cmocka_unit_test(test_routing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
