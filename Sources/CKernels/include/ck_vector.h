#ifndef MNIST_SHELL_CK_VECTOR_H
#define MNIST_SHELL_CK_VECTOR_H
/* Elementwise float32 updates for the optimizers, with AVX2 when the CPU has it. Each element is
   computed with the same operations and roundings as the scalar loop (no fused multiply-add). */
#include <stddef.h>

/* y[i] = y[i] - alpha * x[i] for i < n (gradient descent: var -= learning_rate * delta). */
void ck_sub_scaled(float *y, const float *x, float alpha, ptrdiff_t n);

/* ck_sub_scaled with the portable loop whatever the CPU (for tests). */
void ck_sub_scaled_portable(float *y, const float *x, float alpha, ptrdiff_t n);

#endif
