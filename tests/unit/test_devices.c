/*
 * test_devices.c — the SiFive test finisher and the trace port against a
 * stub machine: which writes end the run and with what status and reason,
 * which are ignored, how the trace port's argument registers reach
 * mach_trace, and which access widths and offsets fault.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "../../machine/abi/trapeze_abi.h"
#include "../../machine/dev/dev.h"
#include "../../machine/hooks.h"

/* ---- stub machine -------------------------------------------------------- */

static struct {
    int exits, code;
    const char *reason;
    int traces;
    uint32_t code_seen, args[4];
    int guest_sets;
    uint32_t guest;
} rec;

static struct machine *const token = (struct machine *)&rec;

void mach_request_exit(struct machine *m, int code, const char *reason)
{
    assert_ptr_equal(m, token);
    rec.exits++;
    rec.code = code;
    rec.reason = reason;
}

void mach_trace(struct machine *m, uint32_t code, const uint32_t args[4])
{
    assert_ptr_equal(m, token);
    rec.traces++;
    rec.code_seen = code;
    memcpy(rec.args, args, sizeof rec.args);
}

void mach_set_guest(struct machine *m, uint32_t guest)
{
    assert_ptr_equal(m, token);
    rec.guest_sets++;
    rec.guest = guest;
}

void mach_uart_tx(struct machine *m, uint8_t byte)
{
    (void)m;
    (void)byte;
    fail_msg("no UART in this test");
}

static int reset(void **state)
{
    (void)state;
    memset(&rec, 0, sizeof rec);
    return 0;
}

/* ---- test finisher ------------------------------------------------------- */

static void test_finisher_pass_fail_reset(void **state)
{
    (void)state;
    struct test_finisher t;
    test_finisher_init(&t, token);

    assert_int_equal(test_finisher_ops.write(&t, 0, 4, TZ_TEST_PASS), 0);
    assert_int_equal(rec.exits, 1);
    assert_int_equal(rec.code, 0);
    assert_string_equal(rec.reason, "test finisher: pass");

    assert_int_equal(test_finisher_ops.write(&t, 0, 4, (42u << 16) | TZ_TEST_FAIL), 0);
    assert_int_equal(rec.exits, 2);
    assert_int_equal(rec.code, 42);
    assert_string_equal(rec.reason, "test finisher: fail");

    assert_int_equal(test_finisher_ops.write(&t, 0, 4, (0xFFFFu << 16) | TZ_TEST_FAIL), 0);
    assert_int_equal(rec.code, 0xFFFF);

    assert_int_equal(test_finisher_ops.write(&t, 0, 4, 0x7777u), 0);
    assert_int_equal(rec.exits, 4);
    assert_int_equal(rec.code, 0);
    assert_string_equal(rec.reason, "reset requested");

    /* Upper bits do not matter for pass; a 16-bit store works too. */
    assert_int_equal(test_finisher_ops.write(&t, 0, 4, 0xABCD0000u | TZ_TEST_PASS), 0);
    assert_int_equal(rec.code, 0);
    assert_int_equal(test_finisher_ops.write(&t, 0, 2, TZ_TEST_PASS), 0);
    assert_int_equal(rec.exits, 6);
}

static void test_finisher_ignores_and_faults(void **state)
{
    (void)state;
    struct test_finisher t;
    test_finisher_init(&t, token);
    uint32_t v = 1;
    /* Unknown commands and other offsets are ignored, as on QEMU. */
    assert_int_equal(test_finisher_ops.write(&t, 0, 4, 0x1234u), 0);
    assert_int_equal(test_finisher_ops.write(&t, 0, 4, 0), 0);
    assert_int_equal(test_finisher_ops.write(&t, 4, 4, TZ_TEST_PASS), 0);
    assert_int_equal(rec.exits, 0);
    /* Reads return 0. */
    assert_int_equal(test_finisher_ops.read(&t, 0, 4, &v), 0);
    assert_int_equal(v, 0);
    /* Byte accesses are not valid on this device. */
    assert_int_equal(test_finisher_ops.write(&t, 0, 1, 0x55), -1);
    assert_int_equal(test_finisher_ops.read(&t, 0, 1, &v), -1);
    assert_int_equal(rec.exits, 0);
}

/* ---- trace port ---------------------------------------------------------- */

static void test_trace_emit(void **state)
{
    (void)state;
    struct trace_port tp;
    trace_port_init(&tp, token);
    assert_int_equal(trace_port_ops.write(&tp, TZ_TRACE_ARG0, 4, 0x11111111u), 0);
    assert_int_equal(trace_port_ops.write(&tp, TZ_TRACE_ARG1, 4, 0x22222222u), 0);
    assert_int_equal(trace_port_ops.write(&tp, TZ_TRACE_ARG2, 4, 0x33333333u), 0);
    assert_int_equal(trace_port_ops.write(&tp, TZ_TRACE_ARG3, 4, 0x44444444u), 0);
    assert_int_equal(rec.traces, 0);   /* arguments alone commit nothing */
    assert_int_equal(trace_port_ops.write(&tp, TZ_TRACE_EMIT, 4, TZ_EV_SHADOW_FILL), 0);
    assert_int_equal(rec.traces, 1);
    assert_int_equal(rec.code_seen, TZ_EV_SHADOW_FILL);
    assert_int_equal(rec.args[0], 0x11111111u);
    assert_int_equal(rec.args[1], 0x22222222u);
    assert_int_equal(rec.args[2], 0x33333333u);
    assert_int_equal(rec.args[3], 0x44444444u);

    /* Arguments persist until overwritten. */
    assert_int_equal(trace_port_ops.write(&tp, TZ_TRACE_ARG1, 4, 7), 0);
    assert_int_equal(trace_port_ops.write(&tp, TZ_TRACE_EMIT, 4, TZ_EV_SBI), 0);
    assert_int_equal(rec.traces, 2);
    assert_int_equal(rec.code_seen, TZ_EV_SBI);
    assert_int_equal(rec.args[0], 0x11111111u);
    assert_int_equal(rec.args[1], 7);
}

static void test_trace_guest(void **state)
{
    (void)state;
    struct trace_port tp;
    trace_port_init(&tp, token);
    assert_int_equal(trace_port_ops.write(&tp, TZ_TRACE_GUEST, 4, 3), 0);
    assert_int_equal(rec.guest_sets, 1);
    assert_int_equal(rec.guest, 3);
    assert_int_equal(trace_port_ops.write(&tp, TZ_TRACE_GUEST, 4, TZ_GUEST_NONE), 0);
    assert_int_equal(rec.guest, TZ_GUEST_NONE);
    assert_int_equal(rec.traces, 0);
}

static void test_trace_faults(void **state)
{
    (void)state;
    struct trace_port tp;
    trace_port_init(&tp, token);
    uint32_t v = 1;
    /* Only 32-bit accesses to the six registers. */
    assert_int_equal(trace_port_ops.write(&tp, TZ_TRACE_EMIT, 1, 1), -1);
    assert_int_equal(trace_port_ops.write(&tp, TZ_TRACE_EMIT, 2, 1), -1);
    assert_int_equal(trace_port_ops.write(&tp, TZ_TRACE_ARG3 + 4, 4, 1), -1);
    assert_int_equal(trace_port_ops.write(&tp, 0xFFC, 4, 1), -1);
    assert_int_equal(trace_port_ops.read(&tp, TZ_TRACE_ARG3 + 4, 4, &v), -1);
    assert_int_equal(rec.traces + rec.guest_sets, 0);
    /* Write-only: reads of a register return 0. */
    assert_int_equal(trace_port_ops.write(&tp, TZ_TRACE_ARG0, 4, 99), 0);
    assert_int_equal(trace_port_ops.read(&tp, TZ_TRACE_ARG0, 4, &v), 0);
    assert_int_equal(v, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup(test_finisher_pass_fail_reset, reset),
        cmocka_unit_test_setup(test_finisher_ignores_and_faults, reset),
        cmocka_unit_test_setup(test_trace_emit, reset),
        cmocka_unit_test_setup(test_trace_guest, reset),
        cmocka_unit_test_setup(test_trace_faults, reset),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
