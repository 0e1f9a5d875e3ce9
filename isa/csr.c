/*
 * csr.c — CSR name and property lookup over the isa/csr.def table.
 *
 * The rows are sorted by number, so number lookups are a binary search;
 * name lookups (used by tools and tests, never by the hot path) are linear.
 */
#include "csr.h"

#include <stddef.h>
#include <string.h>

static const struct csr_info csr_rows[] = {
#define X(num, id, nm, pv, ro, wm) { num, nm, pv, ro, wm },
#include "csr.def"
#undef X
};

#define CSR_ROWS (sizeof csr_rows / sizeof csr_rows[0])

const struct csr_info *csr_info(unsigned number)
{
    size_t lo = 0, hi = CSR_ROWS;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (csr_rows[mid].number == number)
            return &csr_rows[mid];
        if (csr_rows[mid].number < number)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

const char *csr_name(unsigned number)
{
    const struct csr_info *ci = csr_info(number);
    return ci ? ci->name : NULL;
}

int csr_lookup(const char *name)
{
    for (size_t i = 0; i < CSR_ROWS; i++)
        if (strcmp(csr_rows[i].name, name) == 0)
            return csr_rows[i].number;
    return -1;
}

unsigned csr_count(void)
{
    return (unsigned)CSR_ROWS;
}

const struct csr_info *csr_at(unsigned i)
{
    return i < CSR_ROWS ? &csr_rows[i] : NULL;
}
