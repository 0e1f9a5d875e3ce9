/*
 * uart.c — polled ns16550a access (register offsets in trapeze_abi.h):
 * wait for LSR.THRE before writing THR; a byte is waiting when LSR.DR is set.
 */
#include "uart.h"
#include "trapeze_abi.h"

static volatile uint8_t *const uart_regs = (volatile uint8_t *)TZ_UART_BASE;

void uart_mmio_putc(char c)
{
    while (!(uart_regs[TZ_UART_LSR] & TZ_UART_LSR_THRE))
        ;
    uart_regs[TZ_UART_THR] = (uint8_t)c;
}

int uart_mmio_getc(void)
{
    if (!(uart_regs[TZ_UART_LSR] & TZ_UART_LSR_DR))
        return -1;
    return uart_regs[TZ_UART_RBR];
}
