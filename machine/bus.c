/*
 * bus.c — the physical address map outside RAM: a small table of devices.
 *
 * The core checks RAM itself (it is the hot path); every other physical
 * access comes here. The table is kept sorted by base address so that a
 * listing of it reads like the board's memory map, and overlapping devices
 * are refused when they are added, so each address has at most one owner.
 * With at most BUS_MAX_DEVICES entries a linear scan is as fast as anything
 * cleverer, and easy to read.
 *
 * An address no device claims, or an access a device refuses, returns -1:
 * the core turns that into a load/store access fault (privileged spec,
 * "Physical Memory Attributes": an access to a region that does not support
 * it raises an access-fault exception), never into a host crash.
 */
#include "bus.h"

#include <stddef.h>

/* [a, a+alen) and [b, b+blen) intersect; 64-bit so a range may end at 2^32. */
static int ranges_overlap(uint64_t a, uint64_t alen, uint64_t b, uint64_t blen)
{
    return a < b + blen && b < a + alen;
}

int bus_add_device(struct bus *b, const char *name, uint32_t base, uint32_t size,
                   const struct device_ops *ops, void *ctx)
{
    if (!b || !ops || size == 0 || b->ndev >= BUS_MAX_DEVICES)
        return -1;
    /* The window must not wrap past the top of the 32-bit address space. */
    if ((uint64_t)base + size > ((uint64_t)1 << 32))
        return -1;
    if (b->ram_size && ranges_overlap(base, size, b->ram_base, b->ram_size))
        return -1;
    unsigned pos = 0;
    for (unsigned i = 0; i < b->ndev; i++) {
        if (ranges_overlap(base, size, b->dev[i].base, b->dev[i].size))
            return -1;
        if (b->dev[i].base < base)
            pos = i + 1;
    }
    for (unsigned i = b->ndev; i > pos; i--)
        b->dev[i] = b->dev[i - 1];
    b->dev[pos] = (struct bus_device){ name, base, size, ops, ctx };
    b->ndev++;
    return 0;
}

const struct bus_device *bus_find(const struct bus *b, uint32_t paddr)
{
    for (unsigned i = 0; i < b->ndev; i++) {
        const struct bus_device *d = &b->dev[i];
        if (paddr < d->base)
            break;   /* sorted: every later device starts even higher */
        if (paddr - d->base < d->size)
            return d;
    }
    return NULL;
}

/* The device that holds the whole access [paddr, paddr+size), or NULL. */
static const struct bus_device *claim(const struct bus *b, uint32_t paddr, unsigned size)
{
    if (size != 1 && size != 2 && size != 4)
        return NULL;
    if (paddr & (size - 1))
        return NULL;   /* the core handles misalignment before the bus */
    const struct bus_device *d = bus_find(b, paddr);
    if (!d || (uint64_t)(paddr - d->base) + size > d->size)
        return NULL;
    return d;
}

int bus_mmio_read(const struct bus *b, uint32_t paddr, unsigned size, uint32_t *value)
{
    const struct bus_device *d = claim(b, paddr, size);
    if (!d || !d->ops->read)
        return -1;
    uint32_t v = 0;
    if (d->ops->read(d->ctx, paddr - d->base, size, &v) != 0)
        return -1;
    /* A device may not return bits beyond the access width. */
    *value = size == 4 ? v : (v & ((1u << (size * 8)) - 1));
    return 0;
}

int bus_mmio_write(const struct bus *b, uint32_t paddr, unsigned size, uint32_t value)
{
    const struct bus_device *d = claim(b, paddr, size);
    if (!d || !d->ops->write)
        return -1;
    if (size != 4)
        value &= (1u << (size * 8)) - 1;
    return d->ops->write(d->ctx, paddr - d->base, size, value) != 0 ? -1 : 0;
}
