/*
 * dev.h — the simple MMIO devices of the trapeze board.
 *
 * Each device is a plain struct embedded in struct machine, initialised with
 * its *_init function and registered on the bus with its ops table. The CLINT
 * is not here: its time and interrupt lines are part of the hart's hot loop
 * (machine/clint.c).
 */
#ifndef TRAPEZE_DEV_H
#define TRAPEZE_DEV_H

#include <stddef.h>
#include <stdint.h>

#include "../bus.h"

struct machine;

/* ---- ns16550a UART (reg-shift 0, byte registers) ----------------------- */

#define UART_RX_QUEUE 4096

struct uart16550 {
    struct machine *m;
    uint8_t ier, lcr, mcr, scr, fcr, dll, dlm;
    uint8_t rx[UART_RX_QUEUE];       /* receive queue (ring) */
    uint32_t rx_head, rx_count;
    uint64_t tx_bytes;
};
void uart_init(struct uart16550 *u, struct machine *m);
/* Queue bytes for the receiver; bytes beyond the queue are dropped. */
void uart_push_input(struct uart16550 *u, const uint8_t *data, size_t len);
extern const struct device_ops uart_ops;

/* ---- SiFive test finisher --------------------------------------------- */

struct test_finisher {
    struct machine *m;
};
void test_finisher_init(struct test_finisher *t, struct machine *m);
extern const struct device_ops test_finisher_ops;

/* ---- trace port (registers in machine/abi/trapeze_abi.h) ---------------- */

struct trace_port {
    struct machine *m;
    uint32_t args[4];
};
void trace_port_init(struct trace_port *t, struct machine *m);
extern const struct device_ops trace_port_ops;

#endif
