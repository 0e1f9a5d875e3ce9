/*
 * paths.c — finding the build's rv32 directory next to a program (paths.h).
 */
#include "paths.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static int is_regular_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* snprintf that reports truncation: 0 if the whole text fit, else -1. */
static int fits(int n, size_t len)
{
    return n >= 0 && (size_t)n < len ? 0 : -1;
}

const char *paths_find_rv32_dir(const char *argv0, char *buf, size_t len)
{
    const char *slash = strrchr(argv0, '/');
    int dirlen = slash ? (int)(slash - argv0) : 1;
    const char *dir = slash ? argv0 : ".";
    static const char *const rel[] = { "/rv32", "/../rv32" };
    for (size_t i = 0; i < sizeof rel / sizeof rel[0]; i++) {
        if (fits(snprintf(buf, len, "%.*s%s/" PATHS_FIRMWARE_REL, dirlen, dir, rel[i]), len) == 0 &&
            is_regular_file(buf))
            return fits(snprintf(buf, len, "%.*s%s", dirlen, dir, rel[i]), len) == 0 ? buf : NULL;
    }
    return NULL;
}

int paths_firmware(const char *rv32_dir, char *buf, size_t len)
{
    return fits(snprintf(buf, len, "%s/" PATHS_FIRMWARE_REL, rv32_dir), len);
}
