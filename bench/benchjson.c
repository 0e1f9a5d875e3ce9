/*
 * benchjson.c — flatten a `trapeze --json` figures file into lines the
 * bench script can read with plain shell tools.
 *
 *   benchjson FILE
 *
 * Prints every number (and every string) in the JSON document as one line
 *
 *     dotted.path value
 *
 * e.g. "instructions 1003401211", "exceptions.ecall_from_u 5000001".
 * Keys are printed as they are, whatever the simulator chooses to report,
 * so new counters show up without changing this tool. Arrays use their
 * index as the path component. Booleans print as true/false, null as null.
 *
 * A file that cannot be read or is not JSON gives a message naming the file
 * and exit status 1.
 */
#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FILE_BYTES (64L * 1024 * 1024)  /* figures files are a few KiB */
#define PATH_MAX_LEN   512
/* Doubles hold integers exactly up to 2^53: print those without a fraction. */
#define EXACT_INT_LIMIT 9007199254740992.0

static void print_value(const char *path, const cJSON *v)
{
    if (cJSON_IsNumber(v)) {
        double d = v->valuedouble;
        if (d == floor(d) && fabs(d) <= EXACT_INT_LIMIT)
            printf("%s %.0f\n", path, d);
        else
            printf("%s %.9g\n", path, d);
    } else if (cJSON_IsString(v)) {
        printf("%s %s\n", path, v->valuestring);
    } else if (cJSON_IsBool(v)) {
        printf("%s %s\n", path, cJSON_IsTrue(v) ? "true" : "false");
    } else if (cJSON_IsNull(v)) {
        printf("%s null\n", path);
    }
}

static void walk(const char *path, const cJSON *node)
{
    if (!cJSON_IsObject(node) && !cJSON_IsArray(node)) {
        print_value(path, node);
        return;
    }
    int index = 0;
    for (const cJSON *c = node->child; c; c = c->next, index++) {
        char sub[PATH_MAX_LEN];
        char idx[16];
        const char *name = c->string;
        if (cJSON_IsArray(node)) {
            snprintf(idx, sizeof idx, "%d", index);
            name = idx;
        }
        if (*path)
            snprintf(sub, sizeof sub, "%s.%s", path, name);
        else
            snprintf(sub, sizeof sub, "%s", name);
        walk(sub, c);
    }
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: benchjson FILE\n");
        return 2;
    }
    const char *path = argv[1];
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "benchjson: %s: cannot open: %s\n", path, strerror(errno));
        return 1;
    }
    char *buf = malloc((size_t)MAX_FILE_BYTES + 1);
    if (!buf) {
        fclose(f);
        fprintf(stderr, "benchjson: out of memory\n");
        return 1;
    }
    size_t n = fread(buf, 1, (size_t)MAX_FILE_BYTES + 1, f);
    int read_error = ferror(f);
    fclose(f);
    if (read_error || n > (size_t)MAX_FILE_BYTES) {
        fprintf(stderr, "benchjson: %s: %s\n", path,
                read_error ? "read error" : "larger than 64 MiB, not a figures file");
        free(buf);
        return 1;
    }
    buf[n] = '\0';
    cJSON *root = cJSON_ParseWithLength(buf, n);
    if (!root) {
        const char *at = cJSON_GetErrorPtr();
        fprintf(stderr, "benchjson: %s: not valid JSON (near byte %ld)\n", path,
                at ? (long)(at - buf) : 0L);
        free(buf);
        return 1;
    }
    if (!cJSON_IsObject(root)) {
        fprintf(stderr, "benchjson: %s: the top level is not a JSON object\n", path);
        cJSON_Delete(root);
        free(buf);
        return 1;
    }
    walk("", root);
    cJSON_Delete(root);
    free(buf);
    return 0;
}
