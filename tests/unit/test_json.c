/*
 * test_json.c — the validating JSON layer: syntax errors with FILE:LINE:COL,
 * unknown and duplicate keys, and typed getters that refuse anything that is
 * not exactly what was asked for (fractions, negatives, out of range,
 * overflowing numbers, wrong types, bad addresses).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <cjson/cJSON.h>

#include "../../machine/json.h"

static char err[512];

static struct json_ctx ctx(void)
{
    err[0] = '\0';
    return (struct json_ctx){ "t.json", err, sizeof err };
}

static cJSON *parse(const char *text)
{
    struct json_ctx jc = ctx();
    cJSON *root = json_parse(&jc, text, strlen(text));
    return root;
}

static void test_parse_ok(void **state)
{
    (void)state;
    cJSON *root = parse("  {\"a\": 1, \"b\": [true, null]}\n");
    assert_non_null(root);
    assert_true(cJSON_IsObject(root));
    cJSON_Delete(root);
}

static void test_syntax_error_position(void **state)
{
    (void)state;
    /* The stray ']' is on line 3, column 8. */
    assert_null(parse("{\n  \"a\": 1,\n  \"b\": ]\n}\n"));
    assert_string_equal(err, "t.json:3:8: syntax error near ']'");
}

static void test_trailing_garbage(void **state)
{
    (void)state;
    assert_null(parse("{} x"));
    assert_string_equal(err, "t.json:1:4: syntax error near 'x'");
    assert_null(parse("{}\n\n  {}"));
    assert_string_equal(err, "t.json:3:3: syntax error near '{}'");
}

static void test_unterminated(void **state)
{
    (void)state;
    assert_null(parse("{\"a\": 1"));
    assert_non_null(strstr(err, "t.json:1:"));
    assert_non_null(strstr(err, "unexpected end of the file"));
    /* a stray character before the end is an ordinary syntax error */
    assert_null(parse("{\"a\": 1 x, \"b\": 2"));
    assert_non_null(strstr(err, "syntax error"));
}

static void test_nul_and_empty(void **state)
{
    (void)state;
    struct json_ctx jc = ctx();
    static const char with_nul[] = "{}\0{\"x\":1}";
    assert_null(json_parse(&jc, with_nul, sizeof with_nul - 1));
    assert_string_equal(err, "t.json:1:3: NUL byte in JSON text");
    jc = ctx();
    assert_null(json_parse(&jc, "", 0));
    assert_string_equal(err, "t.json: empty file (expected a JSON object)");
    assert_null(parse("   \n"));
    assert_non_null(strstr(err, "t.json:"));
}

static void test_not_terminated_buffer(void **state)
{
    (void)state;
    /* json_parse takes (text, len): the byte after len must not be read. */
    char *buf = malloc(2);
    assert_non_null(buf);
    memcpy(buf, "{}", 2);
    struct json_ctx jc = ctx();
    cJSON *root = json_parse(&jc, buf, 2);
    assert_non_null(root);
    cJSON_Delete(root);
    free(buf);
}

static const char *const allowed[] = { "alpha", "beta", NULL };

static void test_check_keys(void **state)
{
    (void)state;
    struct json_ctx jc = ctx();
    cJSON *root = parse("{\"alpha\": 1, \"beta\": 2}");
    assert_int_equal(json_check_keys(&jc, root, "", allowed), 0);
    cJSON_Delete(root);

    root = parse("{\"alpha\": 1, \"gamma\": 2}");
    jc = ctx();
    assert_int_equal(json_check_keys(&jc, root, "", allowed), -1);
    assert_string_equal(err, "t.json: gamma: unknown key (allowed: alpha, beta)");
    cJSON_Delete(root);

    root = parse("{\"o\": {\"beta\": 1, \"beta\": 2}}");
    jc = ctx();
    assert_int_equal(json_check_keys(&jc, cJSON_GetObjectItem(root, "o"), "o", allowed), -1);
    assert_string_equal(err, "t.json: o.beta: duplicate key");
    cJSON_Delete(root);

    /* Control characters from the file never reach the one-line message. */
    root = parse("{\"al\\npha\\u001b[0m\": 1}");
    jc = ctx();
    assert_int_equal(json_check_keys(&jc, root, "", allowed), -1);
    assert_string_equal(err, "t.json: al?pha?[0m: unknown key (allowed: alpha, beta)");
    cJSON_Delete(root);

    root = parse("[1, 2]");
    jc = ctx();
    assert_int_equal(json_check_keys(&jc, root, "", allowed), -1);
    assert_string_equal(err, "t.json: expected an object, got an array");
    cJSON_Delete(root);
}

static void test_u32(void **state)
{
    (void)state;
    cJSON *root = parse("{\"ok\": 7, \"frac\": 2.5, \"neg\": -1, \"big\": 1001, "
                        "\"huge\": 1e400, \"str\": \"3\", \"t\": true, \"exp\": 1e2}");
    struct json_ctx jc = ctx();
    uint32_t v = 99;
    assert_int_equal(json_get_u32(&jc, root, "cycles", "ok", true, 1, 1000, &v), 0);
    assert_int_equal(v, 7);
    assert_int_equal(json_get_u32(&jc, root, "cycles", "exp", true, 1, 1000, &v), 0);
    assert_int_equal(v, 100);

    v = 99;
    assert_int_equal(json_get_u32(&jc, root, "cycles", "frac", true, 1, 1000, &v), -1);
    assert_string_equal(err, "t.json: cycles.frac: expected an integer from 1 to 1000, got 2.5");
    assert_int_equal(v, 99);   /* untouched on error */
    assert_int_equal(json_get_u32(&jc, root, "cycles", "neg", true, 0, 1000, &v), -1);
    assert_string_equal(err, "t.json: cycles.neg: expected an integer from 0 to 1000, got -1");
    assert_int_equal(json_get_u32(&jc, root, "cycles", "big", true, 1, 1000, &v), -1);
    assert_string_equal(err,
                        "t.json: cycles.big: expected an integer from 1 to 1000, got 1001");
    assert_int_equal(json_get_u32(&jc, root, "cycles", "huge", true, 1, 1000, &v), -1);
    assert_non_null(strstr(err, "too large to represent"));
    assert_int_equal(json_get_u32(&jc, root, "", "str", true, 1, 1000, &v), -1);
    assert_string_equal(err, "t.json: str: expected an integer from 1 to 1000, got the "
                             "string \"3\"");
    assert_int_equal(json_get_u32(&jc, root, "", "t", true, 1, 1000, &v), -1);
    assert_string_equal(err, "t.json: t: expected an integer from 1 to 1000, got true");

    /* Absent: optional leaves *out alone, required reports. */
    v = 42;
    assert_int_equal(json_get_u32(&jc, root, "", "absent", false, 1, 1000, &v), 0);
    assert_int_equal(v, 42);
    assert_int_equal(json_get_u32(&jc, root, "x", "absent", true, 1, 1000, &v), -1);
    assert_string_equal(err, "t.json: x.absent: missing (this key is required)");
    cJSON_Delete(root);
}

static void test_u64_precision(void **state)
{
    (void)state;
    cJSON *root = parse("{\"a\": 9007199254740991, \"b\": 9007199254740993, "
                        "\"c\": 10000000000}");
    struct json_ctx jc = ctx();
    uint64_t v = 0;
    assert_int_equal(json_get_u64(&jc, root, "", "a", true, 0, UINT64_MAX, &v), 0);
    assert_true(v == 9007199254740991ull);
    /* 2^53 + 1 cannot be held by a double: refused, not silently rounded. */
    assert_int_equal(json_get_u64(&jc, root, "", "b", true, 0, UINT64_MAX, &v), -1);
    assert_int_equal(json_get_u64(&jc, root, "", "c", true, 0, UINT64_MAX, &v), 0);
    assert_true(v == 10000000000ull);
    /* A u32 getter refuses what does not fit in 32 bits. */
    uint32_t w = 0;
    assert_int_equal(json_get_u32(&jc, root, "", "c", true, 0, UINT32_MAX, &w), -1);
    cJSON_Delete(root);
}

static void test_addr(void **state)
{
    (void)state;
    cJSON *root = parse("{\"hex\": \"0x80000000\", \"HEX\": \"0XFFFFFFFF\", \"dec\": \"4096\","
                        " \"num\": 268435456, \"us\": \"0x8000_1000\", \"over\": \"0x100000000\","
                        " \"bare\": \"0x\", \"junk\": \"12z\", \"neg\": -4, \"frac\": 1.5,"
                        " \"empty\": \"\", \"bignum\": 4294967296}");
    struct json_ctx jc = ctx();
    uint32_t a = 0;
    assert_int_equal(json_get_addr(&jc, root, "", "hex", true, &a), 0);
    assert_int_equal(a, 0x80000000u);
    assert_int_equal(json_get_addr(&jc, root, "", "HEX", true, &a), 0);
    assert_int_equal(a, 0xFFFFFFFFu);
    assert_int_equal(json_get_addr(&jc, root, "", "dec", true, &a), 0);
    assert_int_equal(a, 4096);
    assert_int_equal(json_get_addr(&jc, root, "", "num", true, &a), 0);
    assert_int_equal(a, 0x10000000u);
    assert_int_equal(json_get_addr(&jc, root, "", "us", true, &a), 0);
    assert_int_equal(a, 0x80001000u);
    static const char *const bad[] = { "over", "bare", "junk", "neg", "frac", "empty", "bignum" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        a = 1234;
        assert_int_equal(json_get_addr(&jc, root, "g", bad[i], true, &a), -1);
        assert_int_equal(a, 1234);
        assert_non_null(strstr(err, "expected a 32-bit address"));
        assert_non_null(strstr(err, bad[i]));
    }
    cJSON_Delete(root);
}

static void test_string_and_bool(void **state)
{
    (void)state;
    cJSON *root = parse("{\"s\": \"hello\", \"n\": 3, \"b\": false, \"q\": \"x\"}");
    struct json_ctx jc = ctx();
    char buf[6];
    assert_int_equal(json_get_string(&jc, root, "", "s", true, buf, sizeof buf), 0);
    assert_string_equal(buf, "hello");
    char small[5];
    assert_int_equal(json_get_string(&jc, root, "", "s", true, small, sizeof small), -1);
    assert_string_equal(err, "t.json: s: string too long (5 bytes, at most 4)");
    assert_int_equal(json_get_string(&jc, root, "", "n", true, buf, sizeof buf), -1);
    assert_string_equal(err, "t.json: n: expected a string, got 3");
    bool b = true;
    assert_int_equal(json_get_bool(&jc, root, "", "b", true, &b), 0);
    assert_false(b);
    assert_int_equal(json_get_bool(&jc, root, "", "q", true, &b), -1);
    assert_string_equal(err, "t.json: q: expected true or false, got the string \"x\"");
    cJSON_Delete(root);
}

static void test_parse_file(void **state)
{
    (void)state;
    char path[] = "/tmp/trapeze-test-json-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    static const char body[] = "{\"a\": 1}";
    assert_int_equal(write(fd, body, sizeof body - 1), (ssize_t)(sizeof body - 1));
    close(fd);

    struct json_ctx jc = { path, err, sizeof err };
    cJSON *root = json_parse_file(&jc, path, 64);
    assert_non_null(root);
    cJSON_Delete(root);
    /* One byte under the file size: refused as too large. */
    assert_null(json_parse_file(&jc, path, sizeof body - 2));
    assert_non_null(strstr(err, path));
    assert_non_null(strstr(err, "larger than 7 bytes"));
    unlink(path);

    jc.file = "/nonexistent/profile.json";
    assert_null(json_parse_file(&jc, jc.file, 64));
    assert_string_equal(err, "/nonexistent/profile.json: cannot open: No such file or directory");
}

static void test_deep_nesting(void **state)
{
    (void)state;
    /* cJSON limits nesting (CJSON_NESTING_LIMIT); deep input must fail
     * cleanly, never overflow the stack. */
    size_t depth = 100000;
    char *s = malloc(depth + 1);
    assert_non_null(s);
    memset(s, '[', depth);
    s[depth] = '\0';
    struct json_ctx jc = ctx();
    assert_null(json_parse(&jc, s, depth));
    assert_non_null(strstr(err, "syntax error"));
    free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_parse_ok),
        cmocka_unit_test(test_syntax_error_position),
        cmocka_unit_test(test_trailing_garbage),
        cmocka_unit_test(test_unterminated),
        cmocka_unit_test(test_nul_and_empty),
        cmocka_unit_test(test_not_terminated_buffer),
        cmocka_unit_test(test_check_keys),
        cmocka_unit_test(test_u32),
        cmocka_unit_test(test_u64_precision),
        cmocka_unit_test(test_addr),
        cmocka_unit_test(test_string_and_bool),
        cmocka_unit_test(test_parse_file),
        cmocka_unit_test(test_deep_nesting),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
