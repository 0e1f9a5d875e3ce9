/*
 * compare.c — one kernel, four ways to run it (see compare.h).
 */
#include "compare.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "abi/trapeze_abi.h"
#include "cost.h"
#include "guest_stats.h"
#include "paths.h"
#include "scenario.h"

static const char *const mode_names[CMP__COUNT] = {
    [CMP_NATIVE] = "native", [CMP_FULL] = "full", [CMP_PARA] = "para",
    [CMP_EMULATED] = "emulated",
};

const char *compare_mode_name(enum compare_mode mode)
{
    return mode < CMP__COUNT ? mode_names[mode] : "?";
}

/* A kernel given by path rather than by the name of a built kernel. */
static bool is_path(const char *kernel)
{
    size_t n = strlen(kernel);
    return strchr(kernel, '/') || (n > 4 && !strcmp(kernel + n - 4, ".elf"));
}

/* A one-guest scenario as JSON text (built with cJSON so paths are escaped). */
static char *one_guest_scenario(const char *kernel, const char *mode)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "name", "compare");
    cJSON *guests = cJSON_AddArrayToObject(root, "guests");
    cJSON *g = cJSON_CreateObject();
    cJSON_AddItemToArray(guests, g);
    if (is_path(kernel)) {
        cJSON_AddStringToObject(g, "elf", kernel);
        cJSON_AddStringToObject(g, "name", "guest");
    } else {
        cJSON_AddStringToObject(g, "kernel", kernel);
    }
    cJSON_AddStringToObject(g, "mode", mode);
    char *text = cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    return text;
}

static int parse_one(const char *kernel, enum compare_mode mode, const char *rv32_dir,
                     struct scenario *s, char *err, size_t errlen)
{
    char *text = one_guest_scenario(kernel, compare_mode_name(mode));
    if (!text) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    char name[64];
    snprintf(name, sizeof name, "(%s comparison)", compare_mode_name(mode));
    int rc = scenario_parse(name, text, strlen(text), ".", rv32_dir, s, err, errlen);
    free(text);
    return rc;
}

static int prepare_native(struct compare_run *r, const char *kernel, const char *rv32_dir,
                          uint64_t max_insns, char *err, size_t errlen)
{
    char fw[4096], kpath[4096];
    if (paths_firmware(rv32_dir, fw, sizeof fw) != 0) {
        snprintf(err, errlen, "%s: path too long", rv32_dir);
        return -1;
    }
    if (is_path(kernel)) {
        snprintf(kpath, sizeof kpath, "%s", kernel);
    } else {
        /* A kernel built with trapeze, or one of the VMM's test kernels
         * (the same search a scenario's "kernel" key does). */
        snprintf(kpath, sizeof kpath, "%s/guests/%s/%s.elf", rv32_dir, kernel, kernel);
        FILE *f = fopen(kpath, "rb");
        if (f)
            fclose(f);
        else
            snprintf(kpath, sizeof kpath, "%s/vmm/tests/%s.elf", rv32_dir, kernel);
    }

    struct cost_profile profile;
    cost_profile_default(&profile);
    struct machine_config cfg = { .profile = &profile, .max_instructions = max_insns };
    r->m = machine_create(&cfg, err, errlen);
    if (!r->m)
        return -1;
    if (machine_boot_kernel(r->m, fw, kpath, err, errlen) != 0)
        return -1;
    /* Natively there are no guest ids: the listener only counts WFI sleep. */
    r->gs = calloc(1, sizeof *r->gs);
    if (!r->gs || machine_subscribe(r->m, guest_stats_listener, r->gs) < 0) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    return 0;
}

static int prepare_vmm(struct compare_run *r, const char *kernel, const char *rv32_dir,
                       uint64_t max_insns, char *err, size_t errlen)
{
    struct scenario *s = calloc(1, sizeof *s);
    if (!s) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    int rc = -1;
    if (parse_one(kernel, r->mode, rv32_dir, s, err, errlen) != 0) {
        /* Refused: is it the mode, or the kernel? Full mode tells. */
        char why[sizeof r->why];
        snprintf(why, sizeof why, "%s", err);
        if (r->mode != CMP_FULL && parse_one(kernel, CMP_FULL, rv32_dir, s, err, errlen) == 0) {
            /* The scenario parser names its input "(MODE comparison)": drop
             * that, the table row already says which mode. */
            const char *reason = why;
            const char *sep = strstr(why, "): ");
            if (why[0] == '(' && sep)
                reason = sep + 3;
            r->available = false;
            snprintf(r->why, sizeof r->why, "%s", reason);
            rc = 0;
        }
        goto out;
    }
    struct machine_config cfg = { .max_instructions = max_insns };
    r->m = scenario_start(s, &cfg, err, errlen);
    if (!r->m)
        goto out;
    r->gs = calloc(1, sizeof *r->gs);
    if (!r->gs || machine_subscribe(r->m, guest_stats_listener, r->gs) < 0) {
        snprintf(err, errlen, "out of memory");
        goto out;
    }
    rc = 0;
out:
    free(s);
    return rc;
}

int compare_prepare(struct compare_run *r, enum compare_mode mode, const char *kernel,
                    const char *rv32_dir, uint64_t max_instructions, char *err, size_t errlen)
{
    memset(r, 0, sizeof *r);
    r->mode = mode;
    r->available = true;
    int rc = mode == CMP_NATIVE ? prepare_native(r, kernel, rv32_dir, max_instructions, err, errlen)
                                : prepare_vmm(r, kernel, rv32_dir, max_instructions, err, errlen);
    if (rc != 0 || !r->available) {
        machine_destroy(r->m);
        r->m = NULL;
        free(r->gs);
        r->gs = NULL;
        r->done = true;
    }
    return rc;
}

static void finish(struct compare_run *r)
{
    struct machine_counters *c = &r->counters;
    machine_get_counters(r->m, c);
    r->done = true;
    if (r->mode == CMP_NATIVE) {
        /* The kernel's own running time: S and U cycles, less the time the
         * hart slept in its WFI (under the VMM a WFI is a trap, and the
         * VMM's idle loop is not the guest's time either). */
        r->exit_code = machine_exit_code(r->m);
        r->guest_cycles = c->priv_cycles[PRIV_S] + c->priv_cycles[PRIV_U] -
                          r->gs->idle_cycles[PRIV_S] - r->gs->idle_cycles[PRIV_U];
        r->output = machine_uart_output(r->m, &r->output_len);
        return;
    }
    /* Under the VMM: guest 0's own figures, as the VMM reported them. */
    const struct guest_stat *g = &r->gs->g[0];
    r->exit_code = g->exited ? (int)g->exit_code : -1;
    r->killed = g->killed;
    r->kill_reason = g->kill_reason;
    r->guest_cycles = c->guest_cycles[0][PRIV_U] + c->guest_cycles[0][PRIV_S];
    r->vmm_cycles = c->guest_cycles[0][PRIV_M];
    for (unsigned i = 0; i < 32; i++)
        r->vmm_exits += g->traps[i] + g->interrupts[i];
    r->output = (const uint8_t *)g->console;
    r->output_len = g->console_len;
}

bool compare_step(struct compare_run *r, uint64_t cycles)
{
    if (r->done)
        return true;
    r->status = machine_run(r->m, cycles);
    if (r->status != MACHINE_RUNNING)
        finish(r);
    return r->done;
}

void compare_release(struct compare_run *r)
{
    machine_destroy(r->m);
    free(r->gs);
    memset(r, 0, sizeof *r);
}
