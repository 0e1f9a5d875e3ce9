/*
 * hypercall.c — paravirtualization: the calls a guest kernel makes to the VMM
 * on purpose, instead of trapping on each privileged instruction.
 *
 * Under full virtualization every privileged instruction of the guest kernel
 * is an exit: a trap into the VMM, a decode, an emulation, a return. A guest
 * trap costs about ten of them (the native trap entry reads sscratch, sepc,
 * sstatus, scause and stval; the exit writes sepc, sstatus, sscratch and
 * executes SRET). A paravirtual kernel — the same sources linked with
 * guests/lib/arch_paravirt.c — knows it runs on a VMM and asks instead:
 *
 *   TZPV_SHARED_SETUP  register the shared page (struct tz_pv_shared): the
 *                      trap CSRs and SIE are read and written there, with no
 *                      exit at all (hypercall.h syncs it on entry and exit)
 *   TZPV_SRET          "restore this frame and return from the trap" in one
 *                      exit (Xen's iret hypercall): replaces 4 exits
 *   TZPV_SET_SATP      write satp and flush in one exit
 *   TZPV_MMU_COMMIT    carry out the invalidations queued in the shared page:
 *                      a batch of SFENCE.VMAs for the price of one exit (every
 *                      other hypercall empties the queue too)
 *   TZPV_IRQ_CHECK     an exit and nothing else: the kernel set SIE while an
 *                      interrupt was pending, and only the VMM can deliver it
 *
 * The ABI (numbers, layouts) is the "Hypercalls" section of
 * machine/abi/trapeze_abi.h. The guest is not trusted: every address it
 * passes must lie in its own partition (gpa_to_mpa), every value read from
 * its memory is masked as the CSR it stands for would mask it, and a bad
 * argument is answered with an SBI error code. A guest that loops on bad
 * hypercalls only burns its own time slice; a broken trap frame cannot
 * escape either (its registers are the guest's own).
 */
#include "hypercall.h"

#define REG_A0 10
#define REG_A1 11
#define REG_A6 16

/* sstatus bits S-mode can write (as emulate.c's CSR write). */
#define PV_SSTATUS_WMASK (SSTATUS_SIE | SSTATUS_SPIE | SSTATUS_SPP | SSTATUS_SUM | SSTATUS_MXR)
#define WORD_ALIGN_MASK  0x3u
#define PAGE_OFFSET_MASK (PAGE_SIZE - 1)

/* Carry out the queued MMU operations; returns how many there were. A queue
 * the VMM cannot read sensibly (count out of range, unknown operation) is
 * answered by flushing everything — always correct, merely slower — and an
 * error code. */
static uint32_t mmu_drain(struct vcpu *v, int32_t *err)
{
    volatile struct tz_pv_shared *sh = pv_shared(v);
    uint32_t n = sh->mmu_count;
    if (n == 0)
        return 0;
    sh->mmu_count = 0;
    if (n > TZPV_MMU_QUEUE_MAX) {
        shadow_flush_all(v);
        *err = SBI_ERR_INVALID_PARAM;
        return TZPV_MMU_QUEUE_MAX;
    }
    for (uint32_t i = 0; i < n; i++) {
        uint32_t op = sh->mmu_op[i].op, arg = sh->mmu_op[i].arg;
        if (op == TZPV_MMU_FLUSH_PAGE) {
            shadow_flush_page(v, arg);
        } else if (op == TZPV_MMU_FLUSH_ASID) {
            shadow_flush_asid(v, arg);
        } else {
            /* TZPV_MMU_FLUSH_ALL covers whatever follows it in the queue. */
            shadow_flush_all(v);
            if (op != TZPV_MMU_FLUSH_ALL)
                *err = SBI_ERR_INVALID_PARAM;
            break;
        }
    }
    return n;
}

static int32_t shared_setup(struct vcpu *v, uint32_t gpa)
{
    uint32_t mpa;
    /* Page-aligned and inside the partition: the whole page is the guest's
     * (partitions are whole megabytes). */
    if ((gpa & PAGE_OFFSET_MASK) || !gpa_to_mpa(v, gpa, &mpa))
        return SBI_ERR_INVALID_ADDRESS;
    v->pv_shared = mpa;
    pv_shared(v)->mmu_count = 0;
    return SBI_SUCCESS;   /* vmm_resume fills the page before the guest runs */
}

/*
 * TZPV_SRET: the native trap exit (csrw sepc; csrw sstatus; restore the
 * registers; sret) done by the VMM from a frame in guest memory. The frame's
 * sstatus is written as csrw sstatus would, then SRET (priv spec §3.3.2,
 * §10.1.1): privilege <- SPP, SIE <- SPIE, SPIE <- 1, SPP <- U, pc <- sepc.
 */
static int32_t pv_sret(struct vcpu *v, uint32_t frame_gpa)
{
    uint32_t first, last;
    if ((frame_gpa & WORD_ALIGN_MASK) || !gpa_to_mpa(v, frame_gpa, &first) ||
        !gpa_to_mpa(v, frame_gpa + TZPV_FRAME_SIZE - sizeof(uint32_t), &last) ||
        last - first != TZPV_FRAME_SIZE - sizeof(uint32_t))
        return SBI_ERR_INVALID_ADDRESS;
    const volatile struct tz_pv_frame *f = (const volatile struct tz_pv_frame *)(uintptr_t)first;
    for (uint32_t r = 1; r < TZPV_FRAME_REGS; r++)
        v->x[r] = f->x[r];
    v->sepc = f->sepc & PV_SEPC_MASK;
    uint32_t old = v->sstatus;
    uint32_t s = f->sstatus & PV_SSTATUS_WMASK;
    v->sstatus = s;
    if ((old ^ s) & (SSTATUS_SUM | SSTATUS_MXR))
        shadow_status_write(v, old);

    uint32_t to = (s & SSTATUS_SPP) ? VPRIV_S : VPRIV_U;
    s &= ~(SSTATUS_SIE | SSTATUS_SPP);
    if (v->sstatus & SSTATUS_SPIE)
        s |= SSTATUS_SIE;
    v->sstatus = s | SSTATUS_SPIE;
    v->pc = v->sepc;
    if (to != v->vpriv) {
        v->vpriv = to;
        shadow_activate(v);
    }
    return SBI_SUCCESS;
}

static int32_t set_satp(struct vcpu *v, uint32_t satp, uint32_t flush)
{
    if (flush > TZPV_FLUSH_ASID)
        return SBI_ERR_INVALID_PARAM;
    shadow_satp_write(v, satp);
    if (flush == TZPV_FLUSH_ALL)
        shadow_flush_all(v);
    else if (flush == TZPV_FLUSH_ASID)
        shadow_flush_asid(v, (satp >> SATP_ASID_SHIFT) & SATP_ASID_MASK);
    return SBI_SUCCESS;
}

void hypercall(struct vcpu *v)
{
    uint32_t fid = v->x[REG_A6];
    uint32_t a0 = v->x[REG_A0], a1 = v->x[REG_A1];
    int32_t err = SBI_SUCCESS;

    v->pc += 4;   /* return after the ECALL (TZPV_SRET overrides it) */
    /* Invalidations the kernel queued come first: it queued them before
     * asking for whatever this call does. */
    uint32_t batch = v->pv_shared ? mmu_drain(v, &err) : 0;
    trace2(TZ_EV_HYPERCALL, fid, batch);

    switch (fid) {
    case TZPV_SHARED_SETUP:
        err = shared_setup(v, a0);
        break;
    case TZPV_SRET:
        if (!v->pv_shared) {
            err = SBI_ERR_DENIED;       /* no shared page: no sscratch to honour */
        } else if ((err = pv_sret(v, a0)) == SBI_SUCCESS) {
            return;                     /* every register came from the frame */
        }
        break;
    case TZPV_SET_SATP:
        err = set_satp(v, a0, a1);
        break;
    case TZPV_MMU_COMMIT:
        if (!v->pv_shared)
            err = SBI_ERR_DENIED;
        break;
    case TZPV_IRQ_CHECK:
        break;                          /* vmm_resume delivers what is pending */
    default:
        err = SBI_ERR_NOT_SUPPORTED;
        break;
    }
    v->x[REG_A0] = (uint32_t)err;
    v->x[REG_A1] = 0;
}
