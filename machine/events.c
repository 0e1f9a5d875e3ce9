/*
 * events.c — always-on counters and the event stream.
 *
 * Counters: cycles and retired instructions are attributed to (privilege,
 * current guest) lazily: nothing is done per instruction; whenever the
 * privilege or the current guest changes, and when a run slice ends or
 * someone reads the counters, the cycles since the last mark are added to
 * the old (privilege, guest) cell. Exceptions, interrupts, TLB and walk
 * counts are bumped where they happen.
 *
 * Events: listeners subscribe with machine_subscribe. event_emit (an inline
 * in internal.h) costs one predictable branch when nobody listens; only then
 * does it call event_emit_slow, which builds the record and hands it to each
 * listener in subscription order.
 */
#include "internal.h"

void counters_account(struct machine *m)
{
    uint64_t dc = m->cycles - m->mark_cycles, di = m->instret - m->mark_instret;
    unsigned p = m->priv;
    m->ctr.priv_cycles[p] += dc;
    m->ctr.priv_instret[p] += di;
    if (m->guest < MACHINE_MAX_GUESTS) {
        m->ctr.guest_cycles[m->guest][p] += dc;
        m->ctr.guest_instret[m->guest][p] += di;
    } else {
        m->ctr.unattributed_cycles[p] += dc;
    }
    m->mark_cycles = m->cycles;
    m->mark_instret = m->instret;
}

void machine_get_counters(const struct machine *m, struct machine_counters *out)
{
    uint64_t dc = m->cycles - m->mark_cycles, di = m->instret - m->mark_instret;
    unsigned p = m->priv;
    *out = m->ctr;
    out->cycles = m->cycles;
    out->instret = m->instret;
    out->tlb_hits = m->tlb_hits;
    out->priv_cycles[p] += dc;
    out->priv_instret[p] += di;
    if (m->guest < MACHINE_MAX_GUESTS) {
        out->guest_cycles[m->guest][p] += dc;
        out->guest_instret[m->guest][p] += di;
    } else {
        out->unattributed_cycles[p] += dc;
    }
}

void event_emit_slow(struct machine *m, uint32_t kind, unsigned from, unsigned to,
                     uint32_t cause, uint32_t pc, uint32_t tval, uint32_t detail,
                     const uint32_t args[4])
{
    struct machine_event ev;
    memset(&ev, 0, sizeof ev);
    ev.cycle = m->cycles;
    ev.kind = kind;
    ev.guest = (uint16_t)(m->guest < MACHINE_MAX_GUESTS ? m->guest : TZ_GUEST_NONE);
    ev.priv_from = (uint8_t)from;
    ev.priv_to = (uint8_t)to;
    ev.cause = cause;
    ev.pc = pc;
    ev.tval = tval;
    ev.detail = detail;
    if (args)
        memcpy(ev.args, args, sizeof ev.args);
    /* Slots may have holes (unsubscribe); stop once every listener had it. */
    for (unsigned i = 0, left = m->nlisteners; i < MAX_LISTENERS && left != 0; i++) {
        if (m->listeners[i].fn) {
            m->listeners[i].fn(m->listeners[i].ctx, &ev);
            left--;
        }
    }
}

int machine_subscribe(struct machine *m, machine_listener_fn fn, void *ctx)
{
    if (!fn)
        return -1;
    for (unsigned i = 0; i < MAX_LISTENERS; i++) {
        if (!m->listeners[i].fn) {
            m->listeners[i].fn = fn;
            m->listeners[i].ctx = ctx;
            m->nlisteners++;
            return (int)i;
        }
    }
    return -1;
}

void machine_unsubscribe(struct machine *m, int handle)
{
    if (handle < 0 || handle >= (int)MAX_LISTENERS || !m->listeners[handle].fn)
        return;
    m->listeners[handle].fn = NULL;
    m->listeners[handle].ctx = NULL;
    m->nlisteners--;
}

const char *machine_event_kind_name(uint32_t kind)
{
    switch (kind) {
    case EV_TRAP:      return "trap";
    case EV_INTERRUPT: return "interrupt";
    case EV_XRET:      return "xret";
    case EV_TLB_FLUSH: return "tlb_flush";
    case EV_DEVICE:    return "device";
    case EV_EXIT:      return "exit";
    case EV_TRACE:     return "trace";
    case EV_WFI:       return "wfi";
    default:           return "unknown";
    }
}

const char *machine_priv_name(enum priv p)
{
    switch (p) {
    case PRIV_U: return "U";
    case PRIV_S: return "S";
    case PRIV_M: return "M";
    default:     return "?";
    }
}

const char *machine_cause_name(uint32_t code, bool interrupt)
{
#define NAME_ROW(c, text) [c] = text,
    /* Names shared with the VMM's console (machine/abi/riscv_bits.h). */
    static const char *const exc[CAUSE_EXCEPTION_COUNT] = { RISCV_EXCEPTION_NAMES(NAME_ROW) };
    static const char *const irq[IRQ_COUNT] = { RISCV_INTERRUPT_NAMES(NAME_ROW) };
#undef NAME_ROW
    if (interrupt)
        return code < IRQ_COUNT && irq[code] ? irq[code] : "reserved";
    if (code < CAUSE_EXCEPTION_COUNT && exc[code])
        return exc[code];
    return "reserved";
}
