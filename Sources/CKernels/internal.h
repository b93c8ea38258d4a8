#ifndef MNIST_SHELL_CKERNELS_INTERNAL_H
#define MNIST_SHELL_CKERNELS_INTERNAL_H
#include <stddef.h>
#include <sched.h>
#include <stdint.h>
#include "ck_async.h" /* the helper's contention pause */
/* Per-ISA entry points behind the dispatchers in kernels.c (not part of the public header). */

void ck_sgemm_generic(int transA, int transB, long m, long n, long k, float alpha,
                      const float *a, long lda, const float *b, long ldb,
                      float beta, float *c, long ldc);
void ck_pack_bt_generic(long k, long n, const float *b, long ldb, float *dst);
/* The outer kernel (op(A) = A^T, n <= 16) in two halves: op(B) packed (n * k floats), then the
   product on it. */
void ck_pack_outer_generic(int transB, long n, long k, const float *b, long ldb, float *bp);
void ck_outer_packed_generic(long m, long n, long k, float alpha, const float *a, long lda, const float *bp,
                             float beta, float *c, long ldc);
#if defined(__x86_64__)
void ck_pack_bt_avx2(long k, long n, const float *b, long ldb, float *dst);
void ck_pack_bt_avx512(long k, long n, const float *b, long ldb, float *dst);
void ck_pack_bt_avx512layout(long k, long n, const float *b, long ldb, float *dst);
void ck_pack_outer_avx2(int transB, long n, long k, const float *b, long ldb, float *bp);
void ck_pack_outer_avx512(int transB, long n, long k, const float *b, long ldb, float *bp);
void ck_pack_outer_avx512layout(int transB, long n, long k, const float *b, long ldb, float *bp);
void ck_outer_packed_avx2(long m, long n, long k, float alpha, const float *a, long lda, const float *bp,
                          float beta, float *c, long ldc);
void ck_outer_packed_avx512(long m, long n, long k, float alpha, const float *a, long lda, const float *bp,
                            float beta, float *c, long ldc);
void ck_outer_packed_avx512layout(long m, long n, long k, float alpha, const float *a, long lda,
                                  const float *bp, float beta, float *c, long ldc);
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

/* Runs fn(ctx, r0, r) over rows [0, m) in chunks of whole granules shared with the helper
   thread, as a split product (kernels.c); returns 1 once every row is done, or 0, running
   nothing, if the helper is unavailable (the caller then runs fn(ctx, 0, m) itself). fn must give
   each row the same result whatever chunk it falls in. */
int ck_split_rows(long m, long granule, void (*fn)(const void *ctx, long r0, long r), const void *ctx);

/* A short pause in a polling loop. */
static inline void cpu_relax(void) {
#if defined(__x86_64__)
  __builtin_ia32_pause();
#elif defined(__aarch64__)
  __asm__ __volatile__("yield");
#endif
}

/* Round `i` of waiting for the helper's part of a job: a short pause for the first 20,000
   rounds, then the core goes to others (a helper that has no core to finish on needs ours). */
static inline void wait_round(long i) {
  if (i < 20000) cpu_relax();
  else sched_yield();
}

/* A long alone on its cache line (sizeof is 64): counters that two threads write at every chunk
   or piece, kept off the lines of the data both read. */
typedef struct {
  _Alignas(64) long v;
} line_long;

/* A reusable per-thread scratch buffer of at least n floats (64-byte aligned), or NULL. */
float *ck_scratch(size_t n);
/* Frees the calling thread's scratch buffer (worker threads call it before exiting). */
void ck_scratch_release(void);

/* The persistent helper thread (pool.c). ck_pool_acquire makes the caller its owner (1) or
   returns 0 if it is unavailable or owned. The owner posts one job with ck_pool_post, which
   returns its ticket (> 0). The ownership has two holders, each of which calls ck_pool_release
   once: the owner, when it no longer uses the job's record, and the job, on the helper thread,
   at the end of its turn. It is free when both have. */
int ck_pool_acquire(void);
void ck_pool_release(void);
/* For the owner: keeps the helper thread off the CPU the caller runs on, so that waking it takes
   another core rather than the caller's own (a system call only when the caller has moved); a
   no-op where thread affinity is not available. */
void ck_pool_avoid_caller_cpu(void);
long ck_pool_post(void (*fn)(const void *), const void *arg);
/* Starts the helper if need be; 0 if there is none (MNIST_SHELL_THREADS=1, or it failed). */
int ck_pool_start(void);
/* Background work, done by the helper between jobs and never holding the ownership: when idle it
   calls piece(1), which does one short piece and returns 1, or returns 0 if there is none left
   (piece(0) only says whether there is one). Only one function is registered: async_gather.c's.
   After publishing new work, call ck_pool_wake in case the helper is asleep. */
void ck_pool_set_background(int (*piece)(int run));
/* Whether background work is waiting for the helper (a piece not yet taken). */
int ck_pool_background_pending(void);
void ck_pool_wake(void);
#endif
