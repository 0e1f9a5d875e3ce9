/*
 * hooks.h — what a device may ask of the machine that owns it.
 *
 * Devices (machine/dev/) see the machine only through these calls, so they
 * can be unit-tested with a stub machine. Implemented in machine/machine.c.
 */
#ifndef TRAPEZE_HOOKS_H
#define TRAPEZE_HOOKS_H

#include <stdint.h>

struct machine;

/* Stop the run after the current instruction with this exit code and reason
 * (reason is a static string). The first request wins. */
void mach_request_exit(struct machine *m, int code, const char *reason);

/* Commit a trace-port record (code = enum tz_trace_code) as an EV_TRACE event
 * stamped with the current cycle, pc, privilege and guest. */
void mach_trace(struct machine *m, uint32_t code, const uint32_t args[4]);

/* Set the current guest for cycle attribution (TZ_GUEST_NONE = none). */
void mach_set_guest(struct machine *m, uint32_t guest);

/* A byte transmitted by the UART: goes to the configured sink or buffer. */
void mach_uart_tx(struct machine *m, uint8_t byte);

#endif
