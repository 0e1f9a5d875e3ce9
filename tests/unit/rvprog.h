/*
 * rvprog.h — a tiny RV32 assembler and machine harness for the core's unit
 * tests (test_csr.c, test_machine.c, test_mmu.c, test_tlb.c).
 *
 * Tests build short programs as arrays of instruction words (the encoders
 * below follow unpriv spec §2.2 "Base Instruction Formats"), copy them into
 * RAM with machine_write_phys, run, and inspect registers and CSRs through
 * the public API. A standard M-mode trap handler at TP_HANDLER ends the run
 * through the test finisher, so "the trap happened" is visible as
 * MACHINE_EXITED plus mcause/mepc/mtval.
 */
#ifndef TRAPEZE_TEST_RVPROG_H
#define TRAPEZE_TEST_RVPROG_H

#include <stdint.h>
#include <string.h>

#include "../../isa/csr.h"
#include "../../isa/encoding.h"
#include "../../machine/abi/trapeze_abi.h"
#include "../../machine/machine.h"

/* register numbers */
enum { ZERO = 0, RA = 1, SP = 2, GP = 3, TP = 4, T0 = 5, T1 = 6, T2 = 7, S0 = 8, S1 = 9,
       A0 = 10, A1 = 11, A2 = 12, A3 = 13, A4 = 14, A5 = 15, T3 = 28, T4 = 29, T5 = 30, T6 = 31 };

#define OPC_LOAD   0x03u
#define OPC_MISC   0x0fu
#define OPC_OPIMM  0x13u
#define OPC_AUIPC  0x17u
#define OPC_STORE  0x23u
#define OPC_AMO    0x2fu
#define OPC_OP     0x33u
#define OPC_LUI    0x37u
#define OPC_BRANCH 0x63u
#define OPC_JALR   0x67u
#define OPC_JAL    0x6fu
#define OPC_SYSTEM 0x73u

static inline uint32_t rv_r(uint32_t f7, uint32_t rs2, uint32_t rs1, uint32_t f3, uint32_t rd,
                            uint32_t op)
{
    return f7 << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | rd << 7 | op;
}
static inline uint32_t rv_i(int32_t imm, uint32_t rs1, uint32_t f3, uint32_t rd, uint32_t op)
{
    return ((uint32_t)imm & 0xfffu) << 20 | rs1 << 15 | f3 << 12 | rd << 7 | op;
}
static inline uint32_t rv_s(int32_t imm, uint32_t rs2, uint32_t rs1, uint32_t f3)
{
    uint32_t u = (uint32_t)imm;
    return ((u >> 5) & 0x7fu) << 25 | rs2 << 20 | rs1 << 15 | f3 << 12 | (u & 0x1fu) << 7 | OPC_STORE;
}
static inline uint32_t rv_b(int32_t imm, uint32_t rs2, uint32_t rs1, uint32_t f3)
{
    uint32_t u = (uint32_t)imm;
    return ((u >> 12) & 1u) << 31 | ((u >> 5) & 0x3fu) << 25 | rs2 << 20 | rs1 << 15 |
           f3 << 12 | ((u >> 1) & 0xfu) << 8 | ((u >> 11) & 1u) << 7 | OPC_BRANCH;
}
static inline uint32_t rv_j(int32_t imm, uint32_t rd)
{
    uint32_t u = (uint32_t)imm;
    return ((u >> 20) & 1u) << 31 | ((u >> 1) & 0x3ffu) << 21 | ((u >> 11) & 1u) << 20 |
           ((u >> 12) & 0xffu) << 12 | rd << 7 | OPC_JAL;
}
static inline uint32_t rv_addi(uint32_t rd, uint32_t rs1, int32_t imm) { return rv_i(imm, rs1, 0, rd, OPC_OPIMM); }
static inline uint32_t rv_add(uint32_t rd, uint32_t rs1, uint32_t rs2) { return rv_r(0, rs2, rs1, 0, rd, OPC_OP); }
static inline uint32_t rv_lw(uint32_t rd, uint32_t rs1, int32_t imm) { return rv_i(imm, rs1, 2, rd, OPC_LOAD); }
static inline uint32_t rv_lh(uint32_t rd, uint32_t rs1, int32_t imm) { return rv_i(imm, rs1, 1, rd, OPC_LOAD); }
static inline uint32_t rv_lbu(uint32_t rd, uint32_t rs1, int32_t imm) { return rv_i(imm, rs1, 4, rd, OPC_LOAD); }
static inline uint32_t rv_sw(uint32_t rs2, uint32_t rs1, int32_t imm) { return rv_s(imm, rs2, rs1, 2); }
static inline uint32_t rv_sb(uint32_t rs2, uint32_t rs1, int32_t imm) { return rv_s(imm, rs2, rs1, 0); }
static inline uint32_t rv_beq(uint32_t rs1, uint32_t rs2, int32_t off) { return rv_b(off, rs2, rs1, 0); }
static inline uint32_t rv_bne(uint32_t rs1, uint32_t rs2, int32_t off) { return rv_b(off, rs2, rs1, 1); }
static inline uint32_t rv_jal(uint32_t rd, int32_t off) { return rv_j(off, rd); }
static inline uint32_t rv_jalr(uint32_t rd, uint32_t rs1, int32_t imm) { return rv_i(imm, rs1, 0, rd, OPC_JALR); }
static inline uint32_t rv_lui(uint32_t rd, uint32_t value) { return (value & 0xfffff000u) | rd << 7 | OPC_LUI; }
static inline uint32_t rv_csrrw(uint32_t rd, unsigned csr, uint32_t rs1) { return rv_i((int32_t)csr, rs1, 1, rd, OPC_SYSTEM); }
static inline uint32_t rv_csrrs(uint32_t rd, unsigned csr, uint32_t rs1) { return rv_i((int32_t)csr, rs1, 2, rd, OPC_SYSTEM); }
static inline uint32_t rv_csrrc(uint32_t rd, unsigned csr, uint32_t rs1) { return rv_i((int32_t)csr, rs1, 3, rd, OPC_SYSTEM); }
static inline uint32_t rv_mul(uint32_t rd, uint32_t rs1, uint32_t rs2) { return rv_r(1, rs2, rs1, 0, rd, OPC_OP); }
static inline uint32_t rv_div(uint32_t rd, uint32_t rs1, uint32_t rs2) { return rv_r(1, rs2, rs1, 4, rd, OPC_OP); }
static inline uint32_t rv_lr(uint32_t rd, uint32_t rs1) { return rv_r(0x08, 0, rs1, 2, rd, OPC_AMO); }
static inline uint32_t rv_sc(uint32_t rd, uint32_t rs2, uint32_t rs1) { return rv_r(0x0c, rs2, rs1, 2, rd, OPC_AMO); }
static inline uint32_t rv_amoadd(uint32_t rd, uint32_t rs2, uint32_t rs1) { return rv_r(0x00, rs2, rs1, 2, rd, OPC_AMO); }
static inline uint32_t rv_sfence(uint32_t rs1, uint32_t rs2) { return rv_r(0x09, rs2, rs1, 0, 0, OPC_SYSTEM); }
#define RV_ECALL   0x00000073u
#define RV_EBREAK  0x00100073u
#define RV_MRET    0x30200073u
#define RV_SRET    0x10200073u
#define RV_WFI     0x10500073u
#define RV_FENCE_I 0x0000100fu
#define RV_NOP     0x00000013u

/* ---- program builder ------------------------------------------------------- */

#define PROG_MAX 1024u
struct prog {
    uint32_t base;
    unsigned n;
    uint32_t w[PROG_MAX];
};

static inline void prog_init(struct prog *p, uint32_t base)
{
    p->base = base;
    p->n = 0;
}
static inline uint32_t prog_pc(const struct prog *p) { return p->base + 4u * p->n; }
static inline void E(struct prog *p, uint32_t w)
{
    if (p->n < PROG_MAX)
        p->w[p->n++] = w;
}
/* li rd, value: always lui + addi (two words) so layouts stay predictable. */
static inline void P_li(struct prog *p, uint32_t rd, uint32_t value)
{
    uint32_t hi = (value + 0x800u) & 0xfffff000u;
    E(p, rv_lui(rd, hi));
    E(p, rv_addi(rd, rd, (int32_t)(value - hi)));
}
static inline void P_csrw(struct prog *p, unsigned csr, uint32_t value)
{
    P_li(p, T6, value);
    E(p, rv_csrrw(ZERO, csr, T6));
}
/* jump to an absolute address */
static inline void P_jump(struct prog *p, uint32_t target)
{
    P_li(p, T6, target);
    E(p, rv_jalr(ZERO, T6, 0));
}
static inline int prog_load(struct machine *m, const struct prog *p)
{
    return machine_write_phys(m, p->base, p->w, 4u * p->n);
}

/* Standard layout of a test program. */
#define TP_CODE    0x80000000u   /* M-mode code */
#define TP_HANDLER 0x80000800u   /* M-mode trap handler: exit through the finisher */
#define TP_LOWER   0x80001000u   /* code run at lower privilege */
#define TP_DATA    0x80008000u   /* scratch data */

static inline void emit_exit_handler(struct machine *m)
{
    struct prog h;
    prog_init(&h, TP_HANDLER);
    P_li(&h, T5, TZ_TEST_BASE);
    P_li(&h, T4, TZ_TEST_PASS);
    E(&h, rv_sw(T4, T5, 0));
    E(&h, rv_jal(ZERO, 0));
    prog_load(m, &h);
}

/* An M-mode program at TP_CODE whose traps go to the standard handler (and
 * so end the run). */
static inline void prog_init_m(struct prog *p)
{
    prog_init(p, TP_CODE);
    P_csrw(p, CSR_MTVEC, TP_HANDLER);
}

/* PMP entry 0 = all of memory, RWX: without any entry S and U may touch
 * nothing (priv spec, "Physical Memory Protection"). */
static inline void P_pmp_open(struct prog *p)
{
    P_csrw(p, CSR_PMPADDR0, 0xffffffffu);    /* NAPOT, all of memory */
    P_csrw(p, CSR_PMPCFG0, (PMP_A_NAPOT << PMPCFG_A_SHIFT) | PMPCFG_R | PMPCFG_W | PMPCFG_X);
}

/* M-mode prologue: trap vector, PMP open for everything, then mret into
 * `priv` at `target`. */
static inline void P_enter(struct prog *p, unsigned priv, uint32_t target)
{
    P_csrw(p, CSR_MTVEC, TP_HANDLER);
    P_pmp_open(p);
    P_csrw(p, CSR_MEPC, target);
    P_li(p, T6, MSTATUS_MPP);
    E(p, rv_csrrc(ZERO, CSR_MSTATUS, T6));
    P_li(p, T6, priv << MSTATUS_MPP_SHIFT);
    E(p, rv_csrrs(ZERO, CSR_MSTATUS, T6));
    E(p, RV_MRET);
}

/* A 1 MiB machine with the standard exit handler loaded; `prof` NULL = the
 * default cost profile, max_insns 0 = no limit. NULL if creation failed. */
static inline struct machine *tm_new_profile(const struct cost_profile *prof, uint64_t max_insns)
{
    struct machine_config cfg;
    char err[256];
    memset(&cfg, 0, sizeof cfg);
    cfg.ram_size = 1u << 20;
    cfg.max_instructions = max_insns;
    cfg.profile = prof;
    struct machine *m = machine_create(&cfg, err, sizeof err);
    if (m)
        emit_exit_handler(m);
    return m;
}

static inline struct machine *tm_new(uint64_t max_insns)
{
    return tm_new_profile(NULL, max_insns);
}

static inline uint32_t tm_csr(const struct machine *m, unsigned csr)
{
    uint32_t v = 0xdeadbeefu;
    machine_csr_peek(m, (uint16_t)csr, &v);
    return v;
}

/* Run until the program stops (generous budget). */
static inline enum machine_status tm_run(struct machine *m)
{
    return machine_run(m, 10u * 1000u * 1000u);
}

/* ---- Sv32 page tables built from the host ----------------------------------- */

#define PT_ROOT  0x80010000u     /* level-1 table */
#define PT_L0    0x80011000u     /* level-0 table for VA_TEST's 4 MiB region */
#define VA_TEST  0x40000000u
#define PTE_LEAF_RWX (PTE_V | PTE_R | PTE_W | PTE_X | PTE_A | PTE_D)

static inline uint32_t pte_of(uint32_t pa, uint32_t flags)
{
    return ((pa >> PAGE_SHIFT) << PTE_PPN_SHIFT) | flags;
}
static inline void pt_write(struct machine *m, uint32_t addr, uint32_t pte)
{
    machine_write_phys(m, addr, &pte, sizeof pte);
}
static inline uint32_t pt_read(struct machine *m, uint32_t addr)
{
    uint32_t v = 0;
    machine_read_phys(m, addr, &v, sizeof v);
    return v;
}
/* Root at `root`: RAM's first 4 MiB identity-mapped as a megapage with
 * `code_flags` added (e.g. PTE_U so U-mode can run there, PTE_G), and
 * VA_TEST's region pointing to the level-0 table `l0`. */
static inline void pt_setup(struct machine *m, uint32_t root, uint32_t l0, uint32_t code_flags)
{
    static const uint8_t zero[PAGE_SIZE];
    machine_write_phys(m, root, zero, sizeof zero);
    machine_write_phys(m, l0, zero, sizeof zero);
    pt_write(m, root + (TP_CODE >> 22) * 4u, pte_of(TP_CODE, PTE_LEAF_RWX | code_flags));
    pt_write(m, root + (VA_TEST >> 22) * 4u, pte_of(l0, PTE_V));
}
static inline void pt_map(struct machine *m, uint32_t l0, uint32_t va, uint32_t pa, uint32_t flags)
{
    pt_write(m, l0 + ((va >> PAGE_SHIFT) & SV32_VPN_MASK) * 4u, pte_of(pa, flags));
}
static inline uint32_t satp_of(uint32_t root, uint32_t asid)
{
    return SATP_MODE_SV32 | (asid << SATP_ASID_SHIFT) | (root >> PAGE_SHIFT);
}

/* Load the lower-privilege body "t0 = t0_value; insn; ecall" at TP_LOWER
 * (P_li makes it two words, so insn sits at TP_LOWER + 8), start at TP_CODE,
 * where the caller loaded an M prologue that mrets to TP_LOWER, and run
 * until the program stops. */
static inline enum machine_status tm_run_insn_lower(struct machine *m, uint32_t t0_value,
                                                    uint32_t insn)
{
    struct prog b;
    prog_init(&b, TP_LOWER);
    P_li(&b, T0, t0_value);
    E(&b, insn);
    E(&b, RV_ECALL);
    prog_load(m, &b);
    machine_set_pc(m, TP_CODE);
    return tm_run(m);
}

/* Load an M prologue at TP_CODE: satp, extra mstatus bits, then enter
 * `priv` at TP_LOWER. */
static inline void load_lower_prologue(struct machine *m, unsigned priv, uint32_t satp,
                                       uint32_t mstatus_bits)
{
    struct prog p;
    prog_init(&p, TP_CODE);
    P_csrw(&p, CSR_SATP, satp);
    P_li(&p, T0, mstatus_bits);
    E(&p, rv_csrrs(ZERO, CSR_MSTATUS, T0));
    P_enter(&p, priv, TP_LOWER);
    prog_load(m, &p);
}

/* The same prologue and the body at TP_LOWER (which should end in an
 * ecall); pc = TP_CODE. */
static inline void load_lower(struct machine *m, unsigned priv, uint32_t satp,
                              uint32_t mstatus_bits, const struct prog *body)
{
    load_lower_prologue(m, priv, satp, mstatus_bits);
    prog_load(m, body);
    machine_set_pc(m, TP_CODE);
}

#endif
