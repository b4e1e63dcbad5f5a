// Which of 64 bytes end an unquoted CSV field's plain run, as one bit each: the vector
// compare and byte-mask instructions Swift does not expose. Header-only: nothing to link.
#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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
    uint64_t mask = 0;
    for (int i = 0; i < 64; i++) {
        uint8_t c = p[i];
        if (c == delimiter || c == '\n' || c == '\r' || c == '"' || c >= 0x80) mask |= (uint64_t)1 << i;
    }
    return mask;
#endif
}
