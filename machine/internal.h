/*
 * internal.h — the private layout of struct machine and the helpers the
 * core's files share (exec.c, csr.c, trap.c, mmu.c, tlb.c, pmp.c, icache.c,
 * clint.c, events.c, machine.c). Front ends never include this: they see
 * struct machine only through machine/machine.h.
 *
 * Three caches sit between the interpreter and the architecture, and none of
 * them may change what the program observes:
 *
 *  - the decode cache (icache.c): instructions pre-decoded per physical RAM
 *    page; a store into such a page resets the entry it overwrote;
 *  - host translation caches (hcache below): virtual page -> host pointer for
 *    RAM, filled only after the architectural checks (translation, A/D,
 *    permissions, PMP) succeeded for the whole page, and dropped whenever
 *    anything those checks depended on changes;
 *  - the modelled TLB (tlb.c): the TLB of the simulated hart, whose hits and
 *    misses are the statistics and walk costs the cycle model charges.
 *
 * A host cache entry can only exist while the modelled TLB holds the
 * translation it came from, so a fast-path access is exactly a modelled TLB
 * hit (and is counted as one).
 */
#ifndef TRAPEZE_INTERNAL_H
#define TRAPEZE_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "../isa/csr.h"
#include "../isa/decode.h"
#include "../isa/encoding.h"
#include "abi/trapeze_abi.h"
#include "bus.h"
#include "cost.h"
#include "dev/dev.h"
#include "hooks.h"
#include "machine.h"

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "trapeze's RAM fast path assumes a little-endian host (as RISC-V is)"
#endif

#define likely(x)   __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

/* x0 reads as zero; instructions whose destination is x0 write this extra
 * register instead, so the interpreter never tests rd == 0. */
#define REG_COUNT 32u
#define REG_SINK  32u

/* ---- decode cache (icache.c) -------------------------------------------- */

#define INSNS_PER_PAGE (PAGE_SIZE / INSN_SIZE)
#define EX_DECODE INSN__COUNT     /* entry not decoded yet (or invalidated) */

struct dentry {
    uint8_t op;         /* enum insn_op, or EX_DECODE */
    uint8_t rd;         /* REG_SINK when the instruction's rd is x0 */
    uint8_t rs1, rs2;
    int32_t imm;
    uint32_t cost;      /* cycles when it retires (profile cost of its class) */
    uint32_t raw;       /* instruction bits (mtval on illegal instruction; the
                           CSR number of CSR instructions is raw[31:20]) */
};
_Static_assert(sizeof(struct dentry) == 16, "decode entries are 16 bytes");
_Static_assert(INSN__COUNT < 255, "ops fit a byte, with EX_DECODE");

struct dpage {
    struct dentry e[INSNS_PER_PAGE];
};

/* page_flags[] bits, one byte per physical RAM page */
#define PG_CODE  0x1u   /* a decode-cache page exists: stores must invalidate */
#define PG_WATCH 0x2u   /* holds the HTIF tohost word */

/* ---- host translation caches --------------------------------------------- */

#define HC_ENTRIES 256u                 /* per access type, direct mapped */
#define HC_MASK    (HC_ENTRIES - 1u)
#define FETCH_NONE 0xffffffffu          /* no current code page */

struct hc_entry {
    uint64_t key;       /* hc_key(m, vpn) when valid */
    uint8_t *host;      /* host address of the page's first byte */
    uint32_t translated;/* 1 if the modelled TLB was consulted (count a hit) */
};

struct fc_entry {
    uint64_t key;
    struct dpage *dp;
    uint8_t *host;
    uint32_t translated;
};

/* ---- modelled TLB (tlb.c) ------------------------------------------------ */

struct tlb_entry {
    uint32_t vpn;       /* virtual page number (4 KiB) */
    uint32_t ppn;       /* physical page number of this 4 KiB piece */
    uint32_t pte;       /* leaf PTE as last read/written */
    uint32_t pte_addr;  /* physical address of the leaf PTE */
    uint16_t asid;
    uint8_t valid;
    uint8_t level;      /* 1 = part of a 4 MiB megapage, 0 = 4 KiB page */
};

/* ---- PMP (pmp.c) ----------------------------------------------------------- */

/* One PMP entry that can match, decoded: the byte range [lo, hi) it covers
 * (64-bit: a NAPOT entry may cover all 2^34 bytes) and its cfg byte. */
struct pmp_rule {
    uint64_t lo, hi;
    uint8_t cfg;
};

/* ---- access kinds --------------------------------------------------------- */

enum access {
    ACC_FETCH = 0,
    ACC_LOAD,
    ACC_STORE,      /* stores, SC and AMOs (AMOs also need read permission) */
    ACC__COUNT
};

#define MAX_LISTENERS 8
#define TLB_WAYS 4u
#define HC_GEN_SHIFT 32
#define HC_PRIV_SHIFT 20

struct listener {
    machine_listener_fn fn;
    void *ctx;
};

struct machine {
    /* ---- hot: the interpreter touches these every instruction --------- */
    uint32_t x[REG_COUNT + 1];      /* x[REG_SINK] absorbs writes to x0 */
    uint32_t pc;
    uint64_t cycles;                /* monotonic cycle count (mcycle - offset) */
    uint64_t instret;               /* monotonic retired count */
    uint64_t check_at;              /* run the slow check when cycles >= this */
    uint64_t insn_limit;            /* max_instructions, or UINT64_MAX */
    uint32_t fetch_vpn;             /* pc >> 12 of the current code page */
    struct dpage *fetch_dp;
    uint8_t *fetch_host;
    uint64_t data_key;              /* hc key base for loads/stores */
    uint64_t fetch_key;             /* hc key base for fetches */
    uint64_t tlb_hits;              /* counted on the fast paths too */
    struct hc_entry hc_load[HC_ENTRIES];
    struct hc_entry hc_store[HC_ENTRIES];
    /* One fetch table per privilege (indexed by PRV_*; 2 is reserved and
     * unused): a trap handler and the code it serves often have page
     * numbers that collide in a direct-mapped table (small programs keep
     * both on one page), and a shared table would then evict the other
     * side's code page on every trap and every xRET. */
    struct fc_entry hc_fetch[PRV_M + 1][HC_ENTRIES];
    uint64_t hc_gen;                /* bumped to drop every host cache entry */
    unsigned nlisteners;

    /* ---- hart state --------------------------------------------------- */
    unsigned priv;                  /* PRV_U, PRV_S or PRV_M */
    unsigned data_priv;             /* effective privilege of loads/stores (MPRV) */
    struct {
        uint32_t mstatus, medeleg, mideleg, mie, mip_sw, mtvec, mcounteren,
            mscratch, mepc, mcause, mtval;
        uint32_t stvec, scounteren, sscratch, sepc, scause, stval, satp;
        uint64_t mcycle_offset, minstret_offset;   /* mcycle = cycles + offset */
    } csr;
    bool resv_valid;                /* LR/SC reservation */
    uint32_t resv_addr;
    bool sleeping;                  /* in WFI */
    uint64_t sleep_until;
    /* pending synchronous exception, filled by the access helpers */
    uint32_t exc_cause, exc_tval;

    /* ---- PMP (pmp.c) ------------------------------------------------------ */
    uint8_t pmpcfg[PMP_COUNT];
    uint32_t pmpaddr[PMP_COUNT];
    /* The registers decoded once per change (pmp.c, pmp_compile): */
    struct pmp_rule pmp_rules[PMP_COUNT];   /* entries that can match, in order */
    unsigned pmp_nrules;
    bool pmp_locked_any;            /* some rule has L: M-mode must check */

    /* ---- modelled TLB (tlb.c) --------------------------------------------- */
    struct tlb_entry *tlb;          /* tlb_sets * tlb_ways entries */
    uint8_t *tlb_victim;            /* next way to replace, per set */
    uint32_t tlb_sets, tlb_ways;
    uint32_t tlb_mask;              /* entries - 1 */
    uint32_t tlb_megapages;         /* valid entries with level 1 */

    /* ---- CLINT (clint.c) -------------------------------------------------- */
    uint32_t clint_msip;
    uint64_t mtimecmp;
    uint64_t mtime_offset;          /* mtime = cycles / cycles_per_tick + offset */
    uint64_t cycles_per_tick;

    /* ---- memory and devices ------------------------------------------------ */
    struct bus bus;
    uint8_t *ram;
    uint32_t ram_base, ram_size, ram_pages;
    uint8_t *page_flags;            /* PG_* per RAM page */
    struct dpage **dpages;          /* decode cache per RAM page, or NULL */
    struct uart16550 uart;
    struct test_finisher finisher;
    struct trace_port trace;
    bool has_tohost;
    uint32_t tohost;

    /* ---- run control --------------------------------------------------------- */
    struct cost_profile prof;
    uint64_t cycle_limit;           /* max_cycles, or UINT64_MAX */
    uint64_t slice_end;
    bool exit_requested;
    int exit_code;
    const char *exit_reason;

    /* ---- output ----------------------------------------------------------- */
    void (*uart_sink)(void *ctx, uint8_t byte);
    void *uart_sink_ctx;
    uint8_t *uart_buf;
    size_t uart_len, uart_cap;

    /* ---- counters and events (events.c) -------------------------------- */
    struct machine_counters ctr;    /* accumulated; cycles/instret/priv fields
                                       are folded in by counters_account */
    uint64_t mark_cycles, mark_instret;
    uint32_t guest;                 /* current guest, TZ_GUEST_NONE if none */
    struct listener listeners[MAX_LISTENERS];
};

/* ---- events.c ---------------------------------------------------------------- */
void counters_account(struct machine *m);
void event_emit_slow(struct machine *m, uint32_t kind, unsigned from, unsigned to,
                     uint32_t cause, uint32_t pc, uint32_t tval, uint32_t detail,
                     const uint32_t args[4]);
static inline void event_emit(struct machine *m, uint32_t kind, unsigned from, unsigned to,
                              uint32_t cause, uint32_t pc, uint32_t tval, uint32_t detail)
{
    if (unlikely(m->nlisteners != 0))
        event_emit_slow(m, kind, from, to, cause, pc, tval, detail, NULL);
}

/* ---- trap.c --------------------------------------------------------------------- */
/* Take the synchronous exception in m->exc_cause/exc_tval at m->pc. */
void trap_take_exception(struct machine *m);
/* Raise: record cause/tval; always returns false so helpers can `return raise(...)`. */
static inline bool raise_exc(struct machine *m, uint32_t cause, uint32_t tval)
{
    m->exc_cause = cause;
    m->exc_tval = tval;
    return false;
}
/* Highest-priority interrupt that is pending and enabled, or -1. */
int trap_pending_interrupt(const struct machine *m);
void trap_take_interrupt(struct machine *m, unsigned irq);
/* Change privilege (accounting, caches). */
void hart_set_priv(struct machine *m, unsigned priv);
/* Recompute data_priv and the host cache keys after priv/mstatus changes. */
void hart_update_modes(struct machine *m);
bool exec_mret(struct machine *m);
bool exec_sret(struct machine *m);
uint32_t hart_mip(const struct machine *m);

/* ---- csr.c ---------------------------------------------------------------------- */
/* Execute a CSR instruction: access check (existence, privilege, read-only,
 * TVM, counter enables), read, write. False after raising illegal
 * instruction. */
bool csr_execute(struct machine *m, const struct dentry *e);
/* Read without checks. */
uint32_t csr_read(const struct machine *m, unsigned csr);
/* Plain CSRs (storage only, see csr.c): csr_plain_[number] is the register's
 * byte offset in m->csr plus one, or 0. */
extern const uint8_t csr_plain_[CSR_SPACE];
static inline uint32_t *csr_plain(struct machine *m, unsigned csr)
{
    unsigned slot = csr_plain_[csr];
    return slot ? (uint32_t *)(void *)((uint8_t *)&m->csr + slot - 1u) : NULL;
}
static inline const uint32_t *csr_plain_const(const struct machine *m, unsigned csr)
{
    unsigned slot = csr_plain_[csr];
    return slot ? (const uint32_t *)(const void *)((const uint8_t *)&m->csr + slot - 1u) : NULL;
}

/* ---- mmu.c ------------------------------------------------------------------------ */
/* Translate + PMP check; on success *paddr is set. On failure raises. */
bool mmu_translate(struct machine *m, uint32_t vaddr, unsigned size, enum access acc, unsigned priv,
                   uint32_t *paddr, bool *translated);
bool mem_load_slow(struct machine *m, uint32_t vaddr, unsigned size, uint32_t *value);
bool mem_store_slow(struct machine *m, uint32_t vaddr, unsigned size, uint32_t value);
/* Physical accesses (RAM or MMIO). Return false on access fault (no raise). */
bool phys_read(struct machine *m, uint32_t paddr, unsigned size, uint32_t *value);
bool phys_write(struct machine *m, uint32_t paddr, unsigned size, uint32_t value);
/* The fetch slow path: returns the decode entry for pc, or NULL after raising. */
struct dentry *fetch_slow(struct machine *m, uint32_t pc);
void hc_flush(struct machine *m);

/* ---- tlb.c -------------------------------------------------------------------------- */
int tlb_init(struct machine *m, uint32_t entries);
void tlb_free(struct machine *m);
struct tlb_entry *tlb_lookup(struct machine *m, uint32_t vpn, uint16_t asid);
struct tlb_entry *tlb_insert(struct machine *m, uint32_t vpn, uint16_t asid);
void tlb_flush(struct machine *m, bool all_addr, uint32_t vaddr, bool all_asid, uint16_t asid);

/* ---- pmp.c -------------------------------------------------------------------------- */
/* May an access of [paddr, paddr+size) of kind acc at privilege priv proceed? */
bool pmp_allows(const struct machine *m, uint32_t paddr, uint32_t size, enum access acc,
                unsigned priv);
uint32_t pmp_read_cfg(const struct machine *m, unsigned reg);
void pmp_write_cfg(struct machine *m, unsigned reg, uint32_t value);
void pmp_write_addr(struct machine *m, unsigned idx, uint32_t value);

/* ---- icache.c ---------------------------------------------------------------------- */
struct dpage *icache_page(struct machine *m, uint32_t page_index);
void icache_fill(const struct machine *m, struct dentry *e, uint32_t word);
void icache_invalidate(struct machine *m, uint32_t paddr, uint32_t len);

/* ---- clint.c ------------------------------------------------------------------------- */
extern const struct device_ops clint_ops;
uint64_t clint_mtime(const struct machine *m);
/* First cycle at which mtime >= mtimecmp, or UINT64_MAX if never. */
uint64_t clint_deadline(const struct machine *m);

/* ---- exec.c -------------------------------------------------------------------------- */
enum machine_status exec_run(struct machine *m);

/* A RAM page index for a physical address, or -1 if not RAM. */
static inline int64_t ram_page(const struct machine *m, uint32_t paddr)
{
    uint32_t off = paddr - m->ram_base;
    if (off >= m->ram_size)
        return -1;
    return off >> PAGE_SHIFT;
}

/* Force the run loop's slow check before the next instruction. */
static inline void recheck(struct machine *m)
{
    m->check_at = 0;
}

#endif
