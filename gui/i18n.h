/*
 * i18n.h — every string the dashboard shows, in English and Korean.
 *
 * The dashboard is used in Korean and English classrooms. Rather than
 * gettext catalogues (which need installed .mo files and a locale that
 * exists on the machine), all user-visible text lives in one table per
 * language in i18n.c, indexed by `enum tz_str`. A test checks both tables
 * are complete, so adding a string to one language and forgetting the
 * other fails the build's tests, not a lecture.
 *
 * Names that come from the machine (cause names such as
 * "illegal_instruction", trace codes such as "shadow_fill") are shown with
 * a translated label next to the technical name students look up in the
 * RISC-V specification.
 */
#ifndef TRAPEZE_GUI_I18N_H
#define TRAPEZE_GUI_I18N_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum tz_lang { TZ_LANG_EN = 0, TZ_LANG_KO, TZ_LANG__COUNT };

enum tz_str {
    S_APP_TITLE,
    S_APP_SUBTITLE,
    S_RUN,
    S_PAUSE,
    S_STEP,
    S_RESET,
    S_OPEN,
    S_RUN_TIP,
    S_PAUSE_TIP,
    S_STEP_TIP,
    S_RESET_TIP,
    S_OPEN_TIP,
    S_SCENARIO_TIP,
    S_SPEED_TIP,
    S_SPEED_SLOW,
    S_SPEED_NORMAL,
    S_SPEED_FAST,
    S_BUILTIN_DEFAULT,
    S_STATE_READY,
    S_STATE_RUNNING,
    S_STATE_PAUSED,
    S_STATE_FINISHED,
    S_TIME_FMT,            /* "{1} µs simulated · {2} cycles" */
    S_TIMELINE_TITLE,
    S_TIMELINE_ZOOM_TIP,
    S_ZOOM_WHOLE,
    S_LANE_VMM,
    S_LEGEND_GUEST,
    S_LEGEND_VMM,
    S_LEGEND_IDLE,
    S_LEGEND_TRAPS,
    S_MISSED_FMT,          /* "{1} events not shown (ring overwritten)" */
    S_CAT_ILLEGAL,
    S_CAT_ECALL,
    S_CAT_PAGE_FAULT,
    S_CAT_TIMER,
    S_CAT_OTHER,
    S_TRAPLOG_TITLE,
    S_COL_CYCLE,
    S_COL_GUEST,
    S_COL_KIND,
    S_COL_CAUSE,
    S_COL_PC,
    S_COL_TVAL,
    S_KIND_TRAP,
    S_KIND_INTERRUPT,
    S_KIND_XRET,
    S_KIND_VMM,
    S_KIND_EXIT,
    S_KIND_IDLE,
    S_IDLE_FMT,            /* "sleeps {1} cycles" */
    S_SHADOW_DETAIL,
    S_KIND_OTHER,
    S_GUESTS_TITLE,
    S_GUEST_CYCLES,
    S_VMM_CYCLES,
    S_SHARE,
    S_INSTRUCTIONS,
    S_TRAPS,
    S_EMULATED,
    S_SHADOW,
    S_SHADOW_FMT,          /* "{1} hidden · {2} injected" */
    S_SWITCHES,
    S_INTERPRETED_TIP,
    S_CONSOLE,
    S_STATUS_RUNNING,
    S_STATUS_EXITED_FMT,   /* "exited (code {1})" */
    S_STATUS_KILLED_FMT,   /* "stopped: {1}" */
    S_MODE_FULL_SHORT,
    S_MODE_PARA_SHORT,
    S_MODE_EMULATED_SHORT,
    S_COMPARE_TITLE,
    S_COMPARE_KERNEL_TIP,
    S_MODE_NATIVE,
    S_MODE_FULL,
    S_MODE_PARA,
    S_MODE_EMULATED,
    S_NOT_AVAILABLE,
    S_COMPARE_RUNNING,
    S_COMPARE_FAILED,
    S_CYCLES_UNIT,
    S_CHART_OTHER,
    S_VS_NATIVE_FMT,       /* "×{1} native" */
    S_ERROR_TITLE,
    S_ERROR_SCENARIO,
    S_ERROR_CLOSE,
    S_OPEN_TITLE,
    S_NONE,
    S__COUNT
};

void i18n_set_lang(enum tz_lang lang);
enum tz_lang i18n_get_lang(void);
/* "ko" / "en" (also "ko_KR.UTF-8" etc.): the language, or -1 if unknown. */
int i18n_parse_lang(const char *name);
/* The language the environment asks for: LC_ALL, then LC_MESSAGES, then LANG. */
enum tz_lang i18n_lang_from_env(void);

const char *tr(enum tz_str id);
/* The table entry in a given language (tests check completeness). */
const char *tr_in(enum tz_lang lang, enum tz_str id);

/* A template entry (the *_FMT ids) with its placeholders {1} and {2}
 * replaced by a1 and a2. Templates are not printf formats, so a
 * translation can never crash the program with a wrong conversion. */
const char *tr_fill(char *buf, size_t len, enum tz_str id, const char *a1, const char *a2);

/* Localized label of an exception or interrupt cause, e.g. "잘못된 명령어". */
const char *tr_cause(uint32_t code, bool interrupt);
/* Localized label of a trace-port code (enum tz_trace_code), e.g. "섀도 채움". */
const char *tr_trace(uint32_t code);
/* Localized reason a guest was stopped (enum tz_kill_reason). */
const char *tr_kill_reason(uint32_t reason);

/* Locale-independent number formatting (GTK calls setlocale, %f would
 * follow it): "28,647,002" and "28.65 M". buf must hold 32 bytes. */
const char *fmt_grouped(uint64_t v, char *buf, unsigned len);
const char *fmt_mega(uint64_t v, char *buf, unsigned len);

#endif
