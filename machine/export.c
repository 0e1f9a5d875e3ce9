/*
 * export.c — streaming writers for the event stream: Chrome/Perfetto trace
 * JSON and a plain text log. See export.h for the contract.
 *
 * The Chrome trace-event format is a JSON object with a "traceEvents" array.
 * We use three record types:
 *   "M" metadata  — names the process and one thread (track) per guest;
 *   "X" complete  — a privilege span: [ts, ts+dur) in one mode on one track;
 *   "i" instant   — a trap, interrupt, xRET, TLB flush or VMM action.
 * Timestamps are microseconds of *simulated* time (cycles / clock_hz), written
 * with three decimals from integer arithmetic so that no locale can turn the
 * decimal point into a comma.
 */
#include "export.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "abi/trapeze_abi.h"

/* Track ids: 0 is the machine itself (no current guest), guest g is g + 1. */
#define TRACK_MACHINE 0u

struct chrome_trace {
    FILE *out;
    uint64_t clock_hz;
    uint32_t trap_entry;
    int first;              /* no record written yet (comma placement) */
    int have_span;
    uint8_t span_priv;
    uint16_t span_guest;
    uint64_t span_start;
    int failed;
};

static unsigned track_of(uint16_t guest)
{
    return guest == TZ_GUEST_NONE || guest >= MACHINE_MAX_GUESTS ? TRACK_MACHINE
                                                                 : (unsigned)guest + 1u;
}

/* Simulated nanoseconds at `cycle`, without overflow for any sane clock. */
static uint64_t cycles_to_ns(const struct chrome_trace *t, uint64_t cycle)
{
    uint64_t whole = cycle / t->clock_hz, rem = cycle % t->clock_hz;
    return whole * 1000000000ull + rem * 1000000000ull / t->clock_hz;
}

/* Print a microsecond value with three decimals: "12.345". */
static void put_us(struct chrome_trace *t, uint64_t ns)
{
    fprintf(t->out, "%" PRIu64 ".%03" PRIu64, ns / 1000u, ns % 1000u);
}

static void begin_record(struct chrome_trace *t)
{
    fputs(t->first ? "\n" : ",\n", t->out);
    t->first = 0;
}

static void json_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c < 0x20)
            fprintf(out, "\\u%04x", c);
        else
            fputc(c, out);
    }
    fputc('"', out);
}

struct chrome_trace *chrome_trace_begin(FILE *out, uint64_t clock_hz, uint32_t trap_entry,
                                        const char *const *guest_names, unsigned nguests)
{
    struct chrome_trace *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->out = out;
    t->clock_hz = clock_hz ? clock_hz : 1;
    t->trap_entry = trap_entry;
    t->first = 1;
    fputs("{\"displayTimeUnit\":\"ns\",\"otherData\":{\"generator\":\"trapeze "
          TRAPEZE_VERSION "\",\"time\":\"simulated\"},\"traceEvents\":[", out);
    begin_record(t);
    fputs("{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":1,\"args\":{\"name\":"
          "\"trapeze machine\"}}", out);
    begin_record(t);
    fprintf(out, "{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":%u,"
                 "\"args\":{\"name\":\"machine / VMM\"}}", TRACK_MACHINE);
    for (unsigned g = 0; g < nguests && g < MACHINE_MAX_GUESTS; g++) {
        char fallback[32];
        const char *name = guest_names ? guest_names[g] : NULL;
        if (!name) {
            snprintf(fallback, sizeof fallback, "guest %u", g);
            name = fallback;
        }
        begin_record(t);
        fprintf(out, "{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":%u,"
                     "\"args\":{\"name\":", g + 1u);
        json_string(out, name);
        fputs("}}", out);
    }
    return t;
}

static const char *span_name(uint8_t priv)
{
    switch (priv) {
    case PRIV_M: return "M-mode";
    case PRIV_S: return "S-mode";
    case PRIV_U: return "U-mode";
    default: return "?";
    }
}

static void close_span(struct chrome_trace *t, uint64_t end)
{
    if (!t->have_span || end <= t->span_start)
        return;
    uint64_t start_ns = cycles_to_ns(t, t->span_start);
    uint64_t end_ns = cycles_to_ns(t, end);
    begin_record(t);
    fprintf(t->out, "{\"name\":\"%s\",\"cat\":\"privilege\",\"ph\":\"X\",\"pid\":1,"
                    "\"tid\":%u,\"ts\":", span_name(t->span_priv), track_of(t->span_guest));
    put_us(t, start_ns);
    fputs(",\"dur\":", t->out);
    put_us(t, end_ns - start_ns);
    fputs("}", t->out);
}

void chrome_trace_listener(void *ctx, const struct machine_event *ev)
{
    struct chrome_trace *t = ctx;

    /* Privilege/guest spans: a new span starts whenever the mode or the
     * current guest differs from the open one. */
    if (!t->have_span) {
        t->have_span = 1;
        t->span_priv = ev->priv_from;
        t->span_guest = ev->guest;
        t->span_start = 0;
    }
    if (ev->priv_to != t->span_priv || ev->guest != t->span_guest) {
        /* A trap's entry cost already belongs to the handler's side. */
        uint64_t at = ev->cycle;
        if ((ev->kind == EV_TRAP || ev->kind == EV_INTERRUPT) && at >= t->span_start + t->trap_entry)
            at -= t->trap_entry;
        close_span(t, at);
        t->span_priv = ev->priv_to;
        t->span_guest = ev->guest;
        t->span_start = at;
    }

    char name[96];
    const char *cat = machine_event_kind_name(ev->kind);
    switch (ev->kind) {
    case EV_TRAP:
        snprintf(name, sizeof name, "trap: %s", machine_cause_name(ev->cause, false));
        break;
    case EV_INTERRUPT:
        snprintf(name, sizeof name, "interrupt: %s", machine_cause_name(ev->cause, true));
        break;
    case EV_TRACE:
        snprintf(name, sizeof name, "vmm: %s", trace_code_name(ev->cause));
        break;
    default:
        snprintf(name, sizeof name, "%s", cat);
        break;
    }
    begin_record(t);
    fputs("{\"name\":", t->out);
    json_string(t->out, name);
    fprintf(t->out, ",\"cat\":\"%s\",\"ph\":\"i\",\"s\":\"t\",\"pid\":1,\"tid\":%u,\"ts\":",
            cat, track_of(ev->guest));
    put_us(t, cycles_to_ns(t, ev->cycle));
    fprintf(t->out, ",\"args\":{\"cycle\":%" PRIu64 ",\"pc\":\"0x%08" PRIx32 "\","
                    "\"from\":\"%s\",\"to\":\"%s\",\"cause\":%" PRIu32 ","
                    "\"tval\":\"0x%08" PRIx32 "\",\"detail\":%" PRIu32,
            ev->cycle, ev->pc, machine_priv_name((enum priv)ev->priv_from),
            machine_priv_name((enum priv)ev->priv_to), ev->cause, ev->tval, ev->detail);
    if (ev->kind == EV_TRACE)
        fprintf(t->out, ",\"a0\":\"0x%" PRIx32 "\",\"a1\":\"0x%" PRIx32 "\",\"a2\":\"0x%"
                        PRIx32 "\",\"a3\":\"0x%" PRIx32 "\"",
                ev->args[0], ev->args[1], ev->args[2], ev->args[3]);
    fputs("}}", t->out);
    if (ferror(t->out))
        t->failed = 1;
}

int chrome_trace_end(struct chrome_trace *t, uint64_t end_cycle)
{
    if (!t)
        return -1;
    close_span(t, end_cycle);
    fputs("\n]}\n", t->out);
    int rc = (t->failed || ferror(t->out) || fflush(t->out) != 0) ? -1 : 0;
    free(t);
    return rc;
}

const char *trace_code_name(uint32_t code)
{
    static const char *const names[TZ_EV__COUNT] = {
        [TZ_EV_NONE] = "none",
        [TZ_EV_VMM_ENTER] = "vmm_enter",
        [TZ_EV_VMM_EXIT] = "vmm_exit",
        [TZ_EV_GUEST_SWITCH] = "guest_switch",
        [TZ_EV_EMULATE] = "emulate",
        [TZ_EV_SBI] = "sbi_call",
        [TZ_EV_HYPERCALL] = "hypercall",
        [TZ_EV_SHADOW_FILL] = "shadow_fill",
        [TZ_EV_SHADOW_FLUSH] = "shadow_flush",
        [TZ_EV_INJECT] = "inject",
        [TZ_EV_MMIO] = "mmio",
        [TZ_EV_GUEST_EXIT] = "guest_exit",
        [TZ_EV_GUEST_KILL] = "guest_kill",
        [TZ_EV_SHADOW_PAGES] = "shadow_pages",
        [TZ_EV_CONSOLE] = "console",
        [TZ_EV_INTERP] = "interp",
    };
    if (code < TZ_EV__COUNT && names[code])
        return names[code];
    return "unknown";
}

int machine_event_format(const struct machine_event *ev, char *buf, size_t len)
{
    char who[16];
    if (ev->guest == TZ_GUEST_NONE)
        snprintf(who, sizeof who, "-");
    else
        snprintf(who, sizeof who, "g%u", (unsigned)ev->guest);
    const char *from = machine_priv_name((enum priv)ev->priv_from);
    const char *to = machine_priv_name((enum priv)ev->priv_to);
    int n;
    switch (ev->kind) {
    case EV_TRAP:
    case EV_INTERRUPT:
        n = snprintf(buf, len, "%12" PRIu64 " %-3s %-9s %s->%s pc=0x%08" PRIx32
                               " %s tval=0x%08" PRIx32,
                     ev->cycle, who, machine_event_kind_name(ev->kind), from, to, ev->pc,
                     machine_cause_name(ev->cause, ev->kind == EV_INTERRUPT), ev->tval);
        break;
    case EV_TRACE:
        n = snprintf(buf, len, "%12" PRIu64 " %-3s %-9s %s pc=0x%08" PRIx32
                               " %s 0x%" PRIx32 " 0x%" PRIx32 " 0x%" PRIx32 " 0x%" PRIx32,
                     ev->cycle, who, machine_event_kind_name(ev->kind), from, ev->pc,
                     trace_code_name(ev->cause), ev->args[0], ev->args[1], ev->args[2],
                     ev->args[3]);
        break;
    case EV_XRET:
        n = snprintf(buf, len, "%12" PRIu64 " %-3s %-9s %s->%s pc=0x%08" PRIx32 " %s",
                     ev->cycle, who, machine_event_kind_name(ev->kind), from, to, ev->pc,
                     ev->detail == PRIV_M ? "mret" : "sret");
        break;
    case EV_WFI:
        n = snprintf(buf, len, "%12" PRIu64 " %-3s %-9s %s pc=0x%08" PRIx32
                               " asleep for %" PRIu32 " cycles",
                     ev->cycle, who, machine_event_kind_name(ev->kind), from, ev->pc, ev->detail);
        break;
    default:
        n = snprintf(buf, len, "%12" PRIu64 " %-3s %-9s %s->%s pc=0x%08" PRIx32
                               " cause=%" PRIu32 " tval=0x%08" PRIx32 " detail=0x%" PRIx32,
                     ev->cycle, who, machine_event_kind_name(ev->kind), from, to, ev->pc,
                     ev->cause, ev->tval, ev->detail);
        break;
    }
    return n;
}

void text_log_listener(void *ctx, const struct machine_event *ev)
{
    char line[256];
    machine_event_format(ev, line, sizeof line);
    fprintf((FILE *)ctx, "%s\n", line);
}
