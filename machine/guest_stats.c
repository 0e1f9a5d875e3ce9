/*
 * guest_stats.c — count what the VMM reports, per guest (see guest_stats.h).
 */
#include "guest_stats.h"

#include <string.h>

#include "abi/riscv_bits.h"

static struct guest_stat *stat_for(struct guest_stats *s, uint32_t guest)
{
    if (guest >= MACHINE_MAX_GUESTS)
        return NULL;
    if (guest + 1 > s->nguests)
        s->nguests = guest + 1;
    return &s->g[guest];
}

static void on_trace(struct guest_stats *s, const struct machine_event *ev)
{
    /* Most codes concern the current guest; a switch names its target. */
    struct guest_stat *g = stat_for(s, ev->cause == TZ_EV_GUEST_SWITCH ? ev->args[1] : ev->guest);
    if (!g)
        return;
    switch (ev->cause) {
    case TZ_EV_GUEST_SWITCH:
        g->world_switches++;
        break;
    case TZ_EV_EMULATE:
        if (ev->args[0] < TZ_EMUL__COUNT)
            g->emulated[ev->args[0]]++;
        break;
    case TZ_EV_SBI:
        g->sbi_calls++;
        break;
    case TZ_EV_HYPERCALL:
        g->hypercalls++;
        break;
    case TZ_EV_SHADOW_FILL:
        g->shadow_fills++;
        break;
    case TZ_EV_SHADOW_FLUSH:
        g->shadow_flushes++;
        break;
    case TZ_EV_INJECT: {
        g->injected++;
        uint32_t c = ev->args[0];
        if (c == CAUSE_FETCH_PAGE_FAULT || c == CAUSE_LOAD_PAGE_FAULT ||
            c == CAUSE_STORE_PAGE_FAULT)
            g->injected_faults++;
        break;
    }
    case TZ_EV_MMIO:
        g->mmio++;
        break;
    case TZ_EV_GUEST_EXIT:
        g->exited = true;
        g->exit_code = ev->args[0];
        g->end_cycle = ev->cycle;
        break;
    case TZ_EV_GUEST_KILL:
        g->killed = true;
        g->kill_reason = ev->args[0];
        g->end_cycle = ev->cycle;
        break;
    case TZ_EV_SHADOW_PAGES:
        g->shadow_pages = ev->args[0];
        break;
    case TZ_EV_INTERP:
        g->interpreted += ev->args[0];
        g->softtlb_misses += ev->args[1];
        break;
    case TZ_EV_CONSOLE:
        g->console_bytes++;
        if (g->console_len < GUEST_CONSOLE_MAX)
            g->console[g->console_len++] = (char)ev->args[0];
        break;
    default:
        break;
    }
}

void guest_stats_listener(void *ctx, const struct machine_event *ev)
{
    struct guest_stats *s = ctx;
    switch (ev->kind) {
    case EV_TRACE:
        on_trace(s, ev);
        break;
    case EV_TRAP:
    case EV_INTERRUPT: {
        /* A real trap out of a guest (U-mode) into the VMM, charged to it. */
        if (ev->guest == TZ_GUEST_NONE || ev->priv_from == PRIV_M)
            break;
        struct guest_stat *g = stat_for(s, ev->guest);
        if (!g)
            break;
        uint32_t code = ev->cause & ~CAUSE_INTERRUPT;
        if (code < 32) {
            if (ev->kind == EV_TRAP)
                g->traps[code]++;
            else
                g->interrupts[code]++;
        }
        break;
    }
    case EV_WFI:
        if (ev->guest == TZ_GUEST_NONE && ev->priv_from < 4)
            s->idle_cycles[ev->priv_from] += ev->detail;
        break;
    default:
        break;
    }
}

#define NAME_ROW(code, text) [code] = text,

const char *kill_reason_name(uint32_t reason)
{
    static const char *const names[] = { TZ_KILL_REASON_NAMES(NAME_ROW) };
    if (reason < sizeof names / sizeof names[0] && names[reason])
        return names[reason];
    return "unknown reason";
}

const char *emul_kind_name(uint32_t kind)
{
    static const char *const names[TZ_EMUL__COUNT] = {
        [TZ_EMUL_CSR] = "csr", [TZ_EMUL_SRET] = "sret", [TZ_EMUL_SFENCE] = "sfence.vma",
        [TZ_EMUL_WFI] = "wfi", [TZ_EMUL_OTHER] = "other",
    };
    return kind < TZ_EMUL__COUNT ? names[kind] : "?";
}
