#ifndef MNIST_SHELL_CKERNELS_INTERNAL_H
#define MNIST_SHELL_CKERNELS_INTERNAL_H
/* Per-ISA entry points behind the dispatchers in kernels.c (not part of the public header). */

void ck_sgemm_generic(int transA, int transB, long m, long n, long k, float alpha,
                      const float *a, long lda, const float *b, long ldb,
                      float beta, float *c, long ldc);
#if defined(__x86_64__)
void ck_sgemm_avx2(int transA, int transB, long m, long n, long k, float alpha,
                   const float *a, long lda, const float *b, long ldb,
                   float beta, float *c, long ldc);
void ck_sgemm_avx512(int transA, int transB, long m, long n, long k, float alpha,
                     const float *a, long lda, const float *b, long ldb,
                     float beta, float *c, long ldc);
void ck_sgemm_avx512layout(int transA, int transB, long m, long n, long k, float alpha,
                           const float *a, long lda, const float *b, long ldb,
                           float beta, float *c, long ldc);
#endif
#endif
