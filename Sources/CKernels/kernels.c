#include "ckernels.h"
#include "internal.h"
#include <string.h>

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

void ck_sgemm(int transA, int transB, long m, long n, long k, float alpha,
              const float *a, long lda, const float *b, long ldb,
              float beta, float *c, long ldc) {
  if (m <= 0 || n <= 0) return;
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
