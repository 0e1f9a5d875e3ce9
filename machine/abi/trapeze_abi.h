/*
 * trapeze_abi.h — the board and protocol header shared by host C and
 * cross-compiled RISC-V code.
 *
 * machine/abi/ holds the headers both sides of the simulated/host boundary
 * include, and nothing else does: this one (what trapeze itself defines),
 * riscv_bits.h (the RISC-V architectural constants) and regfile.h (the saved
 * register image of trap entries). Here, and only here, live the physical
 * memory map of the simulated board, the SBI extension and function numbers,
 * the trace-port registers and event codes, and the layout of boot-information
 * blocks.
 *
 * Rules (enforced by the build and by tests/unit/test_abi.c, which compiles this
 * header with both compilers):
 *   - fixed-width integer types only, no pointers (a host pointer is 8 bytes,
 *     a guest pointer 4);
 *   - every struct carries _Static_asserts on its size and field offsets;
 *   - no includes but <stdint.h>.
 *   - types, enums and _Static_asserts stay inside #ifndef __ASSEMBLER__,
 *     so that assembler (.S) files include the header for its #defines.
 *
 * Memory map (follows QEMU's riscv32 `virt` board so the same binaries boot on
 * `qemu-system-riscv32 -machine virt -bios none`):
 *
 *   0x0010_0000  SiFive test finisher  (write 0x5555 = pass, (code<<16)|0x3333 = fail)
 *   0x0200_0000  CLINT                 (msip, mtimecmp, mtime)
 *   0x1000_0000  ns16550a UART         (byte registers, reg-shift 0)
 *   0x1000_1000  trapeze trace port    (VMM reports its actions here; on QEMU this is
 *                                       an empty virtio-mmio slot: writes are ignored)
 *   0x8000_0000  RAM                   (default 128 MiB)
 */
#ifndef TRAPEZE_ABI_H
#define TRAPEZE_ABI_H

#ifndef __ASSEMBLER__  /* C only: types */
#include <stdint.h>
#endif

/* ---- physical memory map ------------------------------------------------ */

#define TZ_TEST_BASE        0x00100000u
#define TZ_TEST_SIZE        0x00001000u
#define TZ_TEST_PASS        0x5555u      /* low 16 bits written: pass, exit 0 */
#define TZ_TEST_FAIL        0x3333u      /* low 16 bits: fail, exit code in bits 31:16 */

#define TZ_CLINT_BASE       0x02000000u
#define TZ_CLINT_SIZE       0x00010000u
#define TZ_CLINT_MSIP       0x0000u      /* offsets inside the CLINT */
#define TZ_CLINT_MTIMECMP   0x4000u      /* 64-bit, lo at +0, hi at +4 */
#define TZ_CLINT_MTIME      0xBFF8u      /* 64-bit, lo at +0, hi at +4 */

#define TZ_UART_BASE        0x10000000u
#define TZ_UART_SIZE        0x00000100u

#define TZ_TRACE_BASE       0x10001000u
#define TZ_TRACE_SIZE       0x00001000u

#define TZ_RAM_BASE         0x80000000u
#define TZ_RAM_SIZE_DEFAULT (128u * 1024u * 1024u)

/* ---- native boot: firmware + S-mode kernel ------------------------------- */

/*
 * The tiny SBI firmware sits at TZ_RAM_BASE and hands control to the S-mode
 * kernel at TZ_KERNEL_BASE with a0 = hartid and a1 = guest address of a
 * struct tz_bootinfo. The same convention holds under the VMM, which puts the
 * block in the guest's own memory.
 */
#define TZ_KERNEL_BASE      0x80200000u
#define TZ_BOOTINFO_MAGIC   0x544f4f42u  /* "BOOT" little-endian */

#ifndef __ASSEMBLER__  /* C only: the block's layout */
struct tz_bootinfo {
    uint32_t magic;        /* TZ_BOOTINFO_MAGIC */
    uint32_t version;      /* 1 */
    uint32_t ram_base;     /* guest-physical base of RAM (always TZ_RAM_BASE) */
    uint32_t ram_size;     /* bytes of RAM the kernel may use, from ram_base */
    uint32_t timebase_hz;  /* mtime ticks per simulated second */
    uint32_t flags;        /* TZ_BOOT_* */
    uint32_t guest_id;     /* 0 natively; the VMM's guest number otherwise */
    uint32_t reserved;
    char     name[32];     /* NUL-terminated guest name */
};
#endif
#define TZ_BOOT_VIRTUALIZED 0x1u   /* set by the VMM (kernels must not depend on it) */
#define TZ_BOOT_PARAVIRT    0x2u   /* hypercall interface available */

#ifndef __ASSEMBLER__  /* C only: layout checks */
_Static_assert(sizeof(struct tz_bootinfo) == 64, "tz_bootinfo layout");
_Static_assert(__builtin_offsetof(struct tz_bootinfo, name) == 32, "tz_bootinfo.name");
#endif

/* ---- SBI (riscv-non-isa/riscv-sbi-doc) ----------------------------------- */

/* Legacy extensions (SBI v0.1, chapter "Legacy Extensions"): EID in a7, no FID. */
#define SBI_LEGACY_SET_TIMER     0x00u
#define SBI_LEGACY_PUTCHAR       0x01u
#define SBI_LEGACY_GETCHAR       0x02u
#define SBI_LEGACY_SHUTDOWN      0x08u

#define SBI_EXT_BASE             0x10u
#define SBI_EXT_TIME             0x54494D45u  /* "TIME" */
#define SBI_EXT_SRST             0x53525354u  /* "SRST" */
#define SBI_EXT_DBCN             0x4442434Eu  /* "DBCN" */

#define SBI_BASE_GET_SPEC_VERSION   0u
#define SBI_BASE_GET_IMPL_ID        1u
#define SBI_BASE_GET_IMPL_VERSION   2u
#define SBI_BASE_PROBE_EXTENSION    3u
#define SBI_BASE_GET_MVENDORID      4u
#define SBI_BASE_GET_MARCHID        5u
#define SBI_BASE_GET_MIMPID         6u

#define SBI_TIME_SET_TIMER          0u
#define SBI_SRST_SYSTEM_RESET       0u
#define SBI_SRST_TYPE_SHUTDOWN      0u
#define SBI_SRST_REASON_NONE        0u
#define SBI_SRST_REASON_FAILURE     1u
#define SBI_DBCN_WRITE              0u
#define SBI_DBCN_READ               1u
#define SBI_DBCN_WRITE_BYTE         2u

#define SBI_SUCCESS                 0
#define SBI_ERR_FAILED             (-1)
#define SBI_ERR_NOT_SUPPORTED      (-2)
#define SBI_ERR_INVALID_PARAM      (-3)
#define SBI_ERR_DENIED             (-4)
#define SBI_ERR_INVALID_ADDRESS    (-5)

#define SBI_SPEC_VERSION_2_0        0x02000000u
#define SBI_IMPL_ID_TRAPEZE         0x545au      /* "TZ" */

/*
 * trapeze-specific SBI extension for the exit status: SRST only says
 * "shutdown" or "failure", but a kernel's test result wants a number.
 * a0 = exit code. Kernels call it right before SRST; firmware/VMM remember it.
 */
#define SBI_EXT_TRAPEZE             0x0A545A00u  /* vendor range */
#define SBI_TRAPEZE_SET_EXIT_CODE   0u

/* ---- trace port ------------------------------------------------------------
 *
 * A write-only MMIO block through which code on the simulated machine (the
 * VMM, chiefly) reports what it is doing. The writer fills the argument
 * registers, then writes the event code to TZ_TRACE_EMIT, which commits one
 * event record stamped with the current cycle, pc and privilege.
 * TZ_TRACE_GUEST sets the "current guest" attribution that the host uses to
 * charge every following cycle (stays until written again).
 */
#define TZ_TRACE_EMIT      0x00u   /* write: event code, commits the record */
#define TZ_TRACE_GUEST     0x04u   /* write: current guest id (TZ_GUEST_NONE = VMM itself) */
#define TZ_TRACE_ARG0      0x08u
#define TZ_TRACE_ARG1      0x0Cu
#define TZ_TRACE_ARG2      0x10u
#define TZ_TRACE_ARG3      0x14u

#define TZ_GUEST_NONE      0xFFFFu

/* Trace-port event codes (TZ_TRACE_EMIT). Arguments are listed per code. */
#ifndef __ASSEMBLER__  /* C only: event, emulation and kill codes */
enum tz_trace_code {
    TZ_EV_NONE = 0,
    TZ_EV_VMM_ENTER,       /* arg0 = mcause, arg1 = mepc, arg2 = mtval */
    TZ_EV_VMM_EXIT,        /* arg0 = pc resumed in guest */
    TZ_EV_GUEST_SWITCH,    /* arg0 = from guest, arg1 = to guest */
    TZ_EV_EMULATE,         /* arg0 = tz_emul_kind, arg1 = instruction bits, arg2 = csr */
    TZ_EV_SBI,             /* arg0 = eid, arg1 = fid */
    TZ_EV_HYPERCALL,       /* arg0 = hypercall number, arg1 = batch size */
    TZ_EV_SHADOW_FILL,     /* arg0 = guest va, arg1 = machine pa, arg2 = cause */
    TZ_EV_SHADOW_FLUSH,    /* arg0 = va (or 0 for all), arg1 = 1 if whole space */
    TZ_EV_INJECT,          /* arg0 = cause (bit 31 = interrupt), arg1 = tval, arg2 = epc */
    TZ_EV_MMIO,            /* arg0 = guest pa, arg1 = 1 store / 0 load, arg2 = value */
    TZ_EV_GUEST_EXIT,      /* arg0 = exit code */
    TZ_EV_GUEST_KILL,      /* arg0 = tz_kill_reason; the guest's own trap that led to it:
                              arg1 = mcause, arg2 = its pc, arg3 = its tval */
    TZ_EV_SHADOW_PAGES,    /* arg0 = shadow page-table pages in use for the guest */
    TZ_EV_CONSOLE,         /* arg0 = byte written to the guest's console */
    TZ_EV_INTERP,          /* emulated guest: arg0 = instructions interpreted since the
                              last report, arg1 = software-TLB misses since then */
    TZ_EV__COUNT
};

enum tz_emul_kind {
    TZ_EMUL_CSR = 0,
    TZ_EMUL_SRET,
    TZ_EMUL_SFENCE,
    TZ_EMUL_WFI,
    TZ_EMUL_OTHER,
    TZ_EMUL__COUNT
};

enum tz_kill_reason {
    TZ_KILL_TRAP_STORM = 1,   /* faulting in a loop with no progress */
    TZ_KILL_BAD_MEMORY,       /* touched memory outside its partition with no handler */
    TZ_KILL_ILLEGAL,          /* executed garbage with no handler */
    TZ_KILL_BUDGET,           /* exceeded its instruction/cycle budget */
    TZ_KILL_DEADLOCK          /* waits (WFI) for an interrupt that can never come */
};

/* The words for each kill reason, shared by the VMM's console line and the
 * host's tables so a student can match one with the other. X(reason, "text"). */
#define TZ_KILL_REASON_NAMES(X)                                              \
    X(TZ_KILL_TRAP_STORM, "trap storm")                                       \
    X(TZ_KILL_BAD_MEMORY, "memory outside its partition")                     \
    X(TZ_KILL_ILLEGAL, "illegal instruction with no handler")                 \
    X(TZ_KILL_BUDGET, "pending interrupt masked too long (watchdog)")         \
    X(TZ_KILL_DEADLOCK, "waits for an interrupt that can never come")
#endif

/* ---- VMM boot info ----------------------------------------------------------
 *
 * How the host hands a scenario to the VMM. The host loads the VMM image at
 * TZ_VMM_BASE, each guest kernel into its own partition of machine RAM, writes
 * one struct tz_vmm_bootinfo at TZ_VMM_BOOTINFO_ADDR and starts the hart at
 * the VMM's entry in M-mode. Machine RAM is laid out as:
 *
 *   0x8000_0000  VMM image, stacks, shadow page-table pool   (TZ_VMM_SIZE)
 *   0x80FF_F000  struct tz_vmm_bootinfo                      (last VMM page)
 *   0x8100_0000  partition of guest 0, then guest 1, ...     (TZ_PART_ALIGN each)
 *
 * Inside a partition the guest sees a native machine: guest-physical
 * TZ_RAM_BASE + x is machine-physical part_base + x for x < part_size. Its
 * kernel is linked at TZ_KERNEL_BASE, so the host loads the guest ELF with a
 * bias of part_base - TZ_RAM_BASE. The range below the kernel is where native
 * firmware lives: the VMM keeps it inaccessible to the guest except for the
 * page holding the guest's own struct tz_bootinfo (TZ_GUEST_BOOTINFO_GPA).
 */
#define TZ_VMM_BASE            TZ_RAM_BASE
#define TZ_VMM_SIZE            0x01000000u   /* 16 MiB reserved for the VMM */
#define TZ_VMM_BOOTINFO_ADDR   (TZ_VMM_BASE + TZ_VMM_SIZE - 0x1000u)
#define TZ_VMM_BOOTINFO_MAGIC  0x4D4D5654u   /* "TVMM" little-endian */
#define TZ_VMM_BOOTINFO_VERSION 1u

#define TZ_PART_BASE           (TZ_VMM_BASE + TZ_VMM_SIZE)
#define TZ_PART_ALIGN          0x00100000u   /* partitions start and end on 1 MiB */
#define TZ_PART_MIN_SIZE       0x00400000u   /* kernel at +2 MiB needs room above it */
#define TZ_PART_MAX_SIZE       0x04000000u   /* 64 MiB */
#define TZ_VMM_MAX_GUESTS      8u
#define TZ_GUEST_NAME_MAX      32u           /* bytes including the NUL */
/* Guest-physical page where the VMM writes each guest's struct tz_bootinfo. */
#define TZ_GUEST_BOOTINFO_GPA  (TZ_KERNEL_BASE - 0x1000u)

#ifndef __ASSEMBLER__  /* C only: types and layout checks */
enum tz_guest_mode {
    TZ_GUEST_MODE_FULL = 0,      /* unmodified kernel, trap-and-emulate */
    TZ_GUEST_MODE_PARA = 1,      /* paravirtual kernel: hypercalls (see "Hypercalls") */
    TZ_GUEST_MODE_EMULATED = 2   /* unmodified kernel, interpreted by the VMM */
};

struct tz_vmm_guest {
    char     name[TZ_GUEST_NAME_MAX]; /* NUL-terminated */
    uint32_t mode;         /* enum tz_guest_mode */
    uint32_t part_base;    /* machine-physical base of the partition */
    uint32_t part_size;    /* bytes; guest RAM is [TZ_RAM_BASE, TZ_RAM_BASE + part_size) */
    uint32_t entry;        /* guest-physical entry point (the kernel's e_entry) */
    uint32_t slice_ticks;  /* time slice in mtime ticks */
    uint32_t flags;        /* none defined yet, 0 */
    uint32_t reserved[2];
};

struct tz_vmm_bootinfo {
    uint32_t magic;        /* TZ_VMM_BOOTINFO_MAGIC */
    uint32_t version;      /* TZ_VMM_BOOTINFO_VERSION */
    uint32_t nguests;      /* 1 .. TZ_VMM_MAX_GUESTS */
    uint32_t timebase_hz;  /* mtime ticks per simulated second */
    uint32_t watchdog_slices; /* kill a guest that masks a pending interrupt this many slices (0 = never) */
    uint32_t flags;        /* none defined yet, 0 */
    uint32_t ram_size;     /* bytes of machine RAM from TZ_RAM_BASE */
    uint32_t reserved;
    struct tz_vmm_guest guest[TZ_VMM_MAX_GUESTS];
};

_Static_assert(sizeof(struct tz_vmm_guest) == 64, "tz_vmm_guest layout");
_Static_assert(__builtin_offsetof(struct tz_vmm_guest, mode) == 32, "tz_vmm_guest.mode");
_Static_assert(__builtin_offsetof(struct tz_vmm_guest, slice_ticks) == 48, "tz_vmm_guest.slice_ticks");
_Static_assert(sizeof(struct tz_vmm_bootinfo) == 32 + 64 * TZ_VMM_MAX_GUESTS, "tz_vmm_bootinfo layout");
_Static_assert(__builtin_offsetof(struct tz_vmm_bootinfo, guest) == 32, "tz_vmm_bootinfo.guest");
_Static_assert(TZ_PART_BASE + TZ_VMM_MAX_GUESTS * 8u * 0x100000u <= TZ_RAM_BASE + TZ_RAM_SIZE_DEFAULT,
               "eight 8 MiB partitions fit in default RAM");
#endif


/* ---- native firmware layout (guests/firmware) ------------------------------
 *
 * For native runs the tiny SBI firmware owns the first TZ_FIRMWARE_SIZE bytes
 * of RAM and protects them from S/U-mode with a PMP entry. It writes the
 * kernel's struct tz_bootinfo at TZ_NATIVE_BOOTINFO_ADDR (below the kernel,
 * outside the protected region, so the kernel can read it) and tells the
 * kernel it may use RAM up to TZ_RAM_BASE + TZ_NATIVE_RAM_SIZE; mtime ticks
 * at TZ_NATIVE_TIMEBASE_HZ (QEMU virt's rate; the default cost profile must
 * agree). The 16550 register offsets are those of any ns16550a (reg-shift 0).
 */
#define TZ_FIRMWARE_SIZE        0x00100000u  /* 1 MiB at TZ_RAM_BASE, PMP-protected */
#define TZ_NATIVE_BOOTINFO_ADDR TZ_GUEST_BOOTINFO_GPA  /* same page as under the VMM */
#define TZ_NATIVE_RAM_SIZE      (8u * 1024u * 1024u)
#define TZ_NATIVE_TIMEBASE_HZ   10000000u

#define TZ_UART_THR             0x00u  /* write: transmit holding register */
#define TZ_UART_RBR             0x00u  /* read: receive buffer */
#define TZ_UART_LSR             0x05u  /* line status */
#define TZ_UART_LSR_DR          0x01u  /* a received byte is waiting */
#define TZ_UART_LSR_THRE        0x20u  /* transmitter can take a byte */

/* ---- Hypercalls (paravirtualization) ---------------------------------------
 *
 * A guest kernel built with the paravirtual arch backend
 * (guests/lib/arch_paravirt.c, "mode": "para" in a scenario) asks the VMM
 * for privileged work explicitly instead of trapping on each privileged
 * instruction. A hypercall is an SBI call (ECALL from virtual S-mode) to the
 * extension SBI_EXT_TZPV, in the firmware-specific EID range next to
 * SBI_EXT_TRAPEZE (riscv-sbi-doc, "Firmware Specific Extension Space"):
 * a7 = SBI_EXT_TZPV, a6 = TZPV_* function, a0..a2 = arguments; the VMM
 * returns a0 = SBI_SUCCESS or SBI_ERR_*, a1 = value. Guests in other modes
 * get SBI_ERR_NOT_SUPPORTED. The VMM reports each one on the trace port as
 * TZ_EV_HYPERCALL (arg0 = TZPV_* function, arg1 = queued MMU operations it
 * carried out).
 *
 * Every address passed is guest-physical (the kernels map their own memory
 * at identical virtual addresses, so a kernel pointer is one) and is checked
 * against the guest's partition; the VMM trusts no value it reads from guest
 * memory.
 */
#define SBI_EXT_TZPV            0x0A545A01u  /* next to SBI_EXT_TRAPEZE */

#define TZPV_SHARED_SETUP  0u  /* a0 = page-aligned gpa of the guest's struct tz_pv_shared */
#define TZPV_SRET          1u  /* a0 = gpa of a struct tz_pv_frame: restore it and SRET (no return on success) */
#define TZPV_SET_SATP      2u  /* a0 = new satp, a1 = TZPV_FLUSH_*: write satp, then flush, in one exit */
#define TZPV_MMU_COMMIT    3u  /* carry out the MMU operations queued in the shared page */
#define TZPV_IRQ_CHECK     4u  /* nothing: lets the VMM deliver an interrupt the guest just unmasked */
#define TZPV__COUNT        5u

#define TZPV_FLUSH_NONE    0u  /* TZPV_SET_SATP a1 */
#define TZPV_FLUSH_ALL     1u  /* as SFENCE.VMA x0, x0 */
#define TZPV_FLUSH_ASID    2u  /* as SFENCE.VMA x0, asid-of-the-new-satp */

/* Queued MMU operations (struct tz_pv_mmu_op.op), as SFENCE.VMA would do. */
#define TZPV_MMU_FLUSH_PAGE 1u /* arg = virtual address */
#define TZPV_MMU_FLUSH_ASID 2u /* arg = ASID */
#define TZPV_MMU_FLUSH_ALL  3u /* arg ignored */
#define TZPV_MMU_QUEUE_MAX  120u

/*
 * The shared page: one page of the guest's own RAM, registered with
 * TZPV_SHARED_SETUP, through which the kernel reads and writes the cheap
 * part of its virtual CPU without an exit. The VMM copies its vcpu into the
 * page before it resumes the guest kernel and copies the guest-writable
 * fields back when the kernel exits (only while the vcpu is in virtual S:
 * the page is the kernel's). Field by field:
 *   sstatus   SIE, SPIE, SPP writable; SUM and MXR reshape the shadow page
 *             tables, so they change only through a CSR write or TZPV_SRET
 *   sepc, scause, stval, sscratch   writable, as the CSRs
 *   sie, sip  read-only snapshots
 *   pending   read-only: sip & sie when the kernel was entered. A kernel that
 *             sets SIE while this is non-zero must exit (TZPV_IRQ_CHECK) so
 *             the interrupt is taken — Xen's evtchn_upcall_pending idea.
 *   mmu_count, mmu_op[]   a queue of invalidations the kernel fills; the
 *             VMM carries them out and empties it on the next hypercall.
 * Trap delivery to a registered kernel also swaps sp with sscratch (what the
 * native trap entry's first instruction, csrrw sp, sscratch, sp, would do),
 * so the kernel's trap entry starts with a usable stack and no exit.
 */
#define TZPV_SH_SSTATUS    0x00u
#define TZPV_SH_SEPC       0x04u
#define TZPV_SH_SCAUSE     0x08u
#define TZPV_SH_STVAL      0x0Cu
#define TZPV_SH_SSCRATCH   0x10u
#define TZPV_SH_SIE        0x14u
#define TZPV_SH_SIP        0x18u
#define TZPV_SH_PENDING    0x1Cu
#define TZPV_SH_MMU_COUNT  0x20u
#define TZPV_SH_MMU_OP     0x40u
#define TZPV_SHARED_SIZE   0x1000u

/* struct tz_pv_frame: registers x0..x31 (x0 ignored), then sepc and sstatus. */
#define TZPV_FRAME_REGS    32u
#define TZPV_FRAME_SEPC    128u
#define TZPV_FRAME_SSTATUS 132u
#define TZPV_FRAME_SIZE    136u

#ifndef __ASSEMBLER__  /* C only: layouts and their checks */
struct tz_pv_mmu_op {
    uint32_t op;           /* TZPV_MMU_* */
    uint32_t arg;
};

struct tz_pv_shared {
    uint32_t sstatus, sepc, scause, stval, sscratch;
    uint32_t sie, sip, pending;
    uint32_t mmu_count;    /* 0 .. TZPV_MMU_QUEUE_MAX */
    uint32_t reserved[7];
    struct tz_pv_mmu_op mmu_op[TZPV_MMU_QUEUE_MAX];
};

struct tz_pv_frame {
    uint32_t x[TZPV_FRAME_REGS];
    uint32_t sepc, sstatus;
};

_Static_assert(__builtin_offsetof(struct tz_pv_shared, sstatus) == TZPV_SH_SSTATUS, "tz_pv_shared.sstatus");
_Static_assert(__builtin_offsetof(struct tz_pv_shared, sepc) == TZPV_SH_SEPC, "tz_pv_shared.sepc");
_Static_assert(__builtin_offsetof(struct tz_pv_shared, scause) == TZPV_SH_SCAUSE, "tz_pv_shared.scause");
_Static_assert(__builtin_offsetof(struct tz_pv_shared, stval) == TZPV_SH_STVAL, "tz_pv_shared.stval");
_Static_assert(__builtin_offsetof(struct tz_pv_shared, sscratch) == TZPV_SH_SSCRATCH, "tz_pv_shared.sscratch");
_Static_assert(__builtin_offsetof(struct tz_pv_shared, sie) == TZPV_SH_SIE, "tz_pv_shared.sie");
_Static_assert(__builtin_offsetof(struct tz_pv_shared, sip) == TZPV_SH_SIP, "tz_pv_shared.sip");
_Static_assert(__builtin_offsetof(struct tz_pv_shared, pending) == TZPV_SH_PENDING, "tz_pv_shared.pending");
_Static_assert(__builtin_offsetof(struct tz_pv_shared, mmu_count) == TZPV_SH_MMU_COUNT, "tz_pv_shared.mmu_count");
_Static_assert(__builtin_offsetof(struct tz_pv_shared, mmu_op) == TZPV_SH_MMU_OP, "tz_pv_shared.mmu_op");
_Static_assert(sizeof(struct tz_pv_mmu_op) == 8, "tz_pv_mmu_op layout");
_Static_assert(sizeof(struct tz_pv_shared) <= TZPV_SHARED_SIZE, "the shared page holds struct tz_pv_shared");
_Static_assert(__builtin_offsetof(struct tz_pv_frame, sepc) == TZPV_FRAME_SEPC, "tz_pv_frame.sepc");
_Static_assert(__builtin_offsetof(struct tz_pv_frame, sstatus) == TZPV_FRAME_SSTATUS, "tz_pv_frame.sstatus");
_Static_assert(sizeof(struct tz_pv_frame) == TZPV_FRAME_SIZE, "tz_pv_frame layout");
#endif

#endif /* TRAPEZE_ABI_H */
