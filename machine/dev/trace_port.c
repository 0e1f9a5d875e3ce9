/*
 * trace_port.c — trapeze's trace port: how code on the simulated machine
 * (the VMM above all) tells the host what it is doing, at no cost to the
 * host's honesty: the writes are ordinary stores, so the VMM pays for its
 * own reporting in simulated cycles like any other work.
 *
 * Protocol (registers in machine/abi/trapeze_abi.h): store up to four
 * arguments in TZ_TRACE_ARG0..3, then store the event code in TZ_TRACE_EMIT,
 * which commits one record through mach_trace(). TZ_TRACE_GUEST sets the
 * guest charged for the following cycles. Arguments stay until overwritten,
 * so an event that needs only ARG0 may leave the others stale: the event
 * code defines which arguments mean something.
 *
 * Only aligned 32-bit accesses are valid; a narrower one, or an offset past
 * ARG3, is an access fault. The port is write-only: reads return 0 (on QEMU
 * the same address is an empty virtio-mmio slot, so nothing may rely on
 * reading it back).
 */
#include "dev.h"

#include "../abi/trapeze_abi.h"
#include "../hooks.h"

#define TRACE_ACCESS_SIZE 4
#define TRACE_NARGS       4

void trace_port_init(struct trace_port *t, struct machine *m)
{
    t->m = m;
    for (unsigned i = 0; i < TRACE_NARGS; i++)
        t->args[i] = 0;
}

static int known_register(uint32_t offset)
{
    return offset <= TZ_TRACE_ARG3 && (offset % TRACE_ACCESS_SIZE) == 0;
}

static int trace_read(void *ctx, uint32_t offset, unsigned size, uint32_t *value)
{
    (void)ctx;
    if (size != TRACE_ACCESS_SIZE || !known_register(offset))
        return -1;
    *value = 0;
    return 0;
}

static int trace_write(void *ctx, uint32_t offset, unsigned size, uint32_t value)
{
    struct trace_port *t = ctx;
    if (size != TRACE_ACCESS_SIZE || !known_register(offset))
        return -1;
    switch (offset) {
    case TZ_TRACE_EMIT:
        mach_trace(t->m, value, t->args);
        break;
    case TZ_TRACE_GUEST:
        mach_set_guest(t->m, value);
        break;
    default:   /* ARG0..ARG3 are consecutive words */
        t->args[(offset - TZ_TRACE_ARG0) / TRACE_ACCESS_SIZE] = value;
        break;
    }
    return 0;
}

const struct device_ops trace_port_ops = { trace_read, trace_write };
