#include "ckernels.h"
#include "ck_vector.h"
#include "internal.h"
#include <string.h>
#include <stdlib.h>
#include <time.h>

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


/* ---- products split into row chunks shared by the caller and the helper ----
 *
 * A product big enough to split is cut into chunks of rows; the caller and the helper each take
 * the next unclaimed chunk (an atomic counter) until none is left. When the helper starts late
 * (its thread asleep, or its core busy on a loaded machine) the caller simply does more of the
 * chunks, and it never waits for more than the one chunk the helper is in. Every element of C is
 * computed by the same code whatever chunk it falls in (sgemm_impl.h), so the numbers do not
 * depend on the split. The record is static: it belongs to the owner of the helper, and the
 * ownership is free again only when both the caller (after its last chunk and the wait) and the
 * helper (at the end of its turn) have let go. So a helper that comes late finds every chunk
 * taken and leaves without touching the caller's (maybe freed) matrices, and nobody resets the
 * record while either thread may still claim from it. (With the helper alone giving the
 * ownership back, another thread could take it while the caller was still in its last chunk;
 * the caller's next claim then took rows of the new product with its own packed op(B).) */
typedef void (*outer_fn)(long, long, long, float, const float *, long, const float *, float, float *, long);
typedef void (*pack_fn)(long, long, const float *, long, float *);
typedef void (*pack_outer_fn)(int, long, long, const float *, long, float *);

/* How the chunks of a split product get op(B) into the layout their kernel reads. Each thread
   packs its own copy, once per product, into its own scratch: a copy packed by the caller and
   read by the helper would have to be taken back from the helper's cache, line by line, the
   next time the caller packs (measured: 3-9 us for the 31 KB of the step's B^T), while two
   private copies cost each thread a sub-microsecond pack. */
enum { PACK_NONE = 0, PACK_BT = 1, PACK_OUTER = 2 };

typedef struct {
  void (*rowsFn)(const void *ctx, long r0, long r); /* when set, chunks run rowsFn(rowsCtx, ...) */
  const void *rowsCtx;
  sgemm_fn fn;
  int pack;                /* PACK_*: the chunks run fn on B as given, or a kernel on a packed copy */
  pack_fn packBt;          /* PACK_BT: B^T for the dot kernel (fn with transB, ldb = k) */
  pack_outer_fn packOuter; /* PACK_OUTER: op(B) for outer */
  outer_fn outer;
  int transA, transB;
  long m, n, k;
  float alpha, beta;
  const float *a, *b;
  long lda, ldb, ldc;
  float *c;
  long granule;  /* chunks are whole multiples of this many rows (register blocks) */
  long minRows;  /* and at least this many */
  float *upd;     /* when set (ldc == n): after each chunk, its thread does upd -= updAlpha * C on
                     the chunk's rows, while they are in its cache (ck_sgemm_sub_scaled) */
  float updAlpha;
} split_gemm;

/* The product is read by both threads for every chunk; the two counters, written at every
   chunk, live on cache lines of their own so that taking a chunk does not evict it. */
static split_gemm split;
static line_long split_next; /* atomic: rows taken from the front (low half) and the back (high) */
static line_long split_done; /* atomic: rows finished */

/* Takes the next chunk from the front or the back: a quarter of the rows still free (whole
   granules, at least minRows), so chunks shrink as the two threads close in on each other and
   the one that finishes first waits at most for a small last chunk. Sets *r0 and returns the
   chunk's row count, 0 when no row is left. */
static long claim_rows(int fromBack, long *r0) {
  long w = __atomic_load_n(&split_next.v, __ATOMIC_ACQUIRE);
  for (;;) {
    long front = w & 0xffffffffL, back = w >> 32;
    long left = split.m - front - back;
    if (left <= 0) return 0;
    long take = (left + 3) / 4;
    if (take < split.minRows) take = split.minRows;
    take = (take + split.granule - 1) / split.granule * split.granule;
    if (take > left) take = left;
    long next = fromBack ? w + (take << 32) : w + take;
    if (__atomic_compare_exchange_n(&split_next.v, &w, next, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
      *r0 = fromBack ? split.m - back - take : front;
      return take;
    }
  }
}

/* Runs chunks until none is left; returns how many this thread ran. The caller takes chunks from
   the top of C and the helper from the bottom (see claim_rows), so each thread works on about
   the same rows every time, whose parts of A and C its own cache still holds from the product
   before. */
static long run_chunks(int fromBack) {
  float *packed = NULL; /* this thread's copy of op(B), made before its first chunk */
  for (long ran = 0;; ran++) {
    long r0, r = claim_rows(fromBack, &r0);
    if (r == 0) return ran;
    if (split.rowsFn) {
      split.rowsFn(split.rowsCtx, r0, r);
      __atomic_fetch_add(&split_done.v, r, __ATOMIC_RELEASE);
      continue;
    }
    const float *a = split.transA ? split.a + r0 : split.a + r0 * split.lda;
    float *c = split.c + r0 * split.ldc;
    if (split.pack != PACK_NONE && packed == NULL) {
      packed = ck_scratch((size_t)split.n * (size_t)split.k);
      if (packed != NULL && split.pack == PACK_BT) split.packBt(split.k, split.n, split.b, split.ldb, packed);
      if (packed != NULL && split.pack == PACK_OUTER) split.packOuter(split.transB, split.n, split.k, split.b, split.ldb, packed);
    }
    if (packed != NULL && split.pack == PACK_BT)
      split.fn(0, 1, r, split.n, split.k, split.alpha, a, split.lda, packed, split.k, split.beta, c, split.ldc);
    else if (packed != NULL && split.pack == PACK_OUTER)
      split.outer(r, split.n, split.k, split.alpha, a, split.lda, packed, split.beta, c, split.ldc);
    else /* no packing, or no memory for it: the kernel packs per chunk (or fails as it would alone) */
      split.fn(split.transA, split.transB, r, split.n, split.k, split.alpha, a, split.lda, split.b, split.ldb,
               split.beta, c, split.ldc);
    if (split.upd != NULL) ck_sub_scaled(split.upd + r0 * split.n, c, split.updAlpha, r * split.n);
    __atomic_fetch_add(&split_done.v, r, __ATOMIC_RELEASE);
  }
}

/* The helper's turn: chunks while any are left, then its hold on the ownership goes. */
static void split_task(const void *arg) {
  (void)arg;
  (void)run_chunks(1);
  ck_pool_release();
}

static pack_fn pack_for(int which) {
  switch (which) {
#if defined(__x86_64__)
    case ISA_AVX512: return ck_pack_bt_avx512;
    case ISA_AVX2: return ck_pack_bt_avx2;
#endif
    default: return ck_pack_bt_generic;
  }
}

/* The outer kernel's halves and vector width (it serves transA with n <= 16 and m >= VL). */
static void outer_for(int which, pack_outer_fn *pack, outer_fn *run, long *vl) {
  switch (which) {
#if defined(__x86_64__)
    case ISA_AVX512: *pack = ck_pack_outer_avx512; *run = ck_outer_packed_avx512; *vl = 16; return;
    case ISA_AVX2: *pack = ck_pack_outer_avx2; *run = ck_outer_packed_avx2; *vl = 8; return;
#endif
    default: *pack = ck_pack_outer_generic; *run = ck_outer_packed_generic; *vl = 4; return;
  }
}

/* Products of at least this many multiply-adds are shared with the helper (a training step's
   two products are 0.78M each: about 30 us on one core here); smaller ones stay on the caller's
   thread, where the hand-off would cost more than it saves. */
#define SPLIT_MACS 500000.0

/* Becomes the helper's owner for a split; 0 if the helper is paused (ck_pool_paused),
   unavailable or owned by another caller. The helper may still be leaving the split before (its
   last look at the chunk counter): give it a moment rather than computing this one alone. */
static int split_begin(void) {
  if (!ck_pool_start() || ck_pool_paused()) return 0; /* no helper: no waiting for one either */
  int owned = ck_pool_acquire();
  for (int i = 0; !owned && i < 64; i++) {
    cpu_relax();
    owned = ck_pool_acquire();
  }
  if (!owned) return 0;
  ck_pool_avoid_caller_cpu();
  return 1;
}

/* With `split` filled in for m rows: shares the rows with the helper, waits for its chunks
   (reporting the wait to ck_pool_waited), and lets go of the caller's hold on the ownership. */
static void split_finish(long m) {
  __atomic_store_n(&split_next.v, 0, __ATOMIC_RELAXED);
  __atomic_store_n(&split_done.v, 0, __ATOMIC_RELAXED);
  ck_pool_post(split_task, NULL);
  (void)run_chunks(0);
  /* Only chunks the helper has taken can be unfinished: wait for those. */
  if (__atomic_load_n(&split_done.v, __ATOMIC_ACQUIRE) < m) {
    long t0 = ck_now_ns();
    for (long i = 0; __atomic_load_n(&split_done.v, __ATOMIC_ACQUIRE) < m; i++) {
      wait_round(i);
    }
    ck_pool_waited(ck_now_ns() - t0);
  }
  ck_pool_release(); /* the caller's hold; the helper lets go at the end of its turn */
}

/* Computes the product in chunks with the helper; 0 (computing nothing) if the helper is
   unavailable or owned by another caller. */
static int split_run(sgemm_fn fn, int which, int transA, int transB, long m, long n, long k, float alpha,
                     const float *a, long lda, const float *b, long ldb, float beta, float *c, long ldc,
                     float *upd, float updAlpha) {
  if (!split_begin()) return 0;
  /* The dot kernel packs B^T itself when B is not transposed, and the outer kernel packs op(B):
     the chunks of a thread share one pack (see run_chunks). */
  int pack = PACK_NONE;
  pack_outer_fn packOuter = NULL;
  outer_fn outer = NULL;
  if (!transA && !transB && n <= 16 && k >= 16) {
    pack = PACK_BT;
  } else if (transA && n <= 16) {
    long vl;
    outer_for(which, &packOuter, &outer, &vl);
    if (m >= vl) pack = PACK_OUTER;
  }
  /* Chunks of whole register blocks (rows of C: DOT_MR for the dot kernel, vectors of OUT_MV
     for the outer one). Tall products keep chunks of at least a sixteenth of the rows: the dot
     kernel prefetches A only within chunks of at least 1 MB (eval [10000,784]x[784,10] in a C
     harness: 2.7-3.8 ms with 16 chunks, 2.9-3.9 ms with 8, 4.3-5.1 ms with 32). */
  long granule = transA ? (which == ISA_AVX512 ? 32 : 16) : 4;
  long minRows = m >= 2048 ? (m + 15) / 16 : granule;
  split_gemm s = {NULL, NULL, fn, pack, pack_for(which), packOuter, outer, transA, transB, m, n, k, alpha, beta,
                  a, b, lda, ldb, ldc, c, granule, minRows, upd, updAlpha};
  split = s;
  split_finish(m);
  return 1;
}

int ck_split_rows(long m, long granule, void (*fn)(const void *ctx, long r0, long r), const void *ctx) {
  if (granule < 1 || m < 2 * granule || m >= (1L << 31)) return 0;
  if (!split_begin()) return 0;
  split_gemm s;
  memset(&s, 0, sizeof s);
  s.rowsFn = fn;
  s.rowsCtx = ctx;
  s.m = m;
  s.granule = granule;
  s.minRows = granule;
  split = s;
  split_finish(m);
  return 1;
}

/* Whether a product is big enough to share with the helper. */
static int split_worth(long m, long n, long k) {
  return (double)m * (double)n * (double)k >= SPLIT_MACS && m >= 32 && m < (1L << 31) && k > 0;
}

void ck_sgemm(int transA, int transB, long m, long n, long k, float alpha,
              const float *a, long lda, const float *b, long ldb,
              float beta, float *c, long ldc) {
  if (m <= 0 || n <= 0) return;
  int which = isa();
  sgemm_fn fn = kernel_for(which);
  if (split_worth(m, n, k) && alpha != 0.0f &&
      split_run(fn, which, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc, NULL, 0.0f))
    return;
  fn(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

void ck_sgemm_sub_scaled(int transA, int transB, long m, long n, long k, const float *a, long lda,
                         const float *b, long ldb, float *c, float lr, float *w) {
  if (m <= 0 || n <= 0) return;
  int which = isa();
  sgemm_fn fn = kernel_for(which);
  if (split_worth(m, n, k) &&
      split_run(fn, which, transA, transB, m, n, k, 1.0f, a, lda, b, ldb, 0.0f, c, n, w, lr))
    return;
  fn(transA, transB, m, n, k, 1.0f, a, lda, b, ldb, 0.0f, c, n);
  ck_sub_scaled(w, c, lr, m * n);
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

void ck_argmax_rows(const float *x, int64_t *out, long rows, long cols, int argmin) {
  switch (isa()) {
#if defined(__x86_64__)
    case ISA_AVX512: ck_argext_rows_avx512(x, out, rows, cols, argmin); return;
    case ISA_AVX2: ck_argext_rows_avx2(x, out, rows, cols, argmin); return;
#endif
    default: ck_argext_rows_generic(x, out, rows, cols, argmin); return;
  }
}

int ck_argmax_rows_isa(const char *name, const float *x, int64_t *out, long rows, long cols, int argmin) {
  int best = detect_isa();
  if (strcmp(name, "generic") == 0) {
    ck_argext_rows_generic(x, out, rows, cols, argmin);
    return 1;
  }
#if defined(__x86_64__)
  if (strcmp(name, "avx2") == 0 && best >= ISA_AVX2) {
    ck_argext_rows_avx2(x, out, rows, cols, argmin);
    return 1;
  }
  if (strcmp(name, "avx512") == 0 && best >= ISA_AVX512) {
    ck_argext_rows_avx512(x, out, rows, cols, argmin);
    return 1;
  }
#endif
  (void)best;
  return 0;
}
