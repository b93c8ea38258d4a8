#ifndef MNIST_SHELL_CKERNELS_INTERNAL_H
#define MNIST_SHELL_CKERNELS_INTERNAL_H
#include <stddef.h>
#include <stdint.h>
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

void ck_softmax_rows_generic(const float *x, float *y, long rows, long cols, int logMode);
void ck_exp_generic(const float *x, float *y, long n);
void ck_exp_tf_generic(const float *x, float *y, long n);
void ck_log_tf_generic(const float *x, float *y, long n);
void ck_softmax_tf_generic(const float *x, float *y, long rows, long cols, int logMode);
void ck_argext_rows_generic(const float *x, int64_t *out, long rows, long cols, int minMode);
#if defined(__x86_64__)
void ck_argext_rows_avx2(const float *x, int64_t *out, long rows, long cols, int minMode);
void ck_argext_rows_avx512(const float *x, int64_t *out, long rows, long cols, int minMode);
void ck_softmax_rows_avx2(const float *x, float *y, long rows, long cols, int logMode);
void ck_exp_avx2(const float *x, float *y, long n);
void ck_softmax_rows_avx512(const float *x, float *y, long rows, long cols, int logMode);
void ck_exp_avx512(const float *x, float *y, long n);
void ck_exp_tf_avx2(const float *x, float *y, long n);
void ck_log_tf_avx2(const float *x, float *y, long n);
void ck_softmax_tf_avx2(const float *x, float *y, long rows, long cols, int logMode);
void ck_exp_tf_avx512(const float *x, float *y, long n);
void ck_log_tf_avx512(const float *x, float *y, long n);
void ck_softmax_tf_avx512(const float *x, float *y, long rows, long cols, int logMode);
#endif

/* A reusable per-thread scratch buffer of at least n floats (64-byte aligned), or NULL. */
float *ck_scratch(size_t n);
/* Frees the calling thread's scratch buffer (worker threads call it before exiting). */
void ck_scratch_release(void);
#endif
