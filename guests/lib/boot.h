/*
 * boot.h — an assembler step both M-mode firmware (guests/firmware/entry.S)
 * and every S-mode guest kernel (start.S) take before any C runs: zeroing
 * .bss, which C code may assume starts out all zero (C11 §6.7.9 p10) but
 * which the ELF file does not carry.
 */
#ifndef GUEST_BOOT_H
#define GUEST_BOOT_H

#ifdef __ASSEMBLER__
/* Zero [__bss_start, __bss_end) a word at a time (the linker scripts align
 * both symbols to 4). Clobbers t0 and t1; uses local labels 1 and 2. */
.macro ZERO_BSS
    la      t0, __bss_start
    la      t1, __bss_end
1:  bgeu    t0, t1, 2f
    sw      zero, 0(t0)
    addi    t0, t0, 4
    j       1b
2:
.endm
#endif

#endif /* GUEST_BOOT_H */
