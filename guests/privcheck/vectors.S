/*
 * vectors.S — a vectored trap table for privcheck's stvec check.
 *
 * With stvec.MODE = 1 (Vectored), an interrupt with cause n enters at
 * BASE + 4*n and every exception enters at BASE (supervisor.adoc,
 * "Supervisor Trap Vector Base Address Register"). Each slot here counts
 * its entries in vector_hits[n] and then continues into the ordinary trap
 * entry, so the kernel can tell which slot the hardware chose. The slots
 * are only used while privcheck runs in S-mode (a valid kernel sp).
 */
    .section .text
    .balign 256                   /* BASE alignment beyond 4 bytes is allowed to be required */
    .globl vector_table
vector_table:
    j       vec_0
    j       vec_1
    j       trap_entry
    j       trap_entry
    j       trap_entry
    j       vec_5
    j       trap_entry
    j       trap_entry
    j       trap_entry
    j       trap_entry

#define VEC_FRAME 16
    /* count one hit in vector_hits[n]; t0/t1 are saved below sp */
    .macro COUNT_HIT n
    addi    sp, sp, -VEC_FRAME
    sw      t0, 0(sp)
    sw      t1, 4(sp)
    la      t0, vector_hits
    lw      t1, (4 * \n)(t0)
    addi    t1, t1, 1
    sw      t1, (4 * \n)(t0)
    lw      t1, 4(sp)
    lw      t0, 0(sp)
    addi    sp, sp, VEC_FRAME
    j       trap_entry
    .endm

vec_0:
    COUNT_HIT 0
vec_1:
    COUNT_HIT 1
vec_5:
    COUNT_HIT 5

    .section .bss
    .balign 4
    .globl vector_hits
vector_hits:
    .space  4 * 16
