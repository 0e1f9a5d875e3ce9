/*
 * cost.c — the machine profile: how many simulated cycles everything costs.
 *
 * A profile is a small JSON file (machine/profiles/default.json is the
 * built-in one, reproduced here as cost_profile_default so the machine runs
 * without any file). The numbers model a simple in-order, single-issue
 * 5-stage pipeline: one cycle for most instructions, more for what stalls
 * such a pipeline (load-use, multi-cycle divide, pipeline flushes on traps,
 * xRET, fence.i and sfence.vma, memory reads during a page walk).
 * docs/cost-model.md explains every field and why each default was chosen.
 *
 * Nothing in this file (or anywhere in the machine) reads host time: a run's
 * cycle count depends only on the program, its input and this profile.
 */
#include "cost.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "json.h"

/* A profile file is a few hundred bytes; anything this big is a mistake. */
#define PROFILE_MAX_BYTES (1024u * 1024u)

#define MIB (1024u * 1024u)

/* Limits a profile must respect (checked, with the field named, on load). */
#define COST_MAX          100000u        /* any single cost, in cycles */
#define TLB_ENTRIES_MAX   4096u          /* power of two, 1..4096 */
#define CLOCK_HZ_MAX      10000000000ull /* 10 GHz */
/* RAM starts at 0x80000000, so at most 2 GiB fits below 2^32. */
#define RAM_MIB_MAX       2048u

/* ---- the default profile ------------------------------------------------ */

/* Cycles per retired instruction, by class (see isa/cost_class.h). */
#define DEF_ALU       1   /* one trip through the pipeline */
#define DEF_BRANCH    1   /* not taken: predicted fall-through, no bubble */
#define DEF_TAKEN     2   /* taken: the two fetched-behind instructions are squashed */
#define DEF_JUMP      2   /* target known in EX: one bubble */
#define DEF_LOAD      2   /* a load-use bubble is the common case */
#define DEF_STORE     1   /* stores retire through a write buffer */
#define DEF_MUL       3   /* a small pipelined multiplier */
#define DEF_DIV       34  /* radix-2 iterative divider: 32 steps + setup/fixup */
#define DEF_AMO       4   /* read-modify-write: two memory accesses + ALU */
#define DEF_CSR       3   /* CSRs are read/written serialised at the end of the pipe */
#define DEF_FENCE     1   /* single hart, in-order, no caches to drain */
#define DEF_FENCE_I   8   /* flushes the fetch pipe and the pre-decoded instructions */
#define DEF_SFENCE    6   /* flushes TLB entries and the pipe */
#define DEF_SYSTEM    1   /* ecall/ebreak themselves; the trap costs trap_entry */
#define DEF_XRET      4   /* pipeline flush + privilege/status update */
#define DEF_WFI       1   /* time spent waiting is charged as idle cycles, not here */
#define DEF_TRAP      8   /* flush pipe, write xEPC/xCAUSE/xTVAL/xSTATUS, fetch from xTVEC */
#define DEF_TLB_MISS  4   /* detect miss, start the walker, refill the entry */
#define DEF_WALK_LVL  12  /* one uncached memory read per Sv32 level */
#define DEF_TLB_ENTRIES 32u
#define DEF_CLOCK_HZ    100000000ull  /* 100 MHz core */
#define DEF_TIMEBASE_HZ 10000000ull   /* 10 MHz mtime, as on QEMU's virt board */
#define DEF_RAM_MIB     128u

void cost_profile_default(struct cost_profile *out)
{
    memset(out, 0, sizeof *out);
    snprintf(out->name, sizeof out->name, "%s", "default");
    out->cost[COST_ALU] = DEF_ALU;
    out->cost[COST_BRANCH] = DEF_BRANCH;
    out->cost[COST_JUMP] = DEF_JUMP;
    out->cost[COST_LOAD] = DEF_LOAD;
    out->cost[COST_STORE] = DEF_STORE;
    out->cost[COST_MUL] = DEF_MUL;
    out->cost[COST_DIV] = DEF_DIV;
    out->cost[COST_AMO] = DEF_AMO;
    out->cost[COST_CSR] = DEF_CSR;
    out->cost[COST_FENCE] = DEF_FENCE;
    out->cost[COST_FENCE_I] = DEF_FENCE_I;
    out->cost[COST_SFENCE] = DEF_SFENCE;
    out->cost[COST_SYSTEM] = DEF_SYSTEM;
    out->cost[COST_XRET] = DEF_XRET;
    out->cost[COST_WFI] = DEF_WFI;
    out->branch_taken_penalty = DEF_TAKEN;
    out->trap_entry = DEF_TRAP;
    out->tlb_miss = DEF_TLB_MISS;
    out->page_walk_level = DEF_WALK_LVL;
    out->tlb_entries = DEF_TLB_ENTRIES;
    out->clock_hz = DEF_CLOCK_HZ;
    out->timebase_hz = DEF_TIMEBASE_HZ;
    out->ram_size = DEF_RAM_MIB * MIB;
}

/* ---- reading a profile -------------------------------------------------- */

static const char *const class_keys[COST__COUNT] = COST_CLASS_KEYS;

/* Keys of "cycles" that are not instruction classes. */
#define EXTRA_CYCLE_KEYS 4
static const char *const extra_keys[EXTRA_CYCLE_KEYS] = {
    "branch_taken_penalty", "trap_entry", "tlb_miss", "page_walk_level",
};

static const char *const top_keys[] = {
    "name", "comment", "clock_hz", "timebase_hz", "ram_mib", "tlb_entries", "cycles", NULL,
};

static bool is_pow2(uint32_t v)
{
    return v != 0 && (v & (v - 1)) == 0;
}

static int from_json(struct json_ctx *jc, const cJSON *root, struct cost_profile *out)
{
    struct cost_profile p;
    cost_profile_default(&p);   /* missing keys keep the default's value */

    if (json_check_keys(jc, root, "", top_keys) != 0)
        return -1;
    if (json_get_string(jc, root, "", "name", false, p.name, sizeof p.name) != 0)
        return -1;
    if (cJSON_GetObjectItemCaseSensitive(root, "name") && p.name[0] == '\0')
        return json_error(jc, "name", "must not be empty");
    if (cJSON_GetObjectItemCaseSensitive(root, "comment")) {
        char ignored[4096];
        if (json_get_string(jc, root, "", "comment", false, ignored, sizeof ignored) != 0)
            return -1;
    }
    if (json_get_u64(jc, root, "", "clock_hz", false, 1, CLOCK_HZ_MAX, &p.clock_hz) != 0 ||
        json_get_u64(jc, root, "", "timebase_hz", false, 1, CLOCK_HZ_MAX, &p.timebase_hz) != 0)
        return -1;
    uint32_t ram_mib = p.ram_size / MIB;
    if (json_get_u32(jc, root, "", "ram_mib", false, 1, RAM_MIB_MAX, &ram_mib) != 0)
        return -1;
    p.ram_size = ram_mib * MIB;
    if (json_get_u32(jc, root, "", "tlb_entries", false, 1, TLB_ENTRIES_MAX,
                     &p.tlb_entries) != 0)
        return -1;
    if (!is_pow2(p.tlb_entries))
        return json_error(jc, "tlb_entries", "expected a power of two from 1 to %u, got %u",
                          TLB_ENTRIES_MAX, p.tlb_entries);

    /* mtime must advance a whole number of ticks per cycle boundary:
     * one tick every clock_hz / timebase_hz cycles. */
    if (p.timebase_hz > p.clock_hz || p.clock_hz % p.timebase_hz != 0)
        return json_error(jc, "timebase_hz",
                          "must divide clock_hz exactly (clock_hz %llu, timebase_hz %llu)",
                          (unsigned long long)p.clock_hz, (unsigned long long)p.timebase_hz);

    const cJSON *cycles = cJSON_GetObjectItemCaseSensitive(root, "cycles");
    if (cycles) {
        const char *allowed[COST__COUNT + EXTRA_CYCLE_KEYS + 1];
        for (unsigned i = 0; i < COST__COUNT; i++)
            allowed[i] = class_keys[i];
        for (unsigned i = 0; i < EXTRA_CYCLE_KEYS; i++)
            allowed[COST__COUNT + i] = extra_keys[i];
        allowed[COST__COUNT + EXTRA_CYCLE_KEYS] = NULL;
        if (json_check_keys(jc, cycles, "cycles", allowed) != 0)
            return -1;
        for (unsigned i = 0; i < COST__COUNT; i++)
            if (json_get_u32(jc, cycles, "cycles", class_keys[i], false, 0, COST_MAX,
                             &p.cost[i]) != 0)
                return -1;
        uint32_t *extra[EXTRA_CYCLE_KEYS] = {
            &p.branch_taken_penalty, &p.trap_entry, &p.tlb_miss, &p.page_walk_level,
        };
        for (unsigned i = 0; i < EXTRA_CYCLE_KEYS; i++)
            if (json_get_u32(jc, cycles, "cycles", extra_keys[i], false, 0, COST_MAX,
                             extra[i]) != 0)
                return -1;
    }
    *out = p;
    return 0;
}

int cost_profile_parse(const char *name, const char *text, size_t len,
                       struct cost_profile *out, char *err, size_t errlen)
{
    struct json_ctx jc = { name, err, errlen };
    cJSON *root = json_parse(&jc, text, len);
    if (!root)
        return -1;
    int rc = from_json(&jc, root, out);
    cJSON_Delete(root);
    return rc;
}

int cost_profile_load(const char *path, struct cost_profile *out, char *err, size_t errlen)
{
    struct json_ctx jc = { path, err, errlen };
    cJSON *root = json_parse_file(&jc, path, PROFILE_MAX_BYTES);
    if (!root)
        return -1;
    int rc = from_json(&jc, root, out);
    cJSON_Delete(root);
    return rc;
}
