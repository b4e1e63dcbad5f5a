// Which of 64 bytes end an unquoted CSV field's plain run, as one bit each: the vector
// compare and byte-mask instructions Swift does not expose. Header-only: nothing to link.
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// 0x80 in each byte of x that is zero, and in no other: exact, unlike the borrow trick,
/// which also flags a byte above a zero one.
static inline uint64_t csv_zero_bytes(uint64_t x) {
    uint64_t y = (x & 0x7F7F7F7F7F7F7F7FULL) + 0x7F7F7F7F7F7F7F7FULL;
    return ~(y | x | 0x7F7F7F7F7F7F7F7FULL);
}

/// The same mask as csv_stop_mask64, eight bytes at a time in plain integers (little-endian):
/// what a machine without SSE2 uses, and what the tests hold the vector version to.
static inline uint64_t csv_stop_mask64_portable(const uint8_t *p, uint8_t delimiter) {
    const uint64_t ones = 0x0101010101010101ULL;
    uint64_t mask = 0;
    for (int k = 0; k < 8; k++) {
        uint64_t w;
        memcpy(&w, p + 8 * k, 8);
        uint64_t stops = csv_zero_bytes(w ^ (ones * delimiter)) | csv_zero_bytes(w ^ (ones * '\n'))
                       | csv_zero_bytes(w ^ (ones * '\r')) | csv_zero_bytes(w ^ (ones * '"')) | (w & 0x8080808080808080ULL);
        // Each byte's flag (its top bit) gathered into one bit of the byte's place.
        mask |= (((stops >> 7) * 0x0102040810204080ULL) >> 56) << (8 * k);
    }
    return mask;
}

/// Bit i is set when p[i] is the delimiter, LF, CR, a quote or a byte ≥ 0x80 (i < 64; all 64 bytes must be readable).
static inline uint64_t csv_stop_mask64(const uint8_t *p, uint8_t delimiter) {
#if defined(__SSE2__)
    const __m128i d = _mm_set1_epi8((char)delimiter), lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r'), quote = _mm_set1_epi8('"');
    uint64_t mask = 0;
    for (int k = 0; k < 4; k++) {
        __m128i v = _mm_loadu_si128((const __m128i *)(p + 16 * k));
        __m128i stops = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, d), _mm_cmpeq_epi8(v, lf)),
                                     _mm_or_si128(_mm_cmpeq_epi8(v, cr), _mm_cmpeq_epi8(v, quote)));
        // A byte's own high bit marks it as non-ASCII.
        mask |= (uint64_t)(uint16_t)_mm_movemask_epi8(_mm_or_si128(stops, v)) << (16 * k);
    }
    return mask;
#else
    return csv_stop_mask64_portable(p, delimiter);
#endif
}
