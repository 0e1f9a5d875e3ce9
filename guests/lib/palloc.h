/*
 * palloc.h — physical page allocator for guest kernels.
 *
 * Hands out 4 KiB pages from the memory between the end of the kernel image
 * and the end of the kernel's RAM. Pages come back zeroed. Freed pages go on
 * a free list threaded through the pages themselves (as xv6's kalloc does).
 * Addresses are physical; kernels map their memory identically, so a page's
 * physical address is also where the kernel reads and writes it.
 */
#ifndef GUEST_PALLOC_H
#define GUEST_PALLOC_H

#include <stdint.h>

void palloc_init(uint32_t start, uint32_t end);
void *page_alloc(void);              /* NULL when memory is exhausted */
void page_free(void *page);
uint32_t palloc_pages_in_use(void);
uint32_t palloc_pages_free(void);

#endif
