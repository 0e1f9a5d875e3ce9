/*
 * firmware.c — a tiny M-mode SBI implementation for running guest kernels
 * natively (on trapeze or on qemu-system-riscv32 -machine virt -bios none).
 *
 * A RISC-V S-mode kernel never touches M-mode state: it asks the layer below
 * through the Supervisor Binary Interface (riscv-non-isa/riscv-sbi-doc), with
 * ECALL, a7 = extension id, a6 = function id, a0..a5 = arguments, and gets
 * a0 = error, a1 = value back. This firmware is that layer, and nothing more:
 *
 *   BASE   spec/impl version, probe_extension, vendor/arch/impl ids
 *   TIME   set_timer: program the CLINT's mtimecmp; when it fires, raise the
 *          supervisor timer interrupt (the "STIP dance" every SBI does, since
 *          S-mode cannot own the machine timer)
 *   DBCN   console write/read/write_byte on the ns16550a UART
 *   SRST   system_reset(shutdown) through the SiFive test finisher
 *   legacy set_timer, console_putchar, console_getchar, shutdown (SBI v0.1)
 *   0x0A545A00 (trapeze vendor extension) set_exit_code, so a kernel's test
 *          result becomes the exit status of the whole run
 *
 * Before entering the kernel it delegates S-mode's own traps and interrupts
 * (medeleg/mideleg), opens the counters (mcounteren), and sets up PMP so
 * that S/U-mode may use all memory except the firmware's own 1 MiB — which
 * is what makes a hostile kernel's write to 0x80000000 fault.
 *
 * The same kernels later run under the VMM, which answers the same SBI calls.
 */
#include <stdint.h>

#include "trapeze_abi.h"
#include "riscv.h"
#include "fw_frame.h"

#define SBI_IMPL_VERSION        1u
#define SBI_LEGACY_GETCHAR_NONE (-1)
#define SBI_SRST_TYPE_COLD_REBOOT 1u
#define SBI_SRST_TYPE_WARM_REBOOT 2u
#define EXIT_CODE_MASK          0xFFFFu   /* the test finisher carries 16 bits */
#define EXIT_STATUS_SHIFT       16
#define INSN_BYTES              4u        /* ECALL is never compressed (no C ext) */

#define csr_read(csr) ({ uint32_t v_; __asm__ volatile("csrr %0, " #csr : "=r"(v_)); v_; })
#define csr_write(csr, v) __asm__ volatile("csrw " #csr ", %0" :: "r"((uint32_t)(v)))
#define csr_set(csr, v) __asm__ volatile("csrs " #csr ", %0" :: "r"((uint32_t)(v)))
#define csr_clear(csr, v) __asm__ volatile("csrc " #csr ", %0" :: "r"((uint32_t)(v)))

static struct {
    int exit_code_set;
    uint32_t exit_code;
} fw;

/* ---- devices --------------------------------------------------------------- */

static volatile uint8_t *const uart = (volatile uint8_t *)TZ_UART_BASE;

static void uart_putc(uint8_t c)
{
    while (!(uart[TZ_UART_LSR] & TZ_UART_LSR_THRE))
        ;
    uart[TZ_UART_THR] = c;
}

static int uart_getc(void)
{
    if (!(uart[TZ_UART_LSR] & TZ_UART_LSR_DR))
        return SBI_LEGACY_GETCHAR_NONE;
    return uart[TZ_UART_RBR];
}

static void fw_puts(const char *s)
{
    while (*s)
        uart_putc((uint8_t)*s++);
}

static void fw_puthex(uint32_t v)
{
    static const char digits[] = "0123456789abcdef";
    fw_puts("0x");
    for (int shift = 28; shift >= 0; shift -= 4)
        uart_putc((uint8_t)digits[(v >> shift) & 0xFu]);
}

/* Write the SiFive test finisher: the simulator/QEMU exits with `code`. */
static __attribute__((noreturn)) void finish(uint32_t code)
{
    volatile uint32_t *finisher = (volatile uint32_t *)TZ_TEST_BASE;
    code &= EXIT_CODE_MASK;
    *finisher = code == 0 ? TZ_TEST_PASS : (code << EXIT_STATUS_SHIFT) | TZ_TEST_FAIL;
    for (;;)
        __asm__ volatile("wfi");
}

static __attribute__((noreturn)) void fatal(const char *what, const struct fw_frame *f)
{
    fw_puts("\nfirmware: ");
    fw_puts(what);
    fw_puts(" mcause=");
    fw_puthex(csr_read(mcause));
    fw_puts(" mepc=");
    fw_puthex(csr_read(mepc));
    fw_puts(" mtval=");
    fw_puthex(csr_read(mtval));
    if (f) {
        fw_puts(" ra=");
        fw_puthex(f->x[1]);
    }
    fw_puts("\n");
    finish(1);
}

/*
 * Program the machine timer for an S-mode deadline (SBI TIME set_timer).
 * mtimecmp is 64 bits written as two halves: park the high half at the
 * maximum first so no intermediate value can fire early. The pending
 * supervisor timer interrupt is cleared, as the SBI spec requires.
 */
static void set_timer(uint64_t when)
{
    volatile uint32_t *cmp = (volatile uint32_t *)(TZ_CLINT_BASE + TZ_CLINT_MTIMECMP);
    cmp[1] = UINT32_MAX;
    cmp[0] = (uint32_t)when;
    cmp[1] = (uint32_t)(when >> 32);
    csr_clear(mip, MIP_STIP);
    csr_set(mie, MIE_MTIE);
}

/* ---- SBI -------------------------------------------------------------------- */

struct sbiret {
    long error;
    long value;
};

static int extension_available(uint32_t eid)
{
    switch (eid) {
    case SBI_LEGACY_SET_TIMER:
    case SBI_LEGACY_PUTCHAR:
    case SBI_LEGACY_GETCHAR:
    case SBI_LEGACY_SHUTDOWN:
    case SBI_EXT_BASE:
    case SBI_EXT_TIME:
    case SBI_EXT_SRST:
    case SBI_EXT_DBCN:
    case SBI_EXT_TRAPEZE:
        return 1;
    default:
        return 0;
    }
}

static __attribute__((noreturn)) void shutdown(uint32_t reason)
{
    if (fw.exit_code_set)
        finish(fw.exit_code);
    finish(reason == SBI_SRST_REASON_NONE ? 0 : 1);
}

/*
 * A DBCN buffer is a physical address range (a1 = low, a2 = high word). The
 * kernel may only name memory it could reach itself: RAM above the firmware.
 * Anything else (the firmware's own memory, devices, beyond RAM) is refused,
 * so the console cannot be used to read or write what PMP protects.
 */
static int dbcn_range_ok(uint32_t lo, uint32_t hi, uint32_t len)
{
    const uint32_t ram_end = TZ_RAM_BASE + TZ_NATIVE_RAM_SIZE;
    if (hi != 0 || lo < TZ_RAM_BASE + TZ_FIRMWARE_SIZE || lo >= ram_end)
        return 0;
    return len <= ram_end - lo;
}

static struct sbiret sbi_base(uint32_t fid, uint32_t a0)
{
    struct sbiret r = { SBI_SUCCESS, 0 };
    switch (fid) {
    case SBI_BASE_GET_SPEC_VERSION:  r.value = (long)SBI_SPEC_VERSION_2_0; break;
    case SBI_BASE_GET_IMPL_ID:       r.value = SBI_IMPL_ID_TRAPEZE; break;
    case SBI_BASE_GET_IMPL_VERSION:  r.value = SBI_IMPL_VERSION; break;
    case SBI_BASE_PROBE_EXTENSION:   r.value = extension_available(a0); break;
    case SBI_BASE_GET_MVENDORID:     r.value = (long)csr_read(mvendorid); break;
    case SBI_BASE_GET_MARCHID:       r.value = (long)csr_read(marchid); break;
    case SBI_BASE_GET_MIMPID:        r.value = (long)csr_read(mimpid); break;
    default:                         r.error = SBI_ERR_NOT_SUPPORTED; break;
    }
    return r;
}

static struct sbiret sbi_dbcn(uint32_t fid, uint32_t n, uint32_t lo, uint32_t hi)
{
    struct sbiret r = { SBI_SUCCESS, 0 };
    switch (fid) {
    case SBI_DBCN_WRITE:
        if (!dbcn_range_ok(lo, hi, n)) {
            r.error = SBI_ERR_INVALID_PARAM;
            break;
        }
        for (uint32_t i = 0; i < n; i++)
            uart_putc(((const volatile uint8_t *)lo)[i]);
        r.value = (long)n;
        break;
    case SBI_DBCN_READ: {
        if (!dbcn_range_ok(lo, hi, n)) {
            r.error = SBI_ERR_INVALID_PARAM;
            break;
        }
        uint32_t got = 0;
        int c;
        while (got < n && (c = uart_getc()) != SBI_LEGACY_GETCHAR_NONE)
            ((volatile uint8_t *)lo)[got++] = (uint8_t)c;
        r.value = (long)got;
        break;
    }
    case SBI_DBCN_WRITE_BYTE:
        uart_putc((uint8_t)n);
        break;
    default:
        r.error = SBI_ERR_NOT_SUPPORTED;
        break;
    }
    return r;
}

static struct sbiret sbi_srst(uint32_t fid, uint32_t type, uint32_t reason)
{
    struct sbiret r = { SBI_ERR_NOT_SUPPORTED, 0 };
    if (fid != SBI_SRST_SYSTEM_RESET)
        return r;
    if (type == SBI_SRST_TYPE_SHUTDOWN)
        shutdown(reason);
    if (type != SBI_SRST_TYPE_COLD_REBOOT && type != SBI_SRST_TYPE_WARM_REBOOT)
        r.error = SBI_ERR_INVALID_PARAM;   /* reboot is valid, just not offered */
    return r;
}

/* Serve one ECALL from S-mode; results go back into the saved a0/a1. */
static void sbi_call(struct fw_frame *f)
{
    const uint32_t eid = f->x[REG_A7], fid = f->x[REG_A6];
    const uint32_t a0 = f->x[REG_A0], a1 = f->x[REG_A1], a2 = f->x[REG_A2];
    struct sbiret r = { SBI_ERR_NOT_SUPPORTED, 0 };

    switch (eid) {
    /* Legacy calls (SBI v0.1) return one value in a0 and leave a1 alone. */
    case SBI_LEGACY_SET_TIMER:
        set_timer(((uint64_t)a1 << 32) | a0);
        f->x[REG_A0] = 0;
        return;
    case SBI_LEGACY_PUTCHAR:
        uart_putc((uint8_t)a0);
        f->x[REG_A0] = 0;
        return;
    case SBI_LEGACY_GETCHAR:
        f->x[REG_A0] = (uint32_t)uart_getc();
        return;
    case SBI_LEGACY_SHUTDOWN:
        shutdown(SBI_SRST_REASON_NONE);
    case SBI_EXT_BASE:
        r = sbi_base(fid, a0);
        break;
    case SBI_EXT_TIME:
        if (fid == SBI_TIME_SET_TIMER) {
            set_timer(((uint64_t)a1 << 32) | a0);
            r.error = SBI_SUCCESS;
        }
        break;
    case SBI_EXT_DBCN:
        r = sbi_dbcn(fid, a0, a1, a2);
        break;
    case SBI_EXT_SRST:
        r = sbi_srst(fid, a0, a1);
        break;
    case SBI_EXT_TRAPEZE:
        if (fid == SBI_TRAPEZE_SET_EXIT_CODE) {
            fw.exit_code = a0;
            fw.exit_code_set = 1;
            r.error = SBI_SUCCESS;
        }
        break;
    default:
        break;
    }
    f->x[REG_A0] = (uint32_t)r.error;
    f->x[REG_A1] = (uint32_t)r.value;
}

/* ---- trap handling ---------------------------------------------------------- */

void fw_trap(struct fw_frame *f);
uint32_t fw_main(void);

void fw_trap(struct fw_frame *f)
{
    const uint32_t cause = csr_read(mcause);

    if (cause & CAUSE_INTERRUPT) {
        if ((cause & ~CAUSE_INTERRUPT) != IRQ_M_TIMER)
            fatal("unexpected interrupt", f);
        /*
         * The kernel's deadline has come: hand it to S-mode as a pending
         * supervisor timer interrupt (delegated, so the kernel's stvec takes
         * it as soon as it runs with SIE set). MTIE goes off until the next
         * set_timer, because mtip stays high until mtimecmp is rewritten.
         */
        csr_set(mip, MIP_STIP);
        csr_clear(mie, MIE_MTIE);
        return;
    }
    if (cause == CAUSE_SUPERVISOR_ECALL) {
        csr_write(mepc, csr_read(mepc) + INSN_BYTES);
        sbi_call(f);
        return;
    }
    /* Everything an S-mode kernel can cause itself is delegated; what is left
     * is a firmware bug or a trap from M-mode. */
    fatal("unexpected trap", f);
}

/* Configure the machine for an S-mode kernel; return the bootinfo address. */
uint32_t fw_main(void)
{
    struct tz_bootinfo *bi = (struct tz_bootinfo *)TZ_NATIVE_BOOTINFO_ADDR;
    static const char name[] = "native";

    bi->magic = TZ_BOOTINFO_MAGIC;
    bi->version = 1;
    bi->ram_base = TZ_RAM_BASE;
    bi->ram_size = TZ_NATIVE_RAM_SIZE;
    bi->timebase_hz = TZ_NATIVE_TIMEBASE_HZ;
    bi->flags = 0;
    bi->guest_id = 0;
    bi->reserved = 0;
    for (unsigned i = 0; i < sizeof bi->name; i++)
        bi->name[i] = i < sizeof name ? name[i] : 0;

    /*
     * PMP (priv spec "Physical Memory Protection"): entry 0 covers the
     * firmware's 1 MiB with no permissions, entry 1 covers everything with
     * RWX. The lowest-numbered matching entry wins, so S/U-mode can reach all
     * memory except the firmware; M-mode ignores unlocked entries. Without
     * any entry S/U-mode could reach nothing at all.
     */
    csr_write(pmpaddr0, PMP_NAPOT_ADDR(TZ_RAM_BASE, TZ_FIRMWARE_SIZE));
    csr_write(pmpaddr1, PMP_ADDR_ALL);
    csr_write(pmpcfg0, (PMPCFG_A_NAPOT << 0) |
                       ((PMPCFG_A_NAPOT | PMPCFG_R | PMPCFG_W | PMPCFG_X) << PMPCFG_ENTRY_BITS));

    /* Traps the kernel handles itself go straight to its stvec (machine.adoc
     * "Machine Trap Delegation Registers"). ECALL from S stays here: that is
     * the SBI. Access faults are delegated too so a kernel can observe what
     * PMP refused. */
    csr_write(medeleg, (1u << CAUSE_MISALIGNED_FETCH) | (1u << CAUSE_FETCH_ACCESS) |
                       (1u << CAUSE_ILLEGAL_INSTRUCTION) | (1u << CAUSE_BREAKPOINT) |
                       (1u << CAUSE_MISALIGNED_LOAD) | (1u << CAUSE_LOAD_ACCESS) |
                       (1u << CAUSE_MISALIGNED_STORE) | (1u << CAUSE_STORE_ACCESS) |
                       (1u << CAUSE_USER_ECALL) | (1u << CAUSE_FETCH_PAGE_FAULT) |
                       (1u << CAUSE_LOAD_PAGE_FAULT) | (1u << CAUSE_STORE_PAGE_FAULT));
    csr_write(mideleg, MIP_SSIP | MIP_STIP | MIP_SEIP);
    csr_write(mcounteren, COUNTEREN_CY | COUNTEREN_TM | COUNTEREN_IR);

    /* No timer until the kernel asks for one. */
    volatile uint32_t *cmp = (volatile uint32_t *)(TZ_CLINT_BASE + TZ_CLINT_MTIMECMP);
    cmp[1] = UINT32_MAX;
    cmp[0] = UINT32_MAX;
    csr_write(mie, 0);
    csr_write(mip, 0);

    csr_write(satp, 0);
    csr_write(stvec, TZ_KERNEL_BASE);
    csr_write(mepc, TZ_KERNEL_BASE);
    uint32_t ms = csr_read(mstatus);
    ms &= ~(MSTATUS_MPP | MSTATUS_MPRV | MSTATUS_MPIE | MSTATUS_MIE);
    ms |= MSTATUS_MPP_S;
    csr_write(mstatus, ms);
    return (uint32_t)(uintptr_t)bi;
}
