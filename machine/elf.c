/*
 * elf.c — read and validate an ELF32 RISC-V executable before anything of it
 * reaches the simulated machine.
 *
 * An ELF file is a header, a table of program headers (what to load where)
 * and, optionally, a table of section headers (used here only to find the
 * symbol table, for the HTIF `tohost`/`fromhost` symbols). Every offset and
 * size in it is untrusted: each one is checked against the file size before
 * it is used, in 64-bit arithmetic so nothing can wrap, and fields are read
 * with byte-wise little-endian accessors (no casts of file bytes to structs:
 * those would be unaligned, type-punned loads). Layouts follow the System V
 * ABI "ELF" chapter and the RISC-V ELF psABI (EM_RISCV = 243).
 *
 * A program that passes may still be wrong, but it cannot make the loader
 * read outside the file or write outside the window the caller allows.
 */
#include "elf.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The loader reads the whole file; nothing that runs on a 2 GiB board with
 * a teaching workload comes near this. */
#define ELF_MAX_FILE (64u * 1024u * 1024u)

/* Program headers beyond loadable ones (notes, attributes, GNU_STACK) are
 * allowed, up to this many in all. */
#define ELF_MAX_PHNUM 256u

/* ---- ELF32 constants (System V gABI) -------------------------------------- */

#define EI_NIDENT     16
#define EI_CLASS      4
#define EI_DATA       5
#define EI_VERSION    6
#define ELFCLASS32    1
#define ELFCLASS64    2
#define ELFDATA2LSB   1
#define EV_CURRENT    1
#define ET_REL        1
#define ET_EXEC       2
#define ET_DYN        3
#define EM_RISCV      243
#define PT_LOAD       1
#define SHT_SYMTAB    2
#define SHT_STRTAB    3
#define SHN_UNDEF     0
#define SHN_LORESERVE 0xff00u

/* Sizes of the on-disk structures. */
#define EHDR_SIZE 52u
#define PHDR_SIZE 32u
#define SHDR_SIZE 40u
#define SYM_SIZE  16u

/* Field offsets in Elf32_Ehdr. */
#define EH_TYPE      16
#define EH_MACHINE   18
#define EH_VERSION   20
#define EH_ENTRY     24
#define EH_PHOFF     28
#define EH_SHOFF     32
#define EH_EHSIZE    40
#define EH_PHENTSIZE 42
#define EH_PHNUM     44
#define EH_SHENTSIZE 46
#define EH_SHNUM     48

/* Field offsets in Elf32_Phdr. */
#define PH_TYPE   0
#define PH_OFFSET 4
#define PH_PADDR  12
#define PH_FILESZ 16
#define PH_MEMSZ  20

/* Field offsets in Elf32_Shdr. */
#define SH_TYPE    4
#define SH_OFFSET  16
#define SH_SIZE    20
#define SH_LINK    24
#define SH_ENTSIZE 36

/* Field offsets in Elf32_Sym. */
#define ST_NAME  0
#define ST_VALUE 4
#define ST_SHNDX 14

static const uint8_t elf_magic[4] = { 0x7f, 'E', 'L', 'F' };

/* ---- little-endian accessors --------------------------------------------- */

static uint16_t rd16(const uint8_t *p)
{
    return (uint16_t)(p[0] | (p[1] << 8));
}

static uint32_t rd32(const uint8_t *p)
{
    return (uint32_t)p[0] | ((uint32_t)p[1] << 8) | ((uint32_t)p[2] << 16) |
           ((uint32_t)p[3] << 24);
}

/* ---- errors -------------------------------------------------------------- */

static int fail(char *err, size_t errlen, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int fail(char *err, size_t errlen, const char *name, const char *fmt, ...)
{
    if (err && errlen) {
        int n = snprintf(err, errlen, "%s: ", name);
        if (n >= 0 && (size_t)n < errlen) {
            va_list ap;
            va_start(ap, fmt);
            vsnprintf(err + n, errlen - (size_t)n, fmt, ap);
            va_end(ap);
        }
    }
    return -1;
}

/* [off, off+len) lies inside a file of `size` bytes (no wraparound). */
static int in_file(uint64_t off, uint64_t len, size_t size)
{
    return off <= size && len <= size - off;
}

/* ---- symbol table -------------------------------------------------------- */

struct symtab {
    const uint8_t *syms;   /* first Elf32_Sym */
    uint32_t nsyms;
    const uint8_t *str;    /* its string table */
    uint32_t strsize;
};

/*
 * Locate and validate the symbol table through the section headers.
 * Returns 1 found, 0 absent (no sections, or no SHT_SYMTAB: a stripped
 * program is fine), -1 malformed (message written).
 */
static int find_symtab(const char *name, const uint8_t *f, size_t size, struct symtab *st,
                       char *err, size_t errlen)
{
    uint32_t shoff = rd32(f + EH_SHOFF);
    uint16_t shnum = rd16(f + EH_SHNUM);
    uint16_t shentsize = rd16(f + EH_SHENTSIZE);
    if (shoff == 0 || shnum == 0)
        return 0;   /* section headers are optional in an executable */
    if (shentsize != SHDR_SIZE)
        return fail(err, errlen, name, "e_shentsize is %u, expected %u for ELF32",
                    shentsize, SHDR_SIZE);
    if (shnum >= SHN_LORESERVE)
        return fail(err, errlen, name, "e_shnum %u is in the reserved range", shnum);
    if (!in_file(shoff, (uint64_t)shnum * SHDR_SIZE, size))
        return fail(err, errlen, name,
                    "section header table (offset 0x%x, %u entries) extends past the end "
                    "of the file (%zu bytes)",
                    shoff, shnum, size);
    for (unsigned i = 0; i < shnum; i++) {
        const uint8_t *sh = f + shoff + (size_t)i * SHDR_SIZE;
        if (rd32(sh + SH_TYPE) != SHT_SYMTAB)
            continue;
        uint32_t off = rd32(sh + SH_OFFSET), sz = rd32(sh + SH_SIZE);
        uint32_t link = rd32(sh + SH_LINK), ent = rd32(sh + SH_ENTSIZE);
        if (ent != SYM_SIZE)
            return fail(err, errlen, name,
                        "symbol table (section %u) has entry size %u, expected %u", i, ent,
                        SYM_SIZE);
        if (sz % SYM_SIZE)
            return fail(err, errlen, name,
                        "symbol table (section %u) size %u is not a multiple of %u", i, sz,
                        SYM_SIZE);
        if (!in_file(off, sz, size))
            return fail(err, errlen, name,
                        "symbol table (section %u, offset 0x%x, %u bytes) extends past the "
                        "end of the file (%zu bytes)",
                        i, off, sz, size);
        if (link == 0 || link >= shnum)
            return fail(err, errlen, name,
                        "symbol table (section %u) links to string table %u, which does "
                        "not exist (%u sections)",
                        i, link, shnum);
        const uint8_t *ssh = f + shoff + (size_t)link * SHDR_SIZE;
        uint32_t soff = rd32(ssh + SH_OFFSET), ssz = rd32(ssh + SH_SIZE);
        if (rd32(ssh + SH_TYPE) != SHT_STRTAB)
            return fail(err, errlen, name,
                        "symbol table (section %u) links to section %u, which is not a "
                        "string table",
                        i, link);
        if (!in_file(soff, ssz, size))
            return fail(err, errlen, name,
                        "string table (section %u, offset 0x%x, %u bytes) extends past the "
                        "end of the file (%zu bytes)",
                        link, soff, ssz, size);
        /* Every name must end inside the table: make sure the last byte is
         * NUL, then any st_name below strsize names a terminated string. */
        if (ssz == 0 || f[soff + ssz - 1] != '\0')
            return fail(err, errlen, name,
                        "string table (section %u) is empty or not NUL-terminated", link);
        st->syms = f + off;
        st->nsyms = sz / SYM_SIZE;
        st->str = f + soff;
        st->strsize = ssz;
        for (uint32_t s = 0; s < st->nsyms; s++) {
            uint32_t nm = rd32(st->syms + (size_t)s * SYM_SIZE + ST_NAME);
            if (nm >= ssz)
                return fail(err, errlen, name,
                            "symbol %u has name offset %u beyond its string table (%u "
                            "bytes)",
                            s, nm, ssz);
        }
        return 1;   /* an executable has one SHT_SYMTAB (gABI) */
    }
    return 0;
}

/* Raw value of a defined symbol called `sym`. 0 found, -1 not. */
static int symtab_lookup(const struct symtab *st, const char *sym, uint32_t *value)
{
    for (uint32_t s = 0; s < st->nsyms; s++) {
        const uint8_t *e = st->syms + (size_t)s * SYM_SIZE;
        if (rd16(e + ST_SHNDX) == SHN_UNDEF)
            continue;
        uint32_t nm = rd32(e + ST_NAME);
        if (nm < st->strsize && strcmp((const char *)st->str + nm, sym) == 0) {
            *value = rd32(e + ST_VALUE);
            return 0;
        }
    }
    return -1;
}

/* ---- the executable ------------------------------------------------------ */

static const char *type_hint(uint16_t type)
{
    switch (type) {
    case ET_REL:
        return " (a relocatable object: link it into an executable first)";
    case ET_DYN:
        return " (a shared object or position-independent executable: link with "
               "-static -no-pie)";
    default:
        return "";
    }
}

/* Check the identification bytes and header fields; 0 or -1. */
static int check_header(const char *name, const uint8_t *f, size_t size, char *err,
                        size_t errlen)
{
    if (size == 0)
        return fail(err, errlen, name, "empty file, not an ELF executable");
    if (size < sizeof elf_magic || memcmp(f, elf_magic, sizeof elf_magic) != 0) {
        uint8_t m[4] = { 0, 0, 0, 0 };
        memcpy(m, f, size < 4 ? size : 4);
        return fail(err, errlen, name,
                    "not an ELF file (starts with bytes %02x %02x %02x %02x, expected "
                    "7f 45 4c 46 = \"\\x7fELF\")",
                    m[0], m[1], m[2], m[3]);
    }
    if (size < EHDR_SIZE)
        return fail(err, errlen, name,
                    "truncated: %zu bytes, shorter than an ELF32 header (%u bytes)", size,
                    EHDR_SIZE);
    if (f[EI_CLASS] == ELFCLASS64)
        return fail(err, errlen, name,
                    "this is a 64-bit ELF file; trapeze runs RV32 programs (compile with "
                    "-march=rv32ima_zicsr -mabi=ilp32)");
    if (f[EI_CLASS] != ELFCLASS32)
        return fail(err, errlen, name, "bad ELF class %u (expected 1 = ELFCLASS32)",
                    f[EI_CLASS]);
    if (f[EI_DATA] != ELFDATA2LSB)
        return fail(err, errlen, name,
                    "ELF data encoding %u, expected 1 (little-endian, as RISC-V is)",
                    f[EI_DATA]);
    if (f[EI_VERSION] != EV_CURRENT || rd32(f + EH_VERSION) != EV_CURRENT)
        return fail(err, errlen, name, "unknown ELF version %u (expected 1)",
                    f[EI_VERSION] != EV_CURRENT ? f[EI_VERSION] : rd32(f + EH_VERSION));
    uint16_t machine = rd16(f + EH_MACHINE);
    if (machine != EM_RISCV)
        return fail(err, errlen, name,
                    "e_machine is %u, expected %u (RISC-V): built for another architecture",
                    machine, EM_RISCV);
    uint16_t type = rd16(f + EH_TYPE);
    if (type != ET_EXEC)
        return fail(err, errlen, name, "e_type is %u, expected %u (an executable)%s", type,
                    ET_EXEC, type_hint(type));
    uint16_t ehsize = rd16(f + EH_EHSIZE);
    if (ehsize != EHDR_SIZE)
        return fail(err, errlen, name, "e_ehsize is %u, expected %u for ELF32", ehsize,
                    EHDR_SIZE);
    return 0;
}

static int parse(const char *name, uint8_t *f, size_t size, int64_t bias, uint32_t win_base,
                 uint32_t win_size, struct elf_image *img, char *err, size_t errlen)
{
    /* A bias moves an address within the 32-bit space; anything larger is a
     * caller error, and refusing it keeps every sum below in int64 range. */
    if (bias > (int64_t)UINT32_MAX || bias < -(int64_t)UINT32_MAX)
        return fail(err, errlen, name, "load bias %lld is outside +/-2^32", (long long)bias);
    if (check_header(name, f, size, err, errlen) != 0)
        return -1;

    uint32_t phoff = rd32(f + EH_PHOFF);
    uint16_t phnum = rd16(f + EH_PHNUM);
    uint16_t phentsize = rd16(f + EH_PHENTSIZE);
    if (phnum == 0)
        return fail(err, errlen, name, "no program headers: nothing to load");
    if (phentsize != PHDR_SIZE)
        return fail(err, errlen, name, "e_phentsize is %u, expected %u for ELF32", phentsize,
                    PHDR_SIZE);
    if (phnum > ELF_MAX_PHNUM)
        return fail(err, errlen, name, "%u program headers, at most %u are accepted", phnum,
                    ELF_MAX_PHNUM);
    if (!in_file(phoff, (uint64_t)phnum * PHDR_SIZE, size))
        return fail(err, errlen, name,
                    "program header table (offset 0x%x, %u entries) extends past the end "
                    "of the file (%zu bytes)",
                    phoff, phnum, size);

    const uint64_t win_lo = win_base, win_hi = (uint64_t)win_base + win_size;
    unsigned nseg = 0;
    unsigned phidx[ELF_MAX_SEGMENTS];   /* program header number of each segment */
    for (unsigned i = 0; i < phnum; i++) {
        const uint8_t *ph = f + phoff + (size_t)i * PHDR_SIZE;
        if (rd32(ph + PH_TYPE) != PT_LOAD)
            continue;
        uint32_t off = rd32(ph + PH_OFFSET), paddr = rd32(ph + PH_PADDR);
        uint32_t filesz = rd32(ph + PH_FILESZ), memsz = rd32(ph + PH_MEMSZ);
        if (filesz > memsz)
            return fail(err, errlen, name,
                        "segment %u: file size 0x%x is larger than its memory size 0x%x", i,
                        filesz, memsz);
        if (memsz == 0)
            continue;   /* occupies nothing */
        if (!in_file(off, filesz, size))
            return fail(err, errlen, name,
                        "segment %u: its bytes (offset 0x%x, 0x%x bytes) extend past the end "
                        "of the file (%zu bytes): truncated file?",
                        i, off, filesz, size);
        int64_t lo = (int64_t)paddr + bias;
        int64_t hi = lo + (int64_t)memsz;
        if (lo < (int64_t)win_lo || hi > (int64_t)win_hi)
            return fail(err, errlen, name,
                        "segment %u: loads at 0x%llx-0x%llx, outside the allowed memory "
                        "0x%llx-0x%llx",
                        i, (unsigned long long)lo, (unsigned long long)(hi - 1),
                        (unsigned long long)win_lo, (unsigned long long)(win_hi - 1));
        if (nseg == ELF_MAX_SEGMENTS)
            return fail(err, errlen, name, "more than %u loadable segments",
                        ELF_MAX_SEGMENTS);
        for (unsigned j = 0; j < nseg; j++) {
            const struct elf_segment *o = &img->seg[j];
            if ((uint64_t)lo < (uint64_t)o->paddr + o->memsz &&
                (uint64_t)o->paddr < (uint64_t)hi)
                return fail(err, errlen, name,
                            "segments %u and %u overlap in memory (0x%llx-0x%llx and "
                            "0x%x-0x%llx)",
                            phidx[j], i, (unsigned long long)lo,
                            (unsigned long long)(hi - 1), o->paddr,
                            (unsigned long long)o->paddr + o->memsz - 1);
        }
        phidx[nseg] = i;
        img->seg[nseg++] = (struct elf_segment){
            .paddr = (uint32_t)lo, .memsz = memsz, .filesz = filesz, .data = f + off,
        };
    }
    if (nseg == 0)
        return fail(err, errlen, name, "no loadable (PT_LOAD) segment with a size");

    /* The entry point must be inside something we load, or the first
     * instruction fetch would run whatever RAM happens to hold. */
    int64_t entry = (int64_t)rd32(f + EH_ENTRY) + bias;
    unsigned k = 0;
    while (k < nseg && !(entry >= img->seg[k].paddr &&
                         entry < (int64_t)img->seg[k].paddr + img->seg[k].memsz))
        k++;
    if (k == nseg)
        return fail(err, errlen, name, "entry point 0x%llx is not inside any loaded segment",
                    (unsigned long long)entry);

    struct symtab st;
    int found = find_symtab(name, f, size, &st, err, errlen);
    if (found < 0)
        return -1;
    const char *const htif_names[2] = { "tohost", "fromhost" };
    bool *has[2] = { &img->has_tohost, &img->has_fromhost };
    uint32_t *where[2] = { &img->tohost, &img->fromhost };
    for (unsigned s = 0; found && s < 2; s++) {
        uint32_t raw;
        if (symtab_lookup(&st, htif_names[s], &raw) != 0)
            continue;
        int64_t a = (int64_t)raw + bias;
        /* HTIF words are 64-bit; the machine watches them in RAM. */
        if (a < (int64_t)win_lo || a + 8 > (int64_t)win_hi)
            return fail(err, errlen, name,
                        "symbol %s at 0x%llx is outside the allowed memory 0x%llx-0x%llx",
                        htif_names[s], (unsigned long long)a, (unsigned long long)win_lo,
                        (unsigned long long)(win_hi - 1));
        *has[s] = true;
        *where[s] = (uint32_t)a;
    }

    img->entry = (uint32_t)entry;
    img->nseg = nseg;
    return 0;
}

/* Validate `buf` (len bytes, malloc'd) and hand it to img, or free it. */
static int parse_owned(const char *name, uint8_t *buf, size_t len, int64_t bias,
                       uint32_t win_base, uint32_t win_size, struct elf_image *img,
                       char *err, size_t errlen)
{
    memset(img, 0, sizeof *img);
    if (parse(name, buf, len, bias, win_base, win_size, img, err, errlen) != 0) {
        free(buf);
        memset(img, 0, sizeof *img);
        return -1;
    }
    img->file = buf;
    img->file_size = len;
    return 0;
}

int elf_parse_mem(const char *name, const void *bytes, size_t len, int64_t bias,
                  uint32_t win_base, uint32_t win_size, struct elf_image *img, char *err,
                  size_t errlen)
{
    memset(img, 0, sizeof *img);
    if (len > ELF_MAX_FILE)
        return fail(err, errlen, name, "file is larger than %u MiB", ELF_MAX_FILE >> 20);
    uint8_t *copy = malloc(len ? len : 1);
    if (!copy)
        return fail(err, errlen, name, "out of memory (%zu bytes)", len);
    if (len)
        memcpy(copy, bytes, len);
    return parse_owned(name, copy, len, bias, win_base, win_size, img, err, errlen);
}

/* Chunk size for reading a file of unknown length. */
#define ELF_READ_CHUNK (256u * 1024u)

int elf_parse(const char *path, int64_t bias, uint32_t win_base, uint32_t win_size,
              struct elf_image *img, char *err, size_t errlen)
{
    memset(img, 0, sizeof *img);
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return fail(err, errlen, path, "cannot open: %s", strerror(errno));
    /* Read in growing chunks up to one byte past the limit, so an oversized
     * file is noticed without trusting stat (which says nothing about pipes). */
    uint8_t *buf = NULL;
    size_t len = 0, cap = 0;
    int rc = 0;
    for (;;) {
        if (len == cap) {
            if (cap > ELF_MAX_FILE) {
                rc = fail(err, errlen, path, "file is larger than %u MiB",
                          ELF_MAX_FILE >> 20);
                break;
            }
            size_t ncap = cap ? cap * 2 : ELF_READ_CHUNK;
            if (ncap > (size_t)ELF_MAX_FILE + 1)
                ncap = (size_t)ELF_MAX_FILE + 1;
            uint8_t *nbuf = realloc(buf, ncap);
            if (!nbuf) {
                rc = fail(err, errlen, path, "out of memory");
                break;
            }
            buf = nbuf;
            cap = ncap;
        }
        size_t got = fread(buf + len, 1, cap - len, fp);
        len += got;
        if (got == 0) {
            if (ferror(fp))
                rc = fail(err, errlen, path, "read error: %s", strerror(errno));
            break;
        }
    }
    fclose(fp);
    if (rc == 0 && len > ELF_MAX_FILE)
        rc = fail(err, errlen, path, "file is larger than %u MiB", ELF_MAX_FILE >> 20);
    if (rc != 0) {
        free(buf);
        return rc;
    }
    if (!buf && !(buf = malloc(1)))
        return fail(err, errlen, path, "out of memory");
    return parse_owned(path, buf, len, bias, win_base, win_size, img, err, errlen);
}

int elf_symbol(const struct elf_image *img, const char *name, uint32_t *value)
{
    if (!img || !img->file)
        return -1;
    struct symtab st;
    /* The table was validated by elf_parse; this only finds it again. */
    if (find_symtab("", img->file, img->file_size, &st, NULL, 0) != 1)
        return -1;
    uint32_t raw;
    if (symtab_lookup(&st, name, &raw) != 0)
        return -1;
    /* elf_parse added the same bias (mod 2^32) to the entry point and to
     * every symbol, so it can be recovered from the entry point. */
    *value = raw + (img->entry - rd32(img->file + EH_ENTRY));
    return 0;
}

void elf_free(struct elf_image *img)
{
    if (!img)
        return;
    free(img->file);
    memset(img, 0, sizeof *img);
}
