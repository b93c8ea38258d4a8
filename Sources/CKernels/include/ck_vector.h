#ifndef MNIST_SHELL_CK_VECTOR_H
#define MNIST_SHELL_CK_VECTOR_H
/* Elementwise float32 updates for the optimizers, with AVX2 when the CPU has it. Each element is
   computed with the same operations and roundings as the scalar loop (no fused multiply-add). */
#include <stddef.h>

/* y[i] = y[i] - alpha * x[i] for i < n (gradient descent: var -= learning_rate * delta). */
void ck_sub_scaled(float *y, const float *x, float alpha, ptrdiff_t n);

/* ck_sub_scaled with the portable loop whatever the CPU (for tests). */
void ck_sub_scaled_portable(float *y, const float *x, float alpha, ptrdiff_t n);

/* The tutorial's cross-entropy after its softmax y and log(y) (rows x cols, row-major), as the
   graph's ops compute it: per row s = sum over c, in column order from 0, of labels*logs (or
   logs*labels when labelsFirst is 0); *total = sum over rows, in row order from 0, of -s. Then
   the gradient of the logits for a per-element seed g: u = labels*g*(1/y) (g*labels*(1/y)),
   d = sum over c of u*y in column order, out = (u - d)*y. scratch holds 2*rows floats. */
void ck_xent_rows(const float *y, const float *labels, const float *logs, long rows, long cols, float g,
                  int labelsFirst, float *out, float *total, float *scratch);

/* The whole fused loss of the graph engine's tutorial pattern: sm = the engine's softmax of
   each row of x (rows x cols), logs = log(sm) (TF-exact, as ck_softmax_tf and ck_log_tf), then
   the cross-entropy and its logits gradient as ck_xent_rows computes them from sm, labels and
   logs (into grad, and *total). Big ones share their rows with the kernels' helper thread; every
   float is the same either way. scratch holds 3 * rows floats. */
void ck_fused_xent(const float *x, const float *labels, long rows, long cols, float g, int labelsFirst,
                   float *sm, float *logs, float *grad, float *scratch, float *total);

#endif
