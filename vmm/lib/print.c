/*
 * print.c — the VMM's own voice: bytes to the real UART, a tiny printf, and
 * the way out of the machine.
 *
 * Guests never write the real UART: their output goes through vuart.c, which
 * prefixes each line with the guest's name. The VMM writes here directly (it
 * owns the real device). Only %s %c %d %u %x (with an optional 0-padded
 * width, e.g. %08x) are supported — all the VMM needs.
 */
#include <stdarg.h>

#include "../vmm.h"

static volatile uint8_t *const uart = (volatile uint8_t *)(uintptr_t)TZ_UART_BASE;

void uart_putc(char c)
{
    while (!(uart[TZ_UART_LSR] & TZ_UART_LSR_THRE))
        ;
    uart[TZ_UART_THR] = (uint8_t)c;
}

static void put_uint(uint32_t val, unsigned base, unsigned width, char pad)
{
    char buf[12];
    unsigned n = 0;
    do {
        uint32_t d = val % base;
        buf[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
        val /= base;
    } while (val);
    while (n < width && n < sizeof buf)
        buf[n++] = pad;
    while (n)
        uart_putc(buf[--n]);
}

void vmm_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            uart_putc(*fmt);
            continue;
        }
        fmt++;
        char pad = ' ';
        unsigned width = 0;
        if (*fmt == '0') {
            pad = '0';
            fmt++;
        }
        while (*fmt >= '0' && *fmt <= '9')
            width = width * 10 + (unsigned)(*fmt++ - '0');
        switch (*fmt) {
        case 's': {
            const char *s = va_arg(ap, const char *);
            while (*s)
                uart_putc(*s++);
            break;
        }
        case 'c':
            uart_putc((char)va_arg(ap, int));
            break;
        case 'd': {
            int32_t d = va_arg(ap, int32_t);
            if (d < 0) {
                uart_putc('-');
                d = -d;
            }
            put_uint((uint32_t)d, 10, width, pad);
            break;
        }
        case 'u':
            put_uint(va_arg(ap, uint32_t), 10, width, pad);
            break;
        case 'x':
            put_uint(va_arg(ap, uint32_t), 16, width, pad);
            break;
        case '%':
            uart_putc('%');
            break;
        default:
            uart_putc('?');
            break;
        }
    }
    va_end(ap);
}

/* The SiFive test finisher ends the run: 0x5555 = pass, (code<<16)|0x3333 = fail. */
void machine_finish(uint32_t code)
{
    volatile uint32_t *fin = (volatile uint32_t *)(uintptr_t)TZ_TEST_BASE;
    *fin = code == 0 ? TZ_TEST_PASS : (code << 16) | TZ_TEST_FAIL;
    for (;;)
        __asm__ volatile("wfi");
}
