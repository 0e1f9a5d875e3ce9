/*
 * intwork.c — a CPU-bound integer workload: four classic kernels that
 * together exercise what real integer code does.
 *
 *   sieve   — Sieve of Eratosthenes: byte loads/stores, short loops, branches
 *   crc32   — table-driven CRC-32 (IEEE 802.3, reflected): loads, shifts, xor
 *   matmul  — integer matrix multiply: mul, strided loads
 *   gcd     — Euclid's algorithm with `%` on unsigned values: remu
 *
 * Each round perturbs its inputs with the round number, so no round can be
 * skipped or hoisted by a compiler and every round's result feeds the
 * checksum. The data spans about 30 pages of 4 KiB on purpose: the Sv32
 * variant of this workload then exercises the TLB model, not just one entry.
 *
 * Plain C, no library calls: compiled for rv32ima and run bare-metal.
 */
#include "intwork.h"

#define SIEVE_LIMIT   65536u            /* bytes of sieve: 16 pages */
#define SIEVE_JITTER  255u              /* per-round variation of the limit */
#define CRC_BYTES     32768u            /* CRC buffer: 8 pages */
#define CRC_POLY      0xEDB88320u       /* CRC-32 polynomial, reflected form */
#define CRC_INIT      0xFFFFFFFFu
#define MAT_N         32u               /* three 32x32 matrices of 4 KiB each */
#define GCD_PAIRS     1024u

/* Numerical Recipes' 32-bit LCG: a cheap, fully deterministic data source. */
#define LCG_MUL       1664525u
#define LCG_ADD       1013904223u
/* Golden-ratio constant for mixing results into the checksum. */
#define MIX_MUL       0x9E3779B9u
#define MIX_ROT       5u

static uint8_t sieve_flags[SIEVE_LIMIT];
static uint8_t crc_buf[CRC_BYTES];
static uint32_t crc_table[256];
static uint32_t mat_a[MAT_N][MAT_N], mat_b[MAT_N][MAT_N], mat_c[MAT_N][MAT_N];

static uint32_t lcg(uint32_t *state)
{
    *state = *state * LCG_MUL + LCG_ADD;
    return *state;
}

static uint32_t mix(uint32_t sum, uint32_t v)
{
    sum ^= v;
    sum = (sum << MIX_ROT) | (sum >> (32u - MIX_ROT));
    return sum * MIX_MUL;
}

/* Number of primes below `limit`. */
static uint32_t sieve(uint32_t limit)
{
    for (uint32_t i = 0; i < limit; i++)
        sieve_flags[i] = 1;
    sieve_flags[0] = sieve_flags[1] = 0;
    for (uint32_t p = 2; p * p < limit; p++) {
        if (!sieve_flags[p])
            continue;
        for (uint32_t m = p * p; m < limit; m += p)
            sieve_flags[m] = 0;
    }
    uint32_t count = 0;
    for (uint32_t i = 0; i < limit; i++)
        count += sieve_flags[i];
    return count;
}

static void crc_init_table(void)
{
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++)
            c = (c & 1u) ? (CRC_POLY ^ (c >> 1)) : (c >> 1);
        crc_table[n] = c;
    }
}

static uint32_t crc32(const uint8_t *p, uint32_t len)
{
    uint32_t c = CRC_INIT;
    for (uint32_t i = 0; i < len; i++)
        c = crc_table[(c ^ p[i]) & 0xFFu] ^ (c >> 8);
    return c ^ CRC_INIT;
}

/* C = A * B (mod 2^32); returns the trace of C. */
static uint32_t matmul(void)
{
    for (uint32_t i = 0; i < MAT_N; i++)
        for (uint32_t j = 0; j < MAT_N; j++) {
            uint32_t s = 0;
            for (uint32_t k = 0; k < MAT_N; k++)
                s += mat_a[i][k] * mat_b[k][j];
            mat_c[i][j] = s;
        }
    uint32_t trace = 0;
    for (uint32_t i = 0; i < MAT_N; i++)
        trace += mat_c[i][i];
    return trace;
}

static uint32_t gcd(uint32_t a, uint32_t b)
{
    while (b != 0) {
        uint32_t t = a % b;
        a = b;
        b = t;
    }
    return a;
}

uint32_t intwork_run(uint32_t rounds)
{
    uint32_t seed = 1;
    uint32_t sum = 0;

    crc_init_table();
    for (uint32_t i = 0; i < CRC_BYTES; i++)
        crc_buf[i] = (uint8_t)(lcg(&seed) >> 24);
    for (uint32_t i = 0; i < MAT_N; i++)
        for (uint32_t j = 0; j < MAT_N; j++) {
            mat_a[i][j] = lcg(&seed);
            mat_b[i][j] = lcg(&seed);
        }

    for (uint32_t r = 0; r < rounds; r++) {
        sum = mix(sum, sieve(SIEVE_LIMIT - (r & SIEVE_JITTER)));

        crc_buf[(r * LCG_MUL) % CRC_BYTES] ^= (uint8_t)(r + 1);
        sum = mix(sum, crc32(crc_buf, CRC_BYTES));

        mat_a[r % MAT_N][(r / MAT_N) % MAT_N] += r;
        sum = mix(sum, matmul());

        uint32_t g = 0;
        for (uint32_t i = 0; i < GCD_PAIRS; i++) {
            uint32_t a = lcg(&seed) | 1u, b = lcg(&seed) >> 8;
            g += gcd(a, b);
        }
        sum = mix(sum, g);
    }
    return sum;
}
