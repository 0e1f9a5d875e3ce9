/*
 * usage.c — command-line usage errors (usage.h).
 */
#include "usage.h"

#include <stdarg.h>
#include <stdlib.h>

void usage_error(const struct usage_info *u, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s: ", u->prog);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    u->explain(stderr);
    exit(u->status);
}

const char *usage_need_arg(const struct usage_info *u, int argc, char **argv, int *i)
{
    if (*i + 1 >= argc)
        usage_error(u, "option '%s' needs an argument", argv[*i]);
    return argv[++*i];
}
