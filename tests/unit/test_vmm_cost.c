/*
 * test_vmm_cost.c — the VMM exit classifier and the percentile rule of
 * machine/vmm_cost.h, on hand-made trace reports (no machine needed).
 *
 * How an exit is named decides which median `make bench` and
 * test_scenario.c judge, so each precedence rule is pinned here; the
 * measurement itself is checked end to end in test_scenario.c.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../../machine/abi/trapeze_abi.h"
#include "../../machine/vmm_cost.h"

#define NO_ARG 0u

/* Classify the reports of one exit, in order: pairs of (code, arg0). */
static enum vmm_exit_kind classify(size_t n, const uint32_t reports[][2])
{
    enum vmm_exit_kind k = VMM_EXIT_OTHER;
    for (size_t i = 0; i < n; i++)
        k = vmm_exit_classify(k, reports[i][0], reports[i][1]);
    return k;
}

#define CLASSIFY(...) \
    classify(sizeof((const uint32_t[][2]){ __VA_ARGS__ }) / sizeof(uint32_t[2]), \
             (const uint32_t[][2]){ __VA_ARGS__ })

static void test_single_service(void **state)
{
    (void)state;
    assert_int_equal(CLASSIFY({ TZ_EV_EMULATE, TZ_EMUL_CSR }), VMM_EXIT_CSR);
    assert_int_equal(CLASSIFY({ TZ_EV_EMULATE, TZ_EMUL_SRET }), VMM_EXIT_SRET);
    assert_int_equal(CLASSIFY({ TZ_EV_EMULATE, TZ_EMUL_SFENCE }), VMM_EXIT_SFENCE);
    assert_int_equal(CLASSIFY({ TZ_EV_EMULATE, TZ_EMUL_WFI }), VMM_EXIT_WFI);
    assert_int_equal(CLASSIFY({ TZ_EV_EMULATE, TZ_EMUL_OTHER }), VMM_EXIT_EMUL_OTHER);
    assert_int_equal(CLASSIFY({ TZ_EV_SHADOW_FILL, NO_ARG }), VMM_EXIT_SHADOW_FILL);
    assert_int_equal(CLASSIFY({ TZ_EV_SBI, NO_ARG }), VMM_EXIT_SBI);
    assert_int_equal(CLASSIFY({ TZ_EV_HYPERCALL, NO_ARG }), VMM_EXIT_HYPERCALL);
    assert_int_equal(CLASSIFY({ TZ_EV_MMIO, NO_ARG }), VMM_EXIT_MMIO);
    assert_int_equal(CLASSIFY({ TZ_EV_INJECT, NO_ARG }), VMM_EXIT_INJECT);
    assert_int_equal(CLASSIFY({ TZ_EV_GUEST_SWITCH, NO_ARG }), VMM_EXIT_WORLD_SWITCH);
    assert_int_equal(CLASSIFY({ TZ_EV_GUEST_EXIT, NO_ARG }), VMM_EXIT_GUEST_END);
    assert_int_equal(CLASSIFY({ TZ_EV_GUEST_KILL, NO_ARG }), VMM_EXIT_GUEST_END);
    /* bookkeeping alone names nothing */
    assert_int_equal(CLASSIFY({ TZ_EV_SHADOW_FLUSH, NO_ARG }, { TZ_EV_CONSOLE, 'x' }),
                     VMM_EXIT_OTHER);
}

static void test_first_service_wins(void **state)
{
    (void)state;
    /* a satp write: the CSR emulation flushes the shadow tables */
    assert_int_equal(CLASSIFY({ TZ_EV_EMULATE, TZ_EMUL_CSR }, { TZ_EV_SHADOW_FLUSH, 1 }),
                     VMM_EXIT_CSR);
    /* an sie write that unmasks a pending interrupt injects it on the way out */
    assert_int_equal(CLASSIFY({ TZ_EV_EMULATE, TZ_EMUL_CSR }, { TZ_EV_INJECT, NO_ARG }),
                     VMM_EXIT_CSR);
    /* a console SBI call reports its byte */
    assert_int_equal(CLASSIFY({ TZ_EV_SBI, NO_ARG }, { TZ_EV_CONSOLE, 'a' }), VMM_EXIT_SBI);
    /* a fault the guest's own table causes is injected, then maybe a fill */
    assert_int_equal(CLASSIFY({ TZ_EV_INJECT, NO_ARG }, { TZ_EV_SHADOW_FILL, NO_ARG }),
                     VMM_EXIT_SHADOW_FILL);
    assert_int_equal(CLASSIFY({ TZ_EV_SHADOW_FILL, NO_ARG }, { TZ_EV_EMULATE, TZ_EMUL_CSR }),
                     VMM_EXIT_SHADOW_FILL);
}

static void test_switch_and_end_dominate(void **state)
{
    (void)state;
    assert_int_equal(CLASSIFY({ TZ_EV_INJECT, NO_ARG }, { TZ_EV_GUEST_SWITCH, NO_ARG }),
                     VMM_EXIT_WORLD_SWITCH);
    assert_int_equal(CLASSIFY({ TZ_EV_EMULATE, TZ_EMUL_WFI }, { TZ_EV_GUEST_SWITCH, NO_ARG },
                              { TZ_EV_INJECT, NO_ARG }),
                     VMM_EXIT_WORLD_SWITCH);
    assert_int_equal(CLASSIFY({ TZ_EV_SBI, NO_ARG }, { TZ_EV_GUEST_EXIT, NO_ARG },
                              { TZ_EV_GUEST_SWITCH, NO_ARG }),
                     VMM_EXIT_GUEST_END);
}

static void test_names(void **state)
{
    (void)state;
    for (unsigned k = 0; k < VMM_EXIT__COUNT; k++) {
        const char *n = vmm_exit_kind_name((enum vmm_exit_kind)k);
        assert_non_null(n);
        assert_string_not_equal(n, "?");
        assert_string_not_equal(vmm_exit_kind_description((enum vmm_exit_kind)k), "?");
        for (unsigned j = 0; j < k; j++)
            assert_string_not_equal(n, vmm_exit_kind_name((enum vmm_exit_kind)j));
    }
    assert_string_equal(vmm_exit_kind_name(VMM_EXIT_CSR), "csr");
    assert_string_equal(vmm_exit_kind_name(VMM_EXIT__COUNT), "?");
}

static void test_percentiles(void **state)
{
    (void)state;
    const uint64_t one[] = { 7 };
    assert_int_equal(vmm_cost_percentile(one, 1, 10), 7);
    assert_int_equal(vmm_cost_percentile(one, 1, 90), 7);
    /* even count: the lower middle */
    const uint64_t four[] = { 1, 2, 3, 4 };
    assert_int_equal(vmm_cost_percentile(four, 4, 50), 2);
    const uint64_t eleven[] = { 0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100 };
    assert_int_equal(vmm_cost_percentile(eleven, 11, 10), 10);
    assert_int_equal(vmm_cost_percentile(eleven, 11, 50), 50);
    assert_int_equal(vmm_cost_percentile(eleven, 11, 90), 90);
    assert_int_equal(vmm_cost_percentile(eleven, 11, 100), 100);
}

static void test_summarize_filters(void **state)
{
    (void)state;
    struct vmm_cost vc;
    vmm_cost_init(&vc, NULL, 8);
    struct vmm_exit_sample samples[] = {
        { VMM_EXIT_CSR, 0, 130, 200 }, { VMM_EXIT_CSR, 1, 140, 210 },
        { VMM_EXIT_CSR, 0, 120, 190 }, { VMM_EXIT_SBI, 0, 170, 270 },
    };
    vc.samples = samples;
    vc.nsamples = vc.cap = sizeof samples / sizeof samples[0];
    struct vmm_cost_summary s;
    assert_int_equal(vmm_cost_summarize(&vc, VMM_EXIT_CSR, VMM_COST_ALL_GUESTS, &s), 0);
    assert_int_equal(s.count, 3);
    assert_int_equal(s.instructions[VMM_COST_MEDIAN], 130);
    assert_int_equal(s.instructions[VMM_COST_P10], 120);
    assert_int_equal(s.instructions[VMM_COST_P90], 130);
    assert_int_equal(s.cycles[VMM_COST_MEDIAN], 200);
    assert_int_equal(s.total_cycles, 600);
    assert_int_equal(vmm_cost_summarize(&vc, VMM_EXIT_CSR, 1, &s), 0);
    assert_int_equal(s.count, 1);
    assert_int_equal(s.instructions[VMM_COST_MEDIAN], 140);
    assert_int_equal(vmm_cost_summarize(&vc, VMM_EXIT_MMIO, VMM_COST_ALL_GUESTS, &s), 0);
    assert_int_equal(s.count, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_single_service),
        cmocka_unit_test(test_first_service_wins),
        cmocka_unit_test(test_switch_and_end_dominate),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_percentiles),
        cmocka_unit_test(test_summarize_filters),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
