/*
 * test_finisher.c — the SiFive test finisher ("sifive,test0") of QEMU's virt
 * board, at TZ_TEST_BASE.
 *
 * A program ends the simulation by writing one 32-bit word to offset 0:
 *   low 16 bits 0x5555 (TZ_TEST_PASS)  -> exit status 0
 *   low 16 bits 0x3333 (TZ_TEST_FAIL)  -> exit status = bits 31:16
 *   low 16 bits 0x7777 (reset)         -> trapeze has no reset: exit 0, "reset requested"
 * Any other value is ignored, as QEMU does. Like QEMU's model, 16- and 32-bit
 * accesses are valid and byte accesses are not (an access fault); reads
 * return 0 and writes to other offsets are ignored.
 */
#include "dev.h"

#include "../abi/trapeze_abi.h"
#include "../hooks.h"

#define FINISHER_STATUS_MASK 0xFFFFu   /* bits 15:0 = what to do */
#define FINISHER_CODE_SHIFT  16        /* bits 31:16 = exit code on fail */
#define FINISHER_RESET       0x7777u
#define FINISHER_MIN_ACCESS  2

void test_finisher_init(struct test_finisher *t, struct machine *m)
{
    t->m = m;
}

static int finisher_read(void *ctx, uint32_t offset, unsigned size, uint32_t *value)
{
    (void)ctx;
    (void)offset;
    if (size < FINISHER_MIN_ACCESS)
        return -1;
    *value = 0;
    return 0;
}

static int finisher_write(void *ctx, uint32_t offset, unsigned size, uint32_t value)
{
    struct test_finisher *t = ctx;
    if (size < FINISHER_MIN_ACCESS)
        return -1;
    if (offset != 0)
        return 0;
    switch (value & FINISHER_STATUS_MASK) {
    case TZ_TEST_PASS:
        mach_request_exit(t->m, 0, "test finisher: pass");
        break;
    case TZ_TEST_FAIL:
        mach_request_exit(t->m, (int)(value >> FINISHER_CODE_SHIFT), "test finisher: fail");
        break;
    case FINISHER_RESET:
        mach_request_exit(t->m, 0, "reset requested");
        break;
    default:
        break;   /* QEMU ignores unknown commands too */
    }
    return 0;
}

const struct device_ops test_finisher_ops = { finisher_read, finisher_write };
