/*
 * int_user.c — the integer workload in U-mode under Sv32.
 *
 * M-mode builds a two-level Sv32 table that maps the image identically
 * (virtual = physical) with 4 KiB pages — code R+X, data and stack R+W,
 * all with U set — turns translation on in satp, and drops to U-mode with
 * MRET. The U-mode part (int_user_entry.S) runs exactly the code int.elf
 * runs in M-mode and hands the checksum back with ECALL. Comparing the two
 * times shows what privilege plus address translation (TLB lookups, page
 * walks on misses) cost the simulator.
 *
 * A and D are preset in every PTE: the privileged spec lets an
 * implementation either set them in hardware or fault when they are clear
 * (Sv32, "Virtual Address Translation Process", step 7), and presetting
 * them makes both QEMU and trapeze take the same path.
 */
#include "rt/rt.h"
#include "work/sizes.h"

extern char _text_start[], _text_end[], _user_end[];
void int_user_entry(void);
void int_user_trap(void);

static uint32_t root_table[SV32_PTES_PER_TABLE]
    __attribute__((aligned(PAGE_SIZE), section(".pagetables")));
static uint32_t leaf_table[SV32_PTES_PER_TABLE]
    __attribute__((aligned(PAGE_SIZE), section(".pagetables")));

static uint32_t pte_for(uintptr_t pa, uint32_t perms)
{
    return (uint32_t)((pa >> PAGE_SHIFT) << PTE_PPN_SHIFT) | perms | PTE_V;
}

static void build_page_tables(void)
{
    uintptr_t base = (uintptr_t)_text_start;
    uintptr_t vpn1_span = (uintptr_t)1 << SV32_VPN1_SHIFT;   /* 4 MiB per leaf table */

    if ((uintptr_t)_user_end - base > vpn1_span)
        rt_fail("image larger than one Sv32 leaf table (4 MiB)", 3);

    for (unsigned i = 0; i < SV32_PTES_PER_TABLE; i++) {
        root_table[i] = 0;
        leaf_table[i] = 0;
    }
    /* A non-leaf PTE has R = W = X = 0 and points at the next level. */
    root_table[base >> SV32_VPN1_SHIFT] = pte_for((uintptr_t)leaf_table, 0);

    for (uintptr_t pa = base; pa < (uintptr_t)_user_end; pa += PAGE_SIZE) {
        uint32_t perms = pa < (uintptr_t)_text_end
                             ? PTE_R | PTE_X | PTE_U | PTE_A
                             : PTE_R | PTE_W | PTE_U | PTE_A | PTE_D;
        leaf_table[(pa >> PAGE_SHIFT) & (SV32_PTES_PER_TABLE - 1)] = pte_for(pa, perms);
    }
}

void bench_main(void);
void bench_main(void)
{
    rt_open_pmp();
    build_page_tables();

    uint32_t satp = SATP_MODE_SV32 | (uint32_t)((uintptr_t)root_table >> PAGE_SHIFT);
    __asm__ volatile("csrw satp, %0\n\tsfence.vma" : : "r"(satp) : "memory");
    __asm__ volatile("csrw mtvec, %0" : : "r"((uintptr_t)int_user_trap));

    rt_enter_user(int_user_entry);
}

/* The U-mode part finished: a0 came back through ECALL. */
void int_user_done(uint32_t mcause, uint32_t a0, uint32_t a7);
void int_user_done(uint32_t mcause, uint32_t a0, uint32_t a7)
{
    if (mcause != CAUSE_USER_ECALL || a7 != BENCH_CALL_EXIT) {
        uint32_t mepc, mtval;
        __asm__ volatile("csrr %0, mepc" : "=r"(mepc));
        __asm__ volatile("csrr %0, mtval" : "=r"(mtval));
        rt_unexpected_trap(mcause, mepc, mtval);
    }
    rt_report("int-user", a0, BENCH_INT_ROUNDS);
}
