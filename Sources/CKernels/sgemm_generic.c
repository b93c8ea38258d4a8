/* Portable sgemm: plain C the compiler can auto-vectorise for the baseline ISA. */
#include "internal.h"
#include <stdlib.h>

/* Scales C by beta (beta == 0 clears it, without reading NaNs). */
static void scale_c(long m, long n, float beta, float *c, long ldc) {
  for (long i = 0; i < m; i++) {
    float *ci = c + i * ldc;
    if (beta == 0.0f) for (long j = 0; j < n; j++) ci[j] = 0.0f;
    else if (beta != 1.0f) for (long j = 0; j < n; j++) ci[j] *= beta;
  }
}

void ck_sgemm_generic(int transA, int transB, long m, long n, long k, float alpha,
                      const float *a, long lda, const float *b, long ldb,
                      float beta, float *c, long ldc) {
  scale_c(m, n, beta, c, ldc);
  if (k <= 0 || alpha == 0.0f) return;
  /* With B not transposed, C[i,:] += sum_p alpha*A(i,p) * B[p,:] streams rows of B.
     For transposed B we first copy it into a k x n buffer so the same loop applies. */
  const float *bb = b;
  long ldbb = ldb;
  float *tmp = NULL;
  if (transB) {
    tmp = (float *)malloc(sizeof(float) * (size_t)k * (size_t)n);
    if (!tmp) return;
    for (long p = 0; p < k; p++)
      for (long j = 0; j < n; j++) tmp[p * n + j] = b[j * ldb + p];
    bb = tmp;
    ldbb = n;
  }
  for (long i = 0; i < m; i++) {
    float *restrict ci = c + i * ldc;
    for (long p = 0; p < k; p++) {
      float av = alpha * (transA ? a[p * lda + i] : a[i * lda + p]);
      const float *restrict bp = bb + p * ldbb;
      for (long j = 0; j < n; j++) ci[j] += av * bp[j];
    }
  }
  free(tmp);
}
