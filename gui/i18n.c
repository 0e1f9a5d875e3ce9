/*
 * i18n.c — the dashboard's strings: one table for English, one for Korean.
 *
 * Keep the two tables in the same order as `enum tz_str` (i18n.h). Korean
 * terms follow common usage in Korean operating-systems and architecture
 * courses (트랩, 특권 수준, 전가상화, 반가상화, 페이지 폴트), so students find
 * the same words in their textbooks.
 */
#define G_LOG_DOMAIN "trapeze-i18n"

#include "i18n.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../machine/abi/trapeze_abi.h"
#include "../machine/guest_stats.h"

static const char *const strings_en[S__COUNT] = {
    [S_APP_TITLE] = "trapeze",
    [S_APP_SUBTITLE] = "Virtualization dashboard",
    [S_RUN] = "Run",
    [S_PAUSE] = "Pause",
    [S_STEP] = "Step",
    [S_RESET] = "Reset",
    [S_OPEN] = "Open…",
    [S_RUN_TIP] = "Run the machine continuously",
    [S_PAUSE_TIP] = "Pause the machine",
    [S_STEP_TIP] = "Run 100,000 simulated cycles, then pause",
    [S_RESET_TIP] = "Boot the scenario again from the start",
    [S_OPEN_TIP] = "Open a scenario file (.json)",
    [S_SCENARIO_TIP] = "Scenario to run",
    [S_SPEED_TIP] = "Simulation speed",
    [S_SPEED_SLOW] = "Slow",
    [S_SPEED_NORMAL] = "Normal",
    [S_SPEED_FAST] = "Fast",
    [S_BUILTIN_DEFAULT] = "default (built-in)",
    [S_STATE_READY] = "Ready",
    [S_STATE_RUNNING] = "Running",
    [S_STATE_PAUSED] = "Paused",
    [S_STATE_FINISHED] = "Finished",
    [S_TIME_FMT] = "{1} µs simulated · {2} cycles",
    [S_TIMELINE_TITLE] = "Privilege timeline",
    [S_TIMELINE_ZOOM_TIP] = "Time window shown",
    [S_ZOOM_WHOLE] = "Whole run",
    [S_LANE_VMM] = "VMM (M-mode)",
    [S_LEGEND_GUEST] = "guest runs (U-mode)",
    [S_LEGEND_VMM] = "VMM works for the guest",
    [S_LEGEND_IDLE] = "idle (WFI)",
    [S_LEGEND_TRAPS] = "Traps:",
    [S_MISSED_FMT] = "{1} events not shown (ring overwritten)",
    [S_CAT_ILLEGAL] = "privileged instruction",
    [S_CAT_ECALL] = "ecall (SBI / syscall)",
    [S_CAT_PAGE_FAULT] = "page fault",
    [S_CAT_TIMER] = "timer interrupt",
    [S_CAT_OTHER] = "other",
    [S_TRAPLOG_TITLE] = "Trap log (newest first)",
    [S_COL_CYCLE] = "Cycle",
    [S_COL_GUEST] = "Guest",
    [S_COL_KIND] = "Kind",
    [S_COL_CAUSE] = "Cause",
    [S_COL_PC] = "PC",
    [S_COL_TVAL] = "tval",
    [S_KIND_TRAP] = "trap",
    [S_KIND_INTERRUPT] = "interrupt",
    [S_KIND_XRET] = "return",
    [S_KIND_VMM] = "VMM",
    [S_KIND_EXIT] = "exit",
    [S_KIND_IDLE] = "idle",
    [S_IDLE_FMT] = "wfi: sleeps {1} cycles",
    [S_SHADOW_DETAIL] = "hidden · injected",
    [S_KIND_OTHER] = "event",
    [S_GUESTS_TITLE] = "Guests",
    [S_GUEST_CYCLES] = "Guest cycles",
    [S_VMM_CYCLES] = "VMM cycles",
    [S_SHARE] = "Share of the machine",
    [S_INSTRUCTIONS] = "Instructions",
    [S_TRAPS] = "Traps",
    [S_EMULATED] = "Emulated",
    [S_SHADOW] = "Shadow faults",
    [S_SHADOW_FMT] = "{1} hidden · {2} injected",
    [S_SWITCHES] = "World switches",
    [S_INTERPRETED_TIP] = "Guest instructions the VMM interpreted: an emulated guest never runs on the hart itself, so all its cycles are VMM cycles",
    [S_CONSOLE] = "Console",
    [S_STATUS_RUNNING] = "running",
    [S_STATUS_EXITED_FMT] = "exited (code {1})",
    [S_STATUS_KILLED_FMT] = "stopped: {1}",
    [S_MODE_FULL_SHORT] = "full",
    [S_MODE_PARA_SHORT] = "para",
    [S_MODE_EMULATED_SHORT] = "emulated",
    [S_COMPARE_TITLE] = "Mode comparison",
    [S_COMPARE_KERNEL_TIP] = "Guest kernel to compare",
    [S_MODE_NATIVE] = "Native",
    [S_MODE_FULL] = "Full virtualization",
    [S_MODE_PARA] = "Paravirtualization",
    [S_MODE_EMULATED] = "Emulation",
    [S_NOT_AVAILABLE] = "not available",
    [S_COMPARE_RUNNING] = "running…",
    [S_COMPARE_FAILED] = "failed",
    [S_CYCLES_UNIT] = "cycles",
    [S_CHART_OTHER] = "VMM start-up, idle",
    [S_VS_NATIVE_FMT] = "×{1} native",
    [S_ERROR_TITLE] = "trapeze: error",
    [S_ERROR_SCENARIO] = "The scenario could not be loaded",
    [S_ERROR_CLOSE] = "Close",
    [S_OPEN_TITLE] = "Open a scenario",
    [S_NONE] = "none",
};

static const char *const strings_ko[S__COUNT] = {
    [S_APP_TITLE] = "trapeze",
    [S_APP_SUBTITLE] = "가상화 대시보드",
    [S_RUN] = "실행",
    [S_PAUSE] = "일시정지",
    [S_STEP] = "한 단계",
    [S_RESET] = "초기화",
    [S_OPEN] = "열기…",
    [S_RUN_TIP] = "머신을 계속 실행합니다",
    [S_PAUSE_TIP] = "머신을 일시정지합니다",
    [S_STEP_TIP] = "시뮬레이션 100,000 사이클을 실행하고 멈춥니다",
    [S_RESET_TIP] = "시나리오를 처음부터 다시 부팅합니다",
    [S_OPEN_TIP] = "시나리오 파일(.json)을 엽니다",
    [S_SCENARIO_TIP] = "실행할 시나리오",
    [S_SPEED_TIP] = "시뮬레이션 속도",
    [S_SPEED_SLOW] = "느리게",
    [S_SPEED_NORMAL] = "보통",
    [S_SPEED_FAST] = "빠르게",
    [S_BUILTIN_DEFAULT] = "기본 (내장)",
    [S_STATE_READY] = "준비",
    [S_STATE_RUNNING] = "실행 중",
    [S_STATE_PAUSED] = "일시정지됨",
    [S_STATE_FINISHED] = "완료",
    [S_TIME_FMT] = "시뮬레이션 {1} µs · {2} 사이클",
    [S_TIMELINE_TITLE] = "특권 수준 타임라인",
    [S_TIMELINE_ZOOM_TIP] = "표시할 시간 구간",
    [S_ZOOM_WHOLE] = "전체 실행",
    [S_LANE_VMM] = "VMM (M 모드)",
    [S_LEGEND_GUEST] = "게스트 실행 (U 모드)",
    [S_LEGEND_VMM] = "게스트를 위한 VMM 작업",
    [S_LEGEND_IDLE] = "유휴 (WFI)",
    [S_LEGEND_TRAPS] = "트랩:",
    [S_MISSED_FMT] = "이벤트 {1}개 표시 안 됨 (링 버퍼 덮어씀)",
    [S_CAT_ILLEGAL] = "특권 명령어",
    [S_CAT_ECALL] = "ecall (SBI / 시스템 콜)",
    [S_CAT_PAGE_FAULT] = "페이지 폴트",
    [S_CAT_TIMER] = "타이머 인터럽트",
    [S_CAT_OTHER] = "기타",
    [S_TRAPLOG_TITLE] = "트랩 로그 (최신 순)",
    [S_COL_CYCLE] = "사이클",
    [S_COL_GUEST] = "게스트",
    [S_COL_KIND] = "종류",
    [S_COL_CAUSE] = "원인",
    [S_COL_PC] = "PC",
    [S_COL_TVAL] = "tval",
    [S_KIND_TRAP] = "트랩",
    [S_KIND_INTERRUPT] = "인터럽트",
    [S_KIND_XRET] = "복귀",
    [S_KIND_VMM] = "VMM",
    [S_KIND_EXIT] = "종료",
    [S_KIND_IDLE] = "유휴",
    [S_IDLE_FMT] = "wfi: {1} 사이클 대기",
    [S_SHADOW_DETAIL] = "숨김 · 주입",
    [S_KIND_OTHER] = "이벤트",
    [S_GUESTS_TITLE] = "게스트",
    [S_GUEST_CYCLES] = "게스트 사이클",
    [S_VMM_CYCLES] = "VMM 사이클",
    [S_SHARE] = "머신 점유율",
    [S_INSTRUCTIONS] = "명령어 수",
    [S_TRAPS] = "트랩",
    [S_EMULATED] = "에뮬레이션",
    [S_SHADOW] = "섀도 폴트",
    [S_SHADOW_FMT] = "숨김 {1} · 주입 {2}",
    [S_SWITCHES] = "월드 스위치",
    [S_INTERPRETED_TIP] = "VMM이 해석해 실행한 게스트 명령어 수: 에뮬레이션 게스트는 하트에서 직접 실행되지 않으므로 모든 사이클이 VMM 사이클입니다",
    [S_CONSOLE] = "콘솔",
    [S_STATUS_RUNNING] = "실행 중",
    [S_STATUS_EXITED_FMT] = "종료 (코드 {1})",
    [S_STATUS_KILLED_FMT] = "강제 중지: {1}",
    [S_MODE_FULL_SHORT] = "전가상화",
    [S_MODE_PARA_SHORT] = "반가상화",
    [S_MODE_EMULATED_SHORT] = "에뮬레이션",
    [S_COMPARE_TITLE] = "모드 비교",
    [S_COMPARE_KERNEL_TIP] = "비교할 게스트 커널",
    [S_MODE_NATIVE] = "네이티브",
    [S_MODE_FULL] = "전가상화",
    [S_MODE_PARA] = "반가상화",
    [S_MODE_EMULATED] = "에뮬레이션",
    [S_NOT_AVAILABLE] = "사용 불가",
    [S_COMPARE_RUNNING] = "실행 중…",
    [S_COMPARE_FAILED] = "실패",
    [S_CYCLES_UNIT] = "사이클",
    [S_CHART_OTHER] = "VMM 시작·유휴",
    [S_VS_NATIVE_FMT] = "네이티브 ×{1}",
    [S_ERROR_TITLE] = "trapeze: 오류",
    [S_ERROR_SCENARIO] = "시나리오를 불러올 수 없습니다",
    [S_ERROR_CLOSE] = "닫기",
    [S_OPEN_TITLE] = "시나리오 열기",
    [S_NONE] = "없음",
};

static const char *const *const tables[TZ_LANG__COUNT] = { strings_en, strings_ko };

/* Exception causes (priv spec §3.1.15, mcause table), by exception code. */
#define EXC_CODES 16u
static const char *const cause_en[EXC_CODES] = {
    "instruction misaligned", "instruction access fault", "illegal instruction", "breakpoint",
    "load misaligned", "load access fault", "store misaligned", "store access fault",
    "ecall from U", "ecall from S", NULL, "ecall from M",
    "instruction page fault", "load page fault", NULL, "store page fault",
};
static const char *const cause_ko[EXC_CODES] = {
    "명령어 주소 정렬 오류", "명령어 접근 폴트", "잘못된 명령어", "중단점",
    "로드 정렬 오류", "로드 접근 폴트", "저장 정렬 오류", "저장 접근 폴트",
    "U 모드 ecall", "S 모드 ecall", NULL, "M 모드 ecall",
    "명령어 페이지 폴트", "로드 페이지 폴트", NULL, "저장 페이지 폴트",
};
/* Interrupt causes, by interrupt code. */
#define IRQ_CODES 12u
static const char *const irq_en[IRQ_CODES] = {
    NULL, "supervisor software", NULL, "machine software", NULL, "supervisor timer",
    NULL, "machine timer", NULL, "supervisor external", NULL, "machine external",
};
static const char *const irq_ko[IRQ_CODES] = {
    NULL, "S 소프트웨어 인터럽트", NULL, "M 소프트웨어 인터럽트", NULL, "S 타이머",
    NULL, "M 타이머", NULL, "S 외부 인터럽트", NULL, "M 외부 인터럽트",
};

static const char *const trace_en[TZ_EV__COUNT] = {
    [TZ_EV_NONE] = "none", [TZ_EV_VMM_ENTER] = "VMM entry", [TZ_EV_VMM_EXIT] = "VMM exit",
    [TZ_EV_GUEST_SWITCH] = "guest switch", [TZ_EV_EMULATE] = "emulate instruction",
    [TZ_EV_SBI] = "SBI call", [TZ_EV_HYPERCALL] = "hypercall",
    [TZ_EV_SHADOW_FILL] = "shadow fill (hidden fault)", [TZ_EV_SHADOW_FLUSH] = "shadow flush",
    [TZ_EV_INJECT] = "inject into guest", [TZ_EV_MMIO] = "emulated MMIO",
    [TZ_EV_GUEST_EXIT] = "guest exit", [TZ_EV_GUEST_KILL] = "guest stopped",
    [TZ_EV_SHADOW_PAGES] = "shadow pages", [TZ_EV_CONSOLE] = "console byte",
};
static const char *const trace_ko[TZ_EV__COUNT] = {
    [TZ_EV_NONE] = "없음", [TZ_EV_VMM_ENTER] = "VMM 진입", [TZ_EV_VMM_EXIT] = "VMM 복귀",
    [TZ_EV_GUEST_SWITCH] = "게스트 전환", [TZ_EV_EMULATE] = "명령어 에뮬레이션",
    [TZ_EV_SBI] = "SBI 호출", [TZ_EV_HYPERCALL] = "하이퍼콜",
    [TZ_EV_SHADOW_FILL] = "섀도 채움 (숨은 폴트)", [TZ_EV_SHADOW_FLUSH] = "섀도 비움",
    [TZ_EV_INJECT] = "게스트에 주입", [TZ_EV_MMIO] = "MMIO 에뮬레이션",
    [TZ_EV_GUEST_EXIT] = "게스트 종료", [TZ_EV_GUEST_KILL] = "게스트 강제 중지",
    [TZ_EV_SHADOW_PAGES] = "섀도 페이지 수", [TZ_EV_CONSOLE] = "콘솔 출력",
};

/* English kill reasons are the machine library's own words
 * (kill_reason_name), so the dashboard, the CLI table and the VMM's console
 * line say the same thing; Korean has the same meanings. */
#define KILL_REASONS (TZ_KILL_DEADLOCK + 1u)
static const char *const kill_ko[KILL_REASONS] = {
    [TZ_KILL_TRAP_STORM] = "트랩 폭주",
    [TZ_KILL_BAD_MEMORY] = "자기 파티션 밖 메모리 접근",
    [TZ_KILL_ILLEGAL] = "핸들러 없는 불법 명령어",
    [TZ_KILL_BUDGET] = "대기 중인 인터럽트를 너무 오래 막음 (워치독)",
    [TZ_KILL_DEADLOCK] = "올 수 없는 인터럽트를 기다림",
};

static enum tz_lang current = TZ_LANG_EN;

void i18n_set_lang(enum tz_lang lang)
{
    if (lang < TZ_LANG__COUNT)
        current = lang;
}

enum tz_lang i18n_get_lang(void)
{
    return current;
}

int i18n_parse_lang(const char *name)
{
    if (!name || !*name)
        return -1;
    if (!strncmp(name, "ko", 2) && (name[2] == '\0' || name[2] == '_' || name[2] == '.'))
        return TZ_LANG_KO;
    if (!strncmp(name, "en", 2) && (name[2] == '\0' || name[2] == '_' || name[2] == '.'))
        return TZ_LANG_EN;
    if (!strcmp(name, "C") || !strcmp(name, "POSIX") || !strncmp(name, "C.", 2))
        return TZ_LANG_EN;
    return -1;
}

enum tz_lang i18n_lang_from_env(void)
{
    /* POSIX precedence: LC_ALL overrides LC_MESSAGES overrides LANG. */
    static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v) {
            int l = i18n_parse_lang(v);
            return l < 0 ? TZ_LANG_EN : (enum tz_lang)l;
        }
    }
    return TZ_LANG_EN;
}

const char *tr_in(enum tz_lang lang, enum tz_str id)
{
    if (lang >= TZ_LANG__COUNT || id >= S__COUNT)
        return NULL;
    return tables[lang][id];
}

const char *tr(enum tz_str id)
{
    const char *s = tr_in(current, id);
    return s ? s : "?";
}

const char *tr_cause(uint32_t code, bool interrupt)
{
    const char *s = NULL;
    if (interrupt) {
        if (code < IRQ_CODES)
            s = (current == TZ_LANG_KO ? irq_ko : irq_en)[code];
    } else if (code < EXC_CODES) {
        s = (current == TZ_LANG_KO ? cause_ko : cause_en)[code];
    }
    return s ? s : (current == TZ_LANG_KO ? "알 수 없음" : "unknown");
}

const char *tr_trace(uint32_t code)
{
    if (code < TZ_EV__COUNT)
        return (current == TZ_LANG_KO ? trace_ko : trace_en)[code];
    return current == TZ_LANG_KO ? "알 수 없음" : "unknown";
}

const char *tr_kill_reason(uint32_t reason)
{
    if (current != TZ_LANG_KO)
        return kill_reason_name(reason);
    const char *s = reason < KILL_REASONS ? kill_ko[reason] : NULL;
    return s ? s : "알 수 없는 이유";
}

const char *tr_fill(char *buf, size_t len, enum tz_str id, const char *a1, const char *a2)
{
    const char *t = tr(id);
    size_t o = 0;
    if (len == 0)
        return buf;
    while (*t && o + 1 < len) {
        if (t[0] == '{' && (t[1] == '1' || t[1] == '2') && t[2] == '}') {
            const char *a = t[1] == '1' ? a1 : a2;
            while (a && *a && o + 1 < len)
                buf[o++] = *a++;
            t += 3;
        } else {
            buf[o++] = *t++;
        }
    }
    buf[o] = '\0';
    return buf;
}

const char *fmt_grouped(uint64_t v, char *buf, unsigned len)
{
    char tmp[32];
    int n = snprintf(tmp, sizeof tmp, "%" PRIu64, v);
    unsigned o = 0;
    for (int i = 0; i < n && o + 1 < len; i++) {
        if (i > 0 && (n - i) % 3 == 0 && o + 2 < len)
            buf[o++] = ',';
        buf[o++] = tmp[i];
    }
    buf[o] = '\0';
    return buf;
}

/* Millions with two decimals, from integers only (no %f: locale-proof). */
#define ONE_MILLION 1000000u
#define HUNDREDTH_OF_MILLION 10000u
const char *fmt_mega(uint64_t v, char *buf, unsigned len)
{
    uint64_t hundredths = (v + HUNDREDTH_OF_MILLION / 2) / HUNDREDTH_OF_MILLION;
    snprintf(buf, len, "%" PRIu64 ".%02" PRIu64 " M", hundredths / 100, hundredths % 100);
    return buf;
}
