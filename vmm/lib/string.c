/*
 * string.c — the few memory helpers freestanding C needs.
 *
 * gcc may turn structure copies and zeroing loops into calls to memset and
 * memcpy even with -ffreestanding, so the VMM must provide them. They are
 * simple on purpose: the VMM's hot paths never copy large blocks.
 */
#include "../vmm.h"

void *memset(void *d, int c, size_t n)
{
    uint8_t *p = d;
    /* Word stores once aligned: zeroing a shadow page-table page is 1024
     * stores, not 4096. */
    while (n && ((uintptr_t)p & 3u)) {
        *p++ = (uint8_t)c;
        n--;
    }
    uint32_t w = (uint8_t)c * 0x01010101u;
    for (; n >= 16; n -= 16, p += 16) {
        ((uint32_t *)p)[0] = w;
        ((uint32_t *)p)[1] = w;
        ((uint32_t *)p)[2] = w;
        ((uint32_t *)p)[3] = w;
    }
    while (n--)
        *p++ = (uint8_t)c;
    return d;
}

void *memcpy(void *d, const void *s, size_t n)
{
    uint8_t *dp = d;
    const uint8_t *sp = s;
    while (n--)
        *dp++ = *sp++;
    return d;
}

size_t strlen(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}
