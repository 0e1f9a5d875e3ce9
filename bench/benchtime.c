/*
 * benchtime.c — time a whole process, several times, and print the median.
 *
 *   benchtime [-n RUNS] [-o FILE] [-t SECONDS] -- PROGRAM [ARGS...]
 *
 * Runs PROGRAM RUNS times (default 5), one after another, each with stdin
 * from /dev/null and stdout+stderr into FILE (default /dev/null; FILE keeps
 * the last run's output, so the caller can check what the program printed).
 * Each run is timed from just before fork() to the moment the child's exit
 * is seen, with CLOCK_MONOTONIC: process creation, exec, dynamic linking,
 * the program's work and its exit are all in the figure, as a user waiting
 * for the program would experience them.
 *
 * Prints one line:  median_ns=N min_ns=N max_ns=N cpu_median_ns=N runs=N
 *
 * cpu_median_ns is the median of the child's user + system CPU time (from
 * getrusage(RUSAGE_CHILDREN)). On an idle host it is close to the wall time of a
 * single-threaded program; when it is much smaller, the program spent its
 * time waiting for a CPU that other processes were using, and the wall
 * figures overstate its cost.
 *
 * A run that exits non-zero, dies from a signal or takes longer than
 * SECONDS (default 600; it is killed) makes benchtime say which run and why
 * and exit 1: a failed run must never pass for a fast one.
 *
 * Host time is read here and only here: this tool measures the simulator
 * from the outside; nothing inside the simulation ever sees it.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define DEFAULT_RUNS      5
#define MAX_RUNS          1000
#define DEFAULT_TIMEOUT_S 600
#define NS_PER_S          1000000000LL
#define NS_PER_US         1000LL
#define EXIT_EXEC_FAILED  127   /* the shell's convention for "command not found" */

static const char *prog = "benchtime";

static void usage(void)
{
    fprintf(stderr, "usage: %s [-n RUNS] [-o FILE] [-t SECONDS] -- PROGRAM [ARGS...]\n", prog);
    exit(2);
}

static long parse_count(const char *opt, const char *s, long min, long max)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < min || v > max) {
        fprintf(stderr, "%s: %s wants a whole number from %ld to %ld, not '%s'\n",
                prog, opt, min, max, s);
        exit(2);
    }
    return v;
}

static int64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * NS_PER_S + ts.tv_nsec;
}

/* Median of a sorted array: the middle value, or the mean of the middle two. */
static int64_t median_of(const int64_t *v, long n)
{
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static int cmp_i64(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

static int64_t tv_ns(struct timeval tv)
{
    return (int64_t)tv.tv_sec * NS_PER_S + (int64_t)tv.tv_usec * NS_PER_US;
}

/* One timed run; returns the elapsed nanoseconds (and the child's CPU time
 * in *cpu_ns) or -1 after saying why. */
static int64_t run_once(char **argv, const char *out_path, long timeout_s, int run_no,
                        int64_t *cpu_ns)
{
    sigset_t chld, old;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    /* Block SIGCHLD so that sigtimedwait() below sees the child's exit. */
    sigprocmask(SIG_BLOCK, &chld, &old);

    int64_t t0 = now_ns();
    pid_t pid = fork();
    if (pid < 0) {
        fprintf(stderr, "%s: fork failed: %s\n", prog, strerror(errno));
        sigprocmask(SIG_SETMASK, &old, NULL);
        return -1;
    }
    if (pid == 0) {
        sigprocmask(SIG_SETMASK, &old, NULL);
        int in = open("/dev/null", O_RDONLY);
        int out = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (in < 0 || out < 0) {
            fprintf(stderr, "%s: cannot open %s: %s\n", prog, in < 0 ? "/dev/null" : out_path,
                    strerror(errno));
            _exit(EXIT_EXEC_FAILED);
        }
        dup2(in, STDIN_FILENO);
        dup2(out, STDOUT_FILENO);
        dup2(out, STDERR_FILENO);
        close(in);
        close(out);
        execvp(argv[0], argv);
        fprintf(stderr, "%s: cannot run %s: %s\n", prog, argv[0], strerror(errno));
        _exit(EXIT_EXEC_FAILED);
    }

    struct timespec limit = { .tv_sec = timeout_s, .tv_nsec = 0 };
    int64_t t1 = -1;
    for (;;) {
        int sig = sigtimedwait(&chld, NULL, &limit);
        if (sig == SIGCHLD) {
            t1 = now_ns();
            break;
        }
        if (sig < 0 && errno == EINTR)
            continue;
        break;   /* EAGAIN: the time limit passed */
    }
    int status = 0;
    if (t1 < 0) {
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
        sigprocmask(SIG_SETMASK, &old, NULL);
        fprintf(stderr, "%s: run %d of %s took longer than %ld s and was killed\n",
                prog, run_no, argv[0], timeout_s);
        return -1;
    }
    /* RUSAGE_CHILDREN grows by a child's CPU time once it has been waited
     * for (POSIX getrusage); the difference is this run's. */
    struct rusage before, after;
    getrusage(RUSAGE_CHILDREN, &before);
    waitpid(pid, &status, 0);
    getrusage(RUSAGE_CHILDREN, &after);
    sigprocmask(SIG_SETMASK, &old, NULL);
    *cpu_ns = tv_ns(after.ru_utime) + tv_ns(after.ru_stime) -
              tv_ns(before.ru_utime) - tv_ns(before.ru_stime);

    if (WIFSIGNALED(status)) {
        fprintf(stderr, "%s: run %d of %s died from signal %d (output in %s)\n",
                prog, run_no, argv[0], WTERMSIG(status), out_path);
        return -1;
    }
    if (WEXITSTATUS(status) != 0) {
        fprintf(stderr, "%s: run %d of %s exited with status %d (output in %s)\n",
                prog, run_no, argv[0], WEXITSTATUS(status), out_path);
        return -1;
    }
    return t1 - t0;
}

int main(int argc, char **argv)
{
    long runs = DEFAULT_RUNS, timeout_s = DEFAULT_TIMEOUT_S;
    const char *out_path = "/dev/null";
    int i = 1;

    for (; i < argc; i++) {
        if (!strcmp(argv[i], "--")) {
            i++;
            break;
        } else if (!strcmp(argv[i], "-n") && i + 1 < argc) {
            runs = parse_count("-n", argv[++i], 1, MAX_RUNS);
        } else if (!strcmp(argv[i], "-t") && i + 1 < argc) {
            timeout_s = parse_count("-t", argv[++i], 1, 24L * 3600);
        } else if (!strcmp(argv[i], "-o") && i + 1 < argc) {
            out_path = argv[++i];
        } else {
            usage();
        }
    }
    if (i >= argc)
        usage();

    int64_t *t = calloc((size_t)runs, sizeof *t);
    int64_t *cpu = calloc((size_t)runs, sizeof *cpu);
    if (!t || !cpu) {
        fprintf(stderr, "%s: out of memory\n", prog);
        return 1;
    }
    for (long r = 0; r < runs; r++) {
        t[r] = run_once(argv + i, out_path, timeout_s, (int)r + 1, &cpu[r]);
        if (t[r] < 0) {
            free(t);
            free(cpu);
            return 1;
        }
    }
    qsort(t, (size_t)runs, sizeof *t, cmp_i64);
    qsort(cpu, (size_t)runs, sizeof *cpu, cmp_i64);
    printf("median_ns=%lld min_ns=%lld max_ns=%lld cpu_median_ns=%lld runs=%ld\n",
           (long long)median_of(t, runs), (long long)t[0], (long long)t[runs - 1],
           (long long)median_of(cpu, runs), runs);
    free(t);
    free(cpu);
    return 0;
}
