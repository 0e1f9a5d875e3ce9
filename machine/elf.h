/*
 * elf.h — ELF32 RISC-V executable validation and parsing.
 *
 * elf_parse() checks every field a loader relies on and refuses anything
 * odd with a message naming the file and the problem: bad magic, wrong
 * class/endianness/machine/type, program headers out of the file, segments
 * whose file bytes are truncated, p_filesz > p_memsz, segments outside the
 * allowed physical window, or overlapping segments. It never touches the
 * machine: the caller copies the segments into RAM.
 */
#ifndef TRAPEZE_ELF_H
#define TRAPEZE_ELF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ELF_MAX_SEGMENTS 32

struct elf_segment {
    uint32_t paddr;        /* physical load address (p_paddr + bias) */
    uint32_t memsz;        /* bytes in memory; [filesz, memsz) is zero-filled */
    uint32_t filesz;
    const uint8_t *data;   /* points into elf_image.file */
};

struct elf_image {
    uint8_t *file;         /* whole file, owned (free with elf_free) */
    size_t file_size;
    uint32_t entry;        /* e_entry + bias */
    unsigned nseg;
    struct elf_segment seg[ELF_MAX_SEGMENTS];
    bool has_tohost, has_fromhost;
    uint32_t tohost, fromhost;   /* symbol values + bias */
};

/*
 * Read and validate `path`. Segments (PT_LOAD with memsz > 0) must fall
 * inside [win_base, win_base + win_size) after adding `bias`.
 * Returns 0, or -1 with err = "PATH: what is wrong".
 */
int elf_parse(const char *path, int64_t bias, uint32_t win_base, uint32_t win_size,
              struct elf_image *img, char *err, size_t errlen);

/* Same, from bytes in memory (copied); `name` appears in messages. */
int elf_parse_mem(const char *name, const void *bytes, size_t len, int64_t bias,
                  uint32_t win_base, uint32_t win_size, struct elf_image *img,
                  char *err, size_t errlen);

/* Look up a symbol's value (+ bias) by name in .symtab. 0 found, -1 not. */
int elf_symbol(const struct elf_image *img, const char *name, uint32_t *value);

void elf_free(struct elf_image *img);

#endif
