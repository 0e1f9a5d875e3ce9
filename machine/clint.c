/*
 * clint.c — the core-local interruptor (SiFive CLINT layout, as on QEMU's
 * `virt` board): msip at +0x0, mtimecmp at +0x4000, mtime at +0xbff8.
 *
 * Time is derived from cycles only, never from the host clock:
 *     mtime = cycles / (clock_hz / timebase_hz) + offset
 * where the offset absorbs software writes to mtime. mip.MTIP is simply
 * "mtime >= mtimecmp" (priv spec §3.2.1), evaluated when needed; the run
 * loop folds the first cycle at which that becomes true (clint_deadline)
 * into its next check, so no per-instruction timer work is done. Writes set
 * check_at = 0 so a change takes effect before the next instruction.
 *
 * Accesses must be 4 bytes wide (RV32 has no 8-byte loads). Offsets inside
 * the window that hold no register read as zero and ignore writes, as QEMU's
 * CLINT does.
 */
#include "internal.h"

#define CLINT_WORD 4u
#define HI32 32

uint64_t clint_mtime(const struct machine *m)
{
    return m->cycles / m->cycles_per_tick + m->mtime_offset;
}

uint64_t clint_deadline(const struct machine *m)
{
    uint64_t ticks;
    if (clint_mtime(m) >= m->mtimecmp)
        return m->cycles;
    ticks = m->mtimecmp - m->mtime_offset;
    if (ticks > UINT64_MAX / m->cycles_per_tick)
        return UINT64_MAX;
    return ticks * m->cycles_per_tick;
}

static int clint_read(void *ctx, uint32_t off, unsigned size, uint32_t *value)
{
    const struct machine *m = ctx;
    uint64_t t;
    if (size != CLINT_WORD)
        return -1;
    switch (off) {
    case TZ_CLINT_MSIP:             *value = m->clint_msip; break;
    case TZ_CLINT_MTIMECMP:         *value = (uint32_t)m->mtimecmp; break;
    case TZ_CLINT_MTIMECMP + 4:     *value = (uint32_t)(m->mtimecmp >> HI32); break;
    case TZ_CLINT_MTIME:
        t = clint_mtime(m);
        *value = (uint32_t)t;
        break;
    case TZ_CLINT_MTIME + 4:
        t = clint_mtime(m);
        *value = (uint32_t)(t >> HI32);
        break;
    default:                        *value = 0; break;
    }
    return 0;
}

static int clint_write(void *ctx, uint32_t off, unsigned size, uint32_t value)
{
    struct machine *m = ctx;
    uint64_t t;
    if (size != CLINT_WORD)
        return -1;
    switch (off) {
    case TZ_CLINT_MSIP:
        m->clint_msip = value & 1u;    /* only bit 0 is implemented */
        break;
    case TZ_CLINT_MTIMECMP:
        m->mtimecmp = (m->mtimecmp & ~(uint64_t)UINT32_MAX) | value;
        break;
    case TZ_CLINT_MTIMECMP + 4:
        m->mtimecmp = (m->mtimecmp & UINT32_MAX) | ((uint64_t)value << HI32);
        break;
    case TZ_CLINT_MTIME:
        t = (clint_mtime(m) & ~(uint64_t)UINT32_MAX) | value;
        m->mtime_offset = t - m->cycles / m->cycles_per_tick;
        break;
    case TZ_CLINT_MTIME + 4:
        t = (clint_mtime(m) & UINT32_MAX) | ((uint64_t)value << HI32);
        m->mtime_offset = t - m->cycles / m->cycles_per_tick;
        break;
    default:
        break;
    }
    recheck(m);
    return 0;
}

const struct device_ops clint_ops = { clint_read, clint_write };
