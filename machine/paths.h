/*
 * paths.h — where a trapeze program finds the RISC-V images built with it.
 *
 * `make` puts the host programs in build/ (build/trapeze,
 * build/trapeze-dashboard, build/san/trapeze) and the cross-compiled VMM,
 * firmware and guest kernels in build/rv32/. Every program finds that rv32
 * directory the same way, from the path it was started by, so the CLI and
 * the dashboard always run the same images. No GTK, no global state.
 */
#ifndef TRAPEZE_PATHS_H
#define TRAPEZE_PATHS_H

#include <stddef.h>

/* The SBI firmware for native runs, relative to the rv32 directory; its
 * presence is what marks a directory as a build's rv32 directory. */
#define PATHS_FIRMWARE_REL "guests/firmware/firmware.elf"

/*
 * The rv32 directory of the build the program argv0 (argv[0]) belongs to:
 * <dir>/rv32 where <dir> is the program's directory (build/trapeze), else
 * <dir>/../rv32 (build/san/trapeze). Written to buf as "<dir>/rv32" or
 * "<dir>/../rv32" (<dir> is "." for a bare program name). Returns buf, or
 * NULL if neither holds PATHS_FIRMWARE_REL (or the path does not fit).
 */
const char *paths_find_rv32_dir(const char *argv0, char *buf, size_t len);

/* "<rv32_dir>/" PATHS_FIRMWARE_REL into buf. Returns 0, or -1 if it does
 * not fit (buf then holds a truncated path that names no file). */
int paths_firmware(const char *rv32_dir, char *buf, size_t len);

#endif
