/*
 * klib.h — freestanding basics for guest kernels: string routines, the
 * runtime's entry points (kmain, kernel_exit, panic) and memory bounds.
 */
#ifndef GUEST_KLIB_H
#define GUEST_KLIB_H

#include <stddef.h>
#include <stdint.h>

#include "trapeze_abi.h"

void *memset(void *dst, int c, size_t n);
void *memcpy(void *restrict dst, const void *restrict src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);

/*
 * Each kernel uses at most GUEST_MEM_LIMIT bytes from TZ_KERNEL_BASE (image
 * plus allocated pages), and never more than bootinfo.ram_size allows: a VMM
 * may give it a small partition.
 */
#define GUEST_MEM_LIMIT (4u * 1024u * 1024u)

/* Filled by the runtime before kmain runs. */
struct guest_memory {
    uint32_t kernel_start;   /* TZ_KERNEL_BASE */
    uint32_t kernel_end;     /* end of the image (page aligned) */
    uint32_t mem_end;        /* end of the memory this kernel may use */
};
extern struct guest_memory guest_mem;

/* Each kernel defines kmain; its return value is the exit status. */
int kmain(const struct tz_bootinfo *bi);

/* Flush the console, report `code` as the exit status and shut down. */
__attribute__((noreturn)) void kernel_exit(int code);
__attribute__((noreturn)) void panic(const char *fmt, ...);

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#endif
