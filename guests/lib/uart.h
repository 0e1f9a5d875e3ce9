/*
 * uart.h — the ns16550a UART driven directly through its MMIO registers,
 * as a kernel with its own driver would (rather than through SBI). On the
 * bare machine these are plain loads and stores; under the VMM each access
 * faults and the VMM emulates the device.
 */
#ifndef GUEST_UART_H
#define GUEST_UART_H

#include <stdint.h>

void uart_mmio_putc(char c);
int uart_mmio_getc(void);                /* -1 when nothing is waiting */

#endif
