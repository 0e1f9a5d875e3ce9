/*
 * hostile.S — the forbidden instructions the rogue kernel tries, one small
 * leaf function each. They are written in assembly on purpose: a well-behaved
 * kernel sends every privileged operation through the arch layer, but this
 * one is a deliberate rule-breaker and the point is the raw instruction.
 *
 * Each function is a leaf that returns through ra, so when one of them
 * faults the kernel's trap handler resumes at ra: the attempt "returns"
 * without finishing, and the caller reads what the handler recorded.
 */
    .section .text
    .balign 4

    .globl hostile_store        /* void hostile_store(uint32_t addr, uint32_t value) */
hostile_store:
    sw      a1, 0(a0)
    ret

    .globl hostile_load         /* uint32_t hostile_load(uint32_t addr) */
hostile_load:
    lw      a0, 0(a0)
    ret

    .globl hostile_read_mstatus /* M-mode CSR: illegal from S-mode */
hostile_read_mstatus:
    csrr    a0, mstatus
    ret

    .globl hostile_write_mtvec  /* take over the machine's trap vector */
hostile_write_mtvec:
    csrw    mtvec, a0
    ret

    .globl hostile_mret         /* "return" into M-mode */
hostile_mret:
    mret
    ret

    /* Garbage to jump into: the all-zero word is defined to be an illegal
     * instruction (rv32.adoc: instructions with the low 16 bits all zero are
     * reserved illegal), so executing zeroed memory always traps. */
    .section .rodata
    .balign 4
    .globl hostile_garbage
hostile_garbage:
    .word   0x00000000
    .word   0xffffffff
