/* One sgemm implementation, instantiated per ISA by the file that includes it.
 *
 * The includer defines VL (floats per vector), FN(name) (adds an ISA suffix), FMA(a, b, c)
 * (a*b + c), the register blocking of the skinny kernels (DOT_MR x DOT_NC blocks for `dot`,
 * OUT_MV vectors x OUT_NC columns for `outer`, sized to the register file) and PANEL_MR, and
 * wraps the include in `#pragma clang attribute push(target(...))` so every function here is
 * compiled for that ISA. Row-major throughout; op(A) is m x k, op(B) is k x n.
 *
 * Three kernels, chosen by shape:
 *  - dot:   n small, A not transposed. C[i,j] = <A[i,:], Bt[j,:]>, vectorised along k (contiguous
 *           in A and in B^T, which is packed once if B is not already transposed). DOT_MR rows
 *           times DOT_NC columns per block, horizontal sums at the end: the forward x*W.
 *  - outer: n small, A transposed (A stored k x m). Vectorised along m: for each p, OUT_MV
 *           vectors of A[p, i..] times the broadcast op(B)[p,j] for every j: the dW = x^T*g shape.
 *  - panel: everything else. B packed into k x 2VL panels (zero-padded), MR rows of C at a time,
 *           op(A)[i,p] broadcast from either layout.
 */
#include <stdlib.h>
#include <string.h>

/* Bytes of A rows the dot kernel streams per chunk (kept in L2 while Bt blocks pass over it). */
#ifndef DOT_CHUNK_BYTES
#define DOT_CHUNK_BYTES (192 * 1024)
#endif

typedef float FN(vf) __attribute__((ext_vector_type(VL)));
typedef float FN(vfu) __attribute__((ext_vector_type(VL), aligned(4)));
#define V FN(vf)
#define VU FN(vfu)

static inline __attribute__((always_inline)) V FN(ld)(const float *p) { return *(const VU *)p; }
static inline __attribute__((always_inline)) void FN(st)(float *p, V v) { *(VU *)p = v; }
static inline __attribute__((always_inline)) V FN(splat)(float x) { return (V)(x); }

/* Loads n < VL floats, zero-filling the rest. */
static inline V FN(ldpart)(const float *p, long n) {
  float tmp[VL];
  for (long i = 0; i < VL; i++) tmp[i] = i < n ? p[i] : 0.0f;
  return FN(ld)(tmp);
}

static inline __attribute__((always_inline)) float FN(hsum)(V v) {
  float t[VL];
  FN(st)(t, v);
  float s0 = 0, s1 = 0;
  for (int i = 0; i < VL; i += 2) { s0 += t[i]; s1 += t[i + 1]; }
  return s0 + s1;
}

/* Horizontal sums of up to 8 vectors at once (a transpose-and-add tree instead of one
   shuffle chain per vector): out[i] = sum of the lanes of v[i], for i < cnt. */
typedef float FN(v8) __attribute__((ext_vector_type(8)));
static inline __attribute__((always_inline)) FN(v8) FN(to8)(V v) {
#if VL == 16
  return __builtin_shufflevector(v, v, 0, 1, 2, 3, 4, 5, 6, 7) +
         __builtin_shufflevector(v, v, 8, 9, 10, 11, 12, 13, 14, 15);
#elif VL == 8
  return v;
#else
  return __builtin_shufflevector(v, FN(splat)(0), 0, 1, 2, 3, 4, 5, 6, 7);
#endif
}
static inline __attribute__((always_inline)) FN(v8) FN(hadd8)(FN(v8) a, FN(v8) b) {
  return __builtin_shufflevector(a, b, 0, 2, 8, 10, 4, 6, 12, 14) +
         __builtin_shufflevector(a, b, 1, 3, 9, 11, 5, 7, 13, 15);
}
static inline __attribute__((always_inline)) void FN(hsums)(const V *v, int cnt, float *out) {
  for (int g = 0; g < cnt; g += 8) {
    FN(v8) w[8];
    for (int i = 0; i < 8; i++) w[i] = g + i < cnt ? FN(to8)(v[g + i]) : (FN(v8))(0.0f);
    FN(v8) u0 = FN(hadd8)(FN(hadd8)(w[0], w[1]), FN(hadd8)(w[2], w[3]));
    FN(v8) u1 = FN(hadd8)(FN(hadd8)(w[4], w[5]), FN(hadd8)(w[6], w[7]));
    FN(v8) r = __builtin_shufflevector(u0, u1, 0, 1, 2, 3, 8, 9, 10, 11) +
               __builtin_shufflevector(u0, u1, 4, 5, 6, 7, 12, 13, 14, 15);
    float t[8];
    memcpy(t, &r, sizeof t);
    int lim = cnt - g < 8 ? cnt - g : 8;
    for (int i = 0; i < lim; i++) out[g + i] = t[i];
  }
}

/* C = alpha*x + beta*C, without reading C when beta == 0. */
static inline __attribute__((always_inline)) void FN(put)(float *c, float x, float alpha, float beta) {
  *c = beta == 0.0f ? alpha * x : alpha * x + beta * *c;
}

/* The dot kernel's first column pass over a chunk prefetches the A rows this far ahead: A comes
   from memory there (the test set's 31 MB), and the hardware prefetcher alone leaves the loop
   waiting on it (measured: ~0.7x the time of [10000,784]x[784,10] with it). Only for an A of at
   least DOT_PF_MIN_FLOATS (a training batch, 313 KB, is already in cache and keeps the loop
   without prefetches). Prefetching changes no arithmetic. */
#ifndef DOT_PF_ROWS
#define DOT_PF_ROWS 16
#endif
#ifndef DOT_PF_LOCALITY
#define DOT_PF_LOCALITY 3
#endif
#ifndef DOT_PF_MIN_FLOATS
#define DOT_PF_MIN_FLOATS (256L * 1024)
#endif

/* ---- dot kernel: R rows of A against NC rows of Bt, both contiguous along k ---- */
/* pf: if not NULL, R rows (stride lda) to prefetch, one cache line per row every 64 bytes of k. */
static inline __attribute__((always_inline)) void FN(dot_block)(
    const int R, const int NC, long k, const float *a, long lda, const float *bt, long ldbt,
    float alpha, float beta, float *c, long ldc, const float *pf) {
  V acc[DOT_MR][DOT_NC];
  for (int r = 0; r < R; r++)
    for (int j = 0; j < NC; j++) acc[r][j] = FN(splat)(0);
  long kv = k - k % VL;
  for (long p = 0; p < kv; p += VL) {
    if (pf && (p & (64 / sizeof(float) - 1)) == 0) {
      for (int r = 0; r < R; r++) __builtin_prefetch(pf + r * lda + p, 0, DOT_PF_LOCALITY);
    }
    V av[DOT_MR];
    for (int r = 0; r < R; r++) av[r] = FN(ld)(a + r * lda + p);
    for (int j = 0; j < NC; j++) {
      V b = FN(ld)(bt + j * ldbt + p);
      for (int r = 0; r < R; r++) acc[r][j] = FMA(av[r], b, acc[r][j]);
    }
  }
  V all[DOT_MR * DOT_NC];
  float sums[DOT_MR * DOT_NC];
  for (int r = 0; r < R; r++)
    for (int j = 0; j < NC; j++) all[r * NC + j] = acc[r][j];
  FN(hsums)(all, R * NC, sums);
  for (int r = 0; r < R; r++) {
    const float *ar = a + r * lda;
    for (int j = 0; j < NC; j++) {
      float s = sums[r * NC + j];
      const float *bj = bt + j * ldbt;
      for (long p = kv; p < k; p++) s += ar[p] * bj[p];
      FN(put)(c + r * ldc + j, s, alpha, beta);
    }
  }
}

#define DOT_CASE(NCV)                                                                  \
  case NCV:                                                                            \
    for (i = i0; i + DOT_MR <= i1; i += DOT_MR) {                                       \
      if (pfDist && i + pfDist + DOT_MR <= m)                                            \
        FN(dot_block)(DOT_MR, NCV, k, a + i * lda, lda, btj, ldbt, alpha, beta, c + i * ldc + j0, ldc, \
                      a + (i + pfDist) * lda);                                          \
      else                                                                              \
        FN(dot_block)(DOT_MR, NCV, k, a + i * lda, lda, btj, ldbt, alpha, beta, c + i * ldc + j0, ldc, NULL); \
    }                                                                                   \
    for (; i < i1; i++)                                                                 \
      FN(dot_block)(1, NCV, k, a + i * lda, lda, btj, ldbt, alpha, beta, c + i * ldc + j0, ldc, NULL); \
    break;

static void FN(dot)(long m, long n, long k, float alpha, const float *a, long lda,
                    const float *bt, long ldbt, float beta, float *c, long ldc) {
  /* Column blocks of at most DOT_NC rows of Bt, balanced (n = 10 is 5 + 5 on AVX2). A chunk of
     A rows that fits in L2 is streamed from memory once; within it, each column block of Bt
     (5 x 784 floats = 16 KB) stays in L1 while every row block of the chunk passes over it.
     Every C element is the same lane-wise FMA chain and the same horizontal-sum tree whatever
     block it falls in, so results do not depend on m, on the chunking or on a row split. */
  long nb = (n + DOT_NC - 1) / DOT_NC;
  long w = (n + nb - 1) / nb;
  long chunk = (long)(DOT_CHUNK_BYTES / sizeof(float)) / (k > 0 ? k : 1);
  chunk = chunk < DOT_MR ? DOT_MR : chunk / DOT_MR * DOT_MR;
  for (long i0 = 0; i0 < m; i0 += chunk) {
    long i1 = m - i0 < chunk ? m : i0 + chunk;
    for (long j0 = 0; j0 < n; j0 += w) {
      int nc = (int)(n - j0 < w ? n - j0 : w);
      const float *btj = bt + j0 * ldbt;
      long i;
      /* later passes read the chunk from L2 */
      long pfDist = j0 == 0 && (double)m * (double)lda >= (double)DOT_PF_MIN_FLOATS ? DOT_PF_ROWS : 0;
      switch (nc) {
        DOT_CASE(1) DOT_CASE(2) DOT_CASE(3) DOT_CASE(4) DOT_CASE(5)
#if DOT_NC > 5
        DOT_CASE(6) DOT_CASE(7) DOT_CASE(8)
#endif
        default: break;
      }
    }
  }
}

/* ---- outer kernel: OUT_MV*VL rows of C (along m) times NC columns, A stored k x m ---- */
/* bp: op(B) columns j0..j0+NC packed as k x NC (row p at bp + p*NC). */
static inline __attribute__((always_inline)) void FN(outer_block)(
    const int NC, long rows, long k, const float *a, long lda, const float *bp,
    float alpha, float beta, float *c, long ldc) {
  V acc[OUT_MV][OUT_NC];
  for (int v = 0; v < OUT_MV; v++)
    for (int j = 0; j < NC; j++) acc[v][j] = FN(splat)(0);
  if (rows == OUT_MV * VL) {
    for (long p = 0; p < k; p++, a += lda, bp += NC) {
      V av[OUT_MV];
      for (int v = 0; v < OUT_MV; v++) av[v] = FN(ld)(a + v * VL);
      for (int j = 0; j < NC; j++) {
        V bb = FN(splat)(bp[j]);
        for (int v = 0; v < OUT_MV; v++) acc[v][j] = FMA(av[v], bb, acc[v][j]);
      }
    }
  } else {
    for (long p = 0; p < k; p++, a += lda, bp += NC) {
      V av[OUT_MV];
      for (int v = 0; v < OUT_MV; v++) {
        long r = rows - v * VL;
        av[v] = r >= VL ? FN(ld)(a + v * VL) : r > 0 ? FN(ldpart)(a + v * VL, r) : FN(splat)(0);
      }
      for (int j = 0; j < NC; j++) {
        V bb = FN(splat)(bp[j]);
        for (int v = 0; v < OUT_MV; v++) acc[v][j] = FMA(av[v], bb, acc[v][j]);
      }
    }
  }
  float t[OUT_NC][OUT_MV * VL];
  for (int j = 0; j < NC; j++)
    for (int v = 0; v < OUT_MV; v++) FN(st)(t[j] + v * VL, acc[v][j]);
  if (beta == 0.0f && alpha == 1.0f) {
    for (long r = 0; r < rows; r++)
      for (int j = 0; j < NC; j++) c[r * ldc + j] = t[j][r];
  } else {
    for (long r = 0; r < rows; r++)
      for (int j = 0; j < NC; j++) FN(put)(c + r * ldc + j, t[j][r], alpha, beta);
  }
}

#define OUTER_CASE(NCV)                                                                          \
  case NCV:                                                                                      \
    FN(outer_block)(NCV, rows, k, a + i0, lda, bp + j0 * k, alpha, beta, c + i0 * ldc + j0, ldc); \
    break;

/* op(B) (k x n, small) packed per column block as k x nc, so the broadcasts of a step are at
   constant offsets from one pointer. bp holds n * k floats. */
static void FN(outer_pack)(int transB, long n, long k, const float *b, long ldb, float *bp) {
  long bsP = transB ? 1 : ldb, bsJ = transB ? ldb : 1;
  long nb = (n + OUT_NC - 1) / OUT_NC;
  long w = (n + nb - 1) / nb;
  for (long j0 = 0; j0 < n; j0 += w) {
    long nc = n - j0 < w ? n - j0 : w;
    float *dst = bp + j0 * k;
    for (long p = 0; p < k; p++)
      for (long j = 0; j < nc; j++) dst[p * nc + j] = b[p * bsP + (j0 + j) * bsJ];
  }
}

/* The outer kernel on op(B) packed by outer_pack. */
static void FN(outer_packed)(long m, long n, long k, float alpha, const float *a, long lda,
                             const float *bp, float beta, float *c, long ldc) {
  long nb = (n + OUT_NC - 1) / OUT_NC;
  long w = (n + nb - 1) / nb;
  /* Row blocks outer, column blocks inner: the k x (OUT_MV*VL) strip of A is read from L2 once
     and from L1 for the next column block, instead of streaming all of A once per column block. */
  for (long i0 = 0; i0 < m; i0 += OUT_MV * VL) {
    long rows = m - i0 < OUT_MV * VL ? m - i0 : OUT_MV * VL;
    for (long j0 = 0; j0 < n; j0 += w) {
      int nc = (int)(n - j0 < w ? n - j0 : w);
      switch (nc) {
        OUTER_CASE(1) OUTER_CASE(2) OUTER_CASE(3) OUTER_CASE(4) OUTER_CASE(5) OUTER_CASE(6)
#if OUT_NC > 6
        OUTER_CASE(7) OUTER_CASE(8) OUTER_CASE(9) OUTER_CASE(10) OUTER_CASE(11) OUTER_CASE(12)
#endif
        default: break;
      }
    }
  }
}

static void FN(outer)(int transB, long m, long n, long k, float alpha, const float *a, long lda,
                      const float *b, long ldb, float beta, float *c, long ldc) {
  float *bp = ck_scratch((size_t)n * (size_t)k);
  if (!bp) return;
  FN(outer_pack)(transB, n, k, b, ldb, bp);
  FN(outer_packed)(m, n, k, alpha, a, lda, bp, beta, c, ldc);
}

/* The outer kernel's two halves, exported so that a product split over threads packs op(B)
   once instead of once per part. */
void FN(ck_pack_outer)(int transB, long n, long k, const float *b, long ldb, float *bp) {
  FN(outer_pack)(transB, n, k, b, ldb, bp);
}
void FN(ck_outer_packed)(long m, long n, long k, float alpha, const float *a, long lda, const float *bp,
                         float beta, float *c, long ldc) {
  FN(outer_packed)(m, n, k, alpha, a, lda, bp, beta, c, ldc);
}

/* ---- panel kernel: general shapes ---- */
static inline __attribute__((always_inline)) void FN(panel_block)(
    const int MR, long k, const float *a, long asI, long asP, const float *bp, long cols,
    float alpha, float beta, float *c, long ldc) {
  V acc0[PANEL_MR], acc1[PANEL_MR];
  for (int r = 0; r < MR; r++) { acc0[r] = FN(splat)(0); acc1[r] = FN(splat)(0); }
  for (long p = 0; p < k; p++) {
    V b0 = FN(ld)(bp + p * 2 * VL), b1 = FN(ld)(bp + p * 2 * VL + VL);
    const float *ap = a + p * asP;
    for (int r = 0; r < MR; r++) {
      V aa = FN(splat)(ap[r * asI]);
      acc0[r] = FMA(aa, b0, acc0[r]);
      acc1[r] = FMA(aa, b1, acc1[r]);
    }
  }
  for (int r = 0; r < MR; r++) {
    float *cr = c + r * ldc;
    if (cols == 2 * VL) {
      V al = FN(splat)(alpha);
      if (beta == 0.0f) {
        FN(st)(cr, al * acc0[r]);
        FN(st)(cr + VL, al * acc1[r]);
      } else {
        V be = FN(splat)(beta);
        FN(st)(cr, al * acc0[r] + be * FN(ld)(cr));
        FN(st)(cr + VL, al * acc1[r] + be * FN(ld)(cr + VL));
      }
    } else {
      float t[2 * VL];
      FN(st)(t, acc0[r]);
      FN(st)(t + VL, acc1[r]);
      for (long j = 0; j < cols; j++) FN(put)(cr + j, t[j], alpha, beta);
    }
  }
}

static void FN(panel)(int transA, int transB, long m, long n, long k, float alpha,
                      const float *a, long lda, const float *b, long ldb, float beta,
                      float *c, long ldc) {
  const long NR = 2 * VL;
  float *bp = ck_scratch((size_t)k * NR);
  if (!bp) return;
  long asI = transA ? 1 : lda, asP = transA ? lda : 1;
  for (long j0 = 0; j0 < n; j0 += NR) {
    long cols = n - j0 < NR ? n - j0 : NR;
    /* pack op(B)[0..k, j0..j0+cols) into k x NR, zero-padded */
    for (long p = 0; p < k; p++) {
      float *dst = bp + p * NR;
      if (!transB) {
        const float *src = b + p * ldb + j0;
        for (long j = 0; j < cols; j++) dst[j] = src[j];
      } else {
        const float *src = b + j0 * ldb + p;
        for (long j = 0; j < cols; j++) dst[j] = src[j * ldb];
      }
      for (long j = cols; j < NR; j++) dst[j] = 0.0f;
    }
    long i0 = 0;
    for (; i0 + PANEL_MR <= m; i0 += PANEL_MR)
      FN(panel_block)(PANEL_MR, k, a + i0 * asI, asI, asP, bp, cols, alpha, beta, c + i0 * ldc + j0, ldc);
    for (; i0 < m; i0++)
      FN(panel_block)(1, k, a + i0 * asI, asI, asP, bp, cols, alpha, beta, c + i0 * ldc + j0, ldc);
  }
}

/* dst rows j..j+7, columns p..p+7 (row stride k) = transpose of the 8x8 block of src at row p,
   column j (row stride lds), in registers. */
static inline __attribute__((always_inline)) void FN(transpose8)(long p, long j, long k, const float *src, long lds, float *dst) {
  typedef float v8u __attribute__((ext_vector_type(8), aligned(4)));
  FN(v8) r0 = *(const v8u *)(src + (p + 0) * lds + j), r1 = *(const v8u *)(src + (p + 1) * lds + j);
  FN(v8) r2 = *(const v8u *)(src + (p + 2) * lds + j), r3 = *(const v8u *)(src + (p + 3) * lds + j);
  FN(v8) r4 = *(const v8u *)(src + (p + 4) * lds + j), r5 = *(const v8u *)(src + (p + 5) * lds + j);
  FN(v8) r6 = *(const v8u *)(src + (p + 6) * lds + j), r7 = *(const v8u *)(src + (p + 7) * lds + j);
  FN(v8) t0 = __builtin_shufflevector(r0, r1, 0, 8, 1, 9, 4, 12, 5, 13);
  FN(v8) t1 = __builtin_shufflevector(r0, r1, 2, 10, 3, 11, 6, 14, 7, 15);
  FN(v8) t2 = __builtin_shufflevector(r2, r3, 0, 8, 1, 9, 4, 12, 5, 13);
  FN(v8) t3 = __builtin_shufflevector(r2, r3, 2, 10, 3, 11, 6, 14, 7, 15);
  FN(v8) t4 = __builtin_shufflevector(r4, r5, 0, 8, 1, 9, 4, 12, 5, 13);
  FN(v8) t5 = __builtin_shufflevector(r4, r5, 2, 10, 3, 11, 6, 14, 7, 15);
  FN(v8) t6 = __builtin_shufflevector(r6, r7, 0, 8, 1, 9, 4, 12, 5, 13);
  FN(v8) t7 = __builtin_shufflevector(r6, r7, 2, 10, 3, 11, 6, 14, 7, 15);
  FN(v8) u0 = __builtin_shufflevector(t0, t2, 0, 1, 8, 9, 4, 5, 12, 13);
  FN(v8) u1 = __builtin_shufflevector(t0, t2, 2, 3, 10, 11, 6, 7, 14, 15);
  FN(v8) u2 = __builtin_shufflevector(t1, t3, 0, 1, 8, 9, 4, 5, 12, 13);
  FN(v8) u3 = __builtin_shufflevector(t1, t3, 2, 3, 10, 11, 6, 7, 14, 15);
  FN(v8) u4 = __builtin_shufflevector(t4, t6, 0, 1, 8, 9, 4, 5, 12, 13);
  FN(v8) u5 = __builtin_shufflevector(t4, t6, 2, 3, 10, 11, 6, 7, 14, 15);
  FN(v8) u6 = __builtin_shufflevector(t5, t7, 0, 1, 8, 9, 4, 5, 12, 13);
  FN(v8) u7 = __builtin_shufflevector(t5, t7, 2, 3, 10, 11, 6, 7, 14, 15);
  /* u0 = column j+0 rows p..p+3 | column j+4 rows p..p+3 (low/high 128 bits), etc. */
  *(v8u *)(dst + (j + 0) * k + p) = __builtin_shufflevector(u0, u4, 0, 1, 2, 3, 8, 9, 10, 11);
  *(v8u *)(dst + (j + 1) * k + p) = __builtin_shufflevector(u1, u5, 0, 1, 2, 3, 8, 9, 10, 11);
  *(v8u *)(dst + (j + 2) * k + p) = __builtin_shufflevector(u2, u6, 0, 1, 2, 3, 8, 9, 10, 11);
  *(v8u *)(dst + (j + 3) * k + p) = __builtin_shufflevector(u3, u7, 0, 1, 2, 3, 8, 9, 10, 11);
  *(v8u *)(dst + (j + 4) * k + p) = __builtin_shufflevector(u0, u4, 4, 5, 6, 7, 12, 13, 14, 15);
  *(v8u *)(dst + (j + 5) * k + p) = __builtin_shufflevector(u1, u5, 4, 5, 6, 7, 12, 13, 14, 15);
  *(v8u *)(dst + (j + 6) * k + p) = __builtin_shufflevector(u2, u6, 4, 5, 6, 7, 12, 13, 14, 15);
  *(v8u *)(dst + (j + 7) * k + p) = __builtin_shufflevector(u3, u7, 4, 5, 6, 7, 12, 13, 14, 15);
}

/* dst (n x k, row stride k) = transpose of src (k x n, row stride lds); 8x8 blocks in registers.
   For 8 < n < 16 (the tutorial's 10 classes) the last block overlaps the one before (columns
   n-8..n-1), writing some elements twice with the same values, instead of a strided scalar loop. */
static inline __attribute__((always_inline)) void FN(transpose_pack)(long k, long n, const float *src, long lds, float *dst) {
  long p = 0;
  for (; p + 8 <= k; p += 8) {
    long j = 0;
    for (; j + 8 <= n; j += 8) FN(transpose8)(p, j, k, src, lds, dst);
    if (j < n && n >= 8) {
      FN(transpose8)(p, n - 8, k, src, lds, dst);
    } else {
      for (; j < n; j++)
        for (long q = p; q < p + 8; q++) dst[j * k + q] = src[q * lds + j];
    }
  }
  for (; p < k; p++)
    for (long j = 0; j < n; j++) dst[j * k + p] = src[p * lds + j];
}

/* B^T packed for the dot kernel (dst: n x k), exported so that a product split over threads
   packs it once instead of once per part. */
void FN(ck_pack_bt)(long k, long n, const float *b, long ldb, float *dst) { FN(transpose_pack)(k, n, b, ldb, dst); }

/* ---- entry point for this ISA ---- */
void FN(ck_sgemm)(int transA, int transB, long m, long n, long k, float alpha,
                  const float *a, long lda, const float *b, long ldb,
                  float beta, float *c, long ldc) {
  if (m <= 0 || n <= 0) return;
  if (k <= 0 || alpha == 0.0f) {
    for (long i = 0; i < m; i++)
      for (long j = 0; j < n; j++) c[i * ldc + j] = beta == 0.0f ? 0.0f : beta * c[i * ldc + j];
    return;
  }
  if (n <= 16 && !transA && k >= VL) {
    if (transB) {
      FN(dot)(m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    } else {
      float *bt = ck_scratch((size_t)n * (size_t)k);
      if (!bt) return;
      FN(transpose_pack)(k, n, b, ldb, bt);
      FN(dot)(m, n, k, alpha, a, lda, bt, k, beta, c, ldc);
    }
    return;
  }
  if (n <= 16 && transA && m >= VL) {
    FN(outer)(transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    return;
  }
  FN(panel)(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

#undef V
#undef VU
#undef DOT_CASE
#undef OUTER_CASE
