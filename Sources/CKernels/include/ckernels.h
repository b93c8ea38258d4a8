#ifndef MNIST_SHELL_CKERNELS_H
#define MNIST_SHELL_CKERNELS_H
/* Float32 kernels with run-time CPU dispatch. Declarations only; see kernels.c. */
/* Returns a short name of the instruction set the kernels dispatch to ("avx512", "avx2", "generic"). */
const char *ck_isa(void);
#endif
