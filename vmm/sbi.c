/*
 * sbi.c — the Supervisor Binary Interface, served by the VMM.
 *
 * Natively a guest kernel calls the firmware with ECALL from S-mode; under
 * the VMM the same ECALL comes from real U-mode (mcause 8) while the vcpu is
 * in virtual S, and lands here. The calling convention (riscv-sbi-doc,
 * "Binary Encoding"): a7 = extension id (EID), a6 = function id (FID),
 * arguments in a0-a5; the result is a0 = error, a1 = value. The legacy
 * extensions (EID 0x00-0x0F) take no FID and return only a0.
 *
 * Implemented: Base, legacy set_timer/putchar/getchar/shutdown, TIME, SRST
 * (a system reset from one guest ends only that guest), DBCN (console), and
 * the trapeze extension that records an exit code. DBCN passes a
 * *guest-physical* buffer: every byte is range-checked through the guest's
 * partition before the VMM touches it.
 */
#include "vmm.h"

#define REG_A0 10
#define REG_A1 11
#define REG_A2 12
#define REG_A6 16
#define REG_A7 17
#define TRAPEZE_IMPL_VERSION 1u
#define SRST_TYPE_WARM_REBOOT 2u

static int extension_present(uint32_t eid)
{
    switch (eid) {
    case SBI_EXT_BASE:
    case SBI_EXT_TIME:
    case SBI_EXT_SRST:
    case SBI_EXT_DBCN:
    case SBI_EXT_TRAPEZE:
    case SBI_LEGACY_SET_TIMER:
    case SBI_LEGACY_PUTCHAR:
    case SBI_LEGACY_GETCHAR:
    case SBI_LEGACY_SHUTDOWN:
        return 1;
    default:
        return 0;
    }
}

static void finish_guest(struct vcpu *v, uint32_t failure)
{
    guest_exit(v, v->exit_code_set ? v->exit_code : (failure ? 1u : 0u));
}

/* DBCN write: num bytes at guest-physical (hi:lo). Returns bytes written or
 * -1 if any byte lies outside the guest's RAM. */
static int32_t dbcn_write(struct vcpu *v, uint32_t num, uint32_t lo, uint32_t hi)
{
    if (hi != 0)
        return -1;
    for (uint32_t i = 0; i < num; i++) {
        uint32_t mpa;
        if (!gpa_to_mpa(v, lo + i, &mpa))
            return -1;
        console_putc(v, *(volatile uint8_t *)(uintptr_t)mpa);
    }
    return (int32_t)num;
}

void sbi_call(struct vcpu *v)
{
    uint32_t eid = v->x[REG_A7], fid = v->x[REG_A6];
    uint32_t a0 = v->x[REG_A0], a1 = v->x[REG_A1], a2 = v->x[REG_A2];
    int32_t err = SBI_SUCCESS;
    uint32_t val = 0;

    trace2(TZ_EV_SBI, eid, fid);
    v->pc += 4;   /* return after the ECALL */

    switch (eid) {
    case SBI_LEGACY_SET_TIMER:
        sched_set_vtimer(v, ((uint64_t)a1 << 32) | a0);
        v->x[REG_A0] = 0;
        return;
    case SBI_LEGACY_PUTCHAR:
        console_putc(v, (uint8_t)a0);
        v->x[REG_A0] = 0;
        return;
    case SBI_LEGACY_GETCHAR:
        v->x[REG_A0] = (uint32_t)-1;   /* no input to guests */
        return;
    case SBI_LEGACY_SHUTDOWN:
        finish_guest(v, 0);
        return;

    case SBI_EXT_BASE:
        switch (fid) {
        case SBI_BASE_GET_SPEC_VERSION: val = SBI_SPEC_VERSION_2_0; break;
        case SBI_BASE_GET_IMPL_ID:      val = SBI_IMPL_ID_TRAPEZE; break;
        case SBI_BASE_GET_IMPL_VERSION: val = TRAPEZE_IMPL_VERSION; break;
        case SBI_BASE_PROBE_EXTENSION:  val = (uint32_t)extension_present(a0); break;
        case SBI_BASE_GET_MVENDORID:
        case SBI_BASE_GET_MARCHID:
        case SBI_BASE_GET_MIMPID:       val = 0; break;
        default:                        err = SBI_ERR_NOT_SUPPORTED; break;
        }
        break;
    case SBI_EXT_TIME:
        if (fid == SBI_TIME_SET_TIMER)
            sched_set_vtimer(v, ((uint64_t)a1 << 32) | a0);
        else
            err = SBI_ERR_NOT_SUPPORTED;
        break;
    case SBI_EXT_SRST:
        if (fid != SBI_SRST_SYSTEM_RESET || a0 > SRST_TYPE_WARM_REBOOT) {
            err = SBI_ERR_INVALID_PARAM;
            break;
        }
        finish_guest(v, a1 == SBI_SRST_REASON_FAILURE);
        return;
    case SBI_EXT_DBCN:
        if (fid == SBI_DBCN_WRITE) {
            int32_t n = dbcn_write(v, a0, a1, a2);
            if (n < 0)
                err = SBI_ERR_INVALID_PARAM;
            else
                val = (uint32_t)n;
        } else if (fid == SBI_DBCN_WRITE_BYTE) {
            console_putc(v, (uint8_t)a0);
        } else if (fid == SBI_DBCN_READ) {
            val = 0;   /* no input: zero bytes read */
        } else {
            err = SBI_ERR_NOT_SUPPORTED;
        }
        break;
    case SBI_EXT_TRAPEZE:
        if (fid == SBI_TRAPEZE_SET_EXIT_CODE) {
            v->exit_code = a0;
            v->exit_code_set = 1;
        } else {
            err = SBI_ERR_NOT_SUPPORTED;
        }
        break;
    default:
        err = SBI_ERR_NOT_SUPPORTED;
        break;
    }
    v->x[REG_A0] = (uint32_t)err;
    v->x[REG_A1] = val;
}
