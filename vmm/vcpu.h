/*
 * vcpu.h — one guest as the VMM sees it: a virtual CPU plus its partition.
 *
 * A guest kernel believes it runs in S-mode on a machine of its own. It really
 * runs in U-mode; everything S-mode hardware would hold for it lives here:
 *
 *   - the general registers and pc while the guest is not running (the trap
 *     entry in entry.S saves them into x[] — x[] MUST stay the first member);
 *   - the virtual privilege (S or U: the guest kernel or one of its processes);
 *   - the S-mode CSRs it reads and writes (priv spec §10.1), emulated in
 *     emulate.c from the illegal-instruction traps their accesses cause;
 *   - the virtual timer (SBI set_timer), the shadow page tables (shadow.c),
 *     the virtual UART (vuart.c) and the console line being assembled.
 */
#ifndef VMM_VCPU_H
#define VMM_VCPU_H

#include <stdint.h>

#include "trapeze_abi.h"

enum vpriv { VPRIV_U = 0, VPRIV_S = 1 };

enum guest_state {
    GUEST_RUNNABLE = 0,   /* on the run queue */
    GUEST_IDLE,           /* executed WFI, waits for a virtual interrupt */
    GUEST_EXITED,         /* SBI shutdown */
    GUEST_KILLED          /* stopped by the VMM for breaking the rules */
};

/*
 * Shadow page-table views. The guest kernel (virtual S) and its processes
 * (virtual U) see different pages of the same guest address space, so each
 * gets its own shadow root and its own ASID in the real satp.
 */
enum shadow_view_id { VIEW_S = 0, VIEW_U = 1, NVIEWS = 2 };

/* Guest address spaces (values of its satp) whose shadows are kept at once:
 * a guest switching among its processes finds their shadows still filled. */
#define SHADOW_SPACES     6u
/* Shadow page-table pages per guest: the roots plus second-level tables. */
#define SHADOW_POOL_PAGES 256u
#define SHADOW_ROOTS      (SHADOW_SPACES * NVIEWS)
#define SHADOW_MAX_L0     (SHADOW_POOL_PAGES - SHADOW_ROOTS)

struct shadow_view {
    uint32_t *root;            /* machine address of the root table */
    uint32_t asid;             /* ASID used in the real satp for this view */
    uint32_t satp;             /* real satp value selecting this view */
    uint32_t nl0;              /* second-level tables hooked into root */
    uint16_t l0_slot[SHADOW_MAX_L0]; /* root indices of those tables */
    uint32_t status_dependent; /* S view holds entries granted by SUM or MXR */
};

/* One cached guest address space: its satp value and its two views. */
struct shadow_space {
    uint32_t vsatp;            /* the guest satp these shadows translate */
    uint32_t used;             /* last use (for eviction); 0 = free */
    struct shadow_view view[NVIEWS];
};

#define CONSOLE_LINE_MAX 160u

struct vcpu {
    /* ---- saved by entry.S: keep first, layout checked in trap.c ---------- */
    uint32_t x[32];            /* x[0] is always 0 */
    uint32_t pc;

    /* ---- virtual CPU ----------------------------------------------------- */
    uint32_t vpriv;            /* enum vpriv */
    uint32_t sstatus, sie, sip, stvec, sscratch, sepc, scause, stval;
    uint32_t satp, scounteren, senvcfg;
    uint64_t vtimecmp;         /* virtual timer deadline (mtime ticks) */

    /* ---- the guest --------------------------------------------------------- */
    uint32_t id;
    uint32_t mode;             /* enum tz_guest_mode */
    uint32_t pv_shared;        /* para: machine address of the shared page, 0 = none (hypercall.c) */
    const char *name;
    uint32_t part_base, part_size;  /* machine-physical partition */
    uint32_t slice_ticks;
    uint32_t state;            /* enum guest_state */
    uint32_t exit_code, exit_code_set;

    /* ---- shadow paging (shadow.c) ------------------------------------------ */
    struct shadow_space space[SHADOW_SPACES];
    uint32_t cur_space, cur_view;
    uint32_t space_clock;      /* counts satp switches, for LRU eviction */
    uint32_t pool_base;        /* machine address of this guest's page pool */
    uint32_t nfree;
    uint32_t free_page[SHADOW_POOL_PAGES];

    /* ---- containment (inject.c, sched.c) ------------------------------------ */
    uint32_t storm_epc, storm_cause, storm_tval, storm_count;
    /* The last exception injected outside the guest's trap handler: what a
     * handler that faults on its first instruction was sent to handle. */
    uint32_t origin_cause, origin_epc, origin_tval, origin_set;
    uint32_t masked_slices;
    uint32_t fill_repeat;      /* hidden faults that changed nothing, in a row */

    /* ---- devices (vuart.c) -------------------------------------------------- */
    uint8_t uart_ier, uart_lcr, uart_mcr, uart_scr, uart_dll, uart_dlm, uart_fcr;
    uint32_t line_len;
    char line[CONSOLE_LINE_MAX];
};

#endif
