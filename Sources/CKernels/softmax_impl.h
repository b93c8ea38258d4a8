/* Row softmax / log-softmax and a vectorisable expf, instantiated per ISA like sgemm_impl.h
 * (the includer defines FN(name) and wraps the include in a target pragma). Plain branch-free
 * loops that clang vectorises for the target. */
#include <math.h>
#include <stdint.h>
#include <string.h>
#include "internal.h"

/* expf by range reduction (x = n*ln2 + r) and a degree-6 polynomial (Cephes coefficients),
   within 2 ulp of libm on the whole range; inf/NaN/underflow handled as IEEE expf. */
static void FN(exp_array)(float *restrict y, const float *restrict x, long n) {
  for (long i = 0; i < n; i++) {
    float v = x[i];
    float c = v > 88.7228390f ? 88.7228390f : v;
    c = c < -87.3365447504f ? -87.3365447504f : c;
    float fx = __builtin_floorf(c * 1.44269504088896341f + 0.5f);
    float r = c - fx * 0.693359375f;
    r = r - fx * -2.12194440e-4f;
    float r2 = r * r;
    float p = 1.9875691500E-4f;
    p = p * r + 1.3981999507E-3f;
    p = p * r + 8.3334519073E-3f;
    p = p * r + 4.1665795894E-2f;
    p = p * r + 1.6666665459E-1f;
    p = p * r + 5.0000001201E-1f;
    p = p * r2 + r + 1.0f;
    /* 2^n as 2^n1 * 2^n2 with both halves normal, so n = 128 and n = -126 stay exact */
    int32_t nn = (int32_t)fx;
    int32_t n1 = nn >> 1, n2 = nn - n1;
    uint32_t b1 = (uint32_t)(n1 + 127) << 23, b2 = (uint32_t)(n2 + 127) << 23;
    float s1, s2;
    memcpy(&s1, &b1, sizeof s1);
    memcpy(&s2, &b2, sizeof s2);
    float out = p * s1 * s2;
    out = v > 88.7228390f ? __builtin_inff() : out;
    out = v < -103.972084f ? 0.0f : out;
    out = v != v ? v : out;
    y[i] = out;
  }
}

/* Max of a row; NaN if any element is NaN (as TensorFlow's softmax propagates it). */
static inline float FN(row_max)(const float *x, long n) {
  float m = -__builtin_inff();
  int nan = 0;
  for (long i = 0; i < n; i++) {
    m = x[i] > m ? x[i] : m;
    nan |= x[i] != x[i];
  }
  return nan ? __builtin_nanf("") : m;
}

void FN(ck_softmax_rows)(const float *x, float *y, long rows, long cols, int logMode) {
  long n = rows * cols;
  float *e = ck_scratch((size_t)(n > 0 ? n : 1));
  if (!e) return;
  /* shift every row by its max, then one vectorised exp over the whole buffer (rows are short) */
  for (long r = 0; r < rows; r++) {
    const float *xr = x + r * cols;
    float *yr = y + r * cols;
    float m = FN(row_max)(xr, cols);
    if (m == -__builtin_inff()) m = 0.0f; /* all -inf: 0/0 = NaN below, as TensorFlow */
    for (long i = 0; i < cols; i++) yr[i] = xr[i] - m;
  }
  FN(exp_array)(e, y, n);
  for (long r = 0; r < rows; r++) {
    float *yr = y + r * cols;
    const float *er = e + r * cols;
    float s = 0.0f;
    for (long i = 0; i < cols; i++) s += er[i];
    if (logMode) {
      float ls = logf(s);
      for (long i = 0; i < cols; i++) yr[i] -= ls;
    } else {
      float inv = 1.0f / s;
      for (long i = 0; i < cols; i++) yr[i] = er[i] * inv;
    }
  }
}

void FN(ck_exp)(const float *x, float *y, long n) { FN(exp_array)(y, x, n); }

/* ---- TensorFlow-exact float math: the engine's FastMath (Eigen's Cephes exp/log), vectorised ----
 * The same operations in the same order as TFGraph's FastMath, with contraction into fused
 * multiply-adds switched off, so every result is bit-identical to the scalar Swift version. */

static inline __attribute__((always_inline)) float FN(tf_floor)(float x) {
#if defined(CK_HAS_ROUND)
  return __builtin_floorf(x); /* one vroundps (SSE4.1 and later): a shorter dependency chain */
#else
  /* floor without SSE4.1's round: exact for |x| < 2^22 (exp's argument is within +-128) */
  float r = (x + 12582912.0f) - 12582912.0f;
  return r > x ? r - 1.0f : r;
#endif
}

static inline __attribute__((always_inline)) float FN(tf_exp1)(float x0) {
#pragma clang fp contract(off)
  float x = x0 < -88.3762626647950f ? -88.3762626647950f : x0;
  x = x > 88.3762626647949f ? 88.3762626647949f : x;
  float fx = FN(tf_floor)(x * 1.44269504088896341f + 0.5f);
  x = x - fx * 0.693359375f + fx * 2.12194440e-4f;
  float z = x * x;
  float y = 1.9875691500e-4f;
  y = y * x + 1.3981999507e-3f;
  y = y * x + 8.3334519073e-3f;
  y = y * x + 4.1665795894e-2f;
  y = y * x + 1.6666665459e-1f;
  y = y * x + 5.0000001201e-1f;
  y = y * z + x + 1.0f;
  float biased = fx < -127.0f ? 0.0f : fx + 127.0f; /* a whole number in 0...255 */
  float t = biased + 8388608.0f;
  uint32_t tb;
  memcpy(&tb, &t, sizeof tb);
  uint32_t n = (tb - 0x4B000000u) << 23;
  float scale;
  memcpy(&scale, &n, sizeof scale);
  float r = y * scale;
  r = x0 > 88.3762626647949f ? __builtin_inff() : r;
  return x0 != x0 ? x0 : r;
}

static inline __attribute__((always_inline)) float FN(tf_log1)(float x0) {
#pragma clang fp contract(off)
  float xc = x0 < 1.17549435e-38f ? 1.17549435e-38f : x0;
  uint32_t bits;
  memcpy(&bits, &xc, sizeof bits);
  uint32_t eb = (bits >> 23) | 0x4B000000u, mb = (bits & 0x007FFFFFu) | 0x3F000000u;
  float ef, x;
  memcpy(&ef, &eb, sizeof ef);
  memcpy(&x, &mb, sizeof x);
  float e0 = ef - 8388734.0f;
  int small = x < 0.707106781186547524f;
  float e = small ? e0 - 1.0f : e0;
  x = (small ? x + x : x) - 1.0f;
  float z = x * x;
  float y = 7.0376836292e-2f;
  y = y * x - 1.1514610310e-1f;
  y = y * x + 1.1676998740e-1f;
  y = y * x - 1.2420140846e-1f;
  y = y * x + 1.4249322787e-1f;
  y = y * x - 1.6668057665e-1f;
  y = y * x + 2.0000714765e-1f;
  y = y * x - 2.4999993993e-1f;
  y = y * x + 3.3333331174e-1f;
  y = y * x * z;
  y = y - e * 2.12194440e-4f;
  y = y - z * 0.5f;
  float r = x + y + e * 0.693359375f;
  r = x0 == 0.0f ? -__builtin_inff() : r;
  r = x0 < 0.0f ? __builtin_nanf("") : r;
  return (x0 != x0 || x0 == __builtin_inff()) ? x0 : r;
}

void FN(ck_exp_tf)(const float *x, float *y, long n) {
  for (long i = 0; i < n; i++) y[i] = FN(tf_exp1)(x[i]);
}

void FN(ck_log_tf)(const float *x, float *y, long n) {
  for (long i = 0; i < n; i++) y[i] = FN(tf_log1)(x[i]);
}

/* Rows of at most this many columns go through ck_softmax_tf eight at a time, transposed. */
#ifndef SM_TILE_COLS
#define SM_TILE_COLS 64
#endif

/* ck_softmax_tf on 8 rows of `cols` <= SM_TILE_COLS: the rows are transposed into a cols x 8
   tile (one lane per row), so the max, the sum and the scaling run 8 rows wide instead of
   along a short row. Every element goes through the same operations in the same order as in
   the row-at-a-time loop below (max scan and sum in column order), so results are identical. */
static inline __attribute__((always_inline)) void FN(softmax_tf_tile8)(const float *x, float *y, long cols,
                                                                       int logMode) {
#pragma clang fp contract(off)
  float d[SM_TILE_COLS * 8] __attribute__((aligned(64)));
  float e[SM_TILE_COLS * 8] __attribute__((aligned(64)));
  float m[8], s[8];
  FN(transpose_pack)(8, cols, x, cols, d); /* d[c*8 + l] = x[l*cols + c] */
  for (int l = 0; l < 8; l++) m[l] = -__builtin_inff();
  for (long c = 0; c < cols; c++)
    for (int l = 0; l < 8; l++) {
      float v = d[c * 8 + l];
      m[l] = (v > m[l] || v != v) ? v : m[l];
    }
  for (long c = 0; c < cols; c++)
    for (int l = 0; l < 8; l++) d[c * 8 + l] = d[c * 8 + l] - m[l];
  /* whole vectors only (cols*8 is a multiple of 8): no scalar remainder loop */
#pragma clang loop vectorize_width(8) interleave_count(1)
  for (long i = 0; i < cols * 8; i++) e[i] = FN(tf_exp1)(d[i]);
  for (int l = 0; l < 8; l++) s[l] = 0.0f;
  for (long c = 0; c < cols; c++)
    for (int l = 0; l < 8; l++) s[l] += e[c * 8 + l];
  if (logMode) {
    float ls[8];
    for (int l = 0; l < 8; l++) ls[l] = FN(tf_log1)(s[l]);
    for (long c = 0; c < cols; c++)
      for (int l = 0; l < 8; l++) e[c * 8 + l] = d[c * 8 + l] - ls[l];
  } else {
    float inv[8];
    for (int l = 0; l < 8; l++) inv[l] = 1.0f / s[l];
    for (long c = 0; c < cols; c++)
      for (int l = 0; l < 8; l++) e[c * 8 + l] *= inv[l];
  }
  FN(transpose_pack)(cols, 8, e, 8, y); /* y[l*cols + c] = e[c*8 + l] */
}


/* The engine's Softmax/LogSoftmax kernel: per row, subtract the (NaN-propagating) maximum,
   exponentiate, sum in column order, then scale by 1/sum or subtract log(sum). */
void FN(ck_softmax_tf)(const float *x, float *y, long rows, long cols, int logMode) {
#pragma clang fp contract(off)
  if (cols <= SM_TILE_COLS) {
    long r0 = 0;
    if (logMode)
      for (; r0 + 8 <= rows; r0 += 8) FN(softmax_tf_tile8)(x + r0 * cols, y + r0 * cols, cols, 1);
    else
      for (; r0 + 8 <= rows; r0 += 8) FN(softmax_tf_tile8)(x + r0 * cols, y + r0 * cols, cols, 0);
    x += r0 * cols;
    y += r0 * cols;
    rows -= r0;
  }
  for (long r = 0; r < rows; r++) {
    const float *row = x + r * cols;
    float *out = y + r * cols;
    float m = -__builtin_inff();
    for (long c = 0; c < cols; c++) m = (row[c] > m || row[c] != row[c]) ? row[c] : m;
    for (long c = 0; c < cols; c++) out[c] = row[c] - m;
  }
  FN(ck_exp_tf)(y, y, rows * cols);
  for (long r = 0; r < rows; r++) {
    const float *row = x + r * cols;
    float *out = y + r * cols;
    float s = 0.0f;
    for (long c = 0; c < cols; c++) s += out[c];
    if (logMode) {
      float ls = FN(tf_log1)(s);
      float m = -__builtin_inff();
      for (long c = 0; c < cols; c++) m = (row[c] > m || row[c] != row[c]) ? row[c] : m;
      for (long c = 0; c < cols; c++) out[c] = row[c] - m - ls;
    } else {
      float inv = 1.0f / s;
      for (long c = 0; c < cols; c++) out[c] *= inv;
    }
  }
}
