/*
 * bus.h — the physical address space: RAM fast path plus a device table.
 *
 * RAM is one flat host buffer checked first by the core's load/store fast
 * path (see machine/core, which owns the hot path). Anything that is not RAM
 * goes through bus_mmio_read/bus_mmio_write, which look the address up in a
 * small table of devices sorted by base address. An address that hits no
 * device is an access fault inside the simulation, never a host crash.
 */
#ifndef TRAPEZE_BUS_H
#define TRAPEZE_BUS_H

#include <stdint.h>

#define BUS_MAX_DEVICES 16

/* Device callbacks. offset is relative to the device base; size is 1, 2 or 4
 * (the access is naturally aligned). Return 0 on success, -1 for an access
 * fault (e.g. an unsupported width or a register that does not exist). */
struct device_ops {
    int (*read)(void *ctx, uint32_t offset, unsigned size, uint32_t *value);
    int (*write)(void *ctx, uint32_t offset, unsigned size, uint32_t value);
};

struct bus_device {
    const char *name;
    uint32_t base, size;
    const struct device_ops *ops;
    void *ctx;
};

struct bus {
    uint8_t *ram;          /* host buffer of ram_size bytes */
    uint32_t ram_base, ram_size;
    unsigned ndev;
    struct bus_device dev[BUS_MAX_DEVICES];   /* sorted by base */
};

/* Add a device; refuses overlaps with RAM or other devices. 0 or -1. */
int bus_add_device(struct bus *b, const char *name, uint32_t base, uint32_t size,
                   const struct device_ops *ops, void *ctx);

/* The device covering paddr, or NULL. */
const struct bus_device *bus_find(const struct bus *b, uint32_t paddr);

/* MMIO access (not RAM). 0 on success, -1 = access fault. */
int bus_mmio_read(const struct bus *b, uint32_t paddr, unsigned size, uint32_t *value);
int bus_mmio_write(const struct bus *b, uint32_t paddr, unsigned size, uint32_t value);

#endif
