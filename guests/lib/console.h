/*
 * console.h — kernel console output (and a small formatter).
 *
 * Output is collected per line and handed to SBI DBCN write in one call,
 * which costs one SBI trap per line instead of one per character; where DBCN
 * is missing it falls back to the legacy one-byte putchar. The buffer's
 * address is passed as a physical address, which holds because every guest
 * kernel maps its own memory at identical virtual and physical addresses.
 */
#ifndef GUEST_CONSOLE_H
#define GUEST_CONSOLE_H

#include <stdarg.h>
#include <stddef.h>

void console_init(void);
void console_putc(char c);
void console_write(const char *s, size_t n);
void console_puts(const char *s);        /* no newline added */
void console_flush(void);

/*
 * printf subset: %d %i %u %x %X %c %s %p %%, flags '-' '0', a width, length
 * modifiers l (ignored: int, long and uint32_t are all 32 bits) and ll
 * (64-bit). GCC's format checking is not enabled because on this target
 * uint32_t is `long`, and "%lx" everywhere would only obscure the examples;
 * pass 64-bit values with %ll* explicitly.
 */
int printf(const char *fmt, ...);
int snprintf(char *buf, size_t size, const char *fmt, ...);
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

#endif
