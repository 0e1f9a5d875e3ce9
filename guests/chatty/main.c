/*
 * chatty — an I/O-heavy kernel: it talks a lot, through every console path
 * a guest can use, and reads input when there is any.
 *
 * Demonstrates the cost of I/O under virtualization. Each line goes out
 * through one of four paths, and each path costs a VMM something different:
 *   - SBI legacy console_putchar: one ECALL (one exit) per byte;
 *   - SBI DBCN write_byte: the same with the modern extension;
 *   - SBI DBCN write: one ECALL per line (the buffer is copied by the VMM);
 *   - the ns16550a UART's registers, directly: every status-register read
 *     and every data-register write is an MMIO access the VMM must trap,
 *     decode and emulate (there is no UART for the guest to touch).
 * Then it drains the input (SBI DBCN read, legacy getchar, and the UART's
 * receive register) without ever waiting, so it ends the same way with and
 * without input. Paging stays off. The result line has a hash of every byte
 * written, so a lost or duplicated byte changes it.
 */
#include "kernel.h"

#define LINES_PER_PATH   16u
#define WRITE_BYTE_LINES 4u
#define INPUT_MAX        256u
#define FNV_OFFSET       0x811C9DC5u
#define FNV_PRIME        0x01000193u

enum path { PATH_PUTCHAR, PATH_WRITE_BYTE, PATH_DBCN, PATH_MMIO, PATH__COUNT };
static const char *const path_name[PATH__COUNT] = {
    "sbi-putchar", "sbi-write-byte", "sbi-dbcn", "uart-mmio",
};

static uint32_t bytes_by_path[PATH__COUNT];
static uint32_t hash = FNV_OFFSET;

/* Send one complete line through one path and account for it. */
static void send_line(enum path p, const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n; i++) {
        hash = (hash ^ (uint8_t)s[i]) * FNV_PRIME;
        switch (p) {
        case PATH_PUTCHAR:    sbi_legacy_putchar((uint8_t)s[i]); break;
        case PATH_WRITE_BYTE: sbi_dbcn_write_byte((uint8_t)s[i]); break;
        case PATH_MMIO:       uart_mmio_putc(s[i]); break;
        case PATH_DBCN:       console_putc(s[i]); break;   /* flushed by DBCN at '\n' */
        case PATH__COUNT:     break;
        }
    }
    bytes_by_path[p] += (uint32_t)n;
}

static char input[INPUT_MAX];

/* Read whatever is waiting, never blocking. */
static uint32_t drain_input(uint32_t *via_dbcn, uint32_t *via_getchar, uint32_t *via_mmio)
{
    uint32_t n = 0;
    long got = sbi_dbcn_read((uint32_t)(uintptr_t)input, INPUT_MAX / 2);
    *via_dbcn = got > 0 ? (uint32_t)got : 0;
    n = *via_dbcn;
    int c;
    *via_getchar = 0;
    while (n < INPUT_MAX * 3 / 4 && (c = sbi_legacy_getchar()) >= 0) {
        input[n++] = (char)c;
        (*via_getchar)++;
    }
    *via_mmio = 0;
    while (n < INPUT_MAX && (c = uart_mmio_getc()) >= 0) {
        input[n++] = (char)c;
        (*via_mmio)++;
    }
    return n;
}

int kmain(const struct tz_bootinfo *bi)
{
    (void)bi;
    char line[96];

    printf("chatty: %u lines through each console path except %s (%u: the slowest)\n",
           LINES_PER_PATH, path_name[PATH_WRITE_BYTE], WRITE_BYTE_LINES);
    console_flush();
    for (uint32_t i = 1; i <= LINES_PER_PATH; i++)
        for (enum path p = PATH_PUTCHAR; p < PATH__COUNT; p++) {
            if (p == PATH_WRITE_BYTE && i > WRITE_BYTE_LINES)
                continue;          /* the slowest path: a few lines are enough */
            snprintf(line, sizeof line, "chatty: line %02u via %-14s %s\n", i, path_name[p],
                     "the quick brown fox jumps over the lazy dog");
            send_line(p, line);
        }

    uint32_t via_dbcn, via_getchar, via_mmio;
    uint32_t n = drain_input(&via_dbcn, &via_getchar, &via_mmio);
    uint32_t in_hash = FNV_OFFSET;
    for (uint32_t i = 0; i < n; i++)
        in_hash = (in_hash ^ (uint8_t)input[i]) * FNV_PRIME;
    printf("chatty: read %u input bytes (dbcn %u, getchar %u, uart %u), hash %08x\n",
           n, via_dbcn, via_getchar, via_mmio, in_hash);
    if (n) {
        console_puts("chatty: input was: ");
        for (uint32_t i = 0; i < n; i++)
            console_putc(input[i] == '\n' || input[i] == '\r' ? ' ' : input[i]);
        console_putc('\n');
    }

    uint32_t total = 0;
    for (enum path p = PATH_PUTCHAR; p < PATH__COUNT; p++) {
        printf("chatty: %-14s %5u bytes\n", path_name[p], bytes_by_path[p]);
        total += bytes_by_path[p];
    }
    printf("chatty: PASS wrote %u bytes, hash %08x\n", total, hash);
    return 0;
}
