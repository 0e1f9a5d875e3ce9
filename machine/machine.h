/*
 * machine.h — the public API of the trapeze machine library (libtrapeze.a).
 *
 * This is the only machine header front ends (the `trapeze` CLI, the GTK
 * dashboard, tests) include. The machine is an opaque object: create it,
 * load programs into it, run it in slices of simulated cycles, observe it
 * through counters and an event stream, destroy it. There are no globals:
 * several machines can live in one process.
 *
 * Determinism: nothing here reads host time. The same inputs give the same
 * cycles, instructions, events and output, however the run is sliced.
 */
#ifndef TRAPEZE_MACHINE_H
#define TRAPEZE_MACHINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define TRAPEZE_VERSION "0.1.0"

struct machine;
struct cost_profile;

enum priv { PRIV_U = 0, PRIV_S = 1, PRIV_M = 3 };

/* How many guests the per-guest cycle attribution tracks (ids 0..N-1). */
#define MACHINE_MAX_GUESTS 16

struct machine_config {
    uint32_t ram_size;                 /* bytes; 0 = the profile's ram size */
    const struct cost_profile *profile;/* NULL = built-in default profile */
    uint64_t max_instructions;         /* 0 = unlimited */
    uint64_t max_cycles;               /* 0 = unlimited */
    /* UART transmit: called for every byte the program writes. NULL = the
     * machine keeps the bytes in its own buffer (machine_uart_output). */
    void (*uart_sink)(void *ctx, uint8_t byte);
    void *uart_sink_ctx;
};

/* Returns NULL and writes a message into err on failure. */
struct machine *machine_create(const struct machine_config *cfg, char *err, size_t errlen);
void machine_destroy(struct machine *m);

/* ---- loading ------------------------------------------------------------ */

struct machine_load_info {
    uint32_t entry;          /* ELF entry point (after bias) */
    uint32_t lowest, highest;/* physical range the segments occupy [lowest, highest) */
    bool has_tohost;         /* the ELF defines `tohost` (HTIF convention) */
    uint32_t tohost, fromhost;
};

/*
 * Load an ELF32 RISC-V executable. Every segment lands at p_paddr + bias,
 * which must fall inside RAM. The file is validated first; on any problem
 * nothing is loaded, -1 is returned and err names the file and the problem.
 * If the ELF defines `tohost`, the machine watches it (HTIF exit protocol).
 */
int machine_load_elf(struct machine *m, const char *path, int64_t bias,
                     struct machine_load_info *info, char *err, size_t errlen);

/*
 * Native boot (guests/firmware): load the SBI firmware and an S-mode kernel
 * linked at TZ_KERNEL_BASE (trapeze_abi.h), where the firmware jumps, and
 * point the pc at the firmware's entry. 0, or -1 with err naming the file.
 */
int machine_boot_kernel(struct machine *m, const char *firmware, const char *kernel,
                        char *err, size_t errlen);

/* Copy bytes into/out of simulated physical memory (RAM only). 0 or -1. */
int machine_write_phys(struct machine *m, uint32_t paddr, const void *src, size_t len);
int machine_read_phys(const struct machine *m, uint32_t paddr, void *dst, size_t len);

uint32_t machine_ram_base(const struct machine *m);
uint32_t machine_ram_size(const struct machine *m);

/* Queue bytes for the UART receiver. */
void machine_uart_input(struct machine *m, const void *data, size_t len);
/* Bytes transmitted so far when no uart_sink is set (not NUL-terminated). */
const uint8_t *machine_uart_output(const struct machine *m, size_t *len);

/* ---- running ------------------------------------------------------------ */

enum machine_status {
    MACHINE_RUNNING = 0,     /* the slice's cycle budget is spent; call again */
    MACHINE_EXITED,          /* the program finished (test finisher, HTIF, ...) */
    MACHINE_INSN_LIMIT,      /* config.max_instructions reached */
    MACHINE_CYCLE_LIMIT,     /* config.max_cycles reached */
    MACHINE_DEADLOCK         /* WFI with no interrupt that could ever wake it */
};

/*
 * Run for at most `cycles` simulated cycles (the slice may end a few cycles
 * late: an instruction is never split). Returns why it stopped.
 */
enum machine_status machine_run(struct machine *m, uint64_t cycles);

/* Exit code once MACHINE_EXITED (0 = pass), and a short reason text. */
int machine_exit_code(const struct machine *m);
const char *machine_exit_reason(const struct machine *m);

/* ---- state -------------------------------------------------------------- */

uint32_t machine_pc(const struct machine *m);
void machine_set_pc(struct machine *m, uint32_t pc);
uint32_t machine_reg(const struct machine *m, unsigned reg);
void machine_set_reg(struct machine *m, unsigned reg, uint32_t value);
enum priv machine_priv(const struct machine *m);
/* Read a CSR as a debugger would: no side effects, no privilege check. 0/-1. */
int machine_csr_peek(const struct machine *m, uint16_t csr, uint32_t *value);

/* ---- counters (always on) ----------------------------------------------- */

struct machine_counters {
    uint64_t cycles;                 /* == mcycle */
    uint64_t instret;                /* == minstret */
    uint64_t priv_cycles[4];         /* indexed by enum priv */
    uint64_t priv_instret[4];
    uint64_t exceptions[32];         /* by mcause/scause exception code */
    uint64_t interrupts[32];         /* by interrupt code */
    uint64_t tlb_hits, tlb_misses, tlb_flushes;
    uint64_t page_walks;
    uint64_t uart_tx_bytes;
    /* Attribution through the trace port's current guest (TZ_TRACE_GUEST):
     * cycles/instructions per guest, split by privilege. A guest runs in U
     * (and S); cycles in M-mode with guest g current are the VMM working
     * for g. Cycles with no current guest go to the `unattributed` row. */
    uint64_t guest_cycles[MACHINE_MAX_GUESTS][4];
    uint64_t guest_instret[MACHINE_MAX_GUESTS][4];
    uint64_t unattributed_cycles[4];
};

void machine_get_counters(const struct machine *m, struct machine_counters *out);

/* ---- events ------------------------------------------------------------- */

enum machine_event_kind {
    EV_TRAP = 1,      /* synchronous exception taken: cause, tval; pc = epc */
    EV_INTERRUPT,     /* interrupt taken: cause = interrupt code; pc = epc */
    EV_XRET,          /* mret/sret: pc = new pc; detail = 3 (mret) or 1 (sret) */
    EV_TLB_FLUSH,     /* sfence.vma: tval = vaddr, detail = asid; cause bit0 = all addrs, bit1 = all asids */
    EV_DEVICE,        /* MMIO access: tval = paddr, detail = value, cause = 1 store / 0 load */
    EV_EXIT,          /* program exit: detail = exit code */
    EV_TRACE,         /* trace-port record: cause = tz_trace_code, args[] */
    EV_WFI            /* hart went to sleep: detail = cycles skipped */
};

struct machine_event {
    uint64_t cycle;
    uint32_t kind;           /* enum machine_event_kind */
    uint16_t guest;          /* current guest (TZ_GUEST_NONE if none) */
    uint8_t priv_from;       /* enum priv */
    uint8_t priv_to;
    uint32_t cause;
    uint32_t pc;
    uint32_t tval;
    uint32_t detail;
    uint32_t args[4];        /* EV_TRACE arguments */
};

typedef void (*machine_listener_fn)(void *ctx, const struct machine_event *ev);

/* Returns a handle >= 0, or -1 if the table is full. With no listener,
 * recording an event costs one predictable branch. */
int machine_subscribe(struct machine *m, machine_listener_fn fn, void *ctx);
void machine_unsubscribe(struct machine *m, int handle);

const char *machine_event_kind_name(uint32_t kind);
const char *machine_priv_name(enum priv p);
/* "illegal_instruction", "supervisor_timer", ... ; interrupt = true for interrupts */
const char *machine_cause_name(uint32_t code, bool interrupt);

#endif /* TRAPEZE_MACHINE_H */
