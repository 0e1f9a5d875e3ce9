/*
 * interp.c — emulation: the VMM executes an emulated guest's instructions
 * itself, one by one, in software.
 *
 * Full virtualization lets the guest's instructions run on the real hart and
 * steps in only when one traps. Emulation never lets the guest run at all:
 * this loop fetches each instruction from guest memory (softmmu.h translates
 * the address through the guest's own page table), decodes it (unpriv spec,
 * "RV32/64G Instruction Set Listings"), and performs it on the vcpu —
 * registers x[] and pc, virtual privilege, the virtual S-mode CSRs. That is
 * how Bochs, or QEMU without its translator, run a guest: any binary works
 * unchanged, and each guest instruction costs tens of host instructions.
 *
 * Handled inline, as the hart would:
 *   RV32I (ch. 2): LUI AUIPC JAL JALR branches loads stores OP-IMM OP
 *                  FENCE; misaligned jump targets and data addresses trap
 *                  (instruction-, load-, store-address-misaligned, as the
 *                  trapeze machine and QEMU do)
 *   M (m-st-ext.adoc): MUL* DIV* REM*, division never traps
 *   A (a-st-ext.adoc): LR.W/SC.W with a reservation, the nine AMOs
 *   Zifencei:      FENCE.I (fetch reads memory every time: nothing to flush)
 *
 * Handed to the VMM's existing code — one piece of code per idea:
 *   CSR accesses, SRET, WFI    emulate.c (exactly what a fully virtualized
 *                              guest's trapping instruction gets)
 *   ECALL                      sbi.c from virtual S, inject.c from virtual U
 *   EBREAK, faults             inject.c (with its trap-storm containment)
 *   page-table walks           shadow.c's guest_translate (via softmmu.c)
 *   UART accesses              vuart.c
 *   the machine timer          sched.c (slice end, virtual timer)
 * Two SYSTEM cases are the interpreter's own: SFENCE.VMA empties the
 * software TLB (there is no shadow table to flush), and counter reads
 * (cycle, time, instret) that the guest's hardware serves without a trap —
 * from virtual S always, from virtual U when the guest's scounteren permits.
 * A fully virtualized guest runs them on the real hart, so they are not
 * "emulated CSR accesses" there, and must not be counted as such here either:
 * the emulated-instruction counts mean the same in every mode.
 *
 * Time. Machine interrupts stay masked while the VMM runs (mstatus.MIE = 0),
 * so the interpreter looks at mip.MTIP itself every INTERP_POLL_INTERVAL
 * guest instructions — a single CSR read — and hands the timer to sched.c,
 * which ends the slice or raises the virtual STIP. Emulated guests are thus
 * preempted on the same deterministic round-robin as the others; a virtual
 * interrupt is taken at an instruction boundary, by vmm_resume (trap.c),
 * which is where every return from interp_run goes.
 *
 * Reporting. Counting instructions is cheap; reporting each would not be.
 * The count is reported through the trace port (TZ_EV_INTERP) once per timer
 * interrupt and whenever the guest stops running, with the software TLB's
 * misses alongside.
 */
#include "interp.h"
#include "softmmu.h"
#include "vmm.h"

/* Guest instructions between two looks at mip.MTIP: bounds how late a slice
 * end or a virtual timer interrupt is noticed. */
#define INTERP_POLL_INTERVAL 32u
#define INSN_BYTES           4u
#define NO_PAGE              1u      /* never equal to a page address */

/* Major opcodes, insn[6:0] (unpriv spec, "RV32/64G Instruction Set
 * Listings"); the low two bits are 11 for every 32-bit encoding, so a word
 * without them (a compressed instruction: no C extension here) is illegal. */
enum major_opcode {
    MO_LOAD = 0x03, MO_MISC_MEM = 0x0F, MO_OP_IMM = 0x13, MO_AUIPC = 0x17,
    MO_STORE = 0x23, MO_AMO = 0x2F, MO_OP = 0x33, MO_LUI = 0x37,
    MO_BRANCH = 0x63, MO_JALR = 0x67, MO_JAL = 0x6F, MO_SYSTEM = 0x73
};

#define FUNCT7(insn)      ((insn) >> 25)
#define FUNCT7_BASE       0x00u
#define FUNCT7_ALT        0x20u      /* SUB, SRA, SRAI */
#define FUNCT7_MULDIV     0x01u
#define FUNCT5_AMO(insn)  ((insn) >> 27)
#define F3_WORD           2u         /* the only AMO width in RV32A */
#define F3_FENCE          0u
#define F3_FENCE_I        1u
#define INSN_ECALL        0x00000073u
#define INSN_EBREAK       0x00100073u
#define SFENCE_VMA_MASK   0xFE007FFFu   /* funct7, funct3 = 0, rd = 0 */
#define SFENCE_VMA_MATCH  0x12000073u

enum amo_funct5 {
    AMO_ADD = 0x00, AMO_SWAP = 0x01, AMO_LR = 0x02, AMO_SC = 0x03, AMO_XOR = 0x04,
    AMO_OR = 0x08, AMO_AND = 0x0C, AMO_MIN = 0x10, AMO_MAX = 0x14, AMO_MINU = 0x18,
    AMO_MAXU = 0x1C
};
enum alu_funct3 { ALU_ADD = 0, ALU_SLL, ALU_SLT, ALU_SLTU, ALU_XOR, ALU_SR, ALU_OR, ALU_AND };
enum muldiv_funct3 { MD_MUL = 0, MD_MULH, MD_MULHSU, MD_MULHU, MD_DIV, MD_DIVU, MD_REM, MD_REMU };
enum branch_funct3 { BR_EQ = 0, BR_NE = 1, BR_LT = 4, BR_GE = 5, BR_LTU = 6, BR_GEU = 7 };
enum load_funct3 { LD_B = 0, LD_H = 1, LD_W = 2, LD_BU = 4, LD_HU = 5 };
enum store_funct3 { ST_B = 0, ST_H = 1, ST_W = 2 };
#define SHAMT_MASK        0x1Fu

/* Counters (zicsr.adoc "Counters"): cycle/time/instret and their high
 * halves; bit (csr & COUNTER_INDEX_MASK) of scounteren enables each. */
#define COUNTER_INDEX_MASK 0x1Fu
#define COUNTER_LAST_INDEX 2u        /* CY, TM, IR: no hpmcounters */
/* funct3[1:0] of a CSR instruction: 0 is not one, 1 is CSRRW[I] (always
 * writes); CSRRS[I]/CSRRC[I] write only when rs1/uimm is not zero. */
#define CSR_OP_MASK        3u
#define CSR_OP_NONE        0u
#define CSR_OP_RW          1u
#define WORD_ALIGN_MASK    3u        /* LR/SC/AMO addresses must be word-aligned */

/* ---- immediates (unpriv spec §2.3, "Immediate Encoding Variants") ------- */
static inline uint32_t imm_i(uint32_t insn) { return (uint32_t)((int32_t)insn >> 20); }
static inline uint32_t imm_s(uint32_t insn)
{
    return (uint32_t)(((int32_t)insn >> 25) << 5) | ((insn >> 7) & 0x1Fu);
}
static inline uint32_t imm_b(uint32_t insn)
{
    return (uint32_t)(((int32_t)insn >> 31) << 12) | ((insn << 4) & 0x800u) |
           ((insn >> 20) & 0x7E0u) | ((insn >> 7) & 0x1Eu);
}
static inline uint32_t imm_u(uint32_t insn) { return insn & 0xFFFFF000u; }
static inline uint32_t imm_j(uint32_t insn)
{
    return (uint32_t)(((int32_t)insn >> 31) << 20) | (insn & 0xFF000u) |
           ((insn >> 9) & 0x800u) | ((insn >> 20) & 0x7FEu);
}

static uint32_t unreported[TZ_VMM_MAX_GUESTS];
/* Instructions left before the next look at mip.MTIP. It lives across calls
 * on purpose: a guest that executes a CSR access every few instructions
 * returns to the dispatcher that often, and must still be preempted. */
static uint32_t poll_left = INTERP_POLL_INTERVAL;

void interp_report(struct vcpu *v)
{
    if (v->mode != TZ_GUEST_MODE_EMULATED || unreported[v->id] == 0)
        return;
    trace2(TZ_EV_INTERP, unreported[v->id], softmmu_take_misses(v));
    unreported[v->id] = 0;
}

/* A counter read that the guest's hardware serves without a trap: from
 * virtual S always (the VMM's firmware role sets mcounteren to all ones, as
 * native firmware does), from virtual U if its scounteren allows it (priv
 * spec §3.1.11 and §10.1.5). The real hart does the same for a fully
 * virtualized guest (shadow.c sets the real scounteren per view), so this is
 * not counted as an emulated CSR access. Returns 1 if done. */
static int counter_read(struct vcpu *v, uint32_t insn)
{
    uint32_t csr = insn_csr(insn), f3 = insn_funct3(insn);
    uint32_t idx = csr & COUNTER_INDEX_MASK;
    uint32_t base = csr & ~COUNTER_INDEX_MASK;
    if ((base != CSR_CYCLE && base != CSR_CYCLEH) || idx > COUNTER_LAST_INDEX ||
        (v->vpriv == VPRIV_U && !((v->scounteren >> idx) & 1u)))
        return 0;
    /* A read-only CSR: only CSRRS/CSRRC with rs1 = x0 (or uimm 0) read
     * without writing (zicsr.adoc). */
    if ((f3 & CSR_OP_MASK) == CSR_OP_NONE || (f3 & CSR_OP_MASK) == CSR_OP_RW || insn_rs1(insn) != 0)
        return 0;
    uint64_t val = idx == 0 ? ((uint64_t)csr_read(mcycleh) << 32 | csr_read(mcycle))
                 : idx == 1 ? mtime_now()
                 : ((uint64_t)csr_read(minstreth) << 32 | csr_read(minstret));
    uint32_t rd = insn_rd(insn);
    if (rd)
        v->x[rd] = base == CSR_CYCLEH ? (uint32_t)(val >> 32) : (uint32_t)val;
    v->pc += INSN_BYTES;
    return 1;
}

/* ECALL, EBREAK and the privileged instructions; v->pc is at insn. */
static void system_insn(struct vcpu *v, uint32_t insn)
{
    if (insn == INSN_ECALL) {
        if (v->vpriv == VPRIV_S)
            sbi_call(v);
        else
            inject_exception(v, CAUSE_USER_ECALL, 0);
        return;
    }
    if (insn == INSN_EBREAK) {
        inject_exception(v, CAUSE_BREAKPOINT, 0);   /* tval 0, as the machine */
        return;
    }
    if ((insn & SFENCE_VMA_MASK) == SFENCE_VMA_MATCH && v->vpriv == VPRIV_S) {
        /* priv spec §10.2.1. Dropping every translation is always correct. */
        v->pc += INSN_BYTES;
        trace3(TZ_EV_EMULATE, TZ_EMUL_SFENCE, insn, 0);
        softmmu_flush(v);
        return;
    }
    if (counter_read(v, insn))
        return;
    uint32_t satp = v->satp, sstatus = v->sstatus;
    emulate_illegal(v, insn);
    /* A new address space, or new SUM/MXR rules: cached translations go. */
    if (v->satp != satp || ((v->sstatus ^ sstatus) & (SSTATUS_SUM | SSTATUS_MXR)))
        softmmu_flush(v);
}

static uint32_t amo_op(uint32_t f5, uint32_t old, uint32_t src)
{
    switch (f5) {
    case AMO_SWAP: return src;
    case AMO_ADD:  return old + src;
    case AMO_XOR:  return old ^ src;
    case AMO_AND:  return old & src;
    case AMO_OR:   return old | src;
    case AMO_MIN:  return (int32_t)old < (int32_t)src ? old : src;
    case AMO_MAX:  return (int32_t)old > (int32_t)src ? old : src;
    case AMO_MINU: return old < src ? old : src;
    default:       return old > src ? old : src;   /* AMO_MAXU */
    }
}

static inline int amo_funct5_valid(uint32_t f5)
{
    switch (f5) {
    case AMO_ADD: case AMO_SWAP: case AMO_XOR: case AMO_OR: case AMO_AND:
    case AMO_MIN: case AMO_MAX: case AMO_MINU: case AMO_MAXU:
        return 1;
    default:
        return 0;
    }
}

static uint32_t muldiv(uint32_t f3, uint32_t a, uint32_t b)
{
    int32_t sa = (int32_t)a, sb = (int32_t)b;
    switch (f3) {
    case MD_MUL:    return a * b;
    case MD_MULH:   return (uint32_t)((uint64_t)((int64_t)sa * (int64_t)sb) >> 32);
    case MD_MULHSU: return (uint32_t)((uint64_t)((int64_t)sa * (int64_t)(uint64_t)b) >> 32);
    case MD_MULHU:  return (uint32_t)(((uint64_t)a * (uint64_t)b) >> 32);
    /* m-st-ext.adoc "Division Operations": no traps; x/0 = all ones,
     * x%0 = x, INT_MIN/-1 = INT_MIN with remainder 0. */
    case MD_DIV:
        return b == 0 ? UINT32_MAX : (sa == INT32_MIN && sb == -1) ? a : (uint32_t)(sa / sb);
    case MD_DIVU:   return b == 0 ? UINT32_MAX : a / b;
    case MD_REM:
        return b == 0 ? a : (sa == INT32_MIN && sb == -1) ? 0 : (uint32_t)(sa % sb);
    default:        return b == 0 ? a : a % b;     /* MD_REMU */
    }
}

void interp_run(struct vcpu *v)
{
    uint32_t *const x = v->x;
    softmmu_table *const tlb = &softmmu_tables(v)[v->vpriv];
    uint32_t pc = v->pc;
    uint32_t count = 0, poll = poll_left;
    uint32_t code_page = NO_PAGE, code_delta = 0;
    /* LR/SC reservation. Like the machine's, it does not survive a trap or
     * xRET — nor, conservatively, any return to the VMM's dispatcher. */
    uint32_t resv_valid = 0, resv_addr = 0;
    uint32_t insn = 0, cause, tval;

    for (;;) {
        x[0] = 0;
        if (--poll == 0) {
            poll = INTERP_POLL_INTERVAL;
            if (csr_read(mip) & MIP_MTIP) {
                v->pc = pc;
                poll_left = poll;
                unreported[v->id] += count;
                interp_report(v);
                sched_timer_interrupt();
                return;
            }
        }
        /* Fetch: straight from memory while pc stays on the same page. */
        if ((pc & SOFTMMU_PAGE_MASK) != code_page) {
            v->pc = pc;
            uint32_t mpa = softmmu_xlate(v, (*tlb)[ACC_FETCH], pc, ACC_FETCH);
            if (!mpa)
                goto stop;
#if SOFTMMU_TLB
            code_page = pc & SOFTMMU_PAGE_MASK;
#endif
            code_delta = mpa - pc;
        }
        insn = *(volatile uint32_t *)(uintptr_t)(pc + code_delta);
        count++;
        uint32_t rd = insn_rd(insn);
        uint32_t a = x[insn_rs1(insn)], b = x[insn_rs2(insn)];
        uint32_t f3 = insn_funct3(insn);
        uint32_t npc = pc + INSN_BYTES;

        switch (insn & OPCODE_MASK) {
        case MO_LUI:
            x[rd] = imm_u(insn);
            break;
        case MO_AUIPC:
            x[rd] = pc + imm_u(insn);
            break;
        case MO_JAL:
            npc = pc + imm_j(insn);
            if (npc & (INSN_BYTES - 1)) {
                cause = CAUSE_MISALIGNED_FETCH, tval = npc;
                goto fault;
            }
            x[rd] = pc + INSN_BYTES;
            break;
        case MO_JALR:
            if (f3 != 0)
                goto illegal;
            npc = (a + imm_i(insn)) & ~1u;
            if (npc & (INSN_BYTES - 1)) {
                cause = CAUSE_MISALIGNED_FETCH, tval = npc;
                goto fault;
            }
            x[rd] = pc + INSN_BYTES;
            break;
        case MO_BRANCH: {
            int taken;
            switch (f3) {
            case BR_EQ:  taken = a == b; break;
            case BR_NE:  taken = a != b; break;
            case BR_LT:  taken = (int32_t)a < (int32_t)b; break;
            case BR_GE:  taken = (int32_t)a >= (int32_t)b; break;
            case BR_LTU: taken = a < b; break;
            case BR_GEU: taken = a >= b; break;
            default:     goto illegal;
            }
            if (taken) {
                npc = pc + imm_b(insn);
                if (npc & (INSN_BYTES - 1)) {
                    cause = CAUSE_MISALIGNED_FETCH, tval = npc;
                    goto fault;
                }
            }
            break;
        }
        case MO_LOAD: {
            uint32_t va = a + imm_i(insn);
            if (f3 != LD_B && f3 != LD_H && f3 != LD_W && f3 != LD_BU && f3 != LD_HU)
                goto illegal;
            uint32_t size = 1u << (f3 & ~LD_BU);   /* LBU/LHU: the width of LB/LH */
            if (va & (size - 1)) {
                cause = CAUSE_MISALIGNED_LOAD, tval = va;
                goto fault;
            }
            v->pc = pc;
            uint32_t mpa = softmmu_xlate(v, (*tlb)[ACC_LOAD], va, ACC_LOAD);
            if (!mpa)
                goto stop;
            switch (f3) {
            case LD_B:  x[rd] = (uint32_t)(int32_t)*(volatile int8_t *)(uintptr_t)mpa; break;
            case LD_H:  x[rd] = (uint32_t)(int32_t)*(volatile int16_t *)(uintptr_t)mpa; break;
            case LD_W:  x[rd] = *(volatile uint32_t *)(uintptr_t)mpa; break;
            case LD_BU: x[rd] = *(volatile uint8_t *)(uintptr_t)mpa; break;
            default:    x[rd] = *(volatile uint16_t *)(uintptr_t)mpa; break;
            }
            break;
        }
        case MO_STORE: {
            uint32_t va = a + imm_s(insn);
            if (f3 > ST_W)
                goto illegal;
            uint32_t size = 1u << f3;
            if (va & (size - 1)) {
                cause = CAUSE_MISALIGNED_STORE, tval = va;
                goto fault;
            }
            v->pc = pc;
            uint32_t mpa = softmmu_xlate(v, (*tlb)[ACC_STORE], va, ACC_STORE);
            if (!mpa)
                goto stop;
            if (f3 == ST_B)
                *(volatile uint8_t *)(uintptr_t)mpa = (uint8_t)b;
            else if (f3 == ST_H)
                *(volatile uint16_t *)(uintptr_t)mpa = (uint16_t)b;
            else
                *(volatile uint32_t *)(uintptr_t)mpa = b;
            break;
        }
        case MO_OP_IMM: {
            uint32_t imm = imm_i(insn), sh = imm & SHAMT_MASK;
            switch (f3) {
            case ALU_ADD:  x[rd] = a + imm; break;
            case ALU_SLT:  x[rd] = (int32_t)a < (int32_t)imm; break;
            case ALU_SLTU: x[rd] = a < imm; break;
            case ALU_XOR:  x[rd] = a ^ imm; break;
            case ALU_OR:   x[rd] = a | imm; break;
            case ALU_AND:  x[rd] = a & imm; break;
            case ALU_SLL:
                if (FUNCT7(insn) != FUNCT7_BASE)
                    goto illegal;
                x[rd] = a << sh;
                break;
            default:   /* ALU_SR */
                if (FUNCT7(insn) == FUNCT7_BASE)
                    x[rd] = a >> sh;
                else if (FUNCT7(insn) == FUNCT7_ALT)
                    x[rd] = (uint32_t)((int32_t)a >> sh);
                else
                    goto illegal;
                break;
            }
            break;
        }
        case MO_OP: {
            uint32_t f7 = FUNCT7(insn);
            if (f7 == FUNCT7_MULDIV) {
                x[rd] = muldiv(f3, a, b);
                break;
            }
            if (f7 == FUNCT7_ALT) {
                if (f3 == ALU_ADD)
                    x[rd] = a - b;
                else if (f3 == ALU_SR)
                    x[rd] = (uint32_t)((int32_t)a >> (b & SHAMT_MASK));
                else
                    goto illegal;
                break;
            }
            if (f7 != FUNCT7_BASE)
                goto illegal;
            switch (f3) {
            case ALU_ADD:  x[rd] = a + b; break;
            case ALU_SLL:  x[rd] = a << (b & SHAMT_MASK); break;
            case ALU_SLT:  x[rd] = (int32_t)a < (int32_t)b; break;
            case ALU_SLTU: x[rd] = a < b; break;
            case ALU_XOR:  x[rd] = a ^ b; break;
            case ALU_SR:   x[rd] = a >> (b & SHAMT_MASK); break;
            case ALU_OR:   x[rd] = a | b; break;
            default:       x[rd] = a & b; break;
            }
            break;
        }
        case MO_MISC_MEM:
            /* FENCE: one hart, memory accessed in program order. FENCE.I:
             * every fetch reads guest memory afresh. Nothing to do. */
            if (f3 != F3_FENCE && f3 != F3_FENCE_I)
                goto illegal;
            break;
        case MO_AMO: {
            uint32_t f5 = FUNCT5_AMO(insn);
            if (f3 != F3_WORD)
                goto illegal;
            if (f5 == AMO_LR) {
                if (insn_rs2(insn) != 0)
                    goto illegal;
                if (a & WORD_ALIGN_MASK) {
                    cause = CAUSE_MISALIGNED_LOAD, tval = a;
                    goto fault;
                }
                v->pc = pc;
                uint32_t mpa = softmmu_xlate(v, (*tlb)[ACC_LOAD], a, ACC_LOAD);
                if (!mpa)
                    goto stop;
                x[rd] = *(volatile uint32_t *)(uintptr_t)mpa;
                resv_valid = 1;
                resv_addr = a;
                break;
            }
            if (f5 != AMO_SC && !amo_funct5_valid(f5))
                goto illegal;
            if (a & WORD_ALIGN_MASK) {
                cause = CAUSE_MISALIGNED_STORE, tval = a;
                goto fault;
            }
            if (f5 == AMO_SC) {
                /* Succeeds only on the reserved address; a failing SC makes
                 * no access (a-st-ext.adoc, as the machine). */
                uint32_t ok = resv_valid && resv_addr == a;
                if (ok) {
                    v->pc = pc;
                    uint32_t mpa = softmmu_xlate(v, (*tlb)[ACC_STORE], a, ACC_STORE);
                    if (!mpa)
                        goto stop;
                    *(volatile uint32_t *)(uintptr_t)mpa = b;
                }
                resv_valid = 0;
                x[rd] = ok ? 0u : 1u;
                break;
            }
            /* An AMO reads and writes: translated as a store (store/AMO faults). */
            v->pc = pc;
            uint32_t mpa = softmmu_xlate(v, (*tlb)[ACC_STORE], a, ACC_STORE);
            if (!mpa)
                goto stop;
            volatile uint32_t *p = (volatile uint32_t *)(uintptr_t)mpa;
            uint32_t old = *p;
            *p = amo_op(f5, old, b);
            x[rd] = old;
            break;
        }
        case MO_SYSTEM:
            v->pc = pc;
            poll_left = poll;
            unreported[v->id] += count;
            system_insn(v, insn);
            x[0] = 0;
            return;
        default:
            goto illegal;
        }
        pc = npc;
    }

illegal:
    /* tval = the instruction bits (priv spec §3.1.16), as on the hart. */
    cause = CAUSE_ILLEGAL_INSTRUCTION;
    tval = insn;
fault:
    v->pc = pc;
    poll_left = poll;
    unreported[v->id] += count;
    x[0] = 0;
    inject_exception(v, cause, tval);
    return;
stop:
    /* The access was dealt with by softmmu_miss (fault injected or device
     * access emulated): the vcpu is already where it must be. */
    poll_left = poll;
    unreported[v->id] += count;
    x[0] = 0;
}
