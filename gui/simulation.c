/*
 * simulation.c — owns the machine and drives it from the main loop (see
 * simulation.h).
 *
 * Why slices: the machine runs millions of cycles per host second, far more
 * than a window can show. A timeout runs `cycles_per_frame` cycles about 30
 * times a second and returns to GTK, so the buttons always respond. Each
 * frame is itself cut into sub-slices, and the event ring is drained after
 * every one, so the ring never laps the timeline even at the fastest speed.
 *
 * How spans are built: every privilege change is an event (a trap or
 * interrupt U→M, an mret M→U), and every event carries the current guest
 * (the VMM writes it to the trace port). So the time between two events is
 * spent at the first one's "to" privilege, for its guest: in U-mode the
 * guest runs; in M-mode the VMM works for it. A trap's event is stamped
 * after its entry cost, which belongs to the handler's side, so the span
 * of the side it interrupted ends that many cycles earlier.
 */
#define G_LOG_DOMAIN "trapeze-simulation"

#include "simulation.h"

#include <string.h>

#include "palette.h"

/* The CLI's own default instruction limit, so both stop at the same point. */
#define SIM_MAX_INSTRUCTIONS 20000000000ull
/* Host milliseconds between frames (about 30 frames per second). */
#define SIM_FRAME_MS 33u
/* Cycles per machine_run call within a frame: small enough that the ring
 * (below) holds every event of one sub-slice. */
#define SIM_SUB_SLICE_CYCLES 50000u
/* Events the ring keeps: the trap log shows at most this many. */
#define SIM_RING_CAPACITY 32768u
/* Events copied out of the ring per read. */
#define SIM_DRAIN_BATCH 256u
/* Spans and marks kept for the timeline (the oldest half is dropped
 * beyond this, so a very long run cannot eat the host's memory). */
#define SIM_MAX_SPANS (1u << 21)
#define SIM_MAX_MARKS (1u << 21)

struct _TrapezeSimulation {
    GObject parent_instance;

    /* Owned References */
    char *rv32_dir;
    char *path;                  /* NULL = built-in default */
    struct scenario *scen;
    struct machine *m;
    struct event_ring *ring;
    struct guest_stats *gstats;
    GArray *spans;               /* struct tl_span, in time order */
    GArray *marks;               /* struct tl_mark, in time order */

    /* State */
    struct machine_counters counters;
    enum machine_status status;
    gboolean running;
    guint timeout_id;
    guint64 cycles_per_frame;
    uint64_t ring_cursor;
    uint64_t missed;
    uint64_t span_start;         /* the open span: since when, which lane */
    uint8_t span_priv;
    uint16_t span_guest;
    gboolean span_idle;          /* the open span is a WFI sleep */
};

G_DEFINE_FINAL_TYPE(TrapezeSimulation, trapeze_simulation, G_TYPE_OBJECT)

enum { SIGNAL_ADVANCED, SIGNAL_RESET, SIGNAL_STATE_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void drop_machine(TrapezeSimulation *self)
{
    machine_destroy(self->m);
    self->m = NULL;
    event_ring_destroy(self->ring);
    self->ring = NULL;
    g_free(self->gstats);
    self->gstats = NULL;
    g_free(self->scen);
    self->scen = NULL;
}

static void stop_timer(TrapezeSimulation *self)
{
    if (self->timeout_id) {
        g_source_remove(self->timeout_id);
        self->timeout_id = 0;
    }
}

static void trapeze_simulation_dispose(GObject *object)
{
    TrapezeSimulation *self = TRAPEZE_SIMULATION(object);
    stop_timer(self);
    G_OBJECT_CLASS(trapeze_simulation_parent_class)->dispose(object);
}

static void trapeze_simulation_finalize(GObject *object)
{
    TrapezeSimulation *self = TRAPEZE_SIMULATION(object);
    drop_machine(self);
    g_array_unref(self->spans);
    g_array_unref(self->marks);
    g_free(self->rv32_dir);
    g_free(self->path);
    G_OBJECT_CLASS(trapeze_simulation_parent_class)->finalize(object);
}

static void trapeze_simulation_class_init(TrapezeSimulationClass *klass)
{
    GObjectClass *object_class = G_OBJECT_CLASS(klass);
    object_class->dispose = trapeze_simulation_dispose;
    object_class->finalize = trapeze_simulation_finalize;
    signals[SIGNAL_ADVANCED] = g_signal_new("advanced", G_TYPE_FROM_CLASS(klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 0);
    signals[SIGNAL_RESET] = g_signal_new("reset", G_TYPE_FROM_CLASS(klass), G_SIGNAL_RUN_LAST, 0,
                                         NULL, NULL, NULL, G_TYPE_NONE, 0);
    signals[SIGNAL_STATE_CHANGED] = g_signal_new("state-changed", G_TYPE_FROM_CLASS(klass),
                                                 G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                 G_TYPE_NONE, 0);
}

static void trapeze_simulation_init(TrapezeSimulation *self)
{
    self->spans = g_array_new(FALSE, FALSE, sizeof(struct tl_span));
    self->marks = g_array_new(FALSE, FALSE, sizeof(struct tl_mark));
    self->cycles_per_frame = SIM_SPEED_NORMAL_CYCLES;
}

TrapezeSimulation *trapeze_simulation_new(const char *rv32_dir)
{
    TrapezeSimulation *self = g_object_new(TRAPEZE_TYPE_SIMULATION, NULL);
    self->rv32_dir = g_strdup(rv32_dir);
    return self;
}

/* ---- the timeline's spans and marks ---------------------------------- */

static void keep_bounded(GArray *a, guint max)
{
    if (a->len > max)
        g_array_remove_range(a, 0, a->len / 2);
}

static void close_span(TrapezeSimulation *self, uint64_t end)
{
    if (end <= self->span_start)
        return;
    uint8_t vmm = self->span_idle ? SPAN_IDLE : self->span_priv == PRIV_M ? SPAN_VMM : SPAN_GUEST;
    /* Extend the previous span when it is the same lane and colour. */
    if (self->spans->len > 0) {
        struct tl_span *last = &g_array_index(self->spans, struct tl_span, self->spans->len - 1);
        if (last->end == self->span_start && last->guest == self->span_guest && last->vmm == vmm) {
            last->end = end;
            self->span_start = end;
            return;
        }
    }
    struct tl_span s = { .start = self->span_start, .end = end, .guest = self->span_guest, .vmm = vmm };
    g_array_append_val(self->spans, s);
    keep_bounded(self->spans, SIM_MAX_SPANS);
    self->span_start = end;
}

static void on_event(TrapezeSimulation *self, const struct machine_event *ev)
{
    bool priv_change = (ev->kind == EV_TRAP || ev->kind == EV_INTERRUPT || ev->kind == EV_XRET) &&
                       ev->priv_from != ev->priv_to;
    /* A trap's entry cycles are charged to the side that takes it, and its
     * event is stamped when the handler starts (machine/trap.c): the
     * interrupted side stopped trap_entry cycles before the stamp. */
    uint64_t end = ev->cycle;
    if (priv_change && (ev->kind == EV_TRAP || ev->kind == EV_INTERRUPT) && self->scen &&
        end >= self->span_start + self->scen->profile.trap_entry)
        end -= self->scen->profile.trap_entry;
    if (priv_change || ev->guest != self->span_guest || self->span_idle || ev->kind == EV_WFI) {
        close_span(self, end);
        self->span_guest = ev->guest;
        /* a WFI event marks the start of the sleep; whatever comes next ends it */
        self->span_idle = ev->kind == EV_WFI;
        if (priv_change)
            self->span_priv = ev->priv_to;
    }
    if ((ev->kind == EV_TRAP || ev->kind == EV_INTERRUPT) && ev->priv_from != PRIV_M &&
        ev->guest != TZ_GUEST_NONE) {
        struct tl_mark mk = {
            .cycle = ev->cycle,
            .guest = ev->guest,
            .category = (uint8_t)trap_category_of(ev->cause, ev->kind == EV_INTERRUPT),
        };
        g_array_append_val(self->marks, mk);
        keep_bounded(self->marks, SIM_MAX_MARKS);
    }
}

static void drain_ring(TrapezeSimulation *self)
{
    struct machine_event batch[SIM_DRAIN_BATCH];
    size_t n;
    uint64_t missed = 0;
    while ((n = event_ring_read(self->ring, &self->ring_cursor, batch, SIM_DRAIN_BATCH, &missed)) > 0) {
        self->missed += missed;
        for (size_t i = 0; i < n; i++)
            on_event(self, &batch[i]);
    }
    self->missed += missed;
}

/* ---- loading ------------------------------------------------------------ */

/* Events the ring keeps: privilege changes and sleeps (for spans), traps and the
 * VMM's actions (for the log). MMIO accesses of the trace port itself,
 * console bytes and VMM enter/exit (duplicates of traps) are left out. */
static void set_ring_filter(struct event_ring *r)
{
    uint32_t kinds = EVENT_RING_BIT(EV_TRAP) | EVENT_RING_BIT(EV_INTERRUPT) |
                     EVENT_RING_BIT(EV_XRET) | EVENT_RING_BIT(EV_EXIT) | EVENT_RING_BIT(EV_TRACE) |
                     EVENT_RING_BIT(EV_WFI);
    uint32_t traces = EVENT_RING_BIT(TZ_EV_GUEST_SWITCH) | EVENT_RING_BIT(TZ_EV_EMULATE) |
                      EVENT_RING_BIT(TZ_EV_SBI) | EVENT_RING_BIT(TZ_EV_HYPERCALL) |
                      EVENT_RING_BIT(TZ_EV_SHADOW_FILL) | EVENT_RING_BIT(TZ_EV_SHADOW_FLUSH) |
                      EVENT_RING_BIT(TZ_EV_INJECT) | EVENT_RING_BIT(TZ_EV_MMIO) |
                      EVENT_RING_BIT(TZ_EV_GUEST_EXIT) | EVENT_RING_BIT(TZ_EV_GUEST_KILL);
    event_ring_set_filter(r, kinds, traces);
}

gboolean trapeze_simulation_load(TrapezeSimulation *self, const char *path, GError **error)
{
    char err[1024];
    struct scenario *scen = g_new0(struct scenario, 1);
    struct machine *m = NULL;
    struct event_ring *ring = NULL;
    struct guest_stats *gstats = NULL;

    int rc = path ? scenario_load(path, self->rv32_dir, scen, err, sizeof err)
                  : scenario_load_default(self->rv32_dir, scen, err, sizeof err);
    if (rc != 0)
        goto fail;
    /* The same machine as the CLI's for this scenario. */
    struct machine_config cfg = { .max_instructions = SIM_MAX_INSTRUCTIONS };
    m = scenario_start(scen, &cfg, err, sizeof err);
    if (!m)
        goto fail;
    ring = event_ring_create(SIM_RING_CAPACITY);
    gstats = g_new0(struct guest_stats, 1);
    if (!ring) {
        g_strlcpy(err, "out of memory for the event ring", sizeof err);
        goto fail;
    }
    set_ring_filter(ring);
    if (machine_subscribe(m, guest_stats_listener, gstats) < 0 ||
        machine_subscribe(m, event_ring_listener, ring) < 0) {
        g_strlcpy(err, "the machine refused another event listener", sizeof err);
        goto fail;
    }

    /* Success: replace the old machine. */
    trapeze_simulation_set_running(self, FALSE);
    drop_machine(self);
    if (path != self->path) {
        char *copy = g_strdup(path);
        g_free(self->path);
        self->path = copy;
    }
    self->scen = scen;
    self->m = m;
    self->ring = ring;
    self->gstats = gstats;
    self->status = MACHINE_RUNNING;
    self->ring_cursor = 0;
    self->missed = 0;
    g_array_set_size(self->spans, 0);
    g_array_set_size(self->marks, 0);
    self->span_start = 0;
    self->span_priv = machine_priv(m);
    self->span_guest = TZ_GUEST_NONE;
    self->span_idle = FALSE;
    machine_get_counters(m, &self->counters);
    g_signal_emit(self, signals[SIGNAL_RESET], 0);
    g_signal_emit(self, signals[SIGNAL_STATE_CHANGED], 0);
    return TRUE;

fail:
    g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s", err);
    machine_destroy(m);
    event_ring_destroy(ring);
    g_free(gstats);
    g_free(scen);
    return FALSE;
}

gboolean trapeze_simulation_reset(TrapezeSimulation *self, GError **error)
{
    return trapeze_simulation_load(self, self->path, error);
}

/* ---- running ------------------------------------------------------------ */

void trapeze_simulation_step(TrapezeSimulation *self, guint64 cycles)
{
    if (!self->m || self->status != MACHINE_RUNNING)
        return;
    uint64_t target = self->counters.cycles + cycles;
    while (self->status == MACHINE_RUNNING && self->counters.cycles < target) {
        uint64_t left = target - self->counters.cycles;
        self->status = machine_run(self->m, MIN(left, (uint64_t)SIM_SUB_SLICE_CYCLES));
        machine_get_counters(self->m, &self->counters);
        drain_ring(self);
    }
    if (self->status != MACHINE_RUNNING) {
        close_span(self, self->counters.cycles);
        if (self->running) {
            self->running = FALSE;
            stop_timer(self);
        }
        g_signal_emit(self, signals[SIGNAL_ADVANCED], 0);
        g_signal_emit(self, signals[SIGNAL_STATE_CHANGED], 0);
        return;
    }
    g_signal_emit(self, signals[SIGNAL_ADVANCED], 0);
}

static gboolean on_frame(gpointer data)
{
    TrapezeSimulation *self = data;
    trapeze_simulation_step(self, self->cycles_per_frame);
    if (!self->running) {
        self->timeout_id = 0;
        return G_SOURCE_REMOVE;
    }
    return G_SOURCE_CONTINUE;
}

void trapeze_simulation_set_running(TrapezeSimulation *self, gboolean running)
{
    running = running && self->m && self->status == MACHINE_RUNNING;
    if (running == self->running)
        return;
    self->running = running;
    if (running)
        self->timeout_id = g_timeout_add(SIM_FRAME_MS, on_frame, self);
    else
        stop_timer(self);
    g_signal_emit(self, signals[SIGNAL_STATE_CHANGED], 0);
}

gboolean trapeze_simulation_get_running(TrapezeSimulation *self)
{
    return self->running;
}

void trapeze_simulation_set_cycles_per_frame(TrapezeSimulation *self, guint64 cycles)
{
    self->cycles_per_frame = cycles ? cycles : SIM_SPEED_NORMAL_CYCLES;
}

gboolean trapeze_simulation_is_finished(TrapezeSimulation *self)
{
    return self->m && self->status != MACHINE_RUNNING;
}

gboolean trapeze_simulation_is_loaded(TrapezeSimulation *self)
{
    return self->m != NULL;
}

/* ---- reading -------------------------------------------------------------- */

const char *trapeze_simulation_get_rv32_dir(TrapezeSimulation *self) { return self->rv32_dir; }
const char *trapeze_simulation_get_path(TrapezeSimulation *self) { return self->path; }
const struct scenario *trapeze_simulation_get_scenario(TrapezeSimulation *self) { return self->scen; }
const struct machine_counters *trapeze_simulation_get_counters(TrapezeSimulation *self)
{
    return &self->counters;
}
const struct guest_stats *trapeze_simulation_get_guest_stats(TrapezeSimulation *self)
{
    return self->gstats;
}
struct event_ring *trapeze_simulation_get_ring(TrapezeSimulation *self) { return self->ring; }
enum machine_status trapeze_simulation_get_status(TrapezeSimulation *self) { return self->status; }
int trapeze_simulation_get_exit_code(TrapezeSimulation *self)
{
    return self->m && self->status == MACHINE_EXITED ? machine_exit_code(self->m) : 0;
}
uint64_t trapeze_simulation_get_clock_hz(TrapezeSimulation *self)
{
    return self->scen ? self->scen->profile.clock_hz : 1;
}
uint64_t trapeze_simulation_get_cycle(TrapezeSimulation *self) { return self->counters.cycles; }
uint64_t trapeze_simulation_get_missed(TrapezeSimulation *self) { return self->missed; }

const struct tl_span *trapeze_simulation_get_spans(TrapezeSimulation *self, guint *n)
{
    *n = self->spans->len;
    return (const struct tl_span *)(void *)self->spans->data;
}

const struct tl_mark *trapeze_simulation_get_marks(TrapezeSimulation *self, guint *n)
{
    *n = self->marks->len;
    return (const struct tl_mark *)(void *)self->marks->data;
}
