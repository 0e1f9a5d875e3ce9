/*
 * palloc.c — see palloc.h. Fresh pages are taken from a bump pointer;
 * freed pages are reused first (LIFO), which keeps runs deterministic.
 */
#include "palloc.h"
#include "klib.h"
#include "riscv.h"

struct free_page {
    struct free_page *next;
};

static struct {
    uint32_t next_fresh, end;
    struct free_page *free_list;
    uint32_t free_count, in_use;
} pa;

void palloc_init(uint32_t start, uint32_t end)
{
    pa.next_fresh = (start + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
    pa.end = end & ~(PAGE_SIZE - 1);
    pa.free_list = NULL;
    pa.free_count = 0;
    pa.in_use = 0;
}

void *page_alloc(void)
{
    void *p;
    if (pa.free_list) {
        p = pa.free_list;
        pa.free_list = pa.free_list->next;
        pa.free_count--;
    } else if (pa.next_fresh < pa.end) {
        p = (void *)(uintptr_t)pa.next_fresh;
        pa.next_fresh += PAGE_SIZE;
    } else {
        return NULL;
    }
    pa.in_use++;
    memset(p, 0, PAGE_SIZE);
    return p;
}

void page_free(void *page)
{
    uint32_t a = (uint32_t)(uintptr_t)page;
    if (a & (PAGE_SIZE - 1) || a < guest_mem.kernel_end || a >= pa.end)
        panic("page_free: %p is not an allocated page", page);
    struct free_page *f = page;
    f->next = pa.free_list;
    pa.free_list = f;
    pa.free_count++;
    pa.in_use--;
}

uint32_t palloc_pages_in_use(void) { return pa.in_use; }

uint32_t palloc_pages_free(void)
{
    return pa.free_count + (pa.end - pa.next_fresh) / PAGE_SIZE;
}
