/*
 * simulation.h — TrapezeSimulation: the one object that owns a machine.
 *
 * It boots a scenario (a file, or the built-in default) into a fresh
 * machine and runs it in bounded slices of simulated cycles from the GTK
 * main loop, so the window never blocks: each frame runs a fixed number of
 * cycles and returns. Because the machine counts cycles and never reads
 * the host clock, the figures at the end are the same as the `trapeze`
 * CLI's for the same scenario, however the run was sliced.
 *
 * Widgets only *read* from it. After every slice it emits "advanced"; when
 * a new machine replaces the old one (load, reset) it emits "reset"; when
 * running/paused/finished changes it emits "state-changed". What widgets
 * read:
 *   - the machine's counters and the per-guest statistics (guest_stats.h);
 *   - the event ring (machine/ring.h) the trap log adapts into a list;
 *   - privilege spans and trap marks, built from the ring after each slice
 *     (the timeline draws them).
 */
#ifndef TRAPEZE_GUI_SIMULATION_H
#define TRAPEZE_GUI_SIMULATION_H

#include <gtk/gtk.h>
#include <stdint.h>

#include "../machine/guest_stats.h"
#include "../machine/machine.h"
#include "../machine/ring.h"
#include "../machine/scenario.h"

G_BEGIN_DECLS

#define TRAPEZE_TYPE_SIMULATION (trapeze_simulation_get_type())
G_DECLARE_FINAL_TYPE(TrapezeSimulation, trapeze_simulation, TRAPEZE, SIMULATION, GObject)

/* What a span of time was spent on. */
enum tl_span_kind {
    SPAN_GUEST = 0,   /* the guest itself ran (U-mode) */
    SPAN_VMM = 1,     /* the VMM worked (M-mode), for `guest` or for nobody */
    SPAN_IDLE = 2     /* the hart slept in WFI: every guest was waiting */
};

/* A stretch of time: `vmm` is an enum tl_span_kind; `guest` is the guest
 * running or served (TZ_GUEST_NONE: nobody, e.g. while the VMM boots). */
struct tl_span {
    uint64_t start, end;
    uint16_t guest;
    uint8_t vmm;
};

/* A trap or interrupt taken out of a guest into the VMM. */
struct tl_mark {
    uint64_t cycle;
    uint16_t guest;
    uint8_t category;   /* enum trap_category (palette.h) */
};

/* Simulated cycles one press of Step runs (one default time slice). */
#define SIM_STEP_CYCLES 100000u
/* Cycles per frame at each speed. */
#define SIM_SPEED_SLOW_CYCLES 20000u
#define SIM_SPEED_NORMAL_CYCLES 200000u
#define SIM_SPEED_FAST_CYCLES 2000000u

TrapezeSimulation *trapeze_simulation_new(const char *rv32_dir);

/* Boot a scenario file (path = NULL: the built-in default). On failure the
 * current machine stays as it was and error says which file and what. */
gboolean trapeze_simulation_load(TrapezeSimulation *self, const char *path, GError **error);
/* Boot the current scenario again. */
gboolean trapeze_simulation_reset(TrapezeSimulation *self, GError **error);

void trapeze_simulation_set_running(TrapezeSimulation *self, gboolean running);
gboolean trapeze_simulation_get_running(TrapezeSimulation *self);
void trapeze_simulation_set_cycles_per_frame(TrapezeSimulation *self, guint64 cycles);
/* Run up to `cycles` more (synchronously, in sub-slices), then emit "advanced". */
void trapeze_simulation_step(TrapezeSimulation *self, guint64 cycles);
gboolean trapeze_simulation_is_finished(TrapezeSimulation *self);
gboolean trapeze_simulation_is_loaded(TrapezeSimulation *self);

const char *trapeze_simulation_get_rv32_dir(TrapezeSimulation *self);
/* NULL when running the built-in default. */
const char *trapeze_simulation_get_path(TrapezeSimulation *self);
const struct scenario *trapeze_simulation_get_scenario(TrapezeSimulation *self);
const struct machine_counters *trapeze_simulation_get_counters(TrapezeSimulation *self);
const struct guest_stats *trapeze_simulation_get_guest_stats(TrapezeSimulation *self);
struct event_ring *trapeze_simulation_get_ring(TrapezeSimulation *self);
enum machine_status trapeze_simulation_get_status(TrapezeSimulation *self);
int trapeze_simulation_get_exit_code(TrapezeSimulation *self);
uint64_t trapeze_simulation_get_clock_hz(TrapezeSimulation *self);
uint64_t trapeze_simulation_get_cycle(TrapezeSimulation *self);
/* Events the timeline could not see because the ring was lapped. */
uint64_t trapeze_simulation_get_missed(TrapezeSimulation *self);
const struct tl_span *trapeze_simulation_get_spans(TrapezeSimulation *self, guint *n);
const struct tl_mark *trapeze_simulation_get_marks(TrapezeSimulation *self, guint *n);

G_END_DECLS

#endif
