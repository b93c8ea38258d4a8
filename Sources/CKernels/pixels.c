/* Byte pixels to float32, for MNIST's batches: a portable loop (vectorised by the compiler for
   the baseline ISA) and an AVX2 one chosen at run time. Both compute (float)v * scale with one
   rounding, so they give the same floats. */
#include "ck_pixels.h"

static void convert_portable(const uint8_t *src, ptrdiff_t n, float scale, float *dst) {
  for (ptrdiff_t i = 0; i < n; i++) dst[i] = (float)src[i] * scale;
}

#if defined(__x86_64__)
#include <immintrin.h>
__attribute__((target("avx2")))
static void convert_avx2(const uint8_t *src, ptrdiff_t n, float scale, float *dst) {
  const __m256 k = _mm256_set1_ps(scale);
  ptrdiff_t i = 0;
  for (; i + 32 <= n; i += 32) {
    __m128i a = _mm_loadu_si128((const __m128i *)(src + i));
    __m128i b = _mm_loadu_si128((const __m128i *)(src + i + 16));
    _mm256_storeu_ps(dst + i, _mm256_mul_ps(_mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(a)), k));
    _mm256_storeu_ps(dst + i + 8, _mm256_mul_ps(_mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(_mm_srli_si128(a, 8))), k));
    _mm256_storeu_ps(dst + i + 16, _mm256_mul_ps(_mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(b)), k));
    _mm256_storeu_ps(dst + i + 24, _mm256_mul_ps(_mm256_cvtepi32_ps(_mm256_cvtepu8_epi32(_mm_srli_si128(b, 8))), k));
  }
  for (; i < n; i++) dst[i] = (float)src[i] * scale;
}

int ck_pixels_avx2(void) {
  static int cached = -1;
  int known = __atomic_load_n(&cached, __ATOMIC_RELAXED);
  if (known < 0) {
    __builtin_cpu_init();
    known = __builtin_cpu_supports("avx2") ? 1 : 0;
    __atomic_store_n(&cached, known, __ATOMIC_RELAXED);
  }
  return known;
}
#else
int ck_pixels_avx2(void) { return 0; }
#endif

static void convert(const uint8_t *src, ptrdiff_t n, float scale, float *dst, int avx2) {
#if defined(__x86_64__)
  if (avx2) { convert_avx2(src, n, scale, dst); return; }
#endif
  (void)avx2;
  convert_portable(src, n, scale, dst);
}

void ck_bytes_to_floats(const uint8_t *src, ptrdiff_t n, float scale, float *dst) {
  convert(src, n, scale, dst, ck_pixels_avx2());
}

void ck_gather_bytes_to_floats(const uint8_t *base, ptrdiff_t rowSize, const ptrdiff_t *rows,
                               ptrdiff_t count, float scale, float *dst) {
  if (rowSize <= 0) return;
  /* One load per 64-byte line of every row, none depending on another: the misses overlap. */
  volatile uint8_t sink;
  uint8_t touched = 0;
  for (ptrdiff_t k = 0; k < count; k++) {
    const uint8_t *row = base + rows[k] * rowSize;
    for (ptrdiff_t o = 0; o < rowSize; o += 64) touched += row[o];
    touched += row[rowSize - 1];
  }
  sink = touched;
  (void)sink;
  int avx2 = ck_pixels_avx2();
  for (ptrdiff_t k = 0; k < count; k++) convert(base + rows[k] * rowSize, rowSize, scale, dst + k * rowSize, avx2);
}
