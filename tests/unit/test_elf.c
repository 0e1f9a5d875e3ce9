/*
 * test_elf.c — the ELF32 loader's validation.
 *
 * A small but complete RISC-V executable is built byte by byte here (two
 * PT_LOAD segments, a non-loadable note, a symbol table with the HTIF
 * symbols), so the test needs no cross compiler. Then: the good file parses
 * to exactly the expected segments, with and without a load bias; each
 * classic malformation is refused with a message that names the file and
 * the problem; and a deterministic fuzz loop corrupts every header byte (and
 * random bytes, and random truncations) checking that the parser never
 * crashes (this test also runs under ASan+UBSan) and never accepts a
 * segment outside the window or outside the file.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "../../machine/elf.h"

#define WIN_BASE 0x80000000u
#define WIN_SIZE (128u * 1024u * 1024u)

/* Layout of the hand-built executable. */
#define OFF_PHDR   52u
#define NPHDR      3u
#define OFF_TEXT   0x100u
#define TEXT_SIZE  16u
#define OFF_DATA   0x110u
#define DATA_FILE  16u
#define DATA_MEM   0x100u
#define OFF_STRTAB 0x120u
#define OFF_SYMTAB 0x140u
#define NSYMS      4u
#define OFF_SHDR   0x180u
#define NSHDR      3u
#define FILE_SIZE  (OFF_SHDR + NSHDR * 40u)
#define TEXT_ADDR  0x80000000u
#define DATA_ADDR  0x80001000u

static const char strtab[] = "\0tohost\0fromhost\0_start\0";
#define STR_TOHOST   1u
#define STR_FROMHOST 8u
#define STR_START    17u

static void put16(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)v;
    p[1] = (uint8_t)(v >> 8);
}

static void put32(uint8_t *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}

static void phdr(uint8_t *f, unsigned i, uint32_t type, uint32_t off, uint32_t addr,
                 uint32_t filesz, uint32_t memsz)
{
    uint8_t *p = f + OFF_PHDR + i * 32u;
    put32(p + 0, type);
    put32(p + 4, off);
    put32(p + 8, addr);    /* p_vaddr */
    put32(p + 12, addr);   /* p_paddr */
    put32(p + 16, filesz);
    put32(p + 20, memsz);
    put32(p + 24, 7);      /* RWX */
    put32(p + 28, 0x1000);
}

static void sym(uint8_t *f, unsigned i, uint32_t name, uint32_t value, uint16_t shndx)
{
    uint8_t *p = f + OFF_SYMTAB + i * 16u;
    put32(p + 0, name);
    put32(p + 4, value);
    put32(p + 8, 8);
    p[12] = 0x11;   /* global object */
    p[13] = 0;
    put16(p + 14, shndx);
}

static void shdr(uint8_t *f, unsigned i, uint32_t type, uint32_t off, uint32_t size,
                 uint32_t link, uint32_t entsize)
{
    uint8_t *p = f + OFF_SHDR + i * 40u;
    put32(p + 4, type);
    put32(p + 16, off);
    put32(p + 20, size);
    put32(p + 24, link);
    put32(p + 36, entsize);
}

/* The good executable, FILE_SIZE bytes. */
static void build(uint8_t *f)
{
    memset(f, 0, FILE_SIZE);
    static const uint8_t ident[16] = { 0x7f, 'E', 'L', 'F', 1, 1, 1 };
    memcpy(f, ident, sizeof ident);
    put16(f + 16, 2);            /* ET_EXEC */
    put16(f + 18, 243);          /* EM_RISCV */
    put32(f + 20, 1);
    put32(f + 24, TEXT_ADDR + 4);/* entry */
    put32(f + 28, OFF_PHDR);
    put32(f + 32, OFF_SHDR);
    put16(f + 40, 52);
    put16(f + 42, 32);
    put16(f + 44, NPHDR);
    put16(f + 46, 40);
    put16(f + 48, NSHDR);
    put16(f + 50, 0);
    phdr(f, 0, 1, OFF_TEXT, TEXT_ADDR, TEXT_SIZE, TEXT_SIZE);
    phdr(f, 1, 4, OFF_DATA, 0, 8, 0);   /* PT_NOTE: not loaded */
    phdr(f, 2, 1, OFF_DATA, DATA_ADDR, DATA_FILE, DATA_MEM);
    for (unsigned i = 0; i < TEXT_SIZE; i++)
        f[OFF_TEXT + i] = (uint8_t)(0xA0 + i);
    for (unsigned i = 0; i < DATA_FILE; i++)
        f[OFF_DATA + i] = (uint8_t)(0xD0 + i);
    memcpy(f + OFF_STRTAB, strtab, sizeof strtab);
    sym(f, 1, STR_TOHOST, DATA_ADDR, 1);
    sym(f, 2, STR_FROMHOST, DATA_ADDR + 8, 1);
    sym(f, 3, STR_START, TEXT_ADDR, 1);
    shdr(f, 1, 2, OFF_SYMTAB, NSYMS * 16u, 2, 16);   /* .symtab -> .strtab */
    shdr(f, 2, 3, OFF_STRTAB, sizeof strtab, 0, 0);
}

static char err[512];

static int parse(const uint8_t *f, size_t len, int64_t bias, struct elf_image *img)
{
    err[0] = '\0';
    return elf_parse_mem("prog.elf", f, len, bias, WIN_BASE, WIN_SIZE, img, err, sizeof err);
}

/* ---- the good file ------------------------------------------------------- */

static void test_good(void **state)
{
    (void)state;
    uint8_t f[FILE_SIZE];
    build(f);
    struct elf_image img;
    assert_int_equal(parse(f, sizeof f, 0, &img), 0);
    assert_int_equal(img.entry, TEXT_ADDR + 4);
    assert_int_equal(img.nseg, 2);
    assert_int_equal(img.seg[0].paddr, TEXT_ADDR);
    assert_int_equal(img.seg[0].filesz, TEXT_SIZE);
    assert_int_equal(img.seg[0].memsz, TEXT_SIZE);
    assert_int_equal(img.seg[0].data[0], 0xA0);
    assert_int_equal(img.seg[1].paddr, DATA_ADDR);
    assert_int_equal(img.seg[1].filesz, DATA_FILE);
    assert_int_equal(img.seg[1].memsz, DATA_MEM);
    assert_int_equal(img.seg[1].data[DATA_FILE - 1], 0xD0 + DATA_FILE - 1);
    assert_true(img.has_tohost && img.has_fromhost);
    assert_int_equal(img.tohost, DATA_ADDR);
    assert_int_equal(img.fromhost, DATA_ADDR + 8);
    uint32_t v = 0;
    assert_int_equal(elf_symbol(&img, "_start", &v), 0);
    assert_int_equal(v, TEXT_ADDR);
    assert_int_equal(elf_symbol(&img, "main", &v), -1);
    assert_int_equal(elf_symbol(&img, "", &v), -1);   /* the null symbol is undefined */
    elf_free(&img);
    assert_null(img.file);
}

static void test_bias(void **state)
{
    (void)state;
    uint8_t f[FILE_SIZE];
    build(f);
    struct elf_image img;
    const int64_t bias = 0x00400000;   /* a guest partition 4 MiB up */
    assert_int_equal(parse(f, sizeof f, bias, &img), 0);
    assert_int_equal(img.entry, TEXT_ADDR + 4 + bias);
    assert_int_equal(img.seg[0].paddr, TEXT_ADDR + bias);
    assert_int_equal(img.seg[1].paddr, DATA_ADDR + bias);
    assert_int_equal(img.tohost, DATA_ADDR + bias);
    uint32_t v;
    assert_int_equal(elf_symbol(&img, "_start", &v), 0);
    assert_int_equal(v, TEXT_ADDR + bias);
    elf_free(&img);

    /* A negative bias can move a program to a low window... */
    assert_int_equal(elf_parse_mem("prog.elf", f, sizeof f, -(int64_t)0x7FF00000, 0x100000,
                                   0x10000, &img, err, sizeof err),
                     0);
    assert_int_equal(img.seg[0].paddr, 0x100000u);
    elf_free(&img);
    /* ...and a bias that pushes it out of the window is refused. */
    assert_int_equal(parse(f, sizeof f, WIN_SIZE, &img), -1);
    assert_non_null(strstr(err, "outside the allowed memory"));
    assert_int_equal(parse(f, sizeof f, -(int64_t)0x90000000, &img), -1);
    assert_int_equal(parse(f, sizeof f, (int64_t)1 << 40, &img), -1);
    assert_non_null(strstr(err, "load bias"));
    assert_int_equal(parse(f, sizeof f, INT64_MAX, &img), -1);
    assert_int_equal(parse(f, sizeof f, INT64_MIN, &img), -1);
}

static void test_no_symbols(void **state)
{
    (void)state;
    uint8_t f[FILE_SIZE];
    build(f);
    put32(f + 32, 0);   /* e_shoff = 0: stripped, still loadable */
    put16(f + 48, 0);
    struct elf_image img;
    assert_int_equal(parse(f, sizeof f, 0, &img), 0);
    assert_false(img.has_tohost);
    uint32_t v;
    assert_int_equal(elf_symbol(&img, "_start", &v), -1);
    elf_free(&img);
}

/* ---- malformations ------------------------------------------------------- */

struct bad_case {
    const char *what;                 /* what the mutation does */
    void (*mutate)(uint8_t *f, size_t *len);
    const char *message;              /* expected part of the error */
};

static void m_magic(uint8_t *f, size_t *len) { (void)len; f[1] = 'X'; }
static void m_class64(uint8_t *f, size_t *len) { (void)len; f[4] = 2; }
static void m_class0(uint8_t *f, size_t *len) { (void)len; f[4] = 0; }
static void m_bigendian(uint8_t *f, size_t *len) { (void)len; f[5] = 2; }
static void m_version(uint8_t *f, size_t *len) { (void)len; put32(f + 20, 9); }
static void m_x86(uint8_t *f, size_t *len) { (void)len; put16(f + 18, 62); }
static void m_dyn(uint8_t *f, size_t *len) { (void)len; put16(f + 16, 3); }
static void m_rel(uint8_t *f, size_t *len) { (void)len; put16(f + 16, 1); }
static void m_ehsize(uint8_t *f, size_t *len) { (void)len; put16(f + 40, 64); }
static void m_phentsize(uint8_t *f, size_t *len) { (void)len; put16(f + 42, 56); }
static void m_phnum0(uint8_t *f, size_t *len) { (void)len; put16(f + 44, 0); }
static void m_phnum_huge(uint8_t *f, size_t *len) { (void)len; put16(f + 44, 0xFFFF); }
static void m_phoff(uint8_t *f, size_t *len) { (void)len; put32(f + 28, 0xFFFFFFF0u); }
static void m_seg_off(uint8_t *f, size_t *len)
{
    (void)len;
    phdr(f, 0, 1, 0xFFFFFFF8u, TEXT_ADDR, TEXT_SIZE, TEXT_SIZE);
}
static void m_filesz(uint8_t *f, size_t *len)
{
    (void)len;
    phdr(f, 2, 1, OFF_DATA, DATA_ADDR, 0x200, 0x100);
}
static void m_outside(uint8_t *f, size_t *len)
{
    (void)len;
    phdr(f, 2, 1, OFF_DATA, 0x70000000u, DATA_FILE, DATA_MEM);
}
static void m_past_end(uint8_t *f, size_t *len)
{
    (void)len;
    phdr(f, 2, 1, OFF_DATA, WIN_BASE + WIN_SIZE - 0x10, DATA_FILE, DATA_MEM);
}
static void m_wrap(uint8_t *f, size_t *len)
{
    (void)len;
    phdr(f, 2, 1, OFF_DATA, 0xFFFFFF00u, DATA_FILE, 0x200);
}
static void m_overlap(uint8_t *f, size_t *len)
{
    (void)len;
    phdr(f, 2, 1, OFF_DATA, TEXT_ADDR + 8, DATA_FILE, DATA_MEM);
}
static void m_entry(uint8_t *f, size_t *len) { (void)len; put32(f + 24, 0x80100000u); }
static void m_no_load(uint8_t *f, size_t *len)
{
    (void)len;
    phdr(f, 0, 6, 0, 0, 0, 0);
    phdr(f, 2, 6, 0, 0, 0, 0);
}
static void m_truncated_header(uint8_t *f, size_t *len) { (void)f; *len = 40; }
static void m_truncated_seg(uint8_t *f, size_t *len) { (void)f; *len = OFF_TEXT + 8; }
static void m_empty(uint8_t *f, size_t *len) { (void)f; *len = 0; }
static void m_short_magic(uint8_t *f, size_t *len) { (void)f; *len = 3; }
static void m_shentsize(uint8_t *f, size_t *len) { (void)len; put16(f + 46, 64); }
static void m_shoff(uint8_t *f, size_t *len) { (void)len; put32(f + 32, FILE_SIZE - 20); }
static void m_sym_entsize(uint8_t *f, size_t *len)
{
    (void)len;
    shdr(f, 1, 2, OFF_SYMTAB, NSYMS * 16u, 2, 24);
}
static void m_sym_size(uint8_t *f, size_t *len)
{
    (void)len;
    shdr(f, 1, 2, OFF_SYMTAB, 0x7FFFFFF0u, 2, 16);
}
static void m_sym_partial(uint8_t *f, size_t *len)
{
    (void)len;
    shdr(f, 1, 2, OFF_SYMTAB, NSYMS * 16u + 1, 2, 16);
}
static void m_sym_link(uint8_t *f, size_t *len)
{
    (void)len;
    shdr(f, 1, 2, OFF_SYMTAB, NSYMS * 16u, 9, 16);
}
static void m_sym_link_self(uint8_t *f, size_t *len)
{
    (void)len;
    shdr(f, 1, 2, OFF_SYMTAB, NSYMS * 16u, 1, 16);
}
static void m_str_unterminated(uint8_t *f, size_t *len)
{
    (void)len;
    shdr(f, 2, 3, OFF_STRTAB, STR_START + 3, 0, 0);   /* cuts "_start" */
}
static void m_str_off(uint8_t *f, size_t *len)
{
    (void)len;
    shdr(f, 2, 3, 0xFFFFFF00u, sizeof strtab, 0, 0);
}
static void m_st_name(uint8_t *f, size_t *len) { (void)len; sym(f, 3, 5000, TEXT_ADDR, 1); }
static void m_tohost_outside(uint8_t *f, size_t *len)
{
    (void)len;
    sym(f, 1, STR_TOHOST, 0x10000000u, 1);
}

static const struct bad_case bad[] = {
    { "bad magic", m_magic, "not an ELF file (starts with bytes 7f 58 4c 46" },
    { "ELF64", m_class64, "64-bit ELF file" },
    { "class 0", m_class0, "bad ELF class 0" },
    { "big-endian", m_bigendian, "ELF data encoding 2, expected 1" },
    { "e_version", m_version, "unknown ELF version 9" },
    { "x86-64", m_x86, "e_machine is 62, expected 243 (RISC-V)" },
    { "ET_DYN", m_dyn, "e_type is 3, expected 2 (an executable) (a shared object" },
    { "ET_REL", m_rel, "(a relocatable object" },
    { "e_ehsize", m_ehsize, "e_ehsize is 64, expected 52" },
    { "e_phentsize", m_phentsize, "e_phentsize is 56, expected 32" },
    { "no phdrs", m_phnum0, "no program headers" },
    { "too many phdrs", m_phnum_huge, "65535 program headers" },
    { "phoff", m_phoff, "program header table (offset 0xfffffff0, 3 entries) extends past" },
    { "segment offset", m_seg_off, "segment 0: its bytes (offset 0xfffffff8, 0x10 bytes) "
                                   "extend past the end of the file" },
    { "filesz > memsz", m_filesz, "segment 2: file size 0x200 is larger than its memory "
                                  "size 0x100" },
    { "below window", m_outside, "segment 2: loads at 0x70000000-0x700000ff, outside the "
                                 "allowed memory 0x80000000-0x87ffffff" },
    { "past window", m_past_end, "segment 2: loads at 0x87fffff0-0x880000ef, outside" },
    { "wraps 2^32", m_wrap, "segment 2: loads at 0xffffff00-0x1000000ff, outside" },
    { "overlap", m_overlap, "segments 0 and 2 overlap in memory" },
    { "entry", m_entry, "entry point 0x80100000 is not inside any loaded segment" },
    { "no PT_LOAD", m_no_load, "no loadable (PT_LOAD) segment" },
    { "truncated header", m_truncated_header, "truncated: 40 bytes, shorter than an ELF32 "
                                              "header" },
    { "truncated segment", m_truncated_seg, "segment 0: its bytes (offset 0x100, 0x10 "
                                            "bytes) extend past the end of the file (264 "
                                            "bytes): truncated file?" },
    { "empty", m_empty, "empty file, not an ELF executable" },
    { "3 bytes", m_short_magic, "not an ELF file" },
    { "e_shentsize", m_shentsize, "e_shentsize is 64, expected 40" },
    { "shoff", m_shoff, "section header table (offset 0x1e4, 3 entries) extends past" },
    { "sym entsize", m_sym_entsize, "symbol table (section 1) has entry size 24, expected 16" },
    { "sym size", m_sym_size, "symbol table (section 1, offset 0x140, 2147483632 bytes) "
                              "extends past the end of the file (504 bytes)" },
    { "sym partial", m_sym_partial, "symbol table (section 1) size 65 is not a multiple of "
                                    "16" },
    { "sym link", m_sym_link, "links to string table 9, which does not exist" },
    { "sym link self", m_sym_link_self, "links to section 1, which is not a string table" },
    { "strtab unterminated", m_str_unterminated, "string table (section 2) is empty or not "
                                                 "NUL-terminated" },
    { "strtab offset", m_str_off, "string table (section 2, offset 0xffffff00, 25 bytes) "
                                  "extends past" },
    { "st_name", m_st_name, "symbol 3 has name offset 5000 beyond its string table" },
    { "tohost outside", m_tohost_outside, "symbol tohost at 0x10000000 is outside the "
                                          "allowed memory" },
};

static void test_malformed(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        uint8_t f[FILE_SIZE];
        size_t len = sizeof f;
        build(f);
        bad[i].mutate(f, &len);
        struct elf_image img;
        memset(&img, 0x5A, sizeof img);
        if (parse(f, len, 0, &img) != -1)
            fail_msg("%s: accepted", bad[i].what);
        if (strncmp(err, "prog.elf: ", 10) != 0 || !strstr(err, bad[i].message))
            fail_msg("%s:\n  got      %s\n  expected %s", bad[i].what, err, bad[i].message);
        /* A refused image holds nothing (elf_free is safe on it). */
        assert_null(img.file);
        assert_int_equal(img.nseg, 0);
        elf_free(&img);
    }
}

/* ---- fuzzing ------------------------------------------------------------- */

/* Whatever elf_parse accepts must be safe to load. */
static void check_invariants(const struct elf_image *img, uint32_t win_base, uint32_t win_size)
{
    const uint64_t lo = win_base, hi = (uint64_t)win_base + win_size;
    assert_true(img->nseg >= 1 && img->nseg <= ELF_MAX_SEGMENTS);
    bool entry_ok = false;
    for (unsigned i = 0; i < img->nseg; i++) {
        const struct elf_segment *s = &img->seg[i];
        assert_true(s->memsz > 0 && s->filesz <= s->memsz);
        assert_true(s->paddr >= lo && (uint64_t)s->paddr + s->memsz <= hi);
        assert_true(s->data >= img->file &&
                    (size_t)(s->data - img->file) + s->filesz <= img->file_size);
        for (unsigned j = 0; j < i; j++) {
            const struct elf_segment *o = &img->seg[j];
            assert_false((uint64_t)s->paddr < (uint64_t)o->paddr + o->memsz &&
                         (uint64_t)o->paddr < (uint64_t)s->paddr + s->memsz);
        }
        if (img->entry >= s->paddr && (uint64_t)img->entry < (uint64_t)s->paddr + s->memsz)
            entry_ok = true;
    }
    assert_true(entry_ok);
    if (img->has_tohost)
        assert_true(img->tohost >= lo && (uint64_t)img->tohost + 8 <= hi);
    if (img->has_fromhost)
        assert_true(img->fromhost >= lo && (uint64_t)img->fromhost + 8 <= hi);
    /* Reading every byte a loader would copy must be valid (ASan checks). */
    unsigned sum = 0;
    for (unsigned i = 0; i < img->nseg; i++)
        for (uint32_t k = 0; k < img->seg[i].filesz; k++)
            sum += img->seg[i].data[k];
    (void)sum;
    uint32_t v;
    (void)elf_symbol(img, "tohost", &v);
}

static unsigned accepted, refused;

static void try_bytes(const uint8_t *f, size_t len, uint32_t win_base, uint32_t win_size)
{
    struct elf_image img;
    if (elf_parse_mem("fuzz.elf", f, len, 0, win_base, win_size, &img, err, sizeof err) == 0) {
        accepted++;
        check_invariants(&img, win_base, win_size);
        elf_free(&img);
    } else {
        refused++;
        assert_true(strncmp(err, "fuzz.elf: ", 10) == 0);
        assert_null(img.file);
    }
}

static void test_fuzz_every_header_byte(void **state)
{
    (void)state;
    uint8_t good[FILE_SIZE], f[FILE_SIZE];
    build(good);
    static const uint8_t xors[] = { 0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0xFF };
    static const uint8_t sets[] = { 0x00, 0x7F, 0x80, 0xFF };
    accepted = refused = 0;
    /* Everything but the segment contents is structure: corrupt all of it. */
    for (size_t i = 0; i < FILE_SIZE; i++) {
        if (i >= OFF_TEXT && i < OFF_STRTAB)
            continue;
        for (size_t x = 0; x < sizeof xors; x++) {
            memcpy(f, good, sizeof f);
            f[i] ^= xors[x];
            try_bytes(f, sizeof f, WIN_BASE, WIN_SIZE);
            /* A tight window makes out-of-window acceptance likelier to show. */
            try_bytes(f, sizeof f, TEXT_ADDR, DATA_ADDR + DATA_MEM - TEXT_ADDR);
        }
        for (size_t s = 0; s < sizeof sets; s++) {
            memcpy(f, good, sizeof f);
            f[i] = sets[s];
            try_bytes(f, sizeof f, WIN_BASE, WIN_SIZE);
        }
    }
    /* Both outcomes must have happened, or the loop tested nothing. */
    assert_true(accepted > 100);
    assert_true(refused > 1000);
}

/* A fixed-seed linear congruential generator: the same cases every run. */
static uint32_t rng_state;

static uint32_t next_random(void)
{
    rng_state = rng_state * 1664525u + 1013904223u;
    return rng_state >> 8;
}

static void test_fuzz_random(void **state)
{
    (void)state;
    uint8_t good[FILE_SIZE], f[FILE_SIZE];
    build(good);
    rng_state = 12345;
    for (int iter = 0; iter < 20000; iter++) {
        memcpy(f, good, sizeof f);
        unsigned nflip = 1 + next_random() % 6;
        for (unsigned k = 0; k < nflip; k++)
        {
            uint32_t at = next_random() % FILE_SIZE;
            f[at] = (uint8_t)next_random();
        }
        size_t len = (next_random() % 4 == 0) ? next_random() % (FILE_SIZE + 1) : FILE_SIZE;
        /* Copy to an exact-size heap block so ASan sees any overread. */
        uint8_t *exact = malloc(len ? len : 1);
        assert_non_null(exact);
        memcpy(exact, f, len);
        try_bytes(exact, len, WIN_BASE, WIN_SIZE);
        free(exact);
    }
}

/* ---- files --------------------------------------------------------------- */

static void test_files(void **state)
{
    (void)state;
    uint8_t f[FILE_SIZE];
    build(f);
    char path[] = "/tmp/trapeze-test-elf-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, f, sizeof f), (ssize_t)sizeof f);
    struct elf_image img;
    assert_int_equal(elf_parse(path, 0, WIN_BASE, WIN_SIZE, &img, err, sizeof err), 0);
    assert_int_equal(img.file_size, FILE_SIZE);
    assert_int_equal(img.nseg, 2);
    elf_free(&img);

    /* Larger than 64 MiB (sparse, so cheap to make): refused by size. */
    assert_int_equal(ftruncate(fd, 64 * 1024 * 1024 + 1), 0);
    close(fd);
    assert_int_equal(elf_parse(path, 0, WIN_BASE, WIN_SIZE, &img, err, sizeof err), -1);
    assert_non_null(strstr(err, path));
    assert_non_null(strstr(err, "larger than 64 MiB"));
    unlink(path);

    assert_int_equal(elf_parse("/nonexistent/k.elf", 0, WIN_BASE, WIN_SIZE, &img, err,
                               sizeof err),
                     -1);
    assert_string_equal(err, "/nonexistent/k.elf: cannot open: No such file or directory");
    assert_int_equal(elf_parse("/tmp", 0, WIN_BASE, WIN_SIZE, &img, err, sizeof err), -1);
    assert_non_null(strstr(err, "/tmp: "));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good),
        cmocka_unit_test(test_bias),
        cmocka_unit_test(test_no_symbols),
        cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_fuzz_every_header_byte),
        cmocka_unit_test(test_fuzz_random),
        cmocka_unit_test(test_files),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
