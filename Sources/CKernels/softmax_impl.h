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
