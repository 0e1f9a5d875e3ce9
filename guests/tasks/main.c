/*
 * tasks — a tiny multitasking kernel: three U-mode processes, each with its
 * own Sv32 page table, system calls, and timer preemption.
 *
 * Demonstrates everything a VMM must get right for an ordinary OS:
 *   - U-mode processes entered with SRET, leaving with ECALL and faults;
 *   - one page table (and ASID) per process: the kernel is mapped in every
 *     table without U, the program text with U, and each process has its own
 *     data page and stack at the same virtual addresses;
 *   - system calls write, yield, getpid, exit (syscall.h); write copies the
 *     caller's buffer with SUM set, after checking the caller may read it;
 *   - round-robin scheduling with a timer slice: the `crunch` process never
 *     yields, so it only gives up the CPU when the timer interrupt preempts
 *     it (the interrupt is taken from U-mode even though the kernel keeps
 *     SIE off: lower-privilege code cannot mask a higher level's interrupts);
 *   - a process that faults (`faulter` writes kernel memory) is killed; the
 *     others finish, and all their memory is reclaimed.
 *
 * Output is timing-independent by construction: processes write through the
 * kernel, which keeps each process's output and prints it, process by
 * process, when all have finished. How often the timer fired depends on the
 * machine's speed, so only "did preemption happen" is printed.
 */
#include "kernel.h"
#include "syscall.h"

#define NPROC           3u
#define OUT_MAX         512u
#define SLICES_PER_SEC  4000u        /* a 250 us time slice */
#define ASID_BASE       1u
#define KSTACK_SIZE     4096u
#define FNV_OFFSET      0x811C9DC5u
#define FNV_PRIME       0x01000193u

enum proc_state { P_RUNNABLE, P_EXITED, P_KILLED };

struct proc {
    uint32_t pid;
    const char *name;
    void (*entry)(void);
    enum proc_state state;
    pte_t *root;
    uint8_t *kstack;                 /* the trap frame sits at its top */
    void *data_page, *stack_page;
    struct trap_frame *tf;           /* saved user context while not running */
    int32_t exit_status;
    uint32_t kill_cause, kill_pc, kill_addr;
    char out[OUT_MAX];
    uint32_t out_len;
    uint32_t syscalls;
};

void user_counter(void);
void user_crunch(void);
void user_faulter(void);
extern char __user_start[], __user_end[];

static struct proc procs[NPROC];
/* Kernel stacks are static, not allocated: the last process's stack is the
 * one the kernel stands on while it reports and shuts down. */
static uint8_t kstacks[NPROC][KSTACK_SIZE] __attribute__((aligned(16)));
static struct proc *current;
static uint64_t slice_ticks;
static uint32_t preemptions, yields;

static void arm_timer(void)
{
    sbi_set_timer(arch_read_time() + slice_ticks);
}

/* ---- process creation ------------------------------------------------------- */

static void *must_alloc(void)
{
    void *p = page_alloc();
    if (!p)
        panic("tasks: out of memory");
    return p;
}

static void proc_create(struct proc *p, uint32_t pid, const char *name, void (*entry)(void))
{
    p->pid = pid;
    p->name = name;
    p->entry = entry;
    p->state = P_RUNNABLE;
    p->root = pt_create();
    if (!p->root || pt_map_kernel(p->root) != PT_OK)
        panic("tasks: cannot build the page table of %s", name);
    /* The program text is inside the kernel image: re-mark those pages
     * user-readable and executable (and not global: only processes see them). */
    for (uint32_t va = (uint32_t)(uintptr_t)__user_start; va < (uint32_t)(uintptr_t)__user_end;
         va += PAGE_SIZE)
        pt_protect(p->root, va, PTE_R | PTE_X | PTE_U);
    p->data_page = must_alloc();
    p->stack_page = must_alloc();
    p->kstack = kstacks[pid - 1];
    if (pt_map(p->root, USER_DATA_VA, (uint32_t)(uintptr_t)p->data_page, PTE_R | PTE_W | PTE_U) ||
        pt_map(p->root, USER_STACK_VA, (uint32_t)(uintptr_t)p->stack_page, PTE_R | PTE_W | PTE_U))
        panic("tasks: cannot map the pages of %s", name);

    /* The first "return" into the process: SRET with SPP = U, SPIE = 1 (so
     * interrupts stay deliverable), pc at the program's entry. */
    p->tf = (struct trap_frame *)(p->kstack + KSTACK_SIZE - sizeof(struct trap_frame));
    memset(p->tf, 0, sizeof *p->tf);
    p->tf->x[REG_SP] = USER_STACK_TOP;
    p->tf->sepc = (uint32_t)(uintptr_t)entry;
    p->tf->sstatus = (arch_read_sstatus() & ~(SSTATUS_SPP | SSTATUS_SIE | SSTATUS_SUM)) | SSTATUS_SPIE;
}

static void proc_free(struct proc *p)
{
    pt_destroy(p->root);
    page_free(p->data_page);
    page_free(p->stack_page);
    /* Its page-table pages may be reused: drop what the TLB holds for it. */
    arch_flush_tlb_asid(ASID_BASE + p->pid);
}

/* ---- scheduling ------------------------------------------------------------- */

static uint32_t fnv_bytes(uint32_t h, const char *s, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        h = (h ^ (uint8_t)s[i]) * FNV_PRIME;
    return h;
}

/* Every process has ended: report, check that memory came back, shut down. */
static __attribute__((noreturn)) void finish(void)
{
    arch_set_satp_bare();

    uint32_t exited = 0, killed = 0, hash = FNV_OFFSET;
    for (uint32_t i = 0; i < NPROC; i++) {
        struct proc *p = &procs[i];
        printf("tasks: --- output of process %u (%s) ---\n", p->pid, p->name);
        console_write(p->out, p->out_len);
        hash = fnv_bytes(hash, p->out, p->out_len);
        if (p->state == P_EXITED) {
            printf("tasks: process %u exited with status %d\n", p->pid, p->exit_status);
            exited += p->exit_status == 0;
        } else {
            printf("tasks: process %u killed: %s at pc %x, address %x\n", p->pid,
                   trap_cause_name(p->kill_cause), p->kill_pc, p->kill_addr);
            killed++;
        }
    }
    int preempted = preemptions > 0;
    int no_leak = palloc_pages_in_use() == 0;
    printf("tasks: timer preemption observed: %s\n", preempted ? "yes" : "NO");
    printf("tasks: all process memory reclaimed: %s\n", no_leak ? "yes" : "NO");
    int pass = exited == 2 && killed == 1 && procs[2].state == P_KILLED && preempted && no_leak;
    printf("tasks: %s %u exited, %u killed, output hash %08x\n", pass ? "PASS" : "FAIL",
           exited, killed, hash);
    kernel_exit(pass ? 0 : 1);
}

/* Pick the next runnable process after `current` and return its frame. */
static struct trap_frame *schedule(void)
{
    uint32_t start = current ? current->pid : 0;   /* pids are 1..NPROC */
    for (uint32_t k = 0; k < NPROC; k++) {
        struct proc *p = &procs[(start + k) % NPROC];
        if (p->state == P_RUNNABLE) {
            if (p != current)
                arch_set_satp((uint32_t)(uintptr_t)p->root, ASID_BASE + p->pid);
            current = p;
            arm_timer();
            return p->tf;
        }
    }
    finish();
}

/* ---- system calls ----------------------------------------------------------- */

/* May the current process read [va, va+len)? Checked page by page in its
 * own table, as the hardware would for a U-mode load. */
static int user_readable(uint32_t va, uint32_t len)
{
    if (len == 0)
        return 1;
    if (va + len < va)
        return 0;
    for (uint32_t page = va & ~(PAGE_SIZE - 1); page < va + len; page += PAGE_SIZE) {
        pte_t *e = pt_walk(current->root, page, 0);
        if (!e || (*e & (PTE_V | PTE_U | PTE_R)) != (PTE_V | PTE_U | PTE_R))
            return 0;
    }
    return 1;
}

static int32_t sys_write(uint32_t va, uint32_t len)
{
    if (!user_readable(va, len))
        return SYS_ERR_BADADDR;
    uint32_t room = OUT_MAX - current->out_len;
    uint32_t n = len < room ? len : room;
    arch_user_access_begin();       /* SUM: S-mode may now read U pages */
    memcpy(current->out + current->out_len, (const void *)(uintptr_t)va, n);
    arch_user_access_end();
    current->out_len += n;
    return (int32_t)len;
}

static struct trap_frame *syscall(struct trap_frame *tf)
{
    tf->sepc += INSN_BYTES;         /* resume after the ECALL */
    current->syscalls++;
    switch (tf->x[REG_A7]) {
    case SYS_WRITE:
        tf->x[REG_A0] = (uint32_t)sys_write(tf->x[REG_A0], tf->x[REG_A1]);
        return tf;
    case SYS_GETPID:
        tf->x[REG_A0] = current->pid;
        return tf;
    case SYS_YIELD:
        tf->x[REG_A0] = 0;
        yields++;
        current->tf = tf;
        return schedule();
    case SYS_EXIT:
        current->state = P_EXITED;
        current->exit_status = (int32_t)tf->x[REG_A0];
        proc_free(current);
        return schedule();
    default:
        tf->x[REG_A0] = (uint32_t)SYS_ERR_NOSYS;
        return tf;
    }
}

/* ---- traps ------------------------------------------------------------------ */

struct trap_frame *kernel_trap(struct trap_frame *tf)
{
    if (tf->sstatus & SSTATUS_SPP)
        panic("tasks: trap in the kernel: %s at pc %x, stval %x",
              trap_cause_name(tf->scause), tf->sepc, tf->stval);

    if (tf->scause == (CAUSE_INTERRUPT | IRQ_S_TIMER)) {
        preemptions++;
        ((struct private_data *)current->data_page)->preemptions++;
        current->tf = tf;
        return schedule();          /* the next process (or the same, if alone) */
    }
    if (tf->scause == CAUSE_USER_ECALL)
        return syscall(tf);

    /* Any other exception from U-mode: the process broke the rules. */
    current->state = P_KILLED;
    current->kill_cause = tf->scause;
    current->kill_pc = tf->sepc;
    current->kill_addr = tf->stval;
    proc_free(current);
    return schedule();
}

int kmain(const struct tz_bootinfo *bi)
{
    static const struct { const char *name; void (*entry)(void); } programs[NPROC] = {
        { "counter", user_counter }, { "crunch", user_crunch }, { "faulter", user_faulter },
    };

    slice_ticks = bi->timebase_hz / SLICES_PER_SEC;
    printf("tasks: starting %u processes, time slice %u us\n", NPROC, 1000000u / SLICES_PER_SEC);
    for (uint32_t i = 0; i < NPROC; i++) {
        proc_create(&procs[i], i + 1, programs[i].name, programs[i].entry);
        printf("tasks: process %u (%s): own page table, data page at %x, stack at %x\n",
               procs[i].pid, procs[i].name, USER_DATA_VA, USER_STACK_VA);
    }
    arch_timer_irq_enable();        /* SIE stays off in the kernel: see the head comment */
    current = NULL;
    trap_exit(schedule());
}
