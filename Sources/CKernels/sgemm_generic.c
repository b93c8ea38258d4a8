/* Portable sgemm, row softmax and row argmax (any x86-64, arm64): 4-wide vectors (SSE2 / NEON), no fused multiply-add
   required. The same source as the wide variants, see sgemm_impl.h. */
#include "internal.h"

/* 8-wide helper vectors (the horizontal-sum tree, the 8x8 transpose) are internal and inlined, so
   the ABI note clang gives for them on baseline x86-64 does not apply. */
#pragma clang diagnostic ignored "-Wpsabi"

#define VL 4
#define DOT_MR 2
#define DOT_NC 5
#define OUT_MV 2
#define OUT_NC 5
#define PANEL_MR 6
#define FN(x) x##_generic
#define FMA(a, b, c) ((a) * (b) + (c))
#include "sgemm_impl.h"

#include "softmax_impl.h"
#include "argmax_impl.h"
