/*
 * exec.c — the interpreter: fetch a pre-decoded instruction, execute it,
 * charge its cycles.
 *
 * The loop is built so that the common case touches as little as possible:
 *
 *   1. one comparison decides whether anything "slow" must happen before the
 *      next instruction (slice end, limits, exit request, an interrupt that
 *      may have become pending): `cycles >= check_at`. Everything that can
 *      make an interrupt pending or enabled (CSR writes, xRET, traps, device
 *      writes) sets check_at = 0; while mie.MTIE is set, the CLINT deadline
 *      is folded into check_at.
 *   2. fetch: while pc stays on the current code page, the pre-decoded entry
 *      is `fetch_dp->e[(pc >> 2) & 1023]` with no translation.
 *   3. dispatch: a jump through a table of handler labels (GNU C labels as
 *      values), replicated at the end of every handler; loads/stores first try the
 *      host translation cache (a page-granular, already-checked mapping to
 *      host RAM), and fall back to mmu.c; CSR instructions on plain storage
 *      CSRs (mscratch, mepc, mcause, ... — what trap handlers use) are done
 *      inline, everything else in csr.c.
 *
 * Cycle accounting (machine/cost.h, docs/cost-model.md): a retired
 * instruction adds its class cost (kept in the decode entry) and one to
 * instret; a taken branch adds branch_taken_penalty. An instruction that
 * raises an exception does not retire (priv spec §3.3.1 "minstret ... counts
 * instructions retired"), so it adds nothing to instret and — except ECALL
 * and EBREAK, whose whole job is to trap — nothing to cycles; the trap adds
 * trap_entry in trap.c, on the side of the privilege that takes it.
 *
 * Misaligned loads/stores/AMOs raise address-misaligned exceptions (cause 4
 * for loads and LR, 6 for stores/SC/AMOs, tval = the address) — the behaviour
 * the spec allows and QEMU implements (unpriv spec §2.6, priv spec §3.1.15).
 * Jumps and taken branches to an address that is not 4-byte aligned raise
 * instruction-address-misaligned on the jump itself (unpriv §2.5), with
 * tval = the target.
 */
#include <stdint.h>

#include "internal.h"

/* ---- atomics (a-st-ext.adoc) -------------------------------------------------- */

/* Translate an AMO/SC address: aligned, writable and readable (an AMO reads
 * too), raising store/AMO faults. */
static bool amo_addr(struct machine *m, uint32_t va, uint32_t *pa)
{
    bool translated;
    if (va & 3u)
        return raise_exc(m, CAUSE_MISALIGNED_STORE, va);
    if (!mmu_translate(m, va, 4, ACC_STORE, m->data_priv, pa, &translated))
        return false;
    if (!pmp_allows(m, *pa, 4, ACC_LOAD, m->data_priv))
        return raise_exc(m, CAUSE_STORE_ACCESS, va);
    return true;
}

static bool exec_amo(struct machine *m, const struct dentry *e)
{
    uint32_t va = m->x[e->rs1], pa, old, src = m->x[e->rs2], nv;
    if (!amo_addr(m, va, &pa))
        return false;
    if (!phys_read(m, pa, 4, &old))
        return raise_exc(m, CAUSE_STORE_ACCESS, va);
    switch (e->op) {
    case INSN_AMOSWAP_W: nv = src; break;
    case INSN_AMOADD_W:  nv = old + src; break;
    case INSN_AMOXOR_W:  nv = old ^ src; break;
    case INSN_AMOAND_W:  nv = old & src; break;
    case INSN_AMOOR_W:   nv = old | src; break;
    case INSN_AMOMIN_W:  nv = (int32_t)old < (int32_t)src ? old : src; break;
    case INSN_AMOMAX_W:  nv = (int32_t)old > (int32_t)src ? old : src; break;
    case INSN_AMOMINU_W: nv = old < src ? old : src; break;
    default:             nv = old > src ? old : src; break;   /* AMOMAXU_W */
    }
    if (!phys_write(m, pa, 4, nv))
        return raise_exc(m, CAUSE_STORE_ACCESS, va);
    m->x[e->rd] = old;
    return true;
}

/* LR.W: load and register a reservation on the address (a-st-ext §"Load-
 * Reserved/Store-Conditional"). The reservation set is the aligned word. */
static bool exec_lr(struct machine *m, const struct dentry *e)
{
    uint32_t va = m->x[e->rs1], v;
    if (va & 3u)
        return raise_exc(m, CAUSE_MISALIGNED_LOAD, va);
    if (!mem_load_slow(m, va, 4, &v))
        return false;
    m->resv_valid = true;
    m->resv_addr = va;
    m->x[e->rd] = v;
    return true;
}

/* SC.W: succeeds (rd = 0) only with a valid reservation on the same address;
 * any SC ends the reservation. Like QEMU, a failing SC makes no memory access. */
static bool exec_sc(struct machine *m, const struct dentry *e)
{
    uint32_t va = m->x[e->rs1], pa;
    bool ok = m->resv_valid && m->resv_addr == va;
    if (va & 3u)
        return raise_exc(m, CAUSE_MISALIGNED_STORE, va);
    if (ok) {
        if (!amo_addr(m, va, &pa))
            return false;
        if (!phys_write(m, pa, 4, m->x[e->rs2]))
            return raise_exc(m, CAUSE_STORE_ACCESS, va);
    }
    m->resv_valid = false;
    m->x[e->rd] = ok ? 0u : 1u;
    return true;
}

/* ---- system instructions -------------------------------------------------------- */

/* WFI (priv spec §3.3.3). Illegal in U-mode always, and in S-mode when
 * mstatus.TW = 1 (§3.1.6.5). If no enabled interrupt is pending the hart
 * sleeps until the CLINT deadline; the cycles are skipped (and counted)
 * deterministically. Returns false on exception; sets *deadlock if nothing
 * can ever wake it. */
static bool exec_wfi(struct machine *m, const struct dentry *e, bool *deadlock)
{
    uint64_t deadline;
    if (m->priv == PRV_U || (m->priv == PRV_S && (m->csr.mstatus & MSTATUS_TW)))
        return raise_exc(m, CAUSE_ILLEGAL_INSTRUCTION, e->raw);
    if (hart_mip(m) & m->csr.mie)
        return true;        /* an enabled interrupt is already pending: no-op */
    /* Only the timer can change mip on its own (no PLIC, single hart). */
    deadline = (m->csr.mie & MIP_MTIP) ? clint_deadline(m) : UINT64_MAX;
    if (deadline == UINT64_MAX) {
        *deadlock = true;
        return true;
    }
    m->sleeping = true;
    m->sleep_until = deadline;
    event_emit(m, EV_WFI, m->priv, m->priv, 0, m->pc, 0,
               (uint32_t)(deadline > m->cycles + e->cost ? deadline - m->cycles - e->cost : 0));
    recheck(m);
    return true;
}

static bool exec_sfence(struct machine *m, const struct dentry *e)
{
    uint32_t va = m->x[e->rs1];
    uint16_t asid = (uint16_t)(m->x[e->rs2] & SATP_ASID_MASK);
    bool all_addr = e->rs1 == 0, all_asid = e->rs2 == 0;
    if (m->priv == PRV_U || (m->priv == PRV_S && (m->csr.mstatus & MSTATUS_TVM)))
        return raise_exc(m, CAUSE_ILLEGAL_INSTRUCTION, e->raw);
    tlb_flush(m, all_addr, va, all_asid, asid);
    event_emit(m, EV_TLB_FLUSH, m->priv, m->priv, (all_addr ? 1u : 0u) | (all_asid ? 2u : 0u),
               m->pc, va, asid);
    return true;
}

/* ---- the run loop ------------------------------------------------------------------ */

/* What the slow check decided. */
enum check_result { CHECK_CONTINUE, CHECK_STOP };

static enum check_result slow_check(struct machine *m, enum machine_status *st)
{
    for (;;) {
        int irq;
        uint64_t next;
        if (m->exit_requested) {
            *st = MACHINE_EXITED;
            return CHECK_STOP;
        }
        if (m->instret >= m->insn_limit) {
            *st = MACHINE_INSN_LIMIT;
            return CHECK_STOP;
        }
        if (m->cycles >= m->cycle_limit) {
            *st = MACHINE_CYCLE_LIMIT;
            return CHECK_STOP;
        }
        irq = trap_pending_interrupt(m);
        if (irq >= 0) {
            m->sleeping = false;
            trap_take_interrupt(m, (unsigned)irq);
        } else if (m->sleeping && (hart_mip(m) & m->csr.mie)) {
            m->sleeping = false;   /* woken by an enabled-but-masked interrupt */
        }
        if (m->cycles >= m->slice_end) {
            *st = MACHINE_RUNNING;
            return CHECK_STOP;
        }
        if (m->sleeping) {
            /* Skip to the wake-up time, or to the end of the slice/limit. */
            next = m->sleep_until;
            if (m->slice_end < next)
                next = m->slice_end;
            if (m->cycle_limit < next)
                next = m->cycle_limit;
            if (next > m->cycles)
                m->cycles = next;
            if (m->cycles >= m->sleep_until)
                m->sleeping = false;
            continue;
        }
        next = m->slice_end;
        if (m->cycle_limit < next)
            next = m->cycle_limit;
        /* Stop again when the timer's line rises, so the interrupt is taken
         * on time. Only an enabled MTIP can have any effect (trap or WFI
         * wake-up, both need mie.MTIE); a write to mie sets check_at = 0,
         * so a timer enabled later is still seen at once. clint_deadline
         * returns the current cycle when MTIP is already up (nothing to
         * wait for), and a later cycle otherwise. */
        if (m->csr.mie & MIP_MTIP) {
            uint64_t d = clint_deadline(m);
            if (d > m->cycles && d < next)
                next = d;
        }
        m->check_at = next;
        return CHECK_CONTINUE;
    }
}

/*
 * The hot state (pc, cycle and instruction counts, the check threshold and
 * the current code page) lives in locals so the compiler can keep it in host
 * registers. SAVE() writes it back before anything out of line runs (slow
 * memory paths, CSR accesses, traps), LOAD() picks up whatever that changed.
 */
#define SAVE()                  \
    do {                        \
        m->pc = pc;             \
        m->cycles = cycles;     \
        m->instret = instret;   \
    } while (0)
#define LOAD()                          \
    do {                                \
        pc = m->pc;                     \
        cycles = m->cycles;             \
        instret = m->instret;           \
        check_at = m->check_at;         \
        fetch_vpn = m->fetch_vpn;       \
        fetch_dp = m->fetch_dp;         \
    } while (0)

/* Retire the instruction and go straight to the next one when nothing slow
 * is due: each handler ends in its own indirect jump (threaded dispatch),
 * which host branch predictors follow far better than one shared switch. */
#define NEXT                                                            \
    do {                                                                \
        pc = npc;                                                       \
        cycles += e->cost;                                              \
        instret++;                                                      \
        if (likely(cycles < check_at && instret < insn_limit &&         \
                   (pc >> PAGE_SHIFT) == fetch_vpn)) {                  \
            e = &fetch_dp->e[(pc >> 2) & (INSNS_PER_PAGE - 1)];         \
            npc = pc + INSN_SIZE;                                       \
            goto *dispatch_table[e->op];                                \
        }                                                               \
        goto next_insn;                                                 \
    } while (0)

/*
 * Threaded dispatch only pays if every handler keeps its own indirect jump:
 * the host's branch predictor then learns "after a guest LW comes an ADDI"
 * per handler. GCC's cross-jumping pass sees the identical NEXT tails and
 * merges them into one shared `jmp *`, which turns the loop back into a
 * single, badly predicted switch (6 indirect jumps left instead of one per
 * handler; the mixed code of a VMM run with its guests suffers most). The
 * pass is switched off for this one function.
 */
#if defined(__GNUC__) && !defined(__clang__)
#define EXEC_KEEP_DISPATCH_TAILS __attribute__((optimize("no-crossjumping")))
#else
#define EXEC_KEEP_DISPATCH_TAILS
#endif

EXEC_KEEP_DISPATCH_TAILS
enum machine_status exec_run(struct machine *m)
{
    enum machine_status st = MACHINE_RUNNING;
    uint32_t *const x = m->x;
    const uint64_t insn_limit = m->insn_limit;
    const uint32_t taken_penalty = m->prof.branch_taken_penalty;
    uint32_t pc, fetch_vpn;
    uint64_t cycles, instret, check_at;
    struct dpage *fetch_dp;

    static const void *const dispatch_table[EX_DECODE + 1] = {
        [INSN_ILLEGAL] = &&L_ILLEGAL,
#define X(id, mn, match, mask, fmt, cls, flags) [INSN_##id] = &&L_##id,
#include "../isa/insn.def"
#undef X
        [EX_DECODE] = &&L_EX_DECODE,
    };

    recheck(m);
    LOAD();
    for (;;) {
        struct dentry *e;
        uint32_t npc;

    next_insn:
        if (unlikely(cycles >= check_at || instret >= insn_limit)) {
            enum check_result r;
            SAVE();
            r = slow_check(m, &st);
            LOAD();
            if (r == CHECK_STOP)
                break;
        }
        if (likely((pc >> PAGE_SHIFT) == fetch_vpn)) {
            e = &fetch_dp->e[(pc >> 2) & (INSNS_PER_PAGE - 1)];
        } else {
            SAVE();
            e = fetch_slow(m, pc);
            LOAD();
            if (!e)
                goto exception;
        }
    dispatch:
        npc = pc + INSN_SIZE;
        goto *dispatch_table[e->op];
        L_EX_DECODE: {
            uint32_t w;
            memcpy(&w, m->fetch_host + (pc & PAGE_MASK), 4);
            icache_fill(m, e, w);
            goto dispatch;
        }
        L_ILLEGAL:
            raise_exc(m, CAUSE_ILLEGAL_INSTRUCTION, e->raw);
            goto exception;

        /* RV32I (unpriv spec ch. 2) */
        L_LUI:   x[e->rd] = (uint32_t)e->imm; NEXT;
        L_AUIPC: x[e->rd] = pc + (uint32_t)e->imm; NEXT;
        L_JAL:
            npc = pc + (uint32_t)e->imm;
            if (unlikely(npc & 3u)) {
                raise_exc(m, CAUSE_MISALIGNED_FETCH, npc);
                goto exception;
            }
            x[e->rd] = pc + INSN_SIZE;
            NEXT;
        L_JALR:
            npc = (x[e->rs1] + (uint32_t)e->imm) & ~1u;
            if (unlikely(npc & 3u)) {
                raise_exc(m, CAUSE_MISALIGNED_FETCH, npc);
                goto exception;
            }
            x[e->rd] = pc + INSN_SIZE;
            NEXT;
#define BRANCH(cond)                                                 \
            if (cond) {                                              \
                npc = pc + (uint32_t)e->imm;                         \
                if (unlikely(npc & 3u)) {                            \
                    raise_exc(m, CAUSE_MISALIGNED_FETCH, npc);       \
                    goto exception;                                  \
                }                                                    \
                cycles += taken_penalty;                             \
            }                                                        \
            NEXT;
        L_BEQ:  BRANCH(x[e->rs1] == x[e->rs2])
        L_BNE:  BRANCH(x[e->rs1] != x[e->rs2])
        L_BLT:  BRANCH((int32_t)x[e->rs1] < (int32_t)x[e->rs2])
        L_BGE:  BRANCH((int32_t)x[e->rs1] >= (int32_t)x[e->rs2])
        L_BLTU: BRANCH(x[e->rs1] < x[e->rs2])
        L_BGEU: BRANCH(x[e->rs1] >= x[e->rs2])
#undef BRANCH
/* Loads and stores: host-cache hit inline, otherwise the slow path. */
#define LOAD_OP(size, conv)                                                  \
        {                                                                    \
            uint32_t a = x[e->rs1] + (uint32_t)e->imm, vpn = a >> PAGE_SHIFT, v; \
            const struct hc_entry *h = &m->hc_load[vpn & HC_MASK];           \
            if (likely(h->key == (m->data_key | vpn) && (a & ((size) - 1u)) == 0)) { \
                const uint8_t *hp = h->host + (a & PAGE_MASK);               \
                m->tlb_hits += h->translated;                                \
                if ((size) == 4u) {                                          \
                    memcpy(&v, hp, 4);                                       \
                } else if ((size) == 2u) {                                   \
                    uint16_t hw;                                             \
                    memcpy(&hw, hp, 2);                                      \
                    v = hw;                                                  \
                } else {                                                     \
                    v = *hp;                                                 \
                }                                                            \
            } else {                                                         \
                /* a separate slot, so that v itself never has its address \
                 * taken and can live in a host register */                 \
                uint32_t slow_v;                                             \
                bool ok;                                                     \
                SAVE();                                                      \
                ok = mem_load_slow(m, a, (size), &slow_v);                   \
                LOAD();                                                      \
                if (!ok)                                                     \
                    goto exception;                                          \
                v = slow_v;                                                  \
            }                                                                \
            x[e->rd] = conv;                                                 \
            NEXT;                                                           \
        }
        L_LW:  LOAD_OP(4u, v)
        L_LH:  LOAD_OP(2u, (uint32_t)(int32_t)(int16_t)v)
        L_LHU: LOAD_OP(2u, v & 0xffffu)
        L_LB:  LOAD_OP(1u, (uint32_t)(int32_t)(int8_t)v)
        L_LBU: LOAD_OP(1u, v & 0xffu)
#undef LOAD_OP
#define STORE_OP(size)                                                       \
        {                                                                    \
            uint32_t a = x[e->rs1] + (uint32_t)e->imm, vpn = a >> PAGE_SHIFT; \
            uint32_t v = x[e->rs2];                                          \
            const struct hc_entry *h = &m->hc_store[vpn & HC_MASK];          \
            if (likely(h->key == (m->data_key | vpn) && (a & ((size) - 1u)) == 0)) { \
                m->tlb_hits += h->translated;                                \
                memcpy(h->host + (a & PAGE_MASK), &v, (size));               \
            } else {                                                         \
                bool ok;                                                     \
                SAVE();                                                      \
                ok = mem_store_slow(m, a, (size), v);                        \
                LOAD();                                                      \
                if (!ok)                                                     \
                    goto exception;                                          \
            }                                                                \
            NEXT;                                                           \
        }
        L_SW: STORE_OP(4u)
        L_SH: STORE_OP(2u)
        L_SB: STORE_OP(1u)
#undef STORE_OP
        L_ADDI:  x[e->rd] = x[e->rs1] + (uint32_t)e->imm; NEXT;
        L_SLTI:  x[e->rd] = (int32_t)x[e->rs1] < e->imm; NEXT;
        L_SLTIU: x[e->rd] = x[e->rs1] < (uint32_t)e->imm; NEXT;
        L_XORI:  x[e->rd] = x[e->rs1] ^ (uint32_t)e->imm; NEXT;
        L_ORI:   x[e->rd] = x[e->rs1] | (uint32_t)e->imm; NEXT;
        L_ANDI:  x[e->rd] = x[e->rs1] & (uint32_t)e->imm; NEXT;
        L_SLLI:  x[e->rd] = x[e->rs1] << e->imm; NEXT;
        L_SRLI:  x[e->rd] = x[e->rs1] >> e->imm; NEXT;
        L_SRAI:  x[e->rd] = (uint32_t)((int32_t)x[e->rs1] >> e->imm); NEXT;
        L_ADD:   x[e->rd] = x[e->rs1] + x[e->rs2]; NEXT;
        L_SUB:   x[e->rd] = x[e->rs1] - x[e->rs2]; NEXT;
        L_SLL:   x[e->rd] = x[e->rs1] << (x[e->rs2] & 31u); NEXT;
        L_SLT:   x[e->rd] = (int32_t)x[e->rs1] < (int32_t)x[e->rs2]; NEXT;
        L_SLTU:  x[e->rd] = x[e->rs1] < x[e->rs2]; NEXT;
        L_XOR:   x[e->rd] = x[e->rs1] ^ x[e->rs2]; NEXT;
        L_SRL:   x[e->rd] = x[e->rs1] >> (x[e->rs2] & 31u); NEXT;
        L_SRA:   x[e->rd] = (uint32_t)((int32_t)x[e->rs1] >> (x[e->rs2] & 31u)); NEXT;
        L_OR:    x[e->rd] = x[e->rs1] | x[e->rs2]; NEXT;
        L_AND:   x[e->rd] = x[e->rs1] & x[e->rs2]; NEXT;
        L_FENCE:
            NEXT;      /* one hart, sequentially consistent memory: nothing to order */
        L_FENCE_I:
            /* Stores already invalidate the decoded entries they overwrite
             * (icache.c), so instruction fetch is always coherent. */
            NEXT;
        /* ECALL and EBREAK always raise and never retire (minstret does not
         * count them, priv spec §3.3.1), but unlike a faulting access they
         * exist to trap: they went through the pipeline, so their class cost
         * (`system`) is charged — to the privilege that executed them —
         * before the trap adds trap_entry on the handler's side. */
        L_ECALL:
            /* priv spec §3.3.1: cause 8/9/11 by privilege, tval = 0 */
            cycles += e->cost;
            raise_exc(m, CAUSE_USER_ECALL + m->priv, 0);
            goto exception;
        L_EBREAK:
            /* tval = 0, as QEMU 7.2 reports for ebreak. */
            cycles += e->cost;
            raise_exc(m, CAUSE_BREAKPOINT, 0);
            goto exception;

        /* M extension (m-st-ext.adoc): division never traps; by zero gives
         * all ones (quotient) / the dividend (remainder); INT_MIN / -1
         * overflows to INT_MIN with remainder 0. */
        L_MUL:   x[e->rd] = x[e->rs1] * x[e->rs2]; NEXT;
        L_MULH:
            x[e->rd] = (uint32_t)(((int64_t)(int32_t)x[e->rs1] * (int64_t)(int32_t)x[e->rs2]) >> 32);
            NEXT;
        L_MULHSU:
            x[e->rd] = (uint32_t)((uint64_t)((int64_t)(int32_t)x[e->rs1] * (int64_t)x[e->rs2]) >> 32);
            NEXT;
        L_MULHU:
            x[e->rd] = (uint32_t)(((uint64_t)x[e->rs1] * (uint64_t)x[e->rs2]) >> 32);
            NEXT;
        L_DIV: {
            int32_t a = (int32_t)x[e->rs1], b = (int32_t)x[e->rs2];
            x[e->rd] = b == 0 ? UINT32_MAX
                     : (a == INT32_MIN && b == -1) ? (uint32_t)INT32_MIN : (uint32_t)(a / b);
            NEXT;
        }
        L_DIVU:
            x[e->rd] = x[e->rs2] == 0 ? UINT32_MAX : x[e->rs1] / x[e->rs2];
            NEXT;
        L_REM: {
            int32_t a = (int32_t)x[e->rs1], b = (int32_t)x[e->rs2];
            x[e->rd] = b == 0 ? (uint32_t)a : (a == INT32_MIN && b == -1) ? 0u : (uint32_t)(a % b);
            NEXT;
        }
        L_REMU:
            x[e->rd] = x[e->rs2] == 0 ? x[e->rs1] : x[e->rs1] % x[e->rs2];
            NEXT;

        /* Out-of-line instructions: A extension, Zicsr, privileged. */
#define CALL(expr)              \
        {                       \
            bool ok;            \
            SAVE();             \
            ok = (expr);        \
            LOAD();             \
            if (!ok)            \
                goto exception; \
            NEXT;              \
        }
        L_LR_W: CALL(exec_lr(m, e))
        L_SC_W: CALL(exec_sc(m, e))
        L_AMOSWAP_W: L_AMOADD_W: L_AMOXOR_W: L_AMOAND_W:
        L_AMOOR_W: L_AMOMIN_W: L_AMOMAX_W: L_AMOMINU_W:
        L_AMOMAXU_W:
            CALL(exec_amo(m, e))
        /* Zicsr. A plain CSR (csr.c: storage only) that the current privilege
         * may access is read and written right here, with the same checks
         * csr_execute makes (exists, privilege >= csr[9:8], no write to a
         * read-only CSR; the TVM and counter-enable rules concern satp and
         * the counters, which are not plain). Everything else — and every
         * access that must raise — takes csr_execute. src is read before rd
         * is written (rd may equal rs1). */
#define CSR_OP(srcv, newv, writes)                                           \
        {                                                                    \
            unsigned csr = insn_csr(e->raw);                                 \
            uint32_t *r = csr_plain(m, csr);                                 \
            if (r) {                                                         \
                const struct csr_info *ci = csr_info(csr);                   \
                if (likely(m->priv >= ci->priv && !((writes) && ci->read_only))) { \
                    uint32_t src = (srcv), old = *r;                         \
                    if (writes)                                              \
                        *r = (newv) & ci->wmask;                             \
                    x[e->rd] = old;                                          \
                    NEXT;                                                    \
                }                                                            \
            }                                                                \
            CALL(csr_execute(m, e))                                          \
        }
        L_CSRRW:  CSR_OP(x[e->rs1], src, true)
        L_CSRRS:  CSR_OP(x[e->rs1], old | src, e->rs1 != 0)
        L_CSRRC:  CSR_OP(x[e->rs1], old & ~src, e->rs1 != 0)
        L_CSRRWI: CSR_OP((uint32_t)e->imm, src, true)
        L_CSRRSI: CSR_OP((uint32_t)e->imm, old | src, e->rs1 != 0)
        L_CSRRCI: CSR_OP((uint32_t)e->imm, old & ~src, e->rs1 != 0)
#undef CSR_OP
        L_SFENCE_VMA:
            CALL(exec_sfence(m, e))
#undef CALL
        L_MRET:
            if (m->priv < PRV_M) {
                raise_exc(m, CAUSE_ILLEGAL_INSTRUCTION, e->raw);
                goto exception;
            }
            SAVE();
            m->cycles += e->cost;
            m->instret++;
            exec_mret(m);
            LOAD();
            continue;
        L_SRET:
            /* illegal below S, and in S with mstatus.TSR = 1 (§3.1.6.5) */
            if (m->priv < PRV_S || (m->priv == PRV_S && (m->csr.mstatus & MSTATUS_TSR))) {
                raise_exc(m, CAUSE_ILLEGAL_INSTRUCTION, e->raw);
                goto exception;
            }
            SAVE();
            m->cycles += e->cost;
            m->instret++;
            exec_sret(m);
            LOAD();
            continue;
        L_WFI: {
            bool deadlock = false, ok;
            SAVE();
            ok = exec_wfi(m, e, &deadlock);
            LOAD();
            if (!ok)
                goto exception;
            if (deadlock) {
                m->pc = npc;
                m->cycles = cycles + e->cost;
                m->instret = instret + 1;
                return MACHINE_DEADLOCK;
            }
            NEXT;
        }

    exception:
        SAVE();
        trap_take_exception(m);
        LOAD();
    }
    SAVE();
    return st;
}
