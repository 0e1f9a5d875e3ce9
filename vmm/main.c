/*
 * main.c — boot: read what the host prepared, build one vcpu per guest, start.
 *
 * The host (machine/scenario.c) loaded every guest kernel into its partition
 * and wrote a struct tz_vmm_bootinfo at TZ_VMM_BOOTINFO_ADDR. The VMM trusts
 * nothing in it: every partition is checked against machine RAM, the VMM's
 * own region and the other partitions before any guest runs.
 *
 * Each guest then gets what native firmware would give it: hart id 0 in a0,
 * the guest-physical address of a struct tz_bootinfo in a1 (the block is
 * written into the guest's own memory at TZ_GUEST_BOOTINFO_GPA), pc at its
 * kernel entry, virtual S-mode, paging off.
 */
#include "vmm.h"

#define REG_A0 10
#define REG_A1 11
#define PMP_NAPOT_ALL 0xFFFFFFFFu   /* pmpaddr for a NAPOT region covering everything */
#define PMPCFG_RWX_NAPOT 0x1Fu      /* R | W | X | A=NAPOT (priv spec §3.7.1) */

struct vcpu vcpus[TZ_VMM_MAX_GUESTS];
uint32_t nguests;
const volatile struct tz_vmm_bootinfo *bootinfo =
    (const volatile struct tz_vmm_bootinfo *)(uintptr_t)TZ_VMM_BOOTINFO_ADDR;
static char names[TZ_VMM_MAX_GUESTS][TZ_GUEST_NAME_MAX];

static void boot_fail(const char *what, uint32_t guest)
{
    vmm_printf("[vmm] bad boot info: %s (guest %u)\n", what, guest);
    machine_finish(1);
}

static void check_bootinfo(void)
{
    if (bootinfo->magic != TZ_VMM_BOOTINFO_MAGIC)
        boot_fail("no boot-info block (magic)", 0);
    if (bootinfo->version != TZ_VMM_BOOTINFO_VERSION)
        boot_fail("unsupported boot-info version", 0);
    if (bootinfo->nguests == 0 || bootinfo->nguests > TZ_VMM_MAX_GUESTS)
        boot_fail("number of guests out of range", bootinfo->nguests);
    if (bootinfo->timebase_hz == 0)
        boot_fail("timebase is 0", 0);
    uint64_t ram_end = (uint64_t)TZ_RAM_BASE + bootinfo->ram_size;
    for (uint32_t i = 0; i < bootinfo->nguests; i++) {
        const volatile struct tz_vmm_guest *g = &bootinfo->guest[i];
        uint64_t end = (uint64_t)g->part_base + g->part_size;
        if (g->mode != TZ_GUEST_MODE_FULL && g->mode != TZ_GUEST_MODE_EMULATED &&
            g->mode != TZ_GUEST_MODE_PARA)
            boot_fail("guest mode not implemented", i);
        if (g->part_base < TZ_PART_BASE || end > ram_end)
            boot_fail("partition outside guest RAM", i);
        if ((g->part_base | g->part_size) & (TZ_PART_ALIGN - 1))
            boot_fail("partition not aligned", i);
        if (g->part_size < TZ_PART_MIN_SIZE || g->part_size > TZ_PART_MAX_SIZE)
            boot_fail("partition size out of range", i);
        if (g->entry < TZ_KERNEL_BASE || g->entry - TZ_RAM_BASE >= g->part_size)
            boot_fail("entry point outside the guest's memory", i);
        if (g->slice_ticks == 0)
            boot_fail("time slice is 0", i);
        for (uint32_t j = 0; j < i; j++) {
            const volatile struct tz_vmm_guest *o = &bootinfo->guest[j];
            if (g->part_base < o->part_base + o->part_size && o->part_base < end)
                boot_fail("partitions overlap", i);
        }
    }
}

/* What native firmware hands a kernel: struct tz_bootinfo in its own RAM. */
static void write_guest_bootinfo(struct vcpu *v)
{
    uint32_t mpa;
    if (!gpa_to_mpa(v, TZ_GUEST_BOOTINFO_GPA, &mpa))
        boot_fail("boot-info page outside the partition", v->id);
    struct tz_bootinfo *b = (struct tz_bootinfo *)(uintptr_t)mpa;
    memset(b, 0, sizeof *b);
    b->magic = TZ_BOOTINFO_MAGIC;
    b->version = 1;
    b->ram_base = TZ_RAM_BASE;
    b->ram_size = v->part_size;
    b->timebase_hz = bootinfo->timebase_hz;
    b->flags = TZ_BOOT_VIRTUALIZED |
               (v->mode == TZ_GUEST_MODE_PARA ? TZ_BOOT_PARAVIRT : 0);   /* hypercall.c */
    b->guest_id = v->id;
    memcpy(b->name, v->name, TZ_GUEST_NAME_MAX);
}

static void init_guest(uint32_t i)
{
    struct vcpu *v = &vcpus[i];
    const volatile struct tz_vmm_guest *g = &bootinfo->guest[i];
    memset(v, 0, sizeof *v);
    for (uint32_t k = 0; k + 1 < TZ_GUEST_NAME_MAX; k++)
        names[i][k] = g->name[k];
    names[i][TZ_GUEST_NAME_MAX - 1] = 0;
    v->id = i;
    v->mode = g->mode;
    v->name = names[i];
    v->part_base = g->part_base;
    v->part_size = g->part_size;
    v->slice_ticks = g->slice_ticks;
    v->state = GUEST_RUNNABLE;
    v->vpriv = VPRIV_S;
    v->pc = g->entry;
    v->x[REG_A0] = 0;                       /* every guest is hart 0 of its machine */
    v->x[REG_A1] = TZ_GUEST_BOOTINFO_GPA;
    v->vtimecmp = UINT64_MAX;               /* no virtual timer until set_timer */
    v->uart_lcr = 0x03;                     /* 8N1, as after reset of a 16550 */
    shadow_init(v);
    write_guest_bootinfo(v);
    vmm_printf("[vmm] guest %u '%s': partition %08x..%08x, entry %08x, slice %u ticks\n",
               i, v->name, v->part_base, v->part_base + v->part_size, g->entry, v->slice_ticks);
}

void vmm_main(void);
void vmm_main(void)
{
    check_bootinfo();
    nguests = bootinfo->nguests;
    vmm_printf("[vmm] trapeze VMM: %u guest(s)\n", nguests);

    /* Every guest trap and interrupt comes to M-mode: no delegation (the
     * guest kernel is not in S-mode, so S-mode handlers would be wrong). */
    csr_write(medeleg, 0);
    csr_write(mideleg, 0);
    /* Counters readable below M; scounteren is then set per view. */
    csr_write(mcounteren, COUNTEREN_CY_TM_IR);
    /* U-mode needs a PMP entry to reach memory at all (priv spec §3.7.1);
     * isolation comes from the shadow page tables, which map only the
     * guest's partition. */
    csr_write(pmpaddr0, PMP_NAPOT_ALL);
    csr_write(pmpcfg0, PMPCFG_RWX_NAPOT);
    /* MPP = U: every MRET enters a guest deprivileged; MIE stays 0 in the
     * VMM, and machine interrupts are always enabled in U-mode. */
    csr_clear(mstatus, MSTATUS_MPP | MSTATUS_MIE | MSTATUS_MPIE | MSTATUS_MPRV);
    csr_write(mie, MIE_MTIE);

    for (uint32_t i = 0; i < nguests; i++)
        init_guest(i);
    sched_start();
    vmm_enter_guest(vmm_resume());
}
