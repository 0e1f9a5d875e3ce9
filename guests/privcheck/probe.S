/*
 * probe.S — the raw instructions privcheck provokes from S-mode, one small
 * leaf function each, so that the kernel knows the exact address (and, by
 * reading its own code, the exact encoding) of the instruction that should
 * trap. A well-behaved kernel goes through the arch layer; this one checks
 * the instructions themselves, so it writes them out.
 *
 * The faulting instruction is always the first one of the function (its
 * address is the function's address), except where a *_insn label says
 * otherwise. When it traps, the kernel's handler resumes at ra with
 * a0 = PROBE_POISON (main.c), so the probe "returns" without finishing.
 */
    .section .text
    .balign 4
    .globl probe_text_start, probe_text_end
probe_text_start:

    .globl probe_lw             /* uint32_t probe_lw(uint32_t addr) */
probe_lw:
    lw      a0, 0(a0)
    ret

    .globl probe_lh             /* uint32_t probe_lh(uint32_t addr) (sign-extended) */
probe_lh:
    lh      a0, 0(a0)
    ret

    .globl probe_sw             /* uint32_t probe_sw(uint32_t addr, uint32_t value): 0 */
probe_sw:
    sw      a1, 0(a0)
    li      a0, 0
    ret

    .globl probe_sh             /* uint32_t probe_sh(uint32_t addr, uint32_t value): 0 */
probe_sh:
    sh      a1, 0(a0)
    li      a0, 0
    ret

    .globl probe_lr             /* uint32_t probe_lr(uint32_t addr) */
probe_lr:
    lr.w    a0, (a0)
    ret

    .globl probe_amoswap        /* uint32_t probe_amoswap(uint32_t addr, uint32_t value) */
probe_amoswap:
    amoswap.w a0, a1, (a0)
    ret

    /* uint32_t probe_exec(uint32_t addr): jump to addr, which holds a `ret`
     * (so a successful fetch comes straight back with a0 unchanged). A fetch
     * fault is reported at the target, with ra still pointing back here. */
    .globl probe_exec
probe_exec:
    jr      a0

    /* M-mode and unimplemented CSRs: illegal instruction from S-mode. */
    .globl probe_csrr_mstatus
probe_csrr_mstatus:
    csrr    a0, mstatus
    ret

    .globl probe_csrr_mhartid
probe_csrr_mhartid:
    csrr    a0, mhartid
    ret

    .globl probe_csrw_mtvec
probe_csrw_mtvec:
    csrw    mtvec, a0
    ret

    /* 0x5C0 is in the custom S-mode read/write range (priv spec, CSR
     * address map): no standard machine implements it. */
    .globl probe_csrr_custom
probe_csrr_custom:
    csrr    a0, 0x5c0
    ret

    /* cycle is read-only (csr[11:10] = 3): any write is illegal. */
    .globl probe_csrw_cycle
probe_csrw_cycle:
    csrw    cycle, a0
    ret

    /* csrrs with rs1 = x0 and csrrsi with uimm = 0 do not write: legal on a
     * read-only CSR (zicsr.adoc, "CSR Instructions"). */
    .globl probe_csrrs_cycle_x0
probe_csrrs_cycle_x0:
    csrrs   a0, cycle, x0
    ret

    .globl probe_csrrsi_cycle_0
probe_csrrsi_cycle_0:
    csrrsi  a0, cycle, 0
    ret

    .globl probe_csrrs_cycle_nonzero
probe_csrrs_cycle_nonzero:
    csrrs   a0, cycle, a0
    ret

    /* Reserved opcode (custom-0, 0001011): illegal where nothing implements it. */
    .globl probe_illegal
probe_illegal:
    .word   0x0000000b
    ret

    .globl probe_ebreak
probe_ebreak:
    ebreak
    ret

    /*
     * uint32_t probe_jump_2aligned(void): jump to an address that is 2- but
     * not 4-byte aligned. Without the C extension (IALIGN = 32) the jump
     * itself raises instruction-address-misaligned (cause 0), with stval =
     * the target (rv32.adoc, "Control Transfer Instructions"); with C, the
     * target holds a c.nop and the function returns 0.
     */
    .globl probe_jump_2aligned, probe_jump_insn, probe_jump_target
probe_jump_2aligned:
    la      t0, probe_jump_target
probe_jump_insn:
    jr      t0
    .balign 4
    .half   0x0001              /* c.nop, never reached */
probe_jump_target:
    .half   0x0001              /* c.nop: executed only with IALIGN = 16 */
    li      a0, 0
    ret

    /*
     * uint32_t probe_sret_s(void): SRET to S-mode. The caller has set
     * sstatus.SPP = 1 and chosen SPIE/SIE; this sets sepc to the landing
     * point and executes SRET. Returns sstatus as seen after landing, and
     * clears SIE again at once (interrupts stay under the caller's control).
     */
    .globl probe_sret_s, probe_sret_landing
probe_sret_s:
    la      t0, probe_sret_landing
    csrw    sepc, t0
    sret
probe_sret_landing:
    csrr    a0, sstatus
    csrci   sstatus, 2          /* SSTATUS_SIE */
    ret

    /* uint32_t probe_enable_sie(void): set sstatus.SIE and clear it again
     * one instruction later. A pending, enabled interrupt must be taken
     * right after the csrsi, with sepc = probe_sie_after. */
    .globl probe_enable_sie, probe_sie_after
probe_enable_sie:
    csrsi   sstatus, 2          /* SSTATUS_SIE */
probe_sie_after:
    csrci   sstatus, 2
    ret

    /* sfence.vma with and without rs1/rs2 (a0 = va, a1 = asid). */
    .globl probe_sfence_va
probe_sfence_va:
    sfence.vma a0, zero
    ret

    .globl probe_sfence_asid
probe_sfence_asid:
    sfence.vma zero, a1
    ret

    .globl probe_sfence_all
probe_sfence_all:
    sfence.vma
    ret

probe_text_end:

    /* A page-table entry's worth of code to copy into test pages: `ret`. */
    .section .rodata
    .balign 4
    .globl probe_ret_insn
probe_ret_insn:
    ret
