/*
 * interp.h — the emulated guest mode: a RISC-V interpreter inside the VMM.
 *
 * A guest in TZ_GUEST_MODE_EMULATED is never entered with MRET. When the
 * scheduler makes it current, vmm_resume (trap.c) calls interp_run, which
 * fetches, decodes and executes its instructions one by one in M-mode
 * against its vcpu — the approach of QEMU's TCG-less ancestors and of Bochs:
 * the same unmodified kernel binary, at a much larger cost per instruction.
 */
#ifndef VMM_INTERP_H
#define VMM_INTERP_H

#include "vcpu.h"

/*
 * Interpret v (the current guest) until something needs the VMM's attention
 * — a privileged instruction, a trap into the guest kernel, an SBI call, a
 * virtual-UART access, or the machine timer (slice end, virtual timer) —
 * and return after handling it with the VMM's usual code. The caller
 * re-checks virtual interrupts and who is current before calling again.
 */
void interp_run(struct vcpu *v);

/* Report through the trace port (TZ_EV_INTERP) how many instructions were
 * interpreted for v since the last report; nothing if none, or if v is not
 * an emulated guest. The scheduler calls it whenever v stops being charged. */
void interp_report(struct vcpu *v);

#endif
