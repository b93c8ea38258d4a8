#include "ckernels.h"
#include "internal.h"
#include <string.h>
#include <stdlib.h>
#include <pthread.h>

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

/* One half of a row-split product, run on a worker thread. */
typedef struct {
  sgemm_fn fn;
  int transA, transB;
  long m, n, k;
  float alpha, beta;
  const float *a, *b;
  long lda, ldb, ldc;
  float *c;
} gemm_job;

static void *run_job(void *arg) {
  gemm_job *j = (gemm_job *)arg;
  j->fn(j->transA, j->transB, j->m, j->n, j->k, j->alpha, j->a, j->lda, j->b, j->ldb, j->beta, j->c, j->ldc);
  ck_scratch_release();
  return NULL;
}

/* Products of at least this many multiply-adds are split by rows over two threads (the machine
   kind has two cores); smaller ones stay on the caller's thread, where a thread start would
   cost more than it saves. */
#define SPLIT_MACS 16000000.0

void ck_sgemm(int transA, int transB, long m, long n, long k, float alpha,
              const float *a, long lda, const float *b, long ldb,
              float beta, float *c, long ldc) {
  if (m <= 0 || n <= 0) return;
  if ((double)m * (double)n * (double)k >= SPLIT_MACS && m >= 64) {
    sgemm_fn fn = kernel_for(isa());
    long half = (m / 2 + 15) / 16 * 16;
    gemm_job job = {fn, transA, transB, half, n, k, alpha, beta, a, b, lda, ldb, ldc, c};
    pthread_t t;
    if (pthread_create(&t, NULL, run_job, &job) == 0) {
      const float *a2 = transA ? a + half : a + half * lda;
      fn(transA, transB, m - half, n, k, alpha, a2, lda, b, ldb, beta, c + half * ldc, ldc);
      pthread_join(t, NULL);
      return;
    }
  }
  switch (isa()) {
#if defined(__x86_64__)
    case ISA_AVX512:
      ck_sgemm_avx512(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
      return;
    case ISA_AVX2:
      ck_sgemm_avx2(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
      return;
#endif
    default:
      ck_sgemm_generic(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
      return;
  }
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
