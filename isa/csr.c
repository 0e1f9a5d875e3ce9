/*
 * csr.c — CSR name and property lookup over the isa/csr.def table.
 *
 * Number lookups are on the interpreter's path: every CSR instruction asks
 * for its CSR's row at least once (privilege, read-only, WARL mask), and a
 * trap handler runs several of them per trap. So the lookup is a single
 * array index (csr_info() in csr.h): csr_row_of_[] maps each of the 4096
 * CSR numbers to its row in csr_rows_[] (plus one, so that 0 means "not
 * implemented"). Both tables are built by the compiler from csr.def —
 * nothing to initialise at run time and nothing that can disagree with the
 * rows. Name lookups (tools and tests, never the hot path) are linear.
 */
#include "csr.h"

#include <stddef.h>
#include <string.h>

/* Row index of every implemented CSR, in csr.def order. */
enum csr_row {
#define X(num, id, nm, pv, ro, wm) CSR_ROW_##id,
#include "csr.def"
#undef X
    CSR_ROW__COUNT
};

const struct csr_info csr_rows_[] = {
#define X(num, id, nm, pv, ro, wm) [CSR_ROW_##id] = { num, nm, pv, ro, wm },
#include "csr.def"
#undef X
};

/* csr_row_of_[number] = row + 1, or 0 for an unimplemented number (the
 * designated initialisers leave every other element zero; gcc's
 * -Woverride-init, part of -Wextra, rejects a number listed twice). One
 * byte per number keeps the table at 4 KiB; the assertion says when it must
 * grow. */
_Static_assert(CSR_ROW__COUNT < UINT8_MAX, "csr_row_of_[] holds row + 1 in a byte");
const uint8_t csr_row_of_[CSR_SPACE] = {
#define X(num, id, nm, pv, ro, wm) [num] = CSR_ROW_##id + 1,
#include "csr.def"
#undef X
};

#define CSR_ROWS ((size_t)CSR_ROW__COUNT)

const char *csr_name(unsigned number)
{
    const struct csr_info *ci = csr_info(number);
    return ci ? ci->name : NULL;
}

int csr_lookup(const char *name)
{
    for (size_t i = 0; i < CSR_ROWS; i++)
        if (strcmp(csr_rows_[i].name, name) == 0)
            return csr_rows_[i].number;
    return -1;
}

unsigned csr_count(void)
{
    return (unsigned)CSR_ROWS;
}

const struct csr_info *csr_at(unsigned i)
{
    return i < CSR_ROWS ? &csr_rows_[i] : NULL;
}
