/* x86-64 sgemm variants compiled for AVX2+FMA and AVX-512F; chosen at run time in kernels.c. */
#include "internal.h"
#if defined(__x86_64__)

__attribute__((target("avx2,fma")))
void ck_sgemm_avx2(int transA, int transB, long m, long n, long k, float alpha,
                   const float *a, long lda, const float *b, long ldb,
                   float beta, float *c, long ldc) {
  ck_sgemm_generic(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

__attribute__((target("avx512f,avx2,fma")))
void ck_sgemm_avx512(int transA, int transB, long m, long n, long k, float alpha,
                     const float *a, long lda, const float *b, long ldb,
                     float beta, float *c, long ldc) {
  ck_sgemm_generic(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}
#endif
