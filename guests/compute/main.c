/*
 * compute — a CPU-bound kernel: almost all of its time is ordinary
 * instructions, almost none is privileged.
 *
 * Demonstrates the best case for trap-and-emulate virtualization: code that
 * never traps runs at native speed under a VMM, so the overhead measured for
 * this guest should be close to zero (only boot, console and shutdown trap).
 * It runs three classic kernels with self-checks and prints a checksum:
 *   - a sieve of Eratosthenes up to 100000 (must find 9592 primes),
 *   - CRC-32 (IEEE 802.3, reflected) over 64 KiB of pseudo-random bytes,
 *     after checking the standard test vector "123456789" -> 0xCBF43926,
 *   - a 48x48 integer matrix multiply, checked against A * I == A,
 * plus a division-heavy loop, so the cost model's ALU, load/store, branch,
 * multiply and divide classes all appear in the figures.
 */
#include "kernel.h"

#define SIEVE_LIMIT        100000u
#define SIEVE_PRIME_COUNT  9592u      /* pi(100000) */
#define CRC_BYTES          (64u * 1024u)
#define CRC_POLY_REFLECTED 0xEDB88320u
#define CRC_CHECK_VALUE    0xCBF43926u  /* CRC-32 of "123456789" */
#define MAT_N              48u
#define DIV_TERMS          20000u
#define XORSHIFT_SEED      0x12345678u
#define FNV_OFFSET         0x811C9DC5u
#define FNV_PRIME          0x01000193u

static uint8_t composite[SIEVE_LIMIT + 1];
static uint8_t crc_data[CRC_BYTES];
static uint32_t crc_table[256];
static int32_t mat_a[MAT_N][MAT_N], mat_b[MAT_N][MAT_N], mat_c[MAT_N][MAT_N];

static uint32_t fnv_mix(uint32_t h, uint32_t v)
{
    for (int i = 0; i < 4; i++) {
        h ^= (v >> (8 * i)) & 0xFFu;
        h *= FNV_PRIME;
    }
    return h;
}

static uint32_t xorshift32(uint32_t *state)
{
    uint32_t x = *state;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *state = x;
}

static uint32_t sieve(uint32_t *sum)
{
    uint32_t count = 0;
    *sum = 0;
    for (uint32_t i = 2; i <= SIEVE_LIMIT; i++) {
        if (composite[i])
            continue;
        count++;
        *sum += i;
        for (uint32_t j = i * i; i <= SIEVE_LIMIT / i && j <= SIEVE_LIMIT; j += i)
            composite[j] = 1;
    }
    return count;
}

static void crc_init(void)
{
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++)
            c = (c & 1) ? CRC_POLY_REFLECTED ^ (c >> 1) : c >> 1;
        crc_table[n] = c;
    }
}

static uint32_t crc32(const uint8_t *p, uint32_t n)
{
    uint32_t c = 0xFFFFFFFFu;
    for (uint32_t i = 0; i < n; i++)
        c = crc_table[(c ^ p[i]) & 0xFFu] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

static void matmul(int32_t c[MAT_N][MAT_N], int32_t a[MAT_N][MAT_N], int32_t b[MAT_N][MAT_N])
{
    for (uint32_t i = 0; i < MAT_N; i++)
        for (uint32_t j = 0; j < MAT_N; j++) {
            int32_t s = 0;
            for (uint32_t k = 0; k < MAT_N; k++)
                s += a[i][k] * b[k][j];
            c[i][j] = s;
        }
}

int kmain(const struct tz_bootinfo *bi)
{
    (void)bi;
    int pass = 1;
    uint32_t checksum = FNV_OFFSET;

    printf("compute: sieve of Eratosthenes up to %u\n", SIEVE_LIMIT);
    uint32_t prime_sum;
    uint32_t primes = sieve(&prime_sum);
    printf("compute:   %u primes, sum %u: %s\n", primes, prime_sum,
           primes == SIEVE_PRIME_COUNT ? "ok" : "WRONG");
    pass &= primes == SIEVE_PRIME_COUNT;
    checksum = fnv_mix(fnv_mix(checksum, primes), prime_sum);

    crc_init();
    static const char vector[] = "123456789";
    uint32_t check = crc32((const uint8_t *)vector, sizeof vector - 1);
    printf("compute: CRC-32 of \"123456789\" = %08x: %s\n", check,
           check == CRC_CHECK_VALUE ? "ok" : "WRONG");
    pass &= check == CRC_CHECK_VALUE;
    uint32_t seed = XORSHIFT_SEED;
    for (uint32_t i = 0; i < CRC_BYTES; i++)
        crc_data[i] = (uint8_t)xorshift32(&seed);
    uint32_t crc = crc32(crc_data, CRC_BYTES);
    printf("compute:   CRC-32 of %u pseudo-random bytes = %08x\n", CRC_BYTES, crc);
    checksum = fnv_mix(checksum, crc);

    printf("compute: %ux%u matrix multiply\n", MAT_N, MAT_N);
    for (uint32_t i = 0; i < MAT_N; i++)
        for (uint32_t j = 0; j < MAT_N; j++) {
            mat_a[i][j] = (int32_t)(xorshift32(&seed) % 201u) - 100;
            mat_b[i][j] = i == j;
        }
    matmul(mat_c, mat_a, mat_b);
    int identity_ok = memcmp(mat_a, mat_c, sizeof mat_a) == 0;
    printf("compute:   A * I == A: %s\n", identity_ok ? "ok" : "WRONG");
    pass &= identity_ok;
    for (uint32_t i = 0; i < MAT_N; i++)
        for (uint32_t j = 0; j < MAT_N; j++)
            mat_b[i][j] = (int32_t)(xorshift32(&seed) % 201u) - 100;
    matmul(mat_c, mat_a, mat_b);
    int32_t trace = 0;
    uint32_t mat_hash = FNV_OFFSET;
    for (uint32_t i = 0; i < MAT_N; i++) {
        trace += mat_c[i][i];
        for (uint32_t j = 0; j < MAT_N; j++)
            mat_hash = fnv_mix(mat_hash, (uint32_t)mat_c[i][j]);
    }
    printf("compute:   trace(A * B) = %d, hash %08x\n", trace, mat_hash);
    checksum = fnv_mix(fnv_mix(checksum, (uint32_t)trace), mat_hash);

    /* Division and remainder: sum of floor(DIV_TERMS^2 / k) and k mod 7. */
    uint32_t quot_sum = 0, rem_sum = 0;
    for (uint32_t k = 1; k <= DIV_TERMS; k++) {
        quot_sum += (DIV_TERMS * DIV_TERMS) / k;
        rem_sum += (quot_sum ^ k) % 7u;
    }
    printf("compute: division loop: %u, %u\n", quot_sum, rem_sum);
    checksum = fnv_mix(fnv_mix(checksum, quot_sum), rem_sum);

    printf("compute: %s checksum %08x\n", pass ? "PASS" : "FAIL", checksum);
    return pass ? 0 : 1;
}
