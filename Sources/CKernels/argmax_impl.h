/* Row argmax / argmin of a float32 matrix, instantiated per ISA like sgemm_impl.h (the includer
 * defines FN(name), includes sgemm_impl.h first for FN(transpose_pack), and wraps the include in
 * a target pragma).
 *
 * Semantics (those of Tensors' argExtreme): the index of the first largest (smallest) element of
 * each row, compared with > (<), so ties and -0/+0 keep the first one; if a row holds a NaN, the
 * index of its first NaN; a row of one element gives 0. */
#include <stdint.h>

#ifndef AM_TILE_COLS
#define AM_TILE_COLS 64
#endif

/* One row, branch-free (random rows would mispredict a compare-and-branch). */
static inline __attribute__((always_inline)) int64_t FN(argext_row)(const float *row, long cols, const int minMode) {
  float best = row[0];
  long bi = 0, firstNaN = best != best ? 0 : cols;
  for (long j = 1; j < cols; j++) {
    float v = row[j];
    int better = minMode ? v < best : v > best;
    bi = better ? j : bi;
    best = better ? v : best;
    firstNaN = (v != v && firstNaN == cols) ? j : firstNaN;
  }
  return firstNaN < cols ? firstNaN : bi;
}

/* Eight rows of `cols` <= AM_TILE_COLS at once: transposed into a cols x 8 tile, so the scan
   above runs with one lane per row. */
static inline __attribute__((always_inline)) void FN(argext_tile8)(const float *x, long cols, int64_t *out,
                                                                   const int minMode) {
  float t[AM_TILE_COLS * 8] __attribute__((aligned(64)));
  FN(transpose_pack)(8, cols, x, cols, t); /* t[c*8 + l] = x[l*cols + c] */
  float best[8];
  int32_t bi[8], firstNaN[8];
  for (int l = 0; l < 8; l++) {
    best[l] = t[l];
    bi[l] = 0;
    firstNaN[l] = t[l] != t[l] ? 0 : (int32_t)cols;
  }
  for (long c = 1; c < cols; c++)
    for (int l = 0; l < 8; l++) {
      float v = t[c * 8 + l];
      int better = minMode ? v < best[l] : v > best[l];
      bi[l] = better ? (int32_t)c : bi[l];
      best[l] = better ? v : best[l];
      firstNaN[l] = (v != v && firstNaN[l] == (int32_t)cols) ? (int32_t)c : firstNaN[l];
    }
  for (int l = 0; l < 8; l++) out[l] = firstNaN[l] < (int32_t)cols ? firstNaN[l] : bi[l];
}

static inline __attribute__((always_inline)) void FN(argext_rows)(const float *x, int64_t *out, long rows,
                                                                  long cols, const int minMode) {
  long r = 0;
  if (cols <= AM_TILE_COLS)
    for (; r + 8 <= rows; r += 8) FN(argext_tile8)(x + r * cols, cols, out + r, minMode);
  for (; r < rows; r++) out[r] = FN(argext_row)(x + r * cols, cols, minMode);
}

void FN(ck_argext_rows)(const float *x, int64_t *out, long rows, long cols, int minMode) {
  if (rows <= 0 || cols <= 0) return;
  if (minMode) FN(argext_rows)(x, out, rows, cols, 1);
  else FN(argext_rows)(x, out, rows, cols, 0);
}
