/*
 * json.h — a validating layer over cJSON.
 *
 * Every getter reports problems as "FILE: json.path: what is wrong" (or
 * "FILE:LINE:COL: ..." for syntax errors), rejects wrong types, non-integer
 * or out-of-range numbers (cJSON's valuedouble is used, never valueint),
 * and objects are checked for unknown and duplicate keys.
 */
#ifndef TRAPEZE_JSON_H
#define TRAPEZE_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct cJSON;

struct json_ctx {
    const char *file;      /* name used in messages */
    char *err;
    size_t errlen;
};

/* Parse text; on a syntax error writes "FILE:LINE:COL: ..." and returns NULL. */
struct cJSON *json_parse(struct json_ctx *jc, const char *text, size_t len);
/* Read a whole file (at most max_bytes) and parse it. */
struct cJSON *json_parse_file(struct json_ctx *jc, const char *path, size_t max_bytes);

/* Report an error at a path; always returns -1. printf-style. */
int json_error(struct json_ctx *jc, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* `obj` at `path` must be an object whose keys are all in `allowed`
 * (NULL-terminated) and unique. 0 or -1. */
int json_check_keys(struct json_ctx *jc, const struct cJSON *obj, const char *path,
                    const char *const *allowed);

/* Typed getters. `required` = false leaves *out untouched if the key is absent.
 * Return 0 (found or absent-and-optional) or -1 (error reported). */
int json_get_u64(struct json_ctx *jc, const struct cJSON *obj, const char *path,
                 const char *key, bool required, uint64_t min, uint64_t max, uint64_t *out);
int json_get_u32(struct json_ctx *jc, const struct cJSON *obj, const char *path,
                 const char *key, bool required, uint32_t min, uint32_t max, uint32_t *out);
int json_get_string(struct json_ctx *jc, const struct cJSON *obj, const char *path,
                    const char *key, bool required, char *out, size_t outlen);
/* Hex or decimal string ("0x80000000") or integer number, as an address. */
int json_get_addr(struct json_ctx *jc, const struct cJSON *obj, const char *path,
                  const char *key, bool required, uint32_t *out);
int json_get_bool(struct json_ctx *jc, const struct cJSON *obj, const char *path,
                  const char *key, bool required, bool *out);

#endif
