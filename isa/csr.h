/*
 * csr.h — CSR numbers, names and static properties, from isa/csr.def.
 *
 * CSR_<NAME> constants name every implemented CSR number (so machine code
 * writes CSR_MSTATUS, never 0x300), and csr_info() gives the row for a number:
 * name, lowest privilege, read-only bit and writable (WARL) mask. Pure data.
 */
#ifndef TRAPEZE_CSR_H
#define TRAPEZE_CSR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "encoding.h"

enum csr_number {
#define X(num, id, name, priv, ro, wmask) CSR_##id = num,
#include "csr.def"
#undef X
};

struct csr_info {
    uint16_t number;
    const char *name;
    uint8_t priv;       /* lowest privilege allowed to access it (PRV_*) */
    bool read_only;
    uint32_t wmask;     /* bits software may write (WARL) */
};

#define CSR_SPACE 4096u   /* 12-bit CSR address space */

/* The lookup tables behind csr_info(), built by the compiler from csr.def
 * (isa/csr.c): csr_row_of_[number] is the number's row in csr_rows_[] plus
 * one, or 0 when trapeze does not implement the number. Use csr_info(). */
extern const uint8_t csr_row_of_[CSR_SPACE];
extern const struct csr_info csr_rows_[];

/* The row for a CSR number, or NULL if trapeze does not implement it. Inline
 * and O(1): the interpreter asks on every CSR instruction. */
static inline const struct csr_info *csr_info(unsigned number)
{
    unsigned row = number < CSR_SPACE ? csr_row_of_[number] : 0u;
    return row ? &csr_rows_[row - 1] : NULL;
}
/* Name of a CSR ("mstatus"), or NULL if unimplemented. */
const char *csr_name(unsigned number);
/* Number for a name, or -1. */
int csr_lookup(const char *name);
/* Number of implemented CSRs and the i-th row (sorted by number). */
unsigned csr_count(void);
const struct csr_info *csr_at(unsigned i);

/* The privilege and read-only bits every CSR number carries (priv spec §2.1). */
static inline unsigned csr_number_priv(unsigned number) { return (number >> 8) & 3u; }
static inline bool csr_number_read_only(unsigned number) { return ((number >> 10) & 3u) == 3u; }

#endif
