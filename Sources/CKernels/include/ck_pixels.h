#ifndef MNIST_SHELL_CK_PIXELS_H
#define MNIST_SHELL_CK_PIXELS_H
/* Byte pixels to float32: dst = (float)src * scale, one rounding (the same floats as a scalar
   loop), with AVX2 when the CPU has it. */
#include <stddef.h>
#include <stdint.h>

/* dst[i] = (float)src[i] * scale for i < n. */
void ck_bytes_to_floats(const uint8_t *src, ptrdiff_t n, float scale, float *dst);

/* For k < count: row rows[k] of base (rowSize bytes each) to dst + k * rowSize floats.
   Touches every row first so their cache misses overlap (rows are scattered when shuffled).
   ck_async_gather (ck_async.h) runs it on the helper thread instead. */
void ck_gather_bytes_to_floats(const uint8_t *base, ptrdiff_t rowSize, const ptrdiff_t *rows,
                               ptrdiff_t count, float scale, float *dst);

/* 1 if the AVX2 path is used on this CPU. */
int ck_pixels_avx2(void);

#endif
