#ifndef MNIST_SHELL_CKERNELS_INTERNAL_H
#define MNIST_SHELL_CKERNELS_INTERNAL_H
#include <stddef.h>
#include <stdint.h>
/* Per-ISA entry points behind the dispatchers in kernels.c (not part of the public header). */

void ck_sgemm_generic(int transA, int transB, long m, long n, long k, float alpha,
                      const float *a, long lda, const float *b, long ldb,
                      float beta, float *c, long ldc);
void ck_pack_bt_generic(long k, long n, const float *b, long ldb, float *dst);
#if defined(__x86_64__)
void ck_pack_bt_avx2(long k, long n, const float *b, long ldb, float *dst);
void ck_pack_bt_avx512(long k, long n, const float *b, long ldb, float *dst);
void ck_pack_bt_avx512layout(long k, long n, const float *b, long ldb, float *dst);
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

/* A short pause in a polling loop. */
static inline void cpu_relax(void) {
#if defined(__x86_64__)
  __builtin_ia32_pause();
#elif defined(__aarch64__)
  __asm__ __volatile__("yield");
#endif
}

/* A reusable per-thread scratch buffer of at least n floats (64-byte aligned), or NULL. */
float *ck_scratch(size_t n);
/* Frees the calling thread's scratch buffer (worker threads call it before exiting). */
void ck_scratch_release(void);

/* The persistent helper thread (pool.c). ck_pool_acquire makes the caller its owner (1) or
   returns 0 if it is unavailable or owned (ck_pool_release gives it up without posting). The
   owner posts one job with ck_pool_post, which returns its ticket (> 0); the job gives up the
   ownership itself (ck_pool_release on the helper thread) once it no longer needs its record.
   ck_pool_wait(ticket) returns once the helper has left that job: it spins briefly, then
   blocks. */
int ck_pool_acquire(void);
void ck_pool_release(void);
/* For the owner: the ticket its next ck_pool_post will return. */
long ck_pool_next_ticket(void);
/* For the owner: keeps the helper thread off CPU `cpu` (the caller's), so that waking it takes
   another core rather than the caller's own; a no-op where thread affinity is not available. */
void ck_pool_avoid_cpu(int cpu);
long ck_pool_post(void (*fn)(const void *), const void *arg);
void ck_pool_wait(long ticket);
#endif
