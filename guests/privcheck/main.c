/*
 * privcheck — a kernel that checks, from the inside, that the machine below
 * it implements the RISC-V supervisor architecture faithfully.
 *
 * It runs a numbered list of self-checks, one line each
 *     privcheck: 12 sstatus.SUM gates S-mode access to U pages ... ok
 * and ends with "privcheck: PASS n checks" (exit status 0) or
 * "privcheck: FAIL k of n checks" (exit status k). A failing line says what
 * was expected and what was seen.
 *
 * Natively, the hardware (trapeze or QEMU) answers every check. Under a
 * trap-and-emulate VMM the kernel runs in U-mode and every CSR access, SRET,
 * SFENCE.VMA and WFI traps to the VMM, every trap and interrupt the kernel
 * sees was injected by it, and the page tables the hardware walks are the
 * VMM's shadows. A faithful VMM prints exactly the same lines. So the list
 * covers what a VMM must get right:
 *   - every S-mode CSR, with each CSR instruction form (register and
 *     immediate, rd = x0, rs1 = x0, rd = rs1) and its WARL rules;
 *   - CSRs and instructions S-mode (or U-mode) may not use: illegal
 *     instruction with stval = the instruction's bits;
 *   - SRET to S and to U, SFENCE.VMA, WFI, ECALL/EBREAK, misaligned and
 *     access faults, page faults with stval = the virtual address;
 *   - Sv32 permission corner cases (SUM, MXR, U pages from S, X-only, W
 *     without R, non-leaf at level 0), A/D updates in the page tables,
 *     4 MiB superpages (and misaligned ones), remapping with SFENCE.VMA,
 *     ASIDs;
 *   - timer and software interrupts: pending while masked, taken at once
 *     when enabled, always taken in U-mode, vectored stvec.
 * Where the specification lets machines differ (IALIGN, misaligned loads
 * done in hardware or trapped, ASID width) a check accepts each allowed
 * behaviour but then holds the machine to it, and prints the same line.
 * Nothing printed depends on timing.
 */
#include "kernel.h"

/* ---- what the hardware reported ------------------------------------------ */

struct seen {
    uint32_t count;              /* how many traps of this kind */
    uint32_t scause, stval, sepc, sstatus;
    uint32_t a0;                 /* the interrupted a0 (U-mode programs' result) */
};

static volatile struct seen exc;     /* S-mode exceptions provoked by a probe */
static volatile struct seen irq;     /* interrupts (from S or U) */
static volatile struct seen utrap;   /* anything that ended a U-mode program */
static volatile uint32_t unexpected; /* traps no check asked for */

#define PROBE_POISON     0xDEADBEEFu /* what a faulting probe "returns" */
#define MAX_UNEXPECTED   16u         /* beyond this, give up: the machine is lost */

/* ---- CSR access (the instructions themselves; see file comment) --------- */

#define CSR_READ(csr) ({ uint32_t v_; __asm__ volatile("csrr %0, " #csr : "=r"(v_) :: "memory"); v_; })
#define CSR_WRITE(csr, v) __asm__ volatile("csrw " #csr ", %0" :: "r"((uint32_t)(v)) : "memory")
#define CSR_RW(csr, v) ({ uint32_t v_; __asm__ volatile("csrrw %0, " #csr ", %1" : "=r"(v_) : "r"((uint32_t)(v)) : "memory"); v_; })
#define CSR_RS(csr, v) ({ uint32_t v_; __asm__ volatile("csrrs %0, " #csr ", %1" : "=r"(v_) : "r"((uint32_t)(v)) : "memory"); v_; })
#define CSR_RC(csr, v) ({ uint32_t v_; __asm__ volatile("csrrc %0, " #csr ", %1" : "=r"(v_) : "r"((uint32_t)(v)) : "memory"); v_; })
#define CSR_RWI(csr, imm) ({ uint32_t v_; __asm__ volatile("csrrwi %0, " #csr ", %1" : "=r"(v_) : "i"(imm) : "memory"); v_; })
#define CSR_RSI(csr, imm) ({ uint32_t v_; __asm__ volatile("csrrsi %0, " #csr ", %1" : "=r"(v_) : "i"(imm) : "memory"); v_; })
#define CSR_RCI(csr, imm) ({ uint32_t v_; __asm__ volatile("csrrci %0, " #csr ", %1" : "=r"(v_) : "i"(imm) : "memory"); v_; })

/* sstatus fields that belong to the F/V extensions (FS, VS, XS, SD): their
 * presence differs between machines (QEMU's virt CPU has F and D), so the
 * WARL checks leave them out. */
#define SSTATUS_VS       (3u << 9)
#define SSTATUS_FS       (3u << 13)
#define SSTATUS_XS       (3u << 15)
#define SSTATUS_SD       (1u << 31)
#define SSTATUS_EXT_STATE (SSTATUS_VS | SSTATUS_FS | SSTATUS_XS | SSTATUS_SD)
#define SSTATUS_S_WRITABLE (SSTATUS_SIE | SSTATUS_SPIE | SSTATUS_SPP | SSTATUS_SUM | SSTATUS_MXR)
#define SIE_SSIE         MIP_SSIP
#define SIE_SEIE         MIP_SEIP
#define SIE_S_ALL        (SIE_SSIE | SIE_STIE | SIE_SEIE)
#define SSTATUS_SIE_IMM  2           /* SSTATUS_SIE as a csrrsi/csrrci immediate */
#define STVEC_MODE_MASK  3u
#define STVEC_VECTORED   1u
#define ALL_ONES         0xFFFFFFFFu

/* ---- probes (probe.S), U-mode programs (user.S), contexts (ctx.S) ------- */

uint32_t probe_lw(uint32_t addr);
uint32_t probe_lh(uint32_t addr);
uint32_t probe_sw(uint32_t addr, uint32_t value);
uint32_t probe_sh(uint32_t addr, uint32_t value);
uint32_t probe_lr(uint32_t addr);
uint32_t probe_amoswap(uint32_t addr, uint32_t value);
uint32_t probe_exec(uint32_t addr);
uint32_t probe_csrr_mstatus(void);
uint32_t probe_csrr_mhartid(void);
uint32_t probe_csrw_mtvec(uint32_t value);
uint32_t probe_csrr_custom(void);
uint32_t probe_csrw_cycle(uint32_t value);
uint32_t probe_csrrs_cycle_x0(void);
uint32_t probe_csrrsi_cycle_0(void);
uint32_t probe_csrrs_cycle_nonzero(uint32_t bits);
uint32_t probe_illegal(void);
uint32_t probe_ebreak(void);
uint32_t probe_jump_2aligned(void);
uint32_t probe_sret_s(void);
void probe_sfence_va(uint32_t va);
void probe_sfence_asid(uint32_t va, uint32_t asid);
void probe_sfence_all(void);
uint32_t probe_enable_sie(void);
extern const char probe_jump_insn[], probe_jump_target[], probe_sret_landing[];
extern const char probe_sie_after[], probe_text_start[], probe_text_end[];
extern const uint32_t probe_ret_insn[];

extern const char u_ecall[], u_ecall_insn[], u_load[], u_store[], u_exec[], u_ebreak[],
    u_illegal[], u_csrr_sstatus[], u_sret[], u_sfence[], u_wfi[], u_rdcycle[], u_rdtime[],
    u_rdinstret[], u_spin[];
extern char __user_start[], __user_end[];

extern const char vector_table[];
extern volatile uint32_t vector_hits[];

struct kctx { uint32_t ra, sp, s[12]; };
__attribute__((returns_twice)) int ctx_save(struct kctx *c);
__attribute__((noreturn)) void ctx_resume(struct kctx *c, int v);

static uint32_t addr_of(const void *p) { return (uint32_t)(uintptr_t)p; }
/* An instruction word of this kernel; U-mode code is read with SUM set. */
static uint32_t insn_at(const void *p)
{
    const uint32_t saved = CSR_RS(sstatus, SSTATUS_SUM);
    uint32_t w = *(const volatile uint32_t *)p;
    if (!(saved & SSTATUS_SUM))
        (void)CSR_RC(sstatus, SSTATUS_SUM);
    return w;
}

/* ---- check bookkeeping ---------------------------------------------------- */

#define WHY_LEN 200
static char why[WHY_LEN];           /* the first failed expectation of a check */
static int why_set;

static void expect_eq(const char *what, uint32_t got, uint32_t want)
{
    if (got != want && !why_set) {
        snprintf(why, sizeof why, "%s: got %x, want %x", what, got, want);
        why_set = 1;
    }
}

static void expect(const char *what, int cond)
{
    if (!cond && !why_set) {
        snprintf(why, sizeof why, "%s", what);
        why_set = 1;
    }
}

static void arm(void)
{
    exc.count = 0;
    exc.scause = exc.stval = exc.sepc = 0;
}

/* The probe just run must have trapped once with this cause, at this pc,
 * with this stval. */
static void expect_trap(const char *what, uint32_t cause, uint32_t sepc, uint32_t stval)
{
    char buf[96];
    snprintf(buf, sizeof buf, "%s: traps", what);
    expect_eq(buf, exc.count, 1);
    if (exc.count != 1)
        return;
    snprintf(buf, sizeof buf, "%s: scause", what);
    expect_eq(buf, exc.scause, cause);
    snprintf(buf, sizeof buf, "%s: sepc", what);
    expect_eq(buf, exc.sepc, sepc);
    snprintf(buf, sizeof buf, "%s: stval", what);
    expect_eq(buf, exc.stval, stval);
}

static void expect_no_trap(const char *what)
{
    char buf[96];
    snprintf(buf, sizeof buf, "%s: traps (scause %x stval %x)", what, exc.scause, exc.stval);
    expect_eq(buf, exc.count, 0);
}

/* ---- the trap handler ----------------------------------------------------- */

static struct kctx user_return;      /* where run_user was called */
static int in_user_run;

/* Silence an interrupt's source so it is taken exactly once. */
static void quiet_interrupt(uint32_t scause)
{
    if (trap_code(scause) == IRQ_S_TIMER)
        sbi_set_timer(UINT64_MAX);          /* also clears the pending STIP */
    else if (trap_code(scause) == IRQ_S_SOFT)
        (void)CSR_RC(sip, MIP_SSIP);
}

static void record(volatile struct seen *s, const struct trap_frame *tf)
{
    s->count++;
    s->scause = tf->scause;
    s->stval = tf->stval;
    s->sepc = tf->sepc;
    s->sstatus = tf->sstatus;
    s->a0 = tf->x[REG_A0];
}

struct trap_frame *kernel_trap(struct trap_frame *tf)
{
    const int from_user = !(tf->sstatus & SSTATUS_SPP);

    if (trap_is_interrupt(tf->scause)) {
        record(&irq, tf);
        quiet_interrupt(tf->scause);
    }
    if (from_user) {
        if (!in_user_run)
            panic("privcheck: trap from U-mode outside a U-mode run: scause %x sepc %x",
                  tf->scause, tf->sepc);
        record(&utrap, tf);
        in_user_run = 0;
        ctx_resume(&user_return, 1);
    }
    if (trap_is_interrupt(tf->scause))
        return tf;
    /* An S-mode exception. Every probe is a leaf function, so resuming at
     * ra makes it return (with a0 = PROBE_POISON) as if it had finished;
     * a fetch fault happens at the jump target, with ra still valid. Any
     * other exception was not asked for: count it and skip the instruction. */
    record(&exc, tf);
    const uint32_t code = trap_code(tf->scause);
    const int in_probe = tf->sepc >= addr_of(probe_text_start) && tf->sepc < addr_of(probe_text_end);
    if (in_probe || code == CAUSE_FETCH_PAGE_FAULT || code == CAUSE_FETCH_ACCESS) {
        tf->x[REG_A0] = PROBE_POISON;
        tf->sepc = tf->x[REG_RA];
    } else {
        unexpected++;
        tf->sepc += INSN_BYTES;
    }
    if (unexpected > MAX_UNEXPECTED)
        panic("privcheck: too many unexpected traps");
    return tf;
}

/* ---- U-mode ----------------------------------------------------------------- */

#define USER_KSTACK_SIZE 4096u
static uint8_t user_kstack[USER_KSTACK_SIZE] __attribute__((aligned(16)));
static uint32_t user_sp;             /* top of the U-mode stack page */

/*
 * Enter the U-mode program at `entry` with a0/a1 set, by SRET with
 * sstatus.SPP = 0 and SPIE = spie (which becomes SIE in U-mode). Returns
 * when the program traps (utrap says how) with the trap's scause.
 */
static uint32_t run_user(const char *entry, uint32_t a0, uint32_t a1, int spie)
{
    struct trap_frame *tf =
        (struct trap_frame *)(void *)(user_kstack + USER_KSTACK_SIZE - TF_SIZE);
    memset(tf, 0, sizeof *tf);
    tf->sepc = addr_of(entry);
    tf->sstatus = CSR_READ(sstatus) & ~(SSTATUS_SPP | SSTATUS_SPIE | SSTATUS_SIE);
    if (spie)
        tf->sstatus |= SSTATUS_SPIE;
    tf->x[REG_SP] = user_sp;
    tf->x[REG_A0] = a0;
    tf->x[REG_A1] = a1;
    utrap.count = 0;
    utrap.scause = utrap.stval = utrap.sepc = utrap.sstatus = utrap.a0 = 0;
    if (ctx_save(&user_return) == 0) {
        in_user_run = 1;
        trap_exit(tf);
    }
    return utrap.scause;
}

static void expect_user(const char *what, uint32_t cause, uint32_t sepc, uint32_t stval)
{
    char buf[96];
    snprintf(buf, sizeof buf, "%s: scause", what);
    expect_eq(buf, utrap.scause, cause);
    snprintf(buf, sizeof buf, "%s: sepc", what);
    expect_eq(buf, utrap.sepc, sepc);
    snprintf(buf, sizeof buf, "%s: stval", what);
    expect_eq(buf, utrap.stval, stval);
}

/* ---- time ------------------------------------------------------------------- */

static uint32_t timebase_hz;
#define TIMER_DELAY_DIV  10000u      /* deadline 100 us ahead */
#define WAIT_LIMIT_DIV   10u         /* give up after 100 ms of mtime ... */
#define WAIT_MAX_SPINS   2000000u    /* ... or this many polls, if time stands still */

static void arm_timer_soon(void)
{
    sbi_set_timer(arch_read_time() + timebase_hz / TIMER_DELAY_DIV);
}

/* Poll until sip shows one of `bits` pending (1) or give up (0). */
static int wait_pending(uint32_t bits, int use_wfi)
{
    uint64_t limit = arch_read_time() + timebase_hz / WAIT_LIMIT_DIV;
    for (uint32_t i = 0; i < WAIT_MAX_SPINS; i++) {
        if (CSR_READ(sip) & bits)
            return 1;
        if (use_wfi)
            arch_wfi();
        if (arch_read_time() > limit)
            break;
    }
    return (CSR_READ(sip) & bits) != 0;
}

static uint64_t read_counter64(int which)
{
    uint32_t hi, lo, hi2;
    do {
        switch (which) {
        case 0:
            __asm__ volatile("rdcycleh %0\n rdcycle %1\n rdcycleh %2" : "=r"(hi), "=r"(lo), "=r"(hi2));
            break;
        case 1:
            __asm__ volatile("rdinstreth %0\n rdinstret %1\n rdinstreth %2" : "=r"(hi), "=r"(lo), "=r"(hi2));
            break;
        default:
            __asm__ volatile("rdtimeh %0\n rdtime %1\n rdtimeh %2" : "=r"(hi), "=r"(lo), "=r"(hi2));
            break;
        }
    } while (hi != hi2);
    return ((uint64_t)hi << 32) | lo;
}

/* ---- address spaces ----------------------------------------------------------- */

/*
 * Test pages live at TEST_VA (one level-0 table), away from the kernel's
 * identity map, each backed by a frame filled with a known pattern.
 */
#define TEST_VA       0x40000000u
#define PG(n)         (TEST_VA + (n) * PAGE_SIZE)
#define PG_URW        PG(0)          /* U, R W */
#define PG_UR         PG(1)          /* U, R */
#define PG_UX         PG(2)          /* U, X only: word 0 `ret`, word 1 `ecall` */
#define PG_SRW        PG(3)          /* S, R W */
#define PG_SX         PG(4)          /* S, X only: `ret` */
#define PG_WONLY      PG(5)          /* S, W without R: reserved */
#define PG_AD         PG(6)          /* A/D checks */
#define PG_REMAP      PG(7)
#define PG_ASID       PG(8)
#define PG_NONE       PG(9)          /* never mapped */
#define PG_NONLEAF    PG(10)         /* V with R=W=X=0 at level 0 */
#define PG_SR         PG(11)         /* S, R only */
#define PG_UAD        PG(12)         /* U, R W, A/D left clear */
#define UNMAPPED_VA   0x50000128u    /* no level-1 entry at all */
#define MEGA_VA       0x41000000u    /* 4 MiB leaf -> TZ_RAM_BASE */
#define MEGA_BAD_VA   0x41400000u    /* 4 MiB leaf with PPN[0] != 0: misaligned */
#define WORD_OFF      0x124u         /* offset of the pattern word in a page */
#define PATTERN(n)    (0x600D0000u | (n))
#define ASID_MAIN     1u
#define ASID_OTHER    2u
#define USER_ECALL_OFF 4u            /* PG_UX: where U-mode jumps (an ecall) */
#define ECALL_INSN    0x00000073u

static pte_t *root, *root2;
static uint32_t frame[16];            /* backing frames, by test page number */
static uint32_t frame_b;              /* a second frame (remap, ASIDs) */
static uint32_t asid_bits;
static uint32_t ialign;              /* 32 or 16, found by check 9 */

static uint32_t satp_for(pte_t *r, uint32_t asid)
{
    return SATP_MODE_SV32 | ((asid & SATP_ASID_MASK) << SATP_ASID_SHIFT) |
           ((addr_of(r) >> PAGE_SHIFT) & SATP_PPN_MASK);
}

static pte_t *slot_of(pte_t *r, uint32_t va) { return pt_walk(r, va, 1); }

/* Write a raw leaf (flags include V/A/D as the check wants) and flush it. */
static void set_pte(pte_t *r, uint32_t va, uint32_t pa, uint32_t flags)
{
    pte_t *s = slot_of(r, va);
    if (!s)
        panic("privcheck: no memory for a page table");
    *s = pa ? (pa_to_pte(pa) | flags) : flags;
    probe_sfence_va(va);
}

static uint32_t new_frame(uint32_t n)
{
    uint32_t *p = page_alloc();
    if (!p)
        panic("privcheck: out of memory");
    p[WORD_OFF / 4] = PATTERN(n);
    return addr_of(p);
}

static void build_address_spaces(void)
{
    root = pt_create();
    root2 = pt_create();
    if (!root || !root2 || pt_map_kernel(root) != PT_OK || pt_map_kernel(root2) != PT_OK)
        panic("privcheck: cannot build page tables");
    /* U-mode programs: the .user pages, U R X; a U stack page. */
    for (uint32_t va = addr_of(__user_start); va < addr_of(__user_end); va += PAGE_SIZE)
        pt_protect(root, va, PTE_R | PTE_X | PTE_U);
    uint32_t ustack = addr_of(page_alloc());
    pt_protect(root, ustack, PTE_R | PTE_W | PTE_U);
    user_sp = ustack + PAGE_SIZE;

    for (uint32_t n = 0; n < ARRAY_SIZE(frame); n++)
        frame[n] = new_frame(n);
    frame_b = new_frame(0xB);
    uint32_t *ux = (uint32_t *)(uintptr_t)frame[2];
    ux[0] = probe_ret_insn[0];
    ux[USER_ECALL_OFF / 4] = ECALL_INSN;
    uint32_t *sx = (uint32_t *)(uintptr_t)frame[4];
    sx[0] = probe_ret_insn[0];

    const uint32_t ad = PTE_V | PTE_A | PTE_D;
    set_pte(root, PG_URW, frame[0], ad | PTE_U | PTE_R | PTE_W);
    set_pte(root, PG_UR, frame[1], ad | PTE_U | PTE_R);
    set_pte(root, PG_UX, frame[2], ad | PTE_U | PTE_X);
    set_pte(root, PG_SRW, frame[3], ad | PTE_R | PTE_W);
    set_pte(root, PG_SX, frame[4], ad | PTE_X);
    set_pte(root, PG_WONLY, frame[5], ad | PTE_W);
    set_pte(root, PG_AD, frame[6], PTE_V | PTE_R | PTE_W);
    set_pte(root, PG_REMAP, frame[7], ad | PTE_R | PTE_W);
    set_pte(root, PG_ASID, frame[8], ad | PTE_R | PTE_W);
    set_pte(root, PG_NONLEAF, frame[10], PTE_V);
    set_pte(root, PG_SR, frame[11], ad | PTE_R);
    set_pte(root, PG_UAD, frame[12], PTE_V | PTE_U | PTE_R | PTE_W);
    set_pte(root2, PG_ASID, frame_b, ad | PTE_R | PTE_W);
    /* Superpages: level-1 leaves, written straight into the roots. */
    root[MEGA_VA >> SV32_VPN1_SHIFT] = pa_to_pte(TZ_RAM_BASE) | PTE_V | PTE_R | PTE_W;
    root[MEGA_BAD_VA >> SV32_VPN1_SHIFT] = pa_to_pte(TZ_KERNEL_BASE) | ad | PTE_R | PTE_W;
}

static uint32_t frame_word(uint32_t n) { return *(volatile uint32_t *)(uintptr_t)(frame[n] + WORD_OFF); }

/* ======================= the checks ======================================== */

/* --- CSR instruction forms ---------------------------------------------------- */

static void c_csr_reg_forms(void)
{
    CSR_WRITE(sscratch, 0x12345678u);
    expect_eq("csrrw old", CSR_RW(sscratch, 0xCAFEF00Du), 0x12345678u);
    expect_eq("after csrrw", CSR_READ(sscratch), 0xCAFEF00Du);
    expect_eq("csrrs old", CSR_RS(sscratch, 0x00000FF0u), 0xCAFEF00Du);
    expect_eq("after csrrs", CSR_READ(sscratch), 0xCAFEFFFDu);
    expect_eq("csrrc old", CSR_RC(sscratch, 0xCAFE0000u), 0xCAFEFFFDu);
    expect_eq("after csrrc", CSR_READ(sscratch), 0x0000FFFDu);
    uint32_t v;
    __asm__ volatile("csrrs %0, sscratch, x0" : "=r"(v) :: "memory");
    expect_eq("csrrs rs1=x0 reads", v, 0x0000FFFDu);
    __asm__ volatile("csrrc %0, sscratch, x0" : "=r"(v) :: "memory");
    expect_eq("csrrc rs1=x0 reads", v, 0x0000FFFDu);
    expect_eq("rs1=x0 leaves the CSR", CSR_READ(sscratch), 0x0000FFFDu);
    /* rd = rs1: the old value must be read before the register is written. */
    v = 0x11111111u;
    __asm__ volatile("csrrw %0, sscratch, %0" : "+r"(v) :: "memory");
    expect_eq("csrrw rd=rs1 old", v, 0x0000FFFDu);
    expect_eq("csrrw rd=rs1 new", CSR_READ(sscratch), 0x11111111u);
    v = 0x0000F000u;
    __asm__ volatile("csrrs %0, sscratch, %0" : "+r"(v) :: "memory");
    expect_eq("csrrs rd=rs1 old", v, 0x11111111u);
    expect_eq("csrrs rd=rs1 new", CSR_READ(sscratch), 0x1111F111u);
    v = 0x00000111u;
    __asm__ volatile("csrrc %0, sscratch, %0" : "+r"(v) :: "memory");
    expect_eq("csrrc rd=rs1 old", v, 0x1111F111u);
    expect_eq("csrrc rd=rs1 new", CSR_READ(sscratch), 0x1111F000u);
    /* A high register number on both sides. */
    register uint32_t s11 __asm__("s11") = 0x0BADCAFEu;
    register uint32_t t6 __asm__("t6");
    __asm__ volatile("csrrw %0, sscratch, %1" : "=r"(t6) : "r"(s11) : "memory");
    expect_eq("csrrw t6, s11 old", t6, 0x1111F000u);
    expect_eq("csrrw t6, s11 new", CSR_READ(sscratch), 0x0BADCAFEu);
    CSR_WRITE(sscratch, 0);
}

static void c_csr_imm_forms(void)
{
    CSR_WRITE(sscratch, 0xFFFF0000u);
    expect_eq("csrrwi old", CSR_RWI(sscratch, 0x15), 0xFFFF0000u);
    expect_eq("after csrrwi", CSR_READ(sscratch), 0x15u);
    expect_eq("csrrsi old", CSR_RSI(sscratch, 0x0A), 0x15u);
    expect_eq("after csrrsi", CSR_READ(sscratch), 0x1Fu);
    expect_eq("csrrci old", CSR_RCI(sscratch, 0x11), 0x1Fu);
    expect_eq("after csrrci", CSR_READ(sscratch), 0x0Eu);
    expect_eq("csrrsi uimm=0 reads", CSR_RSI(sscratch, 0), 0x0Eu);
    expect_eq("csrrci uimm=0 reads", CSR_RCI(sscratch, 0), 0x0Eu);
    expect_eq("uimm=0 leaves the CSR", CSR_READ(sscratch), 0x0Eu);
    expect_eq("csrrwi 0 old", CSR_RWI(sscratch, 0), 0x0Eu);
    expect_eq("after csrrwi 0", CSR_READ(sscratch), 0u);
    (void)CSR_RWI(sscratch, 31);
    expect_eq("csrrwi 31", CSR_READ(sscratch), 31u);
    CSR_WRITE(sscratch, 0);
}

static void c_csr_rd_x0(void)
{
    uint32_t zero_after, got;
    __asm__ volatile("csrrw x0, sscratch, %2\n"
                     "csrrs x0, sscratch, %3\n"
                     "csrrc x0, sscratch, %4\n"
                     "mv %0, x0\n"
                     "csrrs %1, sscratch, x0"
                     : "=&r"(zero_after), "=&r"(got)
                     : "r"(0x5A5A0000u), "r"(0x000000FFu), "r"(0x5A000000u)
                     : "memory");
    expect_eq("x0 after csrrw/csrrs/csrrc x0", zero_after, 0);
    expect_eq("sscratch after rd=x0 writes", got, 0x005A00FFu);
    __asm__ volatile("csrrwi x0, sscratch, 0x13\n"
                     "csrrsi x0, sscratch, 0x0C\n"
                     "csrrci x0, sscratch, 0x01\n"
                     "add %0, x0, x0\n"
                     "csrr %1, sscratch"
                     : "=&r"(zero_after), "=&r"(got) :: "memory");
    expect_eq("x0 after csrr*i x0", zero_after, 0);
    expect_eq("sscratch after rd=x0 immediates", got, 0x1Eu);
    /* An instruction reading x0 after those must still see zero. */
    __asm__ volatile("csrrw x0, sscratch, x0\n csrr %0, sscratch" : "=r"(got) :: "memory");
    expect_eq("csrrw x0, sscratch, x0 writes 0", got, 0);
}

/* --- sstatus, sie, sip, stvec, sepc, scause, stval, scounteren, counters ------ */

static void c_sstatus_fields(void)
{
    static const struct { uint32_t bit; const char *name; } f[] = {
        { SSTATUS_SIE, "SIE" }, { SSTATUS_SPIE, "SPIE" }, { SSTATUS_SPP, "SPP" },
        { SSTATUS_SUM, "SUM" }, { SSTATUS_MXR, "MXR" },
    };
    const uint32_t orig = CSR_READ(sstatus);
    char buf[48];
    for (uint32_t i = 0; i < ARRAY_SIZE(f); i++) {
        (void)CSR_RC(sstatus, f[i].bit);
        uint32_t before = CSR_READ(sstatus);
        (void)CSR_RS(sstatus, f[i].bit);
        snprintf(buf, sizeof buf, "csrrs sstatus.%s", f[i].name);
        expect_eq(buf, CSR_READ(sstatus), before | f[i].bit);
        (void)CSR_RC(sstatus, f[i].bit);
        snprintf(buf, sizeof buf, "csrrc sstatus.%s", f[i].name);
        expect_eq(buf, CSR_READ(sstatus), before);
    }
    /* SIE is the only field within reach of the 5-bit immediate. */
    (void)CSR_RSI(sstatus, SSTATUS_SIE_IMM);
    expect("csrrsi sstatus, SIE sets SIE", (CSR_READ(sstatus) & SSTATUS_SIE) != 0);
    (void)CSR_RCI(sstatus, SSTATUS_SIE_IMM);
    expect("csrrci sstatus, SIE clears SIE", (CSR_READ(sstatus) & SSTATUS_SIE) == 0);
    CSR_WRITE(sstatus, orig);
}

static void c_sstatus_warl(void)
{
    const uint32_t orig = CSR_READ(sstatus);
    CSR_WRITE(sstatus, ALL_ONES);      /* sie = 0: setting SIE takes nothing */
    uint32_t ones = CSR_READ(sstatus);
    CSR_WRITE(sstatus, 0);
    uint32_t zeros = CSR_READ(sstatus);
    CSR_WRITE(sstatus, orig);
    expect_eq("sstatus after writing all ones (F/V state masked)",
              ones & ~SSTATUS_EXT_STATE, SSTATUS_S_WRITABLE);
    expect_eq("sstatus after writing 0 (F/V state masked)", zeros & ~SSTATUS_EXT_STATE, 0);
    expect_eq("sstatus restored", CSR_READ(sstatus), orig);
}

static void c_sie(void)
{
    (void)CSR_RS(sie, ALL_ONES);
    expect_eq("sie after csrrs all ones", CSR_READ(sie), SIE_S_ALL);
    (void)CSR_RC(sie, ALL_ONES);
    expect_eq("sie after csrrc all ones", CSR_READ(sie), 0);
    CSR_WRITE(sie, SIE_STIE | MIP_MTIP);
    expect_eq("sie: M-level bit ignored", CSR_READ(sie), SIE_STIE);
    CSR_WRITE(sie, 0);
}

static void c_sip(void)
{
    expect_eq("sip at rest", CSR_READ(sip), 0);
    (void)CSR_RS(sip, MIP_STIP | MIP_SEIP);
    expect_eq("sip: STIP/SEIP are read-only", CSR_READ(sip), 0);
    (void)CSR_RS(sip, ALL_ONES);
    expect_eq("sip after csrrs all ones: only SSIP", CSR_READ(sip), MIP_SSIP);
    (void)CSR_RCI(sip, MIP_SSIP);
    expect_eq("sip after csrrci SSIP", CSR_READ(sip), 0);
    expect_eq("sip set while masked: no interrupt taken", irq.count, 0);
}

static void c_stvec(void)
{
    const uint32_t orig = CSR_READ(stvec);
    CSR_WRITE(stvec, addr_of(vector_table) | STVEC_VECTORED);
    expect_eq("stvec vectored", CSR_READ(stvec), addr_of(vector_table) | STVEC_VECTORED);
    CSR_WRITE(stvec, ALL_ONES & ~STVEC_MODE_MASK);
    expect_eq("stvec direct, BASE all ones", CSR_READ(stvec), ALL_ONES & ~STVEC_MODE_MASK);
    CSR_WRITE(stvec, addr_of(vector_table) | 2u);
    expect("stvec reserved MODE 2 reads back a legal MODE (0 or 1)",
           (CSR_READ(stvec) & STVEC_MODE_MASK) < 2u);
    CSR_WRITE(stvec, orig);
    expect_eq("stvec restored", CSR_READ(stvec), orig);
}

static void c_jump_2aligned(void)
{
    arm();
    uint32_t r = probe_jump_2aligned();
    if (exc.count) {
        /* IALIGN = 32: the jump itself traps, stval = the target. */
        expect_trap("jump", CAUSE_MISALIGNED_FETCH, addr_of(probe_jump_insn),
                    addr_of(probe_jump_target));
        ialign = 32;
    } else {
        expect_eq("jump ran the compressed nop and returned", r, 0);
        ialign = 16;
    }
}

static void c_sepc(void)
{
    CSR_WRITE(sepc, ALL_ONES);
    uint32_t v = CSR_READ(sepc);
    /* sepc[0] is always zero, and with IALIGN = 32 so is sepc[1]
     * (supervisor.adoc, "sepc"). QEMU 7.2 (IALIGN = 16) keeps bit 0 as
     * written and clears it only when SRET uses sepc, so on a machine with
     * compressed instructions bit 0 is not held against it. */
    if (ialign == 32)
        expect_eq("sepc bits 1:0 (IALIGN = 32)", v & 3u, 0);
    else
        expect_eq("sepc bit 1 (IALIGN = 16)", v & 2u, 2u);
    expect_eq("sepc bits 31:2", v & ~3u, ALL_ONES & ~3u);
    CSR_WRITE(sepc, 0x80201234u);
    expect_eq("sepc holds an aligned address", CSR_READ(sepc), 0x80201234u);
}

static void c_scause_stval(void)
{
    CSR_WRITE(scause, CAUSE_INTERRUPT | IRQ_S_TIMER);
    expect_eq("scause interrupt|5", CSR_READ(scause), CAUSE_INTERRUPT | IRQ_S_TIMER);
    CSR_WRITE(scause, CAUSE_STORE_PAGE_FAULT);
    expect_eq("scause 15", CSR_READ(scause), CAUSE_STORE_PAGE_FAULT);
    CSR_WRITE(stval, ALL_ONES);
    expect_eq("stval all ones", CSR_READ(stval), ALL_ONES);
    (void)CSR_RC(stval, 0xEDCBA987u);
    expect_eq("stval after csrrc", CSR_READ(stval), 0x12345678u);
}

static void c_scounteren(void)
{
    const uint32_t orig = CSR_READ(scounteren);
    const uint32_t open = COUNTEREN_CY | COUNTEREN_TM | COUNTEREN_IR;
    CSR_WRITE(scounteren, open);
    expect_eq("scounteren CY|TM|IR", CSR_READ(scounteren) & open, open);
    (void)CSR_RCI(scounteren, COUNTEREN_TM);
    expect_eq("scounteren after csrrci TM", CSR_READ(scounteren) & open, COUNTEREN_CY | COUNTEREN_IR);
    CSR_WRITE(scounteren, 0);
    expect_eq("scounteren 0", CSR_READ(scounteren) & open, 0);
    CSR_WRITE(scounteren, orig);
}

#define COUNTER_LOOP 1000u          /* iterations (each retires several instructions) */

static void c_counters(void)
{
    uint64_t c1 = read_counter64(0), i1 = read_counter64(1), t1 = read_counter64(2);
    volatile uint32_t spin = 0;
    for (uint32_t i = 0; i < COUNTER_LOOP; i++)
        spin += i;
    uint64_t c2 = read_counter64(0), i2 = read_counter64(1), t2 = read_counter64(2);
    expect("cycle counts up", c2 > c1);
    expect("instret counts up", i2 > i1);
    expect("instret advanced by at least the loop", i2 - i1 >= COUNTER_LOOP);
    expect("time does not go backwards", t2 >= t1);
}

static void c_illegal_m_csr(void)
{
    arm();
    uint32_t r = probe_csrr_mstatus();
    expect_trap("csrr mstatus", CAUSE_ILLEGAL_INSTRUCTION, addr_of(probe_csrr_mstatus),
                insn_at(probe_csrr_mstatus));
    expect_eq("csrr mstatus result", r, PROBE_POISON);
    arm();
    (void)probe_csrr_mhartid();
    expect_trap("csrr mhartid", CAUSE_ILLEGAL_INSTRUCTION, addr_of(probe_csrr_mhartid),
                insn_at(probe_csrr_mhartid));
    arm();
    (void)probe_csrw_mtvec(addr_of(trap_entry));
    expect_trap("csrw mtvec", CAUSE_ILLEGAL_INSTRUCTION, addr_of(probe_csrw_mtvec),
                insn_at(probe_csrw_mtvec));
    arm();
    (void)probe_csrr_custom();
    expect_trap("csrr 0x5c0", CAUSE_ILLEGAL_INSTRUCTION, addr_of(probe_csrr_custom),
                insn_at(probe_csrr_custom));
}

static void c_readonly_csr(void)
{
    arm();
    (void)probe_csrw_cycle(0);
    expect_trap("csrw cycle", CAUSE_ILLEGAL_INSTRUCTION, addr_of(probe_csrw_cycle),
                insn_at(probe_csrw_cycle));
    arm();
    (void)probe_csrrs_cycle_nonzero(1);
    expect_trap("csrrs cycle, a0=1", CAUSE_ILLEGAL_INSTRUCTION, addr_of(probe_csrrs_cycle_nonzero),
                insn_at(probe_csrrs_cycle_nonzero));
    arm();
    (void)probe_csrrs_cycle_x0();
    expect_no_trap("csrrs cycle, x0");
    arm();
    (void)probe_csrrsi_cycle_0();
    expect_no_trap("csrrsi cycle, 0");
}

static void c_sret_to_s(void)
{
    (void)CSR_RS(sstatus, SSTATUS_SPP | SSTATUS_SPIE);
    (void)CSR_RC(sstatus, SSTATUS_SIE);
    uint32_t st = probe_sret_s();
    expect_eq("after sret (SPIE=1): SIE", st & SSTATUS_SIE, SSTATUS_SIE);
    expect_eq("after sret: SPIE", st & SSTATUS_SPIE, SSTATUS_SPIE);
    expect_eq("after sret: SPP", st & SSTATUS_SPP, 0);
    expect_eq("sepc unchanged by sret", CSR_READ(sepc), addr_of(probe_sret_landing));
    (void)CSR_RS(sstatus, SSTATUS_SPP | SSTATUS_SIE);
    (void)CSR_RC(sstatus, SSTATUS_SPIE);
    st = probe_sret_s();
    expect_eq("after sret (SPIE=0): SIE", st & SSTATUS_SIE, 0);
    expect_eq("after sret (SPIE=0): SPIE", st & SSTATUS_SPIE, SSTATUS_SPIE);
    expect_eq("after sret (SPIE=0): SPP", st & SSTATUS_SPP, 0);
    expect_eq("no trap", exc.count + irq.count, 0);
}

static void c_ebreak_s(void)
{
    arm();
    (void)probe_ebreak();
    expect_eq("ebreak traps", exc.count, 1);
    expect_eq("ebreak scause", exc.scause, CAUSE_BREAKPOINT);
    expect_eq("ebreak sepc", exc.sepc, addr_of(probe_ebreak));
    expect("ebreak stval is 0 or its address",
           exc.stval == 0 || exc.stval == addr_of(probe_ebreak));
    expect_eq("ebreak: SPP = S", exc.sstatus & SSTATUS_SPP, SSTATUS_SPP);
}

static void c_illegal_s(void)
{
    arm();
    (void)probe_illegal();
    expect_trap("reserved opcode", CAUSE_ILLEGAL_INSTRUCTION, addr_of(probe_illegal),
                insn_at(probe_illegal));
}

/* A misaligned access either traps (cause 4/6, stval = the address) or is
 * carried out in full (the spec allows both); either way nothing else. */
static uint8_t mis_buf[16] __attribute__((aligned(16)));

static void c_misaligned_ls(void)
{
    for (uint32_t i = 0; i < sizeof mis_buf; i++)
        mis_buf[i] = (uint8_t)(0x10 + i);
    const uint32_t a = addr_of(mis_buf);
    arm();
    uint32_t v = probe_lw(a + 1);
    if (exc.count)
        expect_trap("lw +1", CAUSE_MISALIGNED_LOAD, addr_of(probe_lw), a + 1);
    else
        expect_eq("lw +1 done in hardware", v, 0x14131211u);
    arm();
    v = probe_lh(a + 3);
    if (exc.count)
        expect_trap("lh +3", CAUSE_MISALIGNED_LOAD, addr_of(probe_lh), a + 3);
    else
        expect_eq("lh +3 done in hardware", v, 0x1413u);
    arm();
    (void)probe_sw(a + 6, 0xA1B2C3D4u);
    if (exc.count) {
        expect_trap("sw +6", CAUSE_MISALIGNED_STORE, addr_of(probe_sw), a + 6);
        expect_eq("sw +6 left memory alone", mis_buf[6] | (mis_buf[9] << 8), 0x1916u);
    } else {
        expect_eq("sw +6 done in hardware",
                  mis_buf[6] | (mis_buf[7] << 8) | (mis_buf[8] << 16) | ((uint32_t)mis_buf[9] << 24),
                  0xA1B2C3D4u);
    }
    arm();
    (void)probe_sh(a + 11, 0xBEEFu);
    if (exc.count) {
        expect_trap("sh +11", CAUSE_MISALIGNED_STORE, addr_of(probe_sh), a + 11);
        expect_eq("sh +11 left memory alone", mis_buf[11] | (mis_buf[12] << 8), 0x1C1Bu);
    } else {
        expect_eq("sh +11 done in hardware", mis_buf[11] | (mis_buf[12] << 8), 0xBEEFu);
    }
}

/* LR/SC/AMOs must be naturally aligned: address-misaligned, or access fault
 * (a-st-ext.adoc, "Atomic Memory Operations"). */
static void c_misaligned_amo(void)
{
    const uint32_t a = addr_of(mis_buf) + 2;
    *(volatile uint32_t *)(uintptr_t)(a + 2) = 0x11223344u;
    arm();
    (void)probe_lr(a);
    expect_eq("lr.w misaligned traps", exc.count, 1);
    if (exc.scause != CAUSE_MISALIGNED_LOAD && exc.scause != CAUSE_LOAD_ACCESS)
        expect_eq("lr.w misaligned: scause (want 4 or 5)", exc.scause, CAUSE_MISALIGNED_LOAD);
    expect_eq("lr.w stval", exc.stval, a);
    expect_eq("lr.w sepc", exc.sepc, addr_of(probe_lr));
    arm();
    (void)probe_amoswap(a, 0);
    expect_eq("amoswap.w misaligned traps", exc.count, 1);
    /* An AMO faults as a store ("Store/AMO address misaligned", cause 6, or
     * access fault, 7). QEMU 7.2 reports it as a load (4); it is the one
     * reference machine here with compressed instructions, so that is
     * tolerated only when IALIGN = 16 and the check stays strict on
     * trapeze and under the VMM (both IALIGN = 32). */
    const int tolerate_load_cause = ialign == 16 && exc.scause == CAUSE_MISALIGNED_LOAD;
    if (exc.scause != CAUSE_MISALIGNED_STORE && exc.scause != CAUSE_STORE_ACCESS &&
        !tolerate_load_cause)
        expect_eq("amoswap.w misaligned: scause (want 6 or 7)", exc.scause, CAUSE_MISALIGNED_STORE);
    expect_eq("amoswap.w stval", exc.stval, a);
    expect_eq("amoswap.w left memory alone", *(volatile uint32_t *)(uintptr_t)(a + 2), 0x11223344u);
}

#define FIRMWARE_ADDR    TZ_RAM_BASE  /* PMP-protected natively */
#define BEYOND_RAM_ADDR  0x90000000u  /* nothing wired here on the virt board */

static void c_access_faults(void)
{
    arm();
    (void)probe_lw(FIRMWARE_ADDR + 0x40);
    expect_trap("load firmware", CAUSE_LOAD_ACCESS, addr_of(probe_lw), FIRMWARE_ADDR + 0x40);
    arm();
    (void)probe_sw(FIRMWARE_ADDR + 0x44, 0);
    expect_trap("store firmware", CAUSE_STORE_ACCESS, addr_of(probe_sw), FIRMWARE_ADDR + 0x44);
    arm();
    (void)probe_exec(FIRMWARE_ADDR);
    expect_trap("fetch firmware", CAUSE_FETCH_ACCESS, FIRMWARE_ADDR, FIRMWARE_ADDR);
    arm();
    (void)probe_sw(BEYOND_RAM_ADDR + 8, 0);
    expect_trap("store beyond RAM", CAUSE_STORE_ACCESS, addr_of(probe_sw), BEYOND_RAM_ADDR + 8);
}

/* --- interrupts ------------------------------------------------------------------ */

static void c_wfi_timer(void)
{
    const uint32_t before = irq.count;
    CSR_WRITE(sie, SIE_STIE);
    arm_timer_soon();
    expect("timer pending after WFI (SIE = 0)", wait_pending(MIP_STIP, 1));
    expect_eq("WFI with SIE = 0 takes no interrupt", irq.count - before, 0);
    sbi_set_timer(UINT64_MAX);
    expect_eq("set_timer clears STIP", CSR_READ(sip) & MIP_STIP, 0);
    CSR_WRITE(sie, 0);
}

#define SETTLE_POLLS 100u

static void c_sti_sie(void)
{
    const uint32_t before = irq.count;
    CSR_WRITE(sie, SIE_STIE);
    arm_timer_soon();
    expect("STIP becomes pending", wait_pending(MIP_STIP, 0));
    for (volatile uint32_t i = 0; i < SETTLE_POLLS; i++)
        (void)CSR_READ(sip);      /* a pending STI stays pending, untaken */
    expect_eq("pending STI not taken while SIE = 0", irq.count - before, 0);
    (void)probe_enable_sie();
    expect_eq("STI taken once SIE is set", irq.count - before, 1);
    expect_eq("scause", irq.scause, CAUSE_INTERRUPT | IRQ_S_TIMER);
    expect_eq("sepc: the instruction after the csrsi", irq.sepc, addr_of(probe_sie_after));
    expect_eq("sstatus.SPP/SPIE at the interrupt", irq.sstatus & (SSTATUS_SPP | SSTATUS_SPIE),
              SSTATUS_SPP | SSTATUS_SPIE);
    expect_eq("STIP clear after set_timer", CSR_READ(sip) & MIP_STIP, 0);
    CSR_WRITE(sie, 0);
}

static void c_sti_stie(void)
{
    const uint32_t before = irq.count;
    CSR_WRITE(sie, 0);
    (void)CSR_RSI(sstatus, SSTATUS_SIE_IMM);
    arm_timer_soon();
    int pending = wait_pending(MIP_STIP, 0);
    (void)CSR_RCI(sstatus, SSTATUS_SIE_IMM);
    expect("STIP becomes pending", pending);
    expect_eq("STI not taken while sie.STIE = 0 (SIE = 1)", irq.count - before, 0);
    CSR_WRITE(sie, SIE_STIE);
    (void)probe_enable_sie();
    expect_eq("STI taken once STIE and SIE are set", irq.count - before, 1);
    expect_eq("scause", irq.scause, CAUSE_INTERRUPT | IRQ_S_TIMER);
    CSR_WRITE(sie, 0);
}

static void c_ssi(void)
{
    const uint32_t before = irq.count;
    (void)CSR_RS(sip, MIP_SSIP);
    CSR_WRITE(sie, SIE_SSIE);
    expect_eq("SSIP pending", CSR_READ(sip), MIP_SSIP);
    expect_eq("SSI not taken while SIE = 0", irq.count - before, 0);
    (void)probe_enable_sie();
    expect_eq("SSI taken once SIE is set", irq.count - before, 1);
    expect_eq("scause", irq.scause, CAUSE_INTERRUPT | IRQ_S_SOFT);
    expect_eq("sepc: the instruction after the csrsi", irq.sepc, addr_of(probe_sie_after));
    expect_eq("sip after the handler cleared SSIP", CSR_READ(sip), 0);
    CSR_WRITE(sie, 0);
}

static void c_vectored(void)
{
    const uint32_t orig = CSR_READ(stvec);
    const uint32_t h0 = vector_hits[0], h1 = vector_hits[1], before = irq.count;
    CSR_WRITE(stvec, addr_of(vector_table) | STVEC_VECTORED);
    (void)CSR_RS(sip, MIP_SSIP);
    CSR_WRITE(sie, SIE_SSIE);
    (void)probe_enable_sie();
    CSR_WRITE(sie, 0);
    arm();
    (void)probe_ebreak();
    CSR_WRITE(stvec, orig);
    expect_eq("SSI taken", irq.count - before, 1);
    expect_eq("SSI entered at BASE + 4*1", vector_hits[1] - h1, 1);
    expect_eq("ebreak entered at BASE (exceptions are not vectored)", vector_hits[0] - h0, 1);
    expect_eq("ebreak scause", exc.scause, CAUSE_BREAKPOINT);
}

/* --- paging ----------------------------------------------------------------------- */

/*
 * satp (supervisor.adoc, "Supervisor Address Translation and Protection"):
 * on RV32 MODE is one bit and both values (Bare, Sv32) are supported, so
 * there is no unsupported MODE whose write would have to be ignored. ASID is
 * WARL: ASIDLEN bits are implemented from bit 0 up, found by writing ones.
 */
static void c_satp(void)
{
    const uint32_t want = satp_for(root, SATP_ASID_MASK);
    CSR_WRITE(satp, want);
    probe_sfence_all();
    uint32_t v = CSR_READ(satp);
    expect_eq("satp MODE and PPN read back", v & ~SATP_ASID_FIELD, want & ~SATP_ASID_FIELD);
    uint32_t asid = (v & SATP_ASID_FIELD) >> SATP_ASID_SHIFT;
    expect("ASID bits implemented from bit 0 up (ASIDLEN)", (asid & (asid + 1)) == 0);
    asid_bits = 0;
    while (asid >> asid_bits)
        asid_bits++;
    CSR_WRITE(satp, satp_for(root, ASID_MAIN));
    probe_sfence_all();
    expect_eq("satp with ASID 1", CSR_READ(satp) & ~SATP_ASID_FIELD,
              satp_for(root, ASID_MAIN) & ~SATP_ASID_FIELD);
    expect_eq("kernel memory reads through the identity map", insn_at(probe_ret_insn), 0x00008067u);
}

static void c_u_ecall(void)
{
    run_user(u_ecall, 0, 0, 1);
    expect_user("ecall", CAUSE_USER_ECALL, addr_of(u_ecall_insn), 0);
    expect_eq("ecall: a0 set in U-mode", utrap.a0, 0x55u);
    expect_eq("ecall: SPP = U", utrap.sstatus & SSTATUS_SPP, 0);
    expect_eq("ecall: SPIE = SIE in U (1)", utrap.sstatus & SSTATUS_SPIE, SSTATUS_SPIE);
    run_user(u_ecall, 0, 0, 0);
    expect_eq("ecall: SPIE = SIE in U (0)", utrap.sstatus & SSTATUS_SPIE, 0);
    expect_eq("ecall: scause again", utrap.scause, CAUSE_USER_ECALL);
}

static void c_u_ebreak_illegal(void)
{
    run_user(u_ebreak, 0, 0, 0);
    expect_eq("U ebreak scause", utrap.scause, CAUSE_BREAKPOINT);
    expect_eq("U ebreak sepc", utrap.sepc, addr_of(u_ebreak));
    expect("U ebreak stval is 0 or its address", utrap.stval == 0 || utrap.stval == addr_of(u_ebreak));
    run_user(u_illegal, 0, 0, 0);
    expect_user("U reserved opcode", CAUSE_ILLEGAL_INSTRUCTION, addr_of(u_illegal), insn_at(u_illegal));
}

static void c_u_privileged(void)
{
    static const struct { const char *entry, *name; } p[] = {
        { u_csrr_sstatus, "U csrr sstatus" }, { u_sret, "U sret" },
        { u_sfence, "U sfence.vma" }, { u_wfi, "U wfi" },
    };
    for (uint32_t i = 0; i < ARRAY_SIZE(p); i++) {
        run_user(p[i].entry, 0, 0, 0);
        expect_user(p[i].name, CAUSE_ILLEGAL_INSTRUCTION, addr_of(p[i].entry), insn_at(p[i].entry));
    }
}

static void c_u_counters(void)
{
    static const struct { const char *entry, *name; uint32_t bit; } p[] = {
        { u_rdcycle, "U rdcycle", COUNTEREN_CY }, { u_rdtime, "U rdtime", COUNTEREN_TM },
        { u_rdinstret, "U rdinstret", COUNTEREN_IR },
    };
    const uint32_t orig = CSR_READ(scounteren);
    char buf[64];
    for (uint32_t i = 0; i < ARRAY_SIZE(p); i++) {
        CSR_WRITE(scounteren, 0);
        run_user(p[i].entry, 0, 0, 0);
        snprintf(buf, sizeof buf, "%s, scounteren bit clear", p[i].name);
        expect_user(buf, CAUSE_ILLEGAL_INSTRUCTION, addr_of(p[i].entry), insn_at(p[i].entry));
        CSR_WRITE(scounteren, p[i].bit);
        run_user(p[i].entry, 0, 0, 0);
        snprintf(buf, sizeof buf, "%s, scounteren bit set", p[i].name);
        expect_user(buf, CAUSE_USER_ECALL, addr_of(p[i].entry) + INSN_BYTES, 0);
    }
    CSR_WRITE(scounteren, orig);
}

static void c_u_unmapped(void)
{
    const uint32_t va = PG_NONE + WORD_OFF;
    run_user(u_load, va, 0, 0);
    expect_user("U load unmapped", CAUSE_LOAD_PAGE_FAULT, addr_of(u_load), va);
    run_user(u_store, va + 4, 1, 0);
    expect_user("U store unmapped", CAUSE_STORE_PAGE_FAULT, addr_of(u_store), va + 4);
    run_user(u_exec, va + 8, 0, 0);
    expect_user("U fetch unmapped", CAUSE_FETCH_PAGE_FAULT, va + 8, va + 8);
    run_user(u_load, UNMAPPED_VA, 0, 0);
    expect_user("U load, no level-1 entry", CAUSE_LOAD_PAGE_FAULT, addr_of(u_load), UNMAPPED_VA);
}

static void c_u_s_page(void)
{
    run_user(u_load, PG_SRW + WORD_OFF, 0, 0);
    expect_user("U load S page", CAUSE_LOAD_PAGE_FAULT, addr_of(u_load), PG_SRW + WORD_OFF);
    run_user(u_store, PG_SRW + WORD_OFF, 7, 0);
    expect_user("U store S page", CAUSE_STORE_PAGE_FAULT, addr_of(u_store), PG_SRW + WORD_OFF);
    expect_eq("S page unchanged", frame_word(3), PATTERN(3));
    run_user(u_exec, PG_SX, 0, 0);
    expect_user("U fetch S page", CAUSE_FETCH_PAGE_FAULT, PG_SX, PG_SX);
    /* Even the kernel's own code, with X set: */
    run_user(u_exec, addr_of(probe_lw), 0, 0);
    expect_user("U fetch kernel text", CAUSE_FETCH_PAGE_FAULT, addr_of(probe_lw), addr_of(probe_lw));
}

static void c_u_perms(void)
{
    run_user(u_load, PG_URW + WORD_OFF, 0, 0);
    expect_eq("U load U page", utrap.scause, CAUSE_USER_ECALL);
    expect_eq("U load U page value", utrap.a0, PATTERN(0));
    run_user(u_store, PG_URW + WORD_OFF + 4, 0x7777u, 0);
    expect_eq("U store U page", utrap.scause, CAUSE_USER_ECALL);
    expect_eq("U store reached memory", *(volatile uint32_t *)(uintptr_t)(frame[0] + WORD_OFF + 4), 0x7777u);
    run_user(u_store, PG_UR + WORD_OFF, 0x7777u, 0);
    expect_user("U store read-only page", CAUSE_STORE_PAGE_FAULT, addr_of(u_store), PG_UR + WORD_OFF);
    expect_eq("read-only page unchanged", frame_word(1), PATTERN(1));
    run_user(u_exec, PG_UR, 0, 0);
    expect_user("U fetch non-X page", CAUSE_FETCH_PAGE_FAULT, PG_UR, PG_UR);
    run_user(u_exec, PG_UX + USER_ECALL_OFF, 0, 0);
    expect_user("U fetch X-only page", CAUSE_USER_ECALL, PG_UX + USER_ECALL_OFF, 0);
}

static void c_u_mxr(void)
{
    run_user(u_load, PG_UX + WORD_OFF, 0, 0);
    expect_user("U load X-only page, MXR = 0", CAUSE_LOAD_PAGE_FAULT, addr_of(u_load), PG_UX + WORD_OFF);
    (void)CSR_RS(sstatus, SSTATUS_MXR);
    run_user(u_load, PG_UX + WORD_OFF, 0, 0);
    (void)CSR_RC(sstatus, SSTATUS_MXR);
    expect_eq("U load X-only page, MXR = 1", utrap.scause, CAUSE_USER_ECALL);
    expect_eq("U load X-only page value", utrap.a0, PATTERN(2));
}

static void c_sum(void)
{
    const uint32_t va = PG_URW + WORD_OFF;
    (void)CSR_RC(sstatus, SSTATUS_SUM);
    arm();
    (void)probe_lw(va);
    expect_trap("S load U page, SUM = 0", CAUSE_LOAD_PAGE_FAULT, addr_of(probe_lw), va);
    arm();
    (void)probe_sw(va, 1);
    expect_trap("S store U page, SUM = 0", CAUSE_STORE_PAGE_FAULT, addr_of(probe_sw), va);
    (void)CSR_RS(sstatus, SSTATUS_SUM);
    arm();
    uint32_t v = probe_lw(va);
    expect_no_trap("S load U page, SUM = 1");
    expect_eq("S load U page value", v, PATTERN(0));
    arm();
    (void)probe_sw(va + 8, 0x5151u);
    expect_no_trap("S store U page, SUM = 1");
    expect_eq("S store reached memory", *(volatile uint32_t *)(uintptr_t)(frame[0] + WORD_OFF + 8), 0x5151u);
    (void)CSR_RC(sstatus, SSTATUS_SUM);
}

static void c_s_exec_u(void)
{
    for (uint32_t sum = 0; sum <= 1; sum++) {
        if (sum)
            (void)CSR_RS(sstatus, SSTATUS_SUM);
        arm();
        (void)probe_exec(PG_UX);
        (void)CSR_RC(sstatus, SSTATUS_SUM);
        expect_trap(sum ? "S fetch U page, SUM = 1" : "S fetch U page, SUM = 0",
                    CAUSE_FETCH_PAGE_FAULT, PG_UX, PG_UX);
    }
}

static void c_s_exec_perm(void)
{
    arm();
    (void)probe_exec(PG_SRW);
    expect_trap("S fetch R W page", CAUSE_FETCH_PAGE_FAULT, PG_SRW, PG_SRW);
    arm();
    uint32_t r = probe_exec(PG_SX);
    expect_no_trap("S fetch X-only page");
    expect_eq("S fetch X-only page returned", r, PG_SX);
}

static void c_s_mxr(void)
{
    arm();
    (void)probe_lw(PG_SX + WORD_OFF);
    expect_trap("S load X-only page, MXR = 0", CAUSE_LOAD_PAGE_FAULT, addr_of(probe_lw), PG_SX + WORD_OFF);
    (void)CSR_RS(sstatus, SSTATUS_MXR);
    arm();
    uint32_t v = probe_lw(PG_SX);
    (void)CSR_RC(sstatus, SSTATUS_MXR);
    expect_no_trap("S load X-only page, MXR = 1");
    expect_eq("value read through MXR", v, probe_ret_insn[0]);
    arm();
    (void)CSR_RS(sstatus, SSTATUS_MXR);
    (void)probe_sw(PG_SX + WORD_OFF, 0);
    (void)CSR_RC(sstatus, SSTATUS_MXR);
    expect_trap("S store X-only page, MXR = 1", CAUSE_STORE_PAGE_FAULT, addr_of(probe_sw), PG_SX + WORD_OFF);
}

static void c_s_readonly(void)
{
    arm();
    uint32_t v = probe_lw(PG_SR + WORD_OFF);
    expect_no_trap("S load read-only page");
    expect_eq("value", v, PATTERN(11));
    arm();
    (void)probe_sw(PG_SR + WORD_OFF, 0x1234u);
    expect_trap("S store read-only page", CAUSE_STORE_PAGE_FAULT, addr_of(probe_sw), PG_SR + WORD_OFF);
    expect_eq("read-only page unchanged", frame_word(11), PATTERN(11));
    arm();
    (void)probe_amoswap(PG_SR + WORD_OFF, 0x1234u);
    expect_trap("AMO to read-only page", CAUSE_STORE_PAGE_FAULT, addr_of(probe_amoswap), PG_SR + WORD_OFF);
}

static void c_w_without_r(void)
{
    arm();
    (void)probe_lw(PG_WONLY + WORD_OFF);
    expect_trap("load W-only PTE", CAUSE_LOAD_PAGE_FAULT, addr_of(probe_lw), PG_WONLY + WORD_OFF);
    arm();
    (void)probe_sw(PG_WONLY + WORD_OFF, 0);
    expect_trap("store W-only PTE", CAUSE_STORE_PAGE_FAULT, addr_of(probe_sw), PG_WONLY + WORD_OFF);
    expect_eq("W-only page unchanged", frame_word(5), PATTERN(5));
}

static void c_nonleaf_level0(void)
{
    arm();
    (void)probe_lw(PG_NONLEAF + WORD_OFF);
    expect_trap("load through a level-0 pointer PTE", CAUSE_LOAD_PAGE_FAULT, addr_of(probe_lw),
                PG_NONLEAF + WORD_OFF);
    arm();
    (void)probe_lw(PG_NONE + WORD_OFF);
    expect_trap("load invalid PTE", CAUSE_LOAD_PAGE_FAULT, addr_of(probe_lw), PG_NONE + WORD_OFF);
}

/* A and D: set by the walk (trapeze and QEMU both update them in memory;
 * supervisor.adoc "Virtual Address Translation Process" step 7). */
static void c_ad_bits(void)
{
    pte_t *pte = slot_of(root, PG_AD);
    const pte_t base = *pte & ~(PTE_A | PTE_D);
    arm();
    uint32_t v = probe_lw(PG_AD + WORD_OFF);
    expect_no_trap("load");
    expect_eq("load value", v, PATTERN(6));
    expect_eq("after a load: A set, D clear", *pte & (PTE_A | PTE_D), PTE_A);
    arm();
    (void)probe_sw(PG_AD + WORD_OFF, 0x4242u);
    expect_no_trap("store");
    expect_eq("after a store: A and D set", *pte & (PTE_A | PTE_D), PTE_A | PTE_D);
    /* A first access that is a store sets both at once. */
    *pte = base;
    probe_sfence_va(PG_AD);
    arm();
    (void)probe_sw(PG_AD + WORD_OFF, 0x4343u);
    expect_eq("after a first store: A and D set", *pte & (PTE_A | PTE_D), PTE_A | PTE_D);
    expect_eq("store value", frame_word(6), 0x4343u);
    /* Software clears A (as a page-replacement clock does): the next access sets it again. */
    *pte = base | PTE_D;
    probe_sfence_va(PG_AD);
    (void)probe_lw(PG_AD + WORD_OFF);
    expect_eq("A set again after being cleared", *pte & PTE_A, PTE_A);
}

static void c_ad_fault(void)
{
    pte_t *pte = slot_of(root, PG_AD);
    *pte = (*pte & ~(PTE_A | PTE_D | PTE_W));      /* read-only, never accessed */
    probe_sfence_va(PG_AD);
    arm();
    (void)probe_sw(PG_AD + WORD_OFF, 0);
    expect_trap("store to a read-only page", CAUSE_STORE_PAGE_FAULT, addr_of(probe_sw), PG_AD + WORD_OFF);
    expect_eq("a faulting access sets neither A nor D", *pte & (PTE_A | PTE_D), 0);
    /* U-mode accesses set A/D too. */
    pte_t *upte = slot_of(root, PG_UAD);
    run_user(u_load, PG_UAD + WORD_OFF, 0, 0);
    expect_eq("U load value", utrap.a0, PATTERN(12));
    expect_eq("after a U load: A set, D clear", *upte & (PTE_A | PTE_D), PTE_A);
    run_user(u_store, PG_UAD + WORD_OFF, 0x99u, 0);
    expect_eq("U store", utrap.scause, CAUSE_USER_ECALL);
    expect_eq("after a U store: A and D set", *upte & (PTE_A | PTE_D), PTE_A | PTE_D);
}

static void c_megapage(void)
{
    static volatile uint32_t mega_target;
    mega_target = 0x3E6A0001u;
    const uint32_t off = addr_of((const void *)&mega_target) - TZ_RAM_BASE;
    pte_t *l1 = &root[MEGA_VA >> SV32_VPN1_SHIFT];
    arm();
    uint32_t v = probe_lw(MEGA_VA + off);
    expect_no_trap("load through the 4 MiB page");
    expect_eq("value through the 4 MiB page", v, 0x3E6A0001u);
    expect_eq("level-1 leaf after a load: A set, D clear", *l1 & (PTE_A | PTE_D), PTE_A);
    arm();
    (void)probe_sw(MEGA_VA + off, 0x3E6A0002u);
    expect_no_trap("store through the 4 MiB page");
    expect_eq("store seen through the identity map", mega_target, 0x3E6A0002u);
    expect_eq("level-1 leaf after a store: A and D set", *l1 & (PTE_A | PTE_D), PTE_A | PTE_D);
    /* A 4 KiB-granular offset inside the superpage (VPN[0] != 0). */
    arm();
    v = probe_lw(MEGA_VA + (addr_of(probe_ret_insn) - TZ_RAM_BASE));
    expect_eq("code word through the 4 MiB page", v, probe_ret_insn[0]);
}

static void c_megapage_misaligned(void)
{
    const uint32_t va = MEGA_BAD_VA + 0x3000u + WORD_OFF;
    arm();
    (void)probe_lw(va);
    expect_trap("load via misaligned superpage", CAUSE_LOAD_PAGE_FAULT, addr_of(probe_lw), va);
    arm();
    (void)probe_sw(va, 0);
    expect_trap("store via misaligned superpage", CAUSE_STORE_PAGE_FAULT, addr_of(probe_sw), va);
}

static void c_remap(void)
{
    const uint32_t va = PG_REMAP + WORD_OFF;
    expect_eq("before remap", probe_lw(va), PATTERN(7));
    pte_t *pte = slot_of(root, PG_REMAP);
    const uint32_t flags = *pte & ((1u << PTE_PPN_SHIFT) - 1u);
    *pte = pa_to_pte(frame_b) | flags;
    probe_sfence_va(va);
    expect_eq("after remap + sfence.vma va", probe_lw(va), PATTERN(0xB));
    *pte = pa_to_pte(frame[7]) | flags;
    probe_sfence_all();
    expect_eq("after remap + sfence.vma", probe_lw(va), PATTERN(7));
    *pte = pa_to_pte(frame_b) | flags;
    probe_sfence_asid(0, ASID_MAIN);
    expect_eq("after remap + sfence.vma x0, asid", probe_lw(va), PATTERN(0xB));
    *pte = 0;
    probe_sfence_va(va);
    arm();
    (void)probe_lw(va);
    expect_trap("after unmap + sfence.vma va", CAUSE_LOAD_PAGE_FAULT, addr_of(probe_lw), va);
    *pte = pa_to_pte(frame[7]) | flags;
    probe_sfence_va(va);
    expect_eq("after mapping again", probe_lw(va), PATTERN(7));
}

static void c_asids(void)
{
    const uint32_t va = PG_ASID + WORD_OFF;
    /* With ASIDs, switching needs no fence (supervisor.adoc, satp); without,
     * software must fence after the switch. */
    const int fence = asid_bits < 2;
    expect_eq("ASID 1 sees its frame", probe_lw(va), PATTERN(8));
    CSR_WRITE(satp, satp_for(root2, ASID_OTHER));
    if (fence)
        probe_sfence_all();
    expect_eq("ASID 2 sees its own frame", probe_lw(va), PATTERN(0xB));
    CSR_WRITE(satp, satp_for(root, ASID_MAIN));
    if (fence)
        probe_sfence_all();
    expect_eq("back in ASID 1", probe_lw(va), PATTERN(8));
    /* Change ASID 2's mapping while ASID 1 runs, fence only ASID 2. */
    pte_t *pte2 = slot_of(root2, PG_ASID);
    const uint32_t flags = *pte2 & ((1u << PTE_PPN_SHIFT) - 1u);
    *pte2 = pa_to_pte(frame[9]) | flags;
    probe_sfence_asid(0, ASID_OTHER);
    CSR_WRITE(satp, satp_for(root2, ASID_OTHER));
    if (fence)
        probe_sfence_all();
    expect_eq("ASID 2 after its remap", probe_lw(va), PATTERN(9));
    expect_eq("satp reads ASID 2's root", CSR_READ(satp) & SATP_PPN_MASK, addr_of(root2) >> PAGE_SHIFT);
    CSR_WRITE(satp, satp_for(root, ASID_MAIN));
    if (fence)
        probe_sfence_all();
    expect_eq("ASID 1 unaffected", probe_lw(va), PATTERN(8));
}

static void c_u_sti(void)
{
    const uint32_t before = irq.count;
    CSR_WRITE(sie, SIE_STIE);
    arm_timer_soon();
    run_user(u_spin, 0, 0, 0);
    CSR_WRITE(sie, 0);
    expect_eq("STI taken in U-mode with SIE = 0", irq.count - before, 1);
    expect_eq("scause", utrap.scause, CAUSE_INTERRUPT | IRQ_S_TIMER);
    expect_eq("sepc in the U-mode loop", utrap.sepc, addr_of(u_spin));
    expect_eq("SPP = U, SPIE = 0", utrap.sstatus & (SSTATUS_SPP | SSTATUS_SPIE), 0);
}

static void c_u_ssi_on_sret(void)
{
    CSR_WRITE(sie, SIE_SSIE);
    (void)CSR_RS(sip, MIP_SSIP);          /* pending, masked in S (SIE = 0) */
    const uint32_t before = irq.count;
    run_user(u_ecall, 0, 0, 0);
    CSR_WRITE(sie, 0);
    expect_eq("SSI taken on entering U-mode", irq.count - before, 1);
    expect_eq("scause", utrap.scause, CAUSE_INTERRUPT | IRQ_S_SOFT);
    expect_eq("sepc: the first U instruction", utrap.sepc, addr_of(u_ecall));
}

static void c_satp_bare(void)
{
    CSR_WRITE(satp, 0);
    probe_sfence_all();
    expect_eq("satp Bare reads 0", CSR_READ(satp), 0);
    /* U pages are U pages only through a page table: now a plain load. */
    arm();
    uint32_t v = probe_lw(addr_of(u_ecall));
    expect_no_trap("S load of a U-page address with paging off, SUM = 0");
    expect_eq("value", v, insn_at(u_ecall));
}

/* ======================= the list ============================================ */

struct check {
    const char *name;
    void (*run)(void);
    int paging;                   /* needs the address spaces built */
};

static const struct check checks[] = {
    { "csrrw/csrrs/csrrc (rs1 = x0, rd = rs1, s11/t6)", c_csr_reg_forms, 0 },
    { "csrrwi/csrrsi/csrrci (uimm = 0, 31)", c_csr_imm_forms, 0 },
    { "CSR writes with rd = x0 leave x0 zero", c_csr_rd_x0, 0 },
    { "sstatus SIE SPIE SPP SUM MXR set and clear", c_sstatus_fields, 0 },
    { "sstatus WARL: other bits read 0", c_sstatus_warl, 0 },
    { "sie: only SSIE STIE SEIE writable", c_sie, 0 },
    { "sip: SSIP writable, STIP SEIP read-only", c_sip, 0 },
    { "stvec: direct, vectored, reserved MODE", c_stvec, 0 },
    { "jump to a 2-byte-aligned target follows IALIGN", c_jump_2aligned, 0 },
    { "sepc: bit 0 reads 0, bit 1 follows IALIGN", c_sepc, 0 },
    { "scause and stval hold what is written", c_scause_stval, 0 },
    { "scounteren CY TM IR writable", c_scounteren, 0 },
    { "cycle instret time readable from S, counting", c_counters, 0 },
    { "M-mode and unknown CSRs: illegal, stval = bits", c_illegal_m_csr, 0 },
    { "read-only CSR: writes illegal, rs1 = x0 reads fine", c_readonly_csr, 0 },
    { "SRET to S: SIE = SPIE, SPIE = 1, SPP = U", c_sret_to_s, 0 },
    { "EBREAK in S: breakpoint at its pc", c_ebreak_s, 0 },
    { "reserved opcode in S: illegal, stval = bits", c_illegal_s, 0 },
    { "misaligned lw lh sw sh: trap with stval or done whole", c_misaligned_ls, 0 },
    { "misaligned lr.w amoswap.w trap, stval = address", c_misaligned_amo, 0 },
    { "access faults: firmware memory, beyond RAM", c_access_faults, 0 },
    { "WFI returns with a pending timer while SIE = 0", c_wfi_timer, 0 },
    { "STI pending while SIE = 0, taken when set", c_sti_sie, 0 },
    { "STI masked by sie.STIE", c_sti_stie, 0 },
    { "SSI via sip.SSIP, taken when enabled", c_ssi, 0 },
    { "vectored stvec: SSI at BASE+4, exceptions at BASE", c_vectored, 0 },
    { "satp: Sv32 root and ASID read back", c_satp, 1 },
    { "SRET to U, ECALL from U: cause 8, SPP, SPIE", c_u_ecall, 1 },
    { "EBREAK and reserved opcode from U", c_u_ebreak_illegal, 1 },
    { "csrr sstatus, sret, sfence.vma, wfi from U: illegal", c_u_privileged, 1 },
    { "U counters gated by scounteren", c_u_counters, 1 },
    { "U page faults: load store fetch, stval = va", c_u_unmapped, 1 },
    { "U access to S pages faults", c_u_s_page, 1 },
    { "U permissions: R W X on U pages", c_u_perms, 1 },
    { "MXR lets U load an X-only page", c_u_mxr, 1 },
    { "sstatus.SUM gates S access to U pages", c_sum, 1 },
    { "S never executes a U page, even with SUM", c_s_exec_u, 1 },
    { "S fetch needs X; X-only page executes", c_s_exec_perm, 1 },
    { "MXR lets S load an X-only page", c_s_mxr, 1 },
    { "read-only page: store and AMO fault", c_s_readonly, 1 },
    { "W without R is reserved: page fault", c_w_without_r, 1 },
    { "pointer PTE at level 0, invalid PTE: page fault", c_nonleaf_level0, 1 },
    { "A set by loads, D by stores, in the PTE", c_ad_bits, 1 },
    { "faulting access sets no A/D; U accesses set A/D", c_ad_fault, 1 },
    { "4 MiB superpage: data, A and D", c_megapage, 1 },
    { "misaligned superpage: page fault", c_megapage_misaligned, 1 },
    { "remap and unmap + SFENCE.VMA (va, all, asid)", c_remap, 1 },
    { "two address spaces by ASID", c_asids, 1 },
    { "STI taken in U-mode even with SIE = 0", c_u_sti, 1 },
    { "pending SSI taken on SRET to U", c_u_ssi_on_sret, 1 },
    { "satp Bare turns translation off", c_satp_bare, 1 },
};

int kmain(const struct tz_bootinfo *bi)
{
    timebase_hz = bi->timebase_hz;
    printf("privcheck: %u checks of the supervisor architecture, from the inside\n",
           (uint32_t)ARRAY_SIZE(checks));
    int built = 0;
    uint32_t failed = 0;
    for (uint32_t i = 0; i < ARRAY_SIZE(checks); i++) {
        if (checks[i].paging && !built) {
            build_address_spaces();
            built = 1;
        }
        why_set = 0;
        why[0] = 0;
        const uint32_t unexpected_before = unexpected;
        checks[i].run();
        if (unexpected != unexpected_before)
            expect("an exception no probe asked for", 0);
        if (why_set) {
            failed++;
            printf("privcheck: %u %s ... FAIL (%s)\n", i + 1, checks[i].name, why);
        } else {
            printf("privcheck: %u %s ... ok\n", i + 1, checks[i].name);
        }
    }
    if (failed)
        printf("privcheck: FAIL %u of %u checks\n", failed, (uint32_t)ARRAY_SIZE(checks));
    else
        printf("privcheck: PASS %u checks\n", (uint32_t)ARRAY_SIZE(checks));
    return (int)failed;
}
