/*
 * sbi.c — the SBI calling convention (riscv-sbi-doc, "Binary Encoding"):
 * a7 = extension id, a6 = function id, a0..a5 = arguments; the callee
 * returns a0 = error code and a1 = value. Legacy v0.1 calls return one value
 * in a0. An ECALL is not a privileged instruction: under the VMM it traps
 * like any other and the VMM answers it.
 */
#include "sbi.h"

struct sbiret sbi_call(uint32_t eid, uint32_t fid, uint32_t a0, uint32_t a1, uint32_t a2)
{
    register uint32_t r_a0 __asm__("a0") = a0;
    register uint32_t r_a1 __asm__("a1") = a1;
    register uint32_t r_a2 __asm__("a2") = a2;
    register uint32_t r_a6 __asm__("a6") = fid;
    register uint32_t r_a7 __asm__("a7") = eid;
    __asm__ volatile("ecall"
                     : "+r"(r_a0), "+r"(r_a1)
                     : "r"(r_a2), "r"(r_a6), "r"(r_a7)
                     : "memory");
    return (struct sbiret){ (long)r_a0, (long)r_a1 };
}

/* Legacy calls: a7 = the call number, result in a0 only. */
static long sbi_legacy(uint32_t eid, uint32_t a0, uint32_t a1)
{
    return sbi_call(eid, 0, a0, a1, 0).error;
}

long sbi_spec_version(void)
{
    return sbi_call(SBI_EXT_BASE, SBI_BASE_GET_SPEC_VERSION, 0, 0, 0).value;
}

int sbi_probe(uint32_t eid)
{
    struct sbiret r = sbi_call(SBI_EXT_BASE, SBI_BASE_PROBE_EXTENSION, eid, 0, 0);
    return r.error == SBI_SUCCESS && r.value != 0;
}

void sbi_set_timer(uint64_t when)
{
    sbi_call(SBI_EXT_TIME, SBI_TIME_SET_TIMER, (uint32_t)when, (uint32_t)(when >> 32), 0);
}

long sbi_dbcn_write(uint32_t buf_pa, uint32_t len)
{
    struct sbiret r = sbi_call(SBI_EXT_DBCN, SBI_DBCN_WRITE, len, buf_pa, 0);
    return r.error ? r.error : r.value;
}

long sbi_dbcn_read(uint32_t buf_pa, uint32_t len)
{
    struct sbiret r = sbi_call(SBI_EXT_DBCN, SBI_DBCN_READ, len, buf_pa, 0);
    return r.error ? r.error : r.value;
}

void sbi_dbcn_write_byte(uint8_t c)
{
    sbi_call(SBI_EXT_DBCN, SBI_DBCN_WRITE_BYTE, c, 0, 0);
}

void sbi_legacy_putchar(uint8_t c) { sbi_legacy(SBI_LEGACY_PUTCHAR, c, 0); }

int sbi_legacy_getchar(void) { return (int)sbi_legacy(SBI_LEGACY_GETCHAR, 0, 0); }

void sbi_set_exit_code(uint32_t code)
{
    sbi_call(SBI_EXT_TRAPEZE, SBI_TRAPEZE_SET_EXIT_CODE, code, 0, 0);
}

void sbi_shutdown(uint32_t reason)
{
    sbi_call(SBI_EXT_SRST, SBI_SRST_SYSTEM_RESET, SBI_SRST_TYPE_SHUTDOWN, reason, 0);
}
