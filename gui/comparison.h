/*
 * comparison.h — TrapezeComparison: one guest kernel run natively, fully
 * virtualized, paravirtualized and emulated, each in a machine of its own.
 *
 * The runs are machine/compare.h's (the same ones `trapeze compare`
 * makes), advanced a slice at a time from a low-priority main-loop source
 * so the window stays responsive and the main simulation keeps its frame
 * rate. A mode the VMM cannot run yet is reported as not available, with
 * the scenario loader's reason: it is never drawn as a bar.
 */
#ifndef TRAPEZE_GUI_COMPARISON_H
#define TRAPEZE_GUI_COMPARISON_H

#include <gtk/gtk.h>

#include "../machine/compare.h"

G_BEGIN_DECLS

#define TRAPEZE_TYPE_COMPARISON (trapeze_comparison_get_type())
G_DECLARE_FINAL_TYPE(TrapezeComparison, trapeze_comparison, TRAPEZE, COMPARISON, GObject)

TrapezeComparison *trapeze_comparison_new(const char *rv32_dir);
/* Start comparing `kernel` (a kernel name, e.g. "tasks"); stops the old runs.
 * FALSE with error for bad input (no such kernel). Emits "changed". */
gboolean trapeze_comparison_set_kernel(TrapezeComparison *self, const char *kernel, GError **error);
const char *trapeze_comparison_get_kernel(TrapezeComparison *self);
/* Run every pending run to its end now (headless screenshots, tests). */
void trapeze_comparison_finish(TrapezeComparison *self);
gboolean trapeze_comparison_is_done(TrapezeComparison *self);
/* NULL when no kernel is set. */
const struct compare_run *trapeze_comparison_get_run(TrapezeComparison *self, enum compare_mode mode);
/* A message when preparing a mode failed for a reason other than support. */
const char *trapeze_comparison_get_error(TrapezeComparison *self, enum compare_mode mode);
/* Kernels that can be compared: guests/<name>/<name>.elf under rv32_dir,
 * sorted; free with g_strfreev. */
char **trapeze_comparison_list_kernels(const char *rv32_dir);
/* The comparable kernel a guest ELF is a build of (rv32_dir/guests/K/K.elf
 * or its paravirtual build K-pv.elf: K), or NULL for any other ELF. Free
 * with g_free. */
char *trapeze_comparison_kernel_of_elf(const char *rv32_dir, const char *elf);
/* The kernel to compare by default for a scenario: the one its first guest
 * runs (from the guest's ELF, not its display name); if that guest runs an
 * ELF that is no comparable kernel, the next guest's, and so on; NULL if
 * no guest runs one. Free with g_free. */
struct scenario;
char *trapeze_comparison_default_kernel(const char *rv32_dir, const struct scenario *s);

G_END_DECLS

#endif
