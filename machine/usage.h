/*
 * usage.h — telling the user of a trapeze program that the command line is
 * wrong, the same way in every program (the trapeze CLI and the dashboard):
 * "<program>: <what is wrong>" on stderr, then the program's own pointer to
 * help, then exit with the usage status. No GTK, no global state.
 */
#ifndef TRAPEZE_USAGE_H
#define TRAPEZE_USAGE_H

#include <stdio.h>

struct usage_info {
    const char *prog;                /* the name messages start with */
    void (*explain)(FILE *out);      /* printed after the message: the usage, or where to find it */
    int status;                      /* exit status for a usage error */
};

/* Report the mistake (printf-style) and exit with u->status. */
void usage_error(const struct usage_info *u, const char *fmt, ...)
    __attribute__((noreturn, format(printf, 2, 3)));

/* The argument of the option argv[*i], moving *i past it; a usage error if
 * the command line ends first. */
const char *usage_need_arg(const struct usage_info *u, int argc, char **argv, int *i);

#endif
