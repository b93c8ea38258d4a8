#ifndef MNIST_SHELL_CKERNELS_H
#define MNIST_SHELL_CKERNELS_H
/* Float32 kernels with run-time CPU dispatch. Declarations only; see the .c files. */
#include <stdint.h>

/* Returns a short name of the instruction set the kernels dispatch to ("avx512", "avx2", "generic"). */
const char *ck_isa(void);

/* Forces the dispatch to "generic", "avx2" or "avx512" (if the CPU has it); NULL restores the
   automatic choice. Returns 1 on success, 0 if that ISA is not available. For tests/benchmarks. */
int ck_force_isa(const char *name);

/* C = alpha * op(A) * op(B) + beta * C, row-major. op(A) is m x k, op(B) is k x n.
   transA: A is stored k x m (lda >= m); otherwise m x k (lda >= k). Same for B.
   beta == 0 means C is not read (NaNs in C are overwritten). */
void ck_sgemm(int transA, int transB, long m, long n, long k, float alpha,
              const float *a, long lda, const float *b, long ldb,
              float beta, float *c, long ldc);

/* Gradient descent on a product: C = op(A) * op(B) (m x n, ldc = n; as ck_sgemm with alpha 1 and
   beta 0), then w[i] = w[i] - lr * C[i] for i < m * n (as ck_sub_scaled). Every float is the
   same as from those two calls; a product shared with the helper thread has each thread update
   the rows it computed, straight after computing them. k must be positive; w and C must not
   overlap each other or A and B. */
void ck_sgemm_sub_scaled(int transA, int transB, long m, long n, long k, const float *a, long lda,
                         const float *b, long ldb, float *c, float lr, float *w);

/* Softmax (logMode 0) or log-softmax (logMode 1) of each row of a rows x cols matrix, stable
   (row max subtracted), NaN-propagating. x and y may be the same buffer. */
void ck_softmax_rows(const float *x, float *y, long rows, long cols, int logMode);

/* y[i] = expf(x[i]), vectorised (within 2 ulp of libm; inf, NaN and underflow as IEEE). */
void ck_exp(const float *x, float *y, long n);

/* TensorFlow-exact exp and log (Eigen's Cephes polynomials, as TFGraph's FastMath, bit for bit):
   y[i] = exp(x[i]) / log(x[i]); in place allowed. */
void ck_exp_tf(const float *x, float *y, long n);
void ck_log_tf(const float *x, float *y, long n);

/* The graph engine's Softmax (logMode 0) / LogSoftmax (logMode 1) of each row, with ck_exp_tf /
   ck_log_tf; x and y must not overlap. */
void ck_softmax_tf(const float *x, float *y, long rows, long cols, int logMode);

/* ck_exp_tf (op 0), ck_log_tf (op 1) over rows*cols floats, or ck_softmax_tf (op 2: softmax,
   op 3: log-softmax) with an explicit kernel ("generic", "avx2", "avx512"). Returns 0 (doing
   nothing) if this CPU cannot run it. For tests. */
int ck_math_tf_isa(const char *isa, int op, const float *x, float *y, long rows, long cols);

/* ck_sgemm with an explicit kernel: "generic", "avx2", "avx512", or "avx512-layout" (the AVX-512
   code paths compiled for AVX2, for testing them on CPUs without AVX-512). Returns 0 (doing
   nothing) if this CPU cannot run it. For tests and benchmarks. */
int ck_sgemm_isa(const char *isa, int transA, int transB, long m, long n, long k, float alpha,
                 const float *a, long lda, const float *b, long ldb,
                 float beta, float *c, long ldc);

/* Per row of a rows x cols float matrix (cols >= 1): the index of its first largest element
   (argmin != 0: smallest), compared with > (<), or of its first NaN if it has one. */
void ck_argmax_rows(const float *x, int64_t *out, long rows, long cols, int argmin);

/* ck_argmax_rows with an explicit kernel ("generic", "avx2", "avx512"); 0 (doing nothing) if
   this CPU cannot run it. For tests. */
int ck_argmax_rows_isa(const char *isa, const float *x, int64_t *out, long rows, long cols, int argmin);

#endif
