/*
 * icache.c — the decode cache: instructions decoded once per physical place.
 *
 * Each 4 KiB RAM page that instructions are fetched from gets an array of
 * 1024 pre-decoded entries (struct dentry), allocated on first fetch; an
 * entry is decoded lazily the first time it executes (op EX_DECODE until
 * then). Keying by physical address means privilege changes, satp switches
 * and aliases never require a flush.
 *
 * Coherence: the page is flagged PG_CODE, which keeps stores to it off the
 * host store fast path; every store into a PG_CODE page (by the program, by
 * a page-table A/D update, or by the host through machine_write_phys) resets
 * the entries it overwrote to EX_DECODE. So self-modifying code always sees
 * its new instructions, and FENCE.I has nothing left to do (the spec allows
 * instruction fetch to be more coherent than FENCE.I requires, Zifencei).
 */
#include <stdlib.h>

#include "internal.h"

struct dpage *icache_page(struct machine *m, uint32_t page_index)
{
    struct dpage *dp = m->dpages[page_index];
    if (dp)
        return dp;
    dp = malloc(sizeof *dp);
    if (!dp)
        return NULL;
    for (unsigned i = 0; i < INSNS_PER_PAGE; i++)
        dp->e[i].op = EX_DECODE;
    m->dpages[page_index] = dp;
    m->page_flags[page_index] |= PG_CODE;
    hc_flush(m);        /* the host store cache may map this page */
    return dp;
}

void icache_fill(const struct machine *m, struct dentry *e, uint32_t word)
{
    struct insn in;
    insn_decode(word, &in);
    e->op = (uint8_t)in.op;
    e->rd = in.rd ? in.rd : (uint8_t)REG_SINK;
    e->rs1 = in.rs1;
    e->rs2 = in.rs2;
    e->imm = in.imm;
    e->raw = word;
    e->cost = m->prof.cost[insn_table[in.op].cost];
}

void icache_invalidate(struct machine *m, uint32_t paddr, uint32_t len)
{
    uint32_t first, last;
    if (len == 0)
        return;
    first = paddr & ~(INSN_SIZE - 1);
    last = (paddr + len - 1) & ~(INSN_SIZE - 1);
    for (uint32_t a = first;; a += INSN_SIZE) {
        int64_t pg = ram_page(m, a);
        if (pg >= 0 && m->dpages[pg]) {
            m->dpages[pg]->e[(a >> 2) & (INSNS_PER_PAGE - 1)].op = EX_DECODE;
        } else if (last - a >= PAGE_SIZE) {
            /* nothing decoded on this page (or not RAM): skip to the last
             * word of the page, so loading a large image stays cheap */
            a |= PAGE_MASK & ~(INSN_SIZE - 1);
        }
        if (a == last)
            break;
    }
}
