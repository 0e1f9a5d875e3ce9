/*
 * uart16550.c — the ns16550a UART of QEMU's virt board, at TZ_UART_BASE.
 *
 * Eight byte-wide registers, one byte apart (reg-shift 0):
 *
 *   off  read                       write
 *   0    RBR receive buffer         THR transmit holding     (DLAB=1: DLL)
 *   1    IER interrupt enable       IER                      (DLAB=1: DLM)
 *   2    IIR interrupt identity     FCR FIFO control
 *   3    LCR line control           LCR  (bit 7 = DLAB, divisor latch access)
 *   4    MCR modem control          MCR  (bit 4 = loopback)
 *   5    LSR line status            (ignored)
 *   6    MSR modem status           (ignored)
 *   7    SCR scratch                SCR
 *
 * Transmission is instantaneous in simulated time, so the transmitter is
 * always empty: LSR.THRE and LSR.TEMT are always set and a driver's "wait
 * until THRE" loop never spins. A byte written to THR goes straight to
 * mach_uart_tx (or, in loopback mode, back into the receive queue, as on the
 * real chip). LSR.DR is set while the receive queue holds data.
 *
 * Interrupts: the board has no PLIC yet, so no interrupt line is driven, but
 * IER is kept and IIR reports what *would* be pending (received data if
 * IER.ERBFI and data is queued, else "THR empty" if IER.ETBEI), so drivers
 * that poll IIR behave. Unlike the real chip, reading IIR does not clear the
 * THR-empty condition: with an always-empty transmitter it stays pending.
 *
 * Access widths: QEMU's serial model accepts 1-, 2- and 4-byte accesses (a
 * wider access reads or writes just the one register at its address, with
 * the byte in the low bits), so code that does `sw` to THR works there; we
 * accept the same so the same binaries behave the same. The register file is
 * 8 bytes: offsets 8 and up hit nothing (an access fault, as on QEMU, whose
 * UART region is 8 bytes long).
 */
#include "dev.h"

#include "../hooks.h"

enum uart_reg {
    UART_RBR_THR = 0,
    UART_IER = 1,
    UART_IIR_FCR = 2,
    UART_LCR = 3,
    UART_MCR = 4,
    UART_LSR = 5,
    UART_MSR = 6,
    UART_SCR = 7,
    UART_NREGS = 8
};

#define LCR_DLAB      0x80u   /* registers 0/1 become the divisor latch */
#define IER_ERBFI     0x01u   /* received data available interrupt */
#define IER_ETBEI     0x02u   /* transmitter holding register empty interrupt */
#define IER_WRITABLE  0x0Fu   /* bits 7:4 are reserved, read as 0 */
#define IIR_NO_INT    0x01u
#define IIR_THRI      0x02u   /* THR empty */
#define IIR_RDI       0x04u   /* received data available */
#define IIR_FIFO_ON   0xC0u   /* bits 7:6 set when the FIFOs are enabled */
#define FCR_ENABLE    0x01u
#define FCR_CLEAR_RX  0x02u
#define FCR_CLEAR_TX  0x04u
#define FCR_STORED    0xC9u   /* trigger level, DMA mode and enable are kept */
#define MCR_WRITABLE  0x1Fu
#define MCR_DTR       0x01u
#define MCR_RTS       0x02u
#define MCR_OUT1      0x04u
#define MCR_OUT2      0x08u
#define MCR_LOOP      0x10u
#define LSR_DR        0x01u   /* data ready */
#define LSR_THRE      0x20u   /* transmit holding register empty */
#define LSR_TEMT      0x40u   /* transmitter empty */
#define MSR_CTS       0x10u
#define MSR_DSR       0x20u
#define MSR_RI        0x40u
#define MSR_DCD       0x80u
/* With nothing attached, QEMU reports carrier, data-set-ready and clear-to-send. */
#define MSR_IDLE      (MSR_DCD | MSR_DSR | MSR_CTS)
#define UART_MAX_ACCESS 4

void uart_init(struct uart16550 *u, struct machine *m)
{
    u->m = m;
    u->ier = 0;
    u->lcr = 0;
    u->mcr = MCR_OUT2;   /* QEMU's reset value */
    u->scr = 0;
    u->fcr = 0;
    u->dll = 0;
    u->dlm = 0;
    u->rx_head = 0;
    u->rx_count = 0;
    u->tx_bytes = 0;
}

static void rx_push(struct uart16550 *u, uint8_t byte)
{
    if (u->rx_count >= UART_RX_QUEUE)
        return;   /* overrun: the byte is lost, as on the real chip */
    u->rx[(u->rx_head + u->rx_count) % UART_RX_QUEUE] = byte;
    u->rx_count++;
}

void uart_push_input(struct uart16550 *u, const uint8_t *data, size_t len)
{
    for (size_t i = 0; i < len; i++)
        rx_push(u, data[i]);
}

static uint8_t rx_pop(struct uart16550 *u)
{
    if (u->rx_count == 0)
        return 0;
    uint8_t byte = u->rx[u->rx_head];
    u->rx_head = (u->rx_head + 1) % UART_RX_QUEUE;
    u->rx_count--;
    return byte;
}

static uint8_t iir_value(const struct uart16550 *u)
{
    uint8_t fifo = (u->fcr & FCR_ENABLE) ? IIR_FIFO_ON : 0;
    if ((u->ier & IER_ERBFI) && u->rx_count)
        return fifo | IIR_RDI;
    if (u->ier & IER_ETBEI)
        return fifo | IIR_THRI;
    return fifo | IIR_NO_INT;
}

static uint8_t msr_value(const struct uart16550 *u)
{
    if (!(u->mcr & MCR_LOOP))
        return MSR_IDLE;
    /* Loopback wires the modem outputs back to the inputs (16550 datasheet). */
    uint8_t v = 0;
    if (u->mcr & MCR_DTR)
        v |= MSR_DSR;
    if (u->mcr & MCR_RTS)
        v |= MSR_CTS;
    if (u->mcr & MCR_OUT1)
        v |= MSR_RI;
    if (u->mcr & MCR_OUT2)
        v |= MSR_DCD;
    return v;
}

static int uart_read(void *ctx, uint32_t offset, unsigned size, uint32_t *value)
{
    struct uart16550 *u = ctx;
    if (size > UART_MAX_ACCESS || offset >= UART_NREGS)
        return -1;
    uint8_t v = 0;
    switch (offset) {
    case UART_RBR_THR:
        v = (u->lcr & LCR_DLAB) ? u->dll : rx_pop(u);
        break;
    case UART_IER:
        v = (u->lcr & LCR_DLAB) ? u->dlm : u->ier;
        break;
    case UART_IIR_FCR:
        v = iir_value(u);
        break;
    case UART_LCR:
        v = u->lcr;
        break;
    case UART_MCR:
        v = u->mcr;
        break;
    case UART_LSR:
        v = LSR_THRE | LSR_TEMT | (u->rx_count ? LSR_DR : 0);
        break;
    case UART_MSR:
        v = msr_value(u);
        break;
    case UART_SCR:
        v = u->scr;
        break;
    }
    *value = v;
    return 0;
}

static int uart_write(void *ctx, uint32_t offset, unsigned size, uint32_t value)
{
    struct uart16550 *u = ctx;
    if (size > UART_MAX_ACCESS || offset >= UART_NREGS)
        return -1;
    uint8_t v = (uint8_t)value;   /* a wider store writes its low byte */
    switch (offset) {
    case UART_RBR_THR:
        if (u->lcr & LCR_DLAB) {
            u->dll = v;
        } else if (u->mcr & MCR_LOOP) {
            rx_push(u, v);
        } else {
            u->tx_bytes++;
            mach_uart_tx(u->m, v);
        }
        break;
    case UART_IER:
        if (u->lcr & LCR_DLAB)
            u->dlm = v;
        else
            u->ier = v & IER_WRITABLE;
        break;
    case UART_IIR_FCR:
        if (v & FCR_CLEAR_RX) {
            u->rx_head = 0;
            u->rx_count = 0;
        }
        /* FCR_CLEAR_TX: the transmitter is always empty, nothing to clear. */
        u->fcr = v & FCR_STORED;
        break;
    case UART_LCR:
        u->lcr = v;
        break;
    case UART_MCR:
        u->mcr = v & MCR_WRITABLE;
        break;
    case UART_LSR:
    case UART_MSR:
        break;   /* read-only status (the LSR write is a factory test mode) */
    case UART_SCR:
        u->scr = v;
        break;
    }
    return 0;
}

const struct device_ops uart_ops = { uart_read, uart_write };
