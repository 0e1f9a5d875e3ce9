/*
 * json.c — a validating layer over cJSON for every JSON file trapeze reads
 * (machine profiles, scenarios).
 *
 * cJSON parses permissively: it keeps duplicate keys, stores every number as
 * a double, and reports a syntax error only as a pointer into the text. The
 * functions here turn that into strict, teachable errors:
 *
 *   profile.json:3:17: syntax error near ', }'
 *   profile.json: cycles.div: expected an integer from 0 to 100000, got 2.5
 *   profile.json: cycles: unknown key "dvi" (allowed: alu, branch, ...)
 *
 * Numbers are read from valuedouble and checked to be finite, integral and in
 * range before they are converted (valueint saturates silently and would turn
 * 1e30 into INT_MAX). Integers above 2^53 are refused because a double cannot
 * hold them exactly, so "what you wrote" and "what we read" could differ.
 */
#include "json.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

/* Largest integer read from JSON: 2^53 - 1. cJSON parses numbers with
 * strtod into a double, and from 2^53 on neighbouring integers share one
 * double (9007199254740993 reads back as ...992), so they are refused. */
#define JSON_EXACT_INT_MAX 9007199254740991ull

/* How much of the text after a syntax error is quoted in the message. */
#define JSON_SNIPPET_CHARS 16

/* Longest dotted path ("cycles.page_walk_level") built for messages. */
#define JSON_PATH_MAX 256

/* ---- messages ----------------------------------------------------------- */

static const char *file_name(const struct json_ctx *jc)
{
    return jc->file ? jc->file : "<json>";
}

static void vreport(struct json_ctx *jc, const char *path, const char *fmt, va_list ap)
{
    if (!jc->err || jc->errlen == 0)
        return;
    int n;
    if (path && path[0])
        n = snprintf(jc->err, jc->errlen, "%s: %s: ", file_name(jc), path);
    else
        n = snprintf(jc->err, jc->errlen, "%s: ", file_name(jc));
    if (n < 0)
        n = 0;
    if ((size_t)n < jc->errlen)
        vsnprintf(jc->err + n, jc->errlen - (size_t)n, fmt, ap);
    /* Keys and strings come from the file: keep control characters (a
     * newline, a terminal escape) out of a one-line message. */
    for (char *p = jc->err; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            *p = '?';
}

int json_error(struct json_ctx *jc, const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(jc, path, fmt, ap);
    va_end(ap);
    return -1;
}

/* "cycles" + "div" -> "cycles.div"; "" + "name" -> "name". */
static void join_path(char *out, size_t outlen, const char *path, const char *key)
{
    if (path && path[0])
        snprintf(out, outlen, "%s.%s", path, key);
    else
        snprintf(out, outlen, "%s", key);
}

/* Describe a value that had the wrong type or range, for "got ..." parts. */
static void describe(const cJSON *item, char *out, size_t outlen)
{
    if (cJSON_IsNumber(item)) {
        if (isfinite(item->valuedouble))
            snprintf(out, outlen, "%.17g", item->valuedouble);
        else
            snprintf(out, outlen, "a number too large to represent");
    } else if (cJSON_IsString(item)) {
        snprintf(out, outlen, "the string \"%.40s%s\"", item->valuestring,
                 strlen(item->valuestring) > 40 ? "..." : "");
    } else if (cJSON_IsTrue(item)) {
        snprintf(out, outlen, "true");
    } else if (cJSON_IsFalse(item)) {
        snprintf(out, outlen, "false");
    } else if (cJSON_IsNull(item)) {
        snprintf(out, outlen, "null");
    } else if (cJSON_IsArray(item)) {
        snprintf(out, outlen, "an array");
    } else if (cJSON_IsObject(item)) {
        snprintf(out, outlen, "an object");
    } else {
        snprintf(out, outlen, "an invalid value");
    }
}

/* Report at `where` that item is not what was wanted: "expected WHAT, got
 * <what it is>". Returns -1, as json_error does. */
static int expected(struct json_ctx *jc, const char *where, const cJSON *item, const char *what)
{
    char got[96];
    describe(item, got, sizeof got);
    return json_error(jc, where, "expected %s, got %s", what, got);
}

/* ---- parsing ------------------------------------------------------------ */

/* 1-based line and column of byte `off` in text (columns count bytes). */
static void line_col(const char *text, size_t off, unsigned long *line, unsigned long *col)
{
    unsigned long l = 1, c = 1;
    for (size_t i = 0; i < off; i++) {
        if (text[i] == '\n') {
            l++;
            c = 1;
        } else {
            c++;
        }
    }
    *line = l;
    *col = c;
}

static int syntax_error(struct json_ctx *jc, const char *text, size_t len, size_t off,
                        const char *what, bool quote)
{
    unsigned long line, col;
    if (off > len)
        off = len;
    /* cJSON often stops one byte past the offending token, which can leave
     * the position on a line break or at the end of the text; point at the
     * last real character before it instead, which is where a reader looks. */
    if (quote) {
        while (off > 0 && (off >= len || text[off] == ' ' || text[off] == '\t' ||
                           text[off] == '\n' || text[off] == '\r'))
            off--;
    }
    line_col(text, off, &line, &col);
    /* Quote a little of the text where parsing stopped, on one line. */
    char snip[JSON_SNIPPET_CHARS + 1];
    size_t n = 0;
    for (size_t i = off; i < len && n < JSON_SNIPPET_CHARS; i++) {
        char ch = text[i];
        if (ch == '\n' || ch == '\r')
            break;
        snip[n++] = (ch >= 0x20 && ch < 0x7f) ? ch : '?';
    }
    snip[n] = '\0';
    if (jc->err && jc->errlen) {
        if (!quote)
            snprintf(jc->err, jc->errlen, "%s:%lu:%lu: %s", file_name(jc), line, col, what);
        else if (n)
            snprintf(jc->err, jc->errlen, "%s:%lu:%lu: %s near '%s'", file_name(jc), line,
                     col, what, snip);
        else
            snprintf(jc->err, jc->errlen, "%s:%lu:%lu: %s at end of %s", file_name(jc),
                     line, col, what, off >= len ? "input" : "line");
    }
    return -1;
}

/* Does the text open more objects/arrays than it closes (strings skipped)?
 * Then a parse error is really a truncated file, and the message says so. */
static bool unclosed(const char *t, size_t len)
{
    long depth = 0;
    bool in_string = false;
    for (size_t i = 0; i < len; i++) {
        char c = t[i];
        if (in_string) {
            if (c == '\\')
                i++;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            depth++;
        } else if (c == '}' || c == ']') {
            depth--;
        }
    }
    return depth > 0 || in_string;
}

struct cJSON *json_parse(struct json_ctx *jc, const char *text, size_t len)
{
    if (!text || len == 0) {
        json_error(jc, NULL, "empty file (expected a JSON object)");
        return NULL;
    }
    /* cJSON stops at a NUL byte; a NUL in the middle would hide the rest of
     * the file, so refuse it rather than silently ignore what follows. */
    const char *nul = memchr(text, '\0', len);
    if (nul) {
        syntax_error(jc, text, len, (size_t)(nul - text), "NUL byte in JSON text", false);
        return NULL;
    }
    /*
     * cJSON 1.7.15 cJSON_ParseWithLengthOpts with require_null_terminated=1
     * accepts the text only if, after the value and trailing whitespace, the
     * byte at the current offset is '\0' *inside* buffer_length. So hand it
     * a copy with the terminator counted in the length. On failure it sets
     * *end to text + the offset where parsing stopped (clamped to length-1).
     */
    char *buf = malloc(len + 1);
    if (!buf) {
        json_error(jc, NULL, "out of memory reading %zu bytes", len);
        return NULL;
    }
    memcpy(buf, text, len);
    buf[len] = '\0';
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(buf, len + 1, &end, 1);
    if (!root) {
        size_t off = (end && end >= buf) ? (size_t)(end - buf) : 0;
        /* Parsing ran off the end of a file that leaves something open:
         * that is a truncated file, not a stray character. */
        size_t used = len;
        while (used > 0 && (buf[used - 1] == ' ' || buf[used - 1] == '\n' ||
                            buf[used - 1] == '\r' || buf[used - 1] == '\t'))
            used--;
        bool at_end = off + 1 >= used;
        syntax_error(jc, buf, len, off,
                     at_end && unclosed(buf, len)
                         ? "unexpected end of the file: a '{' or '[' is never closed"
                         : "syntax error",
                     true);
    }
    free(buf);
    return root;
}

struct cJSON *json_parse_file(struct json_ctx *jc, const char *path, size_t max_bytes)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        json_error(jc, NULL, "cannot open: %s", strerror(errno));
        return NULL;
    }
    /* Read at most max_bytes + 1 so an oversized file is detected without
     * trusting its size from stat (pipes and /proc files have none). */
    char *buf = malloc(max_bytes + 1);
    if (!buf) {
        fclose(f);
        json_error(jc, NULL, "out of memory");
        return NULL;
    }
    size_t got = fread(buf, 1, max_bytes + 1, f);
    int rd_err = ferror(f);
    int saved = errno;
    fclose(f);
    if (rd_err) {
        free(buf);
        json_error(jc, NULL, "read error: %s", strerror(saved));
        return NULL;
    }
    if (got > max_bytes) {
        free(buf);
        json_error(jc, NULL, "file is larger than %zu bytes", max_bytes);
        return NULL;
    }
    cJSON *root = json_parse(jc, buf, got);
    free(buf);
    return root;
}

/* ---- object shape ------------------------------------------------------- */

int json_check_keys(struct json_ctx *jc, const struct cJSON *obj, const char *path,
                    const char *const *allowed)
{
    if (!cJSON_IsObject(obj))
        return expected(jc, path, obj, "an object");
    size_t nallowed = 0;
    while (allowed[nallowed])
        nallowed++;
    /* One flag per allowed key: with unknown keys refused first, a duplicate
     * must be an allowed key seen twice, so this is linear in the object. */
    unsigned char *seen = calloc(nallowed ? nallowed : 1, 1);
    if (!seen)
        return json_error(jc, path, "out of memory");
    int rc = 0;
    for (const cJSON *it = obj->child; it; it = it->next) {
        const char *key = it->string ? it->string : "";
        size_t k = 0;
        while (k < nallowed && strcmp(allowed[k], key) != 0)
            k++;
        char where[JSON_PATH_MAX];
        join_path(where, sizeof where, path, key);
        if (k == nallowed) {
            /* List what is allowed: the usual cause is a typo. */
            char list[512];
            size_t used = 0;
            list[0] = '\0';
            for (size_t i = 0; i < nallowed && used < sizeof list; i++) {
                int n = snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "",
                                 allowed[i]);
                if (n < 0)
                    break;
                used += (size_t)n;
            }
            rc = json_error(jc, where, "unknown key (allowed: %s)", list);
            break;
        }
        if (seen[k]) {
            rc = json_error(jc, where, "duplicate key");
            break;
        }
        seen[k] = 1;
    }
    free(seen);
    return rc;
}

/* The member `key` of obj, or NULL; reports a missing required key and a
 * non-object container. *err is set when an error was reported. `where`
 * (JSON_PATH_MAX bytes) receives the member's path, for the caller's
 * messages about its value. */
static const cJSON *member(struct json_ctx *jc, const cJSON *obj, const char *path,
                           const char *key, bool required, char *where, int *err)
{
    *err = 0;
    join_path(where, JSON_PATH_MAX, path, key);
    if (!cJSON_IsObject(obj)) {
        *err = expected(jc, path, obj, "an object");
        return NULL;
    }
    const cJSON *it = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!it && required)
        *err = json_error(jc, where, "missing (this key is required)");
    return it;
}

/* ---- typed getters ------------------------------------------------------ */

/* Check that item is an integer in [min, max]; on error, report at `where`. */
static int integer_in_range(struct json_ctx *jc, const cJSON *item, const char *where,
                            uint64_t min, uint64_t max, uint64_t *out)
{
    if (max > JSON_EXACT_INT_MAX)
        max = JSON_EXACT_INT_MAX;
    double d = cJSON_IsNumber(item) ? item->valuedouble : 0.0;
    if (cJSON_IsNumber(item) && isfinite(d) && d == floor(d) && d >= (double)min &&
        d <= (double)max) {
        uint64_t v = (uint64_t)d;
        /* Exact: every integer up to 2^53 - 1 converts without rounding. */
        if (v >= min && v <= max) {
            *out = v;
            return 0;
        }
    }
    char what[64];
    snprintf(what, sizeof what, "an integer from %llu to %llu", (unsigned long long)min,
             (unsigned long long)max);
    return expected(jc, where, item, what);
}

int json_get_u64(struct json_ctx *jc, const struct cJSON *obj, const char *path,
                 const char *key, bool required, uint64_t min, uint64_t max, uint64_t *out)
{
    int err;
    char where[JSON_PATH_MAX];
    const cJSON *it = member(jc, obj, path, key, required, where, &err);
    if (!it)
        return err;
    return integer_in_range(jc, it, where, min, max, out);
}

int json_get_u32(struct json_ctx *jc, const struct cJSON *obj, const char *path,
                 const char *key, bool required, uint32_t min, uint32_t max, uint32_t *out)
{
    uint64_t v;
    int err;
    char where[JSON_PATH_MAX];
    const cJSON *it = member(jc, obj, path, key, required, where, &err);
    if (!it)
        return err;
    if (integer_in_range(jc, it, where, min, max, &v) != 0)
        return -1;
    *out = (uint32_t)v;
    return 0;
}

int json_get_string(struct json_ctx *jc, const struct cJSON *obj, const char *path,
                    const char *key, bool required, char *out, size_t outlen)
{
    int err;
    char where[JSON_PATH_MAX];
    const cJSON *it = member(jc, obj, path, key, required, where, &err);
    if (!it)
        return err;
    if (!cJSON_IsString(it) || !it->valuestring)
        return expected(jc, where, it, "a string");
    size_t n = strlen(it->valuestring);
    if (outlen == 0 || n >= outlen)
        return json_error(jc, where, "string too long (%zu bytes, at most %zu)", n,
                          outlen ? outlen - 1 : 0);
    memcpy(out, it->valuestring, n + 1);
    return 0;
}

/* Parse "0x1f" / "0X1F" (hex) or "1234" (decimal) into a 32-bit address. */
static int parse_addr_string(const char *s, uint32_t *out)
{
    unsigned base = 10;
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        base = 16;
        s += 2;
    }
    if (!*s)
        return -1;
    uint64_t v = 0;
    for (; *s; s++) {
        unsigned digit;
        if (*s >= '0' && *s <= '9')
            digit = (unsigned)(*s - '0');
        else if (base == 16 && *s >= 'a' && *s <= 'f')
            digit = (unsigned)(*s - 'a' + 10);
        else if (base == 16 && *s >= 'A' && *s <= 'F')
            digit = (unsigned)(*s - 'A' + 10);
        else if (*s == '_')
            continue;   /* "0x8000_0000" reads like the spec's tables */
        else
            return -1;
        v = v * base + digit;
        if (v > UINT32_MAX)
            return -1;
    }
    *out = (uint32_t)v;
    return 0;
}

int json_get_addr(struct json_ctx *jc, const struct cJSON *obj, const char *path,
                  const char *key, bool required, uint32_t *out)
{
    int err;
    char where[JSON_PATH_MAX];
    const cJSON *it = member(jc, obj, path, key, required, where, &err);
    if (!it)
        return err;
    if (cJSON_IsString(it) && it->valuestring) {
        uint32_t v;
        if (parse_addr_string(it->valuestring, &v) == 0) {
            *out = v;
            return 0;
        }
    } else if (cJSON_IsNumber(it)) {
        uint64_t v;
        char ignored[1];
        struct json_ctx quiet = { jc->file, ignored, 0 };
        if (integer_in_range(&quiet, it, where, 0, UINT32_MAX, &v) == 0) {
            *out = (uint32_t)v;
            return 0;
        }
    }
    return expected(jc, where, it,
                    "a 32-bit address (\"0x80000000\" or an integer below 2^32)");
}

int json_get_bool(struct json_ctx *jc, const struct cJSON *obj, const char *path,
                  const char *key, bool required, bool *out)
{
    int err;
    char where[JSON_PATH_MAX];
    const cJSON *it = member(jc, obj, path, key, required, where, &err);
    if (!it)
        return err;
    if (!cJSON_IsBool(it))
        return expected(jc, where, it, "true or false");
    *out = cJSON_IsTrue(it) != 0;
    return 0;
}
