/*
 * vuart.c — each guest's own ns16550a UART, emulated, and its console.
 *
 * A guest driving the UART directly (as `chatty` does) stores to
 * guest-physical 0x1000_0000. The shadow tables never map that page, so every
 * access page-faults into the VMM; shadow.c finds the guest-physical address
 * is the UART window and calls vuart_mmio, which reads the faulting
 * instruction, decodes it (decode.c), performs it on the virtual device and
 * steps the guest past it — as if the device had answered.
 *
 * The virtual device is a 16550 that is always ready: THR accepts every
 * byte, LSR always says "transmitter empty", no input ever arrives, no
 * interrupts are raised. Registers (reg-shift 0): 0 RBR/THR (DLL when
 * LCR.DLAB), 1 IER (DLM), 2 IIR/FCR, 3 LCR, 4 MCR, 5 LSR, 6 MSR, 7 SCR.
 *
 * Whatever a guest writes — here or through SBI console calls — is reported
 * byte by byte to the trace port (the host keeps each guest's output) and
 * printed on the real UART one line at a time, prefixed with the guest's
 * name, so interleaved guests stay readable.
 */
#include "vmm.h"

enum uart_reg {
    UART_RBR_THR = 0, UART_IER = 1, UART_IIR_FCR = 2, UART_LCR = 3,
    UART_MCR = 4, UART_LSR = 5, UART_MSR = 6, UART_SCR = 7
};
#define UART_NREGS    8u
#define LCR_DLAB      0x80u
#define LSR_THRE_TEMT 0x60u   /* transmitter holding register and shifter empty */
#define IIR_NO_INT    0x01u
#define IIR_FIFO_ON   0xC0u
#define FCR_ENABLE    0x01u
#define MSR_DCD_DSR_CTS 0xB0u

static void print_line(struct vcpu *v)
{
    vmm_printf("[%s] ", v->name);
    for (uint32_t i = 0; i < v->line_len; i++)
        uart_putc(v->line[i]);
    uart_putc('\n');
    v->line_len = 0;
}

/* A guest that stops mid-line still gets its last words printed. */
void console_flush(struct vcpu *v)
{
    if (v->line_len)
        print_line(v);
}

void console_putc(struct vcpu *v, uint8_t c)
{
    trace1(TZ_EV_CONSOLE, c);
    if (c == '\n') {
        print_line(v);
        return;
    }
    v->line[v->line_len++] = (char)c;
    if (v->line_len == CONSOLE_LINE_MAX)
        print_line(v);
}

static uint32_t uart_read(struct vcpu *v, uint32_t reg)
{
    int dlab = v->uart_lcr & LCR_DLAB;
    switch (reg) {
    case UART_RBR_THR: return dlab ? v->uart_dll : 0;
    case UART_IER:     return dlab ? v->uart_dlm : v->uart_ier;
    case UART_IIR_FCR: return IIR_NO_INT | ((v->uart_fcr & FCR_ENABLE) ? IIR_FIFO_ON : 0);
    case UART_LCR:     return v->uart_lcr;
    case UART_MCR:     return v->uart_mcr;
    case UART_LSR:     return LSR_THRE_TEMT;
    case UART_MSR:     return MSR_DCD_DSR_CTS;
    case UART_SCR:     return v->uart_scr;
    default:           return 0;
    }
}

static void uart_write(struct vcpu *v, uint32_t reg, uint8_t val)
{
    int dlab = v->uart_lcr & LCR_DLAB;
    switch (reg) {
    case UART_RBR_THR:
        if (dlab)
            v->uart_dll = val;
        else
            console_putc(v, val);
        break;
    case UART_IER:
        if (dlab)
            v->uart_dlm = val;
        else
            v->uart_ier = val;
        break;
    case UART_IIR_FCR: v->uart_fcr = val; break;
    case UART_LCR:     v->uart_lcr = val; break;
    case UART_MCR:     v->uart_mcr = val; break;
    case UART_SCR:     v->uart_scr = val; break;
    default:           break;   /* LSR, MSR: read-only */
    }
}

void vuart_mmio(struct vcpu *v, uint32_t gpa, uint32_t va, uint32_t cause)
{
    uint32_t insn;
    struct mem_insn m;
    uint32_t reg = gpa - TZ_UART_BASE;
    if (guest_fetch_insn(v, &insn) != 0 || decode_mem(insn, &m) != 0 || reg >= UART_NREGS) {
        /* Not a plain load/store of a register: the device does not answer. */
        inject_exception(v, cause == CAUSE_STORE_PAGE_FAULT ? CAUSE_STORE_ACCESS
                                                            : CAUSE_LOAD_ACCESS, va);
        return;
    }
    uint32_t value;
    if (m.store) {
        value = v->x[m.reg];
        uart_write(v, reg, (uint8_t)value);
    } else {
        value = uart_read(v, reg);   /* byte registers: wider reads see the byte */
        if (m.reg)
            v->x[m.reg] = value;
    }
    v->pc += 4;
    trace3(TZ_EV_MMIO, gpa, m.store, value);
}
