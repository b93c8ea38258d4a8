/* x86-64 sgemm variants compiled for AVX2+FMA and AVX-512F; chosen at run time in kernels.c. */
#include "internal.h"
#if defined(__x86_64__)

#pragma clang attribute push(__attribute__((target("avx2,fma"))), apply_to = function)
#define VL 8
#define DOT_MR 2
#define DOT_NC 5
#define OUT_MV 2
#define OUT_NC 5
#define PANEL_MR 6
#define FN(x) x##_avx2
#define CK_HAS_ROUND 1
#define FMA(a, b, c) __builtin_elementwise_fma(a, b, c)
#include "sgemm_impl.h"
#include "softmax_impl.h"
#include "argmax_impl.h"
#undef VL
#undef DOT_MR
#undef DOT_NC
#undef OUT_MV
#undef OUT_NC
#undef PANEL_MR
#undef FN
#undef FMA
#undef CK_HAS_ROUND
#pragma clang attribute pop

#pragma clang attribute push(__attribute__((target("avx512f,avx2,fma"))), apply_to = function)
#define VL 16
#define DOT_MR 4
#define DOT_NC 5
#define OUT_MV 2
#define OUT_NC 10
#define PANEL_MR 12
#define FN(x) x##_avx512
#define CK_HAS_ROUND 1
#define FMA(a, b, c) __builtin_elementwise_fma(a, b, c)
#include "sgemm_impl.h"
#include "softmax_impl.h"
#include "argmax_impl.h"
#undef VL
#undef DOT_MR
#undef DOT_NC
#undef OUT_MV
#undef OUT_NC
#undef PANEL_MR
#undef FN
#undef FMA
#undef CK_HAS_ROUND
#pragma clang attribute pop

/* The AVX-512 blocking (16-wide vectors, 12-column / 12-row blocks) compiled for AVX2, where
   clang splits each 16-wide vector op in two. Never dispatched to: it lets the test suite run the
   exact code paths of the AVX-512 variant on CPUs without AVX-512. */
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wpsabi"
#pragma clang attribute push(__attribute__((target("avx2,fma"))), apply_to = function)
#define VL 16
#define DOT_MR 4
#define DOT_NC 5
#define OUT_MV 2
#define OUT_NC 10
#define PANEL_MR 12
#define FN(x) x##_avx512layout
#define FMA(a, b, c) __builtin_elementwise_fma(a, b, c)
#include "sgemm_impl.h"
#undef VL
#undef DOT_MR
#undef DOT_NC
#undef OUT_MV
#undef OUT_NC
#undef PANEL_MR
#undef FN
#undef FMA
#undef CK_HAS_ROUND
#pragma clang attribute pop
#pragma clang diagnostic pop

#endif
