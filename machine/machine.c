/*
 * machine.c — the machine object: creation, loading, the public API of
 * machine/machine.h and the device hooks of machine/hooks.h.
 *
 * A machine owns its RAM, its bus with the board's devices (CLINT, UART,
 * test finisher, trace port; addresses in machine/abi/trapeze_abi.h), one
 * hart and the caches in front of it. Nothing is global, so several machines
 * can run side by side in one process.
 *
 * Reset state (priv spec §3.4): M-mode, mstatus.MIE = 0, mcause = 0,
 * pc = start of RAM until the caller sets the entry point (machine_set_pc);
 * loading an ELF never changes the pc. mtimecmp starts at its maximum so
 * that no timer interrupt is pending before software programs it.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "elf.h"
#include "hooks.h"
#include "internal.h"

#define TLB_ENTRIES_MAX 4096u
#define RAM_SIZE_MAX 0x80000000u      /* RAM from 0x80000000 to the top of 32 bits */
#define UART_BUF_INITIAL 256u

static void set_err(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    if (!err || errlen == 0)
        return;
    va_start(ap, fmt);
    vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
}

static int add_device(struct machine *m, const char *name, uint32_t base, uint32_t size,
                      const struct device_ops *ops, void *ctx, char *err, size_t errlen)
{
    if (bus_add_device(&m->bus, name, base, size, ops, ctx) != 0) {
        set_err(err, errlen, "machine: cannot place device %s at 0x%08x", name, (unsigned)base);
        return -1;
    }
    return 0;
}

struct machine *machine_create(const struct machine_config *cfg, char *err, size_t errlen)
{
    struct machine_config none;
    struct machine *m;
    struct cost_profile prof;

    if (!cfg) {
        memset(&none, 0, sizeof none);
        cfg = &none;
    }
    if (cfg->profile)
        prof = *cfg->profile;
    else
        cost_profile_default(&prof);
    uint32_t ram_size = cfg->ram_size ? cfg->ram_size : prof.ram_size;
    if (ram_size == 0 || (ram_size & PAGE_MASK) || ram_size > RAM_SIZE_MAX) {
        set_err(err, errlen, "machine: RAM size %u is not a non-zero multiple of 4 KiB up to 2 GiB",
                (unsigned)ram_size);
        return NULL;
    }
    if (prof.tlb_entries == 0 || prof.tlb_entries > TLB_ENTRIES_MAX ||
        (prof.tlb_entries & (prof.tlb_entries - 1))) {
        set_err(err, errlen, "machine: profile %s: tlb_entries %u is not a power of two in 1..%u",
                prof.name, (unsigned)prof.tlb_entries, TLB_ENTRIES_MAX);
        return NULL;
    }
    if (prof.timebase_hz == 0 || prof.clock_hz < prof.timebase_hz ||
        prof.clock_hz % prof.timebase_hz) {
        set_err(err, errlen, "machine: profile %s: clock_hz must be a multiple of timebase_hz",
                prof.name);
        return NULL;
    }

    m = calloc(1, sizeof *m);
    if (!m) {
        set_err(err, errlen, "machine: out of memory");
        return NULL;
    }
    m->prof = prof;
    m->ram_base = TZ_RAM_BASE;
    m->ram_size = ram_size;
    m->ram_pages = ram_size >> PAGE_SHIFT;
    m->ram = calloc(ram_size, 1);
    m->page_flags = calloc(m->ram_pages, 1);
    m->dpages = calloc(m->ram_pages, sizeof *m->dpages);
    if (!m->ram || !m->page_flags || !m->dpages || tlb_init(m, prof.tlb_entries) != 0) {
        set_err(err, errlen, "machine: out of memory for %u bytes of RAM", (unsigned)ram_size);
        machine_destroy(m);
        return NULL;
    }
    m->bus.ram = m->ram;
    m->bus.ram_base = m->ram_base;
    m->bus.ram_size = m->ram_size;

    uart_init(&m->uart, m);
    test_finisher_init(&m->finisher, m);
    trace_port_init(&m->trace, m);
    if (add_device(m, "test-finisher", TZ_TEST_BASE, TZ_TEST_SIZE, &test_finisher_ops,
                   &m->finisher, err, errlen) ||
        add_device(m, "clint", TZ_CLINT_BASE, TZ_CLINT_SIZE, &clint_ops, m, err, errlen) ||
        add_device(m, "uart", TZ_UART_BASE, TZ_UART_SIZE, &uart_ops, &m->uart, err, errlen) ||
        add_device(m, "trace-port", TZ_TRACE_BASE, TZ_TRACE_SIZE, &trace_port_ops, &m->trace,
                   err, errlen)) {
        machine_destroy(m);
        return NULL;
    }

    m->uart_sink = cfg->uart_sink;
    m->uart_sink_ctx = cfg->uart_sink_ctx;
    m->insn_limit = cfg->max_instructions ? cfg->max_instructions : UINT64_MAX;
    m->cycle_limit = cfg->max_cycles ? cfg->max_cycles : UINT64_MAX;
    m->cycles_per_tick = prof.clock_hz / prof.timebase_hz;
    m->mtimecmp = UINT64_MAX;
    m->guest = TZ_GUEST_NONE;
    m->priv = PRV_M;
    m->pc = m->ram_base;
    m->hc_gen = 1;            /* generation 0 would match zeroed cache entries */
    hart_update_modes(m);
    return m;
}

void machine_destroy(struct machine *m)
{
    if (!m)
        return;
    if (m->dpages)
        for (uint32_t i = 0; i < m->ram_pages; i++)
            free(m->dpages[i]);
    free(m->dpages);
    free(m->page_flags);
    free(m->ram);
    free(m->uart_buf);
    tlb_free(m);
    free(m);
}

/* ---- loading ---------------------------------------------------------------- */

int machine_write_phys(struct machine *m, uint32_t paddr, const void *src, size_t len)
{
    uint32_t off = paddr - m->ram_base;
    if (off >= m->ram_size || len > m->ram_size - off)
        return -1;
    memcpy(m->ram + off, src, len);
    icache_invalidate(m, paddr, (uint32_t)len);
    return 0;
}

int machine_read_phys(const struct machine *m, uint32_t paddr, void *dst, size_t len)
{
    uint32_t off = paddr - m->ram_base;
    if (off >= m->ram_size || len > m->ram_size - off)
        return -1;
    memcpy(dst, m->ram + off, len);
    return 0;
}

static void zero_phys(struct machine *m, uint32_t paddr, uint32_t len)
{
    memset(m->ram + (paddr - m->ram_base), 0, len);
    icache_invalidate(m, paddr, len);
}

int machine_load_elf(struct machine *m, const char *path, int64_t bias,
                     struct machine_load_info *info, char *err, size_t errlen)
{
    struct elf_image img;
    uint32_t lo = UINT32_MAX, hi = 0;

    if (elf_parse(path, bias, m->ram_base, m->ram_size, &img, err, errlen) != 0)
        return -1;
    for (unsigned i = 0; i < img.nseg; i++) {
        const struct elf_segment *s = &img.seg[i];
        /* elf_parse guarantees the segment lies inside the RAM window. */
        if (machine_write_phys(m, s->paddr, s->data, s->filesz) != 0) {
            set_err(err, errlen, "%s: segment at 0x%08x does not fit in RAM", path,
                    (unsigned)s->paddr);
            elf_free(&img);
            return -1;
        }
        if (s->memsz > s->filesz)
            zero_phys(m, s->paddr + s->filesz, s->memsz - s->filesz);
        if (s->paddr < lo)
            lo = s->paddr;
        if (s->paddr + s->memsz > hi)
            hi = s->paddr + s->memsz;
    }
    if (img.has_tohost) {
        int64_t pg = ram_page(m, img.tohost);
        if (pg >= 0 && (img.tohost & 3u) == 0) {
            m->has_tohost = true;
            m->tohost = img.tohost;
            m->page_flags[pg] |= PG_WATCH;
            hc_flush(m);
        }
    }
    if (info) {
        memset(info, 0, sizeof *info);
        info->entry = img.entry;
        info->lowest = img.nseg ? lo : 0;
        info->highest = img.nseg ? hi : 0;
        info->has_tohost = img.has_tohost;
        info->tohost = img.tohost;
        info->fromhost = img.fromhost;
    }
    elf_free(&img);
    return 0;
}

int machine_boot_kernel(struct machine *m, const char *firmware, const char *kernel,
                        char *err, size_t errlen)
{
    struct machine_load_info fi, ki;
    if (machine_load_elf(m, firmware, 0, &fi, err, errlen) != 0 ||
        machine_load_elf(m, kernel, 0, &ki, err, errlen) != 0)
        return -1;
    if (ki.entry != TZ_KERNEL_BASE) {
        snprintf(err, errlen, "%s: kernel entry point is 0x%08x, but the firmware jumps to 0x%08x",
                 kernel, (unsigned)ki.entry, (unsigned)TZ_KERNEL_BASE);
        return -1;
    }
    machine_set_pc(m, fi.entry);
    return 0;
}

uint32_t machine_ram_base(const struct machine *m) { return m->ram_base; }
uint32_t machine_ram_size(const struct machine *m) { return m->ram_size; }

void machine_uart_input(struct machine *m, const void *data, size_t len)
{
    uart_push_input(&m->uart, data, len);
}

const uint8_t *machine_uart_output(const struct machine *m, size_t *len)
{
    *len = m->uart_len;
    return m->uart_buf;
}

/* ---- running ---------------------------------------------------------------- */

enum machine_status machine_run(struct machine *m, uint64_t cycles)
{
    enum machine_status st;
    m->slice_end = (cycles > UINT64_MAX - m->cycles) ? UINT64_MAX : m->cycles + cycles;
    st = exec_run(m);
    counters_account(m);
    return st;
}

int machine_exit_code(const struct machine *m) { return m->exit_code; }

const char *machine_exit_reason(const struct machine *m)
{
    return m->exit_reason ? m->exit_reason : "";
}

/* ---- state -------------------------------------------------------------------- */

uint32_t machine_pc(const struct machine *m) { return m->pc; }
void machine_set_pc(struct machine *m, uint32_t pc) { m->pc = pc; }

uint32_t machine_reg(const struct machine *m, unsigned reg)
{
    return reg < REG_COUNT ? m->x[reg] : 0;
}

void machine_set_reg(struct machine *m, unsigned reg, uint32_t value)
{
    if (reg > 0 && reg < REG_COUNT)
        m->x[reg] = value;
}

enum priv machine_priv(const struct machine *m) { return (enum priv)m->priv; }

int machine_csr_peek(const struct machine *m, uint16_t csr, uint32_t *value)
{
    if (!csr_info(csr))
        return -1;
    *value = csr_read(m, csr);
    return 0;
}

/* ---- hooks for devices ---------------------------------------------------------- */

void mach_request_exit(struct machine *m, int code, const char *reason)
{
    if (m->exit_requested)
        return;
    m->exit_requested = true;
    m->exit_code = code;
    m->exit_reason = reason;
    event_emit(m, EV_EXIT, m->priv, m->priv, 0, m->pc, 0, (uint32_t)code);
    recheck(m);
}

void mach_trace(struct machine *m, uint32_t code, const uint32_t args[4])
{
    if (unlikely(m->nlisteners != 0))
        event_emit_slow(m, EV_TRACE, m->priv, m->priv, code, m->pc, 0, 0, args);
}

void mach_set_guest(struct machine *m, uint32_t guest)
{
    counters_account(m);
    m->guest = guest;
}

void mach_uart_tx(struct machine *m, uint8_t byte)
{
    m->ctr.uart_tx_bytes++;
    if (m->uart_sink) {
        m->uart_sink(m->uart_sink_ctx, byte);
        return;
    }
    if (m->uart_len == m->uart_cap) {
        size_t ncap = m->uart_cap ? m->uart_cap * 2 : UART_BUF_INITIAL;
        uint8_t *nb = realloc(m->uart_buf, ncap);
        if (!nb)
            return;          /* output dropped, the simulation goes on */
        m->uart_buf = nb;
        m->uart_cap = ncap;
    }
    m->uart_buf[m->uart_len++] = byte;
}
