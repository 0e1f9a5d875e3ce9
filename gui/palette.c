/*
 * palette.c — guest and trap colours (see palette.h).
 */
#define G_LOG_DOMAIN "trapeze-palette"

#include "palette.h"

#include <stdio.h>

#define GUEST_COLOURS 8u
#define DARKEN 0.62
#define HEX_MAX 255.0

/* Okabe–Ito, reordered so that the first four guests (the default
 * scenario) get the most distinct hues; the light yellow is replaced by a
 * darker ochre that stays readable on white. */
static const struct rgb guest_colours[GUEST_COLOURS] = {
    { 0.000, 0.447, 0.698 },   /* blue */
    { 0.902, 0.624, 0.000 },   /* orange */
    { 0.000, 0.620, 0.451 },   /* bluish green */
    { 0.800, 0.475, 0.655 },   /* reddish purple */
    { 0.337, 0.706, 0.914 },   /* sky blue */
    { 0.835, 0.369, 0.000 },   /* vermillion */
    { 0.600, 0.500, 0.100 },   /* ochre */
    { 0.400, 0.400, 0.400 },   /* grey */
};

static const struct rgb trap_colours[TRAP_CAT__COUNT] = {
    [TRAP_CAT_ILLEGAL] = { 0.80, 0.10, 0.10 },    /* red */
    [TRAP_CAT_ECALL] = { 0.42, 0.20, 0.70 },      /* violet */
    [TRAP_CAT_PAGE_FAULT] = { 0.95, 0.55, 0.05 }, /* amber */
    [TRAP_CAT_TIMER] = { 0.15, 0.15, 0.15 },      /* near black */
    [TRAP_CAT_OTHER] = { 0.55, 0.55, 0.55 },      /* grey */
};

struct rgb palette_guest(unsigned guest)
{
    return guest_colours[guest % GUEST_COLOURS];
}

struct rgb palette_guest_dark(unsigned guest)
{
    struct rgb c = palette_guest(guest);
    return (struct rgb){ c.r * DARKEN, c.g * DARKEN, c.b * DARKEN };
}

struct rgb palette_unattributed(void)
{
    return (struct rgb){ 0.35, 0.35, 0.38 };
}

struct rgb palette_idle(void)
{
    return (struct rgb){ 0.78, 0.80, 0.83 };
}

struct rgb palette_trap(enum trap_category cat)
{
    return trap_colours[cat < TRAP_CAT__COUNT ? cat : TRAP_CAT_OTHER];
}

/* Exception codes of the privileged spec's mcause table (§3.1.15). */
#define EXC_ILLEGAL_INSTRUCTION 2u
#define EXC_ECALL_U 8u
#define EXC_ECALL_S 9u
#define EXC_ECALL_M 11u
#define EXC_FETCH_PAGE_FAULT 12u
#define EXC_LOAD_PAGE_FAULT 13u
#define EXC_STORE_PAGE_FAULT 15u

enum trap_category trap_category_of(uint32_t code, bool interrupt)
{
    if (interrupt)
        return TRAP_CAT_TIMER;
    switch (code) {
    case EXC_ILLEGAL_INSTRUCTION: return TRAP_CAT_ILLEGAL;
    case EXC_ECALL_U: case EXC_ECALL_S: case EXC_ECALL_M: return TRAP_CAT_ECALL;
    case EXC_FETCH_PAGE_FAULT: case EXC_LOAD_PAGE_FAULT: case EXC_STORE_PAGE_FAULT:
        return TRAP_CAT_PAGE_FAULT;
    default: return TRAP_CAT_OTHER;
    }
}

enum tz_str trap_category_label(enum trap_category cat)
{
    static const enum tz_str labels[TRAP_CAT__COUNT] = {
        [TRAP_CAT_ILLEGAL] = S_CAT_ILLEGAL, [TRAP_CAT_ECALL] = S_CAT_ECALL,
        [TRAP_CAT_PAGE_FAULT] = S_CAT_PAGE_FAULT, [TRAP_CAT_TIMER] = S_CAT_TIMER,
        [TRAP_CAT_OTHER] = S_CAT_OTHER,
    };
    return labels[cat < TRAP_CAT__COUNT ? cat : TRAP_CAT_OTHER];
}

const char *palette_hex(struct rgb c, char *buf)
{
    snprintf(buf, 8, "#%02x%02x%02x", (unsigned)(c.r * HEX_MAX + 0.5), (unsigned)(c.g * HEX_MAX + 0.5),
             (unsigned)(c.b * HEX_MAX + 0.5));
    return buf;
}
