/*
 * vmm_cost.c — time each VMM exit from the outside (see vmm_cost.h).
 *
 * An exit starts at a trap or interrupt taken from U-mode into M-mode (every
 * guest runs in real U-mode; the VMM owns M-mode, design notes in
 * docs/vmm.md) and ends at the MRET back below M. Nothing here reads host
 * time or VMM memory: only the machine's counters and the event stream.
 */
#include "vmm_cost.h"

#include <stdlib.h>
#include <string.h>

#include "abi/trapeze_abi.h"

#define PERCENT 100u
#define INITIAL_SAMPLES 1024u

static const unsigned quantile_pct[VMM_COST__NQ] = { 10u, 50u, 90u };

static const struct {
    const char *name, *description;
} kind_info[VMM_EXIT__COUNT] = {
    [VMM_EXIT_OTHER]        = { "other", "exit with no reported service" },
    [VMM_EXIT_INJECT]       = { "inject", "trap or interrupt reflected into the guest" },
    [VMM_EXIT_CSR]          = { "csr", "emulated CSR access" },
    [VMM_EXIT_SRET]         = { "sret", "emulated SRET" },
    [VMM_EXIT_SFENCE]       = { "sfence", "emulated SFENCE.VMA" },
    [VMM_EXIT_WFI]          = { "wfi", "emulated WFI" },
    [VMM_EXIT_EMUL_OTHER]   = { "emul_other", "other emulated instruction" },
    [VMM_EXIT_SHADOW_FILL]  = { "shadow_fill", "hidden shadow fault" },
    [VMM_EXIT_SBI]          = { "sbi", "SBI call" },
    [VMM_EXIT_HYPERCALL]    = { "hypercall", "hypercall" },
    [VMM_EXIT_MMIO]         = { "mmio", "emulated MMIO access" },
    [VMM_EXIT_WORLD_SWITCH] = { "world_switch", "world switch" },
    [VMM_EXIT_GUEST_END]    = { "guest_end", "guest exit or stop" },
};

const char *vmm_exit_kind_name(enum vmm_exit_kind kind)
{
    return (unsigned)kind < VMM_EXIT__COUNT ? kind_info[kind].name : "?";
}

const char *vmm_exit_kind_description(enum vmm_exit_kind kind)
{
    return (unsigned)kind < VMM_EXIT__COUNT ? kind_info[kind].description : "?";
}

static enum vmm_exit_kind emulated_kind(uint32_t emul)
{
    switch (emul) {
    case TZ_EMUL_CSR:    return VMM_EXIT_CSR;
    case TZ_EMUL_SRET:   return VMM_EXIT_SRET;
    case TZ_EMUL_SFENCE: return VMM_EXIT_SFENCE;
    case TZ_EMUL_WFI:    return VMM_EXIT_WFI;
    default:             return VMM_EXIT_EMUL_OTHER;
    }
}

enum vmm_exit_kind vmm_exit_classify(enum vmm_exit_kind so_far, uint32_t trace_code,
                                     uint32_t arg0)
{
    /* Highest precedence first: a guest's end, then a switch. */
    if (trace_code == TZ_EV_GUEST_EXIT || trace_code == TZ_EV_GUEST_KILL)
        return VMM_EXIT_GUEST_END;
    if (so_far == VMM_EXIT_GUEST_END)
        return so_far;
    if (trace_code == TZ_EV_GUEST_SWITCH)
        return VMM_EXIT_WORLD_SWITCH;
    if (so_far == VMM_EXIT_WORLD_SWITCH)
        return so_far;
    /* The first service reported names the exit. */
    bool named = so_far != VMM_EXIT_OTHER && so_far != VMM_EXIT_INJECT;
    switch (trace_code) {
    case TZ_EV_EMULATE:     return named ? so_far : emulated_kind(arg0);
    case TZ_EV_SHADOW_FILL: return named ? so_far : VMM_EXIT_SHADOW_FILL;
    case TZ_EV_SBI:         return named ? so_far : VMM_EXIT_SBI;
    case TZ_EV_HYPERCALL:   return named ? so_far : VMM_EXIT_HYPERCALL;
    case TZ_EV_MMIO:        return named ? so_far : VMM_EXIT_MMIO;
    case TZ_EV_INJECT:      return so_far == VMM_EXIT_OTHER ? VMM_EXIT_INJECT : so_far;
    default:                return so_far;   /* flushes, console bytes, bookkeeping */
    }
}

void vmm_cost_init(struct vmm_cost *vc, struct machine *m, uint32_t trap_entry_cycles)
{
    memset(vc, 0, sizeof *vc);
    vc->m = m;
    vc->trap_entry_cycles = trap_entry_cycles;
}

void vmm_cost_free(struct vmm_cost *vc)
{
    free(vc->samples);
    vc->samples = NULL;
    vc->nsamples = vc->cap = 0;
}

static void store(struct vmm_cost *vc, const struct vmm_exit_sample *s)
{
    if (vc->nsamples == vc->cap) {
        size_t cap = vc->cap ? 2 * vc->cap : INITIAL_SAMPLES;
        struct vmm_exit_sample *p = realloc(vc->samples, cap * sizeof *p);
        if (!p) {
            vc->out_of_memory = true;
            return;
        }
        vc->samples = p;
        vc->cap = cap;
    }
    vc->samples[vc->nsamples++] = *s;
}

void vmm_cost_listener(void *ctx, const struct machine_event *ev)
{
    struct vmm_cost *vc = ctx;
    struct machine_counters c;

    switch (ev->kind) {
    case EV_TRAP:
    case EV_INTERRUPT:
        /* Only a trap out of the guest (real U) into the VMM starts an exit;
         * a trap the VMM itself takes inside an exit is part of that exit. */
        if (ev->priv_from != PRIV_U || ev->priv_to != PRIV_M)
            return;
        machine_get_counters(vc->m, &c);
        vc->in_exit = true;
        vc->kind = VMM_EXIT_OTHER;
        vc->guest = ev->guest;
        vc->start_instret = c.instret;
        vc->start_cycles = c.cycles;
        vc->idle_cycles = 0;
        return;
    case EV_TRACE:
        if (vc->in_exit)
            vc->kind = vmm_exit_classify(vc->kind, ev->cause, ev->args[0]);
        return;
    case EV_WFI:
        if (vc->in_exit)
            vc->idle_cycles += ev->detail;
        return;
    case EV_XRET:
        if (!vc->in_exit || ev->priv_from != PRIV_M || ev->priv_to == PRIV_M)
            return;
        machine_get_counters(vc->m, &c);
        vc->in_exit = false;
        /* start_cycles was read at the trap event, which the machine stamps
         * after charging trap_entry: add that charge back once. */
        uint64_t cycles = c.cycles - vc->start_cycles;
        cycles = (cycles > vc->idle_cycles ? cycles - vc->idle_cycles : 0) + vc->trap_entry_cycles;
        struct vmm_exit_sample s = {
            .kind = (uint8_t)vc->kind,
            .guest = vc->guest,
            .instructions = (uint32_t)(c.instret - vc->start_instret),
            .cycles = cycles,
        };
        store(vc, &s);
        return;
    default:
        return;
    }
}

static int cmp_u64(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return a < b ? -1 : a > b;
}

uint64_t vmm_cost_percentile(const uint64_t *sorted, size_t n, unsigned p)
{
    return sorted[(size_t)p * (n - 1) / PERCENT];
}

int vmm_cost_summarize(const struct vmm_cost *vc, enum vmm_exit_kind kind, uint32_t guest,
                       struct vmm_cost_summary *out)
{
    memset(out, 0, sizeof *out);
    size_t n = 0;
    for (size_t i = 0; i < vc->nsamples; i++)
        if (vc->samples[i].kind == kind && (guest == VMM_COST_ALL_GUESTS || vc->samples[i].guest == guest))
            n++;
    if (n == 0)
        return 0;
    uint64_t *ins = malloc(n * sizeof *ins), *cyc = malloc(n * sizeof *cyc);
    if (!ins || !cyc) {
        free(ins);
        free(cyc);
        return -1;
    }
    size_t k = 0;
    for (size_t i = 0; i < vc->nsamples; i++) {
        const struct vmm_exit_sample *s = &vc->samples[i];
        if (s->kind == kind && (guest == VMM_COST_ALL_GUESTS || s->guest == guest)) {
            ins[k] = s->instructions;
            cyc[k] = s->cycles;
            out->total_cycles += s->cycles;
            k++;
        }
    }
    qsort(ins, n, sizeof *ins, cmp_u64);
    qsort(cyc, n, sizeof *cyc, cmp_u64);
    out->count = n;
    for (unsigned q = 0; q < VMM_COST__NQ; q++) {
        out->instructions[q] = vmm_cost_percentile(ins, n, quantile_pct[q]);
        out->cycles[q] = vmm_cost_percentile(cyc, n, quantile_pct[q]);
    }
    free(ins);
    free(cyc);
    return 0;
}
