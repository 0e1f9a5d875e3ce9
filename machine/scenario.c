/*
 * scenario.c — read a scenario (JSON), check it, and boot it on a machine.
 *
 * Checking happens here, before anything runs, so a mistake in a scenario
 * file is a one-line message naming the file, the JSON path and the problem
 * ("lab3.json: guests[2].memory_mib: 200 is out of range 4..64"), never a
 * confusing failure inside the simulated machine. The VMM checks the boot-info
 * block again on its side: it trusts nothing the host hands it.
 *
 * Partition layout: guests get consecutive, TZ_PART_ALIGN-aligned partitions
 * from TZ_PART_BASE in the order listed, unless a guest gives "base"
 * explicitly; every partition must lie in RAM and overlap neither the VMM's
 * region nor another partition.
 */
#include "scenario.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "elf.h"
#include "json.h"
#include "machine.h"

#define SCENARIO_MAX_BYTES (256u * 1024u)
#define MIB (1024u * 1024u)
#define US_PER_SECOND 1000000u

/* The built-in scenario `trapeze` runs with no arguments. */
const char scenario_default_json[] =
    "{\n"
    "  \"name\": \"default\",\n"
    "  \"description\": \"Four unmodified guest kernels side by side under full virtualization: "
    "processes with their own page tables, a CPU-bound kernel, a console-heavy kernel that drives "
    "the UART directly, and a hostile kernel that tries to escape.\",\n"
    "  \"slice_us\": 1000,\n"
    "  \"guests\": [\n"
    "    { \"kernel\": \"tasks\" },\n"
    "    { \"kernel\": \"compute\" },\n"
    "    { \"kernel\": \"chatty\" },\n"
    "    { \"kernel\": \"rogue\" }\n"
    "  ]\n"
    "}\n";

static int fail(char *err, size_t errlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int fail(char *err, size_t errlen, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (err && errlen)
        vsnprintf(err, errlen, fmt, ap);
    va_end(ap);
    return -1;
}

/* dir + "/" + rel, unless rel is absolute or dir is empty or ".". */
static int join(char *out, size_t outlen, const char *dir, const char *rel)
{
    int n = (rel[0] == '/' || !dir || !dir[0] || !strcmp(dir, ".")) ? snprintf(out, outlen, "%s", rel)
                                               : snprintf(out, outlen, "%s/%s", dir, rel);
    return (n < 0 || (size_t)n >= outlen) ? -1 : 0;
}

static int file_readable(struct json_ctx *jc, const char *where, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return json_error(jc, where, "cannot open '%s': %s", path, strerror(errno));
    fclose(f);
    return 0;
}

/* Guest names appear in the console prefix "[name] " and in tables. */
static int check_name(struct json_ctx *jc, const char *where, const char *name)
{
    if (!name[0])
        return json_error(jc, where, "empty guest name");
    for (const char *p = name; *p; p++) {
        char c = *p;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.'))
            return json_error(jc, where, "'%s': use only letters, digits, '-', '_' and '.'", name);
    }
    return 0;
}

static int parse_mode(struct json_ctx *jc, const cJSON *g, const char *path, uint32_t *mode)
{
    char text[16] = "full";
    if (json_get_string(jc, g, path, "mode", false, text, sizeof text) != 0)
        return -1;
    char where[96];
    snprintf(where, sizeof where, "%s.mode", path);
    if (!strcmp(text, "full")) {
        *mode = TZ_GUEST_MODE_FULL;
        return 0;
    }
    if (!strcmp(text, "emulated")) {
        *mode = TZ_GUEST_MODE_EMULATED;
        return 0;
    }
    if (!strcmp(text, "para")) {
        *mode = TZ_GUEST_MODE_PARA;
        return 0;
    }
    return json_error(jc, where, "expected \"full\", \"para\" or \"emulated\", got \"%s\"", text);
}

static int parse_guest(struct json_ctx *jc, const cJSON *g, unsigned i, const char *base_dir,
                       const char *rv32_dir, struct scenario *s, bool *has_base)
{
    static const char *const keys[] = { "name", "kernel", "elf", "memory_mib", "mode",
                                        "slice_us", "base", NULL };
    struct scenario_guest *sg = &s->guest[i];
    char path[32], where[64];
    snprintf(path, sizeof path, "guests[%u]", i);
    if (json_check_keys(jc, g, path, keys) != 0)
        return -1;

    char kernel[TZ_GUEST_NAME_MAX] = "", elf[SCENARIO_PATH_MAX] = "";
    if (json_get_string(jc, g, path, "kernel", false, kernel, sizeof kernel) != 0 ||
        json_get_string(jc, g, path, "elf", false, elf, sizeof elf) != 0)
        return -1;
    if (!kernel[0] == !elf[0])
        return json_error(jc, path, "give exactly one of \"kernel\" (a guest built with trapeze) "
                                    "or \"elf\" (a path)");
    /* The mode first: a paravirtual guest runs the kernel's paravirtual build. */
    if (parse_mode(jc, g, path, &sg->mode) != 0)
        return -1;
    if (kernel[0]) {
        snprintf(where, sizeof where, "%s.kernel", path);
        if (check_name(jc, where, kernel) != 0)
            return -1;
        /* A guest kernel, or else one of the VMM's own test kernels. */
        char rel[SCENARIO_PATH_MAX];
        bool para = sg->mode == TZ_GUEST_MODE_PARA;
        snprintf(rel, sizeof rel, para ? "guests/%s/%s-pv.elf" : "guests/%s/%s.elf", kernel, kernel);
        if (join(sg->elf, sizeof sg->elf, rv32_dir, rel) != 0)
            return json_error(jc, where, "path too long");
        FILE *probe = fopen(sg->elf, "rb");
        if (probe) {
            fclose(probe);
        } else if (para) {
            /* The VMM's paravirtual test kernels are vmm/tests/NAME-pv.elf. */
            char alt[SCENARIO_PATH_MAX];
            snprintf(rel, sizeof rel, "vmm/tests/%s-pv.elf", kernel);
            if (join(alt, sizeof alt, rv32_dir, rel) != 0 || (probe = fopen(alt, "rb")) == NULL)
                return json_error(jc, where, "'%s' has no paravirtual build (no %s)", kernel, sg->elf);
            fclose(probe);
            memcpy(sg->elf, alt, sizeof alt);
        } else {
            char alt[SCENARIO_PATH_MAX];
            snprintf(rel, sizeof rel, "vmm/tests/%s.elf", kernel);
            if (join(alt, sizeof alt, rv32_dir, rel) == 0 && (probe = fopen(alt, "rb")) != NULL) {
                fclose(probe);
                memcpy(sg->elf, alt, sizeof alt);
            }
        }
    } else {
        snprintf(where, sizeof where, "%s.elf", path);
        if (join(sg->elf, sizeof sg->elf, base_dir, elf) != 0)
            return json_error(jc, where, "path too long");
    }
    if (file_readable(jc, where, sg->elf) != 0)
        return -1;

    /* Default name: the kernel's, or the ELF file's base name. */
    if (kernel[0]) {
        snprintf(sg->name, sizeof sg->name, "%s", kernel);
    } else {
        const char *b = strrchr(elf, '/');
        b = b ? b + 1 : elf;
        size_t n = strcspn(b, ".");
        if (n >= sizeof sg->name)
            n = sizeof sg->name - 1;
        memcpy(sg->name, b, n);
        sg->name[n] = 0;
    }
    if (json_get_string(jc, g, path, "name", false, sg->name, sizeof sg->name) != 0)
        return -1;
    snprintf(where, sizeof where, "%s.name", path);
    if (check_name(jc, where, sg->name) != 0)
        return -1;
    if (!strcmp(sg->name, SCENARIO_RESERVED_NAME))
        return json_error(jc, where, "'%s' is reserved: the console prefixes the VMM's own lines "
                                     "with [%s]; give the guest another \"name\"",
                          sg->name, SCENARIO_RESERVED_NAME);
    for (unsigned j = 0; j < i; j++)
        if (!strcmp(s->guest[j].name, sg->name))
            return json_error(jc, where, "'%s' is already the name of guests[%u]", sg->name, j);

    uint32_t mib = SCENARIO_DEFAULT_MEMORY_MIB;
    if (json_get_u32(jc, g, path, "memory_mib", false, TZ_PART_MIN_SIZE / MIB,
                     TZ_PART_MAX_SIZE / MIB, &mib) != 0)
        return -1;
    sg->mem_size = mib * MIB;
    sg->slice_us = 0;
    if (json_get_u32(jc, g, path, "slice_us", false, 1, SCENARIO_MAX_SLICE_US, &sg->slice_us) != 0)
        return -1;
    *has_base = cJSON_GetObjectItemCaseSensitive(g, "base") != NULL;
    if (*has_base && json_get_addr(jc, g, path, "base", true, &sg->part_base) != 0)
        return -1;
    return 0;
}

/* Give every guest without "base" the next free aligned range; check all. */
static int place_partitions(struct json_ctx *jc, struct scenario *s, const bool *has_base)
{
    uint64_t ram_end = (uint64_t)TZ_RAM_BASE + s->ram_size;
    uint64_t next = TZ_PART_BASE;
    for (unsigned i = 0; i < s->nguests; i++)
        if (has_base[i] && (uint64_t)s->guest[i].part_base + s->guest[i].mem_size > next)
            next = (uint64_t)s->guest[i].part_base + s->guest[i].mem_size;
    for (unsigned i = 0; i < s->nguests; i++) {
        struct scenario_guest *g = &s->guest[i];
        char where[64];
        snprintf(where, sizeof where, "guests[%u]", i);
        if (!has_base[i]) {
            if (next + g->mem_size > ram_end)
                return json_error(jc, where, "no room for %" PRIu32 " MiB: the partitions need more "
                                  "than the %" PRIu32 " MiB of RAM above 0x%08x",
                                  g->mem_size / MIB, (uint32_t)((ram_end - TZ_PART_BASE) / MIB),
                                  TZ_PART_BASE);
            g->part_base = (uint32_t)next;
            next += g->mem_size;
        }
        uint64_t end = (uint64_t)g->part_base + g->mem_size;
        if (g->part_base % TZ_PART_ALIGN)
            return json_error(jc, where, "base 0x%08" PRIx32 " is not a multiple of 1 MiB", g->part_base);
        if (g->part_base < TZ_PART_BASE)
            return json_error(jc, where, "partition 0x%08" PRIx32 "..0x%08" PRIx64 " overlaps the VMM "
                              "(0x%08x..0x%08x)", g->part_base, end, TZ_VMM_BASE, TZ_PART_BASE);
        if (end > ram_end)
            return json_error(jc, where, "partition 0x%08" PRIx32 "..0x%08" PRIx64 " ends beyond RAM "
                              "(0x%08x..0x%08" PRIx64 ")", g->part_base, end, TZ_RAM_BASE, ram_end);
        for (unsigned j = 0; j < i; j++) {
            const struct scenario_guest *o = &s->guest[j];
            if (g->part_base < o->part_base + o->mem_size && o->part_base < end)
                return json_error(jc, where, "partition 0x%08" PRIx32 "..0x%08" PRIx64
                                  " overlaps guests[%u] ('%s', 0x%08" PRIx32 "..0x%08" PRIx32 ")",
                                  g->part_base, end, j, o->name, o->part_base,
                                  o->part_base + o->mem_size);
        }
    }
    return 0;
}

static int parse_root(struct json_ctx *jc, const cJSON *root, const char *base_dir,
                      const char *rv32_dir, struct scenario *s)
{
    static const char *const keys[] = { "name", "description", "vmm", "profile", "ram_mib",
                                        "slice_us", "watchdog_slices", "guests", NULL };
    if (json_check_keys(jc, root, "", keys) != 0)
        return -1;
    snprintf(s->name, sizeof s->name, "scenario");
    if (json_get_string(jc, root, "", "name", false, s->name, sizeof s->name) != 0 ||
        json_get_string(jc, root, "", "description", false, s->description, sizeof s->description) != 0)
        return -1;

    char rel[SCENARIO_PATH_MAX] = "";
    if (json_get_string(jc, root, "", "vmm", false, rel, sizeof rel) != 0)
        return -1;
    if (rel[0] ? join(s->vmm_elf, sizeof s->vmm_elf, base_dir, rel)
               : join(s->vmm_elf, sizeof s->vmm_elf, rv32_dir, "vmm/vmm.elf"))
        return json_error(jc, "vmm", "path too long");
    if (file_readable(jc, "vmm", s->vmm_elf) != 0)
        return -1;

    rel[0] = 0;
    if (json_get_string(jc, root, "", "profile", false, rel, sizeof rel) != 0)
        return -1;
    cost_profile_default(&s->profile);
    if (rel[0]) {
        if (join(s->profile_path, sizeof s->profile_path, base_dir, rel) != 0)
            return json_error(jc, "profile", "path too long");
        if (cost_profile_load(s->profile_path, &s->profile, jc->err, jc->errlen) != 0)
            return -1;
    }
    uint32_t ram_mib = s->profile.ram_size / MIB;
    if (json_get_u32(jc, root, "", "ram_mib", false, (TZ_PART_BASE - TZ_RAM_BASE) / MIB + TZ_PART_MIN_SIZE / MIB,
                     2048, &ram_mib) != 0)
        return -1;
    s->ram_size = ram_mib * MIB;

    uint32_t slice_us = SCENARIO_DEFAULT_SLICE_US;
    if (json_get_u32(jc, root, "", "slice_us", false, 1, SCENARIO_MAX_SLICE_US, &slice_us) != 0)
        return -1;
    s->watchdog_slices = 0;
    if (json_get_u32(jc, root, "", "watchdog_slices", false, 0, 1000000, &s->watchdog_slices) != 0)
        return -1;

    const cJSON *guests = cJSON_GetObjectItemCaseSensitive(root, "guests");
    if (!guests)
        return json_error(jc, "", "missing key \"guests\" (the list of guest kernels)");
    if (!cJSON_IsArray(guests))
        return json_error(jc, "guests", "expected an array of guests");
    int n = cJSON_GetArraySize(guests);
    if (n == 0)
        return json_error(jc, "guests", "no guests: give at least one");
    if (n > (int)TZ_VMM_MAX_GUESTS)
        return json_error(jc, "guests", "too many guests: %d (the VMM runs at most %u)", n,
                          TZ_VMM_MAX_GUESTS);
    s->nguests = (unsigned)n;
    bool has_base[TZ_VMM_MAX_GUESTS] = { false };
    unsigned i = 0;
    for (const cJSON *g = guests->child; g; g = g->next, i++)
        if (parse_guest(jc, g, i, base_dir, rv32_dir, s, &has_base[i]) != 0)
            return -1;
    uint32_t min_us = scenario_min_slice_us(&s->profile);
    for (i = 0; i < s->nguests; i++) {
        struct scenario_guest *g = &s->guest[i];
        char where[48] = "slice_us";
        if (g->slice_us)
            snprintf(where, sizeof where, "guests[%u].slice_us", i);
        else
            g->slice_us = slice_us;
        if (g->slice_us < min_us)
            return json_error(jc, where, "%" PRIu32 " us is shorter than the minimum slice, %" PRIu32
                              " us (%u cycles at %" PRIu64 " Hz, not much more than one switch "
                              "between guests costs; docs/scenarios.md)", g->slice_us, min_us,
                              SCENARIO_MIN_SLICE_CYCLES, s->profile.clock_hz);
        uint64_t ticks = (uint64_t)g->slice_us * s->profile.timebase_hz / US_PER_SECOND;
        if (ticks == 0 || ticks > UINT32_MAX) {
            return json_error(jc, where, "%" PRIu32 " us is %" PRIu64 " timer ticks at %" PRIu64
                              " Hz: out of range", g->slice_us, ticks, s->profile.timebase_hz);
        }
        g->slice_ticks = (uint32_t)ticks;
    }
    return place_partitions(jc, s, has_base);
}

uint32_t scenario_min_slice_us(const struct cost_profile *p)
{
    if (p->clock_hz == 0)
        return 1;
    uint64_t us = ((uint64_t)SCENARIO_MIN_SLICE_CYCLES * US_PER_SECOND + p->clock_hz - 1) / p->clock_hz;
    return us ? (uint32_t)us : 1;
}

int scenario_parse(const char *name, const char *text, size_t len, const char *base_dir,
                   const char *rv32_dir, struct scenario *out, char *err, size_t errlen)
{
    struct json_ctx jc = { .file = name, .err = err, .errlen = errlen };
    memset(out, 0, sizeof *out);
    snprintf(out->file, sizeof out->file, "%s", name);
    cJSON *root = json_parse(&jc, text, len);
    if (!root)
        return -1;
    int rc = parse_root(&jc, root, base_dir, rv32_dir, out);
    cJSON_Delete(root);
    return rc;
}

int scenario_load(const char *path, const char *rv32_dir, struct scenario *out,
                  char *err, size_t errlen)
{
    struct json_ctx jc = { .file = path, .err = err, .errlen = errlen };
    memset(out, 0, sizeof *out);
    snprintf(out->file, sizeof out->file, "%s", path);
    cJSON *root = json_parse_file(&jc, path, SCENARIO_MAX_BYTES);
    if (!root)
        return -1;
    char dir[SCENARIO_PATH_MAX];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = 0;
    else
        snprintf(dir, sizeof dir, ".");
    int rc = parse_root(&jc, root, dir, rv32_dir, out);
    cJSON_Delete(root);
    return rc;
}

int scenario_load_default(const char *rv32_dir, struct scenario *out, char *err, size_t errlen)
{
    return scenario_parse("(built-in default scenario)", scenario_default_json,
                          strlen(scenario_default_json), ".", rv32_dir, out, err, errlen);
}

void scenario_bootinfo(const struct scenario *s, struct tz_vmm_bootinfo *bi)
{
    memset(bi, 0, sizeof *bi);
    bi->magic = TZ_VMM_BOOTINFO_MAGIC;
    bi->version = TZ_VMM_BOOTINFO_VERSION;
    bi->nguests = s->nguests;
    bi->timebase_hz = (uint32_t)s->profile.timebase_hz;
    bi->watchdog_slices = s->watchdog_slices;
    bi->ram_size = s->ram_size;
    for (unsigned i = 0; i < s->nguests; i++) {
        const struct scenario_guest *g = &s->guest[i];
        struct tz_vmm_guest *o = &bi->guest[i];
        memcpy(o->name, g->name, sizeof o->name);
        o->name[sizeof o->name - 1] = 0;
        o->mode = g->mode;
        o->part_base = g->part_base;
        o->part_size = g->mem_size;
        o->entry = TZ_KERNEL_BASE;
        o->slice_ticks = g->slice_ticks;
    }
}

struct machine *scenario_start(const struct scenario *s, const struct machine_config *base,
                               char *err, size_t errlen)
{
    struct machine_config cfg;
    if (base)
        cfg = *base;
    else
        memset(&cfg, 0, sizeof cfg);
    if (!cfg.profile)
        cfg.profile = &s->profile;
    if (!cfg.ram_size)
        cfg.ram_size = cfg.profile->ram_size;
    if (cfg.ram_size < s->ram_size)
        cfg.ram_size = s->ram_size;
    struct machine *m = machine_create(&cfg, err, errlen);
    if (m && scenario_boot(s, m, err, errlen) != 0) {
        machine_destroy(m);
        m = NULL;
    }
    return m;
}

int scenario_boot(const struct scenario *s, struct machine *m, char *err, size_t errlen)
{
    if (machine_ram_base(m) != TZ_RAM_BASE || machine_ram_size(m) < s->ram_size)
        return fail(err, errlen, "%s: needs %" PRIu32 " MiB of RAM at 0x%08x, the machine has %" PRIu32
                    " MiB", s->file, s->ram_size / MIB, TZ_RAM_BASE, machine_ram_size(m) / MIB);

    /* The VMM image must end below its shadow page-table pools (vmm.ld). */
    struct elf_image img;
    if (elf_parse(s->vmm_elf, 0, TZ_VMM_BASE, TZ_VMM_SIZE, &img, err, errlen) != 0)
        return -1;
    elf_free(&img);
    struct machine_load_info vinfo;
    if (machine_load_elf(m, s->vmm_elf, 0, &vinfo, err, errlen) != 0)
        return -1;

    struct tz_vmm_bootinfo bi;
    scenario_bootinfo(s, &bi);
    for (unsigned i = 0; i < s->nguests; i++) {
        const struct scenario_guest *g = &s->guest[i];
        /* Validate against the guest's own memory first (guest-physical:
         * from the kernel base to the end of its RAM), so a kernel too big
         * for its partition is named as such. */
        if (elf_parse(g->elf, 0, TZ_KERNEL_BASE, g->mem_size - (TZ_KERNEL_BASE - TZ_RAM_BASE),
                      &img, err, errlen) != 0) {
            size_t n = strlen(err);
            snprintf(err + n, errlen > n ? errlen - n : 0, " (guest '%s' has %" PRIu32 " MiB of RAM)",
                     g->name, g->mem_size / MIB);
            return -1;
        }
        uint32_t entry = img.entry;
        elf_free(&img);
        if (entry < TZ_KERNEL_BASE || entry - TZ_RAM_BASE >= g->mem_size)
            return fail(err, errlen, "%s: entry point 0x%08" PRIx32 " is outside guest '%s''s memory",
                        g->elf, entry, g->name);
        int64_t bias = (int64_t)g->part_base - TZ_RAM_BASE;
        struct machine_load_info ginfo;
        if (machine_load_elf(m, g->elf, bias, &ginfo, err, errlen) != 0)
            return -1;
        bi.guest[i].entry = entry;
    }
    if (machine_write_phys(m, TZ_VMM_BOOTINFO_ADDR, &bi, sizeof bi) != 0)
        return fail(err, errlen, "%s: cannot write the boot-info block at 0x%08x", s->file,
                    TZ_VMM_BOOTINFO_ADDR);
    machine_set_pc(m, vinfo.entry);
    return 0;
}
