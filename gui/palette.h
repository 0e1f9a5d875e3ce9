/*
 * palette.h — the colours every dashboard widget agrees on.
 *
 * A guest has the same colour in the timeline, its panel, the trap log and
 * the comparison chart, so students can follow one guest across the
 * window. The guest colours are the Okabe–Ito palette (distinguishable with
 * the common colour-vision deficiencies and on washed-out classroom
 * projectors); trap markers use a separate, darker set keyed by what
 * caused the trap.
 */
#ifndef TRAPEZE_GUI_PALETTE_H
#define TRAPEZE_GUI_PALETTE_H

#include <stdbool.h>
#include <stdint.h>

#include "i18n.h"

struct rgb { double r, g, b; };

/* What caused a trap, grouped the way a lecture groups them. */
enum trap_category {
    TRAP_CAT_ILLEGAL = 0,   /* privileged instruction trapped for emulation */
    TRAP_CAT_ECALL,         /* SBI call or system call */
    TRAP_CAT_PAGE_FAULT,    /* shadow fill or injected fault */
    TRAP_CAT_TIMER,         /* the VMM's slice timer (and other interrupts) */
    TRAP_CAT_OTHER,
    TRAP_CAT__COUNT
};

struct rgb palette_guest(unsigned guest);          /* wraps around past 8 */
struct rgb palette_guest_dark(unsigned guest);     /* the VMM lane's shade of it */
struct rgb palette_unattributed(void);             /* VMM work for no guest */
struct rgb palette_idle(void);                     /* the hart asleep (WFI) */
struct rgb palette_trap(enum trap_category cat);
enum trap_category trap_category_of(uint32_t code, bool interrupt);
enum tz_str trap_category_label(enum trap_category cat);
/* "#rrggbb" for Pango markup. buf must hold 8 bytes. */
const char *palette_hex(struct rgb c, char *buf);

#endif
