/*
 * user.c — the three programs the tasks kernel runs as U-mode processes.
 *
 * This file is linked into the .user section (guest.ld), the only pages
 * the kernel maps with U=1, so the programs may use only their own code,
 * their own constants, their stack and their private data page. They reach
 * the kernel only through ECALL. No library: a tiny number formatter lives
 * here too (a call into kernel code would be an instruction page fault).
 */
#include <stdint.h>

#include "syscall.h"

static long syscall3(long nr, long a0, long a1, long a2)
{
    register long r_a0 __asm__("a0") = a0;
    register long r_a1 __asm__("a1") = a1;
    register long r_a2 __asm__("a2") = a2;
    register long r_a7 __asm__("a7") = nr;
    __asm__ volatile("ecall" : "+r"(r_a0) : "r"(r_a1), "r"(r_a2), "r"(r_a7) : "memory");
    return r_a0;
}

static long sys_write(const char *buf, unsigned long len) { return syscall3(SYS_WRITE, (long)buf, (long)len, 0); }
static void sys_yield(void) { syscall3(SYS_YIELD, 0, 0, 0); }
static long sys_getpid(void) { return syscall3(SYS_GETPID, 0, 0, 0); }
static __attribute__((noreturn)) void sys_exit(long status)
{
    syscall3(SYS_EXIT, status, 0, 0);
    for (;;)
        ;
}

/* A line under construction, on the caller's stack. */
struct line {
    char buf[96];
    unsigned len;
};

static void put_str(struct line *l, const char *s)
{
    while (*s && l->len < sizeof l->buf)
        l->buf[l->len++] = *s++;
}

static void put_num(struct line *l, uint32_t v, unsigned base)
{
    char tmp[12];
    unsigned n = 0;
    do {
        uint32_t d = v % base;
        tmp[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
        v /= base;
    } while (v);
    while (n && l->len < sizeof l->buf)
        l->buf[l->len++] = tmp[--n];
}

static void flush(struct line *l)
{
    put_str(l, "\n");
    sys_write(l->buf, l->len);
    l->len = 0;
}

/* The private page: the same virtual address in every process, a different
 * physical page behind it. */
#define PRIVATE ((volatile struct private_data *)USER_DATA_VA)

/* counter: short bursts of work, yielding after each. */
void user_counter(void);
void user_counter(void)
{
    struct line l;
    l.len = 0;
    uint32_t pid = (uint32_t)sys_getpid();
    PRIVATE->owner = pid;
    for (uint32_t i = 1; i <= 5; i++) {
        PRIVATE->counter += i;
        put_str(&l, "counter: step ");
        put_num(&l, i, 10);
        put_str(&l, ", ");
        put_num(&l, i, 10);
        put_str(&l, " squared is ");
        put_num(&l, i * i, 10);
        flush(&l);
        sys_yield();
    }
    put_str(&l, "counter: private page still mine after yielding: ");
    put_str(&l, PRIVATE->owner == pid && PRIVATE->counter == 15 ? "yes" : "NO");
    flush(&l);
    sys_exit(PRIVATE->owner == pid ? 0 : 1);
}

/* crunch: a long computation that never yields; only the timer stops it.
 * How many slices the work takes depends on the machine's speed, so after
 * it, crunch keeps spinning until the timer has preempted it a few times:
 * the output is the same on every machine, and preemption is certain. */
#define CRUNCH_ROUNDS 400000u
#define CRUNCH_MIN_PREEMPTIONS 3u
void user_crunch(void);
void user_crunch(void)
{
    struct line l;
    l.len = 0;
    uint32_t pid = (uint32_t)sys_getpid();
    PRIVATE->owner = pid;
    put_str(&l, "crunch: starting ");
    put_num(&l, CRUNCH_ROUNDS, 10);
    put_str(&l, " rounds without yielding");
    flush(&l);
    uint32_t x = 1, acc = 0;
    for (uint32_t i = 0; i < CRUNCH_ROUNDS; i++) {
        x = x * 1664525u + 1013904223u;     /* Numerical Recipes LCG */
        acc += (x >> 16) ^ i;
        acc = (acc << 3) | (acc >> 29);
    }
    while (PRIVATE->preemptions < CRUNCH_MIN_PREEMPTIONS)
        ;
    put_str(&l, "crunch: result ");
    put_num(&l, acc, 16);
    put_str(&l, ", private page still mine: ");
    put_str(&l, PRIVATE->owner == pid ? "yes" : "NO");
    flush(&l);
    put_str(&l, "crunch: preempted by the timer at least ");
    put_num(&l, CRUNCH_MIN_PREEMPTIONS, 10);
    put_str(&l, " times without ever yielding");
    flush(&l);
    sys_exit(PRIVATE->owner == pid ? 0 : 1);
}

/* faulter: tries to write the kernel's memory and is killed for it. */
void user_faulter(void);
void user_faulter(void)
{
    struct line l;
    l.len = 0;
    put_str(&l, "faulter: writing to kernel memory at 0x");
    put_num(&l, KERNEL_PROBE_VA, 16);
    flush(&l);
    *(volatile uint32_t *)KERNEL_PROBE_VA = 0xBADC0DEu;
    put_str(&l, "faulter: the write went through (isolation is broken)");
    flush(&l);
    sys_exit(1);
}
