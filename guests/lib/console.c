/*
 * console.c — line-buffered console over SBI, and the formatter behind
 * printf/snprintf. See console.h for why lines go out through DBCN.
 */
#include <stdint.h>

#include "console.h"
#include "sbi.h"

#define LINE_MAX_BYTES 128

static char line[LINE_MAX_BYTES];
static size_t line_len;
static int have_dbcn;

void console_init(void)
{
    have_dbcn = sbi_probe(SBI_EXT_DBCN);
}

void console_flush(void)
{
    size_t done = 0;
    while (done < line_len) {
        if (have_dbcn) {
            long n = sbi_dbcn_write((uint32_t)(uintptr_t)(line + done), (uint32_t)(line_len - done));
            if (n > 0) {
                done += (size_t)n;
                continue;
            }
            have_dbcn = 0;      /* refused: fall back to one byte at a time */
        }
        sbi_legacy_putchar((uint8_t)line[done++]);
    }
    line_len = 0;
}

void console_putc(char c)
{
    line[line_len++] = c;
    if (c == '\n' || line_len == sizeof line)
        console_flush();
}

void console_write(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        console_putc(s[i]);
}

void console_puts(const char *s)
{
    while (*s)
        console_putc(*s++);
}

/* ---- formatter ------------------------------------------------------------- */

struct sink {
    char *buf;          /* NULL: to the console */
    size_t size, len;
};

static void emit(struct sink *s, char c)
{
    if (!s->buf)
        console_putc(c);
    else if (s->len + 1 < s->size)
        s->buf[s->len] = c;
    s->len++;
}

static void emit_padded(struct sink *s, const char *str, size_t n, int width, int left, char pad)
{
    int fill = width > (int)n ? width - (int)n : 0;
    if (!left)
        while (fill-- > 0)
            emit(s, pad);
    for (size_t i = 0; i < n; i++)
        emit(s, str[i]);
    if (left)
        while (fill-- > 0)
            emit(s, ' ');
}

static void format(struct sink *s, const char *fmt, va_list ap)
{
    static const char lower[] = "0123456789abcdef", upper[] = "0123456789ABCDEF";
    char tmp[24];     /* enough for a 64-bit value in decimal plus sign */

    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            emit(s, *fmt);
            continue;
        }
        fmt++;
        int left = 0, width = 0, longlong = 0;
        char pad = ' ';
        for (; *fmt == '-' || *fmt == '0'; fmt++) {
            if (*fmt == '-')
                left = 1;
            else
                pad = '0';
        }
        for (; *fmt >= '0' && *fmt <= '9'; fmt++)
            width = width * 10 + (*fmt - '0');
        for (; *fmt == 'l'; fmt++)
            longlong += 1;
        longlong = longlong >= 2;

        char conv = *fmt;
        if (conv == '\0')
            break;
        if (conv == 'c') {
            char c = (char)va_arg(ap, int);
            emit_padded(s, &c, 1, width, left, ' ');
            continue;
        }
        if (conv == 's') {
            const char *str = va_arg(ap, const char *);
            if (!str)
                str = "(null)";
            size_t n = 0;
            while (str[n])
                n++;
            emit_padded(s, str, n, width, left, ' ');
            continue;
        }
        if (conv == '%') {
            emit(s, '%');
            continue;
        }

        uint64_t v;
        int negative = 0;
        unsigned base = 10;
        const char *digits = lower;
        if (conv == 'd' || conv == 'i') {
            int64_t sv = longlong ? va_arg(ap, int64_t) : (int64_t)va_arg(ap, int32_t);
            negative = sv < 0;
            v = negative ? (uint64_t)0 - (uint64_t)sv : (uint64_t)sv;
        } else if (conv == 'u' || conv == 'x' || conv == 'X' || conv == 'p') {
            if (conv == 'p') {
                v = (uintptr_t)va_arg(ap, void *);
                emit(s, '0');
                emit(s, 'x');
            } else {
                v = longlong ? va_arg(ap, uint64_t) : (uint64_t)va_arg(ap, uint32_t);
            }
            if (conv != 'u')
                base = 16;
            if (conv == 'X')
                digits = upper;
        } else {
            emit(s, '%');      /* unknown conversion: print it as written */
            emit(s, conv);
            continue;
        }
        size_t n = 0;
        do {
            tmp[sizeof tmp - 1 - n++] = digits[v % base];
            v /= base;
        } while (v);
        if (negative) {
            if (pad == '0') {
                emit(s, '-');
                width = width > 0 ? width - 1 : 0;
            } else {
                tmp[sizeof tmp - 1 - n++] = '-';
            }
        }
        emit_padded(s, tmp + sizeof tmp - n, n, width, left, left ? ' ' : pad);
    }
}

int printf(const char *fmt, ...)
{
    struct sink s = { 0, 0, 0 };
    va_list ap;
    va_start(ap, fmt);
    format(&s, fmt, ap);
    va_end(ap);
    return (int)s.len;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
    struct sink s = { buf, size, 0 };
    format(&s, fmt, ap);
    if (size)
        buf[s.len < size ? s.len : size - 1] = '\0';
    return (int)s.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return n;
}
