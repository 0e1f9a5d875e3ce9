/*
 * export.h — writers that turn the machine's event stream into files.
 *
 * Each writer is an ordinary event listener (machine_subscribe): it streams
 * records with fprintf as they happen, so a run of millions of events never
 * builds a document in memory. Numbers are written as integers (or as
 * fixed-point built from integers), never with %f, so the output does not
 * depend on the host's locale.
 *
 *   - Chrome/Perfetto trace-event JSON (open it in ui.perfetto.dev or
 *     chrome://tracing): one track per guest (plus one for the machine
 *     itself when no guest is current), privilege spans as slices, traps,
 *     interrupts and VMM actions as instant events.
 *   - A plain text log, one line per event (`--events FILE`).
 */
#ifndef TRAPEZE_EXPORT_H
#define TRAPEZE_EXPORT_H

#include <stdint.h>
#include <stdio.h>

#include "machine.h"

struct chrome_trace;

/* Start a trace on an open stream; clock_hz turns cycles into microseconds.
 * trap_entry is the profile's cost of taking a trap: the machine charges it
 * to the handler's side and stamps the trap event after it, so the span of
 * the interrupted mode ends that many cycles before the event.
 * guest_names may be NULL or hold up to MACHINE_MAX_GUESTS names (NULL = unnamed). */
struct chrome_trace *chrome_trace_begin(FILE *out, uint64_t clock_hz, uint32_t trap_entry,
                                        const char *const *guest_names, unsigned nguests);
/* The listener to pass to machine_subscribe with the trace as ctx. */
void chrome_trace_listener(void *ctx, const struct machine_event *ev);
/* Close the last open span at `end_cycle`, finish the JSON, free the writer.
 * Returns 0, or -1 if writing failed. Does not close `out`. */
int chrome_trace_end(struct chrome_trace *t, uint64_t end_cycle);

/* Format one event as a line of text (no newline). Returns the length. */
int machine_event_format(const struct machine_event *ev, char *buf, size_t len);
/* A listener writing machine_event_format lines to a FILE* ctx. */
void text_log_listener(void *ctx, const struct machine_event *ev);

/* Name of a trace-port event code (enum tz_trace_code), e.g. "shadow_fill". */
const char *trace_code_name(uint32_t code);

#endif
