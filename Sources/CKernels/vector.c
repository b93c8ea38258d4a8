/* Optimizer updates: a portable loop and an AVX2 one chosen at run time, both computing
   y - alpha * x with two roundings (contraction into FMA is off), so they agree bit for bit with
   each other and with the Swift loop they replace. */
#include "ck_vector.h"
#include "ck_pixels.h"
#include "ckernels.h"
#include "internal.h"
#include <string.h>

#pragma clang fp contract(off)

void ck_sub_scaled_portable(float *y, const float *x, float alpha, ptrdiff_t n) {
  for (ptrdiff_t i = 0; i < n; i++) y[i] = y[i] - alpha * x[i];
}

#if defined(__x86_64__)
#include <immintrin.h>
__attribute__((target("avx2")))
static void sub_scaled_avx2(float *y, const float *x, float alpha, ptrdiff_t n) {
  const __m256 a = _mm256_set1_ps(alpha);
  ptrdiff_t i = 0;
  for (; i + 16 <= n; i += 16) {
    __m256 p0 = _mm256_mul_ps(a, _mm256_loadu_ps(x + i)), p1 = _mm256_mul_ps(a, _mm256_loadu_ps(x + i + 8));
    _mm256_storeu_ps(y + i, _mm256_sub_ps(_mm256_loadu_ps(y + i), p0));
    _mm256_storeu_ps(y + i + 8, _mm256_sub_ps(_mm256_loadu_ps(y + i + 8), p1));
  }
  for (; i < n; i++) y[i] = y[i] - alpha * x[i];
}
#endif

void ck_sub_scaled(float *y, const float *x, float alpha, ptrdiff_t n) {
#if defined(__x86_64__)
  if (ck_pixels_avx2()) { sub_scaled_avx2(y, x, alpha, n); return; }
#endif
  ck_sub_scaled_portable(y, x, alpha, n);
}

void ck_xent_rows(const float *y, const float *labels, const float *logs, long rows, long cols, float g,
                  int labelsFirst, float *out, float *total, float *scratch) {
  float *s = scratch, *d = scratch + rows;
  long n = rows * cols;
  for (long r = 0; r < 2 * rows; r++) scratch[r] = 0.0f;
  /* Column by column over all rows: each row's sum keeps its order, and the rows' chains of
     additions are independent of each other. */
  for (long c = 0; c < cols; c++) {
    const float *pl = labels + c, *pg = logs + c;
    if (labelsFirst) {
      for (long r = 0; r < rows; r++) s[r] = s[r] + pl[r * cols] * pg[r * cols];
    } else {
      for (long r = 0; r < rows; r++) s[r] = s[r] + pg[r * cols] * pl[r * cols];
    }
  }
  float t = 0.0f;
  for (long r = 0; r < rows; r++) t = t + -s[r];
  *total = t;
  if (labelsFirst) {
    for (long i = 0; i < n; i++) out[i] = labels[i] * g * (1.0f / y[i]);
  } else {
    for (long i = 0; i < n; i++) out[i] = g * labels[i] * (1.0f / y[i]);
  }
  for (long c = 0; c < cols; c++) {
    const float *po = out + c, *py = y + c;
    for (long r = 0; r < rows; r++) d[r] = d[r] + po[r * cols] * py[r * cols];
  }
  for (long r = 0; r < rows; r++) {
    float dr = d[r];
    float *o = out + r * cols;
    const float *py = y + r * cols;
    for (long c = 0; c < cols; c++) o[c] = (o[c] - dr) * py[c];
  }
}

/* ---- the tutorial's loss and its gradient, rows shared with the helper thread ---- */

typedef struct {
  const float *x, *labels;
  long rows, cols;
  float g;
  int labelsFirst;
  float *sm, *logs, *grad, *s;
} xent_job;

/* Rows [r0, r0 + r): softmax, log, then ck_xent_rows on those rows (its per-row sums and the
   per-element gradient do not depend on the other rows), with the rows' scratch at 2 * r0 in
   the area after s; each row's sum is kept in s[row], for the caller's sum in row order. */
static void xent_range(const void *p, long r0, long r) {
  const xent_job *j = (const xent_job *)p;
  long cols = j->cols, off = r0 * cols;
  ck_softmax_tf(j->x + off, j->sm + off, r, cols, 0);
  ck_log_tf(j->sm + off, j->logs + off, r * cols);
  float *scratch = j->s + j->rows + 2 * r0, part;
  ck_xent_rows(j->sm + off, j->labels + off, j->logs + off, r, cols, j->g, j->labelsFirst, j->grad + off, &part,
               scratch);
  memcpy(j->s + r0, scratch, (size_t)r * sizeof(float));
}

/* Losses of at least this many floats are shared with the helper (the step's is 1,000: about
   6 us on one core, where the helper would otherwise wait between the two products), unless it
   has background work then (the next batch's gather in a training loop, which it would only
   put off). */
#define XENT_SPLIT_MIN 512

void ck_fused_xent(const float *x, const float *labels, long rows, long cols, float g, int labelsFirst,
                   float *sm, float *logs, float *grad, float *scratch, float *total) {
  if (rows <= 0 || cols <= 0) {
    *total = 0.0f;
    return;
  }
  xent_job j = {x, labels, rows, cols, g, labelsFirst, sm, logs, grad, scratch};
  if (!(rows * cols >= XENT_SPLIT_MIN && !ck_pool_background_pending() && ck_split_rows(rows, 8, xent_range, &j)))
    xent_range(&j, 0, rows);
  float t = 0.0f;
  for (long r = 0; r < rows; r++) t = t + -scratch[r];
  *total = t;
}
