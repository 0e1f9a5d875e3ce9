/*
 * sbi.h — calls from a guest kernel to the layer below (native firmware or
 * the VMM) through the Supervisor Binary Interface
 * (riscv-non-isa/riscv-sbi-doc): ECALL with a7 = extension, a6 = function.
 * Numbers come from machine/abi/trapeze_abi.h, shared with both providers.
 */
#ifndef GUEST_SBI_H
#define GUEST_SBI_H

#include <stdint.h>

#include "trapeze_abi.h"

struct sbiret {
    long error;       /* SBI_SUCCESS or SBI_ERR_* */
    long value;
};

struct sbiret sbi_call(uint32_t eid, uint32_t fid, uint32_t a0, uint32_t a1, uint32_t a2);

/* BASE */
long sbi_spec_version(void);
int sbi_probe(uint32_t eid);             /* 1 if the extension is there */

/* TIME: raise the supervisor timer interrupt when time >= when (clears it now). */
void sbi_set_timer(uint64_t when);

/* Console: DBCN takes a *physical* buffer address; legacy calls one byte. */
long sbi_dbcn_write(uint32_t buf_pa, uint32_t len);   /* bytes written or SBI_ERR_* */
long sbi_dbcn_read(uint32_t buf_pa, uint32_t len);    /* bytes read (0 = none) */
void sbi_dbcn_write_byte(uint8_t c);
void sbi_legacy_putchar(uint8_t c);
int sbi_legacy_getchar(void);            /* -1 when nothing is waiting */

/* SRST shutdown; exit code through the trapeze vendor extension first. */
void sbi_set_exit_code(uint32_t code);
void sbi_shutdown(uint32_t reason);      /* SBI_SRST_REASON_*; returns only on error */

#endif
