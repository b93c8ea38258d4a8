#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* sched_getcpu */
#endif
#include "ckernels.h"
#include "internal.h"
#include <string.h>
#include <stdlib.h>
#include <sched.h>

static _Thread_local float *scratch_buf = NULL;
static _Thread_local size_t scratch_cap = 0;

float *ck_scratch(size_t n) {
  if (n > scratch_cap) {
    free(scratch_buf);
    size_t want = n < 4096 ? 4096 : n + n / 2;
    scratch_buf = (float *)aligned_alloc(64, (want * sizeof(float) + 63) / 64 * 64);
    scratch_cap = scratch_buf ? want : 0;
  }
  return scratch_buf;
}

void ck_scratch_release(void) {
  free(scratch_buf);
  scratch_buf = NULL;
  scratch_cap = 0;
}

/* Run-time dispatch: pick the widest kernel the CPU supports, once. */
enum { ISA_UNSET = 0, ISA_GENERIC = 1, ISA_AVX2 = 2, ISA_AVX512 = 3 };
static int chosen_isa = ISA_UNSET;

static int detect_isa(void) {
#if defined(__x86_64__)
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
    return ISA_AVX512;
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return ISA_AVX2;
#endif
  return ISA_GENERIC;
}

static inline int isa(void) {
  int v = __atomic_load_n(&chosen_isa, __ATOMIC_RELAXED);
  if (v == ISA_UNSET) {
    v = detect_isa();
    __atomic_store_n(&chosen_isa, v, __ATOMIC_RELAXED);
  }
  return v;
}

const char *ck_isa(void) {
  switch (isa()) {
    case ISA_AVX512: return "avx512";
    case ISA_AVX2: return "avx2";
    default: return "generic";
  }
}

int ck_force_isa(const char *name) {
  int best = detect_isa();
  int want;
  if (name == NULL) want = best;
  else if (strcmp(name, "generic") == 0) want = ISA_GENERIC;
  else if (strcmp(name, "avx2") == 0) want = ISA_AVX2;
  else if (strcmp(name, "avx512") == 0) want = ISA_AVX512;
  else return 0;
  if (want > best) return 0;
  __atomic_store_n(&chosen_isa, want, __ATOMIC_RELAXED);
  return 1;
}

typedef void (*sgemm_fn)(int, int, long, long, long, float, const float *, long, const float *,
                         long, float, float *, long);

static sgemm_fn kernel_for(int which) {
  switch (which) {
#if defined(__x86_64__)
    case ISA_AVX512: return ck_sgemm_avx512;
    case ISA_AVX2: return ck_sgemm_avx2;
#endif
    default: return ck_sgemm_generic;
  }
}

/* One part of a row-split product. */
typedef struct {
  sgemm_fn fn;
  int transA, transB;
  long m, n, k;
  float alpha, beta;
  const float *a, *b;
  long lda, ldb, ldc;
  float *c;
} gemm_job;

static void run_job(const gemm_job *j) {
  j->fn(j->transA, j->transB, j->m, j->n, j->k, j->alpha, j->a, j->lda, j->b, j->ldb, j->beta, j->c, j->ldc);
}

static void run_gemm_task(const void *arg) { run_job((const gemm_job *)arg); }

/* Runs `j` on the helper thread (pool.c) while the caller runs `mine`; returns 0 (running
   nothing) if the helper is unavailable or owned by another caller (or by an asynchronous job),
   in which case the caller computes the whole product itself: the same numbers, since every
   element of C is computed by the same code whatever the row split. */
static int pool_run2(const gemm_job *j, const gemm_job *mine) {
  if (!ck_pool_acquire()) return 0;
#if defined(__linux__)
  ck_pool_avoid_cpu(sched_getcpu()); /* a system call only when the caller has moved */
#endif
  long ticket = ck_pool_post(run_gemm_task, j, 0);
  run_job(mine);
  ck_pool_wait(ticket);
  ck_pool_release();
  return 1;
}

/* Products of at least this many multiply-adds are split by rows over two threads; smaller ones
   stay on the caller's thread, where the hand-off would cost more than it saves (a training
   step's products are 0.78M each). */
#define SPLIT_MACS 4000000.0

void ck_sgemm(int transA, int transB, long m, long n, long k, float alpha,
              const float *a, long lda, const float *b, long ldb,
              float beta, float *c, long ldc) {
  if (m <= 0 || n <= 0) return;
  sgemm_fn fn = kernel_for(isa());
  if ((double)m * (double)n * (double)k >= SPLIT_MACS && m >= 64) {
    long half = (m / 2 + 15) / 16 * 16;
    const float *a2 = transA ? a + half : a + half * lda;
    gemm_job top = {fn, transA, transB, half, n, k, alpha, beta, a, b, lda, ldb, ldc, c};
    gemm_job bottom = {fn, transA, transB, m - half, n, k, alpha, beta, a2, b, lda, ldb, ldc, c + half * ldc};
    if (pool_run2(&bottom, &top)) return;
  }
  fn(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

int ck_sgemm_isa(const char *name, int transA, int transB, long m, long n, long k, float alpha,
                 const float *a, long lda, const float *b, long ldb,
                 float beta, float *c, long ldc) {
  int best = detect_isa();
  if (strcmp(name, "generic") == 0) {
    ck_sgemm_generic(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    return 1;
  }
#if defined(__x86_64__)
  if (strcmp(name, "avx2") == 0 && best >= ISA_AVX2) {
    ck_sgemm_avx2(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    return 1;
  }
  if (strcmp(name, "avx512-layout") == 0 && best >= ISA_AVX2) {
    ck_sgemm_avx512layout(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    return 1;
  }
  if (strcmp(name, "avx512") == 0 && best >= ISA_AVX512) {
    ck_sgemm_avx512(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    return 1;
  }
#endif
  return 0;
}

void ck_softmax_rows(const float *x, float *y, long rows, long cols, int logMode) {
  switch (isa()) {
#if defined(__x86_64__)
    case ISA_AVX512: ck_softmax_rows_avx512(x, y, rows, cols, logMode); return;
    case ISA_AVX2: ck_softmax_rows_avx2(x, y, rows, cols, logMode); return;
#endif
    default: ck_softmax_rows_generic(x, y, rows, cols, logMode); return;
  }
}

void ck_exp(const float *x, float *y, long n) {
  switch (isa()) {
#if defined(__x86_64__)
    case ISA_AVX512: ck_exp_avx512(x, y, n); return;
    case ISA_AVX2: ck_exp_avx2(x, y, n); return;
#endif
    default: ck_exp_generic(x, y, n); return;
  }
}

void ck_exp_tf(const float *x, float *y, long n) {
  switch (isa()) {
#if defined(__x86_64__)
    case ISA_AVX512: ck_exp_tf_avx512(x, y, n); return;
    case ISA_AVX2: ck_exp_tf_avx2(x, y, n); return;
#endif
    default: ck_exp_tf_generic(x, y, n); return;
  }
}

void ck_log_tf(const float *x, float *y, long n) {
  switch (isa()) {
#if defined(__x86_64__)
    case ISA_AVX512: ck_log_tf_avx512(x, y, n); return;
    case ISA_AVX2: ck_log_tf_avx2(x, y, n); return;
#endif
    default: ck_log_tf_generic(x, y, n); return;
  }
}

void ck_softmax_tf(const float *x, float *y, long rows, long cols, int logMode) {
  switch (isa()) {
#if defined(__x86_64__)
    case ISA_AVX512: ck_softmax_tf_avx512(x, y, rows, cols, logMode); return;
    case ISA_AVX2: ck_softmax_tf_avx2(x, y, rows, cols, logMode); return;
#endif
    default: ck_softmax_tf_generic(x, y, rows, cols, logMode); return;
  }
}

int ck_math_tf_isa(const char *name, int op, const float *x, float *y, long rows, long cols) {
  int best = detect_isa(), want;
  if (strcmp(name, "generic") == 0) want = ISA_GENERIC;
  else if (strcmp(name, "avx2") == 0) want = ISA_AVX2;
  else if (strcmp(name, "avx512") == 0) want = ISA_AVX512;
  else return 0;
  if (want > best) return 0;
  void (*ex)(const float *, float *, long) = ck_exp_tf_generic, (*lg)(const float *, float *, long) = ck_log_tf_generic;
  void (*sm)(const float *, float *, long, long, int) = ck_softmax_tf_generic;
#if defined(__x86_64__)
  if (want == ISA_AVX2) { ex = ck_exp_tf_avx2; lg = ck_log_tf_avx2; sm = ck_softmax_tf_avx2; }
  if (want == ISA_AVX512) { ex = ck_exp_tf_avx512; lg = ck_log_tf_avx512; sm = ck_softmax_tf_avx512; }
#endif
  switch (op) {
    case 0: ex(x, y, rows * cols); return 1;
    case 1: lg(x, y, rows * cols); return 1;
    case 2: case 3: sm(x, y, rows, cols, op == 3); return 1;
    default: return 0;
  }
}
