/*
 * comparison.c — mode comparison runs driven from the main loop (see
 * comparison.h).
 */
#define G_LOG_DOMAIN "trapeze-comparison"

#include "comparison.h"

#include <string.h>

#include "../machine/scenario.h"

/* Cycles each unfinished run advances per main-loop turn. */
#define CMP_SLICE_CYCLES 500000u
/* A run that has not ended after this many instructions is stopped (a
 * guest that never exits must not keep the host busy forever). */
#define CMP_MAX_INSTRUCTIONS 2000000000ull

struct _TrapezeComparison {
    GObject parent_instance;

    /* Owned References */
    char *rv32_dir;
    char *kernel;
    struct compare_run runs[CMP__COUNT];
    char *errors[CMP__COUNT];

    /* State */
    gboolean prepared;
    guint idle_id;
};

G_DEFINE_FINAL_TYPE(TrapezeComparison, trapeze_comparison, G_TYPE_OBJECT)

enum { SIGNAL_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void release_runs(TrapezeComparison *self)
{
    if (self->idle_id) {
        g_source_remove(self->idle_id);
        self->idle_id = 0;
    }
    if (self->prepared)
        for (int i = 0; i < CMP__COUNT; i++)
            compare_release(&self->runs[i]);
    for (int i = 0; i < CMP__COUNT; i++)
        g_clear_pointer(&self->errors[i], g_free);
    self->prepared = FALSE;
}

static void trapeze_comparison_dispose(GObject *object)
{
    release_runs(TRAPEZE_COMPARISON(object));
    G_OBJECT_CLASS(trapeze_comparison_parent_class)->dispose(object);
}

static void trapeze_comparison_finalize(GObject *object)
{
    TrapezeComparison *self = TRAPEZE_COMPARISON(object);
    g_free(self->rv32_dir);
    g_free(self->kernel);
    G_OBJECT_CLASS(trapeze_comparison_parent_class)->finalize(object);
}

static void trapeze_comparison_class_init(TrapezeComparisonClass *klass)
{
    G_OBJECT_CLASS(klass)->dispose = trapeze_comparison_dispose;
    G_OBJECT_CLASS(klass)->finalize = trapeze_comparison_finalize;
    signals[SIGNAL_CHANGED] = g_signal_new("changed", G_TYPE_FROM_CLASS(klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void trapeze_comparison_init(TrapezeComparison *self) { (void)self; }

TrapezeComparison *trapeze_comparison_new(const char *rv32_dir)
{
    TrapezeComparison *self = g_object_new(TRAPEZE_TYPE_COMPARISON, NULL);
    self->rv32_dir = g_strdup(rv32_dir);
    return self;
}

gboolean trapeze_comparison_is_done(TrapezeComparison *self)
{
    if (!self->prepared)
        return TRUE;
    for (int i = 0; i < CMP__COUNT; i++)
        if (!self->runs[i].done)
            return FALSE;
    return TRUE;
}

/* One turn: every unfinished run advances one slice. */
static gboolean on_idle(gpointer data)
{
    TrapezeComparison *self = data;
    for (int i = 0; i < CMP__COUNT; i++)
        if (!self->runs[i].done)
            compare_step(&self->runs[i], CMP_SLICE_CYCLES);
    gboolean done = trapeze_comparison_is_done(self);
    if (done)
        self->idle_id = 0;
    g_signal_emit(self, signals[SIGNAL_CHANGED], 0);
    return done ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

gboolean trapeze_comparison_set_kernel(TrapezeComparison *self, const char *kernel, GError **error)
{
    /* An unknown name is refused before the current runs are touched, with
     * the names that would do. */
    char **kernels = trapeze_comparison_list_kernels(self->rv32_dir);
    gboolean known = kernel && g_strv_contains((const char *const *)kernels, kernel);
    if (!known) {
        char *names = g_strjoinv(", ", kernels);
        g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_NOENT, "unknown kernel '%s' (built kernels: %s)",
                    kernel ? kernel : "", kernels[0] ? names : "none; build them with 'make'");
        g_free(names);
    }
    g_strfreev(kernels);
    if (!known)
        return FALSE;
    release_runs(self);
    g_free(self->kernel);
    self->kernel = g_strdup(kernel);
    gboolean ok = TRUE;
    for (int i = 0; i < CMP__COUNT; i++) {
        char err[1024];
        if (compare_prepare(&self->runs[i], (enum compare_mode)i, kernel, self->rv32_dir,
                            CMP_MAX_INSTRUCTIONS, err, sizeof err) != 0) {
            self->errors[i] = g_strdup(err);
            if (ok)
                g_set_error(error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "%s", err);
            ok = FALSE;
        }
    }
    self->prepared = TRUE;
    if (!trapeze_comparison_is_done(self))
        self->idle_id = g_idle_add_full(G_PRIORITY_LOW, on_idle, self, NULL);
    g_signal_emit(self, signals[SIGNAL_CHANGED], 0);
    return ok;
}

const char *trapeze_comparison_get_kernel(TrapezeComparison *self)
{
    return self->kernel;
}

void trapeze_comparison_finish(TrapezeComparison *self)
{
    if (!self->prepared)
        return;
    for (int i = 0; i < CMP__COUNT; i++)
        while (!compare_step(&self->runs[i], CMP_SLICE_CYCLES))
            ;
    if (self->idle_id) {
        g_source_remove(self->idle_id);
        self->idle_id = 0;
    }
    g_signal_emit(self, signals[SIGNAL_CHANGED], 0);
}

const struct compare_run *trapeze_comparison_get_run(TrapezeComparison *self, enum compare_mode mode)
{
    if (!self->prepared || mode >= CMP__COUNT)
        return NULL;
    return &self->runs[mode];
}

const char *trapeze_comparison_get_error(TrapezeComparison *self, enum compare_mode mode)
{
    return mode < CMP__COUNT ? self->errors[mode] : NULL;
}

/* g_ptr_array_sort passes pointers to the elements. */
static gint compare_names(gconstpointer a, gconstpointer b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

char **trapeze_comparison_list_kernels(const char *rv32_dir)
{
    GPtrArray *names = g_ptr_array_new();
    char *dir = g_build_filename(rv32_dir, "guests", NULL);
    GDir *d = g_dir_open(dir, 0, NULL);
    if (d) {
        const char *name;
        while ((name = g_dir_read_name(d)) != NULL) {
            char *leaf = g_strconcat(name, ".elf", NULL);
            char *elf = g_build_filename(dir, name, leaf, NULL);
            /* The firmware boots kernels; it is not one. */
            if (strcmp(name, "firmware") != 0 && g_file_test(elf, G_FILE_TEST_IS_REGULAR))
                g_ptr_array_add(names, g_strdup(name));
            g_free(elf);
            g_free(leaf);
        }
        g_dir_close(d);
    }
    g_free(dir);
    g_ptr_array_sort(names, compare_names);
    g_ptr_array_add(names, NULL);
    return (char **)g_ptr_array_free(names, FALSE);
}

char *trapeze_comparison_kernel_of_elf(const char *rv32_dir, const char *elf)
{
    /* Compare directories in canonical form: the scenario loader joins
     * rv32_dir and "guests/K/K.elf" itself, but the same directory may be
     * spelt differently ("build/rv32" and "./build/../build/rv32"). */
    char *elf_abs = g_canonicalize_filename(elf, NULL);
    char *elf_dir = g_path_get_dirname(elf_abs);
    char *leaf = g_path_get_basename(elf_abs);
    char **kernels = trapeze_comparison_list_kernels(rv32_dir);
    char *found = NULL;
    for (guint i = 0; kernels[i] && !found; i++) {
        char *dir = g_build_filename(rv32_dir, "guests", kernels[i], NULL);
        char *dir_abs = g_canonicalize_filename(dir, NULL);
        char *native = g_strconcat(kernels[i], ".elf", NULL);
        char *para = g_strconcat(kernels[i], "-pv.elf", NULL);
        if (strcmp(elf_dir, dir_abs) == 0 && (strcmp(leaf, native) == 0 || strcmp(leaf, para) == 0))
            found = g_strdup(kernels[i]);
        g_free(para);
        g_free(native);
        g_free(dir_abs);
        g_free(dir);
    }
    g_strfreev(kernels);
    g_free(leaf);
    g_free(elf_dir);
    g_free(elf_abs);
    return found;
}

char *trapeze_comparison_default_kernel(const char *rv32_dir, const struct scenario *s)
{
    char *k = NULL;
    for (unsigned g = 0; s && g < s->nguests && !k; g++)
        k = trapeze_comparison_kernel_of_elf(rv32_dir, s->guest[g].elf);
    return k;
}
