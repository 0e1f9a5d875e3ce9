/*
 * cost.h — the cycle cost model: a machine profile read from JSON.
 *
 * Every retired instruction adds cost[class] cycles; a taken branch adds
 * branch_taken_penalty on top; ECALL and EBREAK, which never retire, are
 * charged their class (system) when they raise their trap; taking a trap adds
 * trap_entry, counted for the privilege (and guest) the trap enters; a TLB
 * miss adds tlb_miss plus page_walk_level for every page-table level read.
 * docs/cost-model.md has the full table of what is charged when.
 * mtime advances by one tick every clock_hz / timebase_hz cycles.
 * The format is documented in docs/cost-model.md.
 */
#ifndef TRAPEZE_COST_H
#define TRAPEZE_COST_H

#include <stddef.h>
#include <stdint.h>

#include "../isa/cost_class.h"

struct cost_profile {
    char name[64];
    uint32_t cost[COST__COUNT];      /* cycles per retired instruction, by class */
    uint32_t branch_taken_penalty;   /* extra cycles for a taken conditional branch */
    uint32_t trap_entry;             /* cycles to take a trap or interrupt */
    uint32_t tlb_miss;               /* fixed cycles per TLB miss */
    uint32_t page_walk_level;        /* cycles per page-table level read */
    uint32_t tlb_entries;            /* TLB model size (power of two, 1..4096) */
    uint64_t clock_hz;               /* simulated core clock */
    uint64_t timebase_hz;            /* mtime frequency; clock_hz % timebase_hz == 0 */
    uint32_t ram_size;               /* default RAM size in bytes */
};

/* The built-in default; identical to machine/profiles/default.json (a test checks). */
void cost_profile_default(struct cost_profile *out);

/*
 * Read a profile from a JSON file. Missing keys take the default's value;
 * unknown keys, wrong types, negative, non-integer or out-of-range numbers
 * are errors. Returns 0, or -1 with err = "FILE: path.to.field: what is wrong".
 */
int cost_profile_load(const char *path, struct cost_profile *out, char *err, size_t errlen);

/* Same, from a string already in memory; `name` is used in messages. */
int cost_profile_parse(const char *name, const char *text, size_t len,
                       struct cost_profile *out, char *err, size_t errlen);

#endif
